import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { type ChatClient, TEST_TOKEN } from '../support/chat.js';
import { consolePages } from '../support/console-routes.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import {
  matchedAndAlerted,
  postNeed,
  registerOfficer,
  registerVendor,
  vendorId,
} from '../support/lifecycle.js';
import { eventually, startTestSystem } from '../support/system.js';
import { dayFromToday, testClock, typed } from '../support/time.js';
import { ConsoleHttp, makeAdmin } from './console-http.js';

// The console in a real Chromium against the whole system (web chat, workers, PostgreSQL, Redis).

const OUT = resolve('.data/test/console');
const EMAIL = 'admin@purwakarta.go.id';
const PASSWORD = 'rahasia-sekali-123';

describe('the admin console in a browser', () => {
  let t: TestDb;
  let system: RunningSystem;
  let browser: Browser;
  let page: Page;
  let base: string;
  // The calendar of TEST_NOW (or today), at whatever hour it is: at night the alerts wait.
  const clock = testClock();
  let sejahtera: ChatClient;
  let makmur: ChatClient;
  let officer: ChatClient;
  let needNumber: string;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    t = await createTestDb();
    system = await startTestSystem(
      {
        DATABASE_URL: t.url,
        REDIS_URL: inject('redisUrl'),
        QUEUE_PREFIX: testQueuePrefix(),
        ADMIN_TOKEN: TEST_TOKEN,
        OUTBOX_SWEEP_INTERVAL_MS: '500',
      },
      'all',
      { clock },
    );
    base = String(system.url);
    await makeAdmin(t.db, { email: EMAIL, role: 'regency', regency: '3214', password: PASSWORD });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await t?.drop();
  });

  it('logs in', async () => {
    await page.goto(`${base}/console`);
    expect(page.url()).toContain('/console/login');
    await page.fill('input[name=email]', EMAIL);
    await page.fill('input[name=password]', 'salah-sekali-123');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.err')).toContain('Email atau kata sandi salah');
    await page.fill('input[name=email]', EMAIL);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console`);
    expect(await page.textContent('h1')).toBe('Ringkasan');
  });

  it('verifies a pending vendor, who is told in the chat', { timeout: 120_000 }, async () => {
    sejahtera = await registerVendor(base, 'br-vendor-1', 'Toko Bangunan Sejahtera');
    const id = await vendorId(t.db, 'Toko Bangunan Sejahtera');
    await page.goto(`${base}/console/verify`);
    expect(await page.textContent(`#vendor-${id}`)).toContain('Toko Bangunan Sejahtera');
    await page.click(`#vendor-${id} button[name=approve]`);
    await page.waitForURL(/\/console\/verify\?flash=/);
    expect(await page.textContent('.flash')).toContain('Toko Bangunan Sejahtera disetujui');
    expect(await page.locator(`#vendor-${id}`).count()).toBe(0);
    const told = await sejahtera.waitFor((m) => m.text.includes('diverifikasi'));
    expect(told.text).toContain('Toko Bangunan Sejahtera');
    const row = await t.db
      .selectFrom('vendors')
      .select('verification')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.verification).toBe('verified');

    // A rejection needs a reason, and the reason reaches the person.
    const other = await registerVendor(base, 'br-vendor-x', 'Warung Ditolak');
    const otherId = await vendorId(t.db, 'Warung Ditolak');
    await page.goto(`${base}/console/verify`);
    await page.fill(`#vendor-${otherId} input[name=reason]`, 'Alamat usaha tidak jelas');
    await page.click(`#vendor-${otherId} button.red`);
    await page.waitForURL(/flash=/);
    expect((await other.waitFor((m) => m.text.includes('ditolak'))).text).toContain(
      'Alamat usaha tidak jelas',
    );
  });

  it('broadcasts to the verified vendors of a kecamatan through the outbox', {
    timeout: 60_000,
  }, async () => {
    await page.goto(`${base}/console/broadcast`);
    await page.selectOption('select[name=audience]', 'vendors');
    await page.selectOption('select[name=district]', { label: 'Bojong' });
    await page.fill('textarea[name=text]', 'Bimtek penyedia hari Kamis pukul 09.00 di kantor kecamatan.');
    await page.click('form[action="/console/broadcast"] button[type=submit]');
    await page.waitForURL(/flash=/);
    // Only the verified vendor (the rejected one is left out).
    expect(await page.textContent('.flash')).toContain('1 penerima');
    const got = await sejahtera.waitFor((m) => m.text.includes('Bimtek penyedia'));
    expect(got.text).toContain('Pesan dari admin kabupaten');
    const rows = await t.db
      .selectFrom('outbox')
      .select(['status'])
      .where('purpose', '=', 'broadcast')
      .execute();
    expect(rows).toEqual([{ status: 'sent' }]);
  });

  it('changes a regency threshold, and a new need gets the new method', { timeout: 180_000 }, async () => {
    makmur = await registerVendor(base, 'br-vendor-2', 'UD Makmur Jaya');
    officer = await registerOfficer(t.db, base, 'br-officer', 'BR-INVITE-1');
    await page.goto(`${base}/console/settings`);
    // Defaults: pembelian langsung up to Rp10 jt, so Rp2 jt would be a direct purchase.
    await page.fill('input[name=direct_purchase_max]', '1000000');
    await page.fill('input[name=rfq_max]', '3000000');
    await page.click('form[action="/console/settings/32.14"] button[type=submit]');
    await page.waitForURL(/flash=/);
    expect(await page.textContent('.flash')).toContain('Tersimpan');
    expect(await page.inputValue('input[name=direct_purchase_max]')).toBe('1000000');

    needNumber = await postNeed(officer, {
      title: 'Semen untuk talud',
      hps: '2 juta',
      deadline: 'besok jam 14',
      neededBy: typed.slash(dayFromToday(clock, 6)),
    });
    await matchedAndAlerted(t.db, system, clock, needNumber);
    const need = await t.db
      .selectFrom('needs')
      .select(['method'])
      .where('number', '=', needNumber)
      .executeTakeFirstOrThrow();
    expect(need.method).toBe('permintaan_penawaran');
    await page.goto(`${base}/console/needs?method=permintaan_penawaran`);
    const row = page.locator('tr', { hasText: needNumber });
    expect(await row.textContent()).toContain('Permintaan penawaran');
    // The change is in the audit log.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['data'])
      .where('action', '=', 'settings.updated')
      .execute();
    expect(audit.at(-1)?.data).toMatchObject({ direct_purchase_max: 1_000_000, rfq_max: 3_000_000 });
  });

  it("opens a need's page: sealed before the deadline, ranked quotes after it", {
    timeout: 180_000,
  }, async () => {
    const need = await t.db
      .selectFrom('needs')
      .select(['id', 'quote_deadline'])
      .where('number', '=', needNumber)
      .executeTakeFirstOrThrow();
    for (const [vendor, amount] of [
      [sejahtera, '1.950.000'],
      [makmur, '1,8 juta'],
    ] as const) {
      await vendor.waitFor((m) => m.text.includes(needNumber));
      await vendor.tap(`t:${need.id}:quote`);
      await vendor.say(amount);
      await vendor.say('3');
      await vendor.say('lewati');
      expect((await vendor.say('ya')).text).toContain('terkirim');
    }
    await page.goto(`${base}/console/needs/${need.id}`);
    expect(await page.textContent('#sealed')).toContain('2 masuk');
    const before = await page.content();
    expect(before).not.toContain('1.800.000');
    expect(before).not.toContain('1.950.000');

    clock.set(new Date(need.quote_deadline.getTime() + 60_000));
    await system.accelerate();
    await eventually(async () => {
      const n = await t.db
        .selectFrom('needs')
        .select('status')
        .where('id', '=', need.id)
        .executeTakeFirstOrThrow();
      return n.status !== 'published';
    });
    await page.goto(`${base}/console/needs/${need.id}`);
    const rows = await page.locator('#ranked-quotes tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('UD Makmur Jaya');
    expect(rows[1]).toContain('Rp1.800.000');
    expect(rows[2]).toContain('Toko Bangunan Sejahtera');
    expect(rows[2]).toContain('Rp1.950.000');
    await page.screenshot({ path: resolve(OUT, 'need.png'), fullPage: true });
  });

  it('runs the chat simulator through a vendor registration', { timeout: 180_000 }, async () => {
    await page.goto(`${base}/console/simulator`);
    await page.fill('input[name=identity]', 'sim-bimtek-1');
    await page.click('form[action="/console/simulator/open"] button');
    await page.waitForURL(`${base}/console/simulator/sim-bimtek-1`);
    const say = async (text: string) => {
      const mine = await page.locator('.msg.me').count();
      await page.fill('#send input[name=text]', text);
      await page.click('#send button[type=submit]');
      await page.waitForSelector(`.msg.me >> nth=${mine}`);
      await expect
        .poll(async () => (await page.locator('.msg').last().getAttribute('data-from')) ?? '')
        .toBe('bot');
      return (await page.locator('.msg.bot').last().textContent()) ?? '';
    };
    expect(await say('halo')).toMatch(/penyedia|perangkat/i);
    await say('1');
    await say('Toko Latihan Bimtek');
    await say('Ibu Latihan');
    await say('081298765432');
    await say('1');
    await say('Bojong');
    await say('Bojong Timur');
    await say('lewati');
    const done = await say('ya');
    expect(done).toContain('Toko Latihan Bimtek');
    expect(done).toContain('sudah terdaftar');
    await page.screenshot({ path: resolve(OUT, 'simulator.png'), fullPage: true });
    const v = await t.db
      .selectFrom('vendors')
      .select(['verification'])
      .where('business_name', '=', 'Toko Latihan Bimtek')
      .executeTakeFirstOrThrow();
    expect(v.verification).toBe('pending');
  });

  it('answers a complaint, and the person is told in the chat', { timeout: 60_000 }, async () => {
    await makmur.say('menu');
    await makmur.say('Pengaduan');
    await makmur.say('Hal lain / umum');
    await makmur.say('Pembayaran dari desa belum masuk sejak minggu lalu.');
    const filed = await makmur.say('ya');
    const number = /\*(ADU-\d+)\*/.exec(filed.text)?.[1] as string;
    expect(number).toBeTruthy();
    await page.goto(`${base}/console/complaints`);
    const card = page.locator(`#complaint-${number.slice(4)}`);
    expect(await card.textContent()).toContain('Pembayaran dari desa belum masuk');
    await card.locator('select[name=status]').selectOption('resolved');
    await card
      .locator('textarea[name=reply]')
      .fill('Sudah kami cek dengan bendahara desa, dibayar hari ini.');
    await card.locator('button[type=submit]').click();
    await page.waitForURL(/flash=/);
    expect(await page.textContent('.flash')).toContain(number);
    const told = await makmur.waitFor((m) => m.text.includes(`${number}`) && m.text.includes('bendahara'));
    expect(told.text).toContain('selesai');
    const row = await t.db
      .selectFrom('complaints')
      .select(['status', 'resolution'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'resolved',
      resolution: 'Sudah kami cek dengan bendahara desa, dibayar hari ini.',
    });
  });

  it('verifies the audit chain, and names the first broken row', { timeout: 60_000 }, async () => {
    await page.goto(`${base}/console/audit`);
    await page.click('#verify-chain');
    await page.waitForURL(/\/console\/audit\?/);
    expect(await page.textContent('.flash')).toMatch(/Rantai utuh: \d+ baris diperiksa/);

    // Tamper with one row behind the trigger's back (as a database owner could), then check again.
    const rows = await t.db.selectFrom('audit_log').select('id').orderBy('id').execute();
    const victim = rows[Math.floor(rows.length / 2)]?.id as number;
    await t.db.connection().execute(async (conn) => {
      // The append-only trigger is a trigger: replica mode skips it, as a superuser could.
      await sql`set session_replication_role = 'replica'`.execute(conn);
      await sql`update audit_log set data = '{"tampered":true}' where id = ${victim}`.execute(conn);
      await sql`set session_replication_role = 'origin'`.execute(conn);
    });
    await page.goto(`${base}/console/audit`);
    await page.click('#verify-chain');
    await page.waitForURL(/\/console\/audit\?/);
    expect(await page.textContent('.flash.err')).toContain(`baris #${victim}`);
  });

  it('shows the queues in bull-board behind the same login', { timeout: 60_000 }, async () => {
    await page.goto(`${base}/console/queues`);
    await page.getByText('deliver', { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: resolve(OUT, 'queues.png') });
    const anon = await browser.newPage();
    await anon.goto(`${base}/console/queues`);
    expect(anon.url()).toContain('/console/login');
    await anon.close();
  });

  it('takes a screenshot of the dashboard and measures every page', { timeout: 60_000 }, async () => {
    await page.goto(`${base}/console`);
    const shot = resolve(OUT, 'dashboard.png');
    await page.screenshot({ path: shot, fullPage: true });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const cookies = await page.context().cookies();
    await phone.context().addCookies(cookies);
    await phone.goto(`${base}/console`);
    const phoneShot = resolve(OUT, 'dashboard-phone.png');
    await phone.screenshot({ path: phoneShot, fullPage: true });
    // One column on a phone: nothing wider than the screen.
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await phone.close();

    const need = await t.db
      .selectFrom('needs')
      .select('id')
      .where('number', '=', needNumber)
      .executeTakeFirstOrThrow();
    const http = new ConsoleHttp(base);
    const login = await http.get('/console/login');
    await http.post('/console/login', { email: EMAIL, password: PASSWORD });
    const weights: Array<[string, number]> = [['/console/login', login.bytes]];
    for (const path of consolePages(need.id, 'sim-bimtek-1')) {
      const res = await http.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      weights.push([path, res.bytes]);
    }
    // bull-board is a third-party single-page app: its page plus the scripts and styles it names.
    const board = await http.get('/console/queues');
    let queueBytes = board.bytes;
    for (const m of board.body.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) {
      const asset = m[1] as string;
      queueBytes += (await http.get(asset.startsWith('/') ? asset : `/console/queues/${asset}`)).bytes;
    }
    weights.push(['/console/queues (bull-board, with assets)', queueBytes]);
    const report = weights
      .map(([p, b]) => `  ${p.padEnd(44)} ${String(b).padStart(7)} bytes (${(b / 1024).toFixed(1)} KB)`)
      .join('\n');
    writeFileSync(resolve(OUT, 'page-weights.txt'), `${report}\n`);
    process.stdout.write(
      `[console screenshot] ${shot}\n[console screenshot, phone] ${phoneShot}\n[console page weights]\n${report}\n`,
    );
    for (const [path, bytes] of weights.filter(([p]) => !p.includes('bull-board')))
      expect([path, bytes < 200 * 1024]).toEqual([path, true]);
  });
});
