import { z } from 'zod';
import { earliestDeadline } from '../../domain/deadlines.js';
import { titleCase } from '../../domain/names.js';
import { likelyHps } from '../../domain/red-flags.js';
import { formatQty, itemLines, methodName, money, when } from '../../notices/format.js';
import { parseDateTime } from '../../parse/dates.js';
import { splitItemQuantity } from '../../parse/item-split.js';
import { parseQuantity } from '../../parse/quantity.js';
import { isFail } from '../../procurement/index.js';
import { type DataOf, defineFlow } from '../define-flow.js';
import type { StepResult, TurnContext } from '../flow.js';
import { home, next, retry } from '../flow.js';
import { cleanName, pickOption } from '../steps.js';
import { readAmount } from './amount.js';
import { categoryOptions, movedToTomorrowNote } from './shared.js';

const DATA = {
  title: z.string().optional(),
  categoryId: z.number().optional(),
  items: z.array(z.object({ name: z.string(), quantity: z.number(), unit: z.string() })).optional(),
  /** The item whose quantity is asked next. */
  cur: z.string().optional(),
  /** An item line read as name + quantity, waiting for the officer to confirm the split. */
  split: z.object({ name: z.string(), quantity: z.number(), unit: z.string() }).optional(),
  hps: z.number().optional(),
  deadline: z.coerce.date().optional(),
  place: z.string().optional(),
  neededBy: z.coerce.date().optional(),
  /** Changing one answer from the summary: go back to it afterwards. */
  editing: z.boolean().optional(),
  /** Pembelian langsung: ask the nearest for quotes, or buy from one vendor picked directly. */
  route: z.enum(['quotes', 'direct']).optional(),
  directVendor: z.object({ id: z.number(), name: z.string() }).optional(),
};
type Ctx = TurnContext<DataOf<typeof DATA>>;
type StepName =
  | 'title'
  | 'category'
  | 'item_name'
  | 'item_split'
  | 'item_qty'
  | 'item_more'
  | 'hps'
  | 'hps_check'
  | 'deadline'
  | 'place'
  | 'needed_by'
  | 'confirm'
  | 'route'
  | 'direct_pick'
  | 'edit';

const MORE_ITEMS = ['ya', 'iya', 'ada', 'tambah', 'masih', 'lagi', 'yes', 'more', 'add'];
const NO_MORE_ITEMS = [
  'tidak',
  'tidak ada',
  'gak',
  'nggak',
  'enggak',
  'sudah',
  'selesai',
  'cukup',
  'lanjut',
  'no',
  'done',
];

const items = (ctx: Ctx) => ctx.data.items ?? [];
const then = (ctx: Ctx, step: StepName, say?: string[]): StepResult<StepName> =>
  next(ctx.data.editing ? 'confirm' : step, say);

/** The answers a need cannot be published without, or null while one is missing. */
function answers(ctx: Ctx) {
  const { title, categoryId, hps, deadline, place, neededBy } = ctx.data;
  if (!title || !categoryId || !hps || !deadline || !place || !neededBy) return null;
  return { title, categoryId, hps, deadline, place, neededBy, items: items(ctx) };
}

async function rules(ctx: Ctx) {
  const p = await ctx.store.needs.preview(ctx.actor.userId, ctx.data.hps ?? 1);
  if (isFail(p)) throw new Error(`need flow without an officer: ${p.error}`);
  return p;
}

function parseWhen(ctx: Ctx, text: string, tz: string) {
  return parseDateTime(text, { now: ctx.now, timeZone: tz, defaultHour: 12 });
}

/** The vendor picked for a pembelian langsung, while the method is one. */
function directVendor(ctx: Ctx, method: string) {
  return method === 'pembelian_langsung' && ctx.data.route === 'direct'
    ? (ctx.data.directVendor ?? null)
    : null;
}

