/**
 * Open Contracting Data Standard 1.1 releases from plain procurement records. Pure: the store
 * loads the records, the server wraps the result in a package. A need whose quote window is
 * still open is refused here too, so no caller can publish sealed information by mistake.
 */

import type { NeedStatus, OrderStatus } from './lifecycle.js';
import type { Method } from './method.js';

export interface OcdsItem {
  id: number;
  position: number;
  name: string;
  quantity: number;
  unit: string;
  /** The winning quote's unit price for this item, when it was quoted per item. */
  unitPrice?: number | null;
}

export interface OcdsVendor {
  id: number;
  name: string;
  nib?: string | null;
  villageName?: string | null;
  districtName?: string | null;
}

export interface OcdsPayment {
  id: number;
  amount: number;
  paidOn: Date;
}

export interface OcdsOrder {
  id: number;
  number: string;
  vendorId: number;
  amount: number;
  status: OrderStatus;
  createdAt: Date;
  acceptedAt: Date | null;
  updatedAt: Date;
  payments: OcdsPayment[];
  /** Unit prices of the winning quote by need item id (empty when quoted as one total). */
  unitPrices: Map<number, number>;
}

export interface OcdsNeed {
  id: number;
  number: string | null;
  title: string;
  method: Method;
  hps: number;
  status: NeedStatus;
  villageCode: string;
  villageName: string;
  districtName: string;
  regencyName: string;
  categoryCode: string;
  categoryName: string;
  publishedAt: Date | null;
  quoteDeadline: Date;
  updatedAt: Date;
  items: OcdsItem[];
  /** Vendors with a quote that counted (active, awarded or rejected). */
  tenderers: OcdsVendor[];
  orders: OcdsOrder[];
}

export interface OcdsOptions {
  /** The publisher's registered prefix, e.g. `ocds-abc123` (a placeholder until registered). */
  ocidPrefix: string;
  now: Date;
}

export const METHOD_TO_OCDS: Record<Method, { method: 'open' | 'limited' | 'direct'; details: string }> = {
  pembelian_langsung: { method: 'direct', details: 'Pembelian langsung' },
  permintaan_penawaran: { method: 'limited', details: 'Permintaan penawaran' },
  lelang: { method: 'open', details: 'Lelang' },
};

const CURRENCY = 'IDR';
const value = (amount: number) => ({ amount, currency: CURRENCY });
const iso = (d: Date) => d.toISOString();

/** Sealed statuses: the quote window is open (or the need was never published). */
const SEALED: ReadonlySet<NeedStatus> = new Set(['draft', 'published']);

/** True once quotes may be shown: the deadline has passed and the need left the open state. */
export function isUnsealed(need: Pick<OcdsNeed, 'status' | 'quoteDeadline'>, now: Date): boolean {
  return need.quoteDeadline.getTime() <= now.getTime() && !SEALED.has(need.status);
}

export function ocidOf(prefix: string, need: Pick<OcdsNeed, 'id' | 'number'>): string {
  return `${prefix}-${need.number ?? `need-${need.id}`}`;
}

const buyerId = (villageCode: string) => `ID-DESA-${villageCode}`;
const vendorPartyId = (vendorId: number) => `PD-VENDOR-${vendorId}`;

function tenderStatus(status: NeedStatus): 'active' | 'complete' | 'cancelled' | 'unsuccessful' {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'unsuccessful') return 'unsuccessful';
  if (status === 'closed') return 'active';
  return 'complete';
}

function awardStatus(status: OrderStatus): 'pending' | 'active' | 'cancelled' {
  if (status === 'declined' || status === 'cancelled') return 'cancelled';
  if (status === 'awaiting_acceptance') return 'pending';
  return 'active';
}

const SIGNED: ReadonlySet<OrderStatus> = new Set([
  'accepted',
  'delivered',
  'received',
  'problem',
  'paid',
  'completed',
  'cancelled',
]);

function contractStatus(status: OrderStatus): 'active' | 'terminated' | 'cancelled' {
  if (status === 'cancelled') return 'cancelled';
  // OCDS: "terminated" is a contract that is no longer active, finished as planned included.
  if (status === 'completed') return 'terminated';
  return 'active';
}

function item(n: OcdsNeed, it: OcdsItem, unitPrice?: number) {
  return {
    id: String(it.position),
    description: it.name,
    classification: { scheme: 'X-PESANDESA-KATEGORI', id: n.categoryCode, description: n.categoryName },
    quantity: it.quantity,
    unit: unitPrice === undefined ? { name: it.unit } : { name: it.unit, value: value(unitPrice) },
  };
}

