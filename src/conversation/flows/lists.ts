import { z } from 'zod';
import type { MessageKey } from '../../i18n/index.js';
import { money, when } from '../../notices/format.js';
import { type DataOf, defineFlow } from '../define-flow.js';
import type { Flow, FlowName, StepResult, TurnContext } from '../flow.js';
import { goto, home, next } from '../flow.js';
import { pickOption } from '../steps.js';
import type { OutboundOption } from '../types.js';

const PAGE = 8;

const DATA = { page: z.number().optional() };
type Ctx = TurnContext<DataOf<typeof DATA>>;

interface ListSpec {
  name: FlowName;
  title: MessageKey;
  empty: MessageKey;
  load(ctx: Ctx, limit: number, offset: number): Promise<OutboundOption[]>;
  open(id: string, ctx: Ctx): Promise<StepResult<'list'>> | StepResult<'list'>;
}

/** A long list shown a page at a time, with "next page" and "back to menu". */
function listFlow(spec: ListSpec): Flow {
  const page = (ctx: Ctx) => ctx.data.page ?? 0;
  async function options(ctx: Ctx) {
    const rows = await spec.load(ctx, PAGE + 1, page(ctx) * PAGE);
    const more = rows.length > PAGE;
    return {
      rows,
      options: [
        ...rows.slice(0, PAGE),
        ...(more ? [{ id: 'next', label: ctx.t('list.next_page') }] : []),
        { id: 'menu', label: ctx.t('common.back_to_menu') },
      ],
    };
  }
  return defineFlow({
    name: spec.name,
    first: 'list',
    collectsData: false,
    data: DATA,
    steps: (s) => ({
      list: s.step({
        async prompt(ctx) {
          const { rows, options: opts } = await options(ctx);
          return { text: ctx.t(rows.length ? spec.title : spec.empty), options: opts };
        },
        async handle(ctx) {
          const { options: opts } = await options(ctx);
          const picked = await pickOption(ctx, opts);
          if (typeof picked !== 'string') return picked;
          if (picked === 'menu') return home();
          if (picked === 'next') {
            ctx.data.page = page(ctx) + 1;
            return next('list');
          }
          return spec.open(picked, ctx);
        },
      }),
    }),
  });
}

const vendorId = async (ctx: TurnContext<object>) => (await ctx.store.findVendor(ctx.actor.userId))?.id ?? 0;
const officerId = async (ctx: TurnContext<object>) =>
  (await ctx.store.findOfficer(ctx.actor.userId))?.id ?? 0;
const statusLabel = (ctx: TurnContext<object>, s: string) => ctx.t(`status.${s}` as MessageKey);

export const myNeeds = listFlow({
  name: 'my_needs',
  title: 'list.my_needs',
  empty: 'list.my_needs_empty',
  load: async (ctx, limit, offset) =>
    (await ctx.store.lists.needsOfOfficer(await officerId(ctx), limit, offset)).map((n) => ({
      id: String(n.id),
      label: `${n.number} ${n.title} — ${statusLabel(ctx, n.status)}`,
    })),
  open: (id) => goto('need_view', { data: { needId: Number(id) } }),
});

export const officerOrders = listFlow({
  name: 'officer_orders',
  title: 'list.orders',
  empty: 'list.orders_empty',
  load: async (ctx, limit, offset) =>
    (await ctx.store.orders.ofOfficer(await officerId(ctx), limit, offset)).map((o) => ({
      id: `${o.id}:${o.status}`,
      label: `${o.number} ${o.business_name} ${money(o.amount, ctx.locale)} — ${statusLabel(ctx, o.status)}`,
    })),
  open: (id, ctx) => {
    const [orderId, status] = id.split(':');
    const data = { orderId: Number(orderId) };
    if (status === 'delivered') return goto('receipt', { data });
    if (status === 'received') return goto('payment', { step: 'amount', data });
    if (status === 'paid') return goto('rate', { data });
    return next('list', [ctx.t('list.nothing_to_do')]);
  },
});

export const openTenders = listFlow({
  name: 'open_tenders',
  title: 'list.open_tenders',
  empty: 'list.open_tenders_empty',
  load: async (ctx, limit, offset) =>
    (await ctx.store.lists.openInvitations(await vendorId(ctx), limit, offset)).map((n) => ({
      id: String(n.id),
      label: `${n.number} ${n.title} — ${when(n.quote_deadline, ctx.locale, ctx.config.TIME_ZONE)}`,
    })),
  open: (id) => goto('tender', { data: { needId: Number(id) } }),
});

export const myQuotes = listFlow({
  name: 'my_quotes',
  title: 'list.my_quotes',
  empty: 'list.my_quotes_empty',
  load: async (ctx, limit, offset) =>
    (await ctx.store.lists.quotesOfVendor(await vendorId(ctx), limit, offset)).map((q) => ({
      id: String(q.need_id),
      label: `${q.number} ${q.title} — ${money(q.total, ctx.locale)} (${statusLabel(ctx, `quote_${q.status}`)})`,
    })),
  open: (id) => goto('tender', { data: { needId: Number(id) } }),
});

export const myOrders = listFlow({
  name: 'my_orders',
  title: 'list.orders',
  empty: 'list.orders_empty',
  load: async (ctx, limit, offset) =>
    (await ctx.store.orders.ofVendor(await vendorId(ctx), limit, offset)).map((o) => ({
      id: `${o.id}:${o.status}`,
      label: `${o.number} ${o.title} ${money(o.amount, ctx.locale)} — ${statusLabel(ctx, o.status)}`,
    })),
  open: (id, ctx) => {
    const [orderId, status] = id.split(':');
    const data = { orderId: Number(orderId) };
    if (status === 'awaiting_acceptance') return goto('order', { data });
    if (status === 'accepted') return goto('order', { step: 'deliver', data });
    if (status === 'paid') return goto('rate', { data });
    return next('list', [ctx.t('list.nothing_to_do')]);
  },
});
