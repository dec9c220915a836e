import type { MessageKey } from '../i18n/index.js';
import { matchOption } from '../parse/options.js';
import { parseYesNo } from '../parse/yesno.js';
import type { FlowData, Prompt, Step, StepResult, TurnContext } from './flow.js';
import { retry } from './flow.js';
import type { OutboundOption } from './types.js';

type Awaitable<T> = T | Promise<T>;

export interface ChoiceSpec<D extends object = FlowData, S extends string = string> {
  text: (ctx: TurnContext<D>) => Awaitable<string>;
  options: (ctx: TurnContext<D>) => Awaitable<OutboundOption[]>;
  choose: (id: string, ctx: TurnContext<D>) => Awaitable<StepResult<S>>;
  help?: MessageKey;
}

export interface YesNoSpec<D extends object = FlowData, S extends string = string> {
  text: (ctx: TurnContext<D>) => Awaitable<string>;
  yesLabel?: MessageKey;
  noLabel?: MessageKey;
  answer: (yes: boolean, ctx: TurnContext<D>) => Awaitable<StepResult<S>>;
  help?: MessageKey;
}

export interface TextSpec<D extends object = FlowData, S extends string = string> {
  text: (ctx: TurnContext<D>) => Awaitable<string>;
  answer: (text: string, ctx: TurnContext<D>) => Awaitable<StepResult<S>>;
  help?: MessageKey;
}

/** Resolves an answer to one option: a tapped button, the number, the label, or a near typo. */
export async function pickOption(
  ctx: TurnContext<object>,
  options: OutboundOption[],
): Promise<string | StepResult<never>> {
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
export function choiceStep<D extends object, S extends string>(spec: ChoiceSpec<D, S>): Step<D, S> {
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
export function yesNoStep<D extends object, S extends string>(spec: YesNoSpec<D, S>): Step<D, S> {
  const options = (ctx: TurnContext<D>): OutboundOption[] => [
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
export function textStep<D extends object, S extends string>(spec: TextSpec<D, S>): Step<D, S> {
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

/** Words that mean "skip this optional question". */
export { isSkipAnswer as isSkip } from '../parse/skip.js';

/** A name as people type it: spaces tidied, length bounded, at least one letter. */
export function cleanName(text: string, max = 100): string | null {
  const value = text.replace(/\s+/g, ' ').trim();
  if (value.length < 2 || value.length > max) return null;
  if (!/\p{L}/u.test(value)) return null;
  return value;
}
