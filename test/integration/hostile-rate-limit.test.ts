import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createInboundLimiter } from '../../src/conversation/inbound-limit.js';
import { translate } from '../../src/i18n/index.js';
import { createLogger } from '../../src/logger.js';
import { createRedis, waitUntilReady } from '../../src/queue/redis.js';
import { freePort } from '../../src/runtime/process-utils.js';
import type { RunningSystem } from '../../src/system.js';
import { ChatClient, TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import { outboxOf } from '../support/lifecycle.js';
import { eventually, startTestSystem } from '../support/system.js';

// One token a minute: during this test (seconds) no token is refilled, so "allowed" is exactly
// the burst and the figures are not timing-dependent.
const BURST = 5;
const BOT_TOKEN = '123456:LIMIT-token-abcdefghijklmnopqrstuvwxyz';
const TG_SECRET = 'telegram-limit-secret-0123456789';
const FLOOD = 50;

describe('per-chat limit on inbound turns', () => {
  let t: TestDb;
  let system: RunningSystem;
  let telegram: FakeTelegram;
  const slowDown = translate('id', 'rate.slow_down');

  beforeAll(async () => {
    t = await createTestDb();
    telegram = await startFakeTelegram({ token: BOT_TOKEN, perChatPerSecond: 100 });
    system = await startTestSystem({
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_MODE: 'webhook',
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_TOKEN: TEST_TOKEN,
      INBOUND_RATE_PER_MINUTE: '1',
      INBOUND_BURST: String(BURST),
    });
  });
  afterAll(async () => {
    await system?.stop();
    await telegram?.close();
    await t?.drop();
  });

  const post = (identity: string, text: string, id = randomUUID()) =>
    fetch(`${system.url}/api/chat/${identity}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, text }),
    });

  async function inboundKinds(identity: string) {
    const rows = await t.db
      .selectFrom('inbound_messages as m')
      .innerJoin('channel_identities as ci', 'ci.id', 'm.identity_id')
      .select(['m.kind'])
      .where('ci.external_id', '=', identity)
      .execute();
    return {
      run: rows.filter((r) => r.kind !== 'throttled').length,
      throttled: rows.filter((r) => r.kind === 'throttled').length,
    };
  }

  it('slows a flooding chat to its burst, tells it once, and leaves another chat alone', async () => {
    const started = performance.now();
    // The other chat talks at the same time, one message after the other, as a person does.
    const calm = new ChatClient(String(system.url), 'calm-1');
    const calmTalk = (async () => {
      const replies = [];
      for (const text of ['halo', '1', 'Toko Tenang']) replies.push(await calm.say(text));
      return replies;
    })();
    const flood = await Promise.all(Array.from({ length: FLOOD }, (_, i) => post('flood-1', `spam ${i}`)));
    const calmReplies = await calmTalk;

    // No request fails: the platform must not retry a dropped message.
    expect(flood.map((r) => r.status)).toEqual(Array(FLOOD).fill(202));
    await Promise.all(flood.map((r) => r.json()));

    // Only the burst ran as turns; every other message is recorded as throttled, none vanished.
    expect(await inboundKinds('flood-1')).toEqual({ run: BURST, throttled: FLOOD - BURST });
    await eventually(async () => (await outboxOf(t.db, 'flood-1')).every((r) => r.status === 'sent'));
    const rows = await outboxOf(t.db, 'flood-1');
    const notices = rows.filter((r) => (r.payload as { text?: string }).text === slowDown);
    expect(notices.length).toBe(1);
    expect(rows.length).toBe(BURST + 1);

    // The calm chat was never slowed: each message got its proper next question.
    expect(await inboundKinds('calm-1')).toEqual({ run: 3, throttled: 0 });
    expect(calmReplies[2]?.text).toContain('pemilik');
    expect(calm.transcript.some((m) => m.text === slowDown)).toBe(false);

    // Still over the limit a while later: dropped again, but no second notice in the window.
    expect((await post('flood-1', 'lagi')).status).toBe(202);
    expect(await inboundKinds('flood-1')).toEqual({ run: BURST, throttled: FLOOD - BURST + 1 });
    const after = await outboxOf(t.db, 'flood-1');
    expect(after.filter((r) => (r.payload as { text?: string }).text === slowDown).length).toBe(1);
    console.error(
      `[rate-limit] ${FLOOD} concurrent messages from one chat (burst ${BURST}, 1/min): ` +
        `${BURST} turns run, ${FLOOD - BURST} recorded as throttled, 1 notice; ` +
        `other chat: 3 of 3 answered; ${Math.round(performance.now() - started)} ms`,
    );
  });

  it('over Telegram: every flooded update is answered 200 (no resend), one notice reaches the chat', async () => {
    const chatId = 880_001;
    let updateId = 70_000;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${system.url}/webhooks/telegram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
          body: JSON.stringify({
            update_id: ++updateId,
            message: {
              message_id: updateId,
              date: Math.floor(Date.now() / 1000),
              chat: { id: chatId, type: 'private' },
              from: { id: chatId, is_bot: false, first_name: 'Uji' },
              text: `spam ${i}`,
            },
          }),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await inboundKinds(String(chatId))).toEqual({ run: BURST, throttled: 20 - BURST });
    await eventually(async () =>
      telegram.sent(chatId).some((c) => String(c.params.text ?? '').includes('Pelan-pelan')),
    );
    const notices = telegram.sent(chatId).filter((c) => String(c.params.text ?? '').includes('Pelan-pelan'));
    expect(notices.length).toBe(1);
  });

  it('does not charge a platform retry of a message already counted', async () => {
    const id = randomUUID();
    const first = await post('retry-1', 'halo', id);
    expect(first.status).toBe(202);
    for (let i = 0; i < 10; i++) {
      const again = await post('retry-1', 'halo', id);
      expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true);
    }
    // Ten retries later the chat still has its burst minus one.
    for (let i = 0; i < BURST - 1; i++) await post('retry-1', `m${i}`);
    expect(await inboundKinds('retry-1')).toEqual({ run: BURST, throttled: 0 });
    await post('retry-1', 'one too many');
    expect(await inboundKinds('retry-1')).toEqual({ run: BURST, throttled: 1 });
  });

  it('refills at the configured rate: a slowed chat gets its turns back as time passes', async () => {
    const redis = createRedis(inject('redisUrl'), 'producer');
    await waitUntilReady(redis);
    // The limiter's own pinned clock, moved by hand below. calendar-ok
    let now = Date.parse('2026-11-23T08:00:00Z');
    const limiter = createInboundLimiter({
      redis,
      prefix: testQueuePrefix(),
      perMinute: 6, // one every 10 s
      burst: 3,
      now: () => new Date(now),
      log: createLogger('silent'),
    });
    let n = 0;
    const take = () => limiter.take({ channel: 'whatsapp', externalUserId: '62811', messageId: `r${++n}` });
    const first = [await take(), await take(), await take(), await take()];
    expect(first.map((d) => d.allowed)).toEqual([true, true, true, false]);
    now += 9_000;
    expect((await take()).allowed).toBe(false);
    now += 1_000; // 10 s since the bucket ran dry: one token
    expect((await take()).allowed).toBe(true);
    expect((await take()).allowed).toBe(false);
    now += 10 * 60_000; // a long pause: full again, never more than the burst
    const after = [await take(), await take(), await take(), await take()];
    expect(after.map((d) => d.allowed)).toEqual([true, true, true, false]);
    redis.disconnect();
  });

  it('shares one bucket between server processes (Redis), and fails open when Redis is away', async () => {
    const log = createLogger('silent');
    const prefix = testQueuePrefix();
    const redisA = createRedis(inject('redisUrl'), 'producer');
    const redisB = createRedis(inject('redisUrl'), 'producer');
    await Promise.all([waitUntilReady(redisA), waitUntilReady(redisB)]);
    const opts = { prefix, perMinute: 1, burst: 4, now: () => new Date(), log };
    const a = createInboundLimiter({ ...opts, redis: redisA });
    const b = createInboundLimiter({ ...opts, redis: redisB });
    const who = { channel: 'telegram' as const, externalUserId: '777' };
    const decisions = [];
    for (let i = 0; i < 6; i++) {
      decisions.push(await (i % 2 ? a : b).take({ ...who, messageId: `u${i}` }));
    }
    expect(decisions.filter((d) => d.allowed).length).toBe(4);
    expect(decisions.filter((d) => d.notify).length).toBe(1);
    redisA.disconnect();
    redisB.disconnect();

    // Nothing listens on this port: every turn is let through, quickly.
    const dead = createRedis(`redis://127.0.0.1:${await freePort()}`, 'producer');
    const open = createInboundLimiter({ ...opts, redis: dead, burst: 1 });
    const before = performance.now();
    const away = [];
    for (let i = 0; i < 5; i++) away.push(await open.take({ ...who, messageId: `d${i}` }));
    expect(away.every((d) => d.allowed && !d.notify)).toBe(true);
    const ms = performance.now() - before;
    dead.disconnect();
    console.error(`[rate-limit] Redis away: 5 of 5 turns let through in ${Math.round(ms)} ms`);
  });
});
