import { type NeedEvent, needTransition, type OrderEvent, orderTransition } from '../domain/lifecycle.js';
import { bastNumber, documentYear } from '../domain/numbers.js';
import * as needs from '../store/needs.js';
import * as orders from '../store/orders.js';
import * as quotes from '../store/quotes.js';
import { audit, type Fail, fail, isFail, rulesOf, type UseCaseContext } from './use-case.js';

/**
 * After the award: the vendor accepts or declines, delivers; the officer confirms receipt (BAST)
 * or reports a problem, records payment; both rate. One guarded transition per step, each into
 * the audit log.
 */

/** The order, locked, when this user is its vendor (or its officer). */
async function load(
  ctx: UseCaseContext,
  orderId: number,
  userId: number,
  side: 'vendor' | 'officer',
): Promise<Fail | { order: orders.OrderRow }> {
  const order = await orders.getOrder(ctx.trx, orderId, { lock: true });
  if (!order) return fail('not_found');
  const owner = side === 'vendor' ? order.vendorUserId : order.officerUserId;
  if (owner !== userId) return fail('not_yours');
  return { order };
}

/** Moves the order by one event if the lifecycle allows it; false (nothing written) if not. */
async function move(
  ctx: UseCaseContext,
  order: orders.OrderRow,
  event: OrderEvent,
  actorId: number,
  data: Record<string, unknown> = {},
): Promise<boolean> {
  const step = orderTransition(order.status, event);
  if (!step.ok) return false;
  await orders.setOrderStatus(
    ctx.trx,
    order.id,
    step.to,
    ctx.now,
    event === 'accept' ? { accepted_at: ctx.now } : {},
  );
  await audit(ctx, {
    actorId,
    action: `order.${event}`,
    entityType: 'order',
    entityId: order.id,
    regency: order.regencyCode,
    data: { number: order.number, ...data },
  });
  return true;
}

/** Loads the order for its vendor or officer and moves it by one event; a refusal otherwise. */
async function take(
  ctx: UseCaseContext,
  orderId: number,
  userId: number,
  side: 'vendor' | 'officer',
  event: OrderEvent,
  data: Record<string, unknown> = {},
): Promise<Fail | { order: orders.OrderRow }> {
  const l = await load(ctx, orderId, userId, side);
  if (isFail(l)) return l;
  if (!(await move(ctx, l.order, event, userId, data))) return fail('wrong_state');
  return l;
}

async function moveNeed(ctx: UseCaseContext, needId: number, event: NeedEvent) {
  const need = await needs.getNeed(ctx.trx, needId, { lock: true });
  if (!need) return;
  const step = needTransition(need.status, event);
  if (step.ok) await needs.setNeedStatus(ctx.trx, needId, step.to, ctx.now);
}

export async function acceptOrder(ctx: UseCaseContext, userId: number, orderId: number) {
  const taken = await take(ctx, orderId, userId, 'vendor', 'accept');
  if (isFail(taken)) return taken;
  const { order } = taken;
  await moveNeed(ctx, order.needId, 'order_accepted');
  // Now the result stands: the other quotes lose, and their vendors learn who won.
  const losers = await quotes.openQuotesOfNeed(ctx.trx, order.needId);
  await quotes.setQuoteStatus(
    ctx.trx,
    losers.map((q) => q.id),
    'rejected',
  );
  for (const loser of losers) {
    ctx.effects.events.push({
      kind: 'quote_lost',
      to: loser.user_id,
      needId: order.needId,
      quoteId: loser.id,
      needNumber: String(order.needNumber),
      title: order.needTitle,
      winner: order.businessName,
      amount: order.amount,
    });
  }
  ctx.effects.events.push({
    kind: 'order_accepted',
    to: order.officerUserId,
    orderId,
    orderNumber: order.number,
    vendor: order.businessName,
    vendorPhone: order.vendorPhone,
  });
  const remindAt = order.neededBy.getTime() - 24 * 3600_000;
  if (remindAt > ctx.now.getTime()) {
    ctx.effects.jobs.push({
      kind: 'timer',
      timer: { kind: 'delivery_reminder', subjectId: orderId, dueAt: remindAt },
    });
  }
  return { ok: true as const, order };
}

