import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Telegram Bot API for tests and benchmarks: telegraf is pointed at `url` through
 * `telegram.apiRoot`, so the adapter's real HTTP path (incl. 429 / 403 handling) is exercised
 * without touching api.telegram.org.
 *
 * Rate-limit rule (deterministic, only for sendMessage / sendDocument / editMessageText):
 * a call for chat C at time t is accepted iff fewer than `perChatPerSecond` calls to C and fewer
 * than `globalPerSecond` calls overall were ACCEPTED in the sliding window (t - 1000 ms, t].
 * Refused calls (429/403/400) never enter a window, so waiting `retry_after` seconds after the
 * oldest accepted call always frees a slot. Real Telegram is fuzzier (bursts, group limits); a
 * strict rule keeps test outcomes independent of timing luck.
 */
export interface FakeTelegramOptions {
  token: string;
  globalPerSecond?: number;
  perChatPerSecond?: number;
  retryAfterSeconds?: number;
  blockedChats?: Iterable<string | number>;
}
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
  status: number;
}
export interface WebhookConfig {
  url: string;
  secretToken?: string;
  allowedUpdates?: string[];
  maxConnections?: number;
}
export interface FakeTelegram {
  url: string;
  calls: RecordedCall[];
  sent(chatId?: string | number): RecordedCall[];
  errors: RecordedCall[];
  queueUpdate(update: object): void;
  webhook: WebhookConfig | null;
  setBlocked(chatId: string | number, blocked: boolean): void;
  close(): Promise<void>;
}

type Params = Record<string, unknown>;
type Reply = { status: number; body: unknown };

const SEND_METHODS = new Set(['sendMessage', 'sendDocument', 'editMessageText']);
const WINDOW_MS = 1000;
// Required params per method, checked in order, with Telegram's wording of the complaint.
const CHAT = 'chat_id is empty';
const REQUIRED: Record<string, Record<string, string>> = {
  sendMessage: { chat_id: CHAT, text: 'message text is empty' },
  sendDocument: { chat_id: CHAT, document: 'there is no document in the request' },
  editMessageText: {
    chat_id: CHAT,
    message_id: 'message identifier is not specified',
    text: 'text must be non-empty',
  },
  sendChatAction: { chat_id: CHAT },
  answerCallbackQuery: { callback_query_id: 'query is too old or query ID is invalid' },
};
const MAX_POLL_MS = 2000; // long polls are bounded so a forgotten poller cannot stall a test run
const MAX_BODY = 10 * 1024 * 1024;

const ok = (result: unknown): Reply => ({ status: 200, body: { ok: true, result } });
const fail = (status: number, description: string, parameters?: object): Reply => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Just enough multipart/form-data for telegraf's uploads: text fields as strings, files by name. */
function parseMultipart(body: Buffer, boundary: string): Params {
  const out: Params = {};
  const raw = body.toString('latin1'); // byte-preserving, so each field can be re-decoded as UTF-8
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break; // closing delimiter
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    out[name] =
      filename !== undefined
        ? { filename: Buffer.from(filename, 'latin1').toString('utf8'), size: value.length }
        : Buffer.from(value, 'latin1').toString('utf8');
  }
  return out;
}

async function readParams(req: IncomingMessage, query: URLSearchParams): Promise<Params> {
  const params: Params = Object.fromEntries(query);
  const body = await readBody(req);
  if (body.length === 0) return params;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json'))
    return { ...params, ...(JSON.parse(body.toString('utf8')) as Params) };
  if (type.includes('application/x-www-form-urlencoded')) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (type.includes('multipart/form-data') && boundary) {
    return { ...params, ...parseMultipart(body, (boundary[1] ?? boundary[2] ?? '').trim()) };
  }
  return params;
}

/** Form and multipart bodies carry objects as JSON strings; Telegram decodes them, so do we. */
function jsonField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const chatKey = (v: unknown) => String(v);
const chatIdOf = (v: unknown) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v);

