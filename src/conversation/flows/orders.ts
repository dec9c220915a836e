import { z } from 'zod';
import { orderButton, rateButton, readButton, SCORES } from '../../domain/buttons.js';
import { money } from '../../notices/format.js';
import { isFail } from '../../procurement/index.js';
import { defineFlow } from '../define-flow.js';
import type { StepResult, TurnContext } from '../flow.js';
import { goto, home, next, retry } from '../flow.js';
import { isSkip } from '../steps.js';
import { readAmount } from './amount.js';

/** Every dialogue about an order starts from the order it is about. */
const ORDER = { orderId: z.number() };
type Ctx = TurnContext<{ orderId: number }>;

const orderId = (ctx: Ctx) => ctx.data.orderId;
/** What a tapped or typed option of an order question means (its ids carry the order). */
const actionOf = (id: string) => {
  const b = readButton(id);
  return b?.kind === 'order' ? b.action : null;
};
const order = (ctx: Ctx) => ctx.store.orders.get(orderId(ctx));
const stale = (ctx: TurnContext<object>): StepResult<never> => home([ctx.t('order.not_available')]);

/** The winning vendor accepts or declines the order, then reports delivery (a photo is kept). */
export const orderFlow = defineFlow({
  name: 'order',
  first: 'accept',
  collectsData: true,
  taskName: 'task.order',
  data: ORDER,
  steps: (s) => ({
    accept: s.choice({
      text: async (ctx) => {
        const o = await order(ctx);
        return o
          ? ctx.t('order.ask_accept', {
              number: o.number,
              title: o.needTitle,
              amount: money(o.amount, ctx.locale),
              words: o.amountWords,
            })
          : ctx.t('order.not_available');
      },
      options: (ctx) => [
        { id: orderButton(orderId(ctx), 'accept'), label: ctx.t('order.opt_accept') },
        { id: orderButton(orderId(ctx), 'decline'), label: ctx.t('order.opt_decline') },
      ],
      choose: async (choice, ctx) => {
        if (actionOf(choice) === 'decline') return next('decline_reason');
        const r = await ctx.store.orders.accept(ctx.actor.userId, orderId(ctx));
        if (isFail(r)) return stale(ctx);
        return home([ctx.t('order.accepted_vendor', { number: r.order.number })]);
      },
    }),
    decline_reason: s.text({
      text: (ctx) => ctx.t('order.ask_decline_reason'),
      answer: async (text, ctx) => {
        const r = await ctx.store.orders.decline(ctx.actor.userId, orderId(ctx), text.slice(0, 300));
        if (isFail(r)) return stale(ctx);
        return home([ctx.t('order.declined_vendor')]);
      },
    }),
    deliver: s.step({
      accepts: ['photo', 'document'],
      prompt: (ctx) => ({ text: ctx.t('order.ask_delivery_proof') }),
      async handle(ctx) {
        let mediaId: number | null = null;
        const media = ctx.input.media;
        if (media) {
          mediaId = await ctx.store.saveMedia({
            identityId: ctx.actor.identityId,
            kind: media.kind,
            fileId: media.fileId,
            mimeType: media.mimeType,
            caption: media.caption,
          });
        } else if (!ctx.text) return retry(ctx.t('order.ask_delivery_proof'));
        const note = media ? (media.caption ?? null) : isSkip(ctx.text) ? null : ctx.text.slice(0, 500);
        const r = await ctx.store.orders.reportDelivery(ctx.actor.userId, orderId(ctx), note, mediaId);
        if (isFail(r)) return stale(ctx);
        return home([ctx.t('order.delivery_reported')]);
      },
    }),
  }),
});

