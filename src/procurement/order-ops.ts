import type { Transaction } from 'kysely';
import { displayPhone } from '../conversation/parse/phone.js';
import { needTransition, type OrderEvent, orderTransition } from '../domain/lifecycle.js';
import { bastNumber, documentYear } from '../domain/numbers.js';
import type { MessageKey, Params } from '../i18n/index.js';
import { appendAudit } from '../store/audit.js';
import * as needs from '../store/needs.js';
import * as orders from '../store/orders.js';
import * as quotes from '../store/quotes.js';
import type { Database } from '../store/schema.js';
import type { Effects } from './effects.js';
import { money } from './messages.js';
import { isFail } from './need-ops.js';
import { notifyUser, offerConversation } from './notify.js';

export type OrderOpsError = 'not_found' | 'not_yours' | 'wrong_state';

/**
 * After the award: the vendor accepts or declines, delivers; the officer confirms receipt (BAST)
 * or reports a problem, records payment; both rate. One guarded transition per step.
 */
export function orderOps(trx: Transaction<Database>, now: Date, effects: Effects) {
  async function load(orderId: number, userId: number, side: 'vendor' | 'officer') {
    const order = await orders.getOrder(trx, orderId, { lock: true });
    if (!order) return { error: 'not_found' as const };
    const owner = side === 'vendor' ? order.vendorUserId : order.officerUserId;
    if (owner !== userId) return { error: 'not_yours' as const };
    return { order };
  }

  async function move(
    order: orders.OrderRow,
    event: OrderEvent,
    actorId: number,
    data: Record<string, unknown> = {},
  ) {
    const step = orderTransition(order.status, event);
    if (!step.ok) return null;
    await orders.setOrderStatus(trx, order.id, step.to, now, event === 'accept' ? { accepted_at: now } : {});
    await appendAudit(
      trx,
      {
        actorType: 'user',
        actorId,
        action: `order.${event}`,
        entityType: 'order',
        entityId: String(order.id),
        regencyCode: order.regencyCode,
        data: { number: order.number, ...data },
      },
      now,
    );
    return step.to;
  }

  async function moveNeed(needId: number, event: Parameters<typeof needTransition>[1]) {
    const need = await needs.getNeed(trx, needId, { lock: true });
    if (!need) return;
    const step = needTransition(need.status, event);
    if (step.ok) await needs.setNeedStatus(trx, needId, step.to, now);
  }

  const tell = async (userId: number, key: MessageKey, dedupe: string, params: Params = {}) => {
    effects.outboxIds.push(
      ...(await notifyUser(trx, userId, (r) => ({ type: 'text', text: r.t(key, params) }), {
        now,
        dedupeKey: dedupe,
      })),
    );
  };

  return {
    get: (orderId: number) => orders.getOrder(trx, orderId),
    ofVendor: (vendorId: number, limit: number, offset: number) =>
      orders.ordersOfVendor(trx, vendorId, limit, offset),
    ofOfficer: (officerId: number, limit: number, offset: number) =>
      orders.ordersOfOfficer(trx, officerId, limit, offset),

    async accept(userId: number, orderId: number) {
      const l = await load(orderId, userId, 'vendor');
      if (isFail(l)) return l;
      if (!(await move(l.order, 'accept', userId))) return { error: 'wrong_state' as const };
      await moveNeed(l.order.needId, 'order_accepted');
      // Now the result stands: the other quotes lose, and their vendors learn who won.
      const losers = await quotes.openQuotesOfNeed(trx, l.order.needId);
      await quotes.setQuoteStatus(
        trx,
        losers.map((q) => q.id),
        'rejected',
      );
      for (const loser of losers) {
        effects.outboxIds.push(
          ...(await notifyUser(
            trx,
            loser.user_id,
            (r) => ({
              type: 'text',
              text: r.t('order.lost', {
                need: String(l.order.needNumber),
                title: l.order.needTitle,
                winner: l.order.businessName,
                amount: money(l.order.amount, r.locale),
              }),
            }),
            { now, dedupeKey: `lost:${l.order.needId}:${loser.id}` },
          )),
        );
      }
      // The officer now deals with the supplier directly (delivery, questions): the one place a
      // vendor's full phone number reaches someone else.
      await tell(l.order.officerUserId, 'order.accepted_officer', `accepted:${orderId}`, {
        number: l.order.number,
        vendor: l.order.businessName,
        phone: l.order.vendorPhone ? displayPhone(l.order.vendorPhone) : '-',
      });
      const remindAt = l.order.neededBy.getTime() - 24 * 3600_000;
      if (remindAt > now.getTime()) {
        effects.jobs.push({
          kind: 'timer',
          timer: { kind: 'delivery_reminder', subjectId: orderId, dueAt: remindAt },
        });
      }
      return { ok: true as const, order: l.order };
    },

    async decline(userId: number, orderId: number, reason: string) {
      const l = await load(orderId, userId, 'vendor');
      if (isFail(l)) return l;
      if (!(await move(l.order, 'decline', userId, { reason }))) return { error: 'wrong_state' as const };
      await orders.setOrderReason(trx, orderId, reason);
      await quotes.setQuoteStatus(trx, [l.order.quoteId], 'rejected');
      await moveNeed(l.order.needId, 'order_declined');
      await tell(l.order.officerUserId, 'order.declined_officer', `declined:${orderId}`, {
        number: l.order.number,
        vendor: l.order.businessName,
        reason,
      });
      await offerConversation(trx, l.order.officerUserId, 'award', 'choose', { needId: l.order.needId }, now);
      return { ok: true as const };
    },

    async reportDelivery(userId: number, orderId: number, note: string | null, mediaId: number | null) {
      const l = await load(orderId, userId, 'vendor');
      if (isFail(l)) return l;
      if (!(await move(l.order, 'report_delivery', userId))) return { error: 'wrong_state' as const };
      await orders.recordDelivery(trx, orderId, note, mediaId, now);
      await moveNeed(l.order.needId, 'delivered');
      // The notice is also the question the officer's conversation now waits on.
      effects.outboxIds.push(
        ...(await notifyUser(
          trx,
          l.order.officerUserId,
          (r) => ({
            type: 'options',
            text: `${r.t('order.delivered_officer', { number: l.order.number, vendor: l.order.businessName })}\n\n${r.t('receipt.ask', { number: l.order.number, vendor: l.order.businessName, title: l.order.needTitle })}`,
            options: [
              { id: 'ok', label: r.t('receipt.opt_ok') },
              { id: 'problem', label: r.t('receipt.opt_problem') },
            ],
          }),
          { now, dedupeKey: `delivered:${orderId}` },
        )),
      );
      await offerConversation(trx, l.order.officerUserId, 'receipt', 'confirm', { orderId }, now);
      return { ok: true as const };
    },

    async confirmReceipt(userId: number, orderId: number) {
      const l = await load(orderId, userId, 'officer');
      if (isFail(l)) return l;
      if (!(await move(l.order, 'confirm_receipt', userId))) return { error: 'wrong_state' as const };
      const regency = l.order.regencyCode;
      const year = documentYear(now, (await needs.procurementSettings(trx, regency)).time_zone);
      const bast = bastNumber(regency, year, await needs.nextNumber(trx, `bast:${regency}`, year));
      await orders.recordReceipt(
        trx,
        { orderId, officerId: l.order.officerId, outcome: 'accepted', bastNumber: bast, problemNote: null },
        now,
      );
      await moveNeed(l.order.needId, 'received');
      await tell(l.order.vendorUserId, 'order.received_vendor', `received:${orderId}`, {
        number: l.order.number,
        bast,
      });
      return { ok: true as const, bast };
    },

    async reportProblem(userId: number, orderId: number, note: string) {
      const l = await load(orderId, userId, 'officer');
      if (isFail(l)) return l;
      if (!(await move(l.order, 'report_problem', userId, { note })))
        return { error: 'wrong_state' as const };
      await orders.recordReceipt(
        trx,
        { orderId, officerId: l.order.officerId, outcome: 'problem', bastNumber: null, problemNote: note },
        now,
      );
      await tell(l.order.vendorUserId, 'order.problem_vendor', `problem:${orderId}:${now.getTime()}`, {
        number: l.order.number,
        note,
      });
      return { ok: true as const };
    },

    async recordPayment(
      userId: number,
      orderId: number,
      p: { amount: number; paidOn: Date; method: 'transfer' | 'tunai' | 'lainnya' },
    ) {
      const l = await load(orderId, userId, 'officer');
      if (isFail(l)) return l;
      if (!(await move(l.order, 'record_payment', userId, { amount: p.amount, method: p.method })))
        return { error: 'wrong_state' as const };
      await orders.recordPayment(trx, { orderId, officerId: l.order.officerId, ...p }, now);
      await moveNeed(l.order.needId, 'payment_recorded');
      effects.outboxIds.push(
        ...(await notifyUser(
          trx,
          l.order.vendorUserId,
          (r) => ({
            type: 'options',
            text: r.t('order.paid_vendor', { number: l.order.number, amount: money(p.amount, r.locale) }),
            options: [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: '⭐'.repeat(n) })),
          }),
          { now, dedupeKey: `paid:${orderId}` },
        )),
      );
      await offerConversation(trx, l.order.vendorUserId, 'rate', 'score', { orderId }, now);
      return { ok: true as const };
    },

    /** Both sides rate once; when both have, the order and the need are complete. */
    async rate(userId: number, orderId: number, score: number) {
      const order = await orders.getOrder(trx, orderId, { lock: true });
      if (!order) return { error: 'not_found' as const };
      const asOfficer = order.officerUserId === userId;
      if (!asOfficer && order.vendorUserId !== userId) return { error: 'not_yours' as const };
      const recorded = await orders.recordRating(
        trx,
        {
          orderId,
          raterUserId: userId,
          rateeUserId: asOfficer ? order.vendorUserId : order.officerUserId,
          direction: asOfficer ? 'officer_to_vendor' : 'vendor_to_officer',
          score,
          vendorId: asOfficer ? order.vendorId : undefined,
        },
        now,
      );
      if (recorded && (await orders.ratingCount(trx, orderId)) >= 2 && order.status === 'paid') {
        await move(order, 'complete', userId);
        await moveNeed(order.needId, 'complete');
      }
      return { ok: true as const, recorded };
    },
  };
}

export type OrderOps = ReturnType<typeof orderOps>;
