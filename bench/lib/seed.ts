import { type Kysely, sql } from 'kysely';
import { parseConfig } from '../../src/config/index.js';
import type { AreaLoadResult } from '../../src/store/areas.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/schema.js';
import { loadReferenceData } from '../../src/store/seed.js';

/** A fresh database as the system prepares its own: schema, the regencies' areas, reference data. */
export async function prepareDatabase(db: Kysely<Database>, regencies: string[]): Promise<AreaLoadResult> {
  await migrateToLatest(db);
  return loadReferenceData(db, parseConfig({ AREA_REGENCIES: regencies.join(',') }));
}

export async function categoryId(db: Kysely<Database>, code: string): Promise<number> {
  return (await db.selectFrom('categories').select('id').where('code', '=', code).executeTakeFirstOrThrow())
    .id;
}

export interface VendorSeed {
  count: number;
  /** Village codes the vendors are spread over (round robin with a stride, so neighbours differ). */
  villages: string[];
  /** Category ids: every vendor sells one; every third vendor a second one too. */
  categories: number[];
  channel: 'telegram' | 'web';
  /** External ids are chatBase + k (Telegram chat ids), k = 0..count-1. */
  chatBase: number;
  /** Every vendor verified (a lelang then invites them all) or one in three. */
  allVerified?: boolean;
}

/**
 * Inserts vendors (user, channel identity, vendor, categories) in set-based statements, so
 * 100,000 of them take seconds rather than minutes. No quiet hours: alerts are due at once.
 */
export async function seedVendors(db: Kysely<Database>, s: VendorSeed, chunk = 25_000): Promise<void> {
  for (let from = 0; from < s.count; from += chunk) {
    const to = Math.min(s.count, from + chunk) - 1;
    await sql`
      with u as (
        insert into users (display_name)
        select 'bench-v-' || g from generate_series(${from}::int, ${to}::int) g
        returning id, substr(display_name, 9)::int as k
      ), ci as (
        insert into channel_identities (user_id, channel, external_id)
        select id, ${s.channel}, (${s.chatBase}::bigint + k)::text from u
      ), placed as (
        select u.id, u.k, vil.code as village, vil.district_code as district, d.regency_code as regency
        from u
        join villages vil on vil.code = (${s.villages}::text[])[1 + ((u.k::bigint * 7919) % ${s.villages.length})]
        join districts d on d.code = vil.district_code
      ), v as (
        insert into vendors (user_id, business_name, owner_name, village_code, district_code, regency_code,
                             verification, quiet_start_minute, quiet_end_minute, rating_sum, rating_count,
                             invitations_count, responses_count)
        select id, 'Toko Bench ' || k, 'Pemilik', village, district, regency,
               case when ${s.allVerified ?? false} or k % 3 = 0 then 'verified' else 'pending' end,
               0, 0, (k % 5) * (k % 4), k % 4, k % 11, k % 7
        from placed
        returning id
      )
      insert into vendor_categories (vendor_id, category_id)
      select id, (${s.categories}::int[])[1 + ((id * 31) % ${s.categories.length})] from v
      union
      select id, (${s.categories}::int[])[1 + ((id * 31 + 7) % ${s.categories.length})] from v where id % 3 = 0
    `.execute(db);
  }
  await sql`analyze`.execute(db);
}

/** A verified village officer with a web identity, at `villageCode`. */
export async function seedOfficer(db: Kysely<Database>, villageCode: string, externalId: string) {
  const user = await db
    .insertInto('users')
    .values({ display_name: 'bench officer' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('channel_identities')
    .values({ user_id: user.id, channel: 'web', external_id: externalId })
    .execute();
  const officer = await db
    .insertInto('officers')
    .values({
      user_id: user.id,
      village_code: villageCode,
      position: 'tpk',
      full_name: 'Officer',
      verification: 'verified',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: user.id, officerId: officer.id };
}

export async function placeOf(db: Kysely<Database>, villageCode: string) {
  return db
    .selectFrom('villages')
    .innerJoin('districts', 'districts.code', 'villages.district_code')
    .select(['villages.code as village', 'districts.code as district', 'districts.regency_code as regency'])
    .where('villages.code', '=', villageCode)
    .executeTakeFirstOrThrow();
}

export async function desaOf(db: Kysely<Database>, regencyPrefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('villages')
    .select('code')
    .where('kind', '=', 'desa')
    .where('code', 'like', `${regencyPrefix}.%`)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

/** `count` verified officers with one identity each, spread over the villages; returns their ids. */
export async function seedOfficers(
  db: Kysely<Database>,
  count: number,
  villages: string[],
  identity: { channel: 'telegram' | 'web'; chatBase: number } = { channel: 'web', chatBase: 0 },
): Promise<number[]> {
  const r = await sql<{ id: number }>`
    with u as (
      insert into users (display_name)
      select 'bench-o-' || g from generate_series(0, ${count - 1}::int) g
      returning id, substr(display_name, 9)::int as k
    ), ci as (
      insert into channel_identities (user_id, channel, external_id)
      select id, ${identity.channel}, (${identity.chatBase}::bigint + k)::text from u
    )
    insert into officers (user_id, village_code, position, full_name, verification)
    select id, (${villages}::text[])[1 + (k % ${villages.length})], 'tpk', 'Officer ' || k, 'verified' from u
    returning id`.execute(db);
  return r.rows.map((x) => x.id).sort((a, b) => a - b);
}
