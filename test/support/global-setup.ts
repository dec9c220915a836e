import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { parseConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { startEmbeddedRedis } from '../../src/runtime/embedded-redis.js';
import { freePort, isAlive } from '../../src/runtime/process-utils.js';
import { createDb } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { loadReferenceData } from '../../src/store/seed.js';

export const TEMPLATE_DB = 'pd_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    redisUrl: string;
    templateDb: string;
  }
}

/**
 * Starts the same real services the app uses (embedded PostgreSQL, local redis-server) under
 * .data/test on free ports — or uses TEST_DATABASE_URL / TEST_REDIS_URL — and prepares a
 * migrated, seeded template database that each test file clones for itself.
 */
/**
 * The browser tests drive Debian's Chromium. Like redis-server for the app, it is installed
 * with apt-get when it is missing and we are root; otherwise one sentence says what to do.
 */
function ensureChromium(log: ReturnType<typeof createLogger>): void {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!process.env.CHROMIUM_PATH && root && existsSync('/usr/bin/apt-get')) {
    log.warn('chromium not found: installing it with apt-get for the browser tests (once)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      env,
      stdio: 'ignore',
    });
    if (existsSync(path)) return;
  }
  throw new Error(
    `The browser tests need Chromium at ${path}: run \`sudo apt-get install -y chromium\`, or set CHROMIUM_PATH.`,
  );
}

export default async function setup(project: TestProject) {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { test: true });
  if (project.name === 'browser') ensureChromium(log);
  const stops: Array<() => Promise<void>> = [];

  // One folder per test run and project (each project runs this setup, in the same process), so
  // two runs on one machine, or two projects of one run, never share a data folder — a second
  // server on the same folder would stop the first. Folders of runs whose process is gone are
  // removed first.
  const root = join('.data', 'test');
  await mkdir(root, { recursive: true });
  for (const name of await readdir(root)) {
    const pid = Number(/^run-(\d+)(?:-[\w-]+)?$/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) await rm(join(root, name), { recursive: true, force: true });
  }
  const runDir = join(root, `run-${process.pid}-${project.name.replace(/[^\w-]/g, '')}`);

  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const pgService = await startEmbeddedPostgres({
      dir: join(runDir, 'postgres', 'data'),
      port: await freePort(),
      database: 'postgres',
      log,
    });
    stops.push(pgService.stop);
    adminUrl = pgService.url;
  }
  let redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl) {
    const redis = await startEmbeddedRedis({
      dir: join(runDir, 'redis'),
      port: await freePort(),
      autoInstall: true,
      log,
    });
    stops.push(redis.stop);
    redisUrl = redis.url;
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  const stale = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'pd_t_%' and datname <> $1",
    [TEMPLATE_DB],
  );
  for (const row of stale.rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
  await admin.end();

  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  const template = createDb({ url: templateUrl.toString() });
  await migrateToLatest(template.db);
  const config = parseConfig({ AREA_REGENCIES: '32.14' });
  await loadReferenceData(template.db, config);
  await template.close();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('redisUrl', redisUrl);
  project.provide('templateDb', TEMPLATE_DB);

  return async () => {
    for (const stop of stops.reverse()) await stop();
    await rm(runDir, { recursive: true, force: true });
  };
}
