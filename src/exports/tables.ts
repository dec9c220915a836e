import type { Kysely } from 'kysely';
import { type ExportFilter, needRows, orderRows, quoteRows } from '../store/exports.js';
import type { Database } from '../store/schema.js';
import { type Cell, toCsv } from './csv.js';

// A `date` column arrives as local midnight (node-postgres): print the day itself, no time.
const dayOf = (d: Date | null) =>
  d
    ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    : null;

/** The three CSV exports: one row per need, per quote (amounts only once unsealed), per order. */

export async function needsCsv(db: Kysely<Database>, f: ExportFilter, timeZone: string) {
  const rows = await needRows(db, f);
  const header = [
    'need_number',
    'title',
    'regency_code',
    'regency',
    'kecamatan',
    'desa',
    'category',
    'method',
    'hps',
    'min_quotes',
    'status',
    'published_at',
    'quote_deadline',
    'needed_by',
    'delivery_place',
    'items',
    'quotes',
    'order_number',
    'winner',
    'order_amount',
  ];
  const data: Cell[][] = rows.map((r) => [
    r.number,
    r.title,
    r.regency_code,
    r.regency_name,
    r.district_name,
    r.village_name,
    r.category,
    r.method,
    r.hps,
    r.min_quotes,
    r.status,
    r.published_at,
    r.quote_deadline,
    r.needed_by,
    r.delivery_place,
    r.items.map((i) => `${i.name} (${i.quantity} ${i.unit})`).join('; '),
    r.quote_count,
    r.order_number,
    r.winner,
    r.order_amount,
  ]);
  return toCsv(header, data, timeZone);
}

export async function quotesCsv(db: Kysely<Database>, f: ExportFilter, now: Date, timeZone: string) {
  const rows = await quoteRows(db, f, now);
  const header = [
    'need_number',
    'title',
    'regency_code',
    'desa',
    'quote_deadline',
    'vendor',
    'vendor_kecamatan',
    'status',
    'revision',
    'submitted_at',
    'sealed',
    'total',
    'delivery_days',
    'note',
  ];
  const data: Cell[][] = rows.map((r) => [
    r.need_number,
    r.title,
    r.regency_code,
    r.village_name,
    r.quote_deadline,
    r.business_name,
    r.vendor_district,
    r.status,
    r.revision,
    r.submitted_at,
    r.sealed,
    r.total,
    r.delivery_days,
    r.note,
  ]);
  return toCsv(header, data, timeZone);
}

export async function ordersCsv(db: Kysely<Database>, f: ExportFilter, timeZone: string) {
  const rows = await orderRows(db, f);
  const header = [
    'order_number',
    'need_number',
    'title',
    'regency_code',
    'desa',
    'vendor',
    'offered_amount',
    'amount',
    'status',
    'awarded_at',
    'accepted_at',
    'delivered_at',
    'bast_number',
    'paid_amount',
    'paid_on',
    'award_reason',
  ];
  const data: Cell[][] = rows.map((r) => [
    r.number,
    r.need_number,
    r.title,
    r.regency_code,
    r.village_name,
    r.business_name,
    r.offered_amount,
    r.amount,
    r.status,
    r.created_at,
    r.accepted_at,
    r.delivered_at as Date | null,
    r.bast_number as string | null,
    r.paid_amount,
    dayOf(r.paid_on as Date | null),
    r.award_reason,
  ]);
  return toCsv(header, data, timeZone);
}
