import { type Kysely, sql } from 'kysely';

// A person registered on one channel links another (their WhatsApp and their Telegram) with a
// short code shown on the first and typed on the second: single use, minutes long.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('link_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_by_identity_id', 'integer', (c) =>
      c.references('channel_identities.id').onDelete('set null'),
    )
    .execute();
  await db.schema.createIndex('link_codes_user_idx').on('link_codes').column('user_id').execute();
  await db.schema
    .createIndex('link_codes_used_by_identity_idx')
    .on('link_codes')
    .column('used_by_identity_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('link_codes').execute();
}
