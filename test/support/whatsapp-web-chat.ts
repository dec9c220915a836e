import type { Kysely } from 'kysely';
import type { Outbound } from '../../src/conversation/types.js';
import type { Database } from '../../src/store/schema.js';
import { ChatClient, type ChatMessage } from './chat.js';
import type { FakeWhatsAppPhone } from './fake-whatsapp-web.js';
import { repliesTo, sentTo } from './outbox-reading.js';
import { eventually } from './system.js';

/**
 * The same person-at-a-phone as ChatClient, over a linked WhatsApp phone: a message is typed
 * into the fake whatsapp-web.js client (its `message` event), and the bot's messages are what
 * the client actually sent (numbered text), matched to their outbox rows by the WhatsApp id.
 */
export class WhatsAppWebChatClient extends ChatClient {
  constructor(
    private readonly phone: FakeWhatsAppPhone,
    private readonly db: Kysely<Database>,
    readonly digits: string,
  ) {
    super('http://127.0.0.1:9', digits);
  }

  override async post(
    body: Record<string, unknown>,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    if (typeof body.text !== 'string') throw new Error('on WhatsApp Web a person can only type');
    const message = this.phone.receive(`${this.digits}@c.us`, body.text);
    const messageId = message.id._serialized;
    // The turn is committed when its inbound row exists; its replies share its timestamp.
    await eventually(
      async () =>
        (await this.db
          .selectFrom('inbound_messages')
          .select('id')
          .where('channel', '=', 'whatsapp')
          .where('external_id', '=', messageId)
          .executeTakeFirst()) !== undefined,
      20_000,
      20,
    );
    return repliesTo(this.db, 'whatsapp', messageId);
  }

  private readonly shown = new Set<number>();

  override async fetchNew(): Promise<ChatMessage[]> {
    const rows = await sentTo(this.db, 'whatsapp', this.digits);
    const fresh: ChatMessage[] = [];
    for (const r of rows) {
      if (this.shown.has(r.id)) continue;
      // What the person saw is what the client sent: the numbered text, or the document.
      const sent = this.phone.sent.find((s) => s.id === r.external_id);
      if (!sent) throw new Error(`outbox row ${r.id} is marked sent but WhatsApp never got it`);
      const p = r.payload as Outbound;
      fresh.push(
        p.type === 'document'
          ? ({ id: r.id, ...p, text: sent.options?.caption ?? '' } as unknown as ChatMessage)
          : ({ id: r.id, ...p, text: sent.body ?? '' } as ChatMessage),
      );
      this.shown.add(r.id);
    }
    this.transcript.push(...fresh);
    return fresh;
  }
}
