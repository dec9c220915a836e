import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { createTimers } from '../../src/procurement/timers.js';
import { createQueues, type QueueSet } from '../../src/queue/queues.js';
import { createRedis } from '../../src/queue/redis.js';
import { createDb, type Db } from '../../src/store/db.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import {
  officerOnTelegram,
  type PrivateServices,
  postUpdate,
  type RoleProcess,
  SECRET,
  sleep,
  spawnRole,
  startPrivateServices,
  TOKEN,
  tapUpdate,
  textUpdate,
  waitFor,
} from '../support/faults.js';
import { seedOpenTender } from '../support/lifecycle.js';

const VENDORS = 120;
const DECLINING = 40;
const OTHERS = 30;
const FIRST_VENDOR_CHAT = 700_000;
const FIRST_OTHER_CHAT = 780_000;
const OFFICER_CHAT = 790_000;
const LOAD_MS = 24_000;
const REMIND_AFTER_MS = 14_000;
const DEADLINE_AFTER_MS = 26_000;

/**
 * Issue 8, fault 4: two server processes and two worker processes on one PostgreSQL and Redis,
 * under a steady load of turns through both servers' webhooks (each update also posted to the
 * other server at the same moment, as a retry behind a load balancer might). No effect happens
 * twice; the reminder and the deadline, scheduled by both producers and seen by both workers,
 * fire once.
 */
