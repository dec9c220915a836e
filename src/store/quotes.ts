import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface QuoteInput {
  needId: number;
  vendorId: number;
  total: number;
  deliveryDays: number;
  note: string | null;
  items: Array<{ needItemId: number; unitPrice: number; lineTotal: number }>;
}

export async function activeQuote(db: Kysely<Database>, needId: number, vendorId: number) {
  return db
    .selectFrom('quotes')
    .select(['id', 'total', 'delivery_days', 'revision', 'submitted_at'])
    .where('need_id', '=', needId)
    .where('vendor_id', '=', vendorId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The vendor's last word on a need (a revision replaces the one before): its amount and state. */
export async function latestQuote(db: Kysely<Database>, needId: number, vendorId: number) {
  return db
    .selectFrom('quotes')
    .select(['id', 'total', 'status'])
    .where('need_id', '=', needId)
    .where('vendor_id', '=', vendorId)
    .where('status', '!=', 'superseded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Submits or revises: the previous active quote becomes `superseded` in the same transaction,
 * so the partial unique index keeps one active quote per vendor per need.
 */
export async function submitQuote(
  trx: Transaction<Database>,
  q: QuoteInput,
  now: Date,
): Promise<{ id: number; revision: number }> {
  const previous = await trx
    .updateTable('quotes')
    .set({ status: 'superseded' })
    .where('need_id', '=', q.needId)
    .where('vendor_id', '=', q.vendorId)
    .where('status', '=', 'active')
    .returning('revision')
    .executeTakeFirst();
  const invitation = await trx
    .selectFrom('invitations')
    .select(['id', 'status'])
    .where('need_id', '=', q.needId)
    .where('vendor_id', '=', q.vendorId)
    .executeTakeFirst();
  const revision = (previous?.revision ?? 0) + 1;
  const row = await trx
    .insertInto('quotes')
    .values({
      need_id: q.needId,
      vendor_id: q.vendorId,
      invitation_id: invitation?.id ?? null,
      total: q.total,
      delivery_days: q.deliveryDays,
      note: q.note,
      revision,
      submitted_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (q.items.length) {
    await trx
      .insertInto('quote_items')
      .values(
        q.items.map((i) => ({
          quote_id: row.id,
          need_item_id: i.needItemId,
          unit_price: i.unitPrice,
          line_total: i.lineTotal,
        })),
      )
      .execute();
  }
  if (invitation && invitation.status !== 'quoted') {
    await trx
      .updateTable('invitations')
      .set({ status: 'quoted', responded_at: now })
      .where('id', '=', invitation.id)
      .execute();
    await trx
      .updateTable('vendors')
      .set({ responses_count: sql`responses_count + 1` })
      .where('id', '=', q.vendorId)
      .execute();
  }
  return { id: row.id, revision };
}

export async function withdrawQuote(trx: Transaction<Database>, needId: number, vendorId: number, now: Date) {
  const r = await trx
    .updateTable('quotes')
    .set({ status: 'withdrawn', withdrawn_at: now })
    .where('need_id', '=', needId)
    .where('vendor_id', '=', vendorId)
    .where('status', '=', 'active')
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** How many vendors have a live quote: the only thing anyone sees before the deadline. */
export async function activeQuoteCount(db: Kysely<Database>, needId: number): Promise<number> {
  const r = await db
    .selectFrom('quotes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('need_id', '=', needId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Quotes with their prices — sealed: refused while the need's deadline is still ahead, so no
 * caller can show a price early by mistake.
 */
export async function unsealedQuotes(db: Kysely<Database>, needId: number, now: Date) {
  const need = await db
    .selectFrom('needs')
    .select('quote_deadline')
    .where('id', '=', needId)
    .executeTakeFirstOrThrow();
  if (need.quote_deadline > now) throw new Error('quotes are sealed until the deadline');
  return db
    .selectFrom('quotes as q')
    .innerJoin('vendors as v', 'v.id', 'q.vendor_id')
    .leftJoin('invitations as i', 'i.id', 'q.invitation_id')
    .select([
      'q.id',
      'q.vendor_id',
      'q.total',
      'q.delivery_days',
      'q.note',
      'q.submitted_at',
      'q.status',
      'v.business_name',
      'v.user_id',
      'v.rating_sum',
      'v.rating_count',
      'i.ring',
    ])
    .where('q.need_id', '=', needId)
    .where('q.status', 'in', ['active', 'awarded', 'rejected'])
    .execute();
}

export async function setQuoteStatus(
  trx: Transaction<Database>,
  ids: number[],
  status: 'awarded' | 'rejected' | 'active',
) {
  if (ids.length === 0) return;
  await trx.updateTable('quotes').set({ status }).where('id', 'in', ids).execute();
}

/** A vendor's quotes, newest first, with the need they answer. */
export async function quotesOfVendor(db: Kysely<Database>, vendorId: number, limit: number, offset: number) {
  return db
    .selectFrom('quotes as q')
    .innerJoin('needs as n', 'n.id', 'q.need_id')
    .select([
      'q.id',
      'q.need_id',
      'q.total',
      'q.status',
      'n.number',
      'n.title',
      'n.quote_deadline',
      'n.status as needStatus',
    ])
    .where('q.vendor_id', '=', vendorId)
    .where('q.status', '!=', 'superseded')
    .orderBy('q.submitted_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Quotes still open on a need, with their vendors' users (the ones to tell the result). */
export async function openQuotesOfNeed(db: Kysely<Database>, needId: number) {
  return db
    .selectFrom('quotes as q')
    .innerJoin('vendors as v', 'v.id', 'q.vendor_id')
    .select(['q.id', 'v.user_id'])
    .where('q.need_id', '=', needId)
    .where('q.status', '=', 'active')
    .execute();
}
