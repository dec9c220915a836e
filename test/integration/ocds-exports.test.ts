import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/console/auth.js';
import { upsertAdmin } from '../../src/store/admins.js';
import type { Database } from '../../src/store/schema.js';
import type { RunningSystem } from '../../src/system.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { startChatSystem } from '../support/system.js';
import { isoDay, localDateOf, testClock } from '../support/time.js';

// The admin exports: CSV of needs, quotes and orders, OCDS per period and per need — scoped to the
// admin's regencies, sealed quotes without amounts, and cells that cannot run as formulas.

const SCHEMAS = fileURLToPath(new URL('../../../shared/ocds/', import.meta.url));
const haveSchemas = existsSync(`${SCHEMAS}release-package-schema.json`);
if (!haveSchemas)
  console.error(`SKIPPED OCDS schema validation: ${SCHEMAS} is absent (CI always has ../shared).`);
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

/** RFC 4180 reader, strict enough to catch a broken quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted cell at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (ch === '\n') throw new Error(`bare LF at ${i}`);
    else cell += ch;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length) throw new Error('last line without CRLF');
  return rows;
}

/** The body as written (fetch's text() would drop the BOM silently), the BOM checked and cut. */
async function csvOf(res: Promise<Response>): Promise<string> {
  const text = Buffer.from(await (await res).arrayBuffer()).toString('utf8');
  if (!text.startsWith('\uFEFF')) throw new Error('CSV without a byte-order mark');
  return text.slice(1);
}

const asObjects = (rows: string[][]) => {
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
};

const HOUR = 3600_000;
// The system's clock and every date of the seeded rows follow TEST_NOW (or today).
const clock = testClock();
const dayOf = (ms: number) => isoDay(localDateOf(new Date(ms)));
// A period around the seeded needs (published 3 days ago, and tomorrow), and one after them all.
const aroundNow = `from=${dayOf(clock.now().getTime() - 10 * 24 * HOUR)}&to=${dayOf(clock.now().getTime() + 10 * 24 * HOUR)}`;
const afterSeeded = `from=${dayOf(clock.now().getTime() + 30 * 24 * HOUR)}`;

interface Pkg {
  releases: Array<{
    ocid: string;
    contracts: Array<{ implementation: { transactions: Array<{ value: unknown }> } }>;
  }>;
}

