import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../src/console/auth.js';
import { addMonths } from '../../src/domain/time-zone.js';
import { upsertAdmin } from '../../src/store/admins.js';
import type { RunningSystem } from '../../src/system.js';
import { type ChatClient, optionLabels, TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import {
  matchedAndAlerted,
  postNeed,
  registerOfficer,
  registerVendor,
  reportDelivery,
  villageCode,
} from '../support/lifecycle.js';
import { eventually, startTestSystem } from '../support/system.js';
import { dayFromToday, isoDay, localDateOf, testClock, typed } from '../support/time.js';

// The official OCDS schemas live in ../shared/ocds (CI always has it); never copied here.
const SCHEMAS = fileURLToPath(new URL('../../../shared/ocds/', import.meta.url));
const haveSchemas = existsSync(`${SCHEMAS}release-package-schema.json`);
if (!haveSchemas)
  console.error(`SKIPPED OCDS schema validation: ${SCHEMAS} is absent (CI always has ../shared).`);
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
function packageValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(`${SCHEMAS}release-schema.json`, 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(`${SCHEMAS}release-package-schema.json`, 'utf8')));
}

// Every quoted amount of the test, in the ways a page or a JSON could print it.
const QUOTED_A = [14_500_000, 13_500_000, 13_200_000];
const QUOTED_B = 8_765_432;
const forms = (n: number) => [String(n), n.toLocaleString('id-ID'), n.toLocaleString('en-US')];

