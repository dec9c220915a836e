import { type Kysely, sql } from 'kysely';

// Areas come from the official codes (Kemendagri, via idn-area-data). Villages carry their
// kind: code 2xxx is a desa (runs PBJ Desa), 1xxx a kelurahan (does not).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('provinces')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('regencies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('kabupaten', 'kota')`))
    .execute();
  await db.schema.createIndex('regencies_province_idx').on('regencies').column('province_code').execute();
  await db.schema
    .createTable('districts')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('regency_code', 'text', (c) => c.notNull().references('regencies.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('districts_regency_name_idx')
    .on('districts')
    .columns(['regency_code', 'name'])
    .execute();
  await db.schema
    .createTable('villages')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('district_code', 'text', (c) => c.notNull().references('districts.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('desa', 'kelurahan')`))
    .execute();
  await db.schema
    .createIndex('villages_district_name_idx')
    .on('villages')
    .columns(['district_code', 'name'])
    .execute();
  await sql`create index villages_name_search_idx on villages (lower(name) text_pattern_ops)`.execute(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('display_name', 'text')
    .addColumn('phone_e164', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'suspended')`),
    )
    .addColumn('suspended_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('users_phone_idx').on('users').column('phone_e164').execute();

  // One person may reach us over several channels; each (channel, external id) is one identity.
  await db.schema
    .createTable('channel_identities')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('telegram', 'whatsapp', 'web')`))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('phone_e164', 'text')
    .addColumn('last_inbound_at', 'timestamptz')
    .addColumn('unreachable_at', 'timestamptz')
    .addColumn('unreachable_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('channel_identities_channel_external_key', ['channel', 'external_id'])
    .execute();
  await db.schema
    .createIndex('channel_identities_user_idx')
    .on('channel_identities')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('admins')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('province', 'regency')`))
    .addColumn('province_code', 'text', (c) => c.references('provinces.code'))
    .addColumn('regency_code', 'text', (c) => c.references('regencies.code'))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'admins_scope_check',
      sql`(role = 'province' and province_code is not null) or (role = 'regency' and regency_code is not null)`,
    )
    .execute();
  await db.schema.createIndex('admins_province_idx').on('admins').column('province_code').execute();
  await db.schema.createIndex('admins_regency_idx').on('admins').column('regency_code').execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'integer', (c) => c.references('categories.id'))
    .addColumn('name_id', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  await db.schema.createIndex('categories_parent_idx').on('categories').column('parent_id').execute();

  await db.schema
    .createTable('invite_codes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('village_code', 'text', (c) => c.notNull().references('villages.code'))
    .addColumn('position', 'text')
    .addColumn('created_by_admin_id', 'bigint', (c) => c.references('admins.id'))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('invite_codes_village_idx').on('invite_codes').column('village_code').execute();
  await db.schema
    .createIndex('invite_codes_admin_idx')
    .on('invite_codes')
    .column('created_by_admin_id')
    .execute();

  await db.schema
    .createTable('officers')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('village_code', 'text', (c) => c.notNull().references('villages.code'))
    .addColumn('position', 'text', (c) =>
      c.notNull().check(sql`position in ('kepala_desa', 'sekdes', 'kasi', 'kaur', 'tpk', 'lainnya')`),
    )
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`verification in ('pending', 'verified', 'rejected')`),
    )
    .addColumn('invite_code_id', 'bigint', (c) => c.references('invite_codes.id'))
    .addColumn('verified_at', 'timestamptz')
    .addColumn('verified_by_admin_id', 'bigint', (c) => c.references('admins.id'))
    .addColumn('rejected_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('officers_user_village_key', ['user_id', 'village_code'])
    .execute();
  await db.schema
    .createIndex('officers_village_verification_idx')
    .on('officers')
    .columns(['village_code', 'verification'])
    .execute();
  await db.schema.createIndex('officers_verification_idx').on('officers').column('verification').execute();
  await db.schema.createIndex('officers_invite_idx').on('officers').column('invite_code_id').execute();
  await db.schema.createIndex('officers_admin_idx').on('officers').column('verified_by_admin_id').execute();

  // district_code and regency_code are copies of the village's so matching by locality ring is
  // an index scan, not a join over all areas.
  await db.schema
    .createTable('vendors')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().unique().references('users.id'))
    .addColumn('business_name', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('phone_e164', 'text')
    .addColumn('nib', 'text')
    .addColumn('village_code', 'text', (c) => c.notNull().references('villages.code'))
    .addColumn('district_code', 'text', (c) => c.notNull().references('districts.code'))
    .addColumn('regency_code', 'text', (c) => c.notNull().references('regencies.code'))
    .addColumn('verification', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`verification in ('pending', 'verified', 'rejected')`),
    )
    .addColumn('verified_at', 'timestamptz')
    .addColumn('verified_by_admin_id', 'bigint', (c) => c.references('admins.id'))
    .addColumn('rejected_reason', 'text')
    .addColumn('quiet_start_minute', 'smallint', (c) =>
      c
        .notNull()
        .defaultTo(21 * 60)
        .check(sql`quiet_start_minute between 0 and 1439`),
    )
    .addColumn('quiet_end_minute', 'smallint', (c) =>
      c
        .notNull()
        .defaultTo(6 * 60)
        .check(sql`quiet_end_minute between 0 and 1439`),
    )
    .addColumn('alert_mode', 'text', (c) =>
      c.notNull().defaultTo('instant').check(sql`alert_mode in ('instant', 'daily_digest')`),
    )
    .addColumn('rating_sum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invitations_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('responses_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  for (const col of [
    'village_code',
    'district_code',
    'regency_code',
    'verified_by_admin_id',
    'verification',
  ]) {
    await db.schema.createIndex(`vendors_${col}_idx`).on('vendors').column(col).execute();
  }

  await db.schema
    .createTable('vendor_categories')
    .addColumn('vendor_id', 'bigint', (c) => c.notNull().references('vendors.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
    .addPrimaryKeyConstraint('vendor_categories_pkey', ['vendor_id', 'category_id'])
    .execute();
  await db.schema
    .createIndex('vendor_categories_category_idx')
    .on('vendor_categories')
    .columns(['category_id', 'vendor_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'vendor_categories',
    'vendors',
    'officers',
    'invite_codes',
    'categories',
    'admins',
    'channel_identities',
    'users',
    'villages',
    'districts',
    'regencies',
    'provinces',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
