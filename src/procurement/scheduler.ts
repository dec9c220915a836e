import type { Logger } from '../logger.js';
import { errorMessage } from '../logger.js';
import type { QueueSet } from '../queue/queues.js';
import type { TimerData, Timers } from './timers.js';

/** Work a transaction asks for, started only after it commits. */
export type JobRequest =
  | { kind: 'match'; needId: number; round: number }
  | { kind: 'timer'; timer: TimerData };

export interface Scheduler {
  /** Best effort: if Redis is away the reconcilers find the work again from Postgres. */
  dispatch(requests: JobRequest[]): Promise<void>;
}

export function createScheduler(deps: {
  queues: Pick<QueueSet, 'get'>;
  timers: Timers;
  log: Logger;
}): Scheduler {
  return {
    async dispatch(requests) {
      for (const r of requests) {
        try {
          if (r.kind === 'match') {
            await deps.queues
              .get('match')
              .add('match', { needId: r.needId, round: r.round }, { jobId: `match-${r.needId}-${r.round}` });
          } else {
            await deps.timers.schedule(r.timer);
          }
        } catch (err) {
          deps.log.warn({ err: errorMessage(err), request: r }, 'could not schedule; a reconciler will');
        }
      }
    },
  };
}

/** The deadline and the reminders before it, for a need with these settings. */
export function needTimers(
  needId: number,
  deadline: Date,
  reminderMinutesBefore: number[],
  now: Date,
): TimerData[] {
  const dueAt = deadline.getTime();
  const reminders = reminderMinutesBefore
    .map((m) => ({
      kind: 'remind' as const,
      subjectId: needId,
      dueAt: dueAt - m * 60_000,
      tag: `${m}m-${dueAt}`,
    }))
    .filter((t) => t.dueAt > now.getTime());
  return [{ kind: 'deadline', subjectId: needId, dueAt }, ...reminders];
}
