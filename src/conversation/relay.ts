import type { Kysely } from 'kysely';
import type { Logger } from '../logger.js';
import { errorMessage } from '../logger.js';
import type { QueueSet } from '../queue/queues.js';
import { stampForEnqueue, unstampEnqueue } from '../store/outbox.js';
import type { Database } from '../store/schema.js';

export interface OutboxRelay {
  /** Hands committed outbox rows to the delivery queue. Never throws: Postgres keeps the work. */
  enqueue(ids: number[]): Promise<void>;
}

export interface OutboxRelayDeps {
  queues: Pick<QueueSet, 'get'>;
  db: Kysely<Database>;
  log: Logger;
  now?: () => Date;
}

/**
 * The job id is the row and its attempt count: adding the same attempt twice is a no-op in
 * BullMQ, while a re-enqueue after a failed or removed job gets a fresh id (a removed job id
 * no longer deduplicates, so the row's state, not Redis, is what prevents a second send).
 */
export const deliverJobId = (id: number, attempts: number) => `o${id}-${attempts}`;

export function createOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const now = deps.now ?? (() => new Date());
  return {
    async enqueue(ids) {
      if (ids.length === 0) return;
      const at = now();
      let rows: Awaited<ReturnType<typeof stampForEnqueue>> = [];
      try {
        // Stamped first, in one statement with the read (bench: two statements and a second
        // commit per turn before); a row stamped but never added is unstamped below, or found
        // by the sweeper once its stamp is stale.
        rows = await stampForEnqueue(deps.db, ids, at);
        if (rows.length === 0) return;
        await deps.queues.get('deliver').addBulk(
          rows.map((r) => ({
            name: 'send',
            data: { outboxId: r.id },
            opts: {
              jobId: deliverJobId(r.id, r.attempts),
              delay: Math.max(0, r.notBefore.getTime() - at.getTime()),
            },
          })),
        );
      } catch (err) {
        await unstampEnqueue(
          deps.db,
          rows.map((r) => r.id),
          at,
        ).catch(() => {});
        // Redis (fail-fast producer) or Postgres is away: the rows stay pending and unenqueued,
        // and the sweeper hands them over once both answer again.
        deps.log.warn({ err: errorMessage(err), count: ids.length }, 'outbox relay could not enqueue');
      }
    },
  };
}
