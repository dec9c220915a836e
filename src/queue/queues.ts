import { Queue, type QueueOptions } from 'bullmq';
import type { Redis } from 'ioredis';

/** Every queue the system uses; workers/ has one processor per name. */
export const QUEUE_NAMES = ['system', 'deliver', 'match', 'timers'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface QueueSet {
  get(name: QueueName): Queue;
  close(): Promise<void>;
}

/**
 * Producers share one fail-fast connection: adding a job while Redis is down rejects at once,
 * and the caller (the outbox relay) keeps the work in Postgres to retry later.
 */
export function createQueues(connection: Redis, prefix: string): QueueSet {
  const options: QueueOptions = {
    connection,
    prefix,
    skipWaitingForReady: true,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  };
  const queues = new Map<QueueName, Queue>();
  return {
    get(name) {
      let q = queues.get(name);
      if (!q) {
        q = new Queue(name, options);
        q.on('error', () => {});
        queues.set(name, q);
      }
      return q;
    },
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
    },
  };
}
