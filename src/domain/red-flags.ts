/**
 * The classic red flags of village procurement, shown to the regency admin: purchases split to
 * stay under the direct-purchase threshold, one vendor winning most of a desa's orders, and
 * quotes that sit suspiciously close together. They are prompts to look, not verdicts.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SplitCandidate {
  id: number;
  villageCode: string;
  categoryId: number;
  hps: number;
  createdAt: Date;
}

export interface SplitGroup {
  villageCode: string;
  categoryId: number;
  needIds: number[];
  total: number;
  from: Date;
  to: Date;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Needs of one desa and category, each small enough for a direct purchase (≤ the threshold, as
 * in `procurementMethod`) but together above it, within `windowDays` of each other. Flagged
 * windows that share a need are merged into one group, so a chain of splits is one alert (and
 * may then span more than the window).
 */
export function splitPurchases(
  needs: readonly SplitCandidate[],
  thresholds: { directPurchaseMax: number },
  windowDays = 30,
): SplitGroup[] {
  if (!(windowDays > 0)) throw new RangeError(`windowDays must be positive, got ${windowDays}`);
  const max = thresholds.directPurchaseMax;
  const windowMs = windowDays * DAY_MS;
  const small = needs.filter((n) => n.hps <= max);
  const result: SplitGroup[] = [];
  for (const rows of groupBy(small, (n) => `${n.villageCode}\u0000${n.categoryId}`).values()) {
    rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
    const at = rows.map((r) => r.createdAt.getTime());
    const prefix = [0];
    for (const r of rows) prefix.push(prefix[prefix.length - 1]! + r.hps);
    // Flagged windows [start, end] as they merge; a window starting inside the open group extends it.
    const merged: Array<[number, number]> = [];
    let end = 0;
    for (let start = 0; start < rows.length; start++) {
      end = Math.max(end, start);
      while (end + 1 < rows.length && at[end + 1]! - at[start]! <= windowMs) end++;
      if (end === start || prefix[end + 1]! - prefix[start]! <= max) continue;
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) last[1] = end;
      else merged.push([start, end]);
    }
    for (const [from, to] of merged) result.push(toGroup(rows.slice(from, to + 1)));
  }
  return result.sort(
    (a, b) =>
      a.villageCode.localeCompare(b.villageCode) ||
      a.categoryId - b.categoryId ||
      a.from.getTime() - b.from.getTime(),
  );
}

function toGroup(rows: readonly SplitCandidate[]): SplitGroup {
  const first = rows[0]!;
  return {
    villageCode: first.villageCode,
    categoryId: first.categoryId,
    needIds: rows.map((r) => r.id),
    total: rows.reduce((s, r) => s + r.hps, 0),
    from: first.createdAt,
    to: rows[rows.length - 1]!.createdAt,
  };
}

export interface WonOrder {
  villageCode: string;
  vendorId: number;
  createdAt: Date;
}

export interface RepeatWinner {
  villageCode: string;
  vendorId: number;
  wins: number;
  villageOrders: number;
  share: number;
  firstAt: Date;
  lastAt: Date;
}

/**
 * (desa, vendor) pairs where the vendor holds at least `minShare` of the desa's orders. A desa
 * with fewer than `minOrders` orders is skipped: one vendor winning 2 of 2 says nothing yet.
 */
export function repeatWinner(orders: readonly WonOrder[], minShare = 0.6, minOrders = 4): RepeatWinner[] {
  if (!(minShare > 0 && minShare <= 1)) throw new RangeError(`minShare must be in (0, 1], got ${minShare}`);
  if (!Number.isInteger(minOrders) || minOrders < 1) {
    throw new RangeError(`minOrders must be a whole number ≥ 1, got ${minOrders}`);
  }
  const result: RepeatWinner[] = [];
  for (const [villageCode, rows] of groupBy(orders, (o) => o.villageCode)) {
    if (rows.length < minOrders) continue;
    for (const [, won] of groupBy(rows, (o) => String(o.vendorId))) {
      const share = won.length / rows.length;
      if (share < minShare) continue;
      const times = won.map((o) => o.createdAt.getTime());
      result.push({
        villageCode,
        vendorId: won[0]!.vendorId,
        wins: won.length,
        villageOrders: rows.length,
        share,
        firstAt: new Date(Math.min(...times)),
        lastAt: new Date(Math.max(...times)),
      });
    }
  }
  return result.sort(
    (a, b) => b.share - a.share || a.villageCode.localeCompare(b.villageCode) || a.vendorId - b.vendorId,
  );
}

/** Relative slack so that a quote exactly on the ±spread edge counts despite float rounding. */
const EPSILON = 1e-9;

/**
 * Three or more quotes all within ±maxSpread of their median: independent vendors rarely price
 * that closely, colluding ones (or one vendor under several names) often do.
 */
export function clusteredQuotes(totals: readonly number[], maxSpread = 0.02): boolean {
  if (!(maxSpread >= 0) || !Number.isFinite(maxSpread)) {
    throw new RangeError(`maxSpread must be a finite number ≥ 0, got ${maxSpread}`);
  }
  if (totals.length < 3) return false;
  const sorted = [...totals].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  if (!(median > 0)) return false;
  const limit = median * (maxSpread + EPSILON);
  return sorted.every((t) => Math.abs(t - median) <= limit);
}

/**
 * A quote below 1 % of the desa's own estimate (HPS) is almost always a slip — "2" typed for
 * "2 juta", or a missing zero — not a price. The chat asks again rather than seal it.
 */
export const IMPLAUSIBLE_QUOTE_SHARE = 0.01;

export function isImplausiblyLowQuote(total: number, hps: number): boolean {
  return hps > 0 && total < hps * IMPLAUSIBLE_QUOTE_SHARE;
}

/**
 * No village procurement is worth less than Rp10.000: an HPS below it is a slip ("25" typed for
 * "25 juta"). The chat asks which was meant instead of letting it pick pembelian langsung.
 */
export const IMPLAUSIBLE_HPS_BELOW = 10_000;

/** What a too-small HPS most likely meant: juta for a number under a thousand, ribu otherwise. */
export function likelyHps(typed: number): number | null {
  if (typed >= IMPLAUSIBLE_HPS_BELOW) return null;
  return typed < 1000 ? typed * 1_000_000 : typed * 1000;
}