describe('fault: two servers and two workers on the same PostgreSQL and Redis', () => {
  let services: PrivateServices;
  let fake: FakeTelegram;
  let db: Db;
  const processes: RoleProcess[] = [];
  const producers: Array<{ queues: QueueSet; close(): void }> = [];

  beforeAll(async () => {
    services = await startPrivateServices('scale');
    fake = await startFakeTelegram({ token: TOKEN, globalPerSecond: 1000, perChatPerSecond: 10 });
    db = createDb({ url: services.databaseUrl, poolMax: 3 });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    for (const p of producers) {
      await p.queues.close();
      p.close();
    }
    await db?.close();
    await fake?.close();
    await services?.close();
  });

  it('no duplicate effect, the reminder and the deadline fire once', { timeout: 240_000 }, async () => {
    const env = {
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      DATA_DIR: services.dir,
      QUEUE_PREFIX: 'f4',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_MODE: 'webhook',
      DOCUMENT_LINK_SECRET: 'faults-document-link-secret-0123456789abcdef',
      TELEGRAM_RATE_PER_SECOND: '100',
      TELEGRAM_RATE_PER_CHAT_PER_SECOND: '5',
      WORKER_CONCURRENCY: '10',
      OUTBOX_SWEEP_INTERVAL_MS: '1000',
    };
    const t0 = Date.now();
    processes.push(
      ...(await Promise.all([
        spawnRole('server', env),
        spawnRole('server', env),
        spawnRole('worker', env),
        spawnRole('worker', env),
      ])),
    );
    const startMs = Date.now() - t0;
    const servers = processes.filter((p) => p.role === 'server').map((p) => String(p.url));
    expect(servers).toHaveLength(2);
    // The producers of the test's own: the same queues and timer ids the servers use.
    for (let i = 0; i < 2; i++) {
      const conn = createRedis(services.redisUrl, 'producer');
      await new Promise((r) => conn.once('ready', r));
      producers.push({ queues: createQueues(conn, 'f4'), close: () => conn.disconnect() });
    }

    const vendorChats = Array.from({ length: VENDORS }, (_, i) => FIRST_VENDOR_CHAT + i);
    const { needId } = await seedOpenTender(db.db, {
      number: 'PD-3214-2026-8401',
      category: 'bahan_bangunan',
      vendors: vendorChats.map((c) => ({ channel: 'telegram' as const, externalId: String(c) })),
    });
    await officerOnTelegram(db.db, needId, OFFICER_CHAT);
    // Both producers ask for the match and the timers: ids derived from the need make each once.
    for (const p of producers) {
      await p.queues.get('match').add('match', { needId, round: 0 }, { jobId: `match-${needId}-0` });
    }
    await waitFor('every alert', () => vendorChats.every((c) => fake.sent(c).length >= 1), 60_000, 50);

    // Timed from here, so the declines (the first updates) are in before the reminder is due.
    const loadStart = Date.now();
    const deadline = loadStart + DEADLINE_AFTER_MS;
    await db.db
      .updateTable('needs')
      .set({ quote_deadline: new Date(deadline) })
      .where('id', '=', needId)
      .execute();
    for (const p of producers) {
      const timers = createTimers(p.queues.get('timers'), systemClock);
      await timers.schedule({ kind: 'deadline', subjectId: needId, dueAt: deadline });
      await timers.schedule({
        kind: 'remind',
        subjectId: needId,
        dueAt: loadStart + REMIND_AFTER_MS,
        tag: `${Math.round((DEADLINE_AFTER_MS - REMIND_AFTER_MS) / 1000)}s-${deadline}`,
      });
    }

    // Steady load: one update every ~110 ms, alternating servers, each also posted to the other.
    const updates = [
      ...vendorChats.slice(0, DECLINING).map((c) => tapUpdate(c, `t:${needId}:decline`)),
      ...Array.from({ length: OTHERS }, (_, i) => textUpdate(FIRST_OTHER_CHAT + i, '/start')),
      ...vendorChats.slice(DECLINING).map((c) => tapUpdate(c, `t:${needId}:details`)),
      ...Array.from({ length: OTHERS }, (_, i) => textUpdate(FIRST_OTHER_CHAT + i, 'bantuan')),
    ];
    const statuses: number[] = [];
    const inFlight: Array<Promise<void>> = [];
    const gap = Math.floor((LOAD_MS - 4000) / updates.length);
    for (const [i, u] of updates.entries()) {
      const [first, second] = i % 2 ? [servers[1], servers[0]] : [servers[0], servers[1]];
      inFlight.push(
        (async () => {
          // Both at once: the two copies race through two processes.
          statuses.push(
            ...(await Promise.all([postUpdate(String(first), u), postUpdate(String(second), u)])),
          );
        })(),
      );
      await sleep(gap);
    }
    await Promise.all(inFlight);
    const loadMs = Date.now() - loadStart;
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const closedText = 'PD-3214-2026-8401';
    await waitFor(
      'the deadline',
      () => Date.now() > deadline && fake.sent(OFFICER_CHAT).length >= 2,
      90_000,
      200,
    );
    const doneMs = Date.now() - loadStart;
    await sleep(3000);

    // One inbound row and one turn per update, though each came to both servers.
    const inbound = await db.db
      .selectFrom('inbound_messages')
      .select('external_id')
      .where('channel', '=', 'telegram')
      .execute();
    expect(inbound).toHaveLength(updates.length);
    const declined = await db.db
      .selectFrom('invitations')
      .select('vendor_id')
      .where('need_id', '=', needId)
      .where('status', '=', 'declined')
      .execute();
    expect(declined).toHaveLength(DECLINING);

    // Every message went out exactly once, counted at the fake per chat.
    const rows = await db.db
      .selectFrom('outbox')
      .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
      .select(['ci.external_id', 'outbox.status', 'outbox.purpose'])
      .execute();
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const chats = [...new Set(rows.map((r) => Number(r.external_id)))];
    const mismatched = chats.filter(
      (c) => fake.sent(c).length !== rows.filter((r) => r.external_id === String(c)).length,
    );
    expect(mismatched).toEqual([]);

    // The reminder: once to each vendor who had not declined, never to those who had.
    const reminders = (c: number) =>
      fake.sent(c).filter((s) => String(s.params.text).startsWith('⏰ Pengingat')).length;
    const reminded = vendorChats.slice(DECLINING).map(reminders);
    expect(reminded.every((n) => n === 1)).toBe(true);
    expect(
      vendorChats
        .slice(0, DECLINING)
        .map(reminders)
        .every((n) => n === 0),
    ).toBe(true);
    // The officer: one "deadline soon", one "closed", nothing twice.
    const officer = fake.sent(OFFICER_CHAT).map((s) => String(s.params.text));
    expect(officer.filter((x) => x.startsWith('⏰ Batas penawaran'))).toHaveLength(1);
    expect(officer.filter((x) => x.startsWith('🔓') && x.includes(closedText))).toHaveLength(1);
    const closed = await db.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', 'in', ['need.closed', 'need.matched'])
      .where('entity_id', '=', String(needId))
      .execute();
    expect(closed).toHaveLength(2);
    const errors429 = fake.errors.length;
    // Nobody crashed on the way.
    expect(processes.filter((p) => p.child.exitCode !== null || p.child.signalCode !== null)).toEqual([]);

    console.error(
      `fault scale-out: 2 servers + 2 workers ready in ${(startMs / 1000).toFixed(1)} s; ${VENDORS} alerts once each; ${updates.length} updates over ${(loadMs / 1000).toFixed(1)} s, each posted to both servers (${statuses.length} posts, all 200): inbound rows ${inbound.length}, ${declined.length} declines; ${rows.length} messages, each sent once; reminder once to each of ${reminded.length} silent vendors, 0 to the ${DECLINING} who declined; officer: 1 reminder, 1 closed; match and close audited once each (timers scheduled by 2 producers, 2 workers); ${errors429} 429s from the fake recovered; done ${(doneMs / 1000).toFixed(1)} s after the load began`,
    );
  });
});
