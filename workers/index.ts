import { type Processor, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { type AdapterRegistry, createChannelPacer } from '../src/conversation/adapters.js';
import type { DeliveryDeps } from '../src/conversation/delivery.js';
import type { Logger } from '../src/logger.js';
import type { JobDeps } from '../src/procurement/jobs.js';
import type { QueueName } from '../src/queue/queues.js';
import type { Database } from '../src/store/schema.js';
import { createDeliverProcessor } from './deliver.js';
import { createMatchProcessor, createTimerProcessor } from './procurement.js';
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
  /** BullMQ lockDuration and stalledInterval (QUEUE_LOCK_MS). */
  lockMs: number;
  log: Logger;
  db: Kysely<Database>;
  adapters: AdapterRegistry;
  /** Lifecycle jobs (matching, deadlines, reminders) and how their effects are handed on. */
  jobs?: JobDeps;
  /** Delivery tuning; defaults suit production (8 attempts, backoff 5 s doubling up to 10 min). */
  delivery?: Partial<Pick<DeliveryDeps, 'maxAttempts' | 'backoff' | 'now'>>;
}

/** What a processor may ask of the worker running it, which exists only after the processor. */
interface WorkerHandle {
  rateLimit(ms: number): Promise<void>;
}

type ProcessorFactory = (handle: WorkerHandle) => Processor;

function processorsFor(deps: WorkerDeps): Partial<Record<QueueName, ProcessorFactory>> {
  const delivery: DeliveryDeps = {
    db: deps.db,
    adapters: deps.adapters,
    log: deps.log,
    now: deps.delivery?.now ?? (() => new Date()),
    maxAttempts: deps.delivery?.maxAttempts ?? 8,
    backoff: deps.delivery?.backoff,
    pacer: createChannelPacer(deps.adapters),
  };
  return {
    system: () => processSystemJob,
    deliver: (handle) => createDeliverProcessor(delivery, (ms) => handle.rateLimit(ms)),
    ...(deps.jobs
      ? {
          match: () => createMatchProcessor(deps.jobs as JobDeps),
          timers: () => createTimerProcessor(deps.jobs as JobDeps),
        }
      : {}),
  };
}

export function startWorkers(deps: WorkerDeps): WorkerSet {
  const workers = Object.entries(processorsFor(deps)).map(([name, factory]) => {
    let worker: Worker | undefined;
    const processor = factory({
      // worker.rateLimit is marked deprecated in favour of queue.rateLimit; both set the same
      // limiter key, and the worker already holds the connection.
      rateLimit: async (ms) => worker?.rateLimit(ms),
    });
    worker = new Worker(name, processor, {
      // Each worker duplicates this connection for its blocking commands.
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency,
      lockDuration: deps.lockMs,
      stalledInterval: deps.lockMs,
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
