/**
 * The load generator, run in its own process so it does not steal the server's event loop:
 * `chats` concurrent Telegram chats, each sending its next update only after the previous one
 * was answered (Telegram's order within a chat), over keep-alive connections (node:http).
 * Input: one JSON argument (LoadSpec). Output: one IPC message (LoadResult).
 */
import { Agent, request } from 'node:http';

export interface LoadSpec {
  url: string;
  path: string;
  secret?: string;
  chats: number;
  /** First chat id; each run uses fresh chats unless told otherwise. */
  chatBase: number;
  /** First update id: unique across runs on the same database (the engine dedupes on it). */
  updateBase: number;
  warmupMs: number;
  /** Measured window; the run ends at whichever of durationMs / maxRequests comes first. */
  durationMs: number;
  maxRequests: number;
  texts: string[];
  /** Record per-request latencies (off for long memory runs). */
  latencies: boolean;
}

export interface LoadResult {
  type: 'result';
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  latenciesMs: number[];
  lastUpdateId: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const target = new URL(spec.url);
const agent = new Agent({ keepAlive: true, maxSockets: spec.chats, maxFreeSockets: spec.chats });
let nextUpdate = spec.updateBase;

function post(body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: spec.path,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(spec.secret ? { 'x-telegram-bot-api-secret-token': spec.secret } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(-1));
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

function update(chatId: number, text: string): string {
  const update_id = nextUpdate++;
  const chat = { id: chatId, type: 'private', first_name: 'Bench' };
  return JSON.stringify({
    update_id,
    message: {
      message_id: update_id,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { id: chatId, is_bot: false, first_name: 'Bench' },
      text,
    },
  });
}

const result: LoadResult = {
  type: 'result',
  ok: 0,
  failed: 0,
  statuses: {},
  elapsedMs: 0,
  latenciesMs: [],
  lastUpdateId: 0,
};
const start = performance.now();
const measureFrom = start + spec.warmupMs;
const until = measureFrom + spec.durationMs;
let measured = 0;
// Tells the parent when the measured window opens, so it can read CPU counters then.
setTimeout(() => process.send?.({ type: 'measuring' }), spec.warmupMs);

async function chat(k: number) {
  const chatId = spec.chatBase + k;
  for (let i = 0; ; i++) {
    const now = performance.now();
    if (now >= until || measured >= spec.maxRequests) return;
    const body = update(chatId, spec.texts[i % spec.texts.length] ?? 'halo');
    const t0 = performance.now();
    const status = await post(body);
    const t1 = performance.now();
    if (t0 < measureFrom) continue;
    measured++;
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    if (status === 200) {
      result.ok++;
      if (spec.latencies) result.latenciesMs.push(t1 - t0);
    } else result.failed++;
  }
}

await Promise.all(Array.from({ length: spec.chats }, (_, k) => chat(k)));
result.elapsedMs = performance.now() - Math.max(measureFrom, start);
result.lastUpdateId = nextUpdate;
agent.destroy();
process.send?.(result, () => process.exit(0));
