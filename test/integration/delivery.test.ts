import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdapterRegistry, webChatAdapter } from '../../src/conversation/adapters.js';
import { createSweeper, type Sweeper } from '../../src/conversation/delivery.js';
import { createOutboxRelay, deliverJobId, type OutboxRelay } from '../../src/conversation/relay.js';
import {
  type ChannelAdapter,
  ChannelRateLimitError,
  type OutboxMessage,
  RecipientUnreachableError,
} from '../../src/conversation/types.js';
import { createLogger } from '../../src/logger.js';
import { createQueues, type QueueSet } from '../../src/queue/queues.js';
import { createRedis, waitUntilReady } from '../../src/queue/redis.js';
import { claimForSending, insertOutbox, markSent } from '../../src/store/outbox.js';
import type { Channel } from '../../src/store/schema.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { eventually } from '../support/system.js';

type Step = 'fail' | 'rate' | 'unreachable';

/** Records every call; a recipient can be scripted to fail, be rate limited or be unreachable. */
class RecordingAdapter implements ChannelAdapter {
  readonly channel = 'telegram' as const;
  readonly calls = new Map<number, number>();
  readonly sends = new Map<number, number>();
  readonly scripts = new Map<string, Step[]>();

  async send(m: OutboxMessage) {
    this.calls.set(m.id, (this.calls.get(m.id) ?? 0) + 1);
    const step = this.scripts.get(m.externalUserId)?.shift();
    if (step === 'fail') throw new Error('telegram 502 bad gateway');
    if (step === 'rate') throw new ChannelRateLimitError(200);
    if (step === 'unreachable') throw new RecipientUnreachableError('bot was blocked by the user');
    this.sends.set(m.id, (this.sends.get(m.id) ?? 0) + 1);
    return { externalId: `tg-${m.id}` };
  }
}

