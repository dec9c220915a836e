import { type Kysely, sql } from 'kysely';
import { regencyIn, type Scope } from './console-scope.js';
import type { Database } from './schema.js';

// The rows the red-flag rules (src/domain/red-flags.ts) look at, within the admin's scope.

export async function recentNeedsForSplits(db: Kysely<Database>, scope: Scope, since: Date) {
  return db
    .selectFrom('needs as n')
    .innerJoin('procurement_settings as s', 's.regency_code', 'n.regency_code')
    .select([
      'n.id',
      'n.number',
      'n.village_code',
      'n.category_id',
      'n.hps',
      'n.created_at',
      's.direct_purchase_max',
    ])
    .where(regencyIn('n.regency_code', scope))
    .where('n.created_at', '>=', since)
    .where('n.status', 'not in', ['draft', 'cancelled'])
    .execute();
}

export async function ordersForWinners(db: Kysely<Database>, scope: Scope, since: Date) {
  return db
    .selectFrom('orders as o')
    .innerJoin('needs as n', 'n.id', 'o.need_id')
    .select(['n.village_code', 'o.vendor_id', 'o.created_at'])
    .where(regencyIn('n.regency_code', scope))
    .where('o.created_at', '>=', since)
    .where('o.status', 'not in', ['declined', 'cancelled'])
    .execute();
}

/** Quote totals of needs past their deadline (never of a sealed need). */
export async function unsealedTotals(db: Kysely<Database>, scope: Scope, since: Date, now: Date) {
  return db
    .selectFrom('needs as n')
    .innerJoin('quotes as q', 'q.need_id', 'n.id')
    .select(['n.id', 'n.number', sql<number[]>`array_agg(q.total order by q.total)`.as('totals')])
    .where(regencyIn('n.regency_code', scope))
    .where('n.quote_deadline', '<=', now)
    .where('n.quote_deadline', '>=', since)
    .where('q.status', 'in', ['active', 'awarded', 'rejected'])
    .groupBy(['n.id', 'n.number'])
    .having(sql<boolean>`count(*) >= 3`)
    .execute();
}

export async function namesForFlags(db: Kysely<Database>, villageCodes: string[], vendorIds: number[]) {
  const [villages, vendors] = await Promise.all([
    villageCodes.length
      ? db.selectFrom('villages').select(['code', 'name']).where('code', 'in', villageCodes).execute()
      : Promise.resolve([]),
    vendorIds.length
      ? db.selectFrom('vendors').select(['id', 'business_name']).where('id', 'in', vendorIds).execute()
      : Promise.resolve([]),
  ]);
  return {
    village: new Map(villages.map((v) => [v.code, v.name])),
    vendor: new Map(vendors.map((v) => [v.id, v.business_name])),
  };
}
