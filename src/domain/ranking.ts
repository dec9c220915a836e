/**
 * Orders in which quotes are shown to the officer and vendors are invited. Both are total orders
 * (the last key is an id or a time), so the same data always ranks the same way, whichever order
 * the database returned the rows in.
 */

// Same values as the CHECK constraints on needs.ring and invitations.ring.
export type Ring = 'desa' | 'kecamatan' | 'kabupaten';

/** Local empowerment: the same desa first, then the kecamatan, then the kabupaten. */
export const RING_ORDER: Readonly<Record<Ring, number>> = { desa: 0, kecamatan: 1, kabupaten: 2 };

/** A vendor nobody has rated yet sits in the middle of the 1–5 scale, neither helped nor hurt. */
export const NEUTRAL_RATING = 3;
/** Likewise a vendor never invited before: an even chance of answering. */
export const NEUTRAL_RESPONSE_RATE = 0.5;

export interface RankableQuote {
  quoteId: number;
  total: number;
  deliveryDays: number;
  vendorRating: number | null;
  ring: Ring;
  submittedAt: Date;
}

export interface RankableVendor {
  vendorId: number;
  ring: Ring;
  verified: boolean;
  ratingAvg: number | null;
  responseRate: number | null;
}

function compareQuotes(a: RankableQuote, b: RankableQuote): number {
  return (
    a.total - b.total ||
    a.deliveryDays - b.deliveryDays ||
    RING_ORDER[a.ring] - RING_ORDER[b.ring] ||
    (b.vendorRating ?? NEUTRAL_RATING) - (a.vendorRating ?? NEUTRAL_RATING) ||
    a.submittedAt.getTime() - b.submittedAt.getTime() ||
    a.quoteId - b.quoteId
  );
}

/**
 * Cheapest first; among equal totals the faster delivery, the closer vendor, the better rated,
 * then whoever quoted first. Returns a sorted copy; extra fields of the rows are kept.
 */
export function rankQuotes<T extends RankableQuote>(quotes: readonly T[]): T[] {
  return [...quotes].sort(compareQuotes);
}

/**
 * Whether choosing this quote needs no justification: it has the lowest total. Quotes tied at
 * the lowest total all count as lowest, since none of them is cheaper. Unknown ids are not.
 */
export function isLowest(ranked: readonly RankableQuote[], quoteId: number): boolean {
  const quote = ranked.find((q) => q.quoteId === quoteId);
  if (!quote) return false;
  return ranked.every((q) => q.total >= quote.total);
}

function compareVendors(a: RankableVendor, b: RankableVendor): number {
  return (
    RING_ORDER[a.ring] - RING_ORDER[b.ring] ||
    Number(b.verified) - Number(a.verified) ||
    (b.ratingAvg ?? NEUTRAL_RATING) - (a.ratingAvg ?? NEUTRAL_RATING) ||
    (b.responseRate ?? NEUTRAL_RESPONSE_RATE) - (a.responseRate ?? NEUTRAL_RESPONSE_RATE) ||
    a.vendorId - b.vendorId
  );
}

/** Closest ring first, then verified vendors, rating, response rate, and the id to settle ties. */
export function rankVendors<T extends RankableVendor>(candidates: readonly T[]): T[] {
  return [...candidates].sort(compareVendors);
}
