import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from '../logger.js';
import { errorMessage } from '../logger.js';
import type { Database } from '../store/schema.js';
import { answerWithoutTurn } from './canned.js';
import type { Engine, Relay, TurnOutcome } from './engine.js';
import { sanitizeInbound } from './sanitize.js';
import type { Inbound } from './types.js';

/**
 * One token bucket per chat identity, kept in Redis so every server process draws from the same
 * bucket. A message id seen before is not charged (a platform retry is deduped by the engine, it
 * must not eat the person's allowance). Over the limit the answer says whether this drop is the
 * first of its notice window, so the person hears "slow down" once, not fifty times.
 *
 * KEYS: bucket, notice, seen. ARGV: now (ms), tokens per ms, burst, notice window (ms), seen ttl (ms).
 * Returns {allowed, notify}.
 */
const TAKE = `
if redis.call('set', KEYS[3], '1', 'NX', 'PX', ARGV[5]) == false then return {1, 0} end
local now = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local b = redis.call('hmget', KEYS[1], 't', 'ts')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
if now > ts then tokens = math.min(burst, tokens + (now - ts) * rate) end
if now < ts then now = ts end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('hset', KEYS[1], 't', tostring(tokens), 'ts', tostring(now))
redis.call('pexpire', KEYS[1], math.ceil(burst / rate) + 1000)
if allowed == 1 then return {1, 0} end
if redis.call('set', KEYS[2], '1', 'NX', 'PX', ARGV[4]) == false then return {0, 0} end
return {0, 1}
`;

export interface InboundLimiterOptions {
  redis: Redis;
  /** Key prefix (the queue prefix), so two installations on one Redis never share buckets. */
  prefix: string;
  /** Sustained turns per minute per chat; 0 turns the limit off. */
  perMinute: number;
  /** Turns a chat may send at once before the sustained rate applies. */
  burst: number;
  /** At most one "slow down" notice per chat in this window. */
  noticeWindowMs?: number;
  /** Redis slower than this counts as away: the turn goes through (fail open). */
  timeoutMs?: number;
  now: () => Date;
  log: Logger;
}

export interface LimitDecision {
  allowed: boolean;
  notify: boolean;
}

export interface InboundLimiter {
  take(inbound: Pick<Inbound, 'channel' | 'externalUserId' | 'messageId'>): Promise<LimitDecision>;
}

const SEEN_TTL_MS = 10 * 60_000;

export function createInboundLimiter(o: InboundLimiterOptions): InboundLimiter {
  const window = o.noticeWindowMs ?? 60_000;
  const timeoutMs = o.timeoutMs ?? 250;
  let warnedAt = 0;
  return {
    async take(inbound) {
      if (o.perMinute <= 0) return { allowed: true, notify: false };
      const who = `${inbound.channel}:${inbound.externalUserId}`;
      const key = `${o.prefix}:inbound`;
      let timer: NodeJS.Timeout | undefined;
      try {
        const result = (await Promise.race([
          o.redis.eval(
            TAKE,
            3,
            `${key}:bucket:${who}`,
            `${key}:notice:${who}`,
            `${key}:seen:${inbound.channel}:${inbound.messageId}`,
            o.now().getTime(),
            o.perMinute / 60_000,
            Math.max(1, o.burst),
            window,
            SEEN_TTL_MS,
          ),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ])) as [number, number];
        return { allowed: result[0] === 1, notify: result[1] === 1 };
      } catch (err) {
        // Redis away: a person must still be able to work; the limit is protection, not a gate.
        if (Date.now() - warnedAt > 60_000) {
          warnedAt = Date.now();
          o.log.warn({ err: errorMessage(err) }, 'inbound rate limit unavailable; turns accepted');
        }
        return { allowed: true, notify: false };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export interface LimitedEngineDeps {
  db: Kysely<Database>;
  relay: Relay;
  defaultLocale: string;
  log: Logger;
  now: () => Date;
}

export type LimitedOutcome = TurnOutcome & { throttled?: boolean };

/**
 * The engine behind the limiter: the one place every channel enters. A message over the limit
 * does not run a turn; it is still recorded (inbound_messages, kind `throttled`) so nothing
 * vanishes without a trace, and the first drop of a window answers with one kind sentence.
 * The caller (a webhook) answers as usual, so the platform does not send it again.
 */
export function limitEngine(engine: Engine, limiter: InboundLimiter, deps: LimitedEngineDeps): Engine {
  async function drop(inbound: Inbound, notify: boolean): Promise<LimitedOutcome> {
    const at = deps.now();
    const r = await answerWithoutTurn(deps.db, inbound, {
      kind: 'throttled',
      reply: notify ? 'rate.slow_down' : null,
      at,
      defaultLocale: deps.defaultLocale,
    });
    const outcome: LimitedOutcome = { ...r, replies: r.outboxIds.length, throttled: true };
    deps.log.info(
      { channel: inbound.channel, messageId: inbound.messageId, notified: notify },
      'inbound turn throttled',
    );
    if (outcome.outboxIds.length) await deps.relay.enqueue(outcome.outboxIds);
    return outcome;
  }

  return {
    async handle(raw) {
      // Ids bounded before they become Redis keys (a WhatsApp id is whatever the payload says).
      const inbound = sanitizeInbound(raw);
      const decision = await limiter.take(inbound);
      if (decision.allowed) return engine.handle(inbound);
      return drop(inbound, decision.notify);
    },
  };
}
