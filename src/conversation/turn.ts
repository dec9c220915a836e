import type { Config } from '../config/index.js';
import { type Button, readButton } from '../domain/buttons.js';
import { type Locale, languageOptions, type MessageKey, type Params, translate } from '../i18n/index.js';
import { withContext } from '../notices/notify.js';
import { parseYesNo } from '../parse/yesno.js';
import type { ConversationRow } from '../store/chat.js';
import type { ChatStore } from './chat-store.js';
import type { Actor, Flow, FlowData, FlowName, Prompt, StepResult, TurnContext } from './flow.js';
import { type GlobalCommand, parseGlobalCommand } from './globals.js';
import { optionHint, pickOption } from './steps.js';
import type { Inbound, Outbound, OutboundOption } from './types.js';

type Pending = { kind: 'leave' } | { kind: 'resume' } | { kind: 'language' };

const MAX_TEXT = 2000;

/**
 * Where a button that carries its subject (src/domain/buttons.ts) leads, whatever the
 * conversation was doing: a tender alert's buttons to the tender, an award question's to the
 * award, an order's to its question (accept, receipt), a rating's to the rating.
 */
function deepLink(b: Button): { flow: FlowName; step: string; data: FlowData } {
  switch (b.kind) {
    case 'tender':
      return { flow: 'tender', step: 'alert', data: { needId: b.needId } };
    case 'award':
      return { flow: 'award', step: 'choose', data: { needId: b.needId } };
    case 'order':
      return b.action === 'accept' || b.action === 'decline'
        ? { flow: 'order', step: 'accept', data: { orderId: b.orderId } }
        : { flow: 'receipt', step: 'confirm', data: { orderId: b.orderId } };
    case 'rate':
      return { flow: 'rate', step: 'score', data: { orderId: b.orderId } };
  }
}
/** Wrong link codes one chat may type before it must ask for help. */
const LINK_ATTEMPTS = 5;
const STUCK_AFTER = 3;

export interface TurnInit {
  flows: Record<FlowName, Flow>;
  conversation: ConversationRow;
  config: Config;
  now: Date;
  input: Inbound;
  locale: Locale;
  actor: Actor;
  store: ChatStore;
}

/**
 * One turn of one conversation: reads the answer, moves the conversation along, and collects
 * the replies. Global words (menu, batal, kembali, bantuan, bahasa) are handled here, before
 * any step sees the text, so they work everywhere.
 */
export class Turn {
  private readonly conv: ConversationRow;
  private locale: Locale;
  private readonly lines: string[] = [];
  private readonly replies: Outbound[] = [];
  private readonly text: string;

  constructor(private readonly init: TurnInit) {
    this.conv = init.conversation;
    this.locale = init.locale;
    // A photo's caption is what the person wrote with it: read as the answer where no photo is
    // asked for (a step that takes the photo reads the caption as its note).
    this.text = (init.input.text ?? init.input.media?.caption ?? '').trim().slice(0, MAX_TEXT);
  }

  private t = (key: MessageKey, params?: Params) => translate(this.locale, key, params);

  private get flow(): Flow | undefined {
    return this.conv.flow ? this.init.flows[this.conv.flow as FlowName] : undefined;
  }

  private get pending(): Pending | undefined {
    return this.conv.data.__pending as Pending | undefined;
  }

  private set pending(p: Pending | undefined) {
    if (p) this.conv.data.__pending = p;
    else delete this.conv.data.__pending;
  }

  /** The data the flow was entered with, without the answers given since. */
  private contextData(): Record<string, unknown> {
    const keys = (this.conv.data.__context as string[] | undefined) ?? [];
    return Object.fromEntries(keys.filter((k) => k in this.conv.data).map((k) => [k, this.conv.data[k]]));
  }

  /** Keys the flow was entered with (what the question is about) are context, not answers. */
  private hasAnswers(): boolean {
    const context = new Set((this.conv.data.__context as string[] | undefined) ?? []);
    return Object.keys(this.conv.data).some((k) => !k.startsWith('__') && !context.has(k));
  }

