import type { Queue } from 'bullmq';
import type { Clock } from '../clock.js';

export type TimerKind = 'deadline' | 'remind' | 'delivery_reminder';

export interface TimerData {
  kind: TimerKind;
  /** The domain id the timer is about (a need, an order). */
  subjectId: number;
  /** When it is due, by the system clock; a processor checks it still matches the domain. */
  dueAt: number;
  /** Extra discriminator (e.g. minutes before the deadline for a reminder). */
  tag?: string;
}

export const timerJobId = (d: TimerData) => `${d.kind}-${d.subjectId}-${d.tag ?? 'x'}-${d.dueAt}`;

/**
 * Delayed BullMQ jobs with ids derived from the domain (kind, subject, due time): adding the
 * same timer twice schedules it once, and a moved deadline is a new id (the processor ignores a
 * timer whose due time no longer matches). `promoteDue` fires early the timers an advanced
 * clock has made due — the acceleration mode of tests and training sandboxes.
 */
export function createTimers(queue: Queue, clock: Clock) {
  return {
    async schedule(d: TimerData): Promise<void> {
      const delay = Math.max(0, d.dueAt - clock.now().getTime());
      await queue.add(d.kind, d, {
        jobId: timerJobId(d),
        delay,
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      });
    },
    async promoteDue(): Promise<number> {
      const now = clock.now().getTime();
      let promoted = 0;
      let start = 0;
      for (;;) {
        const jobs = await queue.getDelayed(start, start + 499);
        if (jobs.length === 0) break;
        let here = 0;
        for (const job of jobs) {
          if ((job.data as TimerData).dueAt <= now) {
            await job.promote().catch(() => {});
            here++;
          }
        }
        promoted += here;
        // Promoted jobs leave the delayed set: the next page starts that much earlier.
        start += jobs.length - here;
        if (jobs.length < 500) break;
      }
      return promoted;
    },
  };
}

export type Timers = ReturnType<typeof createTimers>;
