import type { Job } from 'bullmq';
import { z } from 'zod';

const echoPayload = z.object({ message: z.string().max(1000), sentAt: z.string() });

/**
 * Operational jobs. `echo` answers with what it was given and who handled it: an operator (or
 * the test suite) uses it to prove that a job goes through Redis to a worker and back.
 */
export async function processSystemJob(job: Job): Promise<unknown> {
  switch (job.name) {
    case 'echo': {
      const data = echoPayload.parse(job.data);
      return { ...data, handledBy: process.pid, handledAt: new Date().toISOString() };
    }
    default:
      throw new Error(`unknown system job ${job.name}`);
  }
}
