import { describe, expect, it } from 'vitest';
import {
  isLowest,
  type RankableQuote,
  type RankableVendor,
  type Ring,
  rankQuotes,
  rankVendors,
} from '../../../src/domain/ranking.js';

const T0 = Date.UTC(2026, 2, 10, 3, 0);

function quote(quoteId: number, over: Partial<RankableQuote> = {}): RankableQuote {
  return {
    quoteId,
    total: 1_000_000,
    deliveryDays: 3,
    vendorRating: 4,
    ring: 'desa',
    submittedAt: new Date(T0),
    ...over,
  };
}

function vendor(vendorId: number, over: Partial<RankableVendor> = {}): RankableVendor {
  return { vendorId, ring: 'desa', verified: true, ratingAvg: 4, responseRate: 0.8, ...over };
}

const ids = (rows: Array<{ quoteId: number } | { vendorId: number }>) =>
  rows.map((r) => ('quoteId' in r ? r.quoteId : r.vendorId));

describe('rankQuotes', () => {
  it.each<[string, RankableQuote[], number[]]>([
    ['empty', [], []],
    ['one', [quote(1)], [1]],
    [
      'lowest total first',
      [quote(1, { total: 1_200_000 }), quote(2, { total: 950_000 }), quote(3)],
      [2, 3, 1],
    ],
    [
      'total beats everything else',
      [
        quote(1, { total: 1_000_001, deliveryDays: 0, vendorRating: 5 }),
        quote(2, { deliveryDays: 30, ring: 'kabupaten' }),
      ],
      [2, 1],
    ],
    [
      'tie on total: shorter delivery',
      [quote(1, { deliveryDays: 5 }), quote(2, { deliveryDays: 2 })],
      [2, 1],
    ],
    [
      'same-day delivery counts as shortest',
      [quote(1, { deliveryDays: 1 }), quote(2, { deliveryDays: 0 })],
      [2, 1],
    ],
    [
      'tie on delivery: closer ring',
      [quote(1, { ring: 'kabupaten' }), quote(2, { ring: 'kecamatan' }), quote(3, { ring: 'desa' })],
      [3, 2, 1],
    ],
    [
      'ring beats rating',
      [quote(1, { ring: 'kecamatan', vendorRating: 5 }), quote(2, { ring: 'desa', vendorRating: 1 })],
      [2, 1],
    ],
    [
      'tie on ring: higher rating',
      [quote(1, { vendorRating: 3.5 }), quote(2, { vendorRating: 4.8 })],
      [2, 1],
    ],
    [
      'an unrated vendor counts as 3.0',
      [quote(1, { vendorRating: 2.9 }), quote(2, { vendorRating: null }), quote(3, { vendorRating: 3.1 })],
      [3, 2, 1],
    ],
    [
      'unrated equals 3.0, then earlier submission',
      [quote(1, { vendorRating: 3, submittedAt: new Date(T0 + 60_000) }), quote(2, { vendorRating: null })],
      [2, 1],
    ],
    [
      'tie on rating: earlier submission',
      [quote(1, { submittedAt: new Date(T0 + 1000) }), quote(2, { submittedAt: new Date(T0) })],
      [2, 1],
    ],
    ['full tie: lower quote id', [quote(9), quote(4), quote(7)], [4, 7, 9]],
    [
      'every key in play',
      [
        quote(1, { total: 2_000_000 }),
        quote(2, { deliveryDays: 4 }),
        quote(3, { ring: 'kecamatan' }),
        quote(4, { vendorRating: 3 }),
        quote(5, { submittedAt: new Date(T0 + 1) }),
        quote(6),
        quote(7, { total: 900_000, deliveryDays: 14, ring: 'kabupaten', vendorRating: null }),
      ],
      [7, 6, 5, 4, 3, 2, 1],
    ],
  ])('%s', (_label, quotes, expected) => {
    expect(ids(rankQuotes(quotes))).toEqual(expected);
  });

  it('does not depend on the input order', () => {
    const quotes = [
      quote(1, { total: 5 }),
      quote(2, { total: 5, deliveryDays: 1 }),
      quote(3, { total: 4 }),
      quote(4),
    ];
    const expected = ids(rankQuotes(quotes));
    expect(ids(rankQuotes([...quotes].reverse()))).toEqual(expected);
    expect(ids(rankQuotes([quotes[2]!, quotes[0]!, quotes[3]!, quotes[1]!]))).toEqual(expected);
  });

  it('returns a copy and keeps extra fields', () => {
    const quotes = [
      { ...quote(1, { total: 9 }), vendorName: 'Toko A' },
      { ...quote(2, { total: 3 }), vendorName: 'Toko B' },
    ];
    const ranked = rankQuotes(quotes);
    expect(ranked).not.toBe(quotes);
    expect(ids(quotes)).toEqual([1, 2]);
    expect(ranked[0]?.vendorName).toBe('Toko B');
  });
});