/** One release describing everything public about a need: tender, awards, contracts, payments. */
export function needToRelease(n: OcdsNeed, opts: OcdsOptions) {
  if (!isUnsealed(n, opts.now)) {
    throw new Error(`need ${n.id} is still sealed: no OCDS release before its quote deadline`);
  }
  const ocid = ocidOf(opts.ocidPrefix, n);
  const buyer = { id: buyerId(n.villageCode), name: `Pemerintah Desa ${n.villageName}` };
  const vendorsById = new Map(n.tenderers.map((v) => [v.id, v]));
  const supplierIds = new Set(
    n.orders.filter((o) => awardStatus(o.status) !== 'cancelled').map((o) => o.vendorId),
  );
  const ref = (vendorId: number) => ({
    id: vendorPartyId(vendorId),
    name: vendorsById.get(vendorId)?.name ?? `Penyedia ${vendorId}`,
  });

  const parties = [
    {
      ...buyer,
      identifier: { scheme: 'X-ID-KEMENDAGRI', id: n.villageCode, legalName: buyer.name },
      address: { locality: n.villageName, region: n.regencyName, countryName: 'Indonesia' },
      roles: ['buyer', 'procuringEntity'],
      details: { kecamatan: n.districtName },
    },
    ...n.tenderers.map((v) => ({
      id: vendorPartyId(v.id),
      name: v.name,
      ...(v.nib ? { identifier: { scheme: 'X-ID-NIB', id: v.nib, legalName: v.name } } : {}),
      address: {
        ...(v.villageName ? { locality: v.villageName } : {}),
        ...(v.districtName ? { region: v.districtName } : {}),
        countryName: 'Indonesia',
      },
      roles: supplierIds.has(v.id) ? ['tenderer', 'supplier', 'payee'] : ['tenderer'],
    })),
  ];

  const method = METHOD_TO_OCDS[n.method];
  const tender = {
    id: n.number ?? String(n.id),
    title: n.title,
    status: tenderStatus(n.status),
    procuringEntity: buyer,
    items: n.items.map((it) => item(n, it)),
    value: value(n.hps),
    procurementMethod: method.method,
    procurementMethodDetails: method.details,
    ...(n.publishedAt ? { datePublished: iso(n.publishedAt) } : {}),
    tenderPeriod: {
      ...(n.publishedAt ? { startDate: iso(n.publishedAt) } : {}),
      endDate: iso(n.quoteDeadline),
    },
    numberOfTenderers: n.tenderers.length,
    tenderers: n.tenderers.map((v) => ref(v.id)),
  };

  const awards = n.orders.map((o) => ({
    id: `award-${o.id}`,
    status: awardStatus(o.status),
    date: iso(o.createdAt),
    value: value(o.amount),
    suppliers: [ref(o.vendorId)],
    items: n.items.map((it) => item(n, it)),
  }));

  const contracts = n.orders
    .filter((o) => SIGNED.has(o.status) && o.acceptedAt)
    .map((o) => ({
      id: o.number,
      awardID: `award-${o.id}`,
      title: n.title,
      status: contractStatus(o.status),
      ...(o.acceptedAt ? { dateSigned: iso(o.acceptedAt) } : {}),
      value: value(o.amount),
      items: n.items.map((it) => item(n, it, o.unitPrices.get(it.id))),
      ...(o.payments.length
        ? {
            implementation: {
              transactions: o.payments.map((p) => ({
                id: `payment-${p.id}`,
                date: iso(p.paidOn),
                value: value(p.amount),
                payer: buyer,
                payee: ref(o.vendorId),
              })),
            },
          }
        : {}),
    }));

  const tag = ['tender'];
  if (n.status === 'cancelled') tag.splice(0, 1, 'tenderCancellation');
  if (awards.length) tag.push('award');
  if (contracts.length) tag.push('contract');
  if (contracts.some((c) => c.implementation)) tag.push('implementation');

  const changed = [
    n.updatedAt,
    ...n.orders.map((o) => o.updatedAt),
    ...n.orders.flatMap((o) => o.payments.map((p) => p.paidOn)),
  ];
  const date = new Date(Math.max(...changed.map((d) => d.getTime())));
  return {
    ocid,
    // Stable for one state of the process: a later change makes a new release id.
    id: `${ocid}-${date.getTime()}`,
    date: iso(date),
    tag,
    initiationType: 'tender' as const,
    language: 'id',
    parties,
    buyer,
    tender,
    awards,
    contracts,
  };
}

export type OcdsRelease = ReturnType<typeof needToRelease>;

export interface PackageMeta {
  uri: string;
  publisherName: string;
  publisherUri?: string;
  now: Date;
}

/** A release package (OCDS 1.1) around some releases; publishedDate is the latest release date. */
export function releasePackage(releases: OcdsRelease[], meta: PackageMeta) {
  const latest = releases.reduce((max, r) => (r.date > max ? r.date : max), '');
  return {
    uri: meta.uri,
    version: '1.1',
    publishedDate: latest || iso(meta.now),
    publisher: { name: meta.publisherName, ...(meta.publisherUri ? { uri: meta.publisherUri } : {}) },
    releases,
  };
}
