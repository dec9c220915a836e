import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Channel } from '../domain/channels.js';
import type { Database } from './schema.js';

/**
 * A fresh six-digit code for this user, valid `minutes`; the user's older unused codes stop
 * working (only the code last shown is valid).
 */
export async function issueLinkCode(
  db: Kysely<Database>,
  userId: number,
  now: Date,
  minutes: number,
): Promise<string> {
  await db
    .updateTable('link_codes')
    .set({ expires_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const inserted = await db
      .insertInto('link_codes')
      .values({
        code,
        user_id: userId,
        created_at: now,
        expires_at: new Date(now.getTime() + minutes * 60_000),
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (inserted) return inserted.code;
  }
}

export type RedeemResult =
  | {
      ok: true;
      userId: number;
      previousIdentities: Array<{ id: number; channel: Channel }>;
    }
  | { ok: false; error: 'unknown' | 'same_user' };

/**
 * Moves this identity (channel address) to the user who was shown the code. The code works
 * once, within its minutes; an unknown, used or expired code is the same "unknown" answer, so
 * guessing learns nothing. Returns the user's other identities, to tell them of the link.
 */
export async function redeemLinkCode(
  db: Kysely<Database>,
  code: string,
  identityId: number,
  now: Date,
): Promise<RedeemResult> {
  const row = await db
    .selectFrom('link_codes')
    .select(['code', 'user_id'])
    .where('code', '=', code)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return { ok: false, error: 'unknown' };
  const identity = await db
    .selectFrom('channel_identities')
    .select('user_id')
    .where('id', '=', identityId)
    .executeTakeFirstOrThrow();
  if (identity.user_id === row.user_id) return { ok: false, error: 'same_user' };
  const previousIdentities = await db
    .selectFrom('channel_identities')
    .select(['id', 'channel'])
    .where('user_id', '=', row.user_id)
    .where('unreachable_at', 'is', null)
    .execute();
  await db
    .updateTable('link_codes')
    .set({ used_at: now, used_by_identity_id: identityId })
    .where('code', '=', row.code)
    .execute();
  await db
    .updateTable('channel_identities')
    .set({ user_id: row.user_id })
    .where('id', '=', identityId)
    .execute();
  return { ok: true, userId: row.user_id, previousIdentities };
}