describe('public pages and the OCDS feed through a real tender', () => {
  let t: TestDb;
  let system: RunningSystem;
  const clock = testClock();
  let url: string;
  let officer: ChatClient;
  let near: ChatClient;
  let kec: ChatClient;
  let far: ChatClient;
  let desa: string;
  const weights = new Map<string, number>();

  async function page(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${url}${path}`, { headers });
    const body = await res.text();
    weights.set(path, Buffer.byteLength(body));
    return { status: res.status, body, res };
  }

  beforeAll(async () => {
    t = await createTestDb();
    system = await startTestSystem(
      {
        DATABASE_URL: t.url,
        REDIS_URL: inject('redisUrl'),
        QUEUE_PREFIX: testQueuePrefix(),
        ADMIN_TOKEN: TEST_TOKEN,
        OUTBOX_SWEEP_INTERVAL_MS: '500',
        OCDS_OCID_PREFIX: 'ocds-t3st00',
      },
      'all',
      { clock },
    );
    url = String(system.url);
    desa = await villageCode(t.db, 'Bojong Timur');
    officer = await registerOfficer(t.db, url, 'pub-officer', 'BJT-PUB1');
    near = await registerVendor(url, 'pub-near', 'TB Bojong Jaya', 'Bojong', 'Bojong Timur');
    kec = await registerVendor(url, 'pub-kec', 'TB Barat Makmur', 'Bojong', 'Bojong Barat');
    far = await registerVendor(url, 'pub-far', 'TB Plered Sentosa', 'Plered', '1');
  }, 180_000);
  afterAll(async () => {
    if (weights.size) {
      console.error(
        `[public page weights]\n${[...weights].map(([p, b]) => `  ${p}: ${b} bytes (${(b / 1024).toFixed(1)} KB)`).join('\n')}`,
      );
    }
    await system?.stop();
    await t?.drop();
  });

  const needOf = (number: string) =>
    t.db.selectFrom('needs').selectAll().where('number', '=', number).executeTakeFirstOrThrow();

  let numberA = '';
  let numberB = '';

  it('shows open needs without any amount and leaks no quote before the deadline', {
    timeout: 180_000,
  }, async () => {
    // Need A: permintaan penawaran (Rp15 juta), closing tomorrow 14.00.
    numberA = await postNeed(officer, {
      title: 'Semen untuk jalan RT 03',
      quantity: '50 sak',
      hps: '15 juta',
      deadline: 'besok jam 14',
      neededBy: typed.slash(dayFromToday(clock, 6)),
    });
    const a = await needOf(numberA);
    expect(a.method).toBe('permintaan_penawaran');
    await eventually(
      async () =>
        (await t.db.selectFrom('invitations').select('id').where('need_id', '=', a.id).execute()).length ===
        3,
    );
    await matchedAndAlerted(t.db, system, clock, numberA);
    for (const [v, price] of [
      [near, '14,5 juta'],
      [kec, '13.500.000'],
      [far, '13,2 jt'],
    ] as const) {
      await v.waitFor((m) => m.text.includes(numberA) && m.text.includes('Kebutuhan baru'));
      await v.tap(`t:${a.id}:quote`);
      await v.say(price);
      await v.say('3');
      await v.say('lewati');
      expect((await v.say('ya')).text).toContain('terkirim');
    }
    // Need B: pembelian langsung (Rp9 juta), closing the day after tomorrow — still open later.
    numberB = await postNeed(officer, {
      title: 'Batu kali untuk talud',
      item: 'Batu kali',
      quantity: '3 m3',
      hps: '9 juta',
      deadline: 'lusa jam 14',
      neededBy: typed.slash(dayFromToday(clock, 6)),
    });
    const b = await needOf(numberB);
    await matchedAndAlerted(t.db, system, clock, numberB);
    await eventually(
      async () =>
        (await t.db.selectFrom('invitations').select('id').where('need_id', '=', b.id).execute()).length >= 1,
    );
    const invitedB = await t.db
      .selectFrom('invitations as i')
      .innerJoin('vendors as v', 'v.id', 'i.vendor_id')
      .select('v.business_name')
      .where('i.need_id', '=', b.id)
      .execute();
    expect(invitedB.map((r) => r.business_name)).toContain('TB Bojong Jaya');
    await near.waitFor((m) => m.text.includes(numberB) && m.text.includes('Kebutuhan baru'));
    await near.tap(`t:${b.id}:quote`);
    await near.say('8.765.432');
    await near.say('2');
    await near.say('lewati');
    expect((await near.say('ya')).text).toContain('terkirim');
    // The others invited to B say no, so their chats are back at the menu.
    for (const v of [kec, far]) {
      if (invitedB.some((r) => r.business_name === (v === kec ? 'TB Barat Makmur' : 'TB Plered Sentosa'))) {
        await v.waitFor((m) => m.text.includes(numberB) && m.text.includes('Kebutuhan baru'));
        await v.tap(`t:${b.id}:decline`);
      }
    }

    // The public sees both needs, what and where, with no amount at all.
    const index = await page('/publik');
    expect(index.status).toBe(200);
    expect(index.body.startsWith('<!DOCTYPE html><html lang="id"')).toBe(true);
    expect(index.body).toContain('Kab. Purwakarta');
    expect(index.body).toContain('2 kebutuhan terbuka');
    const regency = await page('/publik/32.14');
    const village = await page(`/publik/32.14/${desa}`);
    for (const p of [regency, village]) {
      expect(p.status).toBe(200);
      expect(p.body).toContain(numberA);
      expect(p.body).toContain(numberB);
      expect(p.body).toContain('Semen 50 kg');
      expect(p.body).toContain('Permintaan penawaran');
      expect(p.body).toContain('Belum ada hasil.');
      for (const n of [...QUOTED_A, QUOTED_B, 15_000_000, 9_000_000]) {
        for (const f of forms(n)) expect(p.body).not.toContain(f);
      }
      expect(p.body).not.toMatch(/Rp\s?\d/);
    }
    // …and OCDS publishes nothing of a tender whose quotes are sealed.
    expect((await fetch(`${url}/publik/ocds/need/${numberA}`)).status).toBe(404);
    const feed = await page('/publik/ocds/releases.json');
    expect(JSON.parse(feed.body).releases).toEqual([]);
    for (const n of [...QUOTED_A, QUOTED_B]) expect(feed.body).not.toContain(String(n));

    // English on request, remembered by a cookie; Bahasa Indonesia by default.
    const en = await page('/publik/32.14?lang=en');
    expect(en.body).toContain('Needs open for quotes');
    expect(en.body).toContain('<html lang="en"');
    const cookie = en.res.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toBe('pd_lang=en');
    expect((await page('/publik', { cookie })).body).toContain('Village procurement');
    expect((await page('/publik/ocds')).body).toContain('Data terbuka');
    expect((await fetch(`${url}/publik/99.99`)).status).toBe(404);
    expect((await fetch(`${url}/publik/32.14/32.14.99.9999`)).status).toBe(404);
  });

  it('after the award, delivery and payment: results with winner and amount, a valid OCDS package', {
    timeout: 240_000,
  }, async () => {
    const a = await needOf(numberA);
    // An hour after A's deadline (tomorrow 15.00 WIB): A's has passed, B's has not.
    clock.set(new Date(a.quote_deadline.getTime() + 3600_000));
    await system.accelerate();
    const ranked = await officer.waitFor(
      (m) => m.text.includes(numberA) && m.text.includes('Silakan pilih penyedia'),
    );
    expect(optionLabels(ranked)[0]).toBe('TB Plered Sentosa — Rp13.200.000');
    await officer.tap(String(ranked.options?.[0]?.id)); // the lowest: no reason needed
    await officer.say('lewati');
    expect((await officer.say('ya')).text).toContain('dikirim ke TB Plered Sentosa');

    await far.waitFor((m) => m.text.includes('🎉 Selamat!') && m.text.includes(numberA));
    expect((await far.say('1')).text).toContain('menyanggupi');
    await officer.fetchNew();
    expect((await reportDelivery(far, 'pub-photo-1')).text).toContain('Pengiriman dilaporkan');
    await officer.waitFor((m) => m.text.includes('sudah diterima?'));
    expect((await officer.say('1')).text).toContain('BAST');
    await officer.say('1');
    await officer.say('1');
    expect((await officer.say('transfer')).text).toContain('Pembayaran dicatat');
    await eventually(async () => (await t.db.selectFrom('payments').select('id').execute()).length === 1);

    // The results: winner, offered and agreed amount, date; B is still open and still sealed.
    const regency = await page('/publik/32.14');
    const village = await page(`/publik/32.14/${desa}`);
    for (const p of [regency, village]) {
      const results = p.body.slice(p.body.indexOf('Hasil pengadaan'));
      expect(results).toContain(numberA);
      expect(results).toContain('TB Plered Sentosa');
      expect(results).toContain('Rp13.200.000');
      expect(results).toContain('Rp15.000.000'); // the HPS, now that the deadline passed
      expect(results).toContain('Dibayar');
      const open = p.body.slice(0, p.body.indexOf('Hasil pengadaan'));
      expect(open).toContain(numberB);
      expect(open).not.toContain(numberA);
      for (const f of [...forms(QUOTED_B), ...forms(9_000_000)]) expect(p.body).not.toContain(f);
    }
    expect((await page('/publik')).body).toContain('1 hasil');
    await page('/publik/32.14?lang=en');

    // OCDS: A is published (tender, award, contract, payment); B is not, nor its quote.
    const one = await page(`/publik/ocds/need/${numberA}`);
    expect(one.status).toBe(200);
    const pkg = JSON.parse(one.body);
    // The feed's periods are local days around A's publication, whatever the calendar.
    const publishedOn = localDateOf(a.published_at as Date);
    const period = `from=${isoDay(publishedOn)}&to=${isoDay(publishedOn)}`;
    const monthOf = (d: { y: number; m: number }) => isoDay({ ...d, d: 1 }).slice(0, 7);
    const feed = JSON.parse((await page(`/publik/ocds/releases.json?${period}`)).body);
    const month = JSON.parse((await page(`/publik/ocds/releases.json?month=${monthOf(publishedOn)}`)).body);
    for (const p of [pkg, feed, month]) {
      expect(p.releases.map((r: { ocid: string }) => r.ocid)).toEqual([`ocds-t3st00-${numberA}`]);
    }
    expect((await fetch(`${url}/publik/ocds/need/${numberB}`)).status).toBe(404);
    expect(JSON.stringify(feed)).not.toContain(String(QUOTED_B));
    const monthBefore = monthOf(addMonths(publishedOn, -1));
    expect(JSON.parse((await page(`/publik/ocds/releases.json?month=${monthBefore}`)).body).releases).toEqual(
      [],
    );
    // calendar-ok: a month that does not exist, refused on any day.
    expect((await fetch(`${url}/publik/ocds/releases.json?from=2026-13-01`)).status).toBe(400);

    const release = pkg.releases[0];
    expect(release.tag).toEqual(['tender', 'award', 'contract', 'implementation']);
    expect(release.tender).toMatchObject({
      id: numberA,
      value: { amount: 15_000_000, currency: 'IDR' },
      procurementMethod: 'limited',
      procurementMethodDetails: 'Permintaan penawaran',
      numberOfTenderers: 3,
      tenderPeriod: { endDate: a.quote_deadline.toISOString() },
    });
    expect(release.tender.items).toEqual([
      expect.objectContaining({ description: 'Semen 50 kg', quantity: 50, unit: { name: 'sak' } }),
    ]);
    expect(release.awards).toEqual([
      expect.objectContaining({
        status: 'active',
        value: { amount: 13_200_000, currency: 'IDR' },
        suppliers: [expect.objectContaining({ name: 'TB Plered Sentosa' })],
      }),
    ]);
    expect(release.contracts[0]).toMatchObject({
      value: { amount: 13_200_000, currency: 'IDR' },
      implementation: {
        transactions: [expect.objectContaining({ value: { amount: 13_200_000, currency: 'IDR' } })],
      },
    });
    const roles = Object.fromEntries(
      release.parties.map((p: { name: string; roles: string[] }) => [p.name, p.roles]),
    );
    expect(roles['Pemerintah Desa Bojong Timur']).toContain('buyer');
    expect(roles['TB Plered Sentosa']).toContain('supplier');
    expect(roles['TB Bojong Jaya']).toEqual(['tenderer']);
    expect(pkg).toMatchObject({ version: '1.1', publisher: { name: 'PesanDesa' } });
    expect(pkg.uri).toBe(`${url}/publik/ocds/need/${numberA}`);

    // The same tender through the admin export (province admin, logged in through the console).
    await upsertAdmin(t.db, {
      email: 'jabar@example.go.id',
      name: 'Admin Jawa Barat',
      passwordHash: await hashPassword('sandi-rahasia-123'),
      role: 'province',
      provinceCode: '32',
      regencyCode: null,
    });
    const form = await fetch(`${url}/console/login`);
    const csrfCookie =
      (form.headers.getSetCookie().find((c) => c.startsWith('pd_login_csrf=')) ?? '').split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const login = await fetch(`${url}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
      body: new URLSearchParams({
        _csrf: csrf,
        email: 'jabar@example.go.id',
        password: 'sandi-rahasia-123',
      }).toString(),
    });
    const session = (login.headers.getSetCookie().find((c) => /^(__Host-)?pd_console=/.test(c)) ?? '').split(
      ';',
    )[0];
    const adminRes = await fetch(`${url}/console/export/ocds?${period}`, {
      headers: { cookie: String(session) },
    });
    expect(adminRes.status).toBe(200);
    const adminPkg = (await adminRes.json()) as { releases: Array<{ ocid: string }> };
    expect(adminPkg.releases.map((r) => r.ocid)).toEqual([`ocds-t3st00-${numberA}`]);
    expect(JSON.stringify(adminPkg)).not.toContain(String(QUOTED_B));
    const quotesCsv = await (
      await fetch(`${url}/console/export/quotes.csv`, { headers: { cookie: String(session) } })
    ).text();
    for (const n of QUOTED_A) expect(quotesCsv).toContain(String(n));
    expect(quotesCsv).not.toContain(String(QUOTED_B));

    if (!haveSchemas) {
      console.error('SKIPPED: OCDS schema validation of the public feed (../shared/ocds is absent).');
      return;
    }
    const validate = packageValidator();
    for (const p of [pkg, feed, adminPkg]) {
      validate(p);
      expect(validate.errors ?? []).toEqual([]);
    }
  });
});
