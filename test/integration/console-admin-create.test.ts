import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.js';

const run = promisify(execFile);

// `npm run admin:create` as a real process against a database of the test's own.
describe('admin:create', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  const cli = (args: string[], env: Record<string, string> = {}) =>
    run('npx', ['tsx', 'src/cli/admin-create.ts', ...args], {
      env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'warn', ...env },
      timeout: 60_000,
    });

  it('creates a regency admin with a bcrypt hash, the password from the environment', async () => {
    const { stdout } = await cli(
      ['--email', 'Admin@Purwakarta.go.id', '--name', 'Admin PBJ', '--role', 'regency', '--regency', '3214'],
      {
        ADMIN_CREATE_PASSWORD: 'kata-sandi-panjang-1',
      },
    );
    expect(stdout).toContain('created');
    expect(stdout).toContain('/console/login');
    const row = await t.db
      .selectFrom('admins')
      .select(['email', 'role', 'regency_code', 'province_code', 'password_hash'])
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      email: 'admin@purwakarta.go.id',
      role: 'regency',
      regency_code: '32.14',
      province_code: '32',
    });
    expect(row.password_hash).toMatch(/^\$2[aby]\$/);
    expect(await bcrypt.compare('kata-sandi-panjang-1', row.password_hash)).toBe(true);
  });

  it('refuses a short password and a regency admin without a regency, with a sentence', async () => {
    await expect(
      cli(['--email', 'x@y.id', '--name', 'X', '--role', 'province', '--password', 'pendek']),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('at least 10 characters') });
    await expect(
      cli(['--email', 'x@y.id', '--name', 'X', '--role', 'regency', '--password', 'cukup-panjang-123']),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('needs --regency') });
    const province = await cli([
      '--email',
      'prov@jabar.go.id',
      '--name',
      'Prov',
      '--role',
      'province',
      '--password',
      'cukup-panjang-123',
    ]);
    expect(province.stdout).toContain('created');
    const again = await cli([
      '--email',
      'prov@jabar.go.id',
      '--name',
      'Prov 2',
      '--role',
      'province',
      '--password',
      'cukup-panjang-456',
    ]);
    expect(again.stdout).toContain('updated');
    const rows = await t.db
      .selectFrom('admins')
      .select(['email', 'name', 'province_code'])
      .where('role', '=', 'province')
      .execute();
    expect(rows).toEqual([{ email: 'prov@jabar.go.id', name: 'Prov 2', province_code: '32' }]);
  });
});
