import type { Kysely, Transaction } from 'kysely';
import type { Channel } from '../domain/channels.js';
import type { Outbound } from '../domain/messages.js';
import { asLocale, type Locale, type MessageKey, type Params, translate } from '../i18n/index.js';
import { offerConversations, recipientsOf } from '../store/needs.js';
import { insertOutbox } from '../store/outbox.js';
import type { Database } from '../store/schema.js';

/** Marks the data a flow starts with as its context, so it does not count as answers given. */
export const withContext = (data: Record<string, unknown>) => ({ ...data, __context: Object.keys(data) });

export type T = (key: MessageKey, params?: Params) => string;

export interface Recipient {
  userId: number;
  identityId: number;
  channel: Channel;
  locale: Locale;
  t: T;
}

export async function recipient(db: Kysely<Database>, userId: number): Promise<Recipient | null> {
  // One read for identity and language (reminders send two notices each: the bench counted).
  const [r] = await recipientsOf(db, [userId]);
  if (!r) return null; // nowhere to reach them, or suspended
  const locale = asLocale(r.locale);
  return {
    userId,
    identityId: r.identity_id,
    channel: r.channel,
    locale,
    t: (key, params) => translate(locale, key, params),
  };
}

/**
 * Writes a message to someone other than the person whose turn this is, in that person's
 * language, inside the caller's transaction. `dedupeKey` makes a repeated effect (a retried
 * job) send nothing twice. Returns the outbox ids to hand to the relay after commit.
 */
export async function notifyUser(
  trx: Transaction<Database>,
  userId: number,
  render: (r: Recipient) => Outbound,
  opts: { now: Date; dedupeKey?: string; notBefore?: Date; purpose?: string },
): Promise<number[]> {
  const r = await recipient(trx, userId);
  if (!r) return [];
  return insertOutbox(
    trx,
    [
      {
        identityId: r.identityId,
        channel: r.channel,
        payload: render(r),
        dedupeKey: opts.dedupeKey,
        notBefore: opts.notBefore,
        purpose: opts.purpose ?? 'notice',
      },
    ],
    opts.now,
  );
}

/**
 * Moves someone's conversation to a question about something that just happened to them (a
 * tender alert, an order to accept) — only when they are at their menu, or waiting at this very
 * question about something else: a person filling in a form, even another one of the same
 * dialogue, is never pulled out of it. Returns whether it moved.
 */
export async function offerConversation(
  trx: Transaction<Database>,
  userId: number,
  flow: string,
  step: string,
  data: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const r = await recipient(trx, userId);
  if (!r) return false;
  return offerConversations(trx, [r.identityId], flow, step, withContext(data), now);
}
