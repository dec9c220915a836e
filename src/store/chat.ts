import { type Kysely, sql, type Transaction } from 'kysely';
import type { Inbound } from '../domain/messages.js';
import { jsonText } from './db.js';
import { type NewOutboxMessage, outboxValues } from './outbox.js';
import type { Channel, Database } from './schema.js';

export interface IdentityRow {
  id: number;
  userId: number;
  channel: Channel;
  externalId: string;
  phone: string | null;
  displayName: string | null;
}

export interface UserRow {
  id: number;
  locale: string;
  status: 'active' | 'suspended';
  displayName: string | null;
  phone: string | null;
}

export interface ConversationRow {
  id: number;
  flow: string | null;
  step: string | null;
  data: Record<string, unknown>;
  history: string[];
  misses: number;
  version: number;
  lastTurnAt: Date | null;
}

/**
 * Records an inbound message; false when the (channel, external id) pair was seen before.
 * Concurrent duplicates wait on the unique index until the first commits, then see it.
 */
export async function recordInbound(
  trx: Transaction<Database>,
  inbound: Inbound,
  kind: string,
  at: Date,
): Promise<number | null> {
  const row = await trx
    .insertInto('inbound_messages')
    .values({
      received_at: at,
      channel: inbound.channel,
      external_id: inbound.messageId,
      kind,
      payload: jsonText({
        text: inbound.text?.slice(0, 4096),
        optionId: inbound.optionId?.slice(0, 256),
        media: inbound.media,
        contact: inbound.contact,
        location: inbound.location,
      }),
    })
    .onConflict((oc) => oc.columns(['channel', 'external_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function markInboundProcessed(
  trx: Transaction<Database>,
  id: number,
  identityId: number,
  now: Date,
) {
  await trx
    .updateTable('inbound_messages')
    .set({ processed_at: now, identity_id: identityId })
    .where('id', '=', id)
    .execute();
}

/**
 * Finds or creates the identity (and, for a stranger, a new user) for an inbound message.
 * With `touchAt`, also records it as the identity's last inbound time, in the same statement
 * (a turn is a dozen round trips; each one saved counts at hundreds of turns a second).
 */
export async function upsertIdentity(
  trx: Transaction<Database>,
  inbound: Inbound,
  defaultLocale: string,
  touchAt?: Date,
): Promise<IdentityRow> {
  const find = () =>
    touchAt
      ? trx
          .updateTable('channel_identities')
          .set({ last_inbound_at: touchAt })
          .where('channel', '=', inbound.channel)
          .where('external_id', '=', inbound.externalUserId)
          .returning(['id', 'user_id', 'channel', 'external_id', 'phone_e164', 'display_name'])
          .executeTakeFirst()
      : trx
          .selectFrom('channel_identities')
          .select(['id', 'user_id', 'channel', 'external_id', 'phone_e164', 'display_name'])
          .where('channel', '=', inbound.channel)
          .where('external_id', '=', inbound.externalUserId)
          .executeTakeFirst();
  const existing = await find();
  let row = existing;
  if (!row) {
    const user = await trx
      .insertInto('users')
      .values({
        display_name: inbound.displayName?.slice(0, 200) ?? null,
        phone_e164: inbound.phone ?? null,
        locale: defaultLocale,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Two first messages of one stranger race here; the loser's user row is rolled back
    // with its transaction when the conflict makes it re-read the winner's identity.
    row = await trx
      .insertInto('channel_identities')
      .values({
        user_id: user.id,
        channel: inbound.channel,
        external_id: inbound.externalUserId,
        display_name: inbound.displayName?.slice(0, 200) ?? null,
        phone_e164: inbound.phone ?? null,
        ...(touchAt ? { last_inbound_at: touchAt } : {}),
      })
      .onConflict((oc) => oc.columns(['channel', 'external_id']).doNothing())
      .returning(['id', 'user_id', 'channel', 'external_id', 'phone_e164', 'display_name'])
      .executeTakeFirst();
    if (!row) {
      await trx.deleteFrom('users').where('id', '=', user.id).execute();
      row = await find();
      if (!row) throw new Error(`identity ${inbound.channel}:${inbound.externalUserId} vanished`);
    }
  }
  return toIdentity(row);
}

function toIdentity(r: {
  id: number;
  user_id: number;
  channel: Channel;
  external_id: string;
  phone_e164: string | null;
  display_name: string | null;
}): IdentityRow {
  return {
    id: r.id,
    userId: r.user_id,
    channel: r.channel,
    externalId: r.external_id,
    phone: r.phone_e164,
    displayName: r.display_name,
  };
}

export async function getUser(trx: Transaction<Database>, userId: number): Promise<UserRow> {
  const u = await trx
    .selectFrom('users')
    .select(['id', 'locale', 'status', 'display_name', 'phone_e164'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return toUser(u);
}

function toUser(u: {
  id: number;
  locale: string;
  status: UserRow['status'];
  display_name: string | null;
  phone_e164: string | null;
}): UserRow {
  return { id: u.id, locale: u.locale, status: u.status, displayName: u.display_name, phone: u.phone_e164 };
}

export async function setUserLocale(trx: Transaction<Database>, userId: number, locale: string) {
  await trx.updateTable('users').set({ locale, updated_at: sql`now()` }).where('id', '=', userId).execute();
}

/**
 * Locks the identity's conversation row for the rest of the transaction, creating it first if
 * needed: the turns of one chat run one after the other, different chats never wait.
 */
export async function lockConversation(
  trx: Transaction<Database>,
  identityId: number,
): Promise<ConversationRow> {
  const select = () =>
    trx
      .selectFrom('conversations')
      .select(['id', 'flow', 'step', 'data', 'history', 'misses', 'version', 'last_turn_at'])
      .where('identity_id', '=', identityId)
      .forUpdate()
      .executeTakeFirst();
  // Almost every turn finds its row: one statement then; the insert only for a new chat.
  let c = await select();
  if (!c) {
    await trx
      .insertInto('conversations')
      .values({ identity_id: identityId })
      .onConflict((oc) => oc.column('identity_id').doNothing())
      .execute();
    c = await select();
  }
  if (!c) throw new Error(`conversation of identity ${identityId} vanished`);
  return toConversation(c);
}

function toConversation(c: {
  id: number;
  flow: string | null;
  step: string | null;
  data: unknown;
  history: unknown;
  misses: number;
  version: number;
  last_turn_at: Date | null;
}): ConversationRow {
  return {
    id: c.id,
    flow: c.flow,
    step: c.step,
    data: (c.data ?? {}) as Record<string, unknown>,
    history: (c.history ?? []) as string[],
    misses: c.misses,
    version: c.version,
    lastTurnAt: c.last_turn_at,
  };
}

const conversationValues = (c: ConversationRow, now: Date) => ({
  flow: c.flow,
  step: c.step,
  data: jsonText(c.data),
  history: jsonText(c.history),
  misses: c.misses,
  version: c.version + 1,
  last_turn_at: now,
  updated_at: now,
});

export interface TurnStart {
  identity: IdentityRow;
  user: UserRow;
  conversation: ConversationRow;
}

/**
 * The start of a turn in one statement: the identity touched (its last inbound time), its
 * person, and its conversation locked for the rest of the transaction. Null when the chat has
 * no identity or no conversation yet (its first message): the caller then takes the long way,
 * upsertIdentity → lockConversation → getUser.
 */
export async function openTurn(
  trx: Transaction<Database>,
  inbound: Inbound,
  touchAt: Date,
): Promise<TurnStart | null> {
  const r = await trx
    .with('i', (db) =>
      db
        .updateTable('channel_identities')
        .set({ last_inbound_at: touchAt })
        .where('channel', '=', inbound.channel)
        .where('external_id', '=', inbound.externalUserId)
        .returning(['id', 'user_id', 'channel', 'external_id', 'phone_e164', 'display_name']),
    )
    .selectFrom('i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('conversations as c', 'c.identity_id', 'i.id')
    .select([
      'i.id as identity_id',
      'i.user_id',
      'i.channel',
      'i.external_id',
      'i.phone_e164 as identity_phone',
      'i.display_name as identity_name',
      'u.locale',
      'u.status',
      'u.display_name as user_name',
      'u.phone_e164 as user_phone',
      'c.id as conversation_id',
      'c.flow',
      'c.step',
      'c.data',
      'c.history',
      'c.misses',
      'c.version',
      'c.last_turn_at',
    ])
    .forUpdate('c')
    .executeTakeFirst();
  if (!r) return null;
  return {
    identity: toIdentity({
      ...r,
      id: r.identity_id,
      phone_e164: r.identity_phone,
      display_name: r.identity_name,
    }),
    user: toUser({
      id: r.user_id,
      locale: r.locale,
      status: r.status,
      display_name: r.user_name,
      phone_e164: r.user_phone,
    }),
    conversation: toConversation({ ...r, id: r.conversation_id }),
  };
}

/**
 * The end of a turn in one statement: its replies into the outbox, the conversation saved, the
 * inbound message marked processed. Returns the outbox ids in the replies' order.
 */
export async function finishTurn(
  trx: Transaction<Database>,
  f: {
    replies: NewOutboxMessage[];
    conversation: ConversationRow;
    inboundId: number;
    identityId: number;
    now: Date;
  },
): Promise<number[]> {
  const base = trx
    .with('c', (db) =>
      db
        .updateTable('conversations')
        .set(conversationValues(f.conversation, f.now))
        .where('id', '=', f.conversation.id)
        .returning('id'),
    )
    .with('m', (db) =>
      db
        .updateTable('inbound_messages')
        .set({ processed_at: f.now, identity_id: f.identityId })
        .where('id', '=', f.inboundId)
        .returning('id'),
    );
  if (f.replies.length === 0) {
    await base.selectFrom(['c', 'm']).select('c.id').execute();
    return [];
  }
  const rows = await base
    .with('o', (db) =>
      db
        .insertInto('outbox')
        .values(f.replies.map(outboxValues(f.now)))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id'),
    )
    .selectFrom('o')
    .select('o.id')
    .execute();
  // One statement takes its ids from the sequence in VALUES order.
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Moves an identity to another person (an admin linking someone's WhatsApp and Telegram). */
export async function linkIdentity(
  db: Kysely<Database>,
  identityId: number,
  userId: number,
): Promise<boolean> {
  const res = await db
    .updateTable('channel_identities')
    .set({ user_id: userId })
    .where('id', '=', identityId)
    .where(({ exists, selectFrom }) => exists(selectFrom('users').select('id').where('id', '=', userId)))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function findIdentity(db: Kysely<Database>, channel: Channel, externalId: string) {
  return db
    .selectFrom('channel_identities')
    .select(['id', 'user_id'])
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/**
 * Sent messages of one web chat identity after a cursor, oldest first, and the next cursor.
 * Messages can be sent out of order (a deferred alert, a retry), so the next cursor stops
 * before the first message not sent yet: a reader polls from there and skips ids it has seen,
 * and never loses a message that was sent late.
 */
export async function webChatTranscript(
  db: Kysely<Database>,
  externalId: string,
  afterId: number,
  limit: number,
) {
  const rows = await db
    .selectFrom('outbox')
    .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
    .select(['outbox.id', 'outbox.payload', 'outbox.sent_at', 'outbox.status'])
    .where('ci.channel', '=', 'web')
    .where('ci.external_id', '=', externalId)
    .where('outbox.id', '>', afterId)
    .where('outbox.status', 'not in', ['dead', 'failed'])
    .orderBy('outbox.id')
    .limit(limit)
    .execute();
  const isSent = (status: string) => status === 'sent' || status === 'delivered' || status === 'read';
  const firstUnsent = rows.findIndex((r) => !isSent(r.status));
  const next =
    firstUnsent === -1
      ? (rows.at(-1)?.id ?? afterId)
      : firstUnsent === 0
        ? afterId
        : (rows[firstUnsent - 1]?.id ?? afterId);
  return { messages: rows.filter((r) => isSent(r.status)), next };
}

export async function saveMedia(
  trx: Transaction<Database>,
  m: {
    identityId: number;
    kind: 'photo' | 'document' | 'voice' | 'video' | 'sticker';
    fileId: string;
    mimeType?: string;
    caption?: string;
  },
): Promise<number> {
  const row = await trx
    .insertInto('media')
    .values({
      identity_id: m.identityId,
      kind: m.kind,
      channel_file_id: m.fileId,
      mime_type: m.mimeType ?? null,
      caption: m.caption ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
