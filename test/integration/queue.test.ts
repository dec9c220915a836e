import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { startTestSystem } from '../support/system.js';

describe('BullMQ through the real Redis', () => {
  let t: TestDb;
  let system: RunningSystem;
  let events: QueueEvents;
  const prefix = testQueuePrefix();

  beforeAll(async () => {
    t = await createTestDb();
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: prefix,
    });
    events = new QueueEvents('system', { connection: { url: inject('redisUrl') }, prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await system?.stop();
    await t?.drop();
  });

  it('round-trips a job from a producer to a worker and back', async () => {
    // A payload echoed back as it is; nothing reads it as a date. calendar-ok
    const job = await system.queues.get('system').add('echo', { message: 'halo desa', sentAt: '2026-11-23' });
    const result = (await job.waitUntilFinished(events, 10_000)) as Record<string, unknown>;
    // calendar-ok
    expect(result).toMatchObject({ message: 'halo desa', sentAt: '2026-11-23', handledBy: process.pid });
  });

  it('fails a job whose payload is malformed instead of guessing', async () => {
    const job = await system.queues
      .get('system')
      .add('echo', { message: 42 }, { attempts: 1, removeOnFail: false });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/expected string/i);
  });

  it('a job id is scheduled once however often it is added', async () => {
    const queue = system.queues.get('system');
    const a = await queue.add(
      'echo',
      { message: 'a', sentAt: 'x' },
      { jobId: 'need-42-match', removeOnComplete: false },
    );
    const b = await queue.add(
      'echo',
      { message: 'b', sentAt: 'x' },
      { jobId: 'need-42-match', removeOnComplete: false },
    );
    expect(b.id).toBe(a.id);
    await a.waitUntilFinished(events, 10_000);
    const stored = await queue.getJob('need-42-match');
    expect(stored?.data.message).toBe('a');
    expect(stored?.returnvalue).toMatchObject({ message: 'a' });
  });
});
