import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { errorMessage } from '../logger.js';
import { overdueNeeds, unmatchedNeeds } from '../store/needs.js';
import type { Database } from '../store/schema.js';
import type { Scheduler } from './scheduler.js';

/**
 * Finds lifecycle work whose job never reached Redis (it was down when the turn committed):
 * published needs never matched, and deadlines that passed on needs still open. Job ids are
 * derived from the domain, so re-adding a job that exists schedules nothing twice.
 */
export function createReconciler(deps: {
  db: Kysely<Database>;
  scheduler: Scheduler;
  clock: Clock;
  log: Logger;
  intervalMs: number;
}) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function once(): Promise<void> {
    const now = deps.clock.now();
    const unmatched = await unmatchedNeeds(deps.db, new Date(now.getTime() - 30_000));
    const overdue = await overdueNeeds(deps.db, new Date(now.getTime() - 30_000));
    await deps.scheduler.dispatch([
      ...unmatched.map((needId) => ({ kind: 'match' as const, needId, round: 0 })),
      ...overdue.map((n) => ({
        kind: 'timer' as const,
        timer: { kind: 'deadline' as const, subjectId: n.id, dueAt: n.quote_deadline.getTime() },
      })),
    ]);
  }

  return {
    once,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = once()
          .catch((err) => deps.log.warn({ err: errorMessage(err) }, 'reconciler failed'))
          .finally(() => {
            running = null;
          });
      }, deps.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
