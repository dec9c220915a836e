import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import { type FakeCloud, startFakeCloud } from '../support/fake-whatsapp-cloud.js';
import { postNeed, registerOfficer, registerVendor, registerVendorAs } from '../support/lifecycle.js';
import { eventually } from '../support/system.js';
import { TelegramChatClient } from '../support/telegram-chat.js';
import { dayFromToday, typed } from '../support/time.js';

/**
 * A full run of the real program (`src/main.ts` as a child process, log level trace, every
 * line to a file) through every channel and the unhappy paths — wrong tokens, bad signatures, a
 * blocked chat, a failed WhatsApp delivery, a document download — then the whole log is searched
 * for every secret the program was given. None may appear, in any encoding.
 */

const SECRETS = {
  TELEGRAM_BOT_TOKEN: '987654:SECRET-bot-token-abcdefghijklmnopqrstu',
  TELEGRAM_WEBHOOK_SECRET: 'SECRET-telegram-webhook-0123456789',
  WHATSAPP_ACCESS_TOKEN: 'EAAG-SECRET-access-token-0123456789',
  WHATSAPP_APP_SECRET: 'SECRET-whatsapp-app-secret-0123456789',
  WHATSAPP_VERIFY_TOKEN: 'SECRET-verify-token',
  // The lifecycle helpers' clients carry the test token; it is as secret here as any other.
  ADMIN_TOKEN: TEST_TOKEN,
  DOCUMENT_LINK_SECRET: 'SECRET-document-link-secret-0123456789-abcdef',
};
const PHONE_ID = '109876543210';