export async function startFakeTelegram(opts: FakeTelegramOptions): Promise<FakeTelegram> {
  const globalLimit = opts.globalPerSecond ?? 30;
  const chatLimit = opts.perChatPerSecond ?? 1;
  const retryAfter = opts.retryAfterSeconds ?? 1;
  const blocked = new Set([...(opts.blockedChats ?? [])].map(chatKey));
  const botId = Number(opts.token.split(':')[0]) || 1_000_001;
  const bot = { id: botId, is_bot: true, first_name: 'PesanDesa Test', username: 'pesandesa_test_bot' };

  const calls: RecordedCall[] = [];
  const globalWindow: number[] = [];
  const chatWindows = new Map<string, number[]>();
  const lastMessageId = new Map<string, number>();
  const updates: Array<{ update_id: number } & Record<string, unknown>> = [];
  const pollers = new Set<() => void>();
  let nextUpdateId = 1;
  let closed = false;

  const prune = (win: number[], now: number) => {
    while (win.length > 0 && now - (win[0] ?? 0) >= WINDOW_MS) win.shift();
  };

  /** Applies the sliding-window rule; records the slot only when the call is accepted. */
  const admit = (chat: string): boolean => {
    const now = performance.now();
    const win = chatWindows.get(chat) ?? [];
    chatWindows.set(chat, win);
    prune(win, now);
    prune(globalWindow, now);
    if (win.length >= chatLimit || globalWindow.length >= globalLimit) return false;
    win.push(now);
    globalWindow.push(now);
    return true;
  };

  /** A Message for chat_id; `editedId` reuses an id (edits), otherwise the chat's next id. */
  const message = (p: Params, extra: Params, editedId?: number): Params => {
    const chat = chatKey(p.chat_id);
    const id = editedId ?? (lastMessageId.get(chat) ?? 0) + 1;
    if (editedId === undefined) lastMessageId.set(chat, id);
    const replyMarkup = jsonField(p.reply_markup);
    return {
      message_id: id,
      from: bot,
      chat: { id: chatIdOf(p.chat_id), type: 'private' },
      date: Math.floor(Date.now() / 1000),
      ...extra,
      ...(replyMarkup !== undefined ? { reply_markup: replyMarkup } : {}),
    };
  };

  const pending = (offset: number) => {
    // Confirming an offset forgets every earlier update, as Telegram does.
    while (updates.length > 0 && (updates[0]?.update_id ?? 0) < offset) updates.shift();
    return updates;
  };

  const getUpdates = async (p: Params): Promise<Reply> => {
    if (fake.webhook) {
      return fail(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = Number(p.offset ?? 0) || 0;
    const limit = Math.min(Math.max(Number(p.limit ?? 100) || 100, 1), 100);
    const waitMs = Math.min(Math.max(Number(p.timeout ?? 0) || 0, 0) * 1000, MAX_POLL_MS);
    if (pending(offset).length === 0 && waitMs > 0 && !closed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          pollers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        pollers.add(done);
      });
    }
    return ok(pending(offset).slice(0, limit));
  };

  const handle = async (method: string, p: Params): Promise<Reply> => {
    // editMessageText may address an inline message instead of chat_id + message_id.
    const inline = method === 'editMessageText' && !present(p.chat_id) && present(p.inline_message_id);
    for (const [field, description] of Object.entries(REQUIRED[method] ?? {})) {
      if (!present(p[field]) && !(inline && field !== 'text'))
        return fail(400, `Bad Request: ${description}`);
    }
    if (SEND_METHODS.has(method)) {
      const chat = inline ? `inline:${String(p.inline_message_id)}` : chatKey(p.chat_id);
      if (blocked.has(chat)) return fail(403, 'Forbidden: bot was blocked by the user');
      if (!admit(chat)) {
        return fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      }
    }
    switch (method) {
      case 'getMe':
        return ok({
          ...bot,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case 'setWebhook': {
        const url = typeof p.url === 'string' ? p.url : '';
        const allowed = jsonField(p.allowed_updates);
        fake.webhook = url
          ? {
              url,
              ...(present(p.secret_token) ? { secretToken: String(p.secret_token) } : {}),
              ...(Array.isArray(allowed) ? { allowedUpdates: allowed.map(String) } : {}),
              ...(present(p.max_connections) ? { maxConnections: Number(p.max_connections) } : {}),
            }
          : null; // Telegram treats an empty url as "remove the webhook"
        return ok(true);
      }
      case 'deleteWebhook':
        fake.webhook = null;
        if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') updates.length = 0;
        return ok(true);
      case 'getWebhookInfo':
        return ok({
          url: fake.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: updates.length,
          ...(fake.webhook?.maxConnections ? { max_connections: fake.webhook.maxConnections } : {}),
          ...(fake.webhook?.allowedUpdates ? { allowed_updates: fake.webhook.allowedUpdates } : {}),
        });
      case 'getUpdates':
        return getUpdates(p);
      case 'sendMessage':
        return ok(message(p, { text: String(p.text) }));
      case 'editMessageText':
        if (inline) return ok(true); // Telegram answers plain true for inline messages
        return ok(
          message(
            p,
            { text: String(p.text), edit_date: Math.floor(Date.now() / 1000) },
            Number(p.message_id),
          ),
        );
      case 'sendDocument': {
        const doc = p.document;
        const name =
          typeof doc === 'string'
            ? (doc.split(/[?#]/)[0]?.split('/').pop() ?? 'document')
            : String((doc as { filename?: unknown }).filename ?? 'document');
        const fileId = `doc-${calls.length + 1}`;
        return ok(
          message(p, {
            document: { file_id: fileId, file_unique_id: fileId, file_name: name || 'document' },
            ...(present(p.caption) ? { caption: String(p.caption) } : {}),
          }),
        );
      }
      case 'answerCallbackQuery':
      case 'sendChatAction':
      case 'editMessageReplyMarkup':
        return ok(true);
      default:
        return fail(404, 'Not Found: method not found');
    }
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now(); // arrival time: a held getUpdates is still recorded when it arrived
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    let reply: Reply;
    const method = match?.[2] ?? '';
    let params: Params = {};
    try {
      params = await readParams(req, url.searchParams);
      if (!match) reply = fail(404, 'Not Found');
      else if (match[1] !== opts.token) reply = fail(401, 'Unauthorized');
      else reply = await handle(method, params);
    } catch {
      reply = fail(400, 'Bad Request: malformed request body');
    }
    calls.push({ method, params, at, status: reply.status });
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  };

  const server = createServer((req, res) => {
    void serve(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeTelegram = {
    url: `http://127.0.0.1:${port}`,
    calls,
    webhook: null,
    get errors() {
      return calls.filter((c) => c.status === 429);
    },
    sent(chatId) {
      return calls.filter(
        (c) =>
          c.status === 200 &&
          SEND_METHODS.has(c.method) &&
          (chatId === undefined || chatKey(c.params.chat_id) === chatKey(chatId)),
      );
    },
    queueUpdate(update) {
      const given = (update as { update_id?: unknown }).update_id;
      const id = typeof given === 'number' ? given : nextUpdateId;
      nextUpdateId = Math.max(nextUpdateId, id + 1);
      updates.push({ ...update, update_id: id });
      for (const wake of [...pollers]) wake();
    },
    setBlocked(chatId, isBlocked) {
      if (isBlocked) blocked.add(chatKey(chatId));
      else blocked.delete(chatKey(chatId));
    },
    async close() {
      closed = true;
      for (const wake of [...pollers]) wake();
      await new Promise((resolve) => setImmediate(resolve)); // let the woken polls write their answers
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}
