import type { Kysely } from 'kysely';
import type { Outbound } from '../../src/conversation/types.js';
import type { Database } from '../../src/store/schema.js';
import { ChatClient, type ChatMessage } from './chat.js';
import { repliesTo, sentTo } from './outbox-reading.js';

let nextUpdateId = 50_000;
let nextChatId = 900_000;

/**
 * The same person-at-a-phone as ChatClient, but over Telegram: messages go in as Bot API
 * updates through the real webhook, and the bot's messages are read from the outbox rows the
 * Telegram adapter has sent (to the fake Bot API). Replies are found by the turn that wrote
 * them: the inbound row and its replies share the transaction's timestamp.
 */
export class TelegramChatClient extends ChatClient {
  readonly chatId: number;

  constructor(
    private readonly url: string,
    private readonly db: Kysely<Database>,
    private readonly secret: string,
  ) {
    const chatId = ++nextChatId;
    super(url, String(chatId));
    this.chatId = chatId;
  }

  private update(body: Record<string, unknown>) {
    const update_id = ++nextUpdateId;
    const chat = { id: this.chatId, type: 'private', first_name: 'Uji' };
    const from = { id: this.chatId, is_bot: false, first_name: 'Uji' };
    if (typeof body.optionId === 'string') {
      return {
        update_id,
        callback_query: {
          id: `cb${update_id}`,
          from,
          chat_instance: 'x',
          data: body.optionId,
          message: { message_id: 1, date: 1, chat },
        },
      };
    }
    const media = body.media as { kind: string; fileId: string; caption?: string } | undefined;
    const message: Record<string, unknown> = {
      message_id: update_id,
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
    };
    if (typeof body.text === 'string') message.text = body.text;
    if (media?.kind === 'photo') message.photo = [{ file_id: media.fileId }];
    else if (media) message[media.kind] = { file_id: media.fileId };
    if (media?.caption) message.caption = media.caption;
    return { update_id, message };
  }

  override async post(
    body: Record<string, unknown>,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const update = this.update(body);
    const res = await fetch(`${this.url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': this.secret },
      body: JSON.stringify(update),
    });
    if (res.status !== 200)
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    // Telegram answers 200; the web chat's 202 is what the shared helpers expect.
    return repliesTo(this.db, 'telegram', `u${update.update_id}`);
  }

  private readonly shown = new Set<number>();

  override async fetchNew(): Promise<ChatMessage[]> {
    const rows = await sentTo(this.db, 'telegram', String(this.chatId));
    const fresh = rows
      .filter((r) => !this.shown.has(r.id))
      .map((r) => {
        const p = r.payload as Outbound;
        return p.type === 'document'
          ? ({ id: r.id, ...p, text: p.caption } as unknown as ChatMessage)
          : ({ id: r.id, ...p } as ChatMessage);
      });
    for (const m of fresh) this.shown.add(m.id);
    this.transcript.push(...fresh);
    return fresh;
  }
}
