import type { Kysely } from 'kysely';

// A message may move its recipient's conversation when it is actually sent (a tender alert
// held for the morning must not change what the vendor's "1" means during the night).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('on_sent', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('on_sent').execute();
}
