import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from '../logger.js';
import type { EmbeddedService } from './embedded-postgres.js';
import {
  execFileAsync,
  findExecutable,
  isAlive,
  isRoot,
  readPid,
  sleep,
  TailBuffer,
  waitForExit,
  waitForPidExit,
} from './process-utils.js';

export class RedisMissingError extends Error {
  constructor() {
    super(
      'redis-server is not installed and could not be installed automatically: run `sudo apt-get install -y redis-server` (Debian/Ubuntu), or set REDIS_URL to an existing Redis.',
    );
    this.name = 'RedisMissingError';
  }
}

export interface EmbeddedRedisOptions {
  dir: string;
  port: number;
  log: Logger;
  /** Try `apt-get install redis-server` when the binary is missing and we are root. */
  autoInstall: boolean;
  startTimeoutMs?: number;
}

/** Sends PING on a raw socket: no client library, no retries, a plain yes or no. */
export function pingRedis(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    let buffer = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      buffer += d.toString();
      if (buffer.includes('\r\n')) finish(buffer.startsWith('+PONG'));
    });
  });
}

async function locateOrInstall(opts: EmbeddedRedisOptions): Promise<string> {
  const found = findExecutable('redis-server');
  if (found) return found;
  const apt = findExecutable('apt-get');
  if (!opts.autoInstall || !apt || !isRoot()) throw new RedisMissingError();
  opts.log.warn('redis-server not found: installing it with apt-get (about 10-30 s, once)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await execFileAsync(apt, ['update', '-qq'], { env, maxBuffer: 32 * 1024 * 1024 });
    await execFileAsync(apt, ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], {
      env,
      maxBuffer: 32 * 1024 * 1024,
    });
  } catch (err) {
    opts.log.error({ err: String((err as { stderr?: string }).stderr ?? err) }, 'apt-get failed');
    throw new RedisMissingError();
  }
  const installed = findExecutable('redis-server');
  if (!installed) throw new RedisMissingError();
  return installed;
}

/**
 * Starts a local redis-server configured the way BullMQ needs it: AOF `everysec` for
 * durability and `noeviction`, because an evicted BullMQ key is a silently lost job.
 */
export async function startEmbeddedRedis(opts: EmbeddedRedisOptions): Promise<EmbeddedService> {
  const dir = resolve(opts.dir);
  const log = opts.log.child({ service: 'redis' });
  const url = `redis://127.0.0.1:${opts.port}`;
  const bin = await locateOrInstall(opts);
  await mkdir(dir, { recursive: true });
  const pidFile = join(dir, 'redis.pid');

  const stalePid = readPid(pidFile);
  if (stalePid && isAlive(stalePid)) {
    if (await pingRedis(opts.port)) {
      log.info({ pid: stalePid, port: opts.port }, 'reusing local Redis already running');
      return { url, owned: false, stop: async () => {} };
    }
    process.kill(stalePid, 'SIGTERM');
    await waitForPidExit(stalePid, 10_000);
  }

  const tail = new TailBuffer();
  const child: ChildProcess = spawn(
    bin,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(opts.port),
      '--dir',
      dir,
      '--pidfile',
      pidFile,
      '--daemonize',
      'no',
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
      '--logfile',
      '',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail.push(text);
    log.debug(text.trimEnd());
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  const deadline = Date.now() + (opts.startTimeoutMs ?? 30_000);
  while (!(await pingRedis(opts.port, 500))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      process.removeListener('exit', killOnExit);
      throw new Error(`redis-server stopped while starting on port ${opts.port}:\n${tail}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer within the time limit:\n${tail}`);
    }
    await sleep(50);
  }
  log.info({ port: opts.port, dir }, 'local Redis ready');

  return {
    url,
    owned: true,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM'); // redis flushes the AOF and exits
      if (!(await waitForExit(child, 15_000))) child.kill('SIGKILL');
      log.info('local Redis stopped');
    },
  };
}
