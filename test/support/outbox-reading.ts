import type { Kysely } from 'kysely';
import type { Channel, Database } from '../../src/store/schema.js';

/**
 * The replies one inbound message got, found by the turn that wrote them: the turn stamps the
 * inbound row's `processed_at` and its replies' `created_at` with the same instant of its clock.
 * In the shape the web chat API answers.
 */
export async function repliesTo(db: Kysely<Database>, channel: Channel, messageId: string) {
  const inbound = db
    .selectFrom('inbound_messages')
    .where('channel', '=', channel)
    .where('external_id', '=', messageId);
  const replies = await db
    .selectFrom('outbox')
    .select('id')
    .where('identity_id', '=', () => inbound.select('identity_id'))
    .where('created_at', '=', () => inbound.select('processed_at'))
    .where('purpose', '=', 'reply')
    .orderBy('id')
    .execute();
  return { status: 202, json: { replies: replies.length, replyIds: replies.map((r) => r.id) } };
}

/** The sent outbox rows of one chat, oldest first. */
export function sentTo(db: Kysely<Database>, channel: Channel, externalId: string) {
  return db
    .selectFrom('outbox')
    .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
    .select(['outbox.id', 'outbox.payload', 'outbox.external_id'])
    .where('ci.channel', '=', channel)
    .where('ci.external_id', '=', externalId)
    .where('outbox.status', '=', 'sent')
    .orderBy('outbox.id')
    .execute();
}
