import { getRegencies } from 'idn-area-data';
import { type Kysely, sql } from 'kysely';
import { rankVendors } from '../../src/domain/ranking.js';
import { matchCandidates, type NeedRow } from '../../src/store/needs.js';
import type { Database } from '../../src/store/schema.js';
import type { BenchContext, ScenarioResult } from '../lib/context.js';
import { prepareDatabase, seedVendors } from '../lib/seed.js';
import { percentile, round, row } from '../lib/stats.js';

const PROVINCE = '32';
const CATEGORIES = 40;

/** The need's matching inputs; the rest of a NeedRow does not take part in matching. */
function needAt(village: { code: string; district: string; regency: string }, categoryId: number): NeedRow {
  return {
    id: 0,
    number: null,
    officerId: 0,
    villageCode: village.code,
    districtCode: village.district,
    regencyCode: village.regency,
    categoryId,
    title: 'bench',
    method: 'lelang',
    hps: 1,
    minQuotes: 3,
    status: 'published',
    quoteDeadline: new Date(),
    deliveryPlace: '',
    neededBy: new Date(),
    publishedAt: null,
    matchedAt: null,
    ring: 'desa',
    directVendorId: null,
  };
}

/** Candidates of the need's category in its regency, ranked as the match job ranks them. */
async function rankedList(db: Kysely<Database>, need: NeedRow) {
  return rankVendors(await matchCandidates(db, need, -1));
}

/**
 * Scenario 3: 100,000 vendors over every village of West Java (province 32) and 40 categories;
 * time to produce the ranked invitation list for needs in random desa and categories, with the
 * indexes and (baseline) with index and bitmap scans turned off for the same queries.
 */
export async function matchingScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const vendors = Number(ctx.options['matching-vendors'] ?? (ctx.quick ? 20_000 : 100_000));
  const queries = ctx.quick ? 100 : 400;
  const { db } = await ctx.services.freshDatabase('bench_matching');
  try {
    const regencies = (await getRegencies()).filter((r) => r.province_code === PROVINCE).map((r) => r.code);
    ctx.progress(`matching: loading the areas of ${regencies.length} regencies of province ${PROVINCE}`);
    const areas = await prepareDatabase(db.db, regencies);
    // The taxonomy has fewer leaves than 40: the rest are bench categories.
    const have = await db.db.selectFrom('categories').select('id').orderBy('id').execute();
    if (have.length < CATEGORIES) {
      await db.db
        .insertInto('categories')
        .values(
          Array.from({ length: CATEGORIES - have.length }, (_, i) => ({
            code: `bench_${i}`,
            name_id: `Bench ${i}`,
            name_en: `Bench ${i}`,
          })),
        )
        .execute();
    }
    const categories = (
      await db.db.selectFrom('categories').select('id').orderBy('id').limit(CATEGORIES).execute()
    ).map((c) => c.id);
    const villages = await db.db
      .selectFrom('villages')
      .innerJoin('districts', 'districts.code', 'villages.district_code')
      .select([
        'villages.code',
        'villages.kind',
        'districts.code as district',
        'districts.regency_code as regency',
      ])
      .orderBy('villages.code')
      .execute();
    ctx.progress(
      `matching: seeding ${vendors} vendors over ${villages.length} villages and ${categories.length} categories`,
    );
    const t0 = performance.now();
    await seedVendors(db.db, {
      count: vendors,
      villages: villages.map((v) => v.code),
      categories,
      channel: 'web',
      chatBase: 0,
    });
    const seedMs = performance.now() - t0;

    // The same needs for both runs: random desa, random category (fixed seed).
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const desa = villages.filter((v) => v.kind === 'desa');
    const needs = Array.from({ length: queries }, () => {
      const v = desa[Math.floor(rnd() * desa.length)] as (typeof desa)[number];
      return needAt(
        { code: v.code, district: v.district, regency: v.regency },
        categories[Math.floor(rnd() * categories.length)] as number,
      );
    });

    const measure = async (dbx: Kysely<Database>) => {
      const times: number[] = [];
      let candidates = 0;
      for (const [i, need] of needs.entries()) {
        const t = performance.now();
        const list = await rankedList(dbx, need);
        if (i >= 10) times.push(performance.now() - t); // the first ten warm the caches
        candidates += list.length;
      }
      return { times, candidates };
    };
    ctx.progress(`matching: ${queries} ranked lists with indexes`);
    const indexed = await measure(db.db);
    ctx.progress(`matching: the same ${queries} without index scans (baseline)`);
    // One connection, index and bitmap scans off for this transaction only: the same SQL.
    const plain = await db.db.transaction().execute(async (trx) => {
      await sql`set local enable_indexscan = off`.execute(trx);
      await sql`set local enable_bitmapscan = off`.execute(trx);
      await sql`set local enable_indexonlyscan = off`.execute(trx);
      return measure(trx);
    });
    const probe = needs[0] as NeedRow;
    const explain = async (dbx: Kysely<Database>) => {
      const q = dbx
        .selectFrom('vendor_categories as vc')
        .innerJoin('vendors as v', 'v.id', 'vc.vendor_id')
        .innerJoin('users as u', 'u.id', 'v.user_id')
        .select(['v.id'])
        .where('vc.category_id', '=', probe.categoryId)
        .where('v.regency_code', '=', probe.regencyCode)
        .where('v.verification', '!=', 'rejected')
        .where('u.status', '=', 'active')
        .compile();
      const r = await sql
        .raw<{ 'QUERY PLAN': string }>(
          `explain (analyze, costs off, timing on) ${q.sql.replace(/\$(\d+)/g, (_, n) => {
            const p = q.parameters[Number(n) - 1];
            return typeof p === 'number' ? String(p) : `'${String(p)}'`;
          })}`,
        )
        .execute(dbx);
      return r.rows.map((x) => x['QUERY PLAN']);
    };
    const plan = await explain(db.db);
    const p = (x: number[], q: number) => percentile(x, q);
    return {
      rows: [
        row({
          scenario: 'matching',
          metric: `ranked list p50 (${vendors / 1000}k vendors)`,
          value: p(indexed.times, 50),
          unit: 'ms',
          baseline: p(plain.times, 50),
        }),
        row({
          scenario: 'matching',
          metric: 'ranked list p99',
          value: p(indexed.times, 99),
          unit: 'ms',
          baseline: p(plain.times, 99),
          target: '≤ 50 ms',
          met: p(indexed.times, 99) <= 50,
        }),
      ],
      details: {
        vendors,
        categories: categories.length,
        areas,
        seedSeconds: round(seedMs / 1000),
        queries: needs.length - 10,
        candidatesPerList: round(indexed.candidates / needs.length),
        sameCandidatesWithoutIndexes: indexed.candidates === plain.candidates,
        indexedMs: {
          p50: p(indexed.times, 50),
          p90: p(indexed.times, 90),
          p99: p(indexed.times, 99),
          max: p(indexed.times, 100),
        },
        withoutIndexesMs: {
          p50: p(plain.times, 50),
          p90: p(plain.times, 90),
          p99: p(plain.times, 99),
          max: p(plain.times, 100),
        },
        explainAnalyze: plan,
      },
    };
  } finally {
    await db.close();
  }
}
