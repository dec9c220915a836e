import type { Kysely } from 'kysely';
import { asLocale, type MessageKey, translate } from '../i18n/index.js';
import { getUser, markInboundProcessed, recordInbound, upsertIdentity } from '../store/chat.js';
import { insertOutbox } from '../store/outbox.js';
import type { Database } from '../store/schema.js';
import type { Inbound } from './types.js';

/**
 * A message answered without running a turn — the apology after a turn crashed, the "slow down"
 * to a flooding chat: recorded (never lost, never run twice), answered with one sentence in the
 * person's language or not at all, and marked processed, in one transaction.
 */
export async function answerWithoutTurn(
  db: Kysely<Database>,
  inbound: Inbound,
  o: { kind: string; reply: MessageKey | null; at: Date; defaultLocale: string },
): Promise<{ duplicate: boolean; outboxIds: number[] }> {
  return db.transaction().execute(async (trx) => {
    const inboundId = await recordInbound(trx, inbound, o.kind, o.at);
    if (inboundId === null) return { duplicate: true, outboxIds: [] };
    const identity = await upsertIdentity(trx, inbound, o.defaultLocale);
    let outboxIds: number[] = [];
    if (o.reply) {
      const locale = asLocale((await getUser(trx, identity.userId)).locale, o.defaultLocale);
      const text = translate(locale, o.reply);
      outboxIds = await insertOutbox(
        trx,
        [{ identityId: identity.id, channel: identity.channel, payload: { type: 'text', text } }],
        o.at,
      );
    }
    await markInboundProcessed(trx, inboundId, identity.id, o.at);
    return { duplicate: false, outboxIds };
  });
}