/** A village, an officer, vendors, needs, quotes, an order and a payment, written directly. */
async function seed(db: Kysely<Database>) {
  const village = async (regency: string) =>
    db
      .selectFrom('villages as v')
      .innerJoin('districts as d', 'd.code', 'v.district_code')
      .select(['v.code', 'v.district_code'])
      .where('d.regency_code', '=', regency)
      .where('v.kind', '=', 'desa')
      .orderBy('v.code')
      .executeTakeFirstOrThrow();
  const pwk = await village('32.14');
  const krw = await village('32.15');
  const category = (
    await db
      .selectFrom('categories')
      .select('id')
      .where('code', '=', 'bahan_bangunan')
      .executeTakeFirstOrThrow()
  ).id;
  const user = async (name: string) =>
    (await db.insertInto('users').values({ display_name: name }).returning('id').executeTakeFirstOrThrow())
      .id;
  const officer = async (v: { code: string }) =>
    (
      await db
        .insertInto('officers')
        .values({
          user_id: await user('officer'),
          village_code: v.code,
          position: 'tpk',
          full_name: 'TPK',
          verification: 'verified',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const vendor = async (name: string, v: { code: string; district_code: string }, regency: string) =>
    (
      await db
        .insertInto('vendors')
        .values({
          user_id: await user(name),
          business_name: name,
          owner_name: 'Pemilik',
          village_code: v.code,
          district_code: v.district_code,
          regency_code: regency,
          verification: 'verified',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const now = clock.now().getTime();
  const need = async (
    number: string,
    title: string,
    v: { code: string; district_code: string },
    regency: string,
    status: 'published' | 'closed' | 'paid',
    deadline: Date,
  ) => {
    const id = (
      await db
        .insertInto('needs')
        .values({
          number,
          officer_id: await officer(v),
          village_code: v.code,
          district_code: v.district_code,
          regency_code: regency,
          category_id: category,
          title,
          method: 'permintaan_penawaran',
          hps: 20_000_000,
          min_quotes: 2,
          status,
          quote_deadline: deadline,
          delivery_place: 'Kantor desa',
          needed_by: new Date(deadline.getTime() + 48 * HOUR),
          published_at: new Date(deadline.getTime() - 24 * HOUR),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('need_items')
      .values({ need_id: id, position: 1, name: 'Semen 50 kg', quantity: 40, unit: 'sak' })
      .execute();
    return id;
  };
  const quote = async (needId: number, vendorId: number, total: number, note: string | null = null) =>
    (
      await db
        .insertInto('quotes')
        .values({ need_id: needId, vendor_id: vendorId, total, delivery_days: 3, note, status: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const evil = await vendor('=HYPERLINK("http://evil.example/x","klik")', pwk, '32.14');
  const commas = await vendor('TB "Kutip", Koma', pwk, '32.14');
  const karawang = await vendor('+62 Toko Karawang', krw, '32.15');

  const past = new Date(now - 48 * HOUR);
  const n1 = await need('PD-3214-2026-0101', '@SUM(A1:A9) semen', pwk, '32.14', 'paid', past);
  const q1 = await quote(n1, evil, 11_111_111, '-1+1 catatan');
  await quote(n1, commas, 12_222_222, 'baris satu\nbaris dua');
  await db.updateTable('quotes').set({ status: 'awarded' }).where('id', '=', q1).execute();
  const order = (
    await db
      .insertInto('orders')
      .values({
        number: 'SP-3214-2026-0101',
        need_id: n1,
        quote_id: q1,
        vendor_id: evil,
        amount: 11_000_000,
        offered_amount: 11_111_111,
        amount_words: 'Sebelas juta rupiah',
        status: 'paid',
        accepted_at: new Date(past.getTime() + 2 * HOUR),
        created_at: new Date(past.getTime() + HOUR),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const paidOn = dayOf(past.getTime() + 24 * HOUR);
  const officerId = (
    await db.selectFrom('needs').select('officer_id').where('id', '=', n1).executeTakeFirstOrThrow()
  ).officer_id;
  await db
    .insertInto('payments')
    .values({
      order_id: order,
      officer_id: officerId,
      amount: 11_000_000,
      paid_on: paidOn,
      method: 'transfer',
    })
    .execute();

  const n2 = await need(
    'PD-3214-2026-0102',
    '-2+3 pasir',
    pwk,
    '32.14',
    'published',
    new Date(now + 48 * HOUR),
  );
  await quote(n2, commas, 13_333_333, 'rahasia sampai batas waktu');

  const n3 = await need('PD-3215-2026-0001', 'Batu kali Karawang', krw, '32.15', 'closed', past);
  await quote(n3, karawang, 14_444_444);
  return { n1, n2, n3, paidOn };
}

describe('admin exports (CSV and OCDS)', () => {
  let t: TestDb;
  let system: RunningSystem;
  let url: string;
  let ids: Awaited<ReturnType<typeof seed>>;
  const cookies: Record<string, string> = {};

  /** Logs in through the real console form; returns the session cookie. */
  async function login(email: string, password: string): Promise<string> {
    const form = await fetch(`${url}/console/login`);
    const csrfCookie =
      (form.headers.getSetCookie().find((c) => c.startsWith('pd_login_csrf=')) ?? '').split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const res = await fetch(`${url}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
      body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((c) => /^(__Host-)?pd_console=/.test(c));
    if (!session) throw new Error('no session cookie after login');
    return session.split(';')[0] as string;
  }

  const get = (path: string, who?: string) =>
    fetch(`${url}${path}`, { redirect: 'manual', headers: who ? { cookie: cookies[who] as string } : {} });

  beforeAll(async () => {
    t = await createTestDb();
    system = await startChatSystem(t, {
      clock,
      env: { AREA_REGENCIES: '32.14,32.15', OCDS_OCID_PREFIX: 'ocds-t3st00' },
    });
    url = String(system.url);
    ids = await seed(t.db);
    const passwordHash = await hashPassword('sandi-rahasia-123');
    await upsertAdmin(t.db, {
      email: 'pwk@example.go.id',
      name: 'Admin Purwakarta',
      passwordHash,
      role: 'regency',
      provinceCode: null,
      regencyCode: '32.14',
    });
    await upsertAdmin(t.db, {
      email: 'krw@example.go.id',
      name: 'Admin Karawang',
      passwordHash,
      role: 'regency',
      provinceCode: null,
      regencyCode: '32.15',
    });
    await upsertAdmin(t.db, {
      email: 'jabar@example.go.id',
      name: 'Admin Jawa Barat',
      passwordHash,
      role: 'province',
      provinceCode: '32',
      regencyCode: null,
    });
    cookies.pwk = await login('pwk@example.go.id', 'sandi-rahasia-123');
    cookies.krw = await login('krw@example.go.id', 'sandi-rahasia-123');
    cookies.jabar = await login('jabar@example.go.id', 'sandi-rahasia-123');
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  const ROUTES = [
    '/console/export/needs.csv',
    '/console/export/quotes.csv',
    '/console/export/orders.csv',
    `/console/export/ocds?${aroundNow}`,
  ];

  it('refuses anonymous requests and a regency admin reading another regency', async () => {
    for (const path of [...ROUTES, `/console/export/ocds/need/${ids.n1}`]) {
      const res = await get(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location'), path).toMatch(/^\/console\/login\?next=/);
      expect(await res.text(), path).not.toContain('PD-3214');
      const forged = await fetch(`${url}${path}`, {
        redirect: 'manual',
        headers: { cookie: 'pd_console=forged-session' },
      });
      expect(forged.status, path).toBe(302);
    }
    for (const path of ROUTES) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(`${path}${sep}regency=32.14`, 'krw');
      expect(res.status, path).toBe(403);
      expect(await res.text()).not.toContain('PD-3214');
    }
    expect((await get(`/console/export/ocds/need/${ids.n1}`, 'krw')).status).toBe(403);
    expect((await get(`/console/export/ocds/need/PD-3214-2026-0101`, 'krw')).status).toBe(403);
    // Without a filter, each regency admin gets only their own rows.
    const krwNeeds = await (await get('/console/export/needs.csv', 'krw')).text();
    expect(krwNeeds).toContain('PD-3215-2026-0001');
    expect(krwNeeds).not.toContain('PD-3214');
    const pwkNeeds = await (await get('/console/export/needs.csv', 'pwk')).text();
    expect(pwkNeeds).not.toContain('PD-3215');
  });

  it('writes RFC 4180 CSV with a BOM, guarded against formulas, quote amounts only after the deadline', async () => {
    const res = await get('/console/export/quotes.csv', 'pwk');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="penawaran-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const quotes = asObjects(parseCsv(text));
    expect(quotes).toHaveLength(3);
    const byVendorAndNeed = (vendor: string, need: string) =>
      quotes.find((q) => q.vendor === vendor && q.need_number === need);
    const evil = byVendorAndNeed(`'=HYPERLINK("http://evil.example/x","klik")`, 'PD-3214-2026-0101');
    expect(evil).toMatchObject({
      total: '11111111',
      sealed: 'false',
      note: "'-1+1 catatan",
      title: "'@SUM(A1:A9) semen",
    });
    expect(byVendorAndNeed('TB "Kutip", Koma', 'PD-3214-2026-0101')).toMatchObject({
      total: '12222222',
      note: 'baris satu\nbaris dua',
    });
    // The open need's quote is listed (it exists) but its amount and note stay sealed.
    const sealed = byVendorAndNeed('TB "Kutip", Koma', 'PD-3214-2026-0102');
    expect(sealed).toMatchObject({
      sealed: 'true',
      total: '',
      note: '',
      delivery_days: '',
      title: "'-2+3 pasir",
    });
    expect(text).not.toContain('13333333');
    expect(text).not.toContain('rahasia');
    // No cell of any export starts with a formula character.
    for (const path of ROUTES.slice(0, 3)) {
      const rows = parseCsv(await csvOf(get(path, 'jabar')));
      for (const cell of rows.flat()) expect(cell, `${path}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
    }

    const needs = asObjects(parseCsv(await csvOf(get('/console/export/needs.csv', 'pwk'))));
    expect(needs.map((n) => n.need_number)).toEqual(['PD-3214-2026-0101', 'PD-3214-2026-0102']);
    expect(needs[0]).toMatchObject({
      method: 'permintaan_penawaran',
      hps: '20000000',
      quotes: '2',
      winner: `'=HYPERLINK("http://evil.example/x","klik")`,
      order_amount: '11000000',
      items: 'Semen 50 kg (40 sak)',
    });
    const orders = asObjects(parseCsv(await csvOf(get('/console/export/orders.csv', 'pwk'))));
    expect(orders).toEqual([
      expect.objectContaining({
        order_number: 'SP-3214-2026-0101',
        offered_amount: '11111111',
        amount: '11000000',
        status: 'paid',
        paid_amount: '11000000',
        paid_on: ids.paidOn,
      }),
    ]);
    // The province admin sees both regencies; a period narrows by publication date.
    const all = await (await get('/console/export/needs.csv', 'jabar')).text();
    expect(all).toContain('PD-3214-2026-0101');
    expect(all).toContain('PD-3215-2026-0001');
    expect(await (await get(`/console/export/needs.csv?${afterSeeded}`, 'jabar')).text()).not.toContain(
      'PD-',
    );
    // calendar-ok: a day that does not exist, refused in any year.
    expect((await get('/console/export/needs.csv?from=2026-02-30', 'jabar')).status).toBe(400);
  });

  it('exports OCDS per period and per need, valid, without sealed needs', async () => {
    const period = await get(`/console/export/ocds?${aroundNow}`, 'pwk');
    expect(period.status).toBe(200);
    const pkg = (await period.json()) as Pkg;
    expect(pkg.releases.map((r) => r.ocid)).toEqual(['ocds-t3st00-PD-3214-2026-0101']);
    expect(JSON.stringify(pkg)).not.toContain('13333333');
    const province = (await (await get('/console/export/ocds', 'jabar')).json()) as Pkg;
    expect(province.releases.map((r) => r.ocid).sort()).toEqual([
      'ocds-t3st00-PD-3214-2026-0101',
      'ocds-t3st00-PD-3215-2026-0001',
    ]);
    const one = await get(`/console/export/ocds/need/${ids.n1}`, 'pwk');
    expect(one.status).toBe(200);
    const onePkg = (await one.json()) as Pkg;
    expect(onePkg.releases[0]?.contracts[0]?.implementation.transactions[0]?.value).toEqual({
      amount: 11_000_000,
      currency: 'IDR',
    });
    // The open need has nothing to publish yet.
    expect((await get(`/console/export/ocds/need/${ids.n2}`, 'pwk')).status).toBe(409);

    if (!haveSchemas) {
      console.error('SKIPPED: OCDS schema validation of the admin exports (../shared/ocds is absent).');
      return;
    }
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(`${SCHEMAS}release-schema.json`, 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync(`${SCHEMAS}release-package-schema.json`, 'utf8')));
    for (const p of [pkg, province, onePkg]) {
      validate(p);
      expect(validate.errors ?? []).toEqual([]);
    }
  });
});
