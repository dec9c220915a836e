import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { postNeed, registerOfficer, registerVendor } from '../support/lifecycle.js';
import { startChatSystem } from '../support/system.js';
import { dayFromToday, testClock, typed } from '../support/time.js';

/**
 * The data-safety commands as an operator runs them (child processes, the configured
 * DATABASE_URL): audit:verify names the first broken row and fails; backup writes a pg_dump under
 * DATA_DIR/backups; restore brings back exactly what was backed up; and the database itself
 * refuses to edit, delete or mis-chain audit rows.
 */

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      TSX,
      [join('src', 'cli', script), ...args],
      { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 120_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function rowCounts(t: TestDb): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(t.db);
    counts[table_name] = r.rows[0]?.n ?? 0;
  }
  return counts;
}

describe('audit log, backup and restore', () => {
  let t: TestDb;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDb();
    dataDir = await mkdtemp(join(tmpdir(), 'pd-backup-'));
    env = { DATABASE_URL: t.url, DATA_DIR: dataDir };
    // A populated database, made the way people make it: registrations and a need, by chat.
    const clock = testClock();
    const system = await startChatSystem(t, { clock });
    try {
      const officer = await registerOfficer(t.db, String(system.url), 'bk-officer', 'BK-0001');
      await registerVendor(String(system.url), 'bk-vendor-1', 'Toko Cadangan');
      await registerVendor(String(system.url), 'bk-vendor-2', 'Toko Pulih');
      await postNeed(officer, {
        title: 'Semen untuk jalan',
        hps: '15 juta',
        deadline: 'besok jam 14',
        neededBy: typed.slash(dayFromToday(clock, 6)),
      });
    } finally {
      await system.stop();
    }
  }, 180_000);
  afterAll(async () => {
    await t?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the database refuses to edit, delete, truncate or mis-chain audit rows', async () => {
    const before = await verifyAuditChain(t.db);
    expect(before.ok).toBe(true);
    expect(before.rows).toBeGreaterThan(0);
    await expect(sql`update audit_log set action = 'forged'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    // A row that does not chain onto the last one (migration 0007).
    await expect(
      sql`insert into audit_log (actor_type, action, entity_type, entity_id, prev_hash, hash)
          values ('system', 'forged', 'need', '1', ${'0'.repeat(64)}, ${'f'.repeat(64)})`.execute(t.db),
    ).rejects.toThrow(/chain onto the last one/);
    await expect(
      sql`insert into audit_log (actor_type, action, entity_type, entity_id, prev_hash, hash)
          values ('system', 'forged', 'need', '1', (select hash from audit_log order by id desc limit 1), 'x')`.execute(
        t.db,
      ),
    ).rejects.toThrow(/64 hex/);
    expect(await verifyAuditChain(t.db)).toEqual(before);
  });

  it('backs up, and restores exactly what was backed up after the database was altered', async () => {
    const started = performance.now();
    const original = await rowCounts(t);
    expect(original.audit_log).toBeGreaterThan(0);
    expect(original.needs).toBe(1);
    expect(original.vendors).toBe(2);

    const backup = await run('backup.ts', [], env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const file = /Backup written: (\S+)/.exec(backup.stdout)?.[1];
    expect(file).toBeDefined();
    expect(file?.startsWith(join(dataDir, 'backups', 'pesandesa-'))).toBe(true);
    expect(existsSync(String(file))).toBe(true);
    const backupMs = Math.round(performance.now() - started);

    // Damage: messages gone, a need renamed, a stranger added, one audit row tampered with
    // (by someone able to switch the triggers off — the owner of the database).
    await sql`delete from outbox`.execute(t.db);
    await sql`update needs set title = 'diubah'`.execute(t.db);
    await t.db.insertInto('users').values({ display_name: 'penyusup' }).execute();
    const middle = await sql<{ id: number }>`
      select id from audit_log order by id offset 1 limit 1`.execute(t.db);
    const tampered = Number(middle.rows[0]?.id);
    await sql`alter table audit_log disable trigger user`.execute(t.db);
    await sql`update audit_log set data = '{"amount": 1}' where id = ${tampered}`.execute(t.db);
    await sql`alter table audit_log enable trigger user`.execute(t.db);

    const broken = await run('audit-verify.ts', [], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN at row ${tampered}`);

    const refused = await run('restore.ts', [String(file)], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');

    const restoreStarted = performance.now();
    const restored = await run('restore.ts', [String(file), '--yes'], env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Audit chain: intact');
    const restoreMs = Math.round(performance.now() - restoreStarted);

    expect(await rowCounts(t)).toEqual(original);
    const title = await t.db.selectFrom('needs').select('title').executeTakeFirstOrThrow();
    expect(title.title).toBe('Semen untuk jalan');
    const intact = await run('audit-verify.ts', [], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`Audit chain intact: ${original.audit_log} rows`);
    // The protections came back with the schema.
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const total = Object.values(original).reduce((a, b) => a + b, 0);
    console.error(
      `[backup] ${Object.keys(original).length} tables, ${total} rows (${original.audit_log} audit rows): ` +
        `backup ${backupMs} ms, restore ${restoreMs} ms, counts equal, chain intact`,
    );
  }, 180_000);

  it('restore says what is missing instead of guessing', async () => {
    const none = await run('restore.ts', [], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Name the backup file');
    const missing = await run('restore.ts', [join(dataDir, 'nope.dump'), '--yes'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No backup file');
  }, 60_000);
});
