import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OffsetClock } from '../../src/clock.js';
import type { RunningSystem } from '../../src/system.js';
import { ChatClient, TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { eventually, startTestSystem } from '../support/system.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

/** One sample's value from a Prometheus text exposition, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ? m[2].split(',') : [];
    if (want.every((w) => have.includes(w)) && have.length === want.length) return Number(m[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  let t: TestDb;
  let server: RunningSystem;
  let worker: RunningSystem | undefined;
  let dataDir: string;
  const clock = new OffsetClock();
  const env = () => ({
    DATABASE_URL: t.url,
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: prefix,
    ADMIN_TOKEN: TEST_TOKEN,
    OUTBOX_SWEEP_INTERVAL_MS: '500',
    DATA_DIR: dataDir,
  });
  const prefix = testQueuePrefix();

  beforeAll(async () => {
    t = await createTestDb();
    dataDir = await mkdtemp(join(tmpdir(), 'pd-metrics-'));
    // The server role alone: turns commit, but nothing is delivered until a worker starts.
    server = await startTestSystem({ ...env(), METRICS_TOKEN }, 'server', { clock });
  });
  afterAll(async () => {
    await worker?.stop();
    await server?.stop();
    await t?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const scrape = (token?: string, base = String(server.url)) =>
    fetch(`${base}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses a missing or wrong token', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await scrape('wrong-token-0123456789')).status).toBe(401);
    expect((await scrape(`${METRICS_TOKEN}x`)).status).toBe(401);
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: METRICS_TOKEN } });
    expect(res.status).toBe(401);
  });

  it('shows turns, outbox depth and age, deliveries and queues after some traffic', {
    timeout: 60_000,
  }, async () => {
    const before = await (await scrape(METRICS_TOKEN)).text();
    expect(sample(before, 'pesandesa_turns_processed_total', { channel: 'web' })).toBeUndefined();
    expect(sample(before, 'pesandesa_queue_jobs', { queue: 'deliver', state: 'waiting' })).toBe(0);

    // Three people say hello; without a worker their replies wait in the outbox and the queue.
    for (const id of ['m-1', 'm-2', 'm-3']) {
      const res = await new ChatClient(String(server.url), id).post({ text: 'halo' });
      expect(res.status).toBe(202);
    }
    const pending = await t.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBeGreaterThanOrEqual(3);
    clock.advance(90_000);

    const busy = await scrape(METRICS_TOKEN);
    expect(busy.status).toBe(200);
    expect(busy.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await busy.text();
    expect(text).toContain('# TYPE pesandesa_turns_processed_total counter');
    expect(sample(text, 'pesandesa_turns_processed_total', { channel: 'web' })).toBe(3);
    expect(sample(text, 'pesandesa_inbound_received_total', { channel: 'web' })).toBe(3);
    expect(sample(text, 'pesandesa_outbox_pending', { state: 'due' })).toBe(Number(pending.n));
    expect(sample(text, 'pesandesa_outbox_oldest_due_age_seconds')).toBeGreaterThanOrEqual(90);
    expect(sample(text, 'pesandesa_outbox_messages', { channel: 'web', status: 'pending' })).toBe(
      Number(pending.n),
    );
    await eventually(async () => {
      const now = await (await scrape(METRICS_TOKEN)).text();
      return (sample(now, 'pesandesa_queue_jobs', { queue: 'deliver', state: 'waiting' }) ?? 0) >= 1;
    });
    const queued = await (await scrape(METRICS_TOKEN)).text();
    expect(
      sample(queued, 'pesandesa_queue_oldest_waiting_age_seconds', { queue: 'deliver' }),
    ).toBeGreaterThan(0);
    for (const q of ['system', 'deliver', 'match', 'timers']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(sample(queued, 'pesandesa_queue_jobs', { queue: q, state })).toBeTypeOf('number');
      }
    }

    // A worker starts and delivers: the outbox drains, deliveries show as sent, the queue empties.
    worker = await startTestSystem({ ...env(), METRICS_TOKEN }, 'worker', { clock });
    await eventually(async () => {
      const now = await (await scrape(METRICS_TOKEN)).text();
      return sample(now, 'pesandesa_outbox_pending', { state: 'due' }) === 0;
    }, 30_000);
    const after = await (await scrape(METRICS_TOKEN)).text();
    expect(sample(after, 'pesandesa_outbox_messages', { channel: 'web', status: 'sent' })).toBe(
      Number(pending.n),
    );
    expect(sample(after, 'pesandesa_outbox_messages', { channel: 'web', status: 'pending' })).toBeUndefined();
    expect(sample(after, 'pesandesa_outbox_oldest_due_age_seconds')).toBe(0);
    await eventually(async () => {
      const now = await (await scrape(METRICS_TOKEN)).text();
      return sample(now, 'pesandesa_queue_jobs', { queue: 'deliver', state: 'waiting' }) === 0;
    });
  });

  it('without METRICS_TOKEN uses a secret generated under DATA_DIR', async () => {
    const other = await startTestSystem(env(), 'server', { clock });
    try {
      const token = (await readFile(join(dataDir, 'metrics-token.secret'), 'utf8')).trim();
      expect(token.length).toBeGreaterThanOrEqual(32);
      expect((await scrape(undefined, String(other.url))).status).toBe(401);
      expect((await scrape(METRICS_TOKEN, String(other.url))).status).toBe(401);
      expect((await scrape(token, String(other.url))).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
