import { type Kysely, sql } from 'kysely';
import { areaIn, LIST_LIMIT, regencyIn, type Scope } from './console-scope.js';
import type { Database, Method, NeedStatus } from './schema.js';

// Needs, orders and what went wrong, as the console lists them.

export interface NeedFilter {
  district?: string;
  village?: string;
  status?: NeedStatus;
  method?: Method;
  category?: number;
}

export async function listNeeds(db: Kysely<Database>, scope: Scope, f: NeedFilter, offset: number) {
  let q = db
    .selectFrom('needs as n')
    .innerJoin('villages as v', 'v.code', 'n.village_code')
    .innerJoin('districts as d', 'd.code', 'n.district_code')
    .innerJoin('categories as c', 'c.id', 'n.category_id')
    .select([
      'n.id',
      'n.number',
      'n.title',
      'n.method',
      'n.status',
      'n.hps',
      'n.quote_deadline',
      'n.regency_code',
      'v.name as desa',
      'd.name as kecamatan',
      'c.name_id as category',
      sql<number>`(select count(distinct q.vendor_id) from quotes q where q.need_id = n.id and q.status in ('active','awarded','rejected'))`.as(
        'quotes',
      ),
    ])
    .where(regencyIn('n.regency_code', scope));
  if (f.district) q = q.where('n.district_code', '=', f.district);
  if (f.village) q = q.where('n.village_code', '=', f.village);
  if (f.status) q = q.where('n.status', '=', f.status);
  if (f.method) q = q.where('n.method', '=', f.method);
  if (f.category)
    q = q.where((eb) =>
      eb.or([eb('n.category_id', '=', f.category as number), eb('c.parent_id', '=', f.category as number)]),
    );
  return q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(51).offset(offset).execute();
}

export async function needHeader(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('needs as n')
    .innerJoin('villages as v', 'v.code', 'n.village_code')
    .innerJoin('districts as d', 'd.code', 'n.district_code')
    .innerJoin('categories as c', 'c.id', 'n.category_id')
    .innerJoin('officers as o', 'o.id', 'n.officer_id')
    .selectAll('n')
    .select(['v.name as desa', 'd.name as kecamatan', 'c.name_id as category', 'o.full_name as officer'])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

export async function needItemsOf(db: Kysely<Database>, id: number) {
  return db.selectFrom('need_items').selectAll().where('need_id', '=', id).orderBy('position').execute();
}

export async function invitationsOf(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('vendors as v', 'v.id', 'i.vendor_id')
    .select(['i.id', 'i.ring', 'i.rank', 'i.status', 'i.alerted_at', 'i.responded_at', 'v.business_name'])
    .where('i.need_id', '=', id)
    .orderBy('i.rank')
    .execute();
}

export async function ordersOfNeed(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('orders as o')
    .innerJoin('vendors as v', 'v.id', 'o.vendor_id')
    .select([
      'o.id',
      'o.number',
      'o.amount',
      'o.offered_amount',
      'o.status',
      'o.status_reason',
      'o.award_reason',
      'o.negotiation_note',
      'o.created_at',
      'o.accepted_at',
      'v.business_name',
    ])
    .where('o.need_id', '=', id)
    .orderBy('o.id')
    .execute();
}

export async function fulfilmentOf(db: Kysely<Database>, orderIds: number[]) {
  if (orderIds.length === 0) return { deliveries: [], receipts: [], payments: [], ratings: [] };
  const [deliveries, receipts, payments, ratings] = await Promise.all([
    db.selectFrom('deliveries').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute(),
    db.selectFrom('receipts').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute(),
    db.selectFrom('payments').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute(),
    db.selectFrom('ratings').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute(),
  ]);
  return { deliveries, receipts, payments, ratings };
}

/** Audit entries about the need, its quotes and its orders. */
export async function auditOfNeed(
  db: Kysely<Database>,
  needId: number,
  quoteIds: number[],
  orderIds: number[],
) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_type', 'actor_id', 'action', 'entity_type', 'entity_id', 'data'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'need'), eb('entity_id', '=', String(needId))]),
        ...(quoteIds.length
          ? [eb.and([eb('entity_type', '=', 'quote'), eb('entity_id', 'in', quoteIds.map(String))])]
          : []),
        ...(orderIds.length
          ? [eb.and([eb('entity_type', '=', 'order'), eb('entity_id', 'in', orderIds.map(String))])]
          : []),
      ]),
    )
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function quoteIdsOf(db: Kysely<Database>, needId: number): Promise<number[]> {
  return (await db.selectFrom('quotes').select('id').where('need_id', '=', needId).execute()).map(
    (r) => r.id,
  );
}