  private context(): TurnContext {
    return {
      t: this.t,
      locale: this.locale,
      now: this.init.now,
      config: this.init.config,
      actor: this.init.actor,
      input: this.init.input,
      text: this.text,
      data: this.conv.data,
      store: this.init.store,
      stepName: this.conv.step ?? '',
      setLocale: (locale) => {
        this.locale = locale;
      },
    };
  }

  async run(): Promise<Outbound[]> {
    if (this.init.actor.status === 'suspended') {
      this.replies.push({ type: 'text', text: this.t('policy.suspended') });
      return this.replies;
    }
    const flow = this.flow;
    const step = flow && this.conv.step ? flow.steps[this.conv.step] : undefined;
    const data = flow && step ? flow.readData(this.conv.data) : null;
    const command = this.text ? parseGlobalCommand(this.text) : null;
    // A link code is most often the first thing a new chat says.
    if (command?.kind === 'link') {
      await this.linkAccount(command.code);
      return this.replies;
    }
    if (!flow || !step || !data) {
      // A conversation a newer release cannot continue (a step renamed, answers of another
      // shape): say so once and start from the menu, rather than guess.
      if (this.conv.flow) this.lines.push(this.t('conversation.restarted'));
      await this.goHome();
      return this.replies;
    }
    this.conv.data = data;
    const button = readButton(this.init.input.optionId);
    const link = button ? deepLink(button) : undefined;
    const linkedStep = link ? this.init.flows[link.flow].steps[link.step] : undefined;
    if (link && linkedStep) {
      // A button on a notice (a tender alert, an award question, an order) works whatever the
      // conversation was doing: the tap says what it is about.
      this.pending = undefined;
      this.enterQuietly(link.flow, link.data, link.step);
      await this.apply(await linkedStep.handle(this.context()));
    } else if (command) await this.command(command, flow);
    else if (this.pending) await this.answerPending(flow);
    else if (this.isIdle(flow)) {
      this.pending = { kind: 'resume' };
      await this.askPending();
    } else if (this.init.input.media && !step.accepts?.includes(this.init.input.media.kind)) {
      const kind = this.t(`media.${this.init.input.media.kind}`);
      if (this.text) {
        this.lines.push(this.t('media.caption_read', { kind }));
        await this.apply(await step.handle(this.context()));
      } else {
        this.lines.push(this.t('media.unsupported', { kind }));
        await this.ask();
      }
    } else if (this.unaskedShare(step)) {
      this.lines.push(
        this.t(this.init.input.location ? 'share.location_not_needed' : 'share.contact_not_needed'),
      );
      await this.ask();
    } else {
      await this.apply(await step.handle(this.context()));
    }
    return this.replies;
  }

  /** A shared location or contact, alone, where the question does not ask for one. */
  private unaskedShare(step: Flow['steps'][string]): boolean {
    const { location, contact, optionId } = this.init.input;
    if (this.text || optionId) return false;
    if (location) return !step.accepts?.includes('location');
    if (contact) return !step.accepts?.includes('contact');
    return false;
  }

  /** The conversation as the turn left it, for the engine to save with the replies. */
  get conversation(): ConversationRow {
    return this.conv;
  }

  private isIdle(flow: Flow): boolean {
    const last = this.conv.lastTurnAt;
    const idleMs = this.init.config.CONVERSATION_IDLE_MINUTES * 60_000;
    return (
      flow.collectsData && this.hasAnswers() && !!last && this.init.now.getTime() - last.getTime() > idleMs
    );
  }

