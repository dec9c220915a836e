import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server/app.js';
import { mountChatApi } from '../../src/server/chat-api.js';
import type { RunningSystem } from '../../src/system.js';
import { TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import { type FakeCloud, startFakeCloud } from '../support/fake-whatsapp-cloud.js';
import { startTestSystem } from '../support/system.js';

/**
 * Every way into the engine refuses a caller without the right secret: the Telegram secret
 * header, the WhatsApp signature over the raw body (and the verify token of the challenge),
 * the operator token of the web chat API. A refused call leaves no inbound row and no reply.
 */

const BOT_TOKEN = '123456:AUTHZ-token-abcdefghijklmnopqrstuvwxyz';
const TG_SECRET = 'telegram-authz-secret-0123456789';
const APP_SECRET = 'whatsapp-authz-app-secret-0123456789';
const VERIFY = 'verify-authz-token';
const ACCESS = 'EAAG-authz-access-token-0123456789';
const PHONE_ID = '109876543210';

describe('webhooks and the chat API refuse missing or wrong secrets', () => {
  let t: TestDb;
  let system: RunningSystem;
  let telegram: FakeTelegram;
  let cloud: FakeCloud;

  beforeAll(async () => {
    t = await createTestDb();
    telegram = await startFakeTelegram({ token: BOT_TOKEN });
    cloud = await startFakeCloud({ accessToken: ACCESS, phoneNumberId: PHONE_ID });
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
    });
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    await telegram?.close();
    await cloud?.close();
    await t?.drop();
  });

  const traces = async () => {
    const [inbound, outbox] = await Promise.all([
      t.db
        .selectFrom('inbound_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      t.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { inbound: Number(inbound.n), outbox: Number(outbox.n) };
  };

  const tgUpdate = JSON.stringify({
    update_id: 4242,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: 4242, type: 'private' },
      from: { id: 4242, is_bot: false, first_name: 'Uji' },
      text: 'halo',
    },
  });
  const waBody = JSON.stringify({
    entry: [
      {
        changes: [
          {
            value: {
              messages: [
                {
                  id: 'wamid.authz',
                  from: '6281233334444',
                  timestamp: '1',
                  type: 'text',
                  text: { body: 'halo' },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  const sig = (body: string, secret = APP_SECRET, algo: 'sha256' | 'sha1' = 'sha256') =>
    `${algo}=${createHmac(algo, secret).update(body).digest('hex')}`;

  it.each([
    ['no secret header', {}],
    ['an empty secret', { 'x-telegram-bot-api-secret-token': '' }],
    ['a wrong secret', { 'x-telegram-bot-api-secret-token': 'telegram-authz-secret-0123456780' }],
    ['a longer secret', { 'x-telegram-bot-api-secret-token': `${TG_SECRET}0` }],
    ['the bot token instead', { 'x-telegram-bot-api-secret-token': BOT_TOKEN }],
  ])('Telegram refuses %s', async (_name, headers) => {
    const before = await traces();
    const res = await fetch(`${system.url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: tgUpdate,
    });
    expect(res.status).toBe(401);
    expect(await traces()).toEqual(before);
  });

  it.each([
    ['no signature', undefined],
    ['an empty signature', ''],
    ['a signature without its algorithm', sig(waBody).slice('sha256='.length)],
    ['a SHA-1 signature', sig(waBody, APP_SECRET, 'sha1')],
    ['a signature made with another secret', sig(waBody, 'another-app-secret-0123456789')],
    ['a signature of another body', sig(`${waBody} `)],
    ['an upper-case signature', sig(waBody).toUpperCase()],
    ['the access token as signature', `sha256=${ACCESS}`],
  ])('WhatsApp refuses %s', async (_name, signature) => {
    const before = await traces();
    const res = await fetch(`${system.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === undefined ? {} : { 'x-hub-signature-256': signature }),
      },
      body: waBody,
    });
    expect(res.status).toBe(401);
    expect(await traces()).toEqual(before);
  });

  it('WhatsApp answers the verification challenge only with the verify token', async () => {
    const challenge = (q: string) => fetch(`${system.url}/webhooks/whatsapp?${q}`);
    expect((await challenge(`hub.mode=subscribe&hub.verify_token=${VERIFY}x&hub.challenge=1`)).status).toBe(
      403,
    );
    expect((await challenge('hub.mode=subscribe&hub.challenge=1')).status).toBe(403);
    // As many characters as the token, but not as many bytes: refused, not a 500.
    const multiByte = encodeURIComponent('é'.repeat(VERIFY.length));
    expect((await challenge(`hub.mode=subscribe&hub.verify_token=${multiByte}&hub.challenge=1`)).status).toBe(
      403,
    );
    expect((await challenge(`hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`)).status).toBe(
      403,
    );
    const ok = await challenge(`hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=777`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('777');
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', `Bearer ${TEST_TOKEN.slice(0, -1)}x`],
    ['a token prefix', `Bearer ${TEST_TOKEN.slice(0, 8)}`],
    ['the token without Bearer', TEST_TOKEN],
    ['Basic instead of Bearer', `Basic ${TEST_TOKEN}`],
    ['an empty bearer', 'Bearer '],
  ])('the web chat API refuses %s', async (_name, authorization) => {
    const before = await traces();
    const headers = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) };
    const post = await fetch(`${system.url}/api/chat/authz-1/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: 'halo' }),
    });
    const get = await fetch(`${system.url}/api/chat/authz-1/messages`, { headers });
    const link = await fetch(`${system.url}/api/identities/link`, { method: 'POST', headers, body: '{}' });
    expect([post.status, get.status, link.status]).toEqual([401, 401, 401]);
    expect(await traces()).toEqual(before);
  });

  it('the web chat API is closed, not open, when no ADMIN_TOKEN is configured', async () => {
    let called = 0;
    const app = createApp({
      log: createLogger('silent'),
      checks: {},
      mount: (a) =>
        mountChatApi(a, {
          engine: {
            handle: async () => {
              called++;
              return { duplicate: false, outboxIds: [], replies: 0 };
            },
          },
          db: t.db,
        }),
    });
    for (const authorization of [undefined, 'Bearer ', 'Bearer undefined', `Bearer ${TEST_TOKEN}`]) {
      const res = await app.request('/api/chat/x/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ text: 'halo' }),
      });
      expect(res.status).toBe(401);
    }
    expect(called).toBe(0);
  });

  it('with the right secrets the same calls go through (the refusals were not for another reason)', async () => {
    const tg = await fetch(`${system.url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
      body: tgUpdate,
    });
    const wa = await fetch(`${system.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig(waBody) },
      body: waBody,
    });
    const web = await fetch(`${system.url}/api/chat/authz-1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
      body: JSON.stringify({ text: 'halo' }),
    });
    expect([tg.status, wa.status, web.status]).toEqual([200, 200, 202]);
    expect((await traces()).inbound).toBe(3);
  });
});
