import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake WhatsApp Cloud API (Meta Graph API) messages endpoint for tests: the adapter posts to
 * `${url}/v21.0/${phoneNumberId}/messages` (any `vNN.N` version is accepted).
 *
 * Checks, in order: bearer token (401, code 190), phone number id (400, code 100), envelope
 * (messaging_product / to / type, code 100), content limits (code 131009 with error_data.details),
 * then throughput. Throughput rule (deterministic sliding windows over ACCEPTED sends only):
 * a send at time t is refused with 130429 if `perSecond` sends were accepted in (t - 1000 ms, t],
 * else with 131056 if `pairPerSixSeconds` sends to the same recipient were accepted in
 * (t - pairWindowMs, t]. Refused calls never enter a window. Errors come back as HTTP 400 with
 * `{ error: { message, type, code, ... } }`, like the real Graph API.
 */
export interface FakeCloudOptions {
  accessToken: string;
  phoneNumberId: string;
  perSecond?: number; // default 80
  pairPerSixSeconds?: number; // default 1
  pairWindowMs?: number; // default 6000; shrink it in tests instead of waiting 6 s
}
export interface CloudCall {
  path: string;
  body: Record<string, unknown>;
  at: number;
  status: number;
  code?: number; // Graph error code of a refused call
}
export interface FakeCloud {
  url: string;
  calls: CloudCall[];
  sent(to?: string): CloudCall[];
  errors: CloudCall[];
  close(): Promise<void>;
}

type Obj = Record<string, unknown>;
type Reply = { status: number; body: unknown };

export const RATE_LIMIT = 130429;
export const PAIR_RATE_LIMIT = 131056;
export const INVALID_PARAMETER = 131009;
const THROUGHPUT = new Set([RATE_LIMIT, PAIR_RATE_LIMIT]);
const MAX_BODY = 1024 * 1024;

const fail = (status: number, code: number, message: string, extra: Obj = {}): Reply => ({
  status,
  body: { error: { message, type: 'OAuthException', code, ...extra } },
});
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** WhatsApp counts characters, not UTF-16 units. */
const len = (v: unknown) => [...(str(v) ?? '')].length;
/** The wa_id a phone number resolves to: digits only ('+62 812-3456' → '628123456'). */
const waId = (to: unknown) => String(to ?? '').replace(/\D/g, '');

/** Every content-limit violation of a message, in Meta-ish wording; empty when valid. */
function violations(m: Obj): string[] {
  const out: string[] = [];
  const need = (ok: boolean, detail: string) => {
    if (!ok) out.push(detail);
  };
  const text = (v: unknown, max: number, field: string) =>
    need(len(v) >= 1 && len(v) <= max, `${field} must be a non-empty string of at most ${max} characters`);
  switch (m.type) {
    case 'text':
      text(obj(m.text).body, 4096, 'text.body');
      break;
    case 'template': {
      const t = obj(m.template);
      need(len(t.name) > 0, 'template.name is required');
      need(len(obj(t.language).code) > 0, 'template.language.code is required');
      break;
    }
    case 'document': {
      const d = obj(m.document);
      need(len(d.link) > 0 || len(d.id) > 0, 'document.link or document.id is required');
      break;
    }
    case 'interactive': {
      const i = obj(m.interactive);
      const action = obj(i.action);
      text(obj(i.body).text, 1024, 'interactive.body.text');
      if (i.type === 'button') {
        const buttons = list(action.buttons);
        need(
          buttons.length >= 1 && buttons.length <= 3,
          'interactive.action.buttons must hold 1 to 3 buttons',
        );
        buttons.forEach((b, n) => {
          const reply = obj(obj(b).reply);
          text(reply.title, 20, `buttons[${n}].reply.title`);
          text(reply.id, 256, `buttons[${n}].reply.id`);
        });
      } else if (i.type === 'list') {
        const sections = list(action.sections);
        const rows = sections.flatMap((s) => list(obj(s).rows));
        text(action.button, 20, 'interactive.action.button');
        need(sections.length >= 1 && sections.length <= 10, 'interactive.action.sections must hold 1 to 10');
        need(rows.length >= 1 && rows.length <= 10, 'interactive lists hold 1 to 10 rows in total');
        rows.forEach((r, n) => {
          const row = obj(r);
          text(row.id, 200, `rows[${n}].id`);
          text(row.title, 24, `rows[${n}].title`);
          if (row.description !== undefined) text(row.description, 72, `rows[${n}].description`);
        });
      } else out.push("interactive.type must be 'button' or 'list'");
      break;
    }
  }
  return out;
}

async function readJson(req: IncomingMessage): Promise<Obj> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  return raw ? obj(JSON.parse(raw)) : {};
}

export async function startFakeCloud(opts: FakeCloudOptions): Promise<FakeCloud> {
  const perSecond = opts.perSecond ?? 80;
  const pairLimit = opts.pairPerSixSeconds ?? 1;
  const pairWindowMs = opts.pairWindowMs ?? 6000;
  const calls: CloudCall[] = [];
  const globalWindow: number[] = [];
  const pairWindows = new Map<string, number[]>();
  let nextId = 1;

  const prune = (win: number[], now: number, span: number) => {
    while (win.length > 0 && now - (win[0] ?? 0) >= span) win.shift();
  };

  const send = (m: Obj): Reply => {
    if (m.messaging_product !== 'whatsapp')
      return fail(400, 100, '(#100) The parameter messaging_product is required.');
    if (!waId(m.to)) return fail(400, 100, '(#100) The parameter to is required.');
    if (!['text', 'interactive', 'template', 'document'].includes(String(m.type)))
      return fail(400, 100, '(#100) Param type must be one of {TEXT, INTERACTIVE, TEMPLATE, DOCUMENT}');
    const details = violations(m);
    if (details.length > 0) {
      return fail(400, INVALID_PARAMETER, 'Parameter value is not valid', {
        error_data: { messaging_product: 'whatsapp', details: details.join('; ') },
      });
    }
    const to = waId(m.to);
    const now = performance.now();
    const pair = pairWindows.get(to) ?? [];
    pairWindows.set(to, pair);
    prune(globalWindow, now, 1000);
    prune(pair, now, pairWindowMs);
    if (globalWindow.length >= perSecond) return fail(400, RATE_LIMIT, 'Rate limit hit');
    if (pair.length >= pairLimit)
      return fail(400, PAIR_RATE_LIMIT, '(Business Account, Consumer Account) pair rate limit hit');
    globalWindow.push(now);
    pair.push(now);
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: m.to, wa_id: to }],
        messages: [{ id: `wamid.${nextId++}` }],
      },
    };
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    let body: Obj = {};
    let reply: Reply;
    try {
      body = await readJson(req);
      const match = /^\/v\d+\.\d+\/([^/]+)\/messages$/.exec(path);
      if (req.headers.authorization !== `Bearer ${opts.accessToken}`)
        reply = fail(401, 190, 'Invalid OAuth access token.');
      else if (req.method !== 'POST' || match?.[1] !== opts.phoneNumberId)
        reply = fail(400, 100, 'Unsupported post request');
      else reply = send(body);
    } catch {
      reply = fail(400, 100, '(#100) Invalid parameter'); // malformed JSON
    }
    const code = (reply.body as { error?: { code?: number } }).error?.code;
    calls.push({ path, body, at, status: reply.status, ...(code !== undefined ? { code } : {}) });
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

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get errors() {
      return calls.filter((c) => c.code !== undefined && THROUGHPUT.has(c.code));
    },
    sent(to) {
      return calls.filter((c) => c.status === 200 && (to === undefined || waId(c.body.to) === waId(to)));
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