  private async apply(result: StepResult): Promise<void> {
    switch (result.kind) {
      case 'next':
        if (result.step !== this.conv.step && this.conv.step) this.conv.history.push(this.conv.step);
        this.conv.step = result.step;
        this.conv.misses = 0;
        this.lines.push(...(result.say ?? []));
        return this.ask();
      case 'retry':
        this.conv.misses += 1;
        this.lines.push(result.hint);
        if (this.conv.misses >= STUCK_AFTER) this.lines.push(this.t('hint.stuck'));
        return this.ask();
      case 'goto':
        this.lines.push(...(result.say ?? []));
        return this.enter(result.flow, result.step, result.data);
      case 'home':
        this.lines.push(...(result.say ?? []));
        return this.goHome();
    }
  }

  private async enter(flowName: FlowName, step?: string, data: FlowData = {}): Promise<void> {
    this.enterQuietly(flowName, data, step);
    await this.ask();
  }

  /** Starts a flow with the data it is about (checked by its schema: a mismatch is a bug). */
  private enterQuietly(flowName: FlowName, data: FlowData, step?: string): void {
    const flow = this.init.flows[flowName];
    const checked = flow.readData(withContext(data));
    if (!checked) throw new Error(`flow ${flowName} entered with data its schema refuses`);
    this.conv.flow = flow.name;
    this.conv.step = step ?? flow.first;
    this.conv.data = checked;
    this.conv.history = [];
    this.conv.misses = 0;
  }

  /** The person's main menu once registered; the first-contact question before. */
  private async goHome(): Promise<void> {
    const [officer, vendor] = await Promise.all([
      this.init.store.findOfficer(this.init.actor.userId),
      this.init.store.findVendor(this.init.actor.userId),
    ]);
    await this.enter(officer || vendor ? 'menu' : 'start');
  }

  private async command(command: GlobalCommand, flow: Flow): Promise<void> {
    switch (command.kind) {
      case 'menu':
      case 'cancel':
        if (flow.collectsData && this.hasAnswers()) {
          this.pending = { kind: 'leave' };
          return this.askPending();
        }
        if (command.kind === 'cancel') this.lines.push(this.t('cancel.nothing'));
        this.pending = undefined;
        return this.goHome();
      case 'back': {
        this.pending = undefined;
        const previous = this.conv.history.pop();
        if (previous) this.conv.step = previous;
        else this.lines.push(this.t('back.first_step'));
        this.conv.misses = 0;
        return this.ask();
      }
      case 'help': {
        // This step first, then the whole process in three lines, and who to ask.
        const step = this.conv.step ? flow.steps[this.conv.step] : undefined;
        this.lines.push(this.t(step?.help ?? 'help.generic'));
        const [officer, vendor] = await Promise.all([
          this.init.store.findOfficer(this.init.actor.userId),
          this.init.store.findVendor(this.init.actor.userId),
        ]);
        if (officer || vendor) {
          this.lines.push(this.t(officer ? 'help.process_officer' : 'help.process_vendor'));
          this.lines.push(this.t('help.reach_admin'));
        }
        return this.pending ? this.askPending() : this.ask();
      }
      case 'language':
        if (command.locale) return this.switchLanguage(command.locale);
        this.pending = { kind: 'language' };
        return this.askPending();
      case 'link':
        return this.linkAccount(command.code);
    }
  }

  /**
   * Joins this chat to the account that was shown the code on its other channel: from then on
   * the person is the same vendor or officer here, and messages go to whichever chat they used
   * last. A chat already registered as someone keeps its own account.
   */
  /** Asks the current question again, or greets a chat that has none yet. */
  private async carryOn(): Promise<void> {
    const flow = this.flow;
    if (flow && this.conv.step && flow.steps[this.conv.step]) return this.ask();
    return this.goHome();
  }