describe('outbox delivery through the real Postgres and Redis', () => {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const prefix = testQueuePrefix();
  const adapter = new RecordingAdapter();
  let t: TestDb;
  let producer: Redis;
  let workerConnection: Redis;
  let queues: QueueSet;
  let workers: WorkerSet;
  let relay: OutboxRelay;
  let sweeper: Sweeper;

  beforeAll(async () => {
    t = await createTestDb();
    producer = createRedis(inject('redisUrl'), 'producer');
    await waitUntilReady(producer);
    queues = createQueues(producer, prefix);
    workerConnection = createRedis(inject('redisUrl'), 'worker');
    workers = startWorkers({
      connection: workerConnection,
      prefix,
      concurrency: 10,
      lockMs: 30_000,
      log,
      db: t.db,
      adapters: createAdapterRegistry([adapter, webChatAdapter]),
      delivery: { maxAttempts: 3, backoff: { baseMs: 20, maxMs: 100 } },
    });
    relay = createOutboxRelay({ queues, db: t.db, log });
    sweeper = createSweeper({
      db: t.db,
      relay,
      log,
      intervalMs: 200,
      leaseMs: 60_000,
      staleEnqueueMs: 60_000,
    });
  });
  afterAll(async () => {
    await sweeper?.stop();
    await workers?.close();
    await queues?.close();
    producer?.disconnect();
    workerConnection?.disconnect();
    await t?.drop();
  });

  async function identity(channel: Channel = 'telegram', script: Step[] = []) {
    const user = await t.db
      .insertInto('users')
      .values({ display_name: 'Bu Sari' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const externalId = `chat-${randomBytes(4).toString('hex')}`;
    const row = await t.db
      .insertInto('channel_identities')
      .values({ user_id: user.id, channel, external_id: externalId })
      .returning('id')
      .executeTakeFirstOrThrow();
    adapter.scripts.set(externalId, script);
    return { id: row.id, channel };
  }

  /** Commits rows the way the engine does: in a transaction of their own. */
  async function commitRows(who: { id: number; channel: Channel }, count = 1, dedupeKey?: string) {
    return t.db.transaction().execute((trx) =>
      insertOutbox(
        trx,
        Array.from({ length: count }, (_, i) => ({
          identityId: who.id,
          channel: who.channel,
          payload: { type: 'text' as const, text: `pesan ${i}` },
          ...(dedupeKey ? { dedupeKey } : {}),
        })),
        new Date(),
      ),
    );
  }

  const row = (id: number) =>
    t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const statusIs = (id: number, status: string) => async () => (await row(id)).status === status;
  const jobState = async (jobId: string) => (await queues.get('deliver').getJob(jobId))?.getState();

  it('delivers every committed row exactly once, however often it is handed over', async () => {
    const who = await identity();
    const ids = await commitRows(who, 200);
    expect(ids).toHaveLength(200);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    await Promise.all([relay.enqueue(ids), relay.enqueue(ids), sweeper.sweepOnce()]);
    await eventually(async () => {
      const sent = await t.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', ids)
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow();
      return Number(sent.n) === ids.length;
    }, 30_000);
    expect(ids.map((id) => adapter.sends.get(id))).toEqual(ids.map(() => 1));
    const first = await row(ids[0]!);
    expect(first).toMatchObject({ attempts: 1, external_id: `tg-${ids[0]}`, last_error: null });
    expect(first.sent_at).toBeInstanceOf(Date);
  });

  it('skips a row whose dedupe key already exists', async () => {
    const who = await identity();
    const key = `reminder-${randomBytes(3).toString('hex')}`;
    const [first] = await commitRows(who, 1, key);
    expect(first).toBeTypeOf('number');
    expect(await commitRows(who, 1, key)).toEqual([]);
    expect(await t.db.transaction().execute((trx) => insertOutbox(trx, [], new Date()))).toEqual([]);
  });

  it('sends an id enqueued twice once, even when its finished job was removed from Redis', async () => {
    const who = await identity();
    const [id] = await commitRows(who);
    await relay.enqueue([id!]);
    await relay.enqueue([id!]);
    await eventually(statusIs(id!, 'sent'));
    await relay.enqueue([id!]);

    // A removed job id no longer deduplicates: the row's state must stop the second send.
    await queues.get('deliver').remove(deliverJobId(id!, 0));
    await queues.get('deliver').add('send', { outboxId: id }, { jobId: 'again', removeOnComplete: false });
    await eventually(async () => (await jobState('again')) === 'completed');
    const again = await queues.get('deliver').getJob('again');
    expect(again?.returnvalue).toMatchObject({ status: 'skipped', state: 'sent' });
    expect(adapter.sends.get(id!)).toBe(1);
    expect(adapter.calls.get(id!)).toBe(1);
  });

  it('keeps a row committed while Redis is away, and the sweeper delivers it', async () => {
    const deadRedis = createRedis('redis://127.0.0.1:1', 'producer');
    const deadQueues = createQueues(deadRedis, prefix);
    try {
      const who = await identity();
      const [id] = await commitRows(who);
      await expect(
        createOutboxRelay({ queues: deadQueues, db: t.db, log }).enqueue([id!]),
      ).resolves.toBeUndefined();
      expect(await row(id!)).toMatchObject({ status: 'pending', enqueued_at: null, attempts: 0 });

      const { requeued } = await sweeper.sweepOnce();
      expect(requeued).toBeGreaterThanOrEqual(1);
      await eventually(statusIs(id!, 'sent'));
      expect(adapter.sends.get(id!)).toBe(1);
    } finally {
      deadRedis.disconnect();
      await deadQueues.close();
    }
  });

  it('retries a transient failure and then delivers, recording the attempts', async () => {
    const who = await identity('telegram', ['fail', 'fail']);
    const [id] = await commitRows(who);
    await relay.enqueue([id!]);
    await eventually(statusIs(id!, 'sent'));
    expect(await row(id!)).toMatchObject({ attempts: 3, last_error: null, external_id: `tg-${id}` });
    expect(adapter.calls.get(id!)).toBe(3);
    expect(adapter.sends.get(id!)).toBe(1);
  });

  it('gives a permanently failing row up as dead after maxAttempts', async () => {
    const who = await identity('telegram', Array(10).fill('fail'));
    const [id] = await commitRows(who);
    await relay.enqueue([id!]);
    await eventually(statusIs(id!, 'dead'));
    const dead = await row(id!);
    expect(dead.attempts).toBe(3);
    expect(dead.last_error).toMatch(/502 bad gateway/);
    await eventually(async () => (await jobState(deliverJobId(id!, 0))) === 'completed');
    expect(adapter.calls.get(id!)).toBe(3);
    expect(adapter.sends.get(id!)).toBeUndefined();
  });

  it('waits out a rate limit and delivers without counting it as a failed attempt', async () => {
    const who = await identity('telegram', ['rate']);
    const [id] = await commitRows(who);
    await relay.enqueue([id!]);
    await eventually(statusIs(id!, 'sent'));
    expect(adapter.calls.get(id!)).toBe(2);
    expect(await row(id!)).toMatchObject({ attempts: 1, last_error: null });
    const job = await queues.get('deliver').getJob(deliverJobId(id!, 0));
    // BullMQ counts the run that finished; the rate-limited run before it is not an attempt.
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toBeFalsy();
    expect(job?.returnvalue).toMatchObject({ status: 'sent' });
  });

  it('marks an unreachable recipient and the row dead, without retrying', async () => {
    const who = await identity('telegram', ['unreachable']);
    const [id] = await commitRows(who);
    await relay.enqueue([id!]);
    await eventually(statusIs(id!, 'dead'));
    await eventually(async () => (await jobState(deliverJobId(id!, 0))) === 'completed');
    expect(await row(id!)).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/blocked/) });
    const ident = await t.db
      .selectFrom('channel_identities')
      .select(['unreachable_at', 'unreachable_reason'])
      .where('id', '=', who.id)
      .executeTakeFirstOrThrow();
    expect(ident.unreachable_at).toBeInstanceOf(Date);
    expect(ident.unreachable_reason).toBe('bot was blocked by the user');
    expect(adapter.calls.get(id!)).toBe(1);
  });

  it('lets exactly one of two concurrent claimers have a row', async () => {
    const who = await identity();
    const [id] = await commitRows(who);
    const now = new Date();
    const claims = await Promise.all([claimForSending(t.db, id!, now), claimForSending(t.db, id!, now)]);
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ id, identityId: who.id, channel: 'telegram', attempts: 1 });
    expect(won[0]?.payload).toEqual({ type: 'text', text: 'pesan 0' });
    await markSent(t.db, id!, 'test', new Date());
  });

  it('does not claim a row before its not_before', async () => {
    const who = await identity();
    const [id] = await t.db.transaction().execute((trx) =>
      insertOutbox(
        trx,
        [
          {
            identityId: who.id,
            channel: 'telegram',
            payload: { type: 'text', text: 'nanti' },
            notBefore: new Date(Date.now() + 3_600_000),
          },
        ],
        new Date(),
      ),
    );
    expect(await claimForSending(t.db, id!, new Date())).toBeNull();
    await t.db.updateTable('outbox').set({ status: 'dead' }).where('id', '=', id!).execute();
  });

  it('releases a sending row whose worker died and delivers it', async () => {
    const who = await identity();
    const [id] = await commitRows(who);
    await t.db
      .updateTable('outbox')
      .set({ status: 'sending', attempts: 1, updated_at: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', id!)
      .execute();
    const { requeued } = await sweeper.sweepOnce();
    expect(requeued).toBeGreaterThanOrEqual(1);
    await eventually(statusIs(id!, 'sent'));
    expect(await row(id!)).toMatchObject({ attempts: 2 });
    expect(adapter.sends.get(id!)).toBe(1);
  });

  it('delivers web chat rows through the sweeper timer, readable from the outbox', async () => {
    const who = await identity('web');
    const [id] = await commitRows(who);
    sweeper.start();
    try {
      await eventually(statusIs(id!, 'sent'));
    } finally {
      await sweeper.stop();
    }
    expect(await row(id!)).toMatchObject({ external_id: `web-${id}`, channel: 'web' });
  });

  it('names the channel when no adapter is registered for it', () => {
    expect(() => createAdapterRegistry([webChatAdapter]).get('whatsapp')).toThrow(
      /no channel adapter registered for "whatsapp"/,
    );
  });
});
