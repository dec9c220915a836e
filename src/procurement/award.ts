import { needTransition } from '../domain/lifecycle.js';
import { documentYear, orderNumber } from '../domain/numbers.js';
import { isLowest, type RankableQuote, type Ring, rankQuotes } from '../domain/ranking.js';
import { rupiahInWords } from '../domain/terbilang.js';
import * as needs from '../store/needs.js';
import { insertOrder } from '../store/orders.js';
import * as quotes from '../store/quotes.js';
import { findOfficerByUser, type OfficerProfile } from '../store/registry.js';
import { invitedVendors, needBrief } from './invitees.js';
import { needTimers } from './scheduler.js';
import { audit, type Fail, fail, isFail, rulesOf, type UseCaseContext } from './use-case.js';

type QuoteRow = Awaited<ReturnType<typeof quotes.unsealedQuotes>>[number];
export type RankedQuote = QuoteRow & RankableQuote;

/**
 * Quotes as the store reads them, ranked by the procurement rules: the one ordering the officer
 * sees in chat and the bureau sees on a need's page.
 */
export function rankQuoteRows(rows: readonly QuoteRow[]): RankedQuote[] {
  return rankQuotes(
    rows.map((r) => ({
      ...r,
      quoteId: r.id,
      deliveryDays: r.delivery_days,
      vendorRating: r.rating_count > 0 ? r.rating_sum / r.rating_count : null,
      ring: r.ring ?? 'kabupaten',
      submittedAt: r.submitted_at,
    })),
  );
}

/** The need, locked, when this user is the officer who posted it. */
async function ownNeed(
  ctx: UseCaseContext,
  userId: number,
  needId: number,
): Promise<Fail | { need: needs.NeedRow; officer: OfficerProfile }> {
  const officer = await findOfficerByUser(ctx.trx, userId);
  const need = await needs.getNeed(ctx.trx, needId, { lock: true });
  if (!need) return fail('not_found');
  if (!officer || need.officerId !== officer.id) return fail('not_yours');
  return { need, officer };
}

/** The ranked quotes, for the officer who owns the need, once the deadline has passed. */
export async function rankedQuotes(
  ctx: UseCaseContext,
  userId: number,
  needId: number,
): Promise<Fail | { need: needs.NeedRow; ranked: RankedQuote[]; received: number }> {
  const own = await ownNeed(ctx, userId, needId);
  if (isFail(own)) return own;
  if (own.need.quoteDeadline > ctx.now) return fail('wrong_state');
  const all = await quotes.unsealedQuotes(ctx.trx, needId, ctx.now);
  // Quotes still open to choose (a declined order's quote is out); the minimum counts every
  // quote received.
  const ranked = rankQuoteRows(all.filter((q) => q.status === 'active'));
  return { need: own.need, ranked, received: all.length };
}

/** The officer's choice: an order to the chosen vendor (a reason when it is not the lowest). */
export async function award(
  ctx: UseCaseContext,
  userId: number,
  needId: number,
  quoteId: number,
  opts: { reason: string | null; finalAmount: number | null },
) {
  const r = await rankedQuotes(ctx, userId, needId);
  if (isFail(r)) return r;
  const step = needTransition(r.need.status, 'award');
  if (!step.ok) return fail('wrong_state');
  const chosen = r.ranked.find((q) => q.quoteId === quoteId);
  if (!chosen) return fail('not_found');
  const lowest = isLowest(r.ranked, quoteId);
  if (!lowest && !opts.reason) return fail('reason_required');
  const amount = opts.finalAmount ?? chosen.total;
  const regency = r.need.regencyCode;
  const year = documentYear(ctx.now, (await rulesOf(ctx, regency)).timeZone);
  const number = orderNumber(regency, year, await needs.nextNumber(ctx.trx, `order:${regency}`, year));
  const amountWords = rupiahInWords(amount);
  const orderId = await insertOrder(
    ctx.trx,
    {
      number,
      needId,
      quoteId,
      vendorId: chosen.vendor_id,
      amount,
      offeredAmount: chosen.total,
      amountWords,
      awardReason: opts.reason,
    },
    ctx.now,
  );
  // The other quotes stay active until the winner accepts: if the order is declined, the
  // officer picks the next one from them.
  await quotes.setQuoteStatus(ctx.trx, [quoteId], 'awarded');
  await needs.setNeedStatus(ctx.trx, needId, step.to, ctx.now);
  await audit(ctx, {
    actorId: userId,
    action: 'need.awarded',
    entityType: 'need',
    entityId: needId,
    regency,
    data: { order: number, quote: quoteId, amount, offered: chosen.total, lowest, reason: opts.reason },
  });
  ctx.effects.events.push({
    kind: 'order_awarded',
    to: chosen.user_id,
    orderId,
    orderNumber: number,
    needNumber: String(r.need.number),
    title: r.need.title,
    amount,
    amountWords,
    items: await needs.needItems(ctx.trx, needId),
    documentUrl: ctx.services.documentUrl?.(number) ?? null,
  });
  return { orderId, number, amount, winner: chosen.business_name };
}

/** A new deadline (and, to widen, the next ring of vendors) when too few quotes came. */
export async function extendDeadline(
  ctx: UseCaseContext,
  userId: number,
  needId: number,
  deadline: Date,
  widen: boolean,
) {
  const own = await ownNeed(ctx, userId, needId);
  if (isFail(own)) return own;
  const step = needTransition(own.need.status, 'extend');
  if (!step.ok) return fail('wrong_state');
  await needs.extendDeadline(ctx.trx, needId, deadline, ctx.now);
  const rules = await rulesOf(ctx, own.need.regencyCode);
  // Those already invited learn the new deadline (a widened need alerts the new ring by matching).
  ctx.effects.events.push({
    kind: 'deadline_extended',
    need: { ...needBrief(own.need, rules.timeZone), quoteDeadline: deadline },
    vendors: await invitedVendors(ctx.trx, needId, ctx.now, rules.timeZone),
  });
  if (widen) {
    const next: Ring = own.need.ring === 'desa' ? 'kecamatan' : 'kabupaten';
    await needs.setRing(ctx.trx, needId, next);
    const round = await needs.extendedCount(ctx.trx, needId);
    ctx.effects.jobs.push({ kind: 'match', needId, round });
  }
  for (const timer of needTimers(needId, deadline, rules.reminderMinutesBefore, ctx.now))
    ctx.effects.jobs.push({ kind: 'timer', timer });
  await audit(ctx, {
    actorId: userId,
    action: widen ? 'need.widened' : 'need.extended',
    entityType: 'need',
    entityId: needId,
    regency: own.need.regencyCode,
    data: { deadline: deadline.toISOString() },
  });
  return { ok: true as const };
}

export async function declareUnsuccessful(ctx: UseCaseContext, userId: number, needId: number) {
  const own = await ownNeed(ctx, userId, needId);
  if (isFail(own)) return own;
  const step = needTransition(own.need.status, 'declare_unsuccessful');
  if (!step.ok) return fail('wrong_state');
  await needs.setNeedStatus(ctx.trx, needId, step.to, ctx.now, { status_reason: 'too_few_quotes' });
  await audit(ctx, {
    actorId: userId,
    action: 'need.unsuccessful',
    entityType: 'need',
    entityId: needId,
    regency: own.need.regencyCode,
  });
  return { ok: true as const };
}
