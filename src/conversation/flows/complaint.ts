import { z } from 'zod';
import { defineFlow } from '../define-flow.js';
import type { TurnContext } from '../flow.js';
import { home, next, retry } from '../flow.js';

/** Needs offered as the subject of a complaint; older ones are "something else". */
const SUBJECTS = 6;
const MIN_TEXT = 10;
const MAX_TEXT = 2000;

const subjects = (ctx: TurnContext<object>) => ctx.store.complaints.subjects(ctx.actor.userId, SUBJECTS);
const labelOf = (s: { number: string; title: string }) => `${s.number} — ${s.title}`;

/**
 * A complaint (pengaduan) to the regency: about one of the person's needs or something else,
 * in their own words; the admin handles it in the console and answers in the chat.
 */
export const complaintFlow = defineFlow({
  name: 'complaint',
  first: 'about',
  collectsData: true,
  taskName: 'task.complaint',
  data: {
    /** The need complained about; null for "something else". */
    needId: z.number().nullable().optional(),
    about: z.string().optional(),
    text: z.string().optional(),
  },
  steps: (s) => ({
    about: s.choice({
      text: (ctx) => ctx.t('complaint.ask_about'),
      options: async (ctx) => [
        ...(await subjects(ctx)).map((s) => ({ id: String(s.needId), label: labelOf(s) })),
        { id: 'general', label: ctx.t('complaint.general') },
      ],
      choose: async (id, ctx) => {
        const subject = (await subjects(ctx)).find((s) => String(s.needId) === id);
        ctx.data.needId = subject?.needId ?? null;
        ctx.data.about = subject ? labelOf(subject) : ctx.t('complaint.general');
        return next('text');
      },
    }),
    text: s.text({
      text: (ctx) => ctx.t('complaint.ask_text'),
      answer: (text, ctx) => {
        const clean = text.trim();
        if (Array.from(clean).length < MIN_TEXT) return retry(ctx.t('hint.complaint_short'));
        ctx.data.text = Array.from(clean).slice(0, MAX_TEXT).join('');
        return next('confirm');
      },
    }),
    confirm: s.yesNo({
      text: (ctx) => ctx.t('complaint.summary', { about: ctx.data.about ?? '', text: ctx.data.text ?? '' }),
      yesLabel: 'complaint.send',
      noLabel: 'complaint.rewrite',
      answer: async (yes, ctx) => {
        if (!yes) return next('text');
        const { text } = ctx.data;
        if (!text) return next('text');
        const needId = ctx.data.needId ?? null;
        const filed = await ctx.store.complaints.file({ userId: ctx.actor.userId, needId, text });
        if (!filed) return home([ctx.t('complaint.not_registered')]);
        await ctx.store.audit({
          actorType: 'user',
          actorId: ctx.actor.userId,
          action: 'complaint.filed',
          entityType: 'complaint',
          entityId: String(filed.id),
          data: { needId, regency: filed.regencyCode },
        });
        return home([ctx.t('complaint.filed', { number: `ADU-${filed.id}` })]);
      },
    }),
  }),
});