export async function declineOrder(ctx: UseCaseContext, userId: number, orderId: number, reason: string) {
  const taken = await take(ctx, orderId, userId, 'vendor', 'decline', { reason });
  if (isFail(taken)) return taken;
  const { order } = taken;
  await orders.setOrderReason(ctx.trx, orderId, reason);
  await quotes.setQuoteStatus(ctx.trx, [order.quoteId], 'rejected');
  await moveNeed(ctx, order.needId, 'order_declined');
  ctx.effects.events.push({
    kind: 'order_declined',
    to: order.officerUserId,
    orderId,
    needId: order.needId,
    orderNumber: order.number,
    vendor: order.businessName,
    reason,
  });
  return { ok: true as const };
}

export async function reportDelivery(
  ctx: UseCaseContext,
  userId: number,
  orderId: number,
  note: string | null,
  mediaId: number | null,
) {
  const taken = await take(ctx, orderId, userId, 'vendor', 'report_delivery');
  if (isFail(taken)) return taken;
  const { order } = taken;
  await orders.recordDelivery(ctx.trx, orderId, note, mediaId, ctx.now);
  await moveNeed(ctx, order.needId, 'delivered');
  ctx.effects.events.push({
    kind: 'order_delivered',
    to: order.officerUserId,
    orderId,
    orderNumber: order.number,
    vendor: order.businessName,
    title: order.needTitle,
    note,
    photo: mediaId !== null,
  });
  return { ok: true as const };
}

export async function confirmReceipt(ctx: UseCaseContext, userId: number, orderId: number) {
  const taken = await take(ctx, orderId, userId, 'officer', 'confirm_receipt');
  if (isFail(taken)) return taken;
  const { order } = taken;
  const regency = order.regencyCode;
  const year = documentYear(ctx.now, (await rulesOf(ctx, regency)).timeZone);
  const bast = bastNumber(regency, year, await needs.nextNumber(ctx.trx, `bast:${regency}`, year));
  await orders.recordReceipt(
    ctx.trx,
    { orderId, officerId: order.officerId, outcome: 'accepted', bastNumber: bast, problemNote: null },
    ctx.now,
  );
  await moveNeed(ctx, order.needId, 'received');
  ctx.effects.events.push({
    kind: 'order_received',
    to: order.vendorUserId,
    orderId,
    orderNumber: order.number,
    bast,
  });
  return { ok: true as const, bast };
}

export async function reportProblem(ctx: UseCaseContext, userId: number, orderId: number, note: string) {
  const taken = await take(ctx, orderId, userId, 'officer', 'report_problem', { note });
  if (isFail(taken)) return taken;
  const { order } = taken;
  await orders.recordReceipt(
    ctx.trx,
    { orderId, officerId: order.officerId, outcome: 'problem', bastNumber: null, problemNote: note },
    ctx.now,
  );
  ctx.effects.events.push({
    kind: 'order_problem',
    to: order.vendorUserId,
    orderId,
    orderNumber: order.number,
    note,
    at: ctx.now,
  });
  return { ok: true as const };
}

export async function recordPayment(
  ctx: UseCaseContext,
  userId: number,
  orderId: number,
  p: { amount: number; paidOn: Date; method: 'transfer' | 'tunai' | 'lainnya' },
) {
  const taken = await take(ctx, orderId, userId, 'officer', 'record_payment', {
    amount: p.amount,
    method: p.method,
  });
  if (isFail(taken)) return taken;
  const { order } = taken;
  await orders.recordPayment(ctx.trx, { orderId, officerId: order.officerId, ...p }, ctx.now);
  await moveNeed(ctx, order.needId, 'payment_recorded');
  ctx.effects.events.push({
    kind: 'order_paid',
    to: order.vendorUserId,
    orderId,
    orderNumber: order.number,
    amount: p.amount,
  });
  return { ok: true as const };
}

/** Both sides rate once; when both have, the order and the need are complete. */
export async function rateOrder(ctx: UseCaseContext, userId: number, orderId: number, score: number) {
  const order = await orders.getOrder(ctx.trx, orderId, { lock: true });
  if (!order) return fail('not_found');
  const asOfficer = order.officerUserId === userId;
  if (!asOfficer && order.vendorUserId !== userId) return fail('not_yours');
  const recorded = await orders.recordRating(
    ctx.trx,
    {
      orderId,
      raterUserId: userId,
      rateeUserId: asOfficer ? order.vendorUserId : order.officerUserId,
      direction: asOfficer ? 'officer_to_vendor' : 'vendor_to_officer',
      score,
      vendorId: asOfficer ? order.vendorId : undefined,
    },
    ctx.now,
  );
  if (recorded && (await orders.ratingCount(ctx.trx, orderId)) >= 2 && order.status === 'paid') {
    await move(ctx, order, 'complete', userId);
    await moveNeed(ctx, order.needId, 'complete');
  }
  return { ok: true as const, recorded };
}
