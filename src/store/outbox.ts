import { type Kysely, sql } from 'kysely';
import type { Outbound, OutboxMessage } from '../domain/messages.js';
import { jsonText } from './db.js';
import type { Channel, Database, OnSent, OutboxStatus } from './schema.js';

export interface NewOutboxMessage {
  identityId: number;
  channel: Channel;
  payload: Outbound;
  purpose?: string;
  /** Makes the insert idempotent: a second row with the same key is silently skipped. */
  dedupeKey?: string;
  notBefore?: Date;
  /** Moves the recipient's conversation once the message is actually sent. */
  onSent?: OnSent;
}

/** What the relay needs to build a job: the job id carries the attempt, the delay the due time. */
export interface EnqueueCandidate {
  id: number;
  attempts: number;
  notBefore: Date;
}

const DEFAULT_SWEEP_LIMIT = 500;

/**
 * One outbox row as the insert takes it. Its times come from the caller's clock, never from the
 * database's default: delivery compares `not_before` with that clock, so a row stamped by
 * PostgreSQL's `now()` would wait while the procurement clock runs behind the wall clock (a test's
 * pinned calendar, a training sandbox), or go out early while it runs ahead.
 */
export const outboxValues = (now: Date) => (r: NewOutboxMessage) => {
  return {
    identity_id: r.identityId,
    channel: r.channel,
    payload: jsonText(r.payload),
    purpose: r.purpose ?? 'reply',
    dedupe_key: r.dedupeKey ?? null,
    not_before: r.notBefore ?? now,
    created_at: now,
    ...(r.onSent ? { on_sent: jsonText(r.onSent) } : {}),
  };
};

/**
 * Inserts in the caller's transaction. Returned ids follow the input order: one statement takes
 * its ids from the sequence in VALUES order, so sorting them restores it even for skipped rows.
 */
/** PostgreSQL takes at most 65,535 parameters per statement: big fan-outs go in slices. */
const INSERT_SLICE = 1000;

export async function insertOutbox(
  db: Kysely<Database>,
  rows: NewOutboxMessage[],
  now: Date,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += INSERT_SLICE) {
    const inserted = await db
      .insertInto('outbox')
      .values(rows.slice(i, i + INSERT_SLICE).map(outboxValues(now)))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids.sort((a, b) => a - b);
}

/**
 * Moves one due `pending` row to `sending`. SKIP LOCKED makes a concurrent claimer see no row
 * instead of waiting and then re-checking, so two workers never both send it.
 */
export async function claimForSending(
  db: Kysely<Database>,
  id: number,
  now: Date,
): Promise<OutboxMessage | null> {
  const row = await db
    .with('claimed', (qb) =>
      qb
        .updateTable('outbox')
        .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), updated_at: now }))
        .where('id', '=', (eb) =>
          eb
            .selectFrom('outbox')
            .select('id')
            .where('id', '=', id)
            .where('status', '=', 'pending')
            .where('not_before', '<=', now)
            // One chat's messages go out in the order they were written: an older message of
            // the same person that is due and not yet sent goes first (one held for later,
            // like a tender alert waiting for the morning, does not hold the others back).
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('outbox as older')
                    .select('older.id')
                    .whereRef('older.identity_id', '=', 'outbox.identity_id')
                    .where('older.id', '<', id)
                    .where('older.status', 'in', ['pending', 'sending'])
                    .where('older.not_before', '<=', now),
                ),
              ),
            )
            .forUpdate()
            .skipLocked(),
        )
        .returning(['id', 'identity_id', 'channel', 'payload', 'attempts', 'on_sent', 'purpose']),
    )
    .selectFrom('claimed')
    .innerJoin('channel_identities as ci', 'ci.id', 'claimed.identity_id')
    .select([
      'claimed.id',
      'claimed.identity_id',
      'claimed.channel',
      'claimed.payload',
      'claimed.attempts',
      'claimed.on_sent',
      'claimed.purpose',
      'ci.external_id',
      'ci.last_inbound_at',
    ])
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    identityId: row.identity_id,
    channel: row.channel,
    externalUserId: row.external_id,
    payload: row.payload as Outbound,
    attempts: row.attempts,
    onSent: row.on_sent,
    purpose: row.purpose,
    lastInboundAt: row.last_inbound_at,
  };
}

