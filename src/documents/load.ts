import type { Kysely } from 'kysely';
import { formatRegencyName, titleCase } from '../domain/names.js';
import { type MessageKey, translate } from '../i18n/index.js';
import { formatQty } from '../notices/format.js';
import { formatDate } from '../parse/date-format.js';
import { formatRupiah } from '../parse/money.js';
import { orderDocumentRow } from '../store/documents.js';
import type { Database } from '../store/schema.js';
import type { OrderDocumentData, OrderDocumentLabels } from './order-document.js';

const LABEL_KEYS: Record<keyof OrderDocumentLabels, MessageKey> = {
  number: 'doc.number',
  date: 'doc.date',
  buyer: 'doc.buyer',
  desa: 'doc.desa',
  kecamatan: 'doc.kecamatan',
  kabupaten: 'doc.kabupaten',
  name: 'doc.name',
  position: 'doc.position',
  vendor: 'doc.vendor',
  businessName: 'doc.business_name',
  owner: 'doc.owner',
  address: 'doc.address',
  phone: 'doc.phone',
  nib: 'doc.nib',
  need: 'doc.need',
  needNumber: 'doc.need_number',
  needTitle: 'doc.need_title',
  method: 'doc.method',
  itemNo: 'doc.item_no',
  itemName: 'doc.item_name',
  quantity: 'doc.quantity',
  unit: 'doc.unit',
  unitPrice: 'doc.unit_price',
  lineTotal: 'doc.line_total',
  total: 'doc.total',
  totalInWords: 'doc.total_in_words',
  delivery: 'doc.delivery',
  deliveryPlace: 'doc.delivery_place',
  deliveryDate: 'doc.delivery_date',
  notes: 'doc.notes',
  awardReason: 'doc.award_reason',
  negotiation: 'doc.negotiation',
  buyerSignature: 'doc.buyer_signature',
  vendorSignature: 'doc.vendor_signature',
  page: 'doc.page',
};

/**
 * The order document as the regency names it (Perbup): `document_names` in the regency's
 * settings may rename it per method; official documents are printed in Indonesian.
 */
export async function loadOrderDocument(
  db: Kysely<Database>,
  orderNumber: string,
): Promise<OrderDocumentData | null> {
  const row = await orderDocumentRow(db, orderNumber);
  if (!row) return null;
  const { order: o, items } = row;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate('id', key, params);
  const names = (o.document_names ?? {}) as Record<string, string>;
  const title =
    names[o.method] ?? t(o.method === 'pembelian_langsung' ? 'doc.title_direct' : 'doc.title_agreement');
  const rp = (n: number) => formatRupiah(n, 'id');
  const tz = o.time_zone;
  const position = t(`position.${o.position}` as MessageKey);
  return {
    title,
    number: o.number,
    issuedAt: formatDate(o.created_at, 'id', tz),
    desa: {
      name: titleCase(o.desa),
      kecamatan: titleCase(o.kecamatan),
      kabupaten: formatRegencyName(o.kabupaten),
    },
    buyer: { name: o.full_name, position },
    vendor: {
      businessName: o.business_name,
      ownerName: o.owner_name,
      address: titleCase(o.vendor_village),
      phone: o.phone_e164 ?? '-',
      ...(o.nib ? { nib: o.nib } : {}),
    },
    need: { number: o.need_number ?? '', title: o.title, method: t(`method.${o.method}` as MessageKey) },
    items: items.map((i) => ({
      name: i.name,
      quantity: formatQty(i.quantity),
      unit: i.unit,
      unitPrice: i.unit_price ? rp(i.unit_price) : '-',
      lineTotal: i.line_total ? rp(i.line_total) : '-',
    })),
    total: rp(o.amount),
    totalInWords: o.amount_words,
    delivery: { place: o.delivery_place, date: formatDate(o.needed_by, 'id', tz) },
    notes: {
      ...(o.award_reason ? { awardReason: o.award_reason } : {}),
      ...(o.amount !== o.offered_amount
        ? { negotiation: t('doc.negotiated', { offered: rp(o.offered_amount), agreed: rp(o.amount) }) }
        : {}),
    },
    signatures: {
      placeAndDate: `${titleCase(o.desa)}, ${formatDate(o.created_at, 'id', tz)}`,
      buyer: { name: o.full_name, position },
      vendor: { name: o.owner_name, position: o.business_name },
    },
    labels: Object.fromEntries(
      Object.entries(LABEL_KEYS).map(([k, key]) => [k, t(key)]),
    ) as unknown as OrderDocumentLabels,
  };
}
