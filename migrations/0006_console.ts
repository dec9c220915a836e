import { type Kysely, sql } from 'kysely';

// The admin console: sessions (the cookie carries a random token; only its SHA-256 is stored,
// so a leaked table cannot be replayed), login attempts (throttling per account and per IP,
// shared by every server process), and the admin's console language.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('admins')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('id'))
    .execute();

  await db.schema
    .createTable('console_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('admin_id', 'bigint', (c) => c.notNull().references('admins.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('console_sessions_admin_idx')
    .on('console_sessions')
    .column('admin_id')
    .execute();
  await db.schema
    .createIndex('console_sessions_expires_idx')
    .on('console_sessions')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('console_login_attempts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('success', 'boolean', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('console_login_attempts_email_idx')
    .on('console_login_attempts')
    .columns(['email', 'at'])
    .execute();
  await db.schema
    .createIndex('console_login_attempts_ip_idx')
    .on('console_login_attempts')
    .columns(['ip', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('console_login_attempts').execute();
  await db.schema.dropTable('console_sessions').execute();
  await db.schema.alterTable('admins').dropColumn('locale').execute();
}
