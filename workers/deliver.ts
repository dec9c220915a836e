import { DelayedError, type Job, type Processor, UnrecoverableError, Worker } from 'bullmq';
import { z } from 'zod';
import {
  type DeliveryDeps,
  type DeliveryOutcome,
  DeliveryRateLimited,
  deliverOutboxMessage,
} from '../src/conversation/delivery.js';

const deliverPayload = z.object({ outboxId: z.number().int().positive() });

/**
 * Sends one outbox row. Besides success and failure (BullMQ retries), a row can answer "later"
 * (its backoff is longer than BullMQ's, or it is locked for a moment) — the job waits without
 * spending an attempt — or "rate limited", which pauses this queue (ENGINEERING.md).
 */
export function createDeliverProcessor(
  deps: DeliveryDeps,
  rateLimit: (ms: number) => Promise<void>,
): Processor {
  return async (job: Job, token?: string) => {
    const parsed = deliverPayload.safeParse(job.data);
    // Retrying a malformed payload cannot make it valid.
    if (!parsed.success) throw new UnrecoverableError(`bad deliver payload: ${parsed.error.message}`);
    let outcome: DeliveryOutcome;
    try {
      outcome = await deliverOutboxMessage(deps, parsed.data.outboxId);
    } catch (err) {
      if (err instanceof DeliveryRateLimited) {
        await rateLimit(err.retryAfterMs);
        throw Worker.RateLimitError();
      }
      throw err;
    }
    if (outcome.status === 'later' && token) {
      // retryAt is on the system clock, which tests and sandboxes may run ahead of the wall
      // clock; Redis counts in wall-clock time.
      const waitMs = Math.max(0, outcome.retryAt.getTime() - deps.now().getTime());
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    return outcome;
  };
}
