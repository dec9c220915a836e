import type { Transaction } from 'kysely';
import { regencyOf } from '../domain/area-codes.js';
import { needTransition, quoteTransition } from '../domain/lifecycle.js';
import { procurementMethod } from '../domain/method.js';
import { documentYear, needNumber, orderNumber } from '../domain/numbers.js';
import { decide, type Verification } from '../domain/policy.js';
import { isLowest, type RankableQuote, rankQuotes, rankVendors } from '../domain/ranking.js';
import { rupiahInWords } from '../domain/terbilang.js';
import { appendAudit } from '../store/audit.js';
import * as needs from '../store/needs.js';
import { insertOrder } from '../store/orders.js';
import * as quotes from '../store/quotes.js';
import { findOfficerByUser, findVendorByUser, type OfficerProfile } from '../store/registry.js';
import type { Database, Ring } from '../store/schema.js';
import type { Effects } from './effects.js';
import { itemLines, methodName, money, when } from './messages.js';
import { notifyUser, offerConversation } from './notify.js';
import { needTimers } from './scheduler.js';

export type NeedOpsError =
  | 'not_officer'
  | 'officer_pending'
  | 'not_vendor'
  | 'not_invited'
  | 'closed'
  | 'not_found'
  | 'not_yours'
  | 'reason_required'
  | 'wrong_state';

export interface PublishInput {
  /** Pembelian langsung only: the vendor the officer picked from the recommendations. */
  directVendorId?: number | null;
  title: string;
  categoryId: number;
  items: needs.NeedItemInput[];
  hps: number;
  deadline: Date;
  deliveryPlace: string;
  neededBy: Date;
}

export type Fail = { error: NeedOpsError };
export const isFail = (x: object): x is Fail => typeof (x as Partial<Fail>).error === 'string';
type QuoteRow = Awaited<ReturnType<typeof quotes.unsealedQuotes>>[number];
export type RankedQuote = QuoteRow & RankableQuote;

/**
 * The procurement use-cases a chat turn may run, bound to the turn's transaction and clock.
 * Every state change goes through the domain's transition function and writes the audit log.
 */
export interface NeedOpsServices {
  /** An absolute, signed link to an order's document, when documents are served. */
  documentUrl?(orderNumber: string): string;
}

/**
 * Quotes as the store reads them, ranked by the procurement rules: the one ordering the officer
 * sees in chat and the bureau sees on a need's page.
 */
export function rankQuoteRows(rows: Awaited<ReturnType<typeof quotes.unsealedQuotes>>) {
  return rankQuotes(
    rows.map((r) => ({
      ...r,
      quoteId: r.id,
      deliveryDays: r.delivery_days,
      vendorRating: r.rating_count > 0 ? r.rating_sum / r.rating_count : null,
      ring: (r.ring ?? 'kabupaten') as Ring,
      submittedAt: r.submitted_at,
    })),
  );
}

