import { z } from 'zod';
import { readButton, tenderButton } from '../../domain/buttons.js';
import { titleCase } from '../../domain/names.js';
import { isImplausiblyLowQuote } from '../../domain/red-flags.js';
import { formatQty, itemLines, methodName, money, when } from '../../notices/format.js';
import { parseUnitPrice } from '../../parse/money.js';
import { isFail } from '../../procurement/index.js';
import { type DataOf, defineFlow } from '../define-flow.js';
import type { StepResult, TurnContext } from '../flow.js';
import { goto, home, next, retry } from '../flow.js';
import { isSkip, pickOption } from '../steps.js';
import { readAmount, tooLargeHint } from './amount.js';

const DATA = {
  /** The need this is about (the flow's context). */
  needId: z.number(),
  /** Unit prices typed so far, one per item, when quoting item by item. */
  prices: z.array(z.number()).optional(),
  index: z.number().optional(),
  total: z.number().optional(),
  days: z.number().optional(),
  note: z.string().nullable().optional(),
  /** A price per unit typed where the total was asked, waiting to be confirmed as a total. */
  unitPrice: z.object({ price: z.number(), unit: z.string(), quantity: z.number() }).optional(),
};
type Ctx = TurnContext<DataOf<typeof DATA>>;
type StepName =
  | 'alert'
  | 'reconsider'
  | 'mode'
  | 'price_item'
  | 'total'
  | 'total_check'
  | 'delivery'
  | 'note'
  | 'confirm'
  | 'withdraw';

const needId = (ctx: Ctx) => ctx.data.needId;

async function tender(ctx: Ctx) {
  const t = await ctx.store.needs.tenderForVendor(ctx.actor.userId, needId(ctx));
  return isFail(t) ? null : t;
}

function describe(ctx: Ctx, t: NonNullable<Awaited<ReturnType<typeof tender>>>): string {
  const base = ctx.t('tender.details', {
    number: String(t.need.number),
    title: t.need.title,
    village: titleCase(t.village),
    items: itemLines(t.items),
    method: methodName(ctx.t, t.need.method),
    deadline: when(t.need.quoteDeadline, ctx.locale, t.timeZone),
    place: t.need.deliveryPlace,
    neededBy: when(t.need.neededBy, ctx.locale, t.timeZone),
  });
  const mine = t.mine
    ? `\n\n${ctx.t('tender.your_quote', { amount: money(t.mine.total, ctx.locale), days: t.mine.delivery_days })}`
    : '';
  return base + mine;
}

function options(ctx: Ctx, hasQuote: boolean) {
  const id = needId(ctx);
  return hasQuote
    ? [
        { id: tenderButton(id, 'quote'), label: ctx.t('tender.opt_revise') },
        { id: tenderButton(id, 'withdraw'), label: ctx.t('tender.opt_withdraw') },
        { id: 'back', label: ctx.t('common.back_to_menu') },
      ]
    : [
        { id: tenderButton(id, 'quote'), label: ctx.t('tender.opt_quote') },
        { id: tenderButton(id, 'details'), label: ctx.t('tender.opt_details') },
        { id: tenderButton(id, 'decline'), label: ctx.t('tender.opt_decline') },
      ];
}

const closed = (ctx: Ctx): StepResult<never> => home([ctx.t('tender.closed')]);

type Tender = NonNullable<Awaited<ReturnType<typeof tender>>>;

/** After the deadline: where the vendor's quote stands, and the way on (never a dead end). */
function outcomePrompt(ctx: Ctx, t: Tender) {
  const o = t.outcome ?? { kind: 'none' as const, total: null };
  const params = { number: String(t.need.number), amount: money(o.total ?? 0, ctx.locale) };
  const text = o.kind === 'none' ? ctx.t('tender.closed') : ctx.t(`tender.outcome_${o.kind}`, params);
  const options = [
    ...(o.kind === 'won' ? [{ id: 'orders', label: ctx.t('menu.my_orders') }] : []),
    { id: 'back', label: ctx.t('common.back_to_menu') },
  ];
  return { text, options };
}

/**
 * A price per unit where the total is asked ("1.800.000 per truk"): with one item, its total is
 * the price times the quantity — confirmed before it counts; with several, the person is told how.
 */
