import { z } from 'zod';
import { titleCase } from '../../domain/names.js';
import { maskPhone } from '../../parse/phone.js';
import { formatClock, parseTimeRange } from '../../parse/time-range.js';
import { type DataOf, defineFlow } from '../define-flow.js';
import type { StepResult, TurnContext } from '../flow.js';
import { home, next, retry } from '../flow.js';
import { pickOption } from '../steps.js';
import { positionLabel } from './officer-registration.js';
import { categoriesStep, categoryOptions, languageStep, locationEntry, locationSteps } from './shared.js';

/** How long a code to link another chat works. */
const LINK_CODE_MINUTES = 10;

const DATA = {
  categoryIds: z.array(z.number()).optional(),
  loc_regency: z.string().optional(),
  loc_district: z.string().optional(),
  loc_village: z.string().optional(),
};
type Ctx = TurnContext<DataOf<typeof DATA>>;

const saved = (ctx: TurnContext<object>): StepResult<'show'> => next('show', [ctx.t('profile.saved')]);

async function vendorOf(ctx: TurnContext<object>) {
  const vendor = await ctx.store.findVendor(ctx.actor.userId);
  if (!vendor) throw new Error('profile flow without a vendor');
  return vendor;
}

async function describe(ctx: Ctx): Promise<{ text: string; vendor: boolean }> {
  const vendor = await ctx.store.findVendor(ctx.actor.userId);
  const language = ctx.t('language.name');
  if (vendor) {
    const place = await ctx.store.villagePlace(vendor.villageCode);
    const categories = (await categoryOptions(ctx))
      .filter((o) => vendor.categoryIds.includes(Number(o.id)))
      .map((o) => o.label)
      .join(', ');
    const quiet =
      vendor.quietStartMinute === vendor.quietEndMinute
        ? ctx.t('profile.quiet_off')
        : `${formatClock(vendor.quietStartMinute)}–${formatClock(vendor.quietEndMinute)}`;
    return {
      vendor: true,
      text: ctx.t('profile.vendor', {
        business: vendor.businessName,
        owner: vendor.ownerName,
        phone: vendor.phone ? maskPhone(vendor.phone) : '-',
        categories,
        village: place ? titleCase(place.village) : '-',
        district: place ? titleCase(place.district) : '-',
        quiet,
        status: ctx.t(`verification.${vendor.verification}`),
        language,
      }),
    };
  }
  const officer = await ctx.store.findOfficer(ctx.actor.userId);
  if (!officer) return { vendor: false, text: ctx.t('profile.none') };
  const place = await ctx.store.villagePlace(officer.villageCode);
  return {
    vendor: false,
    text: ctx.t('profile.officer', {
      name: officer.fullName,
      position: positionLabel(ctx, officer.position),
      village: place ? titleCase(place.village) : '-',
      district: place ? titleCase(place.district) : '-',
      status: ctx.t(`verification.${officer.verification}`),
      language,
    }),
  };
}

function profileOptions(ctx: Ctx, vendor: boolean) {
  return [
    ...(vendor
      ? [
          { id: 'categories', label: ctx.t('profile.change_categories') },
          { id: 'location', label: ctx.t('profile.change_location') },
          { id: 'quiet', label: ctx.t('profile.change_quiet') },
        ]
      : []),
    { id: 'language', label: ctx.t('profile.change_language') },
    { id: 'link', label: ctx.t('profile.link_account') },
    { id: 'back', label: ctx.t('common.back_to_menu') },
  ];
}

/** View the profile and change what a person may change themselves. */
export const profileFlow = defineFlow({
  name: 'profile',
  first: 'show',
  collectsData: false,
  data: DATA,
  steps: (s) => ({
    show: s.step({
      async prompt(ctx) {
        const { text, vendor } = await describe(ctx);
        return { text, options: profileOptions(ctx, vendor) };
      },
      async handle(ctx) {
        const { vendor } = await describe(ctx);
        const picked = await pickOption(ctx, profileOptions(ctx, vendor));
        if (typeof picked !== 'string') return picked;
        if (picked === 'back') return home();
        if (picked === 'categories') {
          ctx.data.categoryIds = (await vendorOf(ctx)).categoryIds;
          return next('categories');
        }
        if (picked === 'location') return next(locationEntry(ctx, 'loc_'));
        if (picked === 'link') {
          const code = await ctx.store.linkCodes.issue(ctx.actor.userId, LINK_CODE_MINUTES);
          return next('show', [ctx.t('link.code', { code, minutes: LINK_CODE_MINUTES })]);
        }
        if (picked === 'quiet' || picked === 'language') return next(picked);
        return next('show');
      },
    }),
    categories: categoriesStep('categoryIds', 'categories', async (ctx) => {
      const ids = DATA.categoryIds.parse(ctx.data.categoryIds) ?? [];
      await ctx.store.setVendorCategories((await vendorOf(ctx)).id, ids);
      return saved(ctx);
    }),
    ...locationSteps('loc_', {
      onlyDesa: false,
      after: async (ctx) => {
        const village = DATA.loc_village.parse(ctx.data.loc_village);
        if (!village) return next(locationEntry(ctx, 'loc_'));
        await ctx.store.updateVendorLocation((await vendorOf(ctx)).id, village);
        return saved(ctx);
      },
    }),
    quiet: s.text({
      text: (ctx) => ctx.t('profile.ask_quiet'),
      help: 'help.quiet',
      answer: async (text, ctx) => {
        const range = parseTimeRange(text);
        if (!range) return retry(ctx.t('hint.quiet'));
        const vendor = await vendorOf(ctx);
        const [start, end] = range === 'off' ? [0, 0] : [range.start, range.end];
        await ctx.store.updateVendorQuietHours(vendor.id, start, end);
        return saved(ctx);
      },
    }),
    language: languageStep(saved),
  }),
});
