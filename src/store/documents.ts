import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Everything printed on an order document, in one read. */
export async function orderDocumentRow(db: Kysely<Database>, orderNumber: string) {
  const order = await db
    .selectFrom('orders as o')
    .innerJoin('needs as n', 'n.id', 'o.need_id')
    .innerJoin('officers as f', 'f.id', 'n.officer_id')
    .innerJoin('vendors as v', 'v.id', 'o.vendor_id')
    .innerJoin('villages as nv', 'nv.code', 'n.village_code')
    .innerJoin('districts as nd', 'nd.code', 'nv.district_code')
    .innerJoin('regencies as nr', 'nr.code', 'nd.regency_code')
    .innerJoin('villages as vv', 'vv.code', 'v.village_code')
    .innerJoin('procurement_settings as s', 's.regency_code', 'n.regency_code')
    .select([
      'o.id',
      'o.number',
      'o.amount',
      'o.offered_amount',
      'o.amount_words',
      'o.award_reason',
      'o.negotiation_note',
      'o.created_at',
      'o.quote_id',
      'n.id as need_id',
      'n.number as need_number',
      'n.title',
      'n.method',
      'n.delivery_place',
      'n.needed_by',
      'f.full_name',
      'f.position',
      'v.business_name',
      'v.owner_name',
      'v.phone_e164',
      'v.nib',
      'vv.name as vendor_village',
      'nv.name as desa',
      'nd.name as kecamatan',
      'nr.name as kabupaten',
      's.document_names',
      's.time_zone',
    ])
    .where('o.number', '=', orderNumber)
    .executeTakeFirst();
  if (!order) return null;
  const items = await db
    .selectFrom('need_items as i')
    .leftJoin('quote_items as qi', (j) =>
      j.onRef('qi.need_item_id', '=', 'i.id').on('qi.quote_id', '=', order.quote_id),
    )
    .select(['i.name', 'i.quantity', 'i.unit', 'qi.unit_price', 'qi.line_total'])
    .where('i.need_id', '=', order.need_id)
    .orderBy('i.position')
    .execute();
  return { order, items };
}
