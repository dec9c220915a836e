import { type Processor, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../src/logger.js';
import type { QueueName } from '../src/queue/queues.js';
import { processSystemJob } from './system.js';

export interface WorkerSet {
  workers: Worker[];
  /** Lets running jobs finish, then disconnects (unclosed workers leave stalled jobs). */
  close(): Promise<void>;
}

export interface WorkerDeps {
  connection: Redis;
  prefix: string;
  concurrency: number;
  log: Logger;
}

const processors: Record<QueueName, Processor> = {
  system: processSystemJob,
};

export function startWorkers(deps: WorkerDeps): WorkerSet {
  const workers = Object.entries(processors).map(([name, processor]) => {
    const worker = new Worker(name, processor, {
      // Each worker duplicates this connection for its blocking commands.
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency,
    });
    worker.on('failed', (job, err) =>
      deps.log.warn(
        { queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
        'job failed',
      ),
    );
    worker.on('error', (err) => deps.log.error({ queue: name, err: err.message }, 'worker error'));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()));
    },
  };
}