describe('isLowest', () => {
  const ranked = rankQuotes([
    quote(1, { total: 950_000, deliveryDays: 7 }),
    quote(2, { total: 950_000, deliveryDays: 2 }),
    quote(3, { total: 1_100_000 }),
  ]);

  it.each<[string, readonly RankableQuote[], number, boolean]>([
    ['the first ranked', ranked, 2, true],
    ['tied at the lowest total, ranked second', ranked, 1, true],
    ['more expensive', ranked, 3, false],
    ['an unknown id', ranked, 99, false],
    ['an empty list', [], 1, false],
    ['a single quote', [quote(5)], 5, true],
    ['an unsorted list', [quote(1, { total: 10 }), quote(2, { total: 8 })], 2, true],
    ['an unsorted list, not lowest', [quote(1, { total: 10 }), quote(2, { total: 8 })], 1, false],
  ])('%s', (_label, list, id, expected) => {
    expect(isLowest(list, id)).toBe(expected);
  });
});

describe('rankVendors', () => {
  it.each<[string, RankableVendor[], number[]]>([
    ['empty', [], []],
    [
      'ring first',
      [vendor(1, { ring: 'kabupaten' }), vendor(2, { ring: 'desa' }), vendor(3, { ring: 'kecamatan' })],
      [2, 3, 1],
    ],
    [
      'ring beats verification and rating',
      [
        vendor(1, { ring: 'kecamatan', ratingAvg: 5 }),
        vendor(2, { ring: 'desa', verified: false, ratingAvg: 1 }),
      ],
      [2, 1],
    ],
    [
      'same ring: verified first',
      [vendor(1, { verified: false, ratingAvg: 5 }), vendor(2, { ratingAvg: 2 })],
      [2, 1],
    ],
    [
      'same verification: higher rating',
      [vendor(1, { ratingAvg: 3.9 }), vendor(2, { ratingAvg: 4.1 })],
      [2, 1],
    ],
    [
      'unrated counts as 3.0',
      [vendor(1, { ratingAvg: 2.5 }), vendor(2, { ratingAvg: null }), vendor(3, { ratingAvg: 3.5 })],
      [3, 2, 1],
    ],
    [
      'unrated and 3.0 tie, then response rate',
      [vendor(1, { ratingAvg: 3, responseRate: 0.4 }), vendor(2, { ratingAvg: null, responseRate: 0.9 })],
      [2, 1],
    ],
    [
      'same rating: higher response rate',
      [vendor(1, { responseRate: 0.2 }), vendor(2, { responseRate: 0.7 })],
      [2, 1],
    ],
    [
      'unknown response rate counts as 0.5',
      [
        vendor(1, { responseRate: 0.49 }),
        vendor(2, { responseRate: null }),
        vendor(3, { responseRate: 0.51 }),
      ],
      [3, 2, 1],
    ],
    [
      'null response and 0.5 tie, then vendor id',
      [vendor(8, { responseRate: null }), vendor(3, { responseRate: 0.5 })],
      [3, 8],
    ],
    ['full tie: lower vendor id', [vendor(30), vendor(10), vendor(20)], [10, 20, 30]],
    [
      'a mixed field',
      [
        vendor(1, { ring: 'kabupaten', verified: true, ratingAvg: 5 }),
        vendor(2, { ring: 'kecamatan', verified: false, ratingAvg: 5 }),
        vendor(3, { ring: 'kecamatan', verified: true, ratingAvg: null, responseRate: null }),
        vendor(4, { ring: 'desa', verified: false, ratingAvg: null }),
        vendor(5, { ring: 'desa', verified: false, ratingAvg: 4.5 }),
        vendor(6, { ring: 'kecamatan', verified: true, ratingAvg: 4 }),
      ],
      [5, 4, 6, 3, 2, 1],
    ],
  ])('%s', (_label, vendors, expected) => {
    expect(ids(rankVendors(vendors))).toEqual(expected);
  });

  it.each<Ring[]>([
    ['desa', 'kecamatan', 'kabupaten'],
    ['kabupaten', 'kecamatan', 'desa'],
    ['kecamatan', 'kabupaten', 'desa'],
  ])('orders rings %s, %s, %s as desa, kecamatan, kabupaten', (...rings) => {
    const ranked = rankVendors(rings.map((ring, i) => vendor(i + 1, { ring })));
    expect(ranked.map((v) => v.ring)).toEqual(['desa', 'kecamatan', 'kabupaten']);
  });

  it('returns a copy and keeps extra fields', () => {
    const vendors = [
      { ...vendor(2), name: 'B' },
      { ...vendor(1), name: 'A' },
    ];
    const ranked = rankVendors(vendors);
    expect(ranked).not.toBe(vendors);
    expect(ids(vendors)).toEqual([2, 1]);
    expect(ranked.map((v) => v.name)).toEqual(['A', 'B']);
  });
});
