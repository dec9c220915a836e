import { quoteTransition } from '../domain/lifecycle.js';
import { decide } from '../domain/policy.js';
import * as needs from '../store/needs.js';
import * as quotes from '../store/quotes.js';
import { findVendorByUser } from '../store/registry.js';
import { audit, fail, isFail, rulesOf, type UseCaseContext } from './use-case.js';

export interface QuoteInput {
  total: number;
  deliveryDays: number;
  note: string | null;
  items: Array<{ needItemId: number; unitPrice: number; lineTotal: number }>;
}

/** What an invited vendor may see of a need: everything but other vendors' prices. */
export async function tenderForVendor(ctx: UseCaseContext, userId: number, needId: number) {
  const vendor = await findVendorByUser(ctx.trx, userId);
  if (!vendor) return fail('not_vendor');
  // A rejected registration may not see or quote on tenders (policy: vendor_rejected).
  const may = decide(
    { status: 'active', officer: null, vendor: { verification: vendor.verification } },
    'quote',
  );
  if (!may.allowed) return fail('not_vendor');
  const need = await needs.getNeed(ctx.trx, needId);
  if (!need) return fail('not_found');
  const inv = await needs.invitation(ctx.trx, needId, vendor.id);
  if (!inv) return fail('not_invited');
  const items = await needs.needItems(ctx.trx, needId);
  const mine = await quotes.activeQuote(ctx.trx, needId, vendor.id);
  const village = await needs.villageName(ctx.trx, need.villageCode);
  const { timeZone } = await rulesOf(ctx, need.regencyCode);
  const open = need.status === 'published' && need.quoteDeadline > ctx.now;
  // After the deadline the vendor sees where its quote stands (waiting, chosen, not chosen).
  const outcome = open ? null : await quoteOutcome(ctx, needId, vendor.id, need.status);
  return { need, items, mine, vendor, open, village, timeZone, outcome, declined: inv.status === 'declined' };
}

export type QuoteOutcome = 'none' | 'withdrawn' | 'waiting' | 'won' | 'lost' | 'ended';

/** Where a vendor's quote stands once a need no longer takes quotes. */
async function quoteOutcome(
  ctx: UseCaseContext,
  needId: number,
  vendorId: number,
  needStatus: string,
): Promise<{ kind: QuoteOutcome; total: number | null }> {
  const q = await quotes.latestQuote(ctx.trx, needId, vendorId);
  if (!q) return { kind: 'none', total: null };
  const total = q.total;
  if (q.status === 'withdrawn') return { kind: 'withdrawn', total };
  if (q.status === 'awarded') return { kind: 'won', total };
  if (q.status === 'rejected') return { kind: 'lost', total };
  // Active: still in the running until an order is accepted, unless the need ended without one.
  if (needStatus === 'unsuccessful' || needStatus === 'cancelled') return { kind: 'ended', total };
  return { kind: 'waiting', total };
}

export async function markViewed(ctx: UseCaseContext, userId: number, needId: number) {
  const vendor = await findVendorByUser(ctx.trx, userId);
  if (vendor) await needs.markInvitationViewed(ctx.trx, needId, vendor.id);
}

export async function declineInvitation(ctx: UseCaseContext, userId: number, needId: number) {
  const vendor = await findVendorByUser(ctx.trx, userId);
  if (!vendor) return fail('not_vendor');
  await needs.setInvitationStatus(ctx.trx, needId, vendor.id, 'declined', ctx.now);
  return { ok: true as const };
}

/** A vendor who said "Tidak berminat" changes its mind: the need is in its lists again. */
export async function reconsiderInvitation(ctx: UseCaseContext, userId: number, needId: number) {
  const vendor = await findVendorByUser(ctx.trx, userId);
  if (!vendor) return fail('not_vendor');
  await needs.setInvitationStatus(ctx.trx, needId, vendor.id, 'viewed', ctx.now);
  return { ok: true as const };
}

/** A sealed quote, or its revision; the officer learns of a first quote (never its price). */
export async function submitQuote(ctx: UseCaseContext, userId: number, needId: number, q: QuoteInput) {
  const t = await tenderForVendor(ctx, userId, needId);
  if (isFail(t)) return t;
  // The need row is locked so a quote and the deadline job cannot pass each other.
  const need = await needs.getNeed(ctx.trx, needId, { lock: true });
  if (need?.status !== 'published' || need.quoteDeadline <= ctx.now) return fail('closed');
  // Guarded like every state change: a first quote is a submit, a later one a revision.
  const current = await quotes.activeQuote(ctx.trx, needId, t.vendor.id);
  if (!quoteTransition(current ? 'active' : 'none', current ? 'revise' : 'submit').ok)
    return fail('wrong_state');
  const saved = await quotes.submitQuote(ctx.trx, { needId, vendorId: t.vendor.id, ...q }, ctx.now);
  await audit(ctx, {
    actorId: userId,
    action: saved.revision > 1 ? 'quote.revised' : 'quote.submitted',
    entityType: 'quote',
    entityId: saved.id,
    regency: need.regencyCode,
    data: { need: need.number, revision: saved.revision },
  });
  if (saved.revision === 1) {
    ctx.effects.events.push({
      kind: 'quote_received',
      to: await needs.officerUserId(ctx.trx, need.officerId),
      needId,
      quoteId: saved.id,
      needNumber: String(need.number),
      count: await quotes.activeQuoteCount(ctx.trx, needId),
      deadline: need.quoteDeadline,
      timeZone: t.timeZone,
    });
  }
  return { ...saved, deadline: need.quoteDeadline, number: need.number, timeZone: t.timeZone };
}

export async function withdrawQuote(ctx: UseCaseContext, userId: number, needId: number) {
  const vendor = await findVendorByUser(ctx.trx, userId);
  if (!vendor) return fail('not_vendor');
  const need = await needs.getNeed(ctx.trx, needId, { lock: true });
  if (need?.status !== 'published' || need.quoteDeadline <= ctx.now) return fail('closed');
  const current = await quotes.activeQuote(ctx.trx, needId, vendor.id);
  if (!current || !quoteTransition('active', 'withdraw').ok) return fail('wrong_state');
  const id = await quotes.withdrawQuote(ctx.trx, needId, vendor.id, ctx.now);
  if (id === null) return fail('wrong_state');
  await audit(ctx, {
    actorId: userId,
    action: 'quote.withdrawn',
    entityType: 'quote',
    entityId: id,
    regency: need.regencyCode,
    data: { need: need.number },
  });
  return { ok: true as const };
}