/** The officer confirms receipt (BAST) or reports a problem. */
export const receiptFlow = defineFlow({
  name: 'receipt',
  first: 'confirm',
  collectsData: true,
  taskName: 'task.receipt',
  data: ORDER,
  steps: (s) => ({
    confirm: s.choice({
      text: async (ctx) => {
        const o = await order(ctx);
        return o
          ? ctx.t('receipt.ask', { number: o.number, vendor: o.businessName, title: o.needTitle })
          : ctx.t('order.not_available');
      },
      options: (ctx) => [
        { id: orderButton(orderId(ctx), 'received'), label: ctx.t('receipt.opt_ok') },
        { id: orderButton(orderId(ctx), 'problem'), label: ctx.t('receipt.opt_problem') },
      ],
      choose: async (choice, ctx) => {
        if (actionOf(choice) === 'problem') return next('problem');
        const r = await ctx.store.orders.confirmReceipt(ctx.actor.userId, orderId(ctx));
        if (isFail(r)) return stale(ctx);
        return goto('payment', {
          data: { orderId: orderId(ctx) },
          say: [ctx.t('receipt.done', { bast: r.bast })],
        });
      },
    }),
    problem: s.text({
      text: (ctx) => ctx.t('receipt.ask_problem'),
      answer: async (text, ctx) => {
        const r = await ctx.store.orders.reportProblem(ctx.actor.userId, orderId(ctx), text.slice(0, 1000));
        if (isFail(r)) return stale(ctx);
        return home([ctx.t('receipt.problem_recorded')]);
      },
    }),
  }),
});

/** The officer records the payment (for the village cash book), then rates the vendor. */
export const paymentFlow = defineFlow({
  name: 'payment',
  first: 'ask',
  collectsData: true,
  taskName: 'task.payment',
  data: { ...ORDER, amount: z.number().optional() },
  steps: (s) => ({
    ask: s.choice({
      text: async (ctx) => {
        const o = await order(ctx);
        return o
          ? ctx.t('payment.ask_now', { number: o.number, amount: money(o.amount, ctx.locale) })
          : ctx.t('order.not_available');
      },
      options: (ctx) => [
        { id: 'now', label: ctx.t('payment.opt_now') },
        { id: 'later', label: ctx.t('payment.opt_later') },
      ],
      choose: (choice, ctx) => (choice === 'now' ? next('amount') : home([ctx.t('payment.later')])),
    }),
    amount: s.step({
      async prompt(ctx) {
        const o = await order(ctx);
        return {
          text: ctx.t('payment.ask_amount'),
          options: [
            { id: 'full', label: ctx.t('payment.opt_full', { amount: money(o?.amount ?? 0, ctx.locale) }) },
          ],
        };
      },
      async handle(ctx) {
        const o = await order(ctx);
        if (!o) return stale(ctx);
        if (ctx.input.optionId === 'full' || ctx.text === '1') ctx.data.amount = o.amount;
        else {
          const amount = readAmount(ctx, ctx.text);
          if (!amount.ok) return retry(amount.hint);
          ctx.data.amount = amount.value;
        }
        return next('method');
      },
    }),
    method: s.choice({
      text: (ctx) => ctx.t('payment.ask_method'),
      options: (ctx) => [
        { id: 'transfer', label: ctx.t('payment.transfer') },
        { id: 'tunai', label: ctx.t('payment.cash') },
      ],
      choose: async (method, ctx) => {
        const { amount } = ctx.data;
        if (amount === undefined) return next('amount');
        const r = await ctx.store.orders.recordPayment(ctx.actor.userId, orderId(ctx), {
          amount,
          paidOn: ctx.now,
          method: method === 'tunai' ? 'tunai' : 'transfer',
        });
        if (isFail(r)) return stale(ctx);
        return goto('rate', { data: { orderId: orderId(ctx) }, say: [ctx.t('payment.recorded')] });
      },
    }),
  }),
});

/** Both sides rate each other 1–5 once the order is paid. */
export const rateFlow = defineFlow({
  name: 'rate',
  first: 'score',
  collectsData: false,
  data: ORDER,
  steps: (s) => ({
    score: s.choice({
      text: async (ctx) => {
        const o = await order(ctx);
        const other = o && o.officerUserId === ctx.actor.userId ? o.businessName : ctx.t('rate.the_village');
        return ctx.t('rate.ask', { who: other ?? '' });
      },
      options: (ctx) => SCORES.map((n) => ({ id: rateButton(orderId(ctx), n), label: '⭐'.repeat(n) })),
      choose: async (id, ctx) => {
        const b = readButton(id);
        if (b?.kind !== 'rate') return next('score');
        const r = await ctx.store.orders.rate(ctx.actor.userId, orderId(ctx), b.score);
        if (isFail(r)) return stale(ctx);
        return home([ctx.t('rate.thanks')]);
      },
    }),
  }),
});
