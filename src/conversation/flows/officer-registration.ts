import { z } from 'zod';
import { titleCase } from '../../domain/names.js';
import type { MessageKey } from '../../i18n/index.js';
import type { OfficersTable } from '../../store/schema.js';
import { type DataOf, defineFlow } from '../define-flow.js';
import type { StepResult, TurnContext } from '../flow.js';
import { home, next, retry } from '../flow.js';
import { cleanName, isSkip } from '../steps.js';
import { type LocationStep, locationEntry, locationSteps } from './shared.js';

type Position = OfficersTable['position'];

// Aliases are the words officers use for their posts, whatever language the chat is in.
export const POSITIONS: Array<{ id: Position; key: MessageKey; aliases: string[] }> = [
  { id: 'kepala_desa', key: 'position.kepala_desa', aliases: ['kepala desa', 'kades', 'kuwu', 'lurah'] },
  { id: 'sekdes', key: 'position.sekdes', aliases: ['sekretaris desa', 'sekdes', 'carik'] },
  { id: 'kasi', key: 'position.kasi', aliases: ['kasi', 'kepala seksi'] },
  { id: 'kaur', key: 'position.kaur', aliases: ['kaur', 'kepala urusan', 'bendahara'] },
  { id: 'tpk', key: 'position.tpk', aliases: ['tpk', 'tim pelaksana kegiatan'] },
  { id: 'lainnya', key: 'position.lainnya', aliases: ['lainnya', 'lain', 'other'] },
];

export const positionLabel = (ctx: TurnContext<object>, id: string) =>
  ctx.t(POSITIONS.find((p) => p.id === id)?.key ?? 'position.lainnya');

// z.enum wants a non-empty tuple; POSITIONS is a literal list of six.
const POSITION_IDS = POSITIONS.map((p) => p.id) as [Position, ...Position[]];

const DATA = {
  fullName: z.string().optional(),
  loc_regency: z.string().optional(),
  loc_district: z.string().optional(),
  loc_village: z.string().optional(),
  position: z.enum(POSITION_IDS).optional(),
  /** An invite code from the regency (verified at once), or null to wait for verification. */
  invite: z.string().nullable().optional(),
  editing: z.boolean().optional(),
};
type Ctx = TurnContext<DataOf<typeof DATA>>;
type StepName = 'full_name' | LocationStep<'loc_'> | 'position' | 'invite' | 'confirm' | 'edit';

const then = (ctx: Ctx, step: StepName): StepResult<StepName> => next(ctx.data.editing ? 'confirm' : step);

export const officerRegistration = defineFlow({
  name: 'officer_reg',
  first: 'full_name',
  collectsData: true,
  taskName: 'task.officer_reg',
  data: DATA,
  steps: (s) => ({
    full_name: s.text({
      text: (ctx) => ctx.t('officer.ask_name'),
      answer: (text, ctx) => {
        const name = cleanName(text);
        if (!name) return retry(ctx.t('hint.name'));
        ctx.data.fullName = name;
        return then(ctx, locationEntry(ctx, 'loc_'));
      },
    }),
    ...locationSteps('loc_', { onlyDesa: true, after: (ctx) => then(ctx, 'position') }),
    position: s.choice({
      text: (ctx) => ctx.t('officer.ask_position'),
      options: (ctx) => POSITIONS.map((p) => ({ id: p.id, label: ctx.t(p.key), aliases: p.aliases })),
      choose: (id, ctx) => {
        const position = POSITIONS.find((p) => p.id === id);
        if (!position) return next('position');
        ctx.data.position = position.id;
        return then(ctx, 'invite');
      },
    }),
    invite: s.text({
      text: (ctx) => ctx.t('officer.ask_invite'),
      help: 'help.invite',
      answer: async (text, ctx) => {
        if (isSkip(text)) {
          ctx.data.invite = null;
          return next('confirm');
        }
        const code = text.replace(/\s+/g, '').toUpperCase();
        if (!ctx.data.loc_village) return next(locationEntry(ctx, 'loc_'));
        const check = await ctx.store.checkInviteCode(code, ctx.data.loc_village);
        if (!check.ok) return retry(ctx.t(`officer.invite_${check.reason}`));
        ctx.data.invite = code;
        return next('confirm');
      },
    }),
    confirm: s.yesNo({
      text: async (ctx) => {
        const place = ctx.data.loc_village ? await ctx.store.villagePlace(ctx.data.loc_village) : null;
        return ctx.t('officer.summary', {
          name: ctx.data.fullName ?? '-',
          position: positionLabel(ctx, ctx.data.position ?? 'lainnya'),
          village: place ? titleCase(place.village) : '-',
          district: place ? titleCase(place.district) : '-',
          invite: ctx.data.invite ?? ctx.t('common.none'),
        });
      },
      yesLabel: 'common.yes_save',
      noLabel: 'common.no_change',
      answer: async (yes, ctx) => {
        if (!yes) return next('edit');
        const { fullName, loc_village: village, position } = ctx.data;
        if (!fullName || !village || !position) return next('edit');
        let inviteId: number | null = null;
        if (ctx.data.invite) {
          // Checked again at saving time: the code may have been used since it was typed.
          const check = await ctx.store.checkInviteCode(ctx.data.invite, village);
          if (!check.ok) {
            ctx.data.invite = null;
            return next('invite', [ctx.t(`officer.invite_${check.reason}`)]);
          }
          inviteId = check.id;
        }
        const officerId = await ctx.store.saveOfficer({
          userId: ctx.actor.userId,
          fullName,
          villageCode: village,
          position,
          inviteCodeId: inviteId,
        });
        const place = await ctx.store.villagePlace(village);
        await ctx.store.audit({
          actorType: 'user',
          actorId: ctx.actor.userId,
          action: inviteId ? 'officer.registered_verified' : 'officer.registered_pending',
          entityType: 'officer',
          entityId: String(officerId),
          regencyCode: place?.regencyCode ?? null,
          data: { village, position },
        });
        return home([ctx.t(inviteId ? 'officer.registered_verified' : 'officer.registered_pending')]);
      },
    }),
    edit: s.choice({
      text: (ctx) => ctx.t('common.which_to_change'),
      options: (ctx) => [
        { id: 'full_name', label: ctx.t('officer.field_name') },
        { id: 'location', label: ctx.t('officer.field_village') },
        { id: 'position', label: ctx.t('officer.field_position') },
        { id: 'invite', label: ctx.t('officer.field_invite') },
      ],
      choose: (field, ctx) => {
        ctx.data.editing = true;
        // The ids above are this flow's step names.
        return next(field === 'location' ? locationEntry(ctx, 'loc_') : (field as StepName));
      },
    }),
  }),
});
