import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { type FakeTelegram, type RecordedCall, startFakeTelegram } from '../support/fake-telegram.js';
import { seedOpenTender } from '../support/lifecycle.js';
import { eventually, startTestSystem } from '../support/system.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const SECRET = 'telegram-webhook-secret-0123456789';

let updateId = 1000;
const textUpdate = (chatId: number, text: string) => ({
  update_id: ++updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'Uji' },
    from: { id: chatId, is_bot: false, first_name: 'Uji' },
    text,
  },
});
const tapUpdate = (chatId: number, data: string) => ({
  update_id: ++updateId,
  callback_query: {
    id: `cb${updateId}`,
    from: { id: chatId, is_bot: false, first_name: 'Uji' },
    chat_instance: 'x',
    data,
    message: { message_id: 1, date: 1, chat: { id: chatId, type: 'private', first_name: 'Uji' } },
  },
});

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const buttons = (call: RecordedCall) =>
  ((call.params.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).flat();

describe('Telegram through the real webhook and a fake Bot API', () => {
  let t: TestDb;
  let system: RunningSystem;
  let fake: FakeTelegram;

  beforeAll(async () => {
    t = await createTestDb();
    fake = await startFakeTelegram({ token: TOKEN, perChatPerSecond: 5, globalPerSecond: 30 });
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_MODE: 'webhook',
    });
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    await fake?.close();
    await t?.drop();
  });

  const post = (update: object, secret: string | null = SECRET) =>
    fetch(`${system.url}/webhooks/telegram`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body: JSON.stringify(update),
    });

  /** Posts an update and returns the bot's next message to that chat. */
  async function send(chatId: number, update: object): Promise<RecordedCall> {
    const before = fake.sent(chatId).length;
    const res = await post(update);
    expect(res.status).toBe(200);
    await eventually(async () => fake.sent(chatId).length > before, 20_000, 25);
    return fake.sent(chatId)[before] as RecordedCall;
  }

  it('registers a vendor by tapping inline buttons', { timeout: 60_000 }, async () => {
    const chat = 5001;
    const welcome = await send(chat, textUpdate(chat, '/start'));
    expect(welcome.params.text).toContain('Selamat datang di <b>PesanDesa</b>');
    expect(buttons(welcome).map((b) => b.text)).toEqual(['1. Penyedia / pemilik usaha', '2. Perangkat desa']);
    await send(chat, tapUpdate(chat, 'vendor'));
    await send(chat, textUpdate(chat, 'Toko_Serba <Ada>'));
    await send(chat, textUpdate(chat, 'Bu Ani'));
    const cats = await send(chat, textUpdate(chat, '0812 3456 7890'));
    const bahan = buttons(cats).find((b) => b.text.endsWith('Bahan bangunan'));
    const toggled = await send(chat, tapUpdate(chat, String(bahan?.callback_data)));
    expect(toggled.params.text).toContain('Sudah dipilih: Bahan bangunan');
    const kecamatan = await send(chat, tapUpdate(chat, 'done'));
    const bojong = buttons(kecamatan).find((b) => b.text.endsWith('Bojong'));
    const desa = await send(chat, tapUpdate(chat, String(bojong?.callback_data)));
    await send(chat, tapUpdate(chat, String(buttons(desa)[0]?.callback_data)));
    const summary = await send(chat, textUpdate(chat, 'lewati'));
    // The name is shown as typed, safely escaped for Telegram's HTML.
    expect(summary.params.text).toContain('Toko_Serba &lt;Ada&gt;');
    const done = await send(chat, tapUpdate(chat, 'yes'));
    expect(done.params.text).toContain('sudah terdaftar');
    const vendor = await t.db
      .selectFrom('vendors')
      .select(['business_name', 'phone_e164'])
      .executeTakeFirstOrThrow();
    expect(vendor).toEqual({ business_name: 'Toko_Serba <Ada>', phone_e164: '+6281234567890' });
    // Every tap got its spinner stopped, and the answered question lost its buttons.
    expect(fake.calls.filter((c) => c.method === 'answerCallbackQuery').length).toBe(6);
    const edits = fake.calls.filter((c) => c.method === 'editMessageReplyMarkup');
    expect(edits).toHaveLength(6);
    expect(edits[0]?.params).toMatchObject({ chat_id: chat, reply_markup: { inline_keyboard: [] } });
  });

  it('refuses a wrong or missing secret token and leaves no trace', async () => {
    const chat = 5002;
    expect((await post(textUpdate(chat, 'halo'), 'wrong-secret-000000000000')).status).toBe(401);
    expect((await post(textUpdate(chat, 'halo'), null)).status).toBe(401);
    const rows = await t.db
      .selectFrom('channel_identities')
      .select('id')
      .where('external_id', '=', String(chat))
      .execute();
    expect(rows).toEqual([]);
    expect(fake.sent(chat)).toEqual([]);
  });

  it('the same update posted three times has one effect', async () => {
    const chat = 5003;
    const update = textUpdate(chat, 'halo');
    const results = await Promise.all([post(update), post(update), post(update)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await eventually(async () => fake.sent(chat).length >= 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.sent(chat)).toHaveLength(1);
    const inbound = await t.db
      .selectFrom('inbound_messages')
      .select('id')
      .where('external_id', '=', `u${update.update_id}`)
      .execute();
    expect(inbound).toHaveLength(1);
  });
});

