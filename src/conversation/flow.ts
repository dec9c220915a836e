import type { Config } from '../config/index.js';
import type { Locale, MessageKey, Params } from '../i18n/index.js';
import type { ChatStore } from './chat-store.js';
import type { Inbound, MediaKind, OutboundOption } from './types.js';

/** What a step asks: a text, and for a choice, the options (numbered by the adapters). */
export interface Prompt {
  text: string;
  options?: OutboundOption[];
  multi?: boolean;
}

export interface Actor {
  userId: number;
  identityId: number;
  channel: Inbound['channel'];
  status: 'active' | 'suspended';
  /** A phone number the channel vouches for, if any. */
  channelPhone: string | null;
}

export interface TurnContext {
  t: (key: MessageKey, params?: Params) => string;
  locale: Locale;
  now: Date;
  config: Config;
  actor: Actor;
  input: Inbound;
  /** The typed text, trimmed ('' for a tap or a media message). */
  text: string;
  /** The flow's answers so far; steps read and write it. */
  data: Record<string, unknown>;
  store: ChatStore;
  /** The step being answered (a step that re-asks itself returns `next(ctx.stepName)`). */
  stepName: string;
  /** Switches the language for the rest of this turn (the store call persists it). */
  setLocale(locale: Locale): void;
}

/**
 * What a step decides after reading an answer:
 * - `next`: go on to another step of the same flow;
 * - `retry`: the answer did not fit; say the hint and ask the same question again;
 * - `goto`: start another flow (its answers start empty);
 * - `home`: the flow is done; show the person's main menu.
 * `say` lines are sent before the next prompt.
 */
export type StepResult =
  | { kind: 'next'; step: string; say?: string[] }
  | { kind: 'retry'; hint: string }
  | { kind: 'goto'; flow: string; step?: string; say?: string[]; data?: Record<string, unknown> }
  | { kind: 'home'; say?: string[] };

export interface Step {
  prompt(ctx: TurnContext): Promise<Prompt> | Prompt;
  handle(ctx: TurnContext): Promise<StepResult> | StepResult;
  /** Help for this step (`bantuan`); a generic help text otherwise. */
  help?: MessageKey;
  /** Media kinds this step takes as an answer (e.g. a delivery photo); others get a kind reply. */
  accepts?: MediaKind[];
}

export interface Flow {
  name: string;
  first: string;
  steps: Record<string, Step>;
  /** Asked before `batal`/`menu` throws away answers, and to offer resuming after idling. */
  collectsData: boolean;
  /** "Lanjutkan pendaftaran?" — the name of the task, for the resume and cancel questions. */
  taskName?: MessageKey;
}

export const next = (step: string, say?: string[]): StepResult => ({ kind: 'next', step, say });
export const retry = (hint: string): StepResult => ({ kind: 'retry', hint });
export const home = (say?: string[]): StepResult => ({ kind: 'home', say });
export const goto = (
  flow: string,
  opts: { step?: string; say?: string[]; data?: Record<string, unknown> } = {},
) => ({ kind: 'goto', flow, ...opts }) as StepResult;
