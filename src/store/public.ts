import { type Kysely, sql } from 'kysely';
import { formatRegencyName, titleCase } from '../domain/names.js';
import { itemsOf, liveOrderOfNeed, needRegency, quoteCountOf } from './exports.js';
import type { Database } from './schema.js';

/**
 * What the public pages read. Open needs come without any amount (not even the HPS: vendors'
 * alerts do not show it either, so publishing it would hand it to them); results come only for
 * needs whose quote deadline has passed.
 */

/** Regencies with loaded areas, with their counts of open needs and of results. */
export async function publicRegencies(db: Kysely<Database>, now: Date) {
  const rows = await db
    .selectFrom('regencies as r')
    .select((eb) => [
      'r.code',
      'r.name',
      eb
        .selectFrom('needs as n')
        .select((e) => e.fn.countAll<string>().as('x'))
        .whereRef('n.regency_code', '=', 'r.code')
        .where('n.status', '=', 'published')
        .where('n.quote_deadline', '>', now)
        .as('open'),
      eb
        .selectFrom('needs as n')
        .select((e) => e.fn.countAll<string>().as('x'))
        .whereRef('n.regency_code', '=', 'r.code')
        .where('n.status', 'not in', ['draft', 'published'])
        .where('n.quote_deadline', '<=', now)
        .as('results'),
    ])
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('districts as d').select('d.code').whereRef('d.regency_code', '=', 'r.code')),
    )
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: formatRegencyName(r.name),
    open: Number(r.open ?? 0),
    results: Number(r.results ?? 0),
  }));
}

export async function publicRegency(db: Kysely<Database>, code: string) {
  const r = await db
    .selectFrom('regencies')
    .select(['code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  return r ? { code: r.code, name: formatRegencyName(r.name) } : null;
}

export async function publicVillage(db: Kysely<Database>, regencyCode: string, villageCode: string) {
  const r = await db
    .selectFrom('villages as v')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .select(['v.code', 'v.name', 'd.name as district_name'])
    .where('v.code', '=', villageCode)
    .where('d.regency_code', '=', regencyCode)
    .executeTakeFirst();
  return r ? { code: r.code, name: titleCase(r.name), districtName: titleCase(r.district_name) } : null;
}

export interface PublicScope {
  regencyCode: string;
  villageCode?: string;
}

function scoped(db: Kysely<Database>, s: PublicScope) {
  let q = db
    .selectFrom('needs as n')
    .innerJoin('villages as vi', 'vi.code', 'n.village_code')
    .innerJoin('districts as d', 'd.code', 'n.district_code')
    .innerJoin('categories as c', 'c.id', 'n.category_id')
    .where('n.regency_code', '=', s.regencyCode);
  if (s.villageCode) q = q.where('n.village_code', '=', s.villageCode);
  return q;
}

/** Needs still taking quotes: what is needed, where and until when — no amounts. */
export async function openNeeds(db: Kysely<Database>, s: PublicScope, now: Date, limit = 100, offset = 0) {
  const needs = await scoped(db, s)
    .select([
      'n.id',
      'n.number',
      'n.title',
      'n.method',
      'n.village_code',
      'vi.name as village_name',
      'd.name as district_name',
      'c.name_id as category_id_name',
      'c.name_en as category_en_name',
      'n.published_at',
      'n.quote_deadline',
      'n.needed_by',
    ])
    .where('n.status', '=', 'published')
    .where('n.quote_deadline', '>', now)
    .orderBy('n.quote_deadline')
    .orderBy('n.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const items = await itemsOf(
    db,
    needs.map((n) => n.id),
  );
  return needs.map((n) => ({
    ...n,
    village_name: titleCase(n.village_name),
    district_name: titleCase(n.district_name),
    items: (items.get(n.id) ?? []).map((i) => ({ name: i.name, quantity: i.quantity, unit: i.unit })),
  }));
}

/**
 * Needs past their deadline, newest first: the HPS, how many quotes came, and the winner with
 * the offered and the agreed amount (papan pengumuman).
 */
export async function results(db: Kysely<Database>, s: PublicScope, now: Date, limit = 50, offset = 0) {
  const rows = await scoped(db, s)
    .leftJoin('orders as o', (j) => j.on(liveOrderOfNeed))
    .leftJoin('vendors as w', 'w.id', 'o.vendor_id')
    .select((eb) => [
      'n.id',
      'n.number',
      'n.title',
      'n.method',
      'n.status',
      'n.hps',
      'n.village_code',
      'vi.name as village_name',
      'd.name as district_name',
      'n.quote_deadline',
      'o.number as order_number',
      'o.offered_amount',
      'o.amount',
      'o.created_at as awarded_at',
      'w.business_name as winner',
      quoteCountOf(eb.ref('n.id')).as('quote_count'),
    ])
    .where('n.status', 'not in', ['draft', 'published'])
    .where('n.quote_deadline', '<=', now)
    .orderBy(sql`coalesce(o.created_at, n.quote_deadline)`, 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    ...r,
    village_name: titleCase(r.village_name),
    district_name: titleCase(r.district_name),
    quote_count: Number(r.quote_count ?? 0),
  }));
}

/** Desa of a regency that have had at least one published need, for the regency page's list. */
export async function activeVillages(db: Kysely<Database>, regencyCode: string) {
  const rows = await db
    .selectFrom('needs as n')
    .innerJoin('villages as vi', 'vi.code', 'n.village_code')
    .innerJoin('districts as d', 'd.code', 'n.district_code')
    .select(['vi.code', 'vi.name', 'd.name as district_name', (e) => e.fn.countAll<string>().as('needs')])
    .where('n.regency_code', '=', regencyCode)
    .where('n.status', '!=', 'draft')
    .groupBy(['vi.code', 'vi.name', 'd.name'])
    .orderBy('vi.name')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: titleCase(r.name),
    districtName: titleCase(r.district_name),
    needs: Number(r.needs),
  }));
}

/** The need id behind a public number (PD-…) or id, if it exists. */
export async function needIdByKey(db: Kysely<Database>, key: string): Promise<number | null> {
  return (await needRegency(db, key))?.id ?? null;
}
