import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import { type FakeCloud, startFakeCloud } from '../support/fake-whatsapp-cloud.js';
import { eventually, startTestSystem } from '../support/system.js';

/**
 * Every webhook, fed payloads with fields missing, of the wrong type, huge, or not JSON at all —
 * correctly authenticated, so the hostile part is the content. No answer may be a 5xx (a 5xx
 * makes the platform retry the same poison forever), no promise may be left rejected, and a
 * proper message afterwards is still answered.
 */

const BOT_TOKEN = '123456:HOSTILE-token-abcdefghijklmnopqrstuvwxyz';
const TG_SECRET = 'telegram-hostile-secret-0123456789';
const APP_SECRET = 'whatsapp-hostile-app-secret-0123456789';
const VERIFY = 'verify-hostile-token';
const ACCESS = 'EAAG-hostile-access-token-0123456789';
const PHONE_ID = '109876543210';

let seq = 0;
const now = () => Math.floor(Date.now() / 1000);

const telegramBases = (): Record<string, unknown>[] => [
  {
    update_id: ++seq,
    message: {
      message_id: seq,
      date: now(),
      chat: { id: 5001, type: 'private', first_name: 'Uji' },
      from: { id: 5001, is_bot: false, first_name: 'Uji', last_name: 'Coba' },
      text: 'halo',
    },
  },
  {
    update_id: ++seq,
    callback_query: {
      id: `cb${seq}`,
      from: { id: 5002, is_bot: false, first_name: 'Uji' },
      chat_instance: 'x',
      data: '1',
      message: { message_id: 1, date: 1, chat: { id: 5002, type: 'private', first_name: 'Uji' } },
    },
  },
  {
    update_id: ++seq,
    message: {
      message_id: seq,
      date: now(),
      chat: { id: 5003, type: 'private' },
      from: { id: 5003, is_bot: false, first_name: 'Uji' },
      contact: { phone_number: '+6281234567890', first_name: 'Uji', user_id: 5003 },
    },
  },
  {
    update_id: ++seq,
    message: {
      message_id: seq,
      date: now(),
      chat: { id: 5004, type: 'private' },
      from: { id: 5004, is_bot: false, first_name: 'Uji' },
      photo: [{ file_id: 'small' }, { file_id: 'large' }],
      caption: 'bukti',
      location: { latitude: -6.5, longitude: 107.4 },
    },
  },
];

const cloudBase = (): Record<string, unknown> => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'waba',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { phone_number_id: PHONE_ID },
            contacts: [{ wa_id: '6281200000001', profile: { name: 'Pak Uji' } }],
            messages: [
              {
                id: `wamid.h${++seq}`,
                from: '6281200000001',
                timestamp: String(now()),
                type: 'text',
                text: { body: 'halo' },
                interactive: { button_reply: { id: '1' } },
                image: { id: 'img', mime_type: 'image/jpeg', caption: 'x' },
                location: { latitude: -6.5, longitude: 107.4 },
              },
            ],
            statuses: [{ id: 'wamid.out1', status: 'delivered', errors: [{ code: 1, title: 't' }] }],
          },
        },
      ],
    },
  ],
});

const webBase = (): Record<string, unknown> => ({
  id: `w${++seq}`,
  text: 'halo',
  optionId: '1',
  name: 'Uji',
  phone: '081234567890',
  contact: { phone: '081234567890', name: 'Uji' },
  location: { latitude: -6.5, longitude: 107.4 },
  media: { kind: 'photo', fileId: 'f1', mimeType: 'image/jpeg', caption: 'c' },
});

/** Every path to a value in a JSON object (arrays by index), so any field can be broken. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k])),
  ];
}

const WRONG = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    0,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER * 10,
    '',
    ' ',
    'x'.repeat(100_000),
    "'; drop table users; --",
    '<script>alert(1)</script>',
    '\u202e\u0000\ud800',
    true,
    [],
    {},
    [[[]]],
    { __proto__: { polluted: true } },
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A base payload with one to three fields replaced by something of the wrong kind (or removed). */
function broken(bases: () => Record<string, unknown>[]) {
  return fc
    .tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), WRONG, fc.boolean()), { minLength: 1, maxLength: 3 }))
    .map(([which, edits]) => {
      const all = bases();
      const body = structuredClone(all[which % all.length]) as Record<string, unknown>;
      for (const [at, value, remove] of edits) {
        const ps = paths(body).filter((p) => p.length > 0);
        const p = ps[at % ps.length];
        if (!p) continue;
        let parent = body as Record<string | number, unknown>;
        for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        const last = p[p.length - 1] as string | number;
        if (remove) delete parent[last];
        else parent[last] = value;
      }
      return body;
    });
}

