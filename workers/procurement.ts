import type { Job } from 'bullmq';
import { z } from 'zod';
import { type JobDeps, runMatch, runTimer } from '../src/procurement/jobs.js';

const matchPayload = z.object({ needId: z.number().int().positive(), round: z.number().int().min(0) });
const timerPayload = z.object({
  kind: z.enum(['deadline', 'remind', 'delivery_reminder']),
  subjectId: z.number().int().positive(),
  dueAt: z.number().int(),
  tag: z.string().max(100).optional(),
});

/** Matching and alerting for a published need; the job id is derived from the need. */
export const createMatchProcessor = (deps: JobDeps) => async (job: Job) => {
  const { needId, round } = matchPayload.parse(job.data);
  return runMatch(deps, needId, round);
};

/** Deadlines and reminders; each checks the domain still wants it (a moved deadline makes it stale). */
export const createTimerProcessor = (deps: JobDeps) => async (job: Job) => {
  await runTimer(deps, timerPayload.parse(job.data));
  return { ok: true };
};