async function publishNow(ctx: Ctx): Promise<StepResult<StepName>> {
  const a = answers(ctx);
  if (!a) return next('confirm');
  const r = await rules(ctx);
  const direct = directVendor(ctx, r.method);
  if (a.deadline < earliestDeadline(ctx.now, r.minWindowMinutes)) {
    ctx.data.editing = true;
    return next('deadline', [ctx.t('need.deadline_passed_meanwhile')]);
  }
  const published = await ctx.store.needs.publish(ctx.actor.userId, {
    title: a.title,
    categoryId: a.categoryId,
    items: a.items,
    hps: a.hps,
    deadline: a.deadline,
    deliveryPlace: a.place,
    neededBy: a.neededBy,
    directVendorId: direct?.id ?? null,
  });
  if (isFail(published)) return home([ctx.t('policy.officer_pending')]);
  const params = {
    number: published.number,
    method: methodName(ctx.t, published.method),
    deadline: when(a.deadline, ctx.locale, r.timeZone),
  };
  return home([
    direct
      ? ctx.t('need.published_direct', { ...params, vendor: direct.name })
      : ctx.t('need.published', params),
  ]);
}

/** An officer posts what the desa needs, item by item, and publishes it after a summary. */
export const needPost = defineFlow({
  name: 'need_post',
  first: 'title',
  collectsData: true,
  taskName: 'task.need_post',
  data: DATA,
  steps: (s) => ({
    title: s.text({
      text: (ctx) => ctx.t('need.ask_title'),
      help: 'help.need_title',
      answer: (text, ctx) => {
        const title = cleanName(text, 120);
        if (!title) return retry(ctx.t('hint.need_title'));
        ctx.data.title = title;
        return then(ctx, 'category');
      },
    }),
    category: s.choice({
      text: (ctx) => ctx.t('need.ask_category'),
      options: categoryOptions,
      choose: (id, ctx) => {
        ctx.data.categoryId = Number(id);
        // A vendor picked for the old category may not sell in the new one: ask again.
        delete ctx.data.route;
        delete ctx.data.directVendor;
        return then(ctx, 'item_name');
      },
    }),
    item_name: s.text({
      text: (ctx) => ctx.t('need.ask_item_name', { n: items(ctx).length + 1 }),
      help: 'help.need_items',
      answer: (text, ctx) => {
        const name = cleanName(text, 120);
        if (!name) return retry(ctx.t('hint.name'));
        ctx.data.cur = name;
        // "semen 50 sak": the name and the quantity in one line — confirm the split.
        const split = splitItemQuantity(name);
        if (!split) return next('item_qty');
        ctx.data.split = { name: split.name, quantity: split.quantity.amount, unit: split.quantity.unit };
        return next('item_split');
      },
    }),
    item_split: s.yesNo({
      text: (ctx) =>
        ctx.t('need.ask_item_split', {
          item: ctx.data.split?.name ?? '',
          qty: `${formatQty(ctx.data.split?.quantity ?? 0)} ${ctx.data.split?.unit ?? ''}`,
        }),
      yesLabel: 'need.opt_split_yes',
      noLabel: 'need.opt_split_no',
      answer: (yes, ctx) => {
        const split = ctx.data.split;
        delete ctx.data.split;
        // No: the whole line is the item's name ("Kursi 2 set" as a product), its quantity next.
        if (!yes || !split) return next('item_qty');
        ctx.data.items = [...items(ctx), split];
        delete ctx.data.cur;
        if (items(ctx).length >= 30) return then(ctx, 'hps');
        return next('item_more');
      },
    }),
    item_qty: s.text({
      text: (ctx) => ctx.t('need.ask_item_qty', { item: ctx.data.cur ?? '' }),
      answer: (text, ctx) => {
        const q = parseQuantity(text);
        if (!q.ok) return retry(ctx.t('hint.quantity'));
        ctx.data.items = [
          ...items(ctx),
          { name: ctx.data.cur ?? '', quantity: q.value.amount, unit: q.value.unit ?? 'unit' },
        ];
        delete ctx.data.cur;
        if (items(ctx).length >= 30) return then(ctx, 'hps');
        return next('item_more');
      },
    }),
    item_more: s.choice({
      text: (ctx) => ctx.t('need.items_so_far', { items: itemLines(items(ctx)) }),
      options: (ctx) => [
        // "Ada barang lain?" is a yes/no question too: people answer it with words.
        { id: 'more', label: ctx.t('need.opt_add_item'), aliases: MORE_ITEMS },
        { id: 'done', label: ctx.t('need.opt_items_done'), aliases: NO_MORE_ITEMS },
      ],
      choose: (id, ctx) => (id === 'more' ? next('item_name') : then(ctx, 'hps')),
    }),
    hps: s.text({
      text: (ctx) => ctx.t('need.ask_hps'),
      help: 'help.need_hps',
      answer: (text, ctx) => {
        const amount = readAmount(ctx, text);
        if (!amount.ok) return retry(amount.hint);
        ctx.data.hps = amount.value;
        // "25" for "25 juta" would make it a pembelian langsung without a word: ask first.
        if (likelyHps(amount.value) !== null) return next('hps_check');
        return then(ctx, 'deadline');
      },
    }),
    hps_check: s.choice({
      text: (ctx) => ctx.t('need.hps_check', { amount: money(ctx.data.hps ?? 0, ctx.locale) }),
      options: (ctx) => {
        const typed = ctx.data.hps ?? 0;
        const guess = likelyHps(typed) ?? typed;
        return [
          { id: 'guess', label: ctx.t('need.hps_meant', { amount: money(guess, ctx.locale) }) },
          { id: 'typed', label: ctx.t('need.hps_as_typed', { amount: money(typed, ctx.locale) }) },
          { id: 'retype', label: ctx.t('need.hps_retype') },
        ];
      },
      choose: (choice, ctx) => {
        if (choice === 'retype') return next('hps');
        if (choice === 'guess') ctx.data.hps = likelyHps(ctx.data.hps ?? 0) ?? ctx.data.hps;
        return then(ctx, 'deadline');
      },
    }),
    deadline: s.text({
      text: (ctx) => ctx.t('need.ask_deadline'),
      help: 'help.need_deadline',
      answer: async (text, ctx) => {
        const r = await rules(ctx);
        const parsed = parseWhen(ctx, text, r.timeZone);
        if (!parsed.ok) return retry(ctx.t('hint.date'));
        const earliest = earliestDeadline(ctx.now, r.minWindowMinutes);
        if (parsed.value.at < earliest) {
          return retry(ctx.t('need.deadline_too_soon', { earliest: when(earliest, ctx.locale, r.timeZone) }));
        }
        ctx.data.deadline = parsed.value.at;
        return then(ctx, 'place', movedToTomorrowNote(ctx, parsed.value, r.timeZone));
      },
    }),
    place: s.step({
      async prompt(ctx) {
        const r = await rules(ctx);
        const place = await ctx.store.villagePlace(r.villageCode);
        return {
          text: ctx.t('need.ask_place'),
          options: [
            { id: 'office', label: ctx.t('need.place_office', { village: titleCase(place?.village ?? '') }) },
          ],
        };
      },
      async handle(ctx) {
        const r = await rules(ctx);
        const place = await ctx.store.villagePlace(r.villageCode);
        const office = ctx.t('need.place_office', { village: titleCase(place?.village ?? '') });
        if (ctx.input.optionId === 'office' || ctx.text === '1') ctx.data.place = office;
        else {
          const typed = cleanName(ctx.text, 200);
          if (!typed) return retry(ctx.t('hint.place'));
          ctx.data.place = typed;
        }
        return then(ctx, 'needed_by');
      },
    }),
    needed_by: s.text({
      text: (ctx) => ctx.t('need.ask_needed_by'),
      answer: async (text, ctx) => {
        const r = await rules(ctx);
        const parsed = parseWhen(ctx, text, r.timeZone);
        if (!parsed.ok) return retry(ctx.t('hint.date'));
        if (ctx.data.deadline && parsed.value.at <= ctx.data.deadline)
          return retry(ctx.t('need.needed_by_after_deadline'));
        ctx.data.neededBy = parsed.value.at;
        return next('confirm', movedToTomorrowNote(ctx, parsed.value, r.timeZone));
      },
    }),
    confirm: s.yesNo({
      text: async (ctx) => {
        const r = await rules(ctx);
        const a = answers(ctx);
        if (!a) return ctx.t('need.summary_incomplete');
        const direct = directVendor(ctx, r.method);
        return ctx.t('need.summary', {
          direct: direct ? `\n${ctx.t('need.summary_direct', { vendor: direct.name })}` : '',
          title: a.title,
          items: itemLines(a.items),
          hps: money(a.hps, ctx.locale),
          method: methodName(ctx.t, r.method),
          min: r.minQuotes,
          deadline: when(a.deadline, ctx.locale, r.timeZone),
          place: a.place,
          neededBy: when(a.neededBy, ctx.locale, r.timeZone),
        });
      },
      yesLabel: 'need.opt_publish',
      noLabel: 'common.no_change',
      answer: async (yes, ctx) => {
        if (!yes) return next('edit');
        const r = await rules(ctx);
        // Pembelian langsung asks how to choose the vendor, once (a new deadline keeps the answer).
        if (r.method === 'pembelian_langsung' && !ctx.data.route) return next('route');
        return publishNow(ctx);
      },
    }),
    // Pembelian langsung: ask the nearest vendors for quotes, or buy from one picked directly.
    route: s.choice({
      text: (ctx) => ctx.t('need.ask_route'),
      options: (ctx) => [
        { id: 'quotes', label: ctx.t('need.route_quotes') },
        { id: 'direct', label: ctx.t('need.route_direct') },
      ],
      choose: (choice, ctx) => {
        if (choice === 'direct') return next('direct_pick');
        ctx.data.route = 'quotes';
        return publishNow(ctx);
      },
    }),
    direct_pick: s.step({
      async prompt(ctx) {
        const rec = await ctx.store.needs.recommend(ctx.actor.userId, ctx.data.categoryId ?? 0);
        const vendors = isFail(rec) ? [] : rec.vendors;
        if (vendors.length === 0)
          return {
            text: ctx.t('need.no_recommendations'),
            options: [{ id: 'quotes', label: ctx.t('need.route_quotes') }],
          };
        return {
          text: ctx.t('need.ask_direct_vendor'),
          options: [
            ...vendors.map((v) => ({
              id: `v${v.vendorId}`,
              label: `${v.name} — ${ctx.t(`ring.${v.ring}`)}${v.rating ? ` — ⭐${v.rating.toFixed(1)}` : ''}`,
            })),
            { id: 'quotes', label: ctx.t('need.route_quotes') },
          ],
        };
      },
      async handle(ctx) {
        const rec = await ctx.store.needs.recommend(ctx.actor.userId, ctx.data.categoryId ?? 0);
        const vendors = isFail(rec) ? [] : rec.vendors;
        const picked = await pickOption(ctx, [
          ...vendors.map((v) => ({ id: `v${v.vendorId}`, label: v.name })),
          { id: 'quotes', label: ctx.t('need.route_quotes') },
        ]);
        if (typeof picked !== 'string') return picked;
        const vendor = vendors.find((v) => `v${v.vendorId}` === picked);
        if (vendor) {
          ctx.data.route = 'direct';
          ctx.data.directVendor = { id: vendor.vendorId, name: vendor.name };
        } else ctx.data.route = 'quotes';
        return publishNow(ctx);
      },
    }),
    edit: s.choice({
      text: (ctx) => ctx.t('common.which_to_change'),
      options: (ctx) => [
        { id: 'title', label: ctx.t('need.field_title') },
        { id: 'category', label: ctx.t('need.field_category') },
        { id: 'items', label: ctx.t('need.field_items') },
        { id: 'hps', label: ctx.t('need.field_hps') },
        { id: 'deadline', label: ctx.t('need.field_deadline') },
        { id: 'place', label: ctx.t('need.field_place') },
        { id: 'needed_by', label: ctx.t('need.field_needed_by') },
      ],
      choose: (field, ctx) => {
        if (field === 'items') {
          ctx.data.items = [];
          ctx.data.editing = false;
          return next('item_name');
        }
        ctx.data.editing = true;
        return next(field as StepName);
      },
    }),
  }),
});