/** Why a claim found nothing: gone, already handled, held by another worker, or not due yet. */
export async function getOutboxState(
  db: Kysely<Database>,
  id: number,
): Promise<{ status: OutboxStatus; notBefore: Date } | null> {
  const row = await db
    .selectFrom('outbox')
    .select(['status', 'not_before'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { status: row.status, notBefore: row.not_before } : null;
}

// The status guards below keep a late writer (a worker whose lease was taken over) from
// turning a finished row back into a live one.

export async function markSent(db: Kysely<Database>, id: number, externalId: string, now: Date) {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', external_id: externalId, sent_at: now, updated_at: now, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/**
 * Back to `pending`, due at `notBefore`. `refundAttempt` is for a channel telling us to slow
 * down: that try was not the message's fault and must not bring it closer to `dead`.
 */
export async function markRetry(
  db: Kysely<Database>,
  id: number,
  error: string,
  notBefore: Date,
  opts: { refundAttempt?: boolean } = {},
) {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'pending',
      last_error: error,
      not_before: notBefore,
      updated_at: sql<Date>`now()`,
      ...(opts.refundAttempt ? { attempts: sql<number>`greatest(${eb.ref('attempts')} - 1, 0)` } : {}),
    }))
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

export async function markDead(db: Kysely<Database>, id: number, error: string) {
  await db
    .updateTable('outbox')
    .set({ status: 'dead', last_error: error, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'sending'])
    .execute();
}

/**
 * Stamps `enqueued_at` on the rows of `ids` still waiting to be sent and returns what the relay
 * needs to build their jobs — one statement where reading and stamping took two (it runs after
 * every turn). The relay clears the stamp again if Redis then refuses the jobs.
 */
export async function stampForEnqueue(
  db: Kysely<Database>,
  ids: number[],
  now: Date,
): Promise<EnqueueCandidate[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('outbox')
    .set({ enqueued_at: now })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .returning(['id', 'attempts', 'not_before'])
    .execute();
  return rows
    .map((r) => ({ id: r.id, attempts: r.attempts, notBefore: r.not_before }))
    .sort((a, b) => a.id - b.id);
}

/** Undoes this relay's stamp (not a later one) so the sweeper's next run hands the rows over. */
export async function unstampEnqueue(db: Kysely<Database>, ids: number[], stampedAt: Date) {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ enqueued_at: null })
    .where('id', 'in', ids)
    .where('enqueued_at', '=', stampedAt)
    .execute();
}

/**
 * Due `pending` rows whose job never reached Redis or should long have run. Staleness counts
 * from when the row became due, so a job delayed until `not_before` is not duplicated early.
 */
export async function findStranded(
  db: Kysely<Database>,
  now: Date,
  opts: { staleEnqueueMs: number; limit?: number },
): Promise<number[]> {
  const staleBefore = new Date(now.getTime() - opts.staleEnqueueMs);
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('not_before', '<=', now)
    .where((eb) =>
      eb.or([
        eb('enqueued_at', 'is', null),
        eb(sql`greatest(${eb.ref('enqueued_at')}, ${eb.ref('not_before')})`, '<', staleBefore),
      ]),
    )
    .orderBy('not_before')
    .orderBy('id')
    .limit(opts.limit ?? DEFAULT_SWEEP_LIMIT)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A `sending` row older than the lease belongs to a worker that died mid-send. Releasing it may
 * send the message twice if the channel did accept it; losing it would be worse.
 */
export async function releaseStaleSending(
  db: Kysely<Database>,
  now: Date,
  leaseMs: number,
  limit = DEFAULT_SWEEP_LIMIT,
): Promise<number[]> {
  const expired = new Date(now.getTime() - leaseMs);
  const rows = await db
    .updateTable('outbox')
    .set({ status: 'pending', updated_at: now, last_error: 'lease expired while sending' })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'sending')
        .where('updated_at', '<', expired)
        .orderBy('not_before')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function markUnreachable(db: Kysely<Database>, identityId: number, reason: string, now: Date) {
  await db
    .updateTable('channel_identities')
    .set({ unreachable_at: now, unreachable_reason: reason })
    .where('id', '=', identityId)
    .execute();
}

/**
 * The oldest message of this row's chat that is due and not sent yet (possibly the row
 * itself), or null when that message is being sent right now by another worker.
 */
export async function oldestDueOfChat(db: Kysely<Database>, id: number, now: Date): Promise<number | null> {
  const row = await db
    .selectFrom('outbox as o')
    .select(['o.id', 'o.status'])
    .where('o.identity_id', '=', (eb) => eb.selectFrom('outbox').select('identity_id').where('id', '=', id))
    .where('o.status', 'in', ['pending', 'sending'])
    .where('o.not_before', '<=', now)
    .orderBy('o.id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return id;
  return row.status === 'pending' ? row.id : null;
}

const STATUS_RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3 };

/**
 * A channel's delivery report (WhatsApp: sent / delivered / read / failed) on the row it sent.
 * Reports arrive out of order, so a row never moves back (read stays read); `failed` always
 * lands. Returns the row it changed, or null (unknown message, or an older report).
 */
export async function applyDeliveryStatus(
  db: Kysely<Database>,
  channel: Channel,
  externalId: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  error: string | null,
  now: Date,
): Promise<{ id: number; identityId: number } | null> {
  const lower = Object.entries(STATUS_RANK)
    .filter(([, rank]) => status === 'failed' || rank < (STATUS_RANK[status] ?? 0))
    .map(([s]) => s as OutboxStatus);
  if (lower.length === 0) return null;
  const row = await db
    .updateTable('outbox')
    .set({ status, updated_at: now, ...(error ? { last_error: error } : {}) })
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .where('status', 'in', lower)
    .returning(['id', 'identity_id'])
    .executeTakeFirst();
  return row ? { id: row.id, identityId: row.identity_id } : null;
}
