import { randomUUID } from 'node:crypto';
import { eventually } from './system.js';

export interface ChatMessage {
  id: number;
  type: 'text' | 'options' | 'document';
  text: string;
  options?: Array<{ id: string; label: string }>;
  multi?: boolean;
}

export const TEST_TOKEN = 'test-operator-token-0123456789';

/**
 * A person chatting through the web chat API, as the console simulator does: sends a message,
 * then waits (bounded) for the bot's replies to be delivered by the real worker.
 */
export class ChatClient {
  private lastId = 0;
  readonly transcript: ChatMessage[] = [];

  constructor(
    private readonly baseUrl: string,
    readonly identity: string,
    private readonly token = TEST_TOKEN,
  ) {}

  private headers() {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  async post(body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${this.baseUrl}/api/chat/${this.identity}/messages`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({ id: randomUUID(), ...body }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  private readonly seen = new Set<number>();

  /** Polls the transcript from the server's cursor and returns the messages not seen before. */
  async fetchNew(): Promise<ChatMessage[]> {
    const res = await fetch(`${this.baseUrl}/api/chat/${this.identity}/messages?after=${this.lastId}`, {
      headers: this.headers(),
    });
    const body = (await res.json()) as { messages: Array<ChatMessage & { caption?: string }>; next: number };
    this.lastId = body.next;
    // A document carries a caption instead of a text; reading both the same keeps tests simple.
    const fresh = body.messages
      .filter((m) => !this.seen.has(m.id))
      .map((m) => ({ ...m, text: m.text ?? m.caption ?? '' }));
    for (const m of fresh) this.seen.add(m.id);
    this.transcript.push(...fresh);
    return fresh;
  }

  /** Sends and returns the bot's reply (the last message it sent in answer). */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<ChatMessage> {
    const res = await this.post({ text, ...extra });
    if (res.status !== 202) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.json)}`);
    return this.answerTo(res.json);
  }

  async tap(optionId: string): Promise<ChatMessage> {
    const res = await this.post({ optionId });
    if (res.status !== 202) throw new Error(`tap failed: ${res.status}`);
    return this.answerTo(res.json);
  }

  /**
   * The reply to one message, by the ids the API gave for it: notices that arrive meanwhile
   * (an alert, a document) are kept in the transcript but never taken for the reply.
   */
  async answerTo(json: Record<string, unknown>): Promise<ChatMessage> {
    const ids = (json.replyIds as number[] | undefined) ?? [];
    if (ids.length === 0) return this.reply(Number(json.replies ?? 1));
    const last = Math.max(...ids);
    let found: ChatMessage | undefined;
    await eventually(
      async () => {
        await this.fetchNew();
        found = this.transcript.find((m) => m.id === last);
        return found !== undefined;
      },
      20_000,
      25,
    );
    return found as ChatMessage;
  }

  async reply(count = 1): Promise<ChatMessage> {
    const got: ChatMessage[] = [];
    await eventually(
      async () => {
        got.push(...(await this.fetchNew()));
        return got.length >= count;
      },
      20_000,
      25,
    );
    return got[got.length - 1] as ChatMessage;
  }

  /** Waits (bounded) for a message from the bot that satisfies `match`, reading what is new. */
  async waitFor(match: (m: ChatMessage) => boolean): Promise<ChatMessage> {
    let found: ChatMessage | undefined;
    await eventually(
      async () => {
        found = (await this.fetchNew()).find(match) ?? this.transcript.find(match);
        return found !== undefined;
      },
      20_000,
      50,
    );
    return found as ChatMessage;
  }
}

export function optionLabels(m: ChatMessage): string[] {
  return (m.options ?? []).map((o) => o.label);
}
