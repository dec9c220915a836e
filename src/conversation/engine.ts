import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config/index.js';
import { asLocale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { writeNotices } from '../notices/index.js';
import { newEffects } from '../procurement/effects.js';
import type { UseCaseServices } from '../procurement/index.js';
import type { JobRequest, Scheduler } from '../procurement/scheduler.js';
import {
  finishTurn,
  getUser,
  lockConversation,
  openTurn,
  recordInbound,
  type TurnStart,
  upsertIdentity,
} from '../store/chat.js';
import type { Database } from '../store/schema.js';
import { answerWithoutTurn } from './canned.js';
import { createChatStore } from './chat-store.js';
import { FLOWS } from './flows/index.js';
import { sanitizeInbound } from './sanitize.js';
import { Turn } from './turn.js';
import type { Inbound } from './types.js';

export interface Relay {
  enqueue(ids: number[]): Promise<void>;
}

export interface EngineDeps {
  db: Kysely<Database>;
  relay: Relay;
  /** Starts the jobs a turn asked for (matching, timers) once it has committed. */
  scheduler?: Scheduler;
  config: Config;
  log: Logger;
  services?: UseCaseServices;
  /** The clock; tests and training sandboxes move it. */
  now?: () => Date;
}

export interface TurnOutcome {
  duplicate: boolean;
  /** Every message the turn wrote, to the person and to others it concerned. */
  outboxIds: number[];
  /** How many of them answer the person who wrote. */
  replies: number;
  jobs?: JobRequest[];
}

export interface Engine {
  handle(inbound: Inbound): Promise<TurnOutcome>;
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * The database is away (refused, reset, shut down, starting up), not a bug in the turn. The
 * connection errors carry a code too (Node's ECONNREFUSED, PostgreSQL's class 08 and 57P0x), so
 * the code is checked before the message (test/faults/postgres-outage.test.ts).
 */
function databaseLost(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    return (
      /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(code) ||
      code.startsWith('08') ||
      /^57P0[123]$/.test(code)
    );
  }
  return /connect|terminat|timeout/i.test(String(err));
}

function kindOf(inbound: Inbound): string {
  if (inbound.media) return inbound.media.kind;
  if (inbound.contact) return 'contact';
  if (inbound.location) return 'location';
  if (inbound.optionId) return 'option';
  return 'text';
}

/**
 * One inbound message = one transaction: dedupe, lock the chat's conversation, run the step,
 * write the domain changes and the replies (outbox) together, commit — then hand the outbox
 * ids to the queue. If the queue is away, the sweeper finds the rows later.
 */
export function createEngine(deps: EngineDeps): Engine {
  const now = deps.now ?? (() => new Date());

  async function runTurn(trx: Transaction<Database>, inbound: Inbound, at: Date): Promise<TurnOutcome> {
    const inboundId = await recordInbound(trx, inbound, kindOf(inbound), at);
    if (inboundId === null) return { duplicate: true, outboxIds: [], replies: 0 };
    // Almost every turn: one statement. A chat's first message creates what it lacks.
    const start = (await openTurn(trx, inbound, at)) ?? (await startSlowly(trx, inbound, at));
    const { identity, user, conversation } = start;
    const effects = newEffects();
    const turn = new Turn({
      flows: FLOWS,
      conversation,
      config: deps.config,
      now: at,
      input: inbound,
      locale: asLocale(user.locale, deps.config.DEFAULT_LOCALE),
      actor: {
        userId: user.id,
        identityId: identity.id,
        channel: identity.channel,
        status: user.status,
        channelPhone: identity.phone ?? user.phone,
      },
      store: createChatStore(trx, at, effects, deps.services),
    });
    const replies = await turn.run();
    // What the turn's use-cases tell other people goes into the outbox in this transaction.
    effects.outboxIds.push(...(await writeNotices(trx, effects.events, at)));
    const outboxIds = await finishTurn(trx, {
      replies: replies.map((payload) => ({ identityId: identity.id, channel: identity.channel, payload })),
      conversation: turn.conversation,
      inboundId,
      identityId: identity.id,
      now: at,
    });
    return {
      duplicate: false,
      outboxIds: [...outboxIds, ...effects.outboxIds],
      replies: outboxIds.length,
      jobs: effects.jobs,
    };
  }

  async function startSlowly(trx: Transaction<Database>, inbound: Inbound, at: Date): Promise<TurnStart> {
    const identity = await upsertIdentity(trx, inbound, deps.config.DEFAULT_LOCALE, at);
    const conversation = await lockConversation(trx, identity.id);
    const user = await getUser(trx, identity.userId);
    return { identity, user, conversation };
  }

  /** A bug must not leave a person talking to a wall: record the message and apologise. */
  async function apologise(inbound: Inbound, at: Date): Promise<TurnOutcome> {
    const r = await answerWithoutTurn(deps.db, inbound, {
      kind: kindOf(inbound),
      reply: 'error.generic',
      at,
      defaultLocale: deps.config.DEFAULT_LOCALE,
    });
    return { ...r, replies: r.outboxIds.length };
  }

  return {
    async handle(raw) {
      const inbound = sanitizeInbound(raw);
      const at = now();
      let outcome: TurnOutcome | null = null;
      for (let attempt = 1; !outcome; attempt++) {
        try {
          outcome = await deps.db.transaction().execute((trx) => runTurn(trx, inbound, at));
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code && RETRYABLE.has(code) && attempt < 3) continue;
          // A lost database is not a bug: let the channel retry the message later.
          if (databaseLost(err)) throw err;
          deps.log.error({ err, channel: inbound.channel, messageId: inbound.messageId }, 'turn failed');
          outcome = await apologise(inbound, at);
        }
      }
      if (outcome.outboxIds.length) await deps.relay.enqueue(outcome.outboxIds);
      if (outcome.jobs?.length) await deps.scheduler?.dispatch(outcome.jobs);
      return outcome;
    },
  };
}
