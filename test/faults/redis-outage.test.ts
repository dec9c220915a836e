import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import {
  type PrivateServices,
  postUpdate,
  SECRET,
  sleep,
  startPrivateServices,
  TOKEN,
  textUpdate,
  waitFor,
  withRedis,
} from '../support/faults.js';
import { seedOpenTender } from '../support/lifecycle.js';
import { startTestSystem } from '../support/system.js';

const VENDORS = 2000;
const OUTAGE_MS = 20_000;
const TURNS_DURING_OUTAGE = 20;
const FIRST_VENDOR_CHAT = 200_000;
const FIRST_TURN_CHAT = 300_000;

/**
 * Issue 8, fault 1: Redis is stopped for 20 s in the middle of a 2,000-alert fan-out, then
 * started again on the same port with its append-only file. Every alert reaches its vendor
 * exactly once (counted at the fake Bot API), and the webhook keeps accepting turns meanwhile:
 * they commit, their replies wait in the outbox and go out after recovery.
 */
describe('fault: Redis stopped in the middle of a fan-out', () => {
  let services: PrivateServices;
  let fake: FakeTelegram;
  let system: RunningSystem;

  beforeAll(async () => {
    services = await startPrivateServices('redis');
    // Generous limits at the fake: this scenario is about Redis, not about 429s.
    fake = await startFakeTelegram({ token: TOKEN, globalPerSecond: 1000, perChatPerSecond: 5 });
    system = await startTestSystem({
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      QUEUE_PREFIX: 'f1',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_MODE: 'webhook',
      // Paced so the fan-out lasts ~20 s and the outage lands in its middle.
      TELEGRAM_RATE_PER_SECOND: '100',
      TELEGRAM_RATE_PER_CHAT_PER_SECOND: '5',
      // Shorter than the 5 s default so recovery is quick to observe (the product allows it).
      OUTBOX_SWEEP_INTERVAL_MS: '1000',
    });
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await fake?.close();
    await services?.close();
  });

  it('delivers every alert exactly once and keeps accepting turns while Redis is down', {
    timeout: 240_000,
  }, async () => {
    const vendorChats = Array.from({ length: VENDORS }, (_, i) => FIRST_VENDOR_CHAT + i);
    const { needId } = await seedOpenTender(system.db.db, {
      number: 'PD-3214-2026-8001',
      category: 'bahan_bangunan',
      vendors: vendorChats.map((c) => ({ channel: 'telegram' as const, externalId: String(c) })),
    });
    const alertsSent = () =>
      fake
        .sent()
        .filter(
          (c) => Number(c.params.chat_id) >= FIRST_VENDOR_CHAT && Number(c.params.chat_id) < FIRST_TURN_CHAT,
        ).length;

    const started = Date.now();
    await system.queues.get('match').add('match', { needId, round: 0 }, { jobId: `match-${needId}-0` });
    await waitFor('a quarter of the alerts', () => alertsSent() >= VENDORS / 4, 120_000, 20);

    // A marker proves the data comes back from the append-only file, not from an empty Redis.
    await withRedis(services.redisUrl, (r) => r.set('faults:marker', 'kept'));
    const waitingBefore = await system.queues.get('deliver').getWaitingCount();
    const beforeOutage = alertsSent();
    const down = Date.now();
    await services.stopRedis();
    const stopMs = Date.now() - down;

    // Turns keep coming in through the webhook: answered 200 at once, committed.
    const turnChats = Array.from({ length: TURNS_DURING_OUTAGE }, (_, i) => FIRST_TURN_CHAT + i);
    const latencies: number[] = [];
    const statuses: number[] = [];
    for (const chat of turnChats) {
      const t0 = Date.now();
      statuses.push(await postUpdate(String(system.url), textUpdate(chat, '/start')));
      latencies.push(Date.now() - t0);
    }
    expect(statuses).toEqual(turnChats.map(() => 200));
    const turnRows = () =>
      system.db.db
        .selectFrom('outbox')
        .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
        .select(['ci.external_id', 'outbox.status', 'outbox.enqueued_at'])
        .where('ci.external_id', 'in', turnChats.map(String))
        .execute();
    const waiting = await turnRows();
    expect(waiting.length).toBeGreaterThanOrEqual(TURNS_DURING_OUTAGE);
    // Their replies wait in the outbox: nothing went out, nothing reached Redis.
    expect(waiting.every((r) => r.status === 'pending' && r.enqueued_at === null)).toBe(true);
    expect(turnChats.filter((c) => fake.sent(c).length > 0)).toEqual([]);
    const inbound = await system.db.db
      .selectFrom('inbound_messages')
      .select('id')
      .where('channel', '=', 'telegram')
      .where('processed_at', 'is not', null)
      .execute();
    expect(inbound).toHaveLength(TURNS_DURING_OUTAGE);
    const readyDuring = (await fetch(`${system.url}/readyz`)).status;
    expect(readyDuring).toBe(503);

    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - down)));
    const duringOutage = alertsSent() - beforeOutage;
    await services.startRedis();
    const outageMs = Date.now() - down;
    const recovered = Date.now();
    expect(await withRedis(services.redisUrl, (r) => r.get('faults:marker'))).toBe('kept');

    const allDelivered = () =>
      vendorChats.every((c) => fake.sent(c).length >= 1) && turnChats.every((c) => fake.sent(c).length >= 1);
    await waitFor('every alert and every reply after recovery', allDelivered, 150_000, 200);
    const recoveryMs = Date.now() - recovered;
    // Let any late duplicate show itself before counting.
    await sleep(3000);

    const alertCounts = vendorChats.map((c) => fake.sent(c).length);
    const doubled = vendorChats.filter((_, i) => (alertCounts[i] ?? 0) > 1);
    expect(doubled).toEqual([]);
    expect(alertCounts.every((n) => n === 1)).toBe(true);
    const alerts = await system.db.db
      .selectFrom('outbox')
      .select(['status'])
      .where('purpose', '=', 'alert')
      .execute();
    expect(alerts).toHaveLength(VENDORS);
    expect(alerts.every((r) => r.status === 'sent')).toBe(true);
    const replies = await turnRows();
    expect(replies.every((r) => r.status === 'sent')).toBe(true);
    for (const chat of turnChats) {
      expect(fake.sent(chat)).toHaveLength(replies.filter((r) => r.external_id === String(chat)).length);
    }
    expect((await fetch(`${system.url}/readyz`)).status).toBe(200);

    const afterRestart = fake
      .sent()
      .filter((c) => c.at >= recovered)
      .map((c) => c.at - recovered);
    const buckets = afterRestart.map((ms) => Math.floor(ms / 5000));
    const timeline = Array.from(
      { length: Math.max(...buckets) + 1 },
      (_, i) => buckets.filter((b) => b === i).length,
    );
    console.error(
      `fault redis-outage: ${VENDORS} alerts, ${beforeOutage} sent before Redis stopped (stop took ${stopMs} ms, ${waitingBefore} deliver jobs waiting), ${duringOutage} finished during the ${(outageMs / 1000).toFixed(1)} s outage, first send ${Math.min(...afterRestart)} ms and last ${Math.max(...afterRestart)} ms after restart (all seen ${(recoveryMs / 1000).toFixed(1)} s after) (${((Date.now() - started) / 1000).toFixed(1)} s in all); doubled ${doubled.length}, lost ${alertCounts.filter((n) => n === 0).length}; ${TURNS_DURING_OUTAGE} webhook turns during the outage: all 200, max ${Math.max(...latencies)} ms, replies ${replies.length} sent once after recovery; sends per 5 s after the restart: ${timeline.join(' ')}`,
    );
  });
});
