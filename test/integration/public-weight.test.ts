import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { startTestSystem } from '../support/system.js';

// The public pages on a busy regency: every desa of Purwakarta with open needs and results,
// written straight into the database. Pages are paged so none grows past ~200 KB.

const LIMIT = 200 * 1024;
const HOUR = 3600_000;

describe('public page weight on a busy regency', () => {
  let t: TestDb;
  let system: RunningSystem;
  let firstDesa = '';
  let desaCount = 0;
  const weights: Array<[string, number]> = [];

  beforeAll(async () => {
    t = await createTestDb();
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
    });
    const db = t.db;
    const villages = await db
      .selectFrom('villages as v')
      .innerJoin('districts as d', 'd.code', 'v.district_code')
      .select(['v.code', 'v.district_code'])
      .where('d.regency_code', '=', '32.14')
      .where('v.kind', '=', 'desa')
      .orderBy('v.code')
      .execute();
    firstDesa = villages[0]?.code ?? '';
    desaCount = villages.length;
    const category = (
      await db
        .selectFrom('categories')
        .select('id')
        .where('code', '=', 'bahan_bangunan')
        .executeTakeFirstOrThrow()
    ).id;
    const user = await db
      .insertInto('users')
      .values({ display_name: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const officer = await db
      .insertInto('officers')
      .values({
        user_id: user.id,
        village_code: firstDesa,
        position: 'tpk',
        full_name: 'TPK',
        verification: 'verified',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const vendor = await db
      .insertInto('vendors')
      .values({
        user_id: user.id,
        business_name: 'Toko Bangunan Sumber Rejeki Makmur Sejahtera Abadi',
        owner_name: 'Pemilik',
        village_code: firstDesa,
        district_code: villages[0]?.district_code ?? '',
        regency_code: '32.14',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const now = Date.now();
    let seq = 0;
    // Two open needs and two results per desa (183 desa in Purwakarta): 366 of each.
    for (const v of villages) {
      for (const open of [true, true, false, false]) {
        seq++;
        const deadline = new Date(now + (open ? 1 : -1) * (24 + seq) * HOUR);
        const need = await db
          .insertInto('needs')
          .values({
            number: `PD-3214-2026-${String(seq).padStart(4, '0')}`,
            officer_id: officer.id,
            village_code: v.code,
            district_code: v.district_code,
            regency_code: '32.14',
            category_id: category,
            // One title tries to inject markup; the rest are long, realistic ones.
            title:
              seq === 1
                ? '<script>alert(1)</script> & "semen"'
                : 'Semen, pasir, batu split dan besi beton untuk rehabilitasi jalan lingkungan RT 03 RW 05',
            method: 'permintaan_penawaran',
            hps: 150_000_000,
            min_quotes: 2,
            status: open ? 'published' : 'completed',
            quote_deadline: deadline,
            delivery_place: 'Kantor desa',
            needed_by: new Date(deadline.getTime() + 72 * HOUR),
            published_at: new Date(deadline.getTime() - 72 * HOUR),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('need_items')
          .values(
            // An aggregate size, not a date. calendar-ok
            ['Semen Portland 50 kg', 'Pasir beton', 'Batu split 2/3', 'Besi beton 10 mm'].map((name, i) => ({
              need_id: need.id,
              position: i + 1,
              name,
              quantity: 25 * (i + 1),
              unit: 'sak',
            })),
          )
          .execute();
        if (!open) {
          const quote = await db
            .insertInto('quotes')
            .values({
              need_id: need.id,
              vendor_id: vendor.id,
              total: 140_000_000,
              delivery_days: 5,
              status: 'awarded',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await db
            .insertInto('orders')
            .values({
              number: `SP-3214-2026-${String(seq).padStart(4, '0')}`,
              need_id: need.id,
              quote_id: quote.id,
              vendor_id: vendor.id,
              amount: 138_500_000,
              offered_amount: 140_000_000,
              amount_words: 'x',
              status: 'completed',
            })
            .execute();
        }
      }
    }
  }, 300_000);
  afterAll(async () => {
    console.error(
      `[public page weights, busy regency: 366 open needs, 366 results]\n${weights
        .map(([p, b]) => `  ${p}: ${b} bytes (${(b / 1024).toFixed(1)} KB)`)
        .join('\n')}`,
    );
    await system?.stop();
    await t?.drop();
  });

  it('escapes what officers typed', async () => {
    const html = await (await fetch(`${system.url}/publik/32.14/${firstDesa}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;semen&quot;');
  });

  it('keeps every public page under 200 KB', { timeout: 60_000 }, async () => {
    for (const path of [
      '/publik',
      '/publik/32.14',
      '/publik/32.14?page=2',
      '/publik/32.14?lang=en',
      `/publik/32.14/${firstDesa}`,
      '/publik/ocds',
    ]) {
      const res = await fetch(`${system.url}${path}`);
      expect(res.status, path).toBe(200);
      const bytes = Buffer.byteLength(await res.text());
      weights.push([path, bytes]);
      expect(bytes, path).toBeLessThan(LIMIT);
    }
    // Paging works: the second page of results carries different needs than the first.
    const first = await (await fetch(`${system.url}/publik/32.14`)).text();
    const second = await (await fetch(`${system.url}/publik/32.14?page=2`)).text();
    const numbers = (html: string) => new Set(html.match(/PD-3214-2026-\d{4}/g) ?? []);
    const overlap = [...numbers(second)].filter((n) => numbers(first).has(n));
    expect(numbers(second).size).toBeGreaterThan(0);
    expect(overlap).toEqual([]);
    expect(first).toContain('?page=2');
    // Following "next page" reaches every need, open or finished (bounded: 20 pages at most).
    const seen = new Set<string>();
    let next: string | null = '/publik/32.14';
    for (let i = 0; next && i < 20; i++) {
      const html = await (await fetch(`${system.url}${next}`)).text();
      for (const n of numbers(html)) seen.add(n);
      next = /href="(\/publik\/32\.14\?page=\d+)"/.exec(html)?.[1] ?? null;
    }
    expect(seen.size).toBe(4 * desaCount);
  });
});
