import { describe, expect, it } from 'vitest';
import {
  clusteredQuotes,
  isImplausiblyLowQuote,
  repeatWinner,
  type SplitCandidate,
  type SplitGroup,
  splitPurchases,
  type WonOrder,
} from '../../../src/domain/red-flags.js';

const JT = 1_000_000;
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 5, 2, 0);
const THRESHOLDS = { directPurchaseMax: 10 * JT };

const V1 = '32.14.01.2001';
const V2 = '32.14.01.2002';
const ATK = 2;
const SEMEN = 1;

function need(id: number, day: number, hps: number, over: Partial<SplitCandidate> = {}): SplitCandidate {
  return { id, villageCode: V1, categoryId: SEMEN, hps, createdAt: new Date(T0 + day * DAY), ...over };
}

/** The expected groups, by need ids and total; dates are checked separately. */
function summary(groups: SplitGroup[]): Array<[string, number, number[], number]> {
  return groups.map((g) => [g.villageCode, g.categoryId, g.needIds, g.total]);
}

describe('splitPurchases', () => {
  it.each<[string, SplitCandidate[], Array<[string, number, number[], number]>]>([
    ['no needs', [], []],
    ['a single need', [need(1, 0, 9 * JT)], []],
    [
      'two halves of 12 jt, ten days apart',
      [need(1, 0, 6 * JT), need(2, 10, 6 * JT)],
      [[V1, SEMEN, [1, 2], 12 * JT]],
    ],
    ['two that sum to exactly the threshold', [need(1, 0, 5 * JT), need(2, 3, 5 * JT)], []],
    [
      'one rupiah above the threshold',
      [need(1, 0, 5 * JT), need(2, 3, 5 * JT + 1)],
      [[V1, SEMEN, [1, 2], 10 * JT + 1]],
    ],
    ['small ones that stay small', [need(1, 0, 2 * JT), need(2, 1, 3 * JT), need(3, 2, 1 * JT)], []],
    [
      'three small pieces',
      [need(1, 0, 4 * JT), need(2, 2, 4 * JT), need(3, 4, 4 * JT)],
      [[V1, SEMEN, [1, 2, 3], 12 * JT]],
    ],
    [
      'a need at exactly the threshold still counts',
      [need(1, 0, 10 * JT), need(2, 1, 1 * JT)],
      [[V1, SEMEN, [1, 2], 11 * JT]],
    ],
    [
      'a need above the threshold is a proper RFQ, not a piece',
      [need(1, 0, 12 * JT), need(2, 1, 3 * JT)],
      [],
    ],
    ['different categories', [need(1, 0, 6 * JT), need(2, 1, 6 * JT, { categoryId: ATK })], []],
    ['different villages', [need(1, 0, 6 * JT), need(2, 1, 6 * JT, { villageCode: V2 })], []],
    ['exactly 30 days apart', [need(1, 0, 6 * JT), need(2, 30, 6 * JT)], [[V1, SEMEN, [1, 2], 12 * JT]]],
    ['30 days and a minute apart', [need(1, 0, 6 * JT), need(2, 30 + 1 / 1440, 6 * JT)], []],
    [
      'a chain of overlapping windows is one group',
      [need(1, 0, 6 * JT), need(2, 20, 6 * JT), need(3, 45, 6 * JT)],
      [[V1, SEMEN, [1, 2, 3], 18 * JT]],
    ],
    [
      'two separate bursts are two groups',
      [need(1, 0, 6 * JT), need(2, 5, 6 * JT), need(3, 100, 7 * JT), need(4, 105, 7 * JT)],
      [
        [V1, SEMEN, [1, 2], 12 * JT],
        [V1, SEMEN, [3, 4], 14 * JT],
      ],
    ],
    [
      'an early need that adds nothing is left out',
      [need(1, 0, 2 * JT), need(2, 40, 6 * JT), need(3, 50, 6 * JT)],
      [[V1, SEMEN, [2, 3], 12 * JT]],
    ],
    [
      'input order does not matter',
      [need(3, 9, 4 * JT), need(1, 0, 4 * JT), need(2, 4, 4 * JT)],
      [[V1, SEMEN, [1, 2, 3], 12 * JT]],
    ],
    [
      'several desa and categories, ordered by desa, category, date',
      [
        need(1, 0, 6 * JT, { villageCode: V2 }),
        need(2, 1, 6 * JT, { villageCode: V2 }),
        need(3, 0, 8 * JT, { categoryId: ATK }),
        need(4, 2, 8 * JT, { categoryId: ATK }),
        need(5, 3, 9 * JT),
        need(6, 4, 9 * JT),
        need(7, 5, 9 * JT, { villageCode: V2, categoryId: ATK }),
      ],
      [
        [V1, SEMEN, [5, 6], 18 * JT],
        [V1, ATK, [3, 4], 16 * JT],
        [V2, SEMEN, [1, 2], 12 * JT],
      ],
    ],
  ])('%s', (_label, needs, expected) => {
    expect(summary(splitPurchases(needs, THRESHOLDS))).toEqual(expected);
  });

  it.each<[string, number, SplitCandidate[], number[][]]>([
    ['a 7-day window, 10 days apart', 7, [need(1, 0, 6 * JT), need(2, 10, 6 * JT)], []],
    ['a 7-day window, 7 days apart', 7, [need(1, 0, 6 * JT), need(2, 7, 6 * JT)], [[1, 2]]],
    ['a 90-day window, 60 days apart', 90, [need(1, 0, 6 * JT), need(2, 60, 6 * JT)], [[1, 2]]],
  ])('%s', (_label, windowDays, needs, expected) => {
    expect(splitPurchases(needs, THRESHOLDS, windowDays).map((g) => g.needIds)).toEqual(expected);
  });

  it('reports the first and last date of a group', () => {
    const [group] = splitPurchases([need(1, 0, 6 * JT), need(2, 12, 6 * JT)], THRESHOLDS);
    expect(group?.from.toISOString()).toBe(new Date(T0).toISOString());
    expect(group?.to.toISOString()).toBe(new Date(T0 + 12 * DAY).toISOString());
  });

  it('uses the regency’s own threshold', () => {
    const needs = [need(1, 0, 3 * JT), need(2, 1, 3 * JT)];
    expect(splitPurchases(needs, { directPurchaseMax: 5 * JT })).toHaveLength(1);
    expect(splitPurchases(needs, THRESHOLDS)).toEqual([]);
  });

  it.each([0, -1, Number.NaN])('refuses a window of %d days', (days) => {
    expect(() => splitPurchases([], THRESHOLDS, days)).toThrow(RangeError);
  });
});

