/**
 * Which PBJ Desa method a need follows, from its HPS and the thresholds of its regency's Perbup.
 * Thresholds are configuration (procurement_settings), never constants here.
 */

// Same values as the CHECK constraint on needs.method (migrations/0002_procurement.ts).
export type Method = 'pembelian_langsung' | 'permintaan_penawaran' | 'lelang';

export const METHODS: readonly Method[] = ['pembelian_langsung', 'permintaan_penawaran', 'lelang'];

export interface ThresholdSettings {
  directPurchaseMax: number;
  rfqMax: number;
  minQuotesDirect: number;
  minQuotesRfq: number;
  minQuotesOpen: number;
}

export interface MethodDecision {
  method: Method;
  minQuotes: number;
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive whole number of rupiah, got ${value}`);
  }
}

function assertSettings(s: ThresholdSettings): void {
  assertPositiveInteger('directPurchaseMax', s.directPurchaseMax);
  assertPositiveInteger('rfqMax', s.rfqMax);
  // The database refuses such a row too; a hand-built settings object must not slip past.
  if (s.rfqMax <= s.directPurchaseMax) {
    throw new RangeError(`rfqMax (${s.rfqMax}) must be above directPurchaseMax (${s.directPurchaseMax})`);
  }
  for (const key of ['minQuotesDirect', 'minQuotesRfq', 'minQuotesOpen'] as const) {
    if (!Number.isSafeInteger(s[key]) || s[key] < 1) {
      throw new RangeError(`${key} must be a whole number ≥ 1, got ${s[key]}`);
    }
  }
}

/** Boundaries are inclusive: an HPS of exactly `directPurchaseMax` is still a direct purchase. */
export function procurementMethod(hps: number, s: ThresholdSettings): MethodDecision {
  assertPositiveInteger('hps', hps);
  assertSettings(s);
  if (hps <= s.directPurchaseMax) return { method: 'pembelian_langsung', minQuotes: s.minQuotesDirect };
  if (hps <= s.rfqMax) return { method: 'permintaan_penawaran', minQuotes: s.minQuotesRfq };
  return { method: 'lelang', minQuotes: s.minQuotesOpen };
}

export type OcdsMethod = 'direct' | 'limited' | 'open';

/** OCDS `procurementMethod`; the Indonesian name goes in `procurementMethodDetails`. */
export const OCDS_METHOD: Readonly<Record<Method, OcdsMethod>> = {
  pembelian_langsung: 'direct',
  permintaan_penawaran: 'limited',
  lelang: 'open',
};

/** Direct purchases still show the officer a few vendors to choose from. */
const DIRECT_RECOMMENDATIONS = 3;
/** Not every invited vendor answers: invite several per quote the method requires. */
const RFQ_INVITES_PER_REQUIRED_QUOTE = 3;

/** How many vendors to alert: a number, or every matching vendor for an open tender. */
export function invitationTarget(
  method: Method,
  minQuotes: number,
  configuredInviteCount: number,
): number | 'all' {
  if (!Number.isSafeInteger(minQuotes) || minQuotes < 1) {
    throw new RangeError(`minQuotes must be a whole number ≥ 1, got ${minQuotes}`);
  }
  if (!Number.isSafeInteger(configuredInviteCount) || configuredInviteCount < 0) {
    throw new RangeError(`configuredInviteCount must be a whole number ≥ 0, got ${configuredInviteCount}`);
  }
  switch (method) {
    case 'pembelian_langsung':
      return Math.max(configuredInviteCount, DIRECT_RECOMMENDATIONS);
    case 'permintaan_penawaran':
      return Math.max(configuredInviteCount, minQuotes * RFQ_INVITES_PER_REQUIRED_QUOTE);
    case 'lelang':
      return 'all';
  }
}