export function needOps(
  trx: Transaction<Database>,
  now: Date,
  effects: Effects,
  services: NeedOpsServices = {},
) {
  const audit = (actorId: number | null, action: string, entityId: number, regency: string, data = {}) =>
    appendAudit(
      trx,
      {
        actorType: actorId ? 'user' : 'system',
        actorId,
        action,
        entityType: 'need',
        entityId: String(entityId),
        regencyCode: regency,
        data,
      },
      now,
    );

  async function officerFor(userId: number) {
    const officer = await findOfficerByUser(trx, userId);
    if (!officer) return { error: 'not_officer' as const };
    const d = decide(
      { status: 'active', officer: { verification: officer.verification as 'verified' }, vendor: null },
      'post_need',
    );
    if (!d.allowed)
      return { error: (d.reason === 'officer_pending' ? 'officer_pending' : 'not_officer') as NeedOpsError };
    return { officer };
  }

  async function settingsFor(villageCode: string) {
    const s = await needs.procurementSettings(trx, regencyOf(villageCode));
    return s;
  }

  async function ownNeed(
    userId: number,
    needId: number,
  ): Promise<Fail | { need: needs.NeedRow; officer: OfficerProfile }> {
    const officer = await findOfficerByUser(trx, userId);
    const need = await needs.getNeed(trx, needId, { lock: true });
    if (!need) return { error: 'not_found' as const };
    if (!officer || need.officerId !== officer.id) return { error: 'not_yours' as const };
    return { need, officer };
  }

  return {
    /** Method and rules that would apply, for the summary before publishing. */
    async preview(userId: number, hps: number) {
      const o = await officerFor(userId);
      if (isFail(o)) return o;
      const s = await settingsFor(o.officer.villageCode);
      const decision = procurementMethod(hps, {
        directPurchaseMax: s.direct_purchase_max,
        rfqMax: s.rfq_max,
        minQuotesDirect: s.min_quotes_direct,
        minQuotesRfq: s.min_quotes_rfq,
        minQuotesOpen: s.min_quotes_open,
      });
      return {
        ...decision,
        minWindowMinutes: s.min_quote_window_minutes,
        timeZone: s.time_zone,
        villageCode: o.officer.villageCode,
      };
    },

    /**
     * Vendors to buy from directly (pembelian langsung): the same ranking as matching, nearest
     * and best-rated first, for the officer's desa and the chosen category.
     */
    async recommend(userId: number, categoryId: number, limit = 3) {
      const o = await officerFor(userId);
      if (isFail(o)) return o;
      const place = await needs.placeOfVillage(trx, o.officer.villageCode);
      const pseudo = {
        categoryId,
        regencyCode: place.regency,
        villageCode: o.officer.villageCode,
        districtCode: place.district,
      } as needs.NeedRow;
      const ranked = rankVendors(await needs.matchCandidates(trx, pseudo, userId)).slice(0, limit);
      const names = await needs.vendorNames(
        trx,
        ranked.map((r) => r.vendorId),
      );
      return {
        vendors: ranked.map((r) => ({
          vendorId: r.vendorId,
          ring: r.ring,
          rating: r.ratingAvg,
          name: names.get(r.vendorId) ?? '',
        })),
      };
    },

    async publish(userId: number, input: PublishInput) {
      const o = await officerFor(userId);
      if (isFail(o)) return o;
      const s = await settingsFor(o.officer.villageCode);
      const { method, minQuotes } = procurementMethod(input.hps, {
        directPurchaseMax: s.direct_purchase_max,
        rfqMax: s.rfq_max,
        minQuotesDirect: s.min_quotes_direct,
        minQuotesRfq: s.min_quotes_rfq,
        minQuotesOpen: s.min_quotes_open,
      });
      const regency = regencyOf(o.officer.villageCode);
      const year = documentYear(now, s.time_zone);
      const seq = await needs.nextNumber(trx, `need:${regency}`, year);
      const number = needNumber(regency, year, seq);
      const needId = await needs.insertPublishedNeed(
        trx,
        {
          officerId: o.officer.id,
          villageCode: o.officer.villageCode,
          method,
          minQuotes,
          ...input,
          quoteDeadline: input.deadline,
        },
        number,
        now,
      );
      await audit(userId, 'need.published', needId, regency, {
        number,
        method,
        hps: input.hps,
        deadline: input.deadline.toISOString(),
      });
      effects.jobs.push({ kind: 'match', needId, round: 0 });
      for (const timer of needTimers(needId, input.deadline, s.reminder_minutes_before, now)) {
        effects.jobs.push({ kind: 'timer', timer });
      }
      return { needId, number, method, minQuotes };
    },

    /** What an invited vendor may see of a need: everything but other vendors' prices. */
    async tenderForVendor(userId: number, needId: number) {
      const vendor = await findVendorByUser(trx, userId);
      if (!vendor) return { error: 'not_vendor' as const };
      // A rejected registration may not see or quote on tenders (policy: vendor_rejected).
      const may = decide(
        { status: 'active', officer: null, vendor: { verification: vendor.verification as Verification } },
        'quote',
      );
      if (!may.allowed) return { error: 'not_vendor' as const };
      const need = await needs.getNeed(trx, needId);
      if (!need) return { error: 'not_found' as const };
      const inv = await needs.invitation(trx, needId, vendor.id);
      if (!inv) return { error: 'not_invited' as const };
      const items = await needs.needItems(trx, needId);
      const mine = await quotes.activeQuote(trx, needId, vendor.id);
      const village = await needs.villageName(trx, need.villageCode);
      const open = need.status === 'published' && need.quoteDeadline > now;
      return { need, items, mine, vendor, open, village };
    },

    async viewed(userId: number, needId: number) {
      const vendor = await findVendorByUser(trx, userId);
      if (vendor) await needs.markInvitationViewed(trx, needId, vendor.id);
    },

    async declineInvitation(userId: number, needId: number) {
      const vendor = await findVendorByUser(trx, userId);
      if (!vendor) return { error: 'not_vendor' as const };
      await needs.setInvitationStatus(trx, needId, vendor.id, 'declined', now);
      return { ok: true as const };
    },

    async submitQuote(
      userId: number,
      needId: number,
      q: {
        total: number;
        deliveryDays: number;
        note: string | null;
        items: Array<{ needItemId: number; unitPrice: number; lineTotal: number }>;
      },
    ) {
      const t = await this.tenderForVendor(userId, needId);
      if (isFail(t)) return t;
      // The need row is locked so a quote and the deadline job cannot pass each other.
      const need = await needs.getNeed(trx, needId, { lock: true });
      if (need?.status !== 'published' || need.quoteDeadline <= now) return { error: 'closed' as const };
      // Guarded like every state change: a first quote is a submit, a later one a revision.
      const current = await quotes.activeQuote(trx, needId, t.vendor.id);
      if (!quoteTransition(current ? 'active' : 'none', current ? 'revise' : 'submit').ok)
        return { error: 'wrong_state' as const };
      const saved = await quotes.submitQuote(trx, { needId, vendorId: t.vendor.id, ...q }, now);
      await appendAudit(
        trx,
        {
          actorType: 'user',
          actorId: userId,
          action: saved.revision > 1 ? 'quote.revised' : 'quote.submitted',
          entityType: 'quote',
          entityId: String(saved.id),
          regencyCode: need.regencyCode,
          data: { need: need.number, revision: saved.revision },
        },
        now,
      );
      const count = await quotes.activeQuoteCount(trx, needId);
      const tz = (await settingsFor(need.villageCode)).time_zone;
      const officer = { user_id: await needs.officerUserId(trx, need.officerId) };
      if (saved.revision === 1) {
        effects.outboxIds.push(
          ...(await notifyUser(
            trx,
            officer.user_id,
            (r) => ({
              type: 'text',
              text: r.t('need.quote_count', {
                number: String(need.number),
                count,
                deadline: when(need.quoteDeadline, r.locale, tz),
              }),
            }),
            { now, dedupeKey: `count:${needId}:${saved.id}` },
          )),
        );
      }
      return { ...saved, deadline: need.quoteDeadline, number: need.number };
    },

    async withdrawQuote(userId: number, needId: number) {
      const vendor = await findVendorByUser(trx, userId);
      if (!vendor) return { error: 'not_vendor' as const };
      const need = await needs.getNeed(trx, needId, { lock: true });
      if (need?.status !== 'published' || need.quoteDeadline <= now) return { error: 'closed' as const };
      const current = await quotes.activeQuote(trx, needId, vendor.id);
      if (!current || !quoteTransition('active', 'withdraw').ok) return { ok: false };
      const id = await quotes.withdrawQuote(trx, needId, vendor.id, now);
      if (id) {
        await appendAudit(
          trx,
          {
            actorType: 'user',
            actorId: userId,
            action: 'quote.withdrawn',
            entityType: 'quote',
            entityId: String(id),
            regencyCode: need.regencyCode,
            data: { need: need.number },
          },
          now,
        );
      }
      return { ok: id !== null };
    },

    /** The ranked quotes, for the officer who owns the need, once the deadline has passed. */
    async ranked(
      userId: number,
      needId: number,
    ): Promise<Fail | { need: needs.NeedRow; ranked: RankedQuote[]; received: number }> {
      const own = await ownNeed(userId, needId);
      if (isFail(own)) return own;
      if (own.need.quoteDeadline > now) return { error: 'wrong_state' as const };
      const all = await quotes.unsealedQuotes(trx, needId, now);
      // Quotes still open to choose (a declined order's quote is out); the minimum counts
      // every quote received.
      const rows = all.filter((q) => q.status === 'active');
      const ranked = rankQuoteRows(rows);
      return { need: own.need, ranked, received: all.length };
    },

    async award(
      userId: number,
      needId: number,
      quoteId: number,
      opts: { reason: string | null; finalAmount: number | null },
    ) {
      const r = await this.ranked(userId, needId);
      if (isFail(r)) return r;
      const step = needTransition(r.need.status, 'award');
      if (!step.ok) return { error: 'wrong_state' as const };
      const chosen = r.ranked.find((q) => q.quoteId === quoteId);
      if (!chosen) return { error: 'not_found' as const };
      if (!isLowest(r.ranked, quoteId) && !opts.reason) return { error: 'reason_required' as const };
      const amount = opts.finalAmount ?? chosen.total;
      const regency = r.need.regencyCode;
      const year = documentYear(now, (await settingsFor(r.need.villageCode)).time_zone);
      const number = orderNumber(regency, year, await needs.nextNumber(trx, `order:${regency}`, year));
      const orderId = await insertOrder(
        trx,
        {
          number,
          needId,
          quoteId,
          vendorId: chosen.vendor_id,
          amount,
          offeredAmount: chosen.total,
          amountWords: rupiahInWords(amount),
          awardReason: opts.reason,
        },
        now,
      );
      // The other quotes stay active until the winner accepts: if the order is declined, the
      // officer picks the next one from them.
      await quotes.setQuoteStatus(trx, [quoteId], 'awarded');
      await needs.setNeedStatus(trx, needId, step.to, now);
      await audit(userId, 'need.awarded', needId, regency, {
        order: number,
        quote: quoteId,
        amount,
        offered: chosen.total,
        lowest: isLowest(r.ranked, quoteId),
        reason: opts.reason,
      });
      const items = await needs.needItems(trx, needId);
      effects.outboxIds.push(
        ...(await notifyUser(
          trx,
          chosen.user_id,
          (rc) => ({
            type: 'options',
            text: `${rc.t('order.won', {
              number,
              need: String(r.need.number),
              title: r.need.title,
              amount: money(amount, rc.locale),
              words: rupiahInWords(amount),
              items: itemLines(items),
            })}\n\n${rc.t('order.ask_accept_short')}`,
            options: [
              { id: 'accept', label: rc.t('order.opt_accept') },
              { id: 'decline', label: rc.t('order.opt_decline') },
            ],
          }),
          { now, dedupeKey: `won:${orderId}` },
        )),
      );
      const url = services.documentUrl?.(number);
      if (url) {
        effects.outboxIds.push(
          ...(await notifyUser(
            trx,
            chosen.user_id,
            (rc) => ({
              type: 'document',
              caption: rc.t('order.document_caption', { number }),
              filename: `${number}.pdf`,
              mimeType: 'application/pdf',
              url,
            }),
            { now, dedupeKey: `order-doc:${orderId}` },
          )),
        );
      }
      await offerConversation(trx, chosen.user_id, 'order', 'accept', { orderId }, now);
      return { orderId, number, amount, winner: chosen.business_name };
    },

    async extend(userId: number, needId: number, deadline: Date, widen: boolean) {
      const own = await ownNeed(userId, needId);
      if (isFail(own)) return own;
      const step = needTransition(own.need.status, 'extend');
      if (!step.ok) return { error: 'wrong_state' as const };
      await needs.extendDeadline(trx, needId, deadline, now);
      const s = await settingsFor(own.need.villageCode);
      if (widen) {
        const next: Ring = own.need.ring === 'desa' ? 'kecamatan' : 'kabupaten';
        await needs.setRing(trx, needId, next);
        const round = await needs.extendedCount(trx, needId);
        effects.jobs.push({ kind: 'match', needId, round });
      }
      for (const timer of needTimers(needId, deadline, s.reminder_minutes_before, now))
        effects.jobs.push({ kind: 'timer', timer });
      await audit(userId, widen ? 'need.widened' : 'need.extended', needId, own.need.regencyCode, {
        deadline: deadline.toISOString(),
      });
      return { ok: true as const };
    },

    async declareUnsuccessful(userId: number, needId: number) {
      const own = await ownNeed(userId, needId);
      if (isFail(own)) return own;
      const step = needTransition(own.need.status, 'declare_unsuccessful');
      if (!step.ok) return { error: 'wrong_state' as const };
      await needs.setNeedStatus(trx, needId, step.to, now, { status_reason: 'too_few_quotes' });
      await audit(userId, 'need.unsuccessful', needId, own.need.regencyCode);
      return { ok: true as const };
    },

    summaryLines: { itemLines, methodName },
  };
}

export type NeedOps = ReturnType<typeof needOps>;
