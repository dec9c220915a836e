import { type Kysely, sql } from 'kysely';

// What the lifecycle workers need beyond the first model: when matching ran (so a need whose
// match job was lost is found and matched again), and when a deadline was extended.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('needs').addColumn('matched_at', 'timestamptz').execute();
  await db.schema
    .alterTable('needs')
    .addColumn('extended_count', 'smallint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index needs_unmatched_idx on needs (published_at) where status = 'published' and matched_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists needs_unmatched_idx`.execute(db);
  await db.schema.alterTable('needs').dropColumn('extended_count').execute();
  await db.schema.alterTable('needs').dropColumn('matched_at').execute();
}
