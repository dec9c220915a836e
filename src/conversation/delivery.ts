import type { Kysely } from 'kysely';
import type { Logger } from '../logger.js';
import { errorMessage } from '../logger.js';
import { appendAudit } from '../store/audit.js';
import { offerConversations } from '../store/needs.js';
import {
  applyDeliveryStatus,
  claimForSending,
  findStranded,
  getOutboxState,
  markDead,
  markRetry,
  markSent,
  markUnreachable,
  oldestDueOfChat,
  releaseStaleSending,
} from '../store/outbox.js';
import type { Database, OutboxStatus } from '../store/schema.js';
import type { AdapterRegistry, ChannelPacer } from './adapters.js';
import type { OutboxRelay } from './relay.js';
import {
  type Channel,
  ChannelRateLimitError,
  ChannelUnavailableError,
  type OutboxMessage,
  RecipientUnreachableError,
} from './types.js';

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export interface DeliveryDeps {
  db: Kysely<Database>;
  adapters: AdapterRegistry;
  log: Logger;
  now: () => Date;
  /** Sends tried before a row is given up as `dead` (rate limits do not count). */
  maxAttempts: number;
  backoff?: Backoff;
  pacer?: ChannelPacer;
}

export type DeliveryOutcome =
  | { status: 'sent'; externalId: string; attempts: number }
  | { status: 'dead'; reason: string }
  /** Already handled, held by another worker, or gone: nothing for this job to do. */
  | { status: 'skipped'; state: OutboxStatus | 'missing' }
  /**
   * Pending, but not claimable now: due later (a retry's backoff), or locked for a moment by
   * another statement (the relay stamping `enqueued_at`, a concurrent claimer). The job should
   * run again at `retryAt`; completing it would strand the row until the sweeper.
   */
  | { status: 'later'; retryAt: Date; reason: 'not_due' | 'locked' | 'channel_unavailable' };

/** The channel asked us to slow down; the worker pauses the queue instead of failing the job. */
export class DeliveryRateLimited extends Error {
  constructor(
    readonly retryAfterMs: number,
    readonly channel: Channel,
  ) {
    super(`${channel} rate limited; retry after ${retryAfterMs} ms`);
    this.name = 'DeliveryRateLimited';
  }
}

const DEFAULT_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 10 * 60_000 };
// Row locks other than a claim last one short statement.
// Short: a row waiting behind an older message of the same chat is usually free again within
// one send, and a chat's backlog should drain at the channel's pace, not this one.
const LOCKED_RETRY_MS = 20;

export const backoffMs = (attempts: number, b: Backoff) =>
  Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, attempts - 1));

const describe = (err: unknown) =>
  (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 1000);

/**
 * Sends one outbox row at most once per claim. Only errors of the channel's `send` are
 * classified; if recording the result fails, the row stays `sending` and the sweeper's lease
 * releases it (the one place a message can go out twice, rather than never).
 */
/** How many of its chat's older messages one job may send before its own. */
const MAX_DRAIN = 50;

/**
 * Sends one outbox row, after any older due message of the same chat: a job sends the chat's
 * oldest unsent message first, then the next, up to its own. One chat's messages go out in the
 * order they were written, and a backlog drains at the channel's pace instead of waiting on
 * retries. Only errors of the channel's `send` are classified; if recording the result fails,
 * the row stays `sending` and the sweeper's lease releases it (the one place a message can go
 * out twice, rather than never).
 */
export async function deliverOutboxMessage(deps: DeliveryDeps, outboxId: number): Promise<DeliveryOutcome> {
  for (let round = 0; round < MAX_DRAIN; round++) {
    const claimedAt = deps.now();
    const next = await oldestDueOfChat(deps.db, outboxId, claimedAt);
    const message = next === null ? null : await claimForSending(deps.db, next, claimedAt);
    if (!message) {
      const state = await getOutboxState(deps.db, outboxId);
      if (state?.status === 'pending') {
        return state.notBefore > claimedAt
          ? { status: 'later', retryAt: state.notBefore, reason: 'not_due' }
          : { status: 'later', retryAt: new Date(claimedAt.getTime() + LOCKED_RETRY_MS), reason: 'locked' };
      }
      return { status: 'skipped', state: state?.status ?? 'missing' };
    }
    const own = message.id === outboxId;
    const outcome = await sendClaimed(deps, message, own);
    if (own) return outcome;
    if (outcome.status === 'later') return outcome;
  }
  return { status: 'later', retryAt: new Date(deps.now().getTime() + LOCKED_RETRY_MS), reason: 'locked' };
}

/**
 * Sends a claimed row and records the result. For the job's own row a passing failure is
 * thrown (BullMQ retries); for an older row of the chat it is left to that row's own job.
 */
