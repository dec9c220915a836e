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

/** A flow's answers as stored between turns (the engine's view; each flow types its own). */
export type FlowData = Record<string, unknown>;

/** Every dialogue, by name: the registry (flows/index.ts) must have each, `goto` takes only these. */
export const FLOW_NAMES = [
  'start',
  'vendor_reg',
  'officer_reg',
  'menu',
  'profile',
  'need_post',
  'need_view',
  'tender',
  'award',
  'order',
  'receipt',
  'payment',
  'rate',
  'my_needs',
  'officer_orders',
  'open_tenders',
  'my_quotes',
  'my_orders',
  'complaint',
] as const;
export type FlowName = (typeof FLOW_NAMES)[number];

export interface TurnContext<D extends object = FlowData> {
  t: (key: MessageKey, params?: Params) => string;
  locale: Locale;
  now: Date;
  config: Config;
  actor: Actor;
  input: Inbound;
  /** The typed text, trimmed ('' for a tap or a media message). */
  text: string;
  /** The flow's answers so far, typed by its schema; steps read and write it. */
  data: D;
  store: ChatStore;
  /** The step being answered (a step that re-asks itself returns `next(ctx.stepName)`). */
  stepName: string;
  /** Switches the language for the rest of this turn (the store call persists it). */
  setLocale(locale: Locale): void;
}

/**
 * What a step decides after reading an answer:
 * - `next`: go on to another step of the same flow (one of its step names);
 * - `retry`: the answer did not fit; say the hint and ask the same question again;
 * - `goto`: start another flow (its answers start from `data`, checked by its schema);
 * - `home`: the flow is done; show the person's main menu.
 * `say` lines are sent before the next prompt.
 */
export type StepResult<S extends string = string> =
  | { kind: 'next'; step: S; say?: string[] }
  | { kind: 'retry'; hint: string }
  | { kind: 'goto'; flow: FlowName; step?: string; say?: string[]; data?: FlowData }
  | { kind: 'home'; say?: string[] };

type Awaitable<T> = T | Promise<T>;

/** One named question of a flow: what it asks, and what it does with the answer. */
export interface Step<D extends object = FlowData, S extends string = string> {
  prompt(ctx: TurnContext<D>): Awaitable<Prompt>;
  handle(ctx: TurnContext<D>): Awaitable<StepResult<S>>;
  /** Help for this step (`bantuan`); a generic help text otherwise. */
  help?: MessageKey;
  /**
   * What this step takes besides text and taps: media kinds (a delivery photo), a shared contact
   * or location. Anything else shared gets a kind word and the question again.
   */
  accepts?: Array<MediaKind | 'contact' | 'location'>;
}

/** A flow as the engine runs it (defineFlow checked its step names and typed its data). */
export interface Flow {
  name: FlowName;
  first: string;
  steps: Record<string, Step>;
  /**
   * Reads the stored answers back (after a deploy too): the flow's data, or null when they no
   * longer fit its schema — the engine then starts the person again kindly.
   */
  readData(data: FlowData): FlowData | null;
  /** Asked before `batal`/`menu` throws away answers, and to offer resuming after idling. */
  collectsData: boolean;
  /** "Lanjutkan pendaftaran?" — the name of the task, for the resume and cancel questions. */
  taskName?: MessageKey;
}

export const next = <S extends string>(step: S, say?: string[]): StepResult<S> => ({
  kind: 'next',
  step,
  say,
});
export const retry = (hint: string): StepResult<never> => ({ kind: 'retry', hint });
export const home = (say?: string[]): StepResult<never> => ({ kind: 'home', say });
export const goto = (
  flow: FlowName,
  opts: { step?: string; say?: string[]; data?: FlowData } = {},
): StepResult<never> => ({ kind: 'goto', flow, ...opts });
