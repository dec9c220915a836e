import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, OrderStatus } from './schema.js';

export interface NewOrder {
  number: string;
  needId: number;
  quoteId: number;
  vendorId: number;
  amount: number;
  offeredAmount: number;
  amountWords: string;
  awardReason: string | null;
}

export async function insertOrder(trx: Transaction<Database>, o: NewOrder, now: Date): Promise<number> {
  const row = await trx
    .insertInto('orders')
    .values({
      number: o.number,
      need_id: o.needId,
      quote_id: o.quoteId,
      vendor_id: o.vendorId,
      amount: o.amount,
      offered_amount: o.offeredAmount,
      amount_words: o.amountWords,
      award_reason: o.awardReason,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface OrderRow {
  id: number;
  number: string;
  needId: number;
  quoteId: number;
  vendorId: number;
  vendorUserId: number;
  officerUserId: number;
  officerId: number;
  amount: number;
  amountWords: string;
  status: OrderStatus;
  needNumber: string | null;
  needTitle: string;
  regencyCode: string;
  businessName: string;
  /** The vendor's phone: for the officer of this order, once the vendor has accepted it. */
  vendorPhone: string | null;
  neededBy: Date;
}

export async function getOrder(
  db: Kysely<Database>,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<OrderRow | null> {
  let q = db
    .selectFrom('orders as o')
    .innerJoin('needs as n', 'n.id', 'o.need_id')
    .innerJoin('vendors as v', 'v.id', 'o.vendor_id')
    .innerJoin('officers as f', 'f.id', 'n.officer_id')
    .select([
      'o.id',
      'o.number',
      'o.need_id',
      'o.quote_id',
      'o.vendor_id',
      'v.user_id as vendor_user_id',
      'f.user_id as officer_user_id',
      'f.id as officer_id',
      'o.amount',
      'o.amount_words',
      'o.status',
      'n.number as need_number',
      'n.title',
      'v.business_name',
      'v.phone_e164',
      'n.needed_by',
      'n.regency_code',
    ])
    .where('o.id', '=', id);
  if (opts.lock) q = q.forUpdate('o');
  const r = await q.executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    number: r.number,
    needId: r.need_id,
    quoteId: r.quote_id,
    vendorId: r.vendor_id,
    vendorUserId: r.vendor_user_id,
    officerUserId: r.officer_user_id,
    officerId: r.officer_id,
    amount: r.amount,
    amountWords: r.amount_words,
    status: r.status,
    needNumber: r.need_number,
    needTitle: r.title,
    businessName: r.business_name,
    vendorPhone: r.phone_e164,
    neededBy: r.needed_by,
    regencyCode: r.regency_code,
  };
}

export async function setOrderStatus(
  trx: Transaction<Database>,
  id: number,
  status: OrderStatus,
  now: Date,
  extra: { status_reason?: string | null; accepted_at?: Date } = {},
) {
  await trx
    .updateTable('orders')
    .set({ status, updated_at: now, ...extra })
    .where('id', '=', id)
    .execute();
}

export async function ordersOfVendor(db: Kysely<Database>, vendorId: number, limit: number, offset: number) {
  return db
    .selectFrom('orders as o')
    .innerJoin('needs as n', 'n.id', 'o.need_id')
    .select(['o.id', 'o.number', 'o.amount', 'o.status', 'n.title'])
    .where('o.vendor_id', '=', vendorId)
    .where('o.status', 'not in', ['declined', 'cancelled'])
    .orderBy('o.created_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The order a need stands on now (a declined one is history), with its vendor. */
export async function currentOrderOfNeed(db: Kysely<Database>, needId: number) {
  return db
    .selectFrom('orders as o')
    .innerJoin('vendors as v', 'v.id', 'o.vendor_id')
    .select(['o.id', 'o.number', 'o.amount', 'o.status', 'v.business_name'])
    .where('o.need_id', '=', needId)
    .where('o.status', 'not in', ['declined', 'cancelled'])
    .orderBy('o.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function ordersOfOfficer(
  db: Kysely<Database>,
  officerId: number,
  limit: number,
  offset: number,
) {
  return db
    .selectFrom('orders as o')
    .innerJoin('needs as n', 'n.id', 'o.need_id')
    .innerJoin('vendors as v', 'v.id', 'o.vendor_id')
    .select(['o.id', 'o.number', 'o.amount', 'o.status', 'n.title', 'v.business_name'])
    .where('n.officer_id', '=', officerId)
    .where('o.status', 'not in', ['declined', 'cancelled'])
    .orderBy('o.created_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function recordDelivery(
  trx: Transaction<Database>,
  orderId: number,
  note: string | null,
  mediaId: number | null,
  now: Date,
) {
  await trx
    .insertInto('deliveries')
    .values({ order_id: orderId, note, photo_media_id: mediaId, reported_at: now })
    .execute();
}

export async function recordReceipt(
  trx: Transaction<Database>,
  r: {
    orderId: number;
    officerId: number;
    outcome: 'accepted' | 'problem';
    bastNumber: string | null;
    problemNote: string | null;
  },
  now: Date,
) {
  await trx
    .insertInto('receipts')
    .values({
      order_id: r.orderId,
      officer_id: r.officerId,
      outcome: r.outcome,
      bast_number: r.bastNumber,
      problem_note: r.problemNote,
      created_at: now,
    })
    .execute();
}

export async function recordPayment(
  trx: Transaction<Database>,
  p: {
    orderId: number;
    officerId: number;
    amount: number;
    paidOn: Date;
    method: 'transfer' | 'tunai' | 'lainnya';
  },
  now: Date,
) {
  await trx
    .insertInto('payments')
    .values({
      order_id: p.orderId,
      officer_id: p.officerId,
      amount: p.amount,
      paid_on: p.paidOn,
      method: p.method,
      created_at: now,
    })
    .execute();
}

/** Records a rating once per order and rater; a vendor's rating also updates its average. */
export async function recordRating(
  trx: Transaction<Database>,
  r: {
    orderId: number;
    raterUserId: number;
    rateeUserId: number;
    direction: 'officer_to_vendor' | 'vendor_to_officer';
    score: number;
    vendorId?: number;
  },
  now: Date,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('ratings')
    .values({
      order_id: r.orderId,
      rater_user_id: r.raterUserId,
      ratee_user_id: r.rateeUserId,
      direction: r.direction,
      score: r.score,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['order_id', 'rater_user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted && r.vendorId !== undefined) {
    await trx
      .updateTable('vendors')
      .set({ rating_sum: sql`rating_sum + ${r.score}`, rating_count: sql`rating_count + 1` })
      .where('id', '=', r.vendorId)
      .execute();
  }
  return inserted !== undefined;
}

export async function ratingCount(db: Kysely<Database>, orderId: number): Promise<number> {
  const r = await db
    .selectFrom('ratings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setOrderReason(trx: Transaction<Database>, id: number, reason: string) {
  await trx.updateTable('orders').set({ status_reason: reason }).where('id', '=', id).execute();
}