// --- problems ----------------------------------------------------------------------------

export async function problemOrders(db: Kysely<Database>, scope: Scope, now: Date) {
  return db
    .selectFrom('orders as o')
    .innerJoin('needs as n', 'n.id', 'o.need_id')
    .innerJoin('vendors as v', 'v.id', 'o.vendor_id')
    .innerJoin('villages as vi', 'vi.code', 'n.village_code')
    .select([
      'o.id',
      'o.number',
      'o.status',
      'o.status_reason',
      'o.amount',
      'o.updated_at',
      'n.id as need_id',
      'n.needed_by',
      'v.business_name',
      'vi.name as desa',
      sql<
        string | null
      >`(select r.problem_note from receipts r where r.order_id = o.id and r.outcome = 'problem' order by r.id desc limit 1)`.as(
        'problem_note',
      ),
    ])
    .where(regencyIn('n.regency_code', scope))
    .where((eb) =>
      eb.or([
        eb('o.status', 'in', ['problem', 'declined']),
        eb.and([eb('o.status', 'in', ['awaiting_acceptance', 'accepted']), eb('n.needed_by', '<', now)]),
      ]),
    )
    .orderBy('o.updated_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
}

/** People whose channel refused our messages (blocked the bot, number gone). */
export async function unreachableIdentities(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('channel_identities as ci')
    .innerJoin('users as u', 'u.id', 'ci.user_id')
    .leftJoin('vendors as ve', 've.user_id', 'u.id')
    .leftJoin('officers as of', 'of.user_id', 'u.id')
    .select([
      'ci.id',
      'ci.channel',
      'ci.unreachable_at',
      'ci.unreachable_reason',
      'u.display_name',
      've.business_name',
      'of.full_name',
    ])
    .where('ci.unreachable_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('ve.id', 'is not', null), regencyIn('ve.regency_code', scope)]),
        eb.and([eb('of.id', 'is not', null), areaIn('of.village_code', scope)]),
      ]),
    )
    .orderBy('ci.unreachable_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
}

export async function failedMessages(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('outbox as ob')
    .innerJoin('channel_identities as ci', 'ci.id', 'ob.identity_id')
    .leftJoin('vendors as ve', 've.user_id', 'ci.user_id')
    .leftJoin('officers as of', 'of.user_id', 'ci.user_id')
    .select([
      'ob.id',
      'ob.channel',
      'ob.status',
      'ob.purpose',
      'ob.attempts',
      'ob.last_error',
      'ob.updated_at',
      've.business_name',
      'of.full_name',
    ])
    .where('ob.status', 'in', ['failed', 'dead'])
    .where((eb) =>
      eb.or([
        eb.and([eb('ve.id', 'is not', null), regencyIn('ve.regency_code', scope)]),
        eb.and([eb('of.id', 'is not', null), areaIn('of.village_code', scope)]),
      ]),
    )
    .orderBy('ob.updated_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
}

// --- audit log ---------------------------------------------------------------------------

export async function auditPage(db: Kysely<Database>, scope: Scope, beforeId: number | null) {
  let q = db
    .selectFrom('audit_log')
    .select([
      'id',
      'at',
      'actor_type',
      'actor_id',
      'action',
      'entity_type',
      'entity_id',
      'regency_code',
      'data',
    ]);
  // A regency admin sees its regency's entries; system-wide ones (no regency, e.g. categories)
  // a province admin too.
  if (scope.regency) q = q.where(regencyIn('regency_code', scope));
  else if (scope.province)
    q = q.where((eb) => eb.or([regencyIn('regency_code', scope), eb('regency_code', 'is', null)]));
  if (beforeId) q = q.where('id', '<', beforeId);
  return q.orderBy('id', 'desc').limit(100).execute();
}