describe('secrets never reach the logs', () => {
  let t: TestDb;
  let dir: string;
  let logFile: string;
  let child: ChildProcess | null = null;
  let telegram: FakeTelegram;
  let cloud: FakeCloud;
  let url = '';

  beforeAll(async () => {
    t = await createTestDb();
    dir = await mkdtemp(join(tmpdir(), 'pd-logs-'));
    logFile = join(dir, 'run.log');
    telegram = await startFakeTelegram({ token: SECRETS.TELEGRAM_BOT_TOKEN, perChatPerSecond: 100 });
    cloud = await startFakeCloud({
      accessToken: SECRETS.WHATSAPP_ACCESS_TOKEN,
      phoneNumberId: PHONE_ID,
      pairPerSixSeconds: 1000,
    });
    const fd = openSync(logFile, 'a');
    child = spawn(process.execPath, ['--import', 'tsx', join('src', 'main.ts')], {
      env: {
        ...process.env,
        ...SECRETS,
        NODE_ENV: 'test',
        LOG_LEVEL: 'trace',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dir,
        DATABASE_URL: t.url,
        REDIS_URL: inject('redisUrl'),
        QUEUE_PREFIX: testQueuePrefix(),
        OUTBOX_SWEEP_INTERVAL_MS: '500',
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_MODE: 'webhook',
        WHATSAPP_MODE: 'cloud',
        WHATSAPP_API_ROOT: cloud.url,
        WHATSAPP_PHONE_NUMBER_ID: PHONE_ID,
      },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    await eventually(
      async () => {
        const log = await readFile(logFile, 'utf8').catch(() => '');
        const ready = log.split('\n').find((l) => l.includes('PesanDesa is ready'));
        if (ready) url = JSON.parse(ready).url;
        return Boolean(url);
      },
      60_000,
      200,
    );
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await telegram?.close();
    await cloud?.close();
    await t?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const signed = (body: object, secret = SECRETS.WHATSAPP_APP_SECRET) => {
    const raw = JSON.stringify(body);
    return {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
      },
      body: raw,
    };
  };
  const waText = (from: string, id: string, body: string) => ({
    object: 'whatsapp_business_account',
    entry: [
      {
        changes: [
          {
            value: {
              contacts: [{ wa_id: from, profile: { name: 'Pak Wa' } }],
              messages: [
                { id, from, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } },
              ],
            },
          },
        ],
      },
    ],
  });

  it('a full run through every channel leaves no secret in the log', async () => {
    // Web chat: an officer and a vendor; Telegram: a vendor.
    const officer = await registerOfficer(t.db, url, 'log-officer', 'LOG-0001');
    const webVendor = await registerVendor(url, 'log-vendor', 'Toko Log');
    const tgVendor = await registerVendorAs(
      new TelegramChatClient(url, t.db, SECRETS.TELEGRAM_WEBHOOK_SECRET),
      'Toko Telegram',
    );
    // WhatsApp: a person says hello, and a delivery report says a message failed.
    expect(
      (await fetch(`${url}/webhooks/whatsapp`, signed(waText('6281211112222', 'wamid.log1', 'halo')))).status,
    ).toBe(200);
    await eventually(async () => cloud.calls.length > 0);
    const failed = {
      entry: [
        {
          changes: [
            {
              value: {
                statuses: [{ id: 'wamid.unknown', status: 'failed', errors: [{ code: 131026, title: 'x' }] }],
              },
            },
          ],
        },
      ],
    };
    expect((await fetch(`${url}/webhooks/whatsapp`, signed(failed))).status).toBe(200);

    // The unhappy paths: wrong credentials everywhere, each of which the server logs.
    const wrong = [
      fetch(`${url}/api/chat/x/messages`, { headers: { authorization: `Bearer ${SECRETS.ADMIN_TOKEN}x` } }),
      fetch(`${url}/api/chat/x/messages`, { headers: { authorization: `Basic ${SECRETS.ADMIN_TOKEN}` } }),
      fetch(`${url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'x-telegram-bot-api-secret-token': `${SECRETS.TELEGRAM_WEBHOOK_SECRET}x` },
        body: '{}',
      }),
      fetch(
        `${url}/webhooks/whatsapp`,
        signed(waText('6281211112222', 'wamid.log2', 'halo'), 'not-the-secret'),
      ),
      fetch(
        `${url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${SECRETS.WHATSAPP_VERIFY_TOKEN}x&hub.challenge=1`,
      ),
      fetch(
        `${url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${SECRETS.WHATSAPP_VERIFY_TOKEN}&hub.challenge=42`,
      ),
      fetch(`${url}/documents/orders/PD-forged.pdf?exp=1&sig=abc`),
    ];
    const statuses = (await Promise.all(wrong)).map((r) => r.status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 403]);
    expect(statuses[5]).toBe(200);

    // A need, two quotes, the deadline passes (the reconciler finds it), an award with its PDF.
    const number = await postNeed(officer, {
      title: 'Semen untuk jalan',
      hps: '15 juta',
      deadline: 'besok jam 14',
      // The binary runs on the wall clock (no test clock reaches a child process): dates follow it.
      neededBy: typed.slash(dayFromToday(systemClock, 6)),
    });
    const need = await t.db
      .selectFrom('needs')
      .select('id')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    await eventually(async () => {
      const n = await t.db.selectFrom('invitations').select('id').where('need_id', '=', need.id).execute();
      return n.length >= 2;
    });
    for (const [vendor, price] of [
      [webVendor, '14 juta'],
      [tgVendor, '13,5 juta'],
    ] as const) {
      await vendor.tap(`t:${need.id}:quote`);
      await vendor.say(price);
      await vendor.say('3');
      await vendor.say('lewati');
      expect((await vendor.say('ya')).text).toContain('terkirim');
    }
    await sql`update needs set quote_deadline = now() - interval '1 minute' where id = ${need.id}`.execute(
      t.db,
    );
    await eventually(async () => {
      const n = await t.db
        .selectFrom('needs')
        .select('status')
        .where('id', '=', need.id)
        .executeTakeFirstOrThrow();
      return n.status === 'closed';
    }, 30_000);
    const lowest = await t.db
      .selectFrom('quotes')
      .select('id')
      .where('need_id', '=', need.id)
      .orderBy('total')
      .limit(1)
      .executeTakeFirstOrThrow();
    await officer.tap(`a:${need.id}:q${lowest.id}`);
    await officer.say('lewati');
    await officer.say('ya');
    // The winner (on Telegram) blocked the bot meanwhile: a 403 the adapter logs.
    telegram.setBlocked((tgVendor as TelegramChatClient).chatId, true);
    await eventually(async () => {
      const rows = await t.db.selectFrom('orders').select('id').where('need_id', '=', need.id).execute();
      return rows.length === 1;
    });
    // The document link, fetched as a vendor's phone would.
    const doc = await t.db
      .selectFrom('outbox')
      .select('payload')
      .where('payload', '@>', sql<never>`'{"type":"document"}'::jsonb`)
      .executeTakeFirst();
    if (doc) expect((await fetch(String((doc.payload as { url: string }).url))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));

    // Stop the program as an operator would and read everything it wrote.
    const exited = new Promise((r) => child?.once('exit', r));
    child?.kill('SIGTERM');
    await exited;
    const log = await readFile(logFile, 'utf8');
    const lines = log.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(100);
    expect(log).toContain('"msg":"request"');

    const dbPassword = decodeURIComponent(new URL(t.url).password);
    expect(dbPassword.length).toBeGreaterThan(0);
    const secrets: Record<string, string> = { ...SECRETS, DATABASE_PASSWORD: dbPassword };
    // The bot token's secret half on its own, too (it is what an API URL would carry).
    secrets.TELEGRAM_BOT_TOKEN_SECRET_PART = SECRETS.TELEGRAM_BOT_TOKEN.split(':')[1] as string;
    const found: string[] = [];
    for (const [name, value] of Object.entries(secrets)) {
      for (const form of new Set([value, encodeURIComponent(value), Buffer.from(value).toString('base64')])) {
        if (log.includes(form)) found.push(name);
      }
    }
    expect(found).toEqual([]);
    console.error(
      `[logs] ${lines.length} log lines (${Math.round(log.length / 1024)} KB) of a full run searched for ` +
        `${Object.keys(secrets).length} secrets in 3 encodings: none found`,
    );
  }, 180_000);
});
