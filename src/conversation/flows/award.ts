import { z } from 'zod';
import { awardButton, readButton } from '../../domain/buttons.js';
import { earliestDeadline } from '../../domain/deadlines.js';
import { isLowest } from '../../domain/ranking.js';
import { rupiahInWords } from '../../domain/terbilang.js';
import { money, rankedPrompt, when } from '../../notices/format.js';
import { parseDateTime } from '../../parse/dates.js';
import { parseRupiah } from '../../parse/money.js';
import { isFail, type RankedQuote } from '../../procurement/index.js';
import { type DataOf, defineFlow } from '../define-flow.js';
import type { TurnContext } from '../flow.js';
import { home, next, retry } from '../flow.js';
import { isSkip, pickOption } from '../steps.js';
import { movedToTomorrowNote } from './shared.js';

const DATA = {
  /** The need this is about (the flow's context). */
  needId: z.number(),
  quoteId: z.number().optional(),
  /** Why not the lowest quote (required then). */
  reason: z.string().optional(),
  /** The agreed amount after negotiation (the offered total when skipped). */
  final: z.number().optional(),
  /** Too few quotes: extend (false) or also invite the next ring of vendors (true). */
  widen: z.boolean().optional(),
};
type Ctx = TurnContext<DataOf<typeof DATA>>;

const needId = (ctx: Ctx) => ctx.data.needId;

async function ranked(ctx: Ctx) {
  const r = await ctx.store.needs.ranked(ctx.actor.userId, needId(ctx));
  return isFail(r) ? null : r;
}

const chosen = (ctx: Ctx, list: RankedQuote[]) => list.find((q) => q.quoteId === ctx.data.quoteId);

/** At the deadline: the officer sees the ranked quotes and awards, or extends / widens / gives up when too few came. */
export const awardFlow = defineFlow({
  name: 'award',
  first: 'choose',
  collectsData: true,
  taskName: 'task.award',
  data: DATA,
  steps: (s) => ({
    choose: s.step({
      async prompt(ctx) {
        const r = await ranked(ctx);
        if (!r) return { text: ctx.t('award.not_ready') };
        const p = rankedPrompt(ctx.t, ctx.locale, r.need, r.ranked, r.received);
        return { text: p.text, options: p.options };
      },
      async handle(ctx) {
        const r = await ranked(ctx);
        if (r?.need.status !== 'closed') return home([ctx.t('award.not_ready')]);
        const enough = r.received >= r.need.minQuotes && r.ranked.length > 0;
        if (!enough) {
          const choice = await pickOption(ctx, [
            { id: awardButton(r.need.id, 'extend'), label: ctx.t('award.opt_extend') },
            { id: awardButton(r.need.id, 'widen'), label: ctx.t('award.opt_widen') },
            { id: awardButton(r.need.id, 'unsuccessful'), label: ctx.t('award.opt_unsuccessful') },
          ]);
          if (typeof choice !== 'string') return choice;
          const b = readButton(choice);
          const picked = b?.kind === 'award' ? b.choice : null;
          if (picked === 'unsuccessful') {
            await ctx.store.needs.declareUnsuccessful(ctx.actor.userId, needId(ctx));
            return home([ctx.t('award.unsuccessful_done')]);
          }
          ctx.data.widen = picked === 'widen';
          return next('new_deadline');
        }
        const picked = await pickOption(
          ctx,
          r.ranked.map((q, i) => ({
            id: awardButton(r.need.id, { quoteId: q.quoteId }),
            label: `${q.business_name}`,
            aliases: [String(i + 1)],
          })),
        );
        if (typeof picked !== 'string') return picked;
        const b = readButton(picked);
        if (b?.kind !== 'award' || typeof b.choice === 'string') return home();
        ctx.data.quoteId = b.choice.quoteId;
        return next(isLowest(r.ranked, b.choice.quoteId) ? 'negotiate' : 'reason');
      },
    }),
    reason: s.text({
      text: (ctx) => ctx.t('award.ask_reason'),
      answer: (text, ctx) => {
        if (text.trim().length < 5) return retry(ctx.t('award.reason_short'));
        ctx.data.reason = text.trim().slice(0, 500);
        return next('negotiate');
      },
    }),
    negotiate: s.text({
      text: async (ctx) => {
        const r = await ranked(ctx);
        const q = r && chosen(ctx, r.ranked);
        return ctx.t('award.ask_final_price', { offered: money(q?.total ?? 0, ctx.locale) });
      },
      answer: async (text, ctx) => {
        const r = await ranked(ctx);
        const q = r && chosen(ctx, r.ranked);
        if (!q) return home([ctx.t('award.not_ready')]);
        if (isSkip(text)) {
          ctx.data.final = q.total;
          return next('confirm');
        }
        const amount = parseRupiah(text);
        if (!amount.ok || amount.value > q.total)
          return retry(ctx.t('award.final_price_hint', { offered: money(q.total, ctx.locale) }));
        ctx.data.final = amount.value;
        return next('confirm');
      },
    }),
    confirm: s.yesNo({
      text: async (ctx) => {
        const r = await ranked(ctx);
        const q = r && chosen(ctx, r.ranked);
        const amount = ctx.data.final ?? q?.total ?? 0;
        return ctx.t('award.summary', {
          vendor: q?.business_name ?? '',
          amount: money(amount, ctx.locale),
          words: rupiahInWords(amount),
          reason: ctx.data.reason ?? ctx.t('award.reason_lowest'),
        });
      },
      yesLabel: 'award.opt_confirm',
      noLabel: 'award.opt_choose_again',
      answer: async (yes, ctx) => {
        if (!yes) return next('choose');
        const { quoteId } = ctx.data;
        if (quoteId === undefined) return next('choose');
        const r = await ctx.store.needs.award(ctx.actor.userId, needId(ctx), quoteId, {
          reason: ctx.data.reason ?? null,
          finalAmount: ctx.data.final ?? null,
        });
        if (isFail(r)) return home([ctx.t('award.not_ready')]);
        return home([
          ctx.t('award.done', { number: r.number, vendor: r.winner, amount: money(r.amount, ctx.locale) }),
        ]);
      },
    }),
    new_deadline: s.text({
      text: (ctx) => ctx.t('award.ask_new_deadline'),
      answer: async (text, ctx) => {
        const r = await ranked(ctx);
        if (!r) return home([ctx.t('award.not_ready')]);
        // The need's regency sets the time zone and the minimum window, as when it was posted.
        const rules = await ctx.store.rules(r.need.regencyCode);
        const parsed = parseDateTime(text, { now: ctx.now, timeZone: rules.timeZone, defaultHour: 12 });
        if (!parsed.ok) return retry(ctx.t('hint.date'));
        const earliest = earliestDeadline(ctx.now, rules.minQuoteWindowMinutes);
        if (parsed.value.at < earliest) {
          const earliestText = when(earliest, ctx.locale, rules.timeZone);
          return retry(ctx.t('need.deadline_too_soon', { earliest: earliestText }));
        }
        const widen = ctx.data.widen ?? false;
        const extended = await ctx.store.needs.extend(ctx.actor.userId, needId(ctx), parsed.value.at, widen);
        if (isFail(extended)) return home([ctx.t('award.not_ready')]);
        return home([
          ...movedToTomorrowNote(ctx, parsed.value, rules.timeZone),
          ctx.t(widen ? 'award.widened' : 'award.extended', {
            deadline: when(parsed.value.at, ctx.locale, rules.timeZone),
          }),
        ]);
      },
    }),
  }),
});
