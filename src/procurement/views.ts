import * as needs from '../store/needs.js';
import { currentOrderOfNeed } from '../store/orders.js';
import * as quotes from '../store/quotes.js';
import { findOfficerByUser } from '../store/registry.js';
import { fail, rulesOf, type UseCaseContext } from './use-case.js';

/**
 * One of the officer's needs as its screen shows it: its state, how many quotes came (never a
 * price before the deadline), and the order it stands on once awarded.
 */
export async function needOverview(ctx: UseCaseContext, userId: number, needId: number) {
  const officer = await findOfficerByUser(ctx.trx, userId);
  const need = await needs.getNeed(ctx.trx, needId);
  if (!need) return fail('not_found');
  if (!officer || need.officerId !== officer.id) return fail('not_yours');
  const [count, order, rules] = await Promise.all([
    quotes.activeQuoteCount(ctx.trx, needId),
    currentOrderOfNeed(ctx.trx, needId),
    rulesOf(ctx, need.regencyCode),
  ]);
  return { need, quotes: count, order: order ?? null, timeZone: rules.timeZone };
}