function orders(villageCode: string, ...vendorIds: number[]): WonOrder[] {
  return vendorIds.map((vendorId, i) => ({ villageCode, vendorId, createdAt: new Date(T0 + i * DAY) }));
}

type Flag = [string, number, number, number];

describe('repeatWinner', () => {
  it.each<[string, WonOrder[], number | undefined, number | undefined, Flag[]]>([
    ['no orders', [], undefined, undefined, []],
    ['too few orders to judge', orders(V1, 7, 7, 7), undefined, undefined, []],
    ['3 of 4', orders(V1, 7, 7, 8, 7), undefined, undefined, [[V1, 7, 3, 4]]],
    ['exactly 60 %', orders(V1, 7, 8, 7, 9, 7), undefined, undefined, [[V1, 7, 3, 5]]],
    ['just under 60 %', orders(V1, 7, 8, 7, 9, 7, 10, 11), undefined, undefined, []],
    ['a spread market', orders(V1, 1, 2, 3, 1, 2, 3), undefined, undefined, []],
    ['every order', orders(V1, 5, 5, 5, 5, 5), undefined, undefined, [[V1, 5, 5, 5]]],
    [
      'shares are per desa',
      [...orders(V1, 7, 7, 7, 7), ...orders(V2, 7, 1, 2, 3, 4)],
      undefined,
      undefined,
      [[V1, 7, 4, 4]],
    ],
    [
      'a lower share flags both halves',
      orders(V1, 4, 3, 4, 3),
      0.5,
      undefined,
      [
        [V1, 3, 2, 4],
        [V1, 4, 2, 4],
      ],
    ],
    ['a smaller sample when configured', orders(V1, 9, 9), undefined, 2, [[V1, 9, 2, 2]]],
    [
      'highest share first',
      [...orders(V2, 6, 6, 6, 1), ...orders(V1, 2, 2, 2, 2)],
      undefined,
      undefined,
      [
        [V1, 2, 4, 4],
        [V2, 6, 3, 4],
      ],
    ],
  ])('%s', (_label, list, minShare, minOrders, expected) => {
    const flags = repeatWinner(list, minShare, minOrders);
    expect(flags.map((f): Flag => [f.villageCode, f.vendorId, f.wins, f.villageOrders])).toEqual(expected);
    for (const f of flags) expect(f.share).toBeCloseTo(f.wins / f.villageOrders, 12);
  });

  it('reports when the run of wins started and last won', () => {
    const list = orders(V1, 7, 8, 7, 7);
    const [flag] = repeatWinner(list);
    expect(flag?.firstAt.toISOString()).toBe(new Date(T0).toISOString());
    expect(flag?.lastAt.toISOString()).toBe(new Date(T0 + 3 * DAY).toISOString());
  });

  it.each<[number, number]>([
    [0, 4],
    [-0.1, 4],
    [1.5, 4],
    [Number.NaN, 4],
    [0.6, 0],
    [0.6, 2.5],
  ])('refuses minShare %d with minOrders %d', (minShare, minOrders) => {
    expect(() => repeatWinner([], minShare, minOrders)).toThrow(RangeError);
  });
});