async function sendClaimed(
  deps: DeliveryDeps,
  message: OutboxMessage,
  own: boolean,
): Promise<DeliveryOutcome> {
  const { db, log } = deps;
  const outboxId = message.id;
  let externalId: string;
  try {
    const adapter = deps.adapters.get(message.channel);
    await deps.pacer?.wait(message.channel, message.externalUserId);
    externalId = (await adapter.send(message)).externalId;
  } catch (err) {
    const now = deps.now();
    const error = describe(err);
    if (err instanceof ChannelRateLimitError) {
      await markRetry(db, message.id, error, new Date(now.getTime() + err.retryAfterMs), {
        refundAttempt: true,
      });
      throw new DeliveryRateLimited(err.retryAfterMs, message.channel);
    }
    if (err instanceof ChannelUnavailableError) {
      const retryAt = new Date(now.getTime() + err.retryAfterMs);
      await markRetry(db, message.id, error, retryAt, { refundAttempt: true });
      return { status: 'later', retryAt, reason: 'channel_unavailable' };
    }
    if (err instanceof RecipientUnreachableError) {
      await db.transaction().execute(async (trx) => {
        await markDead(trx, message.id, error);
        await markUnreachable(trx, message.identityId, err.message, now);
        // The admin's record: the console lists unreachable people from the audit log.
        await appendAudit(
          trx,
          {
            actorType: 'system',
            actorId: null,
            action: 'identity.unreachable',
            entityType: 'channel_identity',
            entityId: String(message.identityId),
            data: { channel: message.channel, reason: err.message.slice(0, 200) },
          },
          now,
        );
      });
      log.info({ outboxId, identityId: message.identityId, reason: err.message }, 'recipient unreachable');
      return { status: 'dead', reason: error };
    }
    if (message.attempts >= deps.maxAttempts) {
      await markDead(db, message.id, error);
      log.warn({ outboxId, attempts: message.attempts, err: error }, 'outbox message given up');
      return { status: 'dead', reason: error };
    }
    const delay = backoffMs(message.attempts, deps.backoff ?? DEFAULT_BACKOFF);
    const retryAt = new Date(now.getTime() + delay);
    await markRetry(db, message.id, error, retryAt);
    if (own) throw err;
    // The older row's own job retries it; this job waits behind it.
    return { status: 'later', retryAt, reason: 'locked' };
  }
  await markSent(db, message.id, externalId, deps.now());
  if (message.onSent) {
    const { flow, step, data } = message.onSent;
    await offerConversations(db, [message.identityId], flow, step, data, deps.now());
  }
  return { status: 'sent', externalId, attempts: message.attempts };
}

export interface SweeperDeps {
  db: Kysely<Database>;
  relay: OutboxRelay;
  log: Logger;
  intervalMs: number;
  /** Longer than any send can take: a `sending` row older than this has lost its worker. */
  leaseMs: number;
  /** How long a due row's job may take to run before it is presumed lost in Redis. */
  staleEnqueueMs: number;
  now?: () => Date;
  /** Rows per query; a larger backlog is worked off over the next runs. */
  batchSize?: number;
}

export interface Sweeper {
  sweepOnce(): Promise<{ requeued: number }>;
  start(): void;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/** Re-enqueues what the relay never handed over (Redis away, a crash after commit) or lost. */
export function createSweeper(deps: SweeperDeps): Sweeper {
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  const sweepOnce = async () => {
    const at = now();
    const released = await releaseStaleSending(deps.db, at, deps.leaseMs, deps.batchSize);
    if (released.length) deps.log.warn({ ids: released }, 'outbox rows released after lease expiry');
    const stranded = await findStranded(deps.db, at, {
      staleEnqueueMs: deps.staleEnqueueMs,
      limit: deps.batchSize,
    });
    const ids = [...new Set([...released, ...stranded])];
    if (ids.length) {
      await deps.relay.enqueue(ids);
      deps.log.info({ count: ids.length }, 'outbox sweeper re-enqueued rows');
    }
    return { requeued: ids.length };
  };

  const tick = () => {
    if (running) return;
    running = sweepOnce()
      .catch((err) => deps.log.warn({ err: errorMessage(err) }, 'outbox sweep failed'))
      .finally(() => {
        running = null;
      });
  };

  return {
    sweepOnce,
    start() {
      if (timer) return;
      timer = setInterval(tick, deps.intervalMs);
      // Never the reason the process stays alive; shutdown calls stop().
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

/**
 * A channel's delivery report (WhatsApp: sent / delivered / read / failed) on the row it sent,
 * and for a failure the admin's audit record of it — in one transaction, so a failed report
 * never lands without its record, nor the record twice when the platform sends it again.
 */
export async function recordDeliveryReport(
  db: Kysely<Database>,
  r: {
    channel: Channel;
    externalId: string;
    status: 'sent' | 'delivered' | 'read' | 'failed';
    error: string | null;
  },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await applyDeliveryStatus(trx, r.channel, r.externalId, r.status, r.error, now);
    if (!row || r.status !== 'failed') return;
    await appendAudit(
      trx,
      {
        actorType: 'system',
        actorId: null,
        action: 'outbox.failed',
        entityType: 'outbox',
        entityId: String(row.id),
        data: { channel: r.channel, error: r.error },
      },
      now,
    );
  });
}
