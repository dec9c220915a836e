import { z } from 'zod';
import { titleCase } from '../../domain/names.js';
import { maskPhone, parsePhone } from '../../parse/phone.js';
import { parseYesNo } from '../../parse/yesno.js';
import { type DataOf, defineFlow } from '../define-flow.js';
import type { StepResult, TurnContext } from '../flow.js';
import { home, next, retry } from '../flow.js';
import { cleanName, isSkip } from '../steps.js';
import {
  categoriesStep,
  categoryOptions,
  type LocationStep,
  locationEntry,
  locationSteps,
} from './shared.js';

const DATA = {
  businessName: z.string().optional(),
  ownerName: z.string().optional(),
  phone: z.string().optional(),
  categoryIds: z.array(z.number()).optional(),
  loc_regency: z.string().optional(),
  loc_district: z.string().optional(),
  loc_village: z.string().optional(),
  nib: z.string().nullable().optional(),
  editing: z.boolean().optional(),
};
type Ctx = TurnContext<DataOf<typeof DATA>>;
type StepName =
  | 'business_name'
  | 'owner_name'
  | 'phone'
  | 'categories'
  | LocationStep<'loc_'>
  | 'nib'
  | 'confirm'
  | 'edit';

/** While correcting one answer from the summary, each step returns to the summary. */
const then = (ctx: Ctx, step: StepName): StepResult<StepName> => next(ctx.data.editing ? 'confirm' : step);

/** The answers a registration cannot be saved without, or null while one is missing. */
function answers(ctx: Ctx) {
  const { businessName, ownerName, phone, categoryIds, loc_village } = ctx.data;
  if (!businessName || !ownerName || !phone || !categoryIds?.length || !loc_village) return null;
  return { businessName, ownerName, phone, categoryIds, villageCode: loc_village, nib: ctx.data.nib ?? null };
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

async function summary(ctx: Ctx): Promise<string> {
  const a = answers(ctx);
  if (!a) return ctx.t('need.summary_incomplete');
  const place = await ctx.store.villagePlace(a.villageCode);
  const options = await categoryOptions(ctx);
  const categories = options
    .filter((o) => a.categoryIds.includes(Number(o.id)))
    .map((o) => o.label)
    .join(', ');
  return ctx.t('vendor.summary', {
    business: a.businessName,
    owner: a.ownerName,
    phone: maskPhone(a.phone),
    categories,
    village: place ? titleCase(place.village) : '-',
    district: place ? titleCase(place.district) : '-',
    nib: a.nib ?? ctx.t('common.none'),
  });
}

export const vendorRegistration = defineFlow({
  name: 'vendor_reg',
  first: 'business_name',
  collectsData: true,
  taskName: 'task.vendor_reg',
  data: DATA,
  steps: (s) => ({
    business_name: s.text({
      text: (ctx) => ctx.t('vendor.ask_business_name'),
      help: 'help.vendor_business_name',
      answer: (text, ctx) => {
        const name = cleanName(text);
        if (!name) return retry(ctx.t('hint.name'));
        ctx.data.businessName = name;
        return then(ctx, 'owner_name');
      },
    }),
    owner_name: s.text({
      text: (ctx) => ctx.t('vendor.ask_owner_name'),
      answer: (text, ctx) => {
        const name = cleanName(text);
        if (!name) return retry(ctx.t('hint.name'));
        ctx.data.ownerName = name;
        return then(ctx, 'phone');
      },
    }),
    phone: s.step({
      help: 'help.phone',
      accepts: ['contact'],
      prompt: (ctx) =>
        ctx.actor.channelPhone
          ? {
              text: ctx.t('vendor.ask_phone_known', { phone: maskPhone(ctx.actor.channelPhone) }),
              options: [
                { id: 'yes', label: ctx.t('vendor.phone_use_this') },
                { id: 'no', label: ctx.t('vendor.phone_other') },
              ],
            }
          : { text: ctx.t('vendor.ask_phone') },
      handle: (ctx) => {
        const fromContact = ctx.input.contact?.phone;
        const known = ctx.actor.channelPhone;
        const tapped = ctx.input.optionId;
        const yes = tapped === 'yes' || ctx.text === '1' || (ctx.text ? parseYesNo(ctx.text) : null);
        if (!fromContact && known && yes === true) {
          ctx.data.phone = known;
          return then(ctx, 'categories');
        }
        if (!fromContact && known && (tapped === 'no' || ctx.text === '2' || yes === false)) {
          return retry(ctx.t('vendor.ask_phone'));
        }
        const parsed = parsePhone(fromContact ?? ctx.text);
        if (!parsed.ok) return retry(ctx.t('hint.phone'));
        ctx.data.phone = parsed.value;
        return then(ctx, 'categories');
      },
    }),
    categories: categoriesStep('categoryIds', 'categories', (ctx) => then(ctx, locationEntry(ctx, 'loc_'))),
    ...locationSteps('loc_', { onlyDesa: false, after: (ctx) => then(ctx, 'nib') }),
    nib: s.text({
      text: (ctx) => ctx.t('vendor.ask_nib'),
      help: 'help.nib',
      answer: (text, ctx) => {
        if (isSkip(text)) {
          ctx.data.nib = null;
          return next('confirm');
        }
        const digits = text.replace(/[\s.-]/g, '');
        if (!/^\d{13}$/.test(digits)) return retry(ctx.t('hint.nib'));
        ctx.data.nib = digits;
        return next('confirm');
      },
    }),
    confirm: s.yesNo({
      text: summary,
      yesLabel: 'common.yes_save',
      noLabel: 'common.no_change',
      answer: async (yes, ctx) => {
        if (!yes) return next('edit');
        const a = answers(ctx);
        if (!a) return next('edit');
        const vendorId = await ctx.store.saveVendor({
          userId: ctx.actor.userId,
          ...a,
          quietStartMinute: minutes(ctx.config.DEFAULT_QUIET_START),
          quietEndMinute: minutes(ctx.config.DEFAULT_QUIET_END),
        });
        const place = await ctx.store.villagePlace(a.villageCode);
        await ctx.store.audit({
          actorType: 'user',
          actorId: ctx.actor.userId,
          action: 'vendor.registered',
          entityType: 'vendor',
          entityId: String(vendorId),
          regencyCode: place?.regencyCode ?? null,
          data: { village: a.villageCode, categories: a.categoryIds },
        });
        return home([ctx.t('vendor.registered', { business: a.businessName })]);
      },
    }),
    edit: s.choice({
      text: (ctx) => ctx.t('common.which_to_change'),
      options: (ctx) => [
        { id: 'business_name', label: ctx.t('vendor.field_business') },
        { id: 'owner_name', label: ctx.t('vendor.field_owner') },
        { id: 'phone', label: ctx.t('vendor.field_phone') },
        { id: 'categories', label: ctx.t('vendor.field_categories') },
        { id: 'location', label: ctx.t('vendor.field_location') },
        { id: 'nib', label: ctx.t('vendor.field_nib') },
      ],
      choose: (field, ctx) => {
        ctx.data.editing = true;
        return next(field === 'location' ? locationEntry(ctx, 'loc_') : (field as StepName));
      },
    }),
  }),
});
