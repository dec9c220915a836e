import { formatRegencyName, titleCase } from '../../domain/names.js';
import { asLocale, languageOptions } from '../../i18n/index.js';
import { formatDateTime } from '../../parse/date-format.js';
import { matchOption } from '../../parse/options.js';
import type { FlowData, Step, StepResult, TurnContext } from '../flow.js';
import { next, retry } from '../flow.js';
import { choiceStep, pickOption } from '../steps.js';
import type { OutboundOption } from '../types.js';

type After<S extends string> = (ctx: TurnContext) => StepResult<S> | Promise<StepResult<S>>;

/** The three location questions under a prefix (`loc_regency`, `loc_district`, `loc_village`). */
export type LocationStep<P extends string> = `${P}regency` | `${P}district` | `${P}village`;

/**
 * Where to go when a location must be asked: straight to the kecamatan when only one regency
 * is served (the usual case), otherwise to the regency question first.
 */
export function locationEntry<P extends string>(ctx: TurnContext<object>, prefix: P): LocationStep<P> {
  const regencies = ctx.config.AREA_REGENCIES;
  if (regencies.length === 1) {
    (ctx.data as Record<string, unknown>)[`${prefix}regency`] = regencies[0];
    return `${prefix}district`;
  }
  return `${prefix}regency`;
}

/** Kabupaten → kecamatan → desa, from the official areas, each a numbered list. */
export function locationSteps<P extends string, S extends string>(
  prefix: P,
  opts: { onlyDesa: boolean; after: After<S> },
): Record<LocationStep<P>, Step<FlowData, LocationStep<P> | S>> {
  const choice = choiceStep<FlowData, LocationStep<P> | S>;
  // Keys built from the prefix: the compiler cannot follow a template literal into an object key.
  return <Record<LocationStep<P>, Step<FlowData, LocationStep<P> | S>>>{
    [`${prefix}regency`]: choice({
      text: (ctx) => ctx.t('location.ask_regency'),
      options: async (ctx) =>
        (await ctx.store.listRegencies(ctx.config.AREA_REGENCIES)).map((r) => ({
          id: r.code,
          label: formatRegencyName(r.name),
        })),
      choose: (code, ctx) => {
        ctx.data[`${prefix}regency`] = code;
        return next(`${prefix}district` as const);
      },
    }),
    [`${prefix}district`]: choice({
      text: (ctx) => ctx.t('location.ask_district'),
      help: 'help.location',
      options: async (ctx) =>
        (await ctx.store.listDistricts(String(ctx.data[`${prefix}regency`]))).map((d) => ({
          id: d.code,
          label: titleCase(d.name),
        })),
      choose: (code, ctx) => {
        ctx.data[`${prefix}district`] = code;
        return next(`${prefix}village` as const);
      },
    }),
    [`${prefix}village`]: choice({
      text: (ctx) => ctx.t(opts.onlyDesa ? 'location.ask_desa' : 'location.ask_village'),
      help: 'help.location',
      options: async (ctx) =>
        (await ctx.store.listVillages(String(ctx.data[`${prefix}district`]), opts.onlyDesa)).map((v) => ({
          id: v.code,
          label: titleCase(v.name),
        })),
      choose: (code, ctx) => {
        ctx.data[`${prefix}village`] = code;
        return opts.after(ctx);
      },
    }),
  };
}

export async function categoryOptions(ctx: TurnContext<object>): Promise<OutboundOption[]> {
  const rows = await ctx.store.listCategories();
  return rows.map((c) => ({
    id: String(c.id),
    label: ctx.locale === 'en' ? c.name_en : c.name_id,
    aliases: [c.name_id, c.name_en, c.code.replace(/_/g, ' ')],
  }));
}

const STRONG_SPLIT = /\s*(?:,|;|\/|&|\+|\bdan\b|\band\b)\s*/i;

function matchAll(parts: string[], options: OutboundOption[]): string[] | null {
  if (parts.length === 0 || parts.length > options.length) return null;
  const ids: string[] = [];
  for (const part of parts) {
    const m = matchOption(part, options);
    if (!m || !('id' in m)) return null;
    if (!ids.includes(m.id)) ids.push(m.id);
  }
  return ids;
}

/**
 * Several categories at once: typed as a list ("1, 3, 5", "1 3 5", "atk dan konsumsi") or
 * tapped one by one (each tap toggles; "Selesai" ends). Returns null when nothing matched.
 * Lists are split before any whole-text match, or "1, 3" would read as option 13.
 */
export function parseCategoryList(text: string, options: OutboundOption[]): string[] | null {
  const strong = text.split(STRONG_SPLIT).filter(Boolean);
  if (strong.length > 1) return matchAll(strong, options);
  if (/^[\d\s.]+$/.test(text.trim()))
    return matchAll(
      text
        .trim()
        .split(/[\s.]+/)
        .filter(Boolean),
      options,
    );
  const whole = matchOption(text, options);
  return whole && 'id' in whole ? [whole.id] : null;
}

export function categoriesStep<Self extends string, S extends string>(
  key: string,
  self: Self,
  after: After<S>,
): Step<FlowData, Self | S> {
  const selected = (ctx: TurnContext): number[] => {
    const value = ctx.data[key];
    return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
  };
  return {
    help: 'help.categories',
    async prompt(ctx) {
      const options = await categoryOptions(ctx);
      const chosen = selected(ctx);
      const names = options.filter((o) => chosen.includes(Number(o.id))).map((o) => o.label);
      const text = chosen.length
        ? `${ctx.t('vendor.ask_categories')}\n${ctx.t('vendor.categories_chosen', { list: names.join(', ') })}`
        : ctx.t('vendor.ask_categories');
      return {
        text,
        multi: true,
        options: [...options, ...(chosen.length ? [{ id: 'done', label: ctx.t('common.done') }] : [])],
      };
    },
    async handle(ctx) {
      const options = await categoryOptions(ctx);
      const chosen = selected(ctx);
      const tapped = ctx.input.optionId;
      const finishing =
        tapped === 'done' || ['selesai', 'done', 'sudah', 'cukup'].includes(ctx.text.toLowerCase());
      if (finishing) {
        return chosen.length ? after(ctx) : retry(ctx.t('vendor.categories_none'));
      }
      if (tapped && options.some((o) => o.id === tapped)) {
        const id = Number(tapped);
        ctx.data[key] = chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id];
        return next(self);
      }
      const ids = ctx.text ? parseCategoryList(ctx.text, options) : null;
      if (!ids) {
        const picked = await pickOption(ctx, options);
        if (typeof picked !== 'string') return retry(ctx.t('vendor.categories_hint'));
        ctx.data[key] = [Number(picked)];
        return after(ctx);
      }
      ctx.data[key] = ids.map(Number);
      return after(ctx);
    },
  };
}

export function languageStep<S extends string>(after: After<S>): Step<FlowData, S> {
  return choiceStep({
    text: (ctx) => ctx.t('language.ask'),
    options: languageOptions,
    choose: async (locale, ctx) => {
      await ctx.store.setLocale(ctx.actor.userId, locale);
      ctx.setLocale(asLocale(locale));
      return after(ctx);
    },
  });
}

/** "Jam 8.04" typed at 08.04.21 is tomorrow's 08.04: the sentence that says so, or nothing. */
export function movedToTomorrowNote(
  ctx: TurnContext<object>,
  parsed: { at: Date; movedToTomorrow?: boolean },
  timeZone: string,
): string[] {
  return parsed.movedToTomorrow
    ? [ctx.t('date.moved_tomorrow', { when: formatDateTime(parsed.at, ctx.locale, timeZone) })]
    : [];
}
