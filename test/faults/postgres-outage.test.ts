import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import {
  type PrivateServices,
  pool,
  postUpdate,
  SECRET,
  sleep,
  startLoggedSystem,
  startPrivateServices,
  TOKEN,
  textUpdate,
  waitFor,
} from '../support/faults.js';

const OUTAGE_MS = 10_000;
const BEFORE = 20;
const DURING = 30;
const FIRST_CHAT = 500_000;
/** Telegram retries a refused update after a while; here every 500 ms, bounded. */
const RETRY_MS = 500;
const MAX_TRIES = 120;

/**
 * Issue 8, fault 2: PostgreSQL stopped for 10 s. The webhook answers 503 (so Telegram sends the
 * update again), /readyz fails, and after recovery every update — posted again the way Telegram
 * retries — is processed exactly once.
 */
describe('fault: PostgreSQL stopped for 10 s', () => {
  let services: PrivateServices;
  let fake: FakeTelegram;
  let system: RunningSystem;
  let logs: Array<Record<string, unknown>>;

  beforeAll(async () => {
    services = await startPrivateServices('postgres');
    fake = await startFakeTelegram({ token: TOKEN, globalPerSecond: 1000, perChatPerSecond: 10 });
    ({ system, logs } = await startLoggedSystem({
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      QUEUE_PREFIX: 'f2',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_RATE_PER_SECOND: '200',
      TELEGRAM_RATE_PER_CHAT_PER_SECOND: '10',
      OUTBOX_SWEEP_INTERVAL_MS: '1000',
      // A lost server is noticed quickly instead of after the 5 s default.
      DB_CONNECT_TIMEOUT_MS: '1000',
    }));
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await fake?.close();
    await services?.close();
  });

  it('answers 503 while it is away, then processes every retried update exactly once', {
    timeout: 180_000,
  }, async () => {
    const url = String(system.url);
    const chats = Array.from({ length: BEFORE + DURING }, (_, i) => FIRST_CHAT + i);
    const updates = chats.map((c) => textUpdate(c, '/start'));
    const attempts = new Map<number, number[]>();

    /** Telegram's behaviour: the same update again until it is answered 200. */
    const deliver = async (u: (typeof updates)[number]) => {
      const statuses: number[] = [];
      attempts.set(u.update_id, statuses);
      for (let i = 0; i < MAX_TRIES; i++) {
        const status = await postUpdate(url, u).catch(() => 0);
        statuses.push(status);
        if (status === 200) return;
        await sleep(RETRY_MS);
      }
    };

    // Before the outage: answered and committed; their replies may still be on the way.
    await pool(updates.slice(0, BEFORE), 10, deliver);
    expect(updates.slice(0, BEFORE).every((u) => attempts.get(u.update_id)?.join() === '200')).toBe(true);

    const down = Date.now();
    await services.stopPostgres();
    const stopMs = Date.now() - down;

    // During the outage: refused with 503, quickly, and readiness fails.
    const probe = Date.now();
    const refused = await postUpdate(url, updates[BEFORE] as object);
    const refusedMs = Date.now() - probe;
    expect(refused).toBe(503);
    const ready = await fetch(`${url}/readyz`);
    const readyBody = (await ready.json()) as { checks: Record<string, { ok: boolean }> };
    expect(ready.status).toBe(503);
    expect(readyBody.checks.postgres?.ok).toBe(false);
    expect(readyBody.checks.redis?.ok).toBe(true);

    // Telegram keeps retrying the new updates (and, once, re-sends the already answered ones).
    const retrying = Promise.all([
      pool(updates.slice(BEFORE), DURING, deliver),
      pool(updates.slice(0, BEFORE), 10, (u) => postUpdate(url, u).catch(() => 0)),
    ]);
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - down)));
    const refusedDuring = [...attempts.values()].flat().filter((s) => s === 503).length;
    await services.startPostgres();
    const outageMs = Date.now() - down;
    const recovered = Date.now();
    await retrying;
    const retriedMs = Date.now() - recovered;

    // Every update answered 200 in the end, each after one or more 503s during the outage.
    const during = updates.slice(BEFORE).map((u) => attempts.get(u.update_id) ?? []);
    expect(during.every((s) => s.at(-1) === 200)).toBe(true);
    expect(during.every((s) => s.slice(0, -1).every((x) => x === 503 || x === 0))).toBe(true);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    // Exactly once: one inbound row and one conversation turn per update, each reply sent once.
    const inbound = await system.db.db
      .selectFrom('inbound_messages')
      .select(['external_id', 'processed_at'])
      .where('channel', '=', 'telegram')
      .execute();
    expect(inbound).toHaveLength(updates.length);
    expect(inbound.every((r) => r.processed_at !== null)).toBe(true);
    const versions = await system.db.db
      .selectFrom('conversations as c')
      .innerJoin('channel_identities as ci', 'ci.id', 'c.identity_id')
      .select(['ci.external_id', 'c.version'])
      .where('ci.channel', '=', 'telegram')
      .execute();
    expect(versions).toHaveLength(chats.length);
    expect(versions.filter((v) => v.version !== 1)).toEqual([]);
    const rows = await system.db.db
      .selectFrom('outbox')
      .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
      .select(['ci.external_id', 'outbox.status', 'outbox.payload'])
      .where('ci.channel', '=', 'telegram')
      .execute();
    // Each person got the welcome, not an apology: their message was processed, not lost.
    expect(rows.filter((r) => JSON.stringify(r.payload).includes('Selamat datang')).length).toBe(
      chats.length,
    );
    const expected = (c: number) => rows.filter((r) => r.external_id === String(c)).length;
    await waitFor('every reply sent', () => chats.every((c) => fake.sent(c).length >= expected(c)), 60_000);
    const deliveredMs = Date.now() - recovered;
    await sleep(1500);
    expect(chats.filter((c) => fake.sent(c).length !== expected(c))).toEqual([]);
    const tries = during.map((s) => s.length);
    // A lost database is not a bug: no turn was run as failed, and nobody got an apology.
    const turnFailures = logs.filter((l) => l.msg === 'turn failed');
    expect(turnFailures.map((l) => (l.err as { message?: string } | undefined)?.message)).toEqual([]);
    const warnings = logs.filter((l) => l.msg === 'telegram update not processed').length;

    console.error(
      `fault postgres-outage: outage ${(outageMs / 1000).toFixed(1)} s (stop ${stopMs} ms); a webhook during it answered 503 in ${refusedMs} ms, /readyz 503 (postgres down, redis up); ${DURING} updates retried every ${RETRY_MS} ms: ${refusedDuring} answers 503 in the outage, ${Math.min(...tries)}–${Math.max(...tries)} tries each, all 200 within ${retriedMs} ms of restart; ${BEFORE} answered updates re-sent once: no second effect; inbound rows ${inbound.length} = updates ${updates.length}, one turn each, ${rows.length} replies sent once each (all out ${deliveredMs} ms after restart); ${warnings} 'update not processed' warnings, 0 'turn failed' errors`,
    );
  });
});