describe('Telegram delivery under the Bot API limits, blocked users, and polling', () => {
  let t: TestDb;
  let system: RunningSystem;
  let fake: FakeTelegram;
  const CAP = 25;

  beforeAll(async () => {
    t = await createTestDb();
    // The fake allows less than our cap, so real 429s happen and must be recovered from.
    fake = await startFakeTelegram({
      token: TOKEN,
      perChatPerSecond: 1,
      globalPerSecond: 20,
      retryAfterSeconds: 1,
    });
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_MODE: 'polling',
      TELEGRAM_RATE_PER_SECOND: String(CAP),
    });
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    await fake?.close();
    await t?.drop();
  });

  it('polling mode receives an update and answers it', async () => {
    const chat = 6001;
    fake.queueUpdate(textUpdate(chat, 'halo'));
    await eventually(async () => fake.sent(chat).length === 1, 20_000);
    expect(fake.sent(chat)[0]?.params.text).toContain('Selamat datang');
  });

  it('a burst of 300 alerts reaches 300 vendors exactly once, within the cap, recovering from 429s', {
    timeout: 120_000,
  }, async () => {
    const N = 300;
    const { needId } = await seedOpenTender(t.db, {
      number: 'PD-3214-2026-0300',
      category: 'bahan_bangunan',
      vendors: Array.from({ length: N }, (_, i) => ({
        channel: 'telegram' as const,
        externalId: String(7000 + i),
      })),
    });
    const need = { id: needId };

    const started = Date.now();
    await system.queues
      .get('match')
      .add('match', { needId: need.id, round: 0 }, { jobId: `match-${need.id}-0` });
    const chats = Array.from({ length: N }, (_, i) => 7000 + i);
    await eventually(async () => chats.every((c) => fake.sent(c).length >= 1), 90_000, 200);
    const seconds = (Date.now() - started) / 1000;

    // Exactly once each.
    expect(chats.filter((c) => fake.sent(c).length !== 1)).toEqual([]);
    const outbox = await t.db
      .selectFrom('outbox')
      .select(['status'])
      .where('purpose', '=', 'alert')
      .execute();
    expect(outbox).toHaveLength(N);
    expect(outbox.every((r) => r.status === 'sent')).toBe(true);
    // Every 429 the fake answered was recovered from: the message went out later.
    for (const e of fake.errors) expect(fake.sent(String(e.params.chat_id))).toHaveLength(1);
    // The achieved rate stays within the configured cap.
    const accepted = fake
      .sent()
      .filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) >= 7000)
      .map((c) => c.at);
    let busiest = 0;
    for (const at of accepted)
      busiest = Math.max(busiest, accepted.filter((x) => x > at - 1000 && x <= at).length);
    expect(busiest).toBeLessThanOrEqual(CAP);
    console.error(
      `telegram burst: ${N} alerts in ${seconds.toFixed(1)} s = ${(N / seconds).toFixed(1)}/s; cap ${CAP}/s, fake limit 20/s; busiest second ${busiest}; 429s recovered ${fake.errors.length}`,
    );
  });

  it('a user who blocked the bot is marked unreachable, the message dead, the admin told via the audit log', async () => {
    const chat = 6100;
    fake.setBlocked(chat, true);
    fake.queueUpdate(textUpdate(chat, 'halo'));
    await eventually(async () => {
      const row = await t.db
        .selectFrom('channel_identities')
        .select('unreachable_at')
        .where('external_id', '=', String(chat))
        .executeTakeFirst();
      return !!row?.unreachable_at;
    }, 20_000);
    const dead = await t.db
      .selectFrom('outbox')
      .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
      .select(['outbox.status', 'outbox.attempts'])
      .where('ci.external_id', '=', String(chat))
      .execute();
    expect(dead).toEqual([{ status: 'dead', attempts: 1 }]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'identity.unreachable')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('Telegram webhook registration at start', () => {
  it('calls setWebhook with the secret, the allowed updates and a connection cap when PUBLIC_URL is set', async () => {
    const t = await createTestDb();
    const fake = await startFakeTelegram({ token: TOKEN });
    const system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PUBLIC_URL: 'https://pesandesa.purwakartakab.example',
    });
    try {
      expect(fake.webhook).toEqual({
        url: 'https://pesandesa.purwakartakab.example/webhooks/telegram',
        secretToken: SECRET,
        allowedUpdates: ['message', 'callback_query'],
        maxConnections: 40,
      });
    } finally {
      await system.stop();
      await fake.close();
      await t.drop();
    }
  });
});
