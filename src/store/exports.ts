import { type Expression, type ExpressionBuilder, expressionBuilder, type Kysely } from 'kysely';
import { formatRegencyName, titleCase } from '../domain/names.js';
import { parseRowId } from '../domain/numbers.js';
import type { OcdsNeed, OcdsOrder, OcdsVendor } from '../domain/ocds.js';
import type { Database } from './schema.js';

/**
 * The SQL behind the admin exports (CSV) and the OCDS feed. Sealing is enforced here as well as
 * in the callers: quote amounts and tenderers come back only for needs whose deadline passed.
 */

/**
 * Which needs: one regency, the regencies of one province, or all (nothing set) — the shape of
 * the console's `scopeOf(admin)`; periods are by publication date.
 */
export interface ExportFilter {
  regency?: string;
  province?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

const MAX_ROWS = 50_000;

/** The quotes that count as received for a need (not superseded, not withdrawn). */
const COUNTED_QUOTES: Array<'active' | 'awarded' | 'rejected'> = ['active', 'awarded', 'rejected'];

/**
 * Join condition for a need's live order (`orders as o` on `needs as n`): the one not declined
 * or cancelled — the winner the exports and the public results show.
 */
export function liveOrderOfNeed(
  eb: ExpressionBuilder<{ n: Database['needs']; o: Database['orders'] }, 'n' | 'o'>,
) {
  return eb.and([eb('o.need_id', '=', eb.ref('n.id')), eb('o.status', 'not in', ['declined', 'cancelled'])]);
}

/** How many quotes a need received, as a subquery (the exports and the public results). */
export function quoteCountOf(needId: Expression<number>) {
  return expressionBuilder<Database, never>()
    .selectFrom('quotes as q')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('q.need_id', '=', needId)
    .where('q.status', 'in', COUNTED_QUOTES);
}

function needsBase(db: Kysely<Database>, f: ExportFilter) {
  let q = db
    .selectFrom('needs as n')
    .innerJoin('villages as vi', 'vi.code', 'n.village_code')
    .innerJoin('districts as d', 'd.code', 'n.district_code')
    .innerJoin('regencies as r', 'r.code', 'n.regency_code')
    .innerJoin('categories as c', 'c.id', 'n.category_id')
    .where('n.status', '!=', 'draft');
  if (f.regency !== undefined) q = q.where('n.regency_code', '=', f.regency);
  if (f.province !== undefined) q = q.where('n.regency_code', 'like', `${f.province}.%`);
  if (f.from) q = q.where('n.published_at', '>=', f.from);
  if (f.to) q = q.where('n.published_at', '<', f.to);
  return q;
}

export async function needRows(db: Kysely<Database>, f: ExportFilter) {
  const needs = await needsBase(db, f)
    .leftJoin('orders as o', (j) => j.on(liveOrderOfNeed))
    .leftJoin('vendors as w', 'w.id', 'o.vendor_id')
    .select((eb) => [
      'n.id',
      'n.number',
      'n.title',
      'n.regency_code',
      'r.name as regency_name',
      'd.name as district_name',
      'vi.name as village_name',
      'c.name_id as category',
      'n.method',
      'n.hps',
      'n.min_quotes',
      'n.status',
      'n.published_at',
      'n.quote_deadline',
      'n.needed_by',
      'n.delivery_place',
      'o.number as order_number',
      'w.business_name as winner',
      'o.amount as order_amount',
      quoteCountOf(eb.ref('n.id')).as('quote_count'),
    ])
    .orderBy('n.id')
    .limit(f.limit ?? MAX_ROWS)
    .execute();
  const items = await itemsOf(
    db,
    needs.map((n) => n.id),
  );
  return needs.map((n) => ({
    ...n,
    regency_name: formatRegencyName(n.regency_name),
    district_name: titleCase(n.district_name),
    village_name: titleCase(n.village_name),
    quote_count: Number(n.quote_count ?? 0),
    items: items.get(n.id) ?? [],
  }));
}

/** The items of some needs, by need, in their order. */
export async function itemsOf(db: Kysely<Database>, needIds: number[]) {
  const byNeed = new Map<
    number,
    Array<{ id: number; position: number; name: string; quantity: number; unit: string }>
  >();
  if (needIds.length === 0) return byNeed;
  const rows = await db
    .selectFrom('need_items')
    .select(['id', 'need_id', 'position', 'name', 'quantity', 'unit'])
    .where('need_id', 'in', needIds)
    .orderBy('need_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = byNeed.get(r.need_id) ?? [];
    list.push({ id: r.id, position: r.position, name: r.name, quantity: Number(r.quantity), unit: r.unit });
    byNeed.set(r.need_id, list);
  }
  return byNeed;
}

/** Quotes (never superseded revisions); `sealed` rows carry no amount, note or delivery days. */
export async function quoteRows(db: Kysely<Database>, f: ExportFilter, now: Date) {
  const rows = await needsBase(db, f)
    .innerJoin('quotes as q', 'q.need_id', 'n.id')
    .innerJoin('vendors as v', 'v.id', 'q.vendor_id')
    .innerJoin('districts as vd', 'vd.code', 'v.district_code')
    .select([
      'n.number as need_number',
      'n.title',
      'n.regency_code',
      'vi.name as village_name',
      'n.status as need_status',
      'n.quote_deadline',
      'v.business_name',
      'vd.name as vendor_district',
      'q.status',
      'q.revision',
      'q.submitted_at',
      'q.total',
      'q.delivery_days',
      'q.note',
    ])
    .where('q.status', '!=', 'superseded')
    .orderBy('n.id')
    .orderBy('q.id')
    .limit(f.limit ?? MAX_ROWS)
    .execute();
  return rows.map((r) => {
    const sealed = r.quote_deadline > now || r.need_status === 'published';
    return {
      ...r,
      village_name: titleCase(r.village_name),
      vendor_district: titleCase(r.vendor_district),
      sealed,
      total: sealed ? null : r.total,
      delivery_days: sealed ? null : r.delivery_days,
      note: sealed ? null : r.note,
    };
  });
}

export async function orderRows(db: Kysely<Database>, f: ExportFilter) {
  return needsBase(db, f)
    .innerJoin('orders as o', 'o.need_id', 'n.id')
    .innerJoin('vendors as v', 'v.id', 'o.vendor_id')
    .select((eb) => [
      'o.number',
      'n.number as need_number',
      'n.title',
      'n.regency_code',
      'vi.name as village_name',
      'v.business_name',
      'o.offered_amount',
      'o.amount',
      'o.status',
      'o.created_at',
      'o.accepted_at',
      'o.award_reason',
      eb
        .selectFrom('deliveries as dl')
        .select((e) => e.fn.max('dl.reported_at').as('x'))
        .whereRef('dl.order_id', '=', 'o.id')
        .as('delivered_at'),
      eb
        .selectFrom('receipts as rc')
        .select((e) => e.fn.max('rc.bast_number').as('x'))
        .whereRef('rc.order_id', '=', 'o.id')
        .where('rc.outcome', '=', 'accepted')
        .as('bast_number'),
      eb
        .selectFrom('payments as p')
        .select((e) => e.fn.sum<string>('p.amount').as('x'))
        .whereRef('p.order_id', '=', 'o.id')
        .as('paid_amount'),
      eb
        .selectFrom('payments as p')
        .select((e) => e.fn.max('p.paid_on').as('x'))
        .whereRef('p.order_id', '=', 'o.id')
        .as('paid_on'),
    ])
    .orderBy('o.id')
    .limit(f.limit ?? MAX_ROWS)
    .execute()
    .then((rows) =>
      rows.map((r) => ({
        ...r,
        village_name: titleCase(r.village_name),
        paid_amount: r.paid_amount === null ? null : Number(r.paid_amount),
      })),
    );
}

/** The regency of a need (by id or number), for access checks before loading it. */
/** A need by its id or its number (PD-3214-2026-0042); digits beyond any id find nothing. */
export async function needRegency(db: Kysely<Database>, key: string) {
  const q = db.selectFrom('needs').select(['id', 'regency_code']);
  if (!/^\d+$/.test(key)) return (await q.where('number', '=', key).executeTakeFirst()) ?? null;
  const id = parseRowId(key);
  return id === null ? null : ((await q.where('id', '=', id).executeTakeFirst()) ?? null);
}

/**
 * Needs ready for OCDS, with everything the mapping needs: only needs whose quote deadline has
 * passed and that left the open state (`now` is the system clock).
 */
export async function ocdsNeeds(
  db: Kysely<Database>,
  f: ExportFilter & { needIds?: number[] },
  now: Date,
): Promise<OcdsNeed[]> {
  let q = needsBase(db, f)
    .select([
      'n.id',
      'n.number',
      'n.title',
      'n.method',
      'n.hps',
      'n.status',
      'n.village_code',
      'vi.name as village_name',
      'd.name as district_name',
      'r.name as regency_name',
      'c.code as category_code',
      'c.name_id as category_name',
      'n.published_at',
      'n.quote_deadline',
      'n.updated_at',
    ])
    .where('n.status', '!=', 'published')
    .where('n.quote_deadline', '<=', now)
    .orderBy('n.id')
    .limit(f.limit ?? 5000);
  if (f.needIds) q = q.where('n.id', 'in', f.needIds.length ? f.needIds : [-1]);
  const needs = await q.execute();
  const ids = needs.map((n) => n.id);
  if (ids.length === 0) return [];
  const items = await itemsOf(db, ids);
  const tenderers = await db
    .selectFrom('quotes as q')
    .innerJoin('vendors as v', 'v.id', 'q.vendor_id')
    .innerJoin('villages as vv', 'vv.code', 'v.village_code')
    .innerJoin('districts as vd', 'vd.code', 'v.district_code')
    .select([
      'q.need_id',
      'v.id',
      'v.business_name',
      'v.nib',
      'vv.name as village_name',
      'vd.name as district_name',
    ])
    .where('q.need_id', 'in', ids)
    .where('q.status', 'in', COUNTED_QUOTES)
    .orderBy('q.id')
    .execute();
  const orders = await db
    .selectFrom('orders')
    .select([
      'id',
      'need_id',
      'quote_id',
      'number',
      'vendor_id',
      'amount',
      'status',
      'created_at',
      'accepted_at',
      'updated_at',
    ])
    .where('need_id', 'in', ids)
    .orderBy('id')
    .execute();
  const orderIds = orders.map((o) => o.id);
  const payments = orderIds.length
    ? await db
        .selectFrom('payments')
        .select(['id', 'order_id', 'amount', 'paid_on'])
        .where('order_id', 'in', orderIds)
        .orderBy('id')
        .execute()
    : [];
  const quoteIds = orders.map((o) => o.quote_id);
  const unitPrices = quoteIds.length
    ? await db
        .selectFrom('quote_items')
        .select(['quote_id', 'need_item_id', 'unit_price'])
        .where('quote_id', 'in', quoteIds)
        .execute()
    : [];

  return needs.map((n) => {
    const vendors = new Map<number, OcdsVendor>();
    for (const t of tenderers.filter((x) => x.need_id === n.id)) {
      vendors.set(t.id, {
        id: t.id,
        name: t.business_name,
        nib: t.nib,
        villageName: titleCase(t.village_name),
        districtName: titleCase(t.district_name),
      });
    }
    const needOrders: OcdsOrder[] = orders
      .filter((o) => o.need_id === n.id)
      .map((o) => ({
        id: o.id,
        number: o.number,
        vendorId: o.vendor_id,
        amount: o.amount,
        status: o.status,
        createdAt: o.created_at,
        acceptedAt: o.accepted_at,
        updatedAt: o.updated_at,
        payments: payments
          .filter((p) => p.order_id === o.id)
          .map((p) => ({ id: p.id, amount: p.amount, paidOn: p.paid_on })),
        unitPrices: new Map(
          unitPrices.filter((u) => u.quote_id === o.quote_id).map((u) => [u.need_item_id, u.unit_price]),
        ),
      }));
    return {
      id: n.id,
      number: n.number,
      title: n.title,
      method: n.method,
      hps: n.hps,
      status: n.status,
      villageCode: n.village_code,
      villageName: titleCase(n.village_name),
      districtName: titleCase(n.district_name),
      regencyName: formatRegencyName(n.regency_name),
      categoryCode: n.category_code,
      categoryName: n.category_name,
      publishedAt: n.published_at,
      quoteDeadline: n.quote_deadline,
      updatedAt: n.updated_at,
      items: items.get(n.id) ?? [],
      tenderers: [...vendors.values()],
      orders: needOrders,
    };
  });
}
