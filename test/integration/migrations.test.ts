import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createTestDb, type TestDb } from '../support/db.js';

describe('migrations', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ empty: true });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('apply from an empty database, then are idempotent', async () => {
    const first = await migrateToLatest(t.db);
    expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual(
      Object.keys(migrations).map((name) => [name, 'Success']),
    );
    const second = await migrateToLatest(t.db);
    expect(second.results).toEqual([]);
  });

  it('create every table of the domain model', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.db);
    const tables = rows.map((r) => r.table_name);
    for (const expected of [
      'provinces',
      'regencies',
      'districts',
      'villages',
      'users',
      'channel_identities',
      'officers',
      'vendors',
      'vendor_categories',
      'categories',
      'procurement_settings',
      'needs',
      'need_items',
      'invitations',
      'quotes',
      'quote_items',
      'orders',
      'deliveries',
      'receipts',
      'payments',
      'ratings',
      'complaints',
      'conversations',
      'inbound_messages',
      'outbox',
      'audit_log',
    ]) {
      expect(tables).toContain(expected);
    }
  });

  it('give every foreign key an index that starts with its columns', async () => {
    const { rows } = await sql<{ fk: string }>`
      select c.conname as fk
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid
            and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] = c.conkey
        )`.execute(t.db);
    expect(rows.map((r) => r.fk)).toEqual([]);
  });

  it('keep money in bigint and times in timestamptz', async () => {
    const { rows } = await sql<{ column_name: string; table_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public'
        and (column_name in ('hps', 'total', 'amount', 'unit_price', 'line_total', 'offered_amount',
                             'direct_purchase_max', 'rfq_max')
             or column_name like '%\\_at')`.execute(t.db);
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      const expected = r.column_name.endsWith('_at') ? 'timestamp with time zone' : 'bigint';
      expect(`${r.table_name}.${r.column_name}: ${r.data_type}`).toBe(
        `${r.table_name}.${r.column_name}: ${expected}`,
      );
    }
  });

  it('make the audit log append-only', async () => {
    // The first row chains onto the genesis hash (migration 0007 refuses anything else).
    await sql`insert into audit_log (actor_type, action, entity_type, entity_id, prev_hash, hash)
              values ('system', 'test', 'thing', '1', ${'0'.repeat(64)}, ${'a'.repeat(64)})`.execute(t.db);
    await expect(sql`update audit_log set action = 'forged'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const { rows } = await sql<{ action: string }>`select action from audit_log`.execute(t.db);
    expect(rows).toEqual([{ action: 'test' }]);
  });

  it('allow one active quote per vendor per need at most', async () => {
    const { rows } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where indexname = 'quotes_one_active_idx'`.execute(t.db);
    expect(rows[0]?.indexdef).toMatch(
      /UNIQUE INDEX .*\(need_id, vendor_id\) WHERE \(status = 'active'::text\)/,
    );
  });
});
