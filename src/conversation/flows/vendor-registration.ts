import { titleCase } from '../../domain/names.js';
import { maskPhone, parsePhone } from '../../parse/phone.js';
import { parseYesNo } from '../../parse/yesno.js';
import type { Flow, StepResult, TurnContext } from '../flow.js';
import { home, next, retry } from '../flow.js';
import { choiceStep, cleanName, isSkip, textStep, yesNoStep } from '../steps.js';
import { categoriesStep, categoryOptions, locationEntry, locationSteps } from './shared.js';

/** While correcting one answer from the summary, each step returns to the summary. */
const then = (ctx: TurnContext, step: string): StepResult => next(ctx.data.editing ? 'confirm' : step);

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

async function summary(ctx: TurnContext): Promise<string> {
  const d = ctx.data;
  const place = await ctx.store.villagePlace(String(d.loc_village));
  const options = await categoryOptions(ctx);
  const categories = options
    .filter((o) => (d.categoryIds as number[]).includes(Number(o.id)))
    .map((o) => o.label)
    .join(', ');
  return ctx.t('vendor.summary', {
    business: String(d.businessName),
    owner: String(d.ownerName),
    phone: maskPhone(String(d.phone)),
    categories,
    village: place ? titleCase(place.village) : '-',
    district: place ? titleCase(place.district) : '-',
    nib: d.nib ? String(d.nib) : ctx.t('common.none'),
  });
}

export const vendorRegistration: Flow = {
  name: 'vendor_reg',
  first: 'business_name',
  collectsData: true,
  taskName: 'task.vendor_reg',
  steps: {
    business_name: textStep({
      text: (ctx) => ctx.t('vendor.ask_business_name'),
      help: 'help.vendor_business_name',
      answer: (text, ctx) => {
        const name = cleanName(text);
        if (!name) return retry(ctx.t('hint.name'));
        ctx.data.businessName = name;
        return then(ctx, 'owner_name');
      },
    }),
    owner_name: textStep({
      text: (ctx) => ctx.t('vendor.ask_owner_name'),
      answer: (text, ctx) => {
        const name = cleanName(text);
        if (!name) return retry(ctx.t('hint.name'));
        ctx.data.ownerName = name;
        return then(ctx, 'phone');
      },
    }),
    phone: {
      help: 'help.phone',
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
    },
    categories: categoriesStep('categoryIds', (ctx) => then(ctx, locationEntry(ctx, 'loc_'))),
    ...locationSteps('loc_', { onlyDesa: false, after: (ctx) => then(ctx, 'nib') }),
    nib: textStep({
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
    confirm: yesNoStep({
      text: summary,
      yesLabel: 'common.yes_save',
      noLabel: 'common.no_change',
      answer: async (yes, ctx) => {
        if (!yes) return next('edit');
        const d = ctx.data;
        const vendorId = await ctx.store.saveVendor({
          userId: ctx.actor.userId,
          businessName: String(d.businessName),
          ownerName: String(d.ownerName),
          phone: String(d.phone),
          nib: (d.nib as string | null) ?? null,
          villageCode: String(d.loc_village),
          categoryIds: d.categoryIds as number[],
          quietStartMinute: minutes(ctx.config.DEFAULT_QUIET_START),
          quietEndMinute: minutes(ctx.config.DEFAULT_QUIET_END),
        });
        const place = await ctx.store.villagePlace(String(d.loc_village));
        await ctx.store.audit({
          actorType: 'user',
          actorId: ctx.actor.userId,
          action: 'vendor.registered',
          entityType: 'vendor',
          entityId: String(vendorId),
          regencyCode: place?.regencyCode ?? null,
          data: { village: d.loc_village, categories: d.categoryIds },
        });
        return home([ctx.t('vendor.registered', { business: String(d.businessName) })]);
      },
    }),
    edit: choiceStep({
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
        return next(field === 'location' ? locationEntry(ctx, 'loc_') : field);
      },
    }),
  },
};
