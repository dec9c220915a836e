import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import { pool, postUpdate, SECRET, sleep, TOKEN, textUpdate, waitFor } from '../support/faults.js';
import { startTestSystem } from '../support/system.js';

const CHATS = 40;
const FIRST_CHAT = 400_000;
const COPIES = 3;
const CONCURRENCY = 30;

let nextUpdateId = 5_000_000;
const tapUpdate = (chatId: number, data: string) => {
  const id = ++nextUpdateId;
  return {
    update_id: id,
    callback_query: {
      id: `cb${id}`,
      from: { id: chatId, is_bot: false, first_name: 'Uji' },
      chat_instance: 'x',
      data,
      message: { message_id: 1, date: 1, chat: { id: chatId, type: 'private', first_name: 'Uji' } },
    },
  };
};

/** Fisher–Yates with a fixed seed, so a failure can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  const rnd = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Issue 8, fault 5: every webhook update arrives three times, the copies shuffled together with
 * every other update and posted concurrently (Telegram resends when an answer is late; a proxy
 * may reorder). Each update must have exactly one effect: one inbound row, one conversation
 * turn, its replies sent once.
 */
describe('fault: every webhook update delivered three times, out of order, concurrently', () => {
  let t: TestDb;
  let fake: FakeTelegram;
  let system: RunningSystem;

  beforeAll(async () => {
    t = await createTestDb();
    fake = await startFakeTelegram({ token: TOKEN, globalPerSecond: 1000, perChatPerSecond: 10 });
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_RATE_PER_SECOND: '200',
      TELEGRAM_RATE_PER_CHAT_PER_SECOND: '10',
    });
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await fake?.close();
    await t?.drop();
  });

  it('one effect each', { timeout: 180_000 }, async () => {
    const chats = Array.from({ length: CHATS }, (_, i) => FIRST_CHAT + i);
    // Each chat: a greeting, a tap, two typed answers and a global word — texts and taps mixed.
    const updates = chats.flatMap((chat) => [
      textUpdate(chat, '/start'),
      tapUpdate(chat, 'vendor'),
      textUpdate(chat, `Toko Uji ${chat}`),
      textUpdate(chat, `Pemilik ${chat}`),
      textUpdate(chat, 'bantuan'),
    ]);
    const perChat = updates.length / CHATS;
    const posts = shuffle(
      updates.flatMap((u) => Array.from({ length: COPIES }, () => u)),
      20_261_123,
    );
    const started = Date.now();
    const statuses = await pool(posts, CONCURRENCY, (u) => postUpdate(String(system.url), u));
    const postMs = Date.now() - started;
    const refused = statuses.filter((s) => s !== 200).length;
    expect(refused).toBe(0);

    const inbound = await t.db
      .selectFrom('inbound_messages')
      .select(['external_id', 'processed_at'])
      .where('channel', '=', 'telegram')
      .execute();
    expect(inbound).toHaveLength(updates.length);
    expect(new Set(inbound.map((r) => r.external_id)).size).toBe(updates.length);
    expect(inbound.every((r) => r.processed_at !== null)).toBe(true);

    // One conversation turn per update: each saved turn bumps the conversation's version.
    const conversations = await t.db
      .selectFrom('conversations as c')
      .innerJoin('channel_identities as ci', 'ci.id', 'c.identity_id')
      .select(['ci.external_id', 'c.version'])
      .where('ci.channel', '=', 'telegram')
      .execute();
    expect(conversations).toHaveLength(CHATS);
    const versions = conversations.map((c) => c.version);
    expect(versions.every((v) => v === perChat)).toBe(true);

    // Every reply sent, each exactly once, counted at the fake Bot API.
    const rows = await t.db
      .selectFrom('outbox')
      .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
      .select(['ci.external_id', 'outbox.status'])
      .where('ci.channel', '=', 'telegram')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(updates.length);
    await waitFor(
      'every reply sent',
      () => chats.every((c) => fake.sent(c).length >= rows.filter((r) => r.external_id === String(c)).length),
      60_000,
      100,
    );
    const deliverMs = Date.now() - started;
    await sleep(1500);
    const mismatched = chats.filter(
      (c) => fake.sent(c).length !== rows.filter((r) => r.external_id === String(c)).length,
    );
    expect(mismatched).toEqual([]);
    const after = await t.db.selectFrom('outbox').select('status').where('status', '!=', 'sent').execute();
    expect(after).toEqual([]);
    const acks = fake.calls.filter((c) => c.method === 'answerCallbackQuery').length;

    console.error(
      `fault duplicate-updates: ${updates.length} updates (${CHATS} chats × ${perChat}) posted ${COPIES}× = ${posts.length} posts, shuffled, ${CONCURRENCY} at a time, in ${postMs} ms; all 200; inbound rows ${inbound.length}, turns per chat ${Math.min(...versions)}–${Math.max(...versions)}, replies ${rows.length} sent once each (all delivered ${deliverMs} ms after the first post); button acknowledgements ${acks} (cosmetic, one per copy)`,
    );
  });
});