async function unitPriceAsTotal(ctx: Ctx, text: string, hint: string): Promise<StepResult<StepName>> {
  const per = parseUnitPrice(text);
  const t = per && (await tender(ctx));
  if (!per || !t) return retry(hint);
  const [only, ...others] = t.items;
  if (!only || others.length > 0) return retry(ctx.t('tender.unit_price_many_items', { unit: per.unit }));
  const total = Math.round(per.price * only.quantity);
  if (total > ctx.config.QUOTE_MAX_RUPIAH) return retry(tooLargeHint(ctx));
  ctx.data.unitPrice = { price: per.price, unit: only.unit, quantity: only.quantity };
  ctx.data.total = total;
  ctx.data.prices = [];
  return next('total_check');
}

async function startQuote(ctx: Ctx): Promise<StepResult<StepName>> {
  const t = await tender(ctx);
  if (!t?.open) return closed(ctx);
  ctx.data.prices = [];
  return next(t.items.length > 1 ? 'mode' : 'total');
}

/** A vendor answers an alert: reads it, quotes (per item or a total), revises or withdraws before the deadline. */
export const tenderFlow = defineFlow({
  name: 'tender',
  first: 'alert',
  collectsData: true,
  taskName: 'task.quote',
  data: DATA,
  steps: (s) => ({
    alert: s.step({
      async prompt(ctx) {
        const t = await tender(ctx);
        if (!t)
          return {
            text: ctx.t('tender.not_found'),
            options: [{ id: 'back', label: ctx.t('common.back_to_menu') }],
          };
        if (!t.open) return outcomePrompt(ctx, t);
        return { text: describe(ctx, t), options: options(ctx, !!t.mine) };
      },
      async handle(ctx) {
        const t = await tender(ctx);
        // Not (yet) invited, or not there at all: say so rather than fall back to the menu silently.
        if (!t) return home([ctx.t('tender.not_found')]);
        if (!t.open) {
          const screen = outcomePrompt(ctx, t);
          // A late tap on an old alert's button: where the quote stands, then the menu.
          if (readButton(ctx.input.optionId)) return home([screen.text]);
          const picked = await pickOption(ctx, screen.options);
          if (typeof picked !== 'string') return picked;
          return picked === 'orders' ? goto('my_orders') : home();
        }
        const picked = await pickOption(ctx, options(ctx, !!t.mine));
        if (typeof picked !== 'string') return picked;
        const b = readButton(picked);
        const action = b?.kind === 'tender' ? b.action : picked;
        // "Tidak berminat" earlier, a quote button now: ask, rather than quietly forget either.
        if (action === 'quote' && t.declined) return next('reconsider');
        if (action === 'quote') return startQuote(ctx);
        if (action === 'details') {
          await ctx.store.needs.viewed(ctx.actor.userId, needId(ctx));
          return next('alert', [ctx.t('tender.details_hint')]);
        }
        if (action === 'decline') {
          await ctx.store.needs.declineInvitation(ctx.actor.userId, needId(ctx));
          return home([ctx.t('tender.declined')]);
        }
        if (action === 'withdraw') return next('withdraw');
        return home();
      },
    }),
    reconsider: s.yesNo({
      text: (ctx) => ctx.t('tender.ask_reconsider'),
      yesLabel: 'tender.opt_reconsider',
      noLabel: 'tender.opt_stay_declined',
      answer: async (yes, ctx) => {
        if (!yes) return home([ctx.t('tender.declined')]);
        await ctx.store.needs.reconsiderInvitation(ctx.actor.userId, needId(ctx));
        return startQuote(ctx);
      },
    }),
    mode: s.choice({
      text: (ctx) => ctx.t('tender.ask_mode'),
      options: (ctx) => [
        { id: 'items', label: ctx.t('tender.mode_items') },
        { id: 'total', label: ctx.t('tender.mode_total') },
      ],
      choose: (mode, ctx) => {
        ctx.data.index = 0;
        return next(mode === 'items' ? 'price_item' : 'total');
      },
    }),
    price_item: s.text({
      text: async (ctx) => {
        const t = await tender(ctx);
        const item = t?.items[ctx.data.index ?? 0];
        return ctx.t('tender.ask_unit_price', {
          item: item?.name ?? '',
          qty: formatQty(item?.quantity ?? 0),
          unit: item?.unit ?? '',
        });
      },
      answer: async (text, ctx) => {
        const t = await tender(ctx);
        if (!t?.open) return closed(ctx);
        const price = readAmount(ctx, text);
        if (!price.ok) return retry(price.hint);
        const prices = [...(ctx.data.prices ?? []), price.value];
        ctx.data.prices = prices;
        ctx.data.index = prices.length;
        if (prices.length < t.items.length) return next('price_item');
        const total = t.items.reduce((sum, it, i) => sum + Math.round(it.quantity * (prices[i] ?? 0)), 0);
        if (total > ctx.config.QUOTE_MAX_RUPIAH) {
          // Each price was fine, their sum is not: start the prices again.
          ctx.data.prices = [];
          ctx.data.index = 0;
          return retry(tooLargeHint(ctx));
        }
        if (isImplausiblyLowQuote(total, t.need.hps)) {
          ctx.data.prices = [];
          ctx.data.index = 0;
          return retry(ctx.t('hint.quote_too_low', { amount: money(total, ctx.locale) }));
        }
        ctx.data.total = total;
        return next('delivery');
      },
    }),
    total: s.text({
      text: (ctx) => ctx.t('tender.ask_total'),
      answer: async (text, ctx) => {
        const price = readAmount(ctx, text);
        if (!price.ok) return unitPriceAsTotal(ctx, text, price.hint);
        const t = await tender(ctx);
        if (t && isImplausiblyLowQuote(price.value, t.need.hps)) {
          return retry(ctx.t('hint.quote_too_low', { amount: money(price.value, ctx.locale) }));
        }
        ctx.data.total = price.value;
        ctx.data.prices = [];
        return next('delivery');
      },
    }),
    total_check: s.yesNo({
      text: (ctx) => {
        const u = ctx.data.unitPrice;
        return ctx.t('tender.unit_total_check', {
          price: money(u?.price ?? 0, ctx.locale),
          unit: u?.unit ?? '',
          qty: formatQty(u?.quantity ?? 0),
          total: money(ctx.data.total ?? 0, ctx.locale),
        });
      },
      answer: (yes, ctx) => {
        delete ctx.data.unitPrice;
        if (!yes) {
          delete ctx.data.total;
          return next('total');
        }
        return next('delivery');
      },
    }),
    delivery: s.text({
      text: (ctx) => ctx.t('tender.ask_delivery_days'),
      answer: (text, ctx) => {
        const m = /^(\d{1,3})\s*(hari|days?|hr)?$/i.exec(text.trim());
        const days = m
          ? Number(m[1])
          : ['besok', 'tomorrow'].includes(text.trim().toLowerCase())
            ? 1
            : Number.NaN;
        if (!Number.isInteger(days) || days < 0 || days > 365) return retry(ctx.t('hint.days'));
        ctx.data.days = days;
        return next('note');
      },
    }),
    note: s.text({
      text: (ctx) => ctx.t('tender.ask_note'),
      answer: (text, ctx) => {
        ctx.data.note = isSkip(text) ? null : text.slice(0, 500);
        return next('confirm');
      },
    }),
    confirm: s.yesNo({
      text: (ctx) =>
        ctx.t('tender.quote_summary', {
          total: money(ctx.data.total ?? 0, ctx.locale),
          days: ctx.data.days ?? 0,
          note: ctx.data.note ?? ctx.t('common.none'),
        }),
      yesLabel: 'tender.opt_send',
      noLabel: 'tender.opt_redo',
      answer: async (yes, ctx) => {
        if (!yes) return startQuote(ctx);
        const t = await tender(ctx);
        if (!t) return closed(ctx);
        const { total, days } = ctx.data;
        if (total === undefined || days === undefined) return startQuote(ctx);
        const prices = ctx.data.prices ?? [];
        const result = await ctx.store.needs.submitQuote(ctx.actor.userId, needId(ctx), {
          total,
          deliveryDays: days,
          note: ctx.data.note ?? null,
          items: prices.length
            ? t.items.map((it, i) => ({
                needItemId: it.id,
                unitPrice: prices[i] ?? 0,
                lineTotal: Math.round(it.quantity * (prices[i] ?? 0)),
              }))
            : [],
        });
        if (isFail(result)) return closed(ctx);
        return home([
          ctx.t(result.revision > 1 ? 'tender.revised' : 'tender.sent', {
            number: String(result.number),
            deadline: when(result.deadline, ctx.locale, result.timeZone),
          }),
        ]);
      },
    }),
    withdraw: s.yesNo({
      text: (ctx) => ctx.t('tender.ask_withdraw'),
      answer: async (yes, ctx) => {
        if (!yes) return next('alert');
        const r = await ctx.store.needs.withdrawQuote(ctx.actor.userId, needId(ctx));
        if (isFail(r)) return closed(ctx);
        return home([ctx.t('tender.withdrawn')]);
      },
    }),
  }),
});