  private async linkAccount(code: string): Promise<void> {
    const store = this.init.store;
    const actor = this.init.actor;
    this.pending = undefined;
    const misses = Number(this.conv.data.__linkMisses ?? 0);
    if (misses >= LINK_ATTEMPTS) {
      this.lines.push(this.t('link.too_many'));
      return this.carryOn();
    }
    const [officer, vendor] = await Promise.all([
      store.findOfficer(actor.userId),
      store.findVendor(actor.userId),
    ]);
    if (officer || vendor) {
      this.lines.push(this.t('link.already_registered'));
      return this.carryOn();
    }
    const result = await store.linkCodes.redeem(code, actor.identityId);
    if (!result.ok) {
      if (result.error === 'same_user') {
        this.lines.push(this.t('link.same_account'));
        return this.carryOn();
      }
      this.conv.data.__linkMisses = misses + 1;
      this.lines.push(this.t('link.unknown'));
      return this.carryOn();
    }
    const previous = actor.userId;
    actor.userId = result.userId;
    await store.audit({
      actorType: 'user',
      actorId: result.userId,
      action: 'identity.linked',
      entityType: 'channel_identity',
      entityId: String(actor.identityId),
      data: { channel: actor.channel, fromUser: previous },
    });
    const channelName = this.t(`channel.${actor.channel}`);
    // The chats the person already had hear of it: a link they did not make is noticed.
    for (const other of result.previousIdentities) {
      await store.noticeTo(other, {
        type: 'text',
        text: this.t('link.notice_other', { channel: channelName }),
      });
    }
    this.lines.push(this.t('link.done', { channel: channelName }));
    return this.goHome();
  }

  private async switchLanguage(locale: Locale): Promise<void> {
    await this.init.store.setLocale(this.init.actor.userId, locale);
    this.locale = locale;
    this.pending = undefined;
    this.lines.push(this.t('language.changed'));
    return this.ask();
  }

  private pendingPrompt(): Prompt {
    const p = this.pending;
    const task = this.flow?.taskName ? this.t(this.flow.taskName) : this.t('task.generic');
    if (p?.kind === 'language') {
      return {
        text: this.t('language.ask'),
        options: languageOptions(),
      };
    }
    if (p?.kind === 'resume') {
      return {
        text: this.t('resume.ask', { task }),
        options: [
          { id: 'yes', label: this.t('resume.continue') },
          { id: 'no', label: this.t('resume.restart') },
        ],
      };
    }
    return {
      text: this.t('cancel.confirm', { task }),
      options: [
        { id: 'yes', label: this.t('cancel.yes') },
        { id: 'no', label: this.t('cancel.no') },
      ],
    };
  }

  private async askPending(): Promise<void> {
    this.emit(this.pendingPrompt());
  }

  private async answerPending(flow: Flow): Promise<void> {
    const pending = this.pending as Pending;
    const options = this.pendingPrompt().options as OutboundOption[];
    const word = this.text && pending.kind !== 'language' ? parseYesNo(this.text) : null;
    const picked = word === null ? await pickOption(this.context(), options) : word ? 'yes' : 'no';
    if (typeof picked !== 'string') {
      this.lines.push(picked.kind === 'retry' ? picked.hint : optionHint(this.t, options));
      return this.askPending();
    }
    this.pending = undefined;
    if (pending.kind === 'language') return this.switchLanguage(picked as Locale);
    if (pending.kind === 'resume') {
      if (picked === 'yes') return this.ask();
      // Starting again drops the answers, not what the form is about (the need of a quote).
      return this.enter(flow.name, undefined, this.contextData());
    }
    if (picked === 'yes') {
      this.lines.push(this.t('cancel.done'));
      return this.goHome();
    }
    return this.ask();
  }

  private async ask(): Promise<void> {
    const flow = this.flow;
    const step = flow && this.conv.step ? flow.steps[this.conv.step] : undefined;
    if (!step) return this.goHome();
    this.emit(await step.prompt(this.context()));
  }

  /** Whatever was said this turn goes out with the question, as one short message. */
  private emit(prompt: Prompt): void {
    const text = [...this.lines, prompt.text].join('\n\n');
    this.lines.length = 0;
    this.replies.push(
      prompt.options?.length
        ? { type: 'options', text, options: prompt.options, ...(prompt.multi ? { multi: true } : {}) }
        : { type: 'text', text },
    );
  }
}
