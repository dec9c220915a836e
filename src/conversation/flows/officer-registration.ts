import { titleCase } from '../../domain/names.js';
import type { MessageKey } from '../../i18n/index.js';
import type { OfficersTable } from '../../store/schema.js';
import type { Flow, StepResult, TurnContext } from '../flow.js';
import { home, next, retry } from '../flow.js';
import { choiceStep, cleanName, isSkip, textStep, yesNoStep } from '../steps.js';
import { locationEntry, locationSteps } from './shared.js';

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

export const positionLabel = (ctx: TurnContext, id: string) =>
  ctx.t(POSITIONS.find((p) => p.id === id)?.key ?? 'position.lainnya');

const then = (ctx: TurnContext, step: string): StepResult => next(ctx.data.editing ? 'confirm' : step);

export const officerRegistration: Flow = {
  name: 'officer_reg',
  first: 'full_name',
  collectsData: true,
  taskName: 'task.officer_reg',
  steps: {
    full_name: textStep({
      text: (ctx) => ctx.t('officer.ask_name'),
      answer: (text, ctx) => {
        const name = cleanName(text);
        if (!name) return retry(ctx.t('hint.name'));
        ctx.data.fullName = name;
        return then(ctx, locationEntry(ctx, 'loc_'));
      },
    }),
    ...locationSteps('loc_', { onlyDesa: true, after: (ctx) => then(ctx, 'position') }),
    position: choiceStep({
      text: (ctx) => ctx.t('officer.ask_position'),
      options: (ctx) => POSITIONS.map((p) => ({ id: p.id, label: ctx.t(p.key), aliases: p.aliases })),
      choose: (id, ctx) => {
        ctx.data.position = id;
        return then(ctx, 'invite');
      },
    }),
    invite: textStep({
      text: (ctx) => ctx.t('officer.ask_invite'),
      help: 'help.invite',
      answer: async (text, ctx) => {
        if (isSkip(text)) {
          ctx.data.invite = null;
          return next('confirm');
        }
        const code = text.replace(/\s+/g, '').toUpperCase();
        const check = await ctx.store.checkInviteCode(code, String(ctx.data.loc_village));
        if (!check.ok) return retry(ctx.t(`officer.invite_${check.reason}`));
        ctx.data.invite = code;
        return next('confirm');
      },
    }),
    confirm: yesNoStep({
      text: async (ctx) => {
        const place = await ctx.store.villagePlace(String(ctx.data.loc_village));
        return ctx.t('officer.summary', {
          name: String(ctx.data.fullName),
          position: positionLabel(ctx, String(ctx.data.position)),
          village: place ? titleCase(place.village) : '-',
          district: place ? titleCase(place.district) : '-',
          invite: ctx.data.invite ? String(ctx.data.invite) : ctx.t('common.none'),
        });
      },
      yesLabel: 'common.yes_save',
      noLabel: 'common.no_change',
      answer: async (yes, ctx) => {
        if (!yes) return next('edit');
        const village = String(ctx.data.loc_village);
        let inviteId: number | null = null;
        if (ctx.data.invite) {
          // Checked again at saving time: the code may have been used since it was typed.
          const check = await ctx.store.checkInviteCode(String(ctx.data.invite), village);
          if (!check.ok) {
            ctx.data.invite = null;
            return next('invite', [ctx.t(`officer.invite_${check.reason}`)]);
          }
          inviteId = check.id;
        }
        const officerId = await ctx.store.saveOfficer({
          userId: ctx.actor.userId,
          fullName: String(ctx.data.fullName),
          villageCode: village,
          position: ctx.data.position as Position,
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
          data: { village, position: ctx.data.position },
        });
        return home([ctx.t(inviteId ? 'officer.registered_verified' : 'officer.registered_pending')]);
      },
    }),
    edit: choiceStep({
      text: (ctx) => ctx.t('common.which_to_change'),
      options: (ctx) => [
        { id: 'full_name', label: ctx.t('officer.field_name') },
        { id: 'location', label: ctx.t('officer.field_village') },
        { id: 'position', label: ctx.t('officer.field_position') },
        { id: 'invite', label: ctx.t('officer.field_invite') },
      ],
      choose: (field, ctx) => {
        ctx.data.editing = true;
        return next(field === 'location' ? locationEntry(ctx, 'loc_') : field);
      },
    }),
  },
};
