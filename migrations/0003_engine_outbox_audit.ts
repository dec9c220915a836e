import { type Kysely, sql } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per channel identity; `version` guards against a stale writer, the row lock
  // serialises the turns of one chat.
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('identity_id', 'bigint', (c) => c.notNull().unique().references('channel_identities.id'))
    .addColumn('flow', 'text')
    .addColumn('step', 'text')
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('history', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('misses', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_turn_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // Dedupe of inbound messages: a retried webhook finds its row and does nothing more.
  await db.schema
    .createTable('inbound_messages')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('identity_id', 'bigint', (c) => c.references('channel_identities.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('processed_at', 'timestamptz')
    .addUniqueConstraint('inbound_messages_channel_external_key', ['channel', 'external_id'])
    .execute();
  await db.schema
    .createIndex('inbound_messages_identity_idx')
    .on('inbound_messages')
    .columns(['identity_id', 'received_at'])
    .execute();

  // The outbox: written in the turn's transaction; its state, not Redis, records what was sent.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('identity_id', 'bigint', (c) => c.notNull().references('channel_identities.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('reply'))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'sending', 'sent', 'delivered', 'read', 'failed', 'dead')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_before', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('enqueued_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('external_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index outbox_pending_idx on outbox (not_before, id) where status in ('pending', 'sending')`.execute(
    db,
  );
  await db.schema.createIndex('outbox_identity_idx').on('outbox').columns(['identity_id', 'id']).execute();
  await sql`create index outbox_external_idx on outbox (channel, external_id) where external_id is not null`.execute(
    db,
  );
  await sql`create index outbox_failed_idx on outbox (updated_at) where status in ('failed', 'dead')`.execute(
    db,
  );

  // Append-only, hash-chained: each row carries the hash of the one before it.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('actor_type', 'text', (c) =>
      c.notNull().check(sql`actor_type in ('user', 'admin', 'system', 'public')`),
    )
    .addColumn('actor_id', 'bigint')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('regency_code', 'text', (c) => c.references('regencies.code'))
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_regency_idx')
    .on('audit_log')
    .columns(['regency_code', 'id'])
    .execute();
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete or truncate on audit_log
    for each statement execute function audit_log_refuse_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db);
  await sql`drop function if exists audit_log_refuse_change()`.execute(db);
  for (const t of ['audit_log', 'outbox', 'inbound_messages', 'conversations']) {
    await db.schema.dropTable(t).execute();
  }
}
