import { type Kysely, sql } from 'kysely';

const now = sql`now()`;

// Money is integer rupiah (bigint): the rupiah has no minor unit in practice and floats lie.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Each regency's Perbup sets its own thresholds; these rows are that configuration.
  await db.schema
    .createTable('procurement_settings')
    .addColumn('regency_code', 'text', (c) => c.primaryKey().references('regencies.code'))
    .addColumn('direct_purchase_max', 'bigint', (c) => c.notNull().check(sql`direct_purchase_max > 0`))
    .addColumn('rfq_max', 'bigint', (c) => c.notNull())
    .addColumn('min_quotes_direct', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('min_quotes_rfq', 'smallint', (c) => c.notNull().defaultTo(2))
    .addColumn('min_quotes_open', 'smallint', (c) => c.notNull().defaultTo(3))
    .addColumn('invite_count', 'smallint', (c) => c.notNull().defaultTo(6))
    .addColumn('quiet_start_minute', 'smallint', (c) => c.notNull().defaultTo(21 * 60))
    .addColumn('quiet_end_minute', 'smallint', (c) => c.notNull().defaultTo(6 * 60))
    .addColumn('reminder_minutes_before', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{1440,120}'`))
    .addColumn('min_quote_window_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Jakarta'))
    .addColumn('document_names', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('complaint_recipients', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_by_admin_id', 'bigint', (c) => c.references('admins.id'))
    .addCheckConstraint('procurement_settings_band_check', sql`rfq_max > direct_purchase_max`)
    .execute();
  await db.schema
    .createIndex('procurement_settings_admin_idx')
    .on('procurement_settings')
    .column('updated_by_admin_id')
    .execute();

  // Human numbers (PD-3214-2026-0042) come from a counter per regency and year, taken in the
  // same transaction as the need, so numbers have no gaps from rolled-back drafts.
  await db.schema
    .createTable('number_counters')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('number_counters_pkey', ['scope', 'year'])
    .execute();

  await db.schema
    .createTable('needs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('officer_id', 'bigint', (c) => c.notNull().references('officers.id'))
    .addColumn('village_code', 'text', (c) => c.notNull().references('villages.code'))
    .addColumn('district_code', 'text', (c) => c.notNull().references('districts.code'))
    .addColumn('regency_code', 'text', (c) => c.notNull().references('regencies.code'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) =>
      c.notNull().check(sql`method in ('pembelian_langsung', 'permintaan_penawaran', 'lelang')`),
    )
    .addColumn('hps', 'bigint', (c) => c.notNull().check(sql`hps > 0`))
    .addColumn('min_quotes', 'smallint', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(
          sql`status in ('draft', 'published', 'closed', 'awarded', 'ordered', 'delivered', 'received', 'paid', 'completed', 'cancelled', 'unsuccessful')`,
        ),
    )
    .addColumn('quote_deadline', 'timestamptz', (c) => c.notNull())
    .addColumn('delivery_place', 'text', (c) => c.notNull())
    .addColumn('needed_by', 'timestamptz', (c) => c.notNull())
    .addColumn('ring', 'text', (c) =>
      c.notNull().defaultTo('desa').check(sql`ring in ('desa', 'kecamatan', 'kabupaten')`),
    )
    .addColumn('direct_vendor_id', 'bigint', (c) => c.references('vendors.id'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('status_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('needs_officer_idx')
    .on('needs')
    .columns(['officer_id', 'created_at'])
    .execute();
  await db.schema.createIndex('needs_village_idx').on('needs').columns(['village_code', 'status']).execute();
  await db.schema.createIndex('needs_district_idx').on('needs').column('district_code').execute();
  await db.schema
    .createIndex('needs_regency_status_idx')
    .on('needs')
    .columns(['regency_code', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('needs_category_idx')
    .on('needs')
    .columns(['category_id', 'created_at'])
    .execute();
  await db.schema.createIndex('needs_direct_vendor_idx').on('needs').column('direct_vendor_id').execute();
  await sql`create index needs_open_deadline_idx on needs (quote_deadline) where status = 'published'`.execute(
    db,
  );

  await db.schema
    .createTable('need_items')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('need_id', 'bigint', (c) => c.notNull().references('needs.id').onDelete('cascade'))
    .addColumn('position', 'smallint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('quantity', sql`numeric(14,3)`, (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('spec', 'text')
    .addUniqueConstraint('need_items_position_key', ['need_id', 'position'])
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('need_id', 'bigint', (c) => c.notNull().references('needs.id'))
    .addColumn('vendor_id', 'bigint', (c) => c.notNull().references('vendors.id'))
    .addColumn('ring', 'text', (c) => c.notNull().check(sql`ring in ('desa', 'kecamatan', 'kabupaten')`))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'alerted', 'viewed', 'declined', 'quoted')`),
    )
    .addColumn('alert_due_at', 'timestamptz')
    .addColumn('alerted_at', 'timestamptz')
    .addColumn('responded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('invitations_need_vendor_key', ['need_id', 'vendor_id'])
    .execute();
  await db.schema
    .createIndex('invitations_vendor_idx')
    .on('invitations')
    .columns(['vendor_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('invitations_need_rank_idx')
    .on('invitations')
    .columns(['need_id', 'rank'])
    .execute();

  // Sealed: prices live here, and nothing but the store's deadline-aware queries reads them.
  await db.schema
    .createTable('quotes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('need_id', 'bigint', (c) => c.notNull().references('needs.id'))
    .addColumn('vendor_id', 'bigint', (c) => c.notNull().references('vendors.id'))
    .addColumn('invitation_id', 'bigint', (c) => c.references('invitations.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'superseded', 'withdrawn', 'awarded', 'rejected')`),
    )
    .addColumn('total', 'bigint', (c) => c.notNull().check(sql`total > 0`))
    .addColumn('delivery_days', 'integer', (c) => c.notNull().check(sql`delivery_days >= 0`))
    .addColumn('note', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('withdrawn_at', 'timestamptz')
    .execute();
  await sql`create unique index quotes_one_active_idx on quotes (need_id, vendor_id) where status = 'active'`.execute(
    db,
  );
  await db.schema
    .createIndex('quotes_need_idx')
    .on('quotes')
    .columns(['need_id', 'status', 'total'])
    .execute();
  await db.schema
    .createIndex('quotes_vendor_idx')
    .on('quotes')
    .columns(['vendor_id', 'submitted_at'])
    .execute();
  await db.schema.createIndex('quotes_invitation_idx').on('quotes').column('invitation_id').execute();

  await db.schema
    .createTable('quote_items')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('quote_id', 'bigint', (c) => c.notNull().references('quotes.id').onDelete('cascade'))
    .addColumn('need_item_id', 'bigint', (c) => c.notNull().references('need_items.id'))
    .addColumn('unit_price', 'bigint', (c) => c.notNull().check(sql`unit_price > 0`))
    .addColumn('line_total', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('quote_items_quote_item_key', ['quote_id', 'need_item_id'])
    .execute();
  await db.schema.createIndex('quote_items_need_item_idx').on('quote_items').column('need_item_id').execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('need_id', 'bigint', (c) => c.notNull().references('needs.id'))
    .addColumn('quote_id', 'bigint', (c) => c.notNull().references('quotes.id'))
    .addColumn('vendor_id', 'bigint', (c) => c.notNull().references('vendors.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('offered_amount', 'bigint', (c) => c.notNull())
    .addColumn('amount_words', 'text', (c) => c.notNull())
    .addColumn('award_reason', 'text')
    .addColumn('negotiation_note', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('awaiting_acceptance')
        .check(
          sql`status in ('awaiting_acceptance', 'accepted', 'declined', 'delivered', 'received', 'problem', 'paid', 'completed', 'cancelled')`,
        ),
    )
    .addColumn('status_reason', 'text')
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create unique index orders_one_live_per_need_idx on orders (need_id) where status not in ('declined', 'cancelled')`.execute(
    db,
  );
  await db.schema.createIndex('orders_need_idx').on('orders').column('need_id').execute();
  await db.schema.createIndex('orders_quote_idx').on('orders').column('quote_id').execute();
  await db.schema
    .createIndex('orders_vendor_idx')
    .on('orders')
    .columns(['vendor_id', 'created_at'])
    .execute();
  await db.schema.createIndex('orders_status_idx').on('orders').columns(['status', 'updated_at']).execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('identity_id', 'bigint', (c) => c.notNull().references('channel_identities.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('photo', 'document', 'voice', 'video', 'sticker')`),
    )
    .addColumn('channel_file_id', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text')
    .addColumn('caption', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('media_identity_idx').on('media').column('identity_id').execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id'))
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('note', 'text')
    .addColumn('photo_media_id', 'bigint', (c) => c.references('media.id'))
    .execute();
  await db.schema.createIndex('deliveries_order_idx').on('deliveries').column('order_id').execute();
  await db.schema.createIndex('deliveries_media_idx').on('deliveries').column('photo_media_id').execute();

  // BAST (berita acara serah terima) or a reported problem.
  await db.schema
    .createTable('receipts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id'))
    .addColumn('officer_id', 'bigint', (c) => c.notNull().references('officers.id'))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('accepted', 'problem')`))
    .addColumn('bast_number', 'text', (c) => c.unique())
    .addColumn('problem_note', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('receipts_order_idx').on('receipts').column('order_id').execute();
  await db.schema.createIndex('receipts_officer_idx').on('receipts').column('officer_id').execute();
  await sql`create index receipts_open_problems_idx on receipts (created_at) where outcome = 'problem' and resolved_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('payments')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id'))
    .addColumn('officer_id', 'bigint', (c) => c.notNull().references('officers.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('paid_on', 'date', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('transfer', 'tunai', 'lainnya')`))
    .addColumn('reference', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('payments_order_idx').on('payments').column('order_id').execute();
  await db.schema.createIndex('payments_officer_idx').on('payments').column('officer_id').execute();
  await db.schema.createIndex('payments_paid_on_idx').on('payments').column('paid_on').execute();

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id'))
    .addColumn('rater_user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('ratee_user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('direction', 'text', (c) =>
      c.notNull().check(sql`direction in ('officer_to_vendor', 'vendor_to_officer')`),
    )
    .addColumn('score', 'smallint', (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('ratings_order_rater_key', ['order_id', 'rater_user_id'])
    .execute();
  await db.schema.createIndex('ratings_rater_idx').on('ratings').column('rater_user_id').execute();
  await db.schema.createIndex('ratings_ratee_idx').on('ratings').column('ratee_user_id').execute();

  // Pengaduan: from a citizen or vendor about a procedure; reaches the regency admin.
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('regency_code', 'text', (c) => c.notNull().references('regencies.code'))
    .addColumn('need_id', 'bigint', (c) => c.references('needs.id'))
    .addColumn('user_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'in_review', 'resolved', 'dismissed')`),
    )
    .addColumn('resolution', 'text')
    .addColumn('handled_by_admin_id', 'bigint', (c) => c.references('admins.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('complaints_regency_idx')
    .on('complaints')
    .columns(['regency_code', 'status'])
    .execute();
  await db.schema.createIndex('complaints_need_idx').on('complaints').column('need_id').execute();
  await db.schema.createIndex('complaints_user_idx').on('complaints').column('user_id').execute();
  await db.schema
    .createIndex('complaints_admin_idx')
    .on('complaints')
    .column('handled_by_admin_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'complaints',
    'ratings',
    'payments',
    'receipts',
    'deliveries',
    'media',
    'orders',
    'quote_items',
    'quotes',
    'invitations',
    'need_items',
    'needs',
    'number_counters',
    'procurement_settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
