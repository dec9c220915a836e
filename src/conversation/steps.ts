import type { MessageKey, Params } from '../i18n/index.js';
import { matchOption } from '../parse/options.js';
import { parseYesNo } from '../parse/yesno.js';
import type { Prompt, Step, StepResult, TurnContext } from './flow.js';
import { retry } from './flow.js';
import type { OutboundOption } from './types.js';

type Awaitable<T> = T | Promise<T>;

export interface ChoiceSpec {
  text: (ctx: TurnContext) => Awaitable<string>;
  options: (ctx: TurnContext) => Awaitable<OutboundOption[]>;
  choose: (id: string, ctx: TurnContext) => Awaitable<StepResult>;
  help?: MessageKey;
}

/** Resolves an answer to one option: a tapped button, the number, the label, or a near typo. */
export async function pickOption(ctx: TurnContext, options: OutboundOption[]): Promise<string | StepResult> {
  if (ctx.input.optionId && options.some((o) => o.id === ctx.input.optionId)) return ctx.input.optionId;
  const match = ctx.text ? matchOption(ctx.text, options) : null;
  if (match && 'id' in match) return match.id;
  if (match && 'ambiguous' in match) {
    const labels = options.filter((o) => match.ambiguous.includes(o.id)).map((o) => o.label);
    return retry(ctx.t('hint.ambiguous', { options: labels.join(', ') }));
  }
  return retry(optionHint(ctx.t, options));
}

/** What works at a choice: the numbers, and the names too (one option: its number). */
export function optionHint(t: TurnContext['t'], options: readonly OutboundOption[]): string {
  const example = options[0]?.label.replace(/^\d+\.\s*/, '') ?? '';
  return options.length === 1
    ? t('hint.choose_one', { example })
    : t('hint.choose_number', { max: options.length, example });
}

/** A question with numbered options. */
export function choiceStep(spec: ChoiceSpec): Step {
  return {
    help: spec.help,
    async prompt(ctx): Promise<Prompt> {
      return { text: await spec.text(ctx), options: await spec.options(ctx) };
    },
    async handle(ctx) {
      const picked = await pickOption(ctx, await spec.options(ctx));
      return typeof picked === 'string' ? spec.choose(picked, ctx) : picked;
    },
  };
}

/** A yes/no question; the words and the numbers 1 (yes) / 2 (no) both work. */
export function yesNoStep(spec: {
  text: (ctx: TurnContext) => Awaitable<string>;
  yesLabel?: MessageKey;
  noLabel?: MessageKey;
  answer: (yes: boolean, ctx: TurnContext) => Awaitable<StepResult>;
  help?: MessageKey;
}): Step {
  const options = (ctx: TurnContext): OutboundOption[] => [
    { id: 'yes', label: ctx.t(spec.yesLabel ?? 'common.yes') },
    { id: 'no', label: ctx.t(spec.noLabel ?? 'common.no') },
  ];
  return {
    help: spec.help,
    async prompt(ctx) {
      return { text: await spec.text(ctx), options: options(ctx) };
    },
    async handle(ctx) {
      const word = ctx.text ? parseYesNo(ctx.text) : null;
      if (word !== null) return spec.answer(word, ctx);
      const picked = await pickOption(ctx, options(ctx));
      return typeof picked === 'string' ? spec.answer(picked === 'yes', ctx) : picked;
    },
  };
}

/** A free-text question whose answer one function checks and stores. */
export function textStep(spec: {
  text: (ctx: TurnContext) => Awaitable<string>;
  answer: (text: string, ctx: TurnContext) => Awaitable<StepResult>;
  help?: MessageKey;
}): Step {
  return {
    help: spec.help,
    async prompt(ctx) {
      return { text: await spec.text(ctx) };
    },
    async handle(ctx) {
      if (!ctx.text) return retry(ctx.t('hint.type_text'));
      return spec.answer(ctx.text, ctx);
    },
  };
}

export const say = (ctx: TurnContext, key: MessageKey, params?: Params) => ctx.t(key, params);

/** Words that mean "skip this optional question". */
export { isSkipAnswer as isSkip } from '../parse/skip.js';

/** A name as people type it: spaces tidied, length bounded, at least one letter. */
export function cleanName(text: string, max = 100): string | null {
  const value = text.replace(/\s+/g, ' ').trim();
  if (value.length < 2 || value.length > max) return null;
  if (!/\p{L}/u.test(value)) return null;
  return value;
}
