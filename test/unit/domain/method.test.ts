import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  invitationTarget,
  METHODS,
  type Method,
  OCDS_METHOD,
  procurementMethod,
  type ThresholdSettings,
} from '../../../src/domain/method.js';
import type { Method as SchemaMethod } from '../../../src/store/schema.js';

const JT = 1_000_000;

// The defaults of PRODUCT.md: direct up to Rp10 jt, RFQ up to Rp200 jt, lelang above.
const DEFAULTS: ThresholdSettings = {
  directPurchaseMax: 10 * JT,
  rfqMax: 200 * JT,
  minQuotesDirect: 1,
  minQuotesRfq: 2,
  minQuotesOpen: 3,
};

// A regency whose Perbup sets its own bands and minimums.
const CUSTOM: ThresholdSettings = {
  directPurchaseMax: 5 * JT,
  rfqMax: 50 * JT,
  minQuotesDirect: 2,
  minQuotesRfq: 3,
  minQuotesOpen: 5,
};

describe('procurementMethod', () => {
  it.each<[string, number, ThresholdSettings, Method, number]>([
    ['Rp1', 1, DEFAULTS, 'pembelian_langsung', 1],
    ['Rp150.000 snacks', 150_000, DEFAULTS, 'pembelian_langsung', 1],
    ['one rupiah under the direct max', 10 * JT - 1, DEFAULTS, 'pembelian_langsung', 1],
    ['exactly the direct max', 10 * JT, DEFAULTS, 'pembelian_langsung', 1],
    ['one rupiah over the direct max', 10 * JT + 1, DEFAULTS, 'permintaan_penawaran', 2],
    ['Rp75 jt', 75 * JT, DEFAULTS, 'permintaan_penawaran', 2],
    ['one rupiah under the RFQ max', 200 * JT - 1, DEFAULTS, 'permintaan_penawaran', 2],
    ['exactly the RFQ max', 200 * JT, DEFAULTS, 'permintaan_penawaran', 2],
    ['one rupiah over the RFQ max', 200 * JT + 1, DEFAULTS, 'lelang', 3],
    ['Rp1,2 M', 1_200 * JT, DEFAULTS, 'lelang', 3],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER, DEFAULTS, 'lelang', 3],
    ['custom: Rp5 jt exactly', 5 * JT, CUSTOM, 'pembelian_langsung', 2],
    ['custom: Rp6 jt', 6 * JT, CUSTOM, 'permintaan_penawaran', 3],
    ['custom: Rp50 jt exactly', 50 * JT, CUSTOM, 'permintaan_penawaran', 3],
    ['custom: Rp50 jt + 1', 50 * JT + 1, CUSTOM, 'lelang', 5],
    ['custom: Rp10 jt is RFQ there', 10 * JT, CUSTOM, 'permintaan_penawaran', 3],
  ])('%s → %s', (_label, hps, settings, method, minQuotes) => {
    expect(procurementMethod(hps, settings)).toEqual({ method, minQuotes });
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['negative large', -10 * JT],
    ['fraction', 1_500_000.5],
    ['tiny fraction', 0.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['past the safe integers', Number.MAX_SAFE_INTEGER + 1],
  ])('refuses an HPS that is %s', (_label, hps) => {
    expect(() => procurementMethod(hps, DEFAULTS)).toThrow(RangeError);
  });

  it.each<[string, Partial<ThresholdSettings>]>([
    ['a zero direct max', { directPurchaseMax: 0 }],
    ['a fractional rfq max', { rfqMax: 200 * JT + 0.5 }],
    ['an rfq max equal to the direct max', { rfqMax: 10 * JT }],
    ['an rfq max below the direct max', { rfqMax: 5 * JT }],
    ['no minimum for direct purchases', { minQuotesDirect: 0 }],
    ['a fractional RFQ minimum', { minQuotesRfq: 1.5 }],
    ['a negative open minimum', { minQuotesOpen: -3 }],
  ])('refuses settings with %s', (_label, override) => {
    expect(() => procurementMethod(1 * JT, { ...DEFAULTS, ...override })).toThrow(RangeError);
  });
});

describe('OCDS_METHOD', () => {
  it.each<[Method, string]>([
    ['pembelian_langsung', 'direct'],
    ['permintaan_penawaran', 'limited'],
    ['lelang', 'open'],
  ])('%s → %s', (method, ocds) => {
    expect(OCDS_METHOD[method]).toBe(ocds);
  });

  it('covers every method, and the methods are those of the schema', () => {
    expect(Object.keys(OCDS_METHOD).sort()).toEqual([...METHODS].sort());
    expectTypeOf<Method>().toEqualTypeOf<SchemaMethod>();
  });
});

describe('invitationTarget', () => {
  it.each<[Method, number, number, number | 'all']>([
    // Direct purchase: a few recommendations, or more if the regency invites more.
    ['pembelian_langsung', 1, 0, 3],
    ['pembelian_langsung', 1, 2, 3],
    ['pembelian_langsung', 1, 3, 3],
    ['pembelian_langsung', 1, 6, 6],
    ['pembelian_langsung', 2, 4, 4],
    ['pembelian_langsung', 5, 1, 3],
    // RFQ: three invitations per required quote, or the configured count if larger.
    ['permintaan_penawaran', 2, 6, 6],
    ['permintaan_penawaran', 2, 4, 6],
    ['permintaan_penawaran', 2, 10, 10],
    ['permintaan_penawaran', 3, 6, 9],
    ['permintaan_penawaran', 1, 0, 3],
    ['permintaan_penawaran', 4, 12, 12],
    // Lelang: open to every qualified vendor.
    ['lelang', 3, 6, 'all'],
    ['lelang', 5, 100, 'all'],
    ['lelang', 1, 0, 'all'],
  ])('%s with %i required quotes and %i configured → %s', (method, minQuotes, configured, expected) => {
    expect(invitationTarget(method, minQuotes, configured)).toBe(expected);
  });

  it.each<[string, number, number]>([
    ['zero required quotes', 0, 6],
    ['fractional required quotes', 1.5, 6],
    ['a negative configured count', 2, -1],
    ['a fractional configured count', 2, 2.5],
    ['a NaN configured count', 2, Number.NaN],
  ])('refuses %s', (_label, minQuotes, configured) => {
    expect(() => invitationTarget('permintaan_penawaran', minQuotes, configured)).toThrow(RangeError);
  });

  it('agrees with procurementMethod end to end for the defaults', () => {
    const { method, minQuotes } = procurementMethod(75 * JT, DEFAULTS);
    expect(invitationTarget(method, minQuotes, 4)).toBe(6);
  });
});