describe('clusteredQuotes', () => {
  it.each<[string, number[], number | undefined, boolean]>([
    ['no quotes', [], undefined, false],
    ['one quote', [1 * JT], undefined, false],
    ['two identical quotes are too few to say', [1 * JT, 1 * JT], undefined, false],
    ['three identical quotes', [1 * JT, 1 * JT, 1 * JT], undefined, true],
    ['within ±1 %', [1 * JT, 1_010_000, 990_000], undefined, true],
    ['exactly ±2 %', [1 * JT, 1_020_000, 980_000], undefined, true],
    ['exactly ±2 % of an awkward median', [1_500_000, 1_530_000, 1_470_000], undefined, true],
    ['one rupiah past +2 %', [1 * JT, 1_020_001, 980_000], undefined, false],
    ['one rupiah past −2 %', [1 * JT, 1_020_000, 979_999], undefined, false],
    ['an ordinary spread', [1 * JT, 1_200_000, 850_000], undefined, false],
    ['unsorted input', [1_010_000, 990_000, 1 * JT], undefined, true],
    ['an even count uses the middle pair', [100_000, 101_000, 102_000, 103_000], undefined, true],
    ['an even count, too wide', [100_000, 102_000, 104_000, 106_000], undefined, false],
    ['one honest outlier breaks the cluster', [1 * JT, 1 * JT, 1 * JT, 1_100_000], undefined, false],
    ['five close quotes', [2_000_000, 2_010_000, 1_995_000, 2_020_000, 1_990_000], undefined, true],
    ['a wider spread when configured', [100_000, 104_000, 96_000], 0.05, true],
    ['the same quotes at the default', [100_000, 104_000, 96_000], undefined, false],
    ['zero spread, identical', [5 * JT, 5 * JT, 5 * JT], 0, true],
    ['zero spread, one rupiah apart', [5 * JT, 5 * JT, 5 * JT + 1], 0, false],
  ])('%s', (_label, totals, maxSpread, expected) => {
    expect(clusteredQuotes(totals, maxSpread)).toBe(expected);
  });

  it.each([-0.01, Number.NaN, Number.POSITIVE_INFINITY])('refuses a spread of %d', (spread) => {
    expect(() => clusteredQuotes([1, 1, 1], spread)).toThrow(RangeError);
  });
});

describe('implausibly low quotes', () => {
  it('asks again below 1 % of the HPS, and takes anything from there up', () => {
    expect(isImplausiblyLowQuote(2, 15_000_000)).toBe(true);
    expect(isImplausiblyLowQuote(149_999, 15_000_000)).toBe(true);
    expect(isImplausiblyLowQuote(150_000, 15_000_000)).toBe(false);
    expect(isImplausiblyLowQuote(14_000_000, 15_000_000)).toBe(false);
    // Without an estimate there is nothing to compare with.
    expect(isImplausiblyLowQuote(2, 0)).toBe(false);
  });
});
