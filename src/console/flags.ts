import type { Kysely } from 'kysely';
import { clusteredQuotes, repeatWinner, splitPurchases } from '../domain/red-flags.js';
import {
  namesForFlags,
  ordersForWinners,
  recentNeedsForSplits,
  unsealedTotals,
} from '../store/console-flags.js';
import type { Scope } from '../store/console-scope.js';
import type { Database } from '../store/schema.js';

export interface RedFlags {
  splits: Array<{
    desa: string;
    needs: Array<{ id: number; number: string }>;
    total: number;
    threshold: number;
  }>;
  winners: Array<{ desa: string; vendor: string; wins: number; orders: number; share: number }>;
  clustered: Array<{ id: number; number: string; totals: number[] }>;
}

/** The red flags of the last 90 days (splits, close quotes) and year (repeat winners). */
export async function redFlags(db: Kysely<Database>, scope: Scope, now: Date): Promise<RedFlags> {
  const day = 86_400_000;
  const [needs, orders, totals] = await Promise.all([
    recentNeedsForSplits(db, scope, new Date(now.getTime() - 90 * day)),
    ordersForWinners(db, scope, new Date(now.getTime() - 365 * day)),
    unsealedTotals(db, scope, new Date(now.getTime() - 90 * day), now),
  ]);
  // Thresholds differ per regency: split the candidates by their regency's limit.
  const byLimit = new Map<number, typeof needs>();
  for (const n of needs)
    byLimit.set(n.direct_purchase_max, [...(byLimit.get(n.direct_purchase_max) ?? []), n]);
  const groups = [...byLimit].flatMap(([limit, rows]) =>
    splitPurchases(
      rows.map((r) => ({
        id: r.id,
        villageCode: r.village_code,
        categoryId: r.category_id,
        hps: r.hps,
        createdAt: r.created_at,
      })),
      { directPurchaseMax: limit },
    ).map((g) => ({ ...g, limit })),
  );
  const winners = repeatWinner(
    orders.map((o) => ({ villageCode: o.village_code, vendorId: o.vendor_id, createdAt: o.created_at })),
  );
  const names = await namesForFlags(
    db,
    [...new Set([...groups.map((g) => g.villageCode), ...winners.map((w) => w.villageCode)])],
    winners.map((w) => w.vendorId),
  );
  const numberOf = new Map(needs.map((n) => [n.id, n.number ?? `#${n.id}`]));
  return {
    splits: groups.map((g) => ({
      desa: names.village.get(g.villageCode) ?? g.villageCode,
      needs: g.needIds.map((id) => ({ id, number: numberOf.get(id) ?? `#${id}` })),
      total: g.total,
      threshold: g.limit,
    })),
    winners: winners.map((w) => ({
      desa: names.village.get(w.villageCode) ?? w.villageCode,
      vendor: names.vendor.get(w.vendorId) ?? String(w.vendorId),
      wins: w.wins,
      orders: w.villageOrders,
      share: w.share,
    })),
    clustered: totals
      .filter((r) => clusteredQuotes(r.totals.map(Number)))
      .map((r) => ({ id: r.id, number: r.number ?? `#${r.id}`, totals: r.totals.map(Number) })),
  };
}
