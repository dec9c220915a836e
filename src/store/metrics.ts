import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** Counts read at scrape time for /metrics; each is one indexed aggregate. */
export async function metricCounts(db: Kysely<Database>, now: Date) {
  const [turns, outbox, due] = await Promise.all([
    db
      .selectFrom('inbound_messages')
      .select((eb) => [
        'channel',
        eb.fn.count<string>('processed_at').as('processed'),
        eb.fn.countAll<string>().as('received'),
      ])
      .groupBy('channel')
      .execute(),
    db
      .selectFrom('outbox')
      .select((eb) => ['channel', 'status', eb.fn.countAll<string>().as('n')])
      .groupBy(['channel', 'status'])
      .execute(),
    db
      .selectFrom('outbox')
      .select([
        sql<string>`count(*) filter (where not_before <= ${now})`.as('due'),
        sql<string>`count(*) filter (where not_before > ${now})`.as('held'),
        sql<Date | null>`min(greatest(created_at, not_before)) filter (where not_before <= ${now})`.as(
          'oldest_due',
        ),
      ])
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    turns: turns.map((t) => ({
      channel: t.channel,
      processed: Number(t.processed),
      received: Number(t.received),
    })),
    outbox: outbox.map((o) => ({ channel: o.channel, status: o.status, count: Number(o.n) })),
    pendingDue: Number(due.due),
    pendingHeld: Number(due.held),
    oldestDue: due.oldest_due ? new Date(due.oldest_due) : null,
  };
}
