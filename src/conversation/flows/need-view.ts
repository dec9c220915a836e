import { z } from 'zod';
import type { MessageKey } from '../../i18n/index.js';
import { money, when } from '../../notices/format.js';
import { isFail } from '../../procurement/index.js';
import { type DataOf, defineFlow } from '../define-flow.js';
import type { TurnContext } from '../flow.js';
import { goto, home } from '../flow.js';
import { pickOption } from '../steps.js';
import type { OutboundOption } from '../types.js';

const DATA = { needId: z.number() };
type Ctx = TurnContext<DataOf<typeof DATA>>;

async function overview(ctx: Ctx) {
  const v = await ctx.store.needs.overview(ctx.actor.userId, ctx.data.needId);
  return isFail(v) ? null : v;
}
type Overview = NonNullable<Awaited<ReturnType<typeof overview>>>;

const status = (ctx: Ctx, s: string) => ctx.t(`status.${s}` as MessageKey);

/** The sentence under the need's title: what state it is in, in the officer's terms. */
function detail(ctx: Ctx, v: Overview): string {
  const { need, order } = v;
  if (order)
    return ctx.t('need.view_order', {
      order: order.number,
      vendor: order.business_name,
      amount: money(order.amount, ctx.locale),
      status: status(ctx, order.status),
    });
  if (need.status === 'published')
    return ctx.t('need.view_open', {
      count: v.quotes,
      deadline: when(need.quoteDeadline, ctx.locale, v.timeZone),
    });
  if (need.status === 'closed') return ctx.t('need.view_closed', { count: v.quotes });
  return '';
}

/** Only what the need's state allows, then the way back. */
function actions(ctx: Ctx, v: Overview): OutboundOption[] {
  const { need, order } = v;
  const own: OutboundOption[] = [];
  if (need.status === 'closed') own.push({ id: 'award', label: ctx.t('need.opt_choose_winner') });
  if (order?.status === 'delivered') own.push({ id: 'receipt', label: ctx.t('need.opt_confirm_receipt') });
  if (order?.status === 'received') own.push({ id: 'payment', label: ctx.t('need.opt_record_payment') });
  return [
    ...own,
    { id: 'list', label: ctx.t('need.opt_back_to_list') },
    { id: 'menu', label: ctx.t('common.back_to_menu') },
  ];
}

/** An officer's need from *Kebutuhan saya*: its real state and only the actions it allows. */
export const needView = defineFlow({
  name: 'need_view',
  first: 'show',
  collectsData: false,
  data: DATA,
  steps: (s) => ({
    show: s.step({
      async prompt(ctx) {
        const v = await overview(ctx);
        if (!v)
          return {
            text: ctx.t('need.view_missing'),
            options: [{ id: 'menu', label: ctx.t('common.back_to_menu') }],
          };
        const head = ctx.t('need.view', {
          number: String(v.need.number),
          title: v.need.title,
          status: status(ctx, v.need.status),
        });
        const more = detail(ctx, v);
        return { text: more ? `${head}\n${more}` : head, options: actions(ctx, v) };
      },
      async handle(ctx) {
        const v = await overview(ctx);
        if (!v) return home();
        const picked = await pickOption(ctx, actions(ctx, v));
        if (typeof picked !== 'string') return picked;
        const orderId = v.order?.id;
        if (picked === 'award') return goto('award', { data: { needId: v.need.id } });
        if (picked === 'receipt' && orderId) return goto('receipt', { data: { orderId } });
        if (picked === 'payment' && orderId) return goto('payment', { step: 'amount', data: { orderId } });
        if (picked === 'list') return goto('my_needs');
        return home();
      },
    }),
  }),
});