const notJson = fc.constantFrom(
  '',
  'null',
  '[]',
  '"text"',
  '42',
  '{',
  '{"update_id": }',
  '\u0000\u0001',
  'x'.repeat(200_000),
  JSON.stringify({ a: 'b'.repeat(1_000_000) }),
);

describe('webhooks under hostile payloads', () => {
  let t: TestDb;
  let system: RunningSystem;
  let telegram: FakeTelegram;
  let cloud: FakeCloud;
  const statuses: Record<string, Record<number, number>> = { telegram: {}, whatsapp: {}, web: {} };
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    t = await createTestDb();
    telegram = await startFakeTelegram({ token: BOT_TOKEN, perChatPerSecond: 100, globalPerSecond: 1000 });
    cloud = await startFakeCloud({ accessToken: ACCESS, phoneNumberId: PHONE_ID, pairPerSixSeconds: 1000 });
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_TOKEN: TEST_TOKEN,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_MODE: 'webhook',
      WHATSAPP_MODE: 'cloud',
      WHATSAPP_API_ROOT: cloud.url,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_ID,
      WHATSAPP_ACCESS_TOKEN: ACCESS,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY,
      // The fuzzing sends many messages from few chats; the limit is tested on its own.
      INBOUND_RATE_PER_MINUTE: '0',
    });
  }, 60_000);
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await system?.stop();
    await telegram?.close();
    await cloud?.close();
    await t?.drop();
  });

  const count = (channel: string, status: number) => {
    statuses[channel]![status] = (statuses[channel]![status] ?? 0) + 1;
  };

  const postTelegram = async (raw: string) => {
    const res = await fetch(`${system.url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
      body: raw,
    });
    count('telegram', res.status);
    return res.status;
  };
  const postCloud = async (raw: string) => {
    const sig = `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
    const res = await fetch(`${system.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig },
      body: raw,
    });
    count('whatsapp', res.status);
    return res.status;
  };
  const postWeb = async (raw: string, identity = 'hostile-web') => {
    const res = await fetch(`${system.url}/api/chat/${identity}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: raw,
    });
    count('web', res.status);
    return res.status;
  };

  it('Telegram: broken updates never get a 5xx', { timeout: 90_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          broken(telegramBases).map((b) => JSON.stringify(b)),
          notJson,
        ),
        async (raw) => {
          expect(await postTelegram(raw)).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('WhatsApp Cloud: broken (signed) payloads never get a 5xx', { timeout: 90_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          broken(() => [cloudBase()]).map((b) => JSON.stringify(b)),
          notJson,
        ),
        async (raw) => {
          expect(await postCloud(raw)).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('web chat API: broken bodies and identities never get a 5xx', { timeout: 90_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          broken(() => [webBase()]).map((b) => JSON.stringify(b)),
          notJson,
        ),
        fc.oneof(
          fc.constant('hostile-web'),
          fc.constantFrom('%2e%2e%2fadmin', 'a'.repeat(65), '%00', '<script>', "'or'1'='1", '🙏'),
        ),
        async (raw, identity) => {
          expect(await postWeb(raw, identity)).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    const list = await fetch(`${system.url}/api/chat/hostile-web/messages?after=-1e309`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(list.status).toBeLessThan(500);
  });

  it('still answers proper messages afterwards, and left no promise rejected', async () => {
    const chatId = 777_001;
    expect(
      await postTelegram(
        JSON.stringify({
          update_id: ++seq,
          message: {
            message_id: seq,
            date: now(),
            chat: { id: chatId, type: 'private' },
            from: { id: chatId, is_bot: false, first_name: 'Uji' },
            text: 'halo',
          },
        }),
      ),
    ).toBe(200);
    await eventually(async () =>
      telegram.calls.some((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId)),
    );
    const wa = cloudBase();
    const change = (wa.entry as Array<{ changes: Array<{ value: Record<string, unknown> }> }>)[0]!
      .changes[0]!;
    change.value.messages = [
      {
        id: `wamid.ok${++seq}`,
        from: '6281299999999',
        timestamp: String(now()),
        type: 'text',
        text: { body: 'halo' },
      },
    ];
    change.value.statuses = [];
    expect(await postCloud(JSON.stringify(wa))).toBe(200);
    await eventually(async () => cloud.calls.some((c) => JSON.stringify(c.body).includes('6281299999999')));
    await new Promise((r) => setTimeout(r, 100));
    expect(rejections).toEqual([]);
    console.error(
      `[hostile-webhooks] answers by status: ${JSON.stringify(statuses)}; 0 unhandled rejections`,
    );
  });
});
