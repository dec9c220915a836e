import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import type { Clock } from '../../src/clock.js';
import { parseConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { type EmbeddedService, startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { startEmbeddedRedis } from '../../src/runtime/embedded-redis.js';
import { freePort, isAlive, readPid } from '../../src/runtime/process-utils.js';
import { createDb } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/schema.js';
import { loadReferenceData } from '../../src/store/seed.js';
import { type Role, type RunningSystem, startSystem } from '../../src/system.js';

/**
 * A PostgreSQL and a redis-server of one fault scenario's own (the shared ones of the global
 * setup serve the other test projects running beside us, so they must never be stopped).
 * Each can be stopped, killed and started again on the same port and data folder.
 */
export interface PrivateServices {
  /** The scenario's own folder (services' data; also a DATA_DIR for the processes it starts). */
  dir: string;
  databaseUrl: string;
  redisUrl: string;
  redisPort: number;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  /** SIGTERM: Redis writes its append-only file and exits. */
  stopRedis(): Promise<void>;
  /** Same port, same folder: the append-only file brings the data back. */
  startRedis(): Promise<void>;
  close(): Promise<void>;
}

let serial = 0;

/**
 * Folders of earlier runs whose test process is gone (a run cut short) are removed, unless a
 * server still runs on them (its pid file says so): that one is left alone, not killed.
 */
async function removeAbandoned(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const name of await readdir(root)) {
    const pid = Number(/^faults-(\d+)-/.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    const dir = join(root, name);
    const servers = [join(dir, 'postgres', 'data', 'postmaster.pid'), join(dir, 'redis', 'redis.pid')];
    if (servers.some((f) => (readPid(f) ?? 0) > 0 && isAlive(readPid(f) ?? 0))) continue;
    await rm(dir, { recursive: true, force: true });
  }
}

export async function startPrivateServices(name: string): Promise<PrivateServices> {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', { test: `faults-${name}` });
  const root = resolve('.data', 'test');
  await removeAbandoned(root);
  const dir = join(root, `faults-${process.pid}-${++serial}-${name}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const pgPort = await freePort();
  const redisPort = await freePort();
  const pgOptions = { dir: join(dir, 'postgres', 'data'), port: pgPort, database: 'pesandesa', log };
  const redisOptions = { dir: join(dir, 'redis'), port: redisPort, autoInstall: true, log };
  let pg: EmbeddedService | null = await startEmbeddedPostgres(pgOptions);
  let redis: EmbeddedService | null = await startEmbeddedRedis(redisOptions);
  const databaseUrl = pg.url;

  const { db, close } = createDb({ url: databaseUrl, poolMax: 2 });
  try {
    await migrateToLatest(db);
    const config = parseConfig({ AREA_REGENCIES: '32.14' });
    await loadReferenceData(db, config);
  } finally {
    await close();
  }

  return {
    dir,
    databaseUrl,
    redisUrl: redis.url,
    redisPort,
    async stopPostgres() {
      await pg?.stop();
      pg = null;
    },
    async startPostgres() {
      pg = await startEmbeddedPostgres(pgOptions);
    },
    async stopRedis() {
      await redis?.stop();
      redis = null;
    },
    async startRedis() {
      redis = await startEmbeddedRedis(redisOptions);
    },
    async close() {
      await redis?.stop().catch(() => {});
      await pg?.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A short-lived Redis client for the test's own looks (markers, queue counts). */
export async function withRedis<T>(url: string, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  r.on('error', () => {});
  await r.connect();
  try {
    return await fn(r);
  } finally {
    r.disconnect();
  }
}

export const TOKEN = '123456:FAULTS-token-abcdefghijklmnopqrstuvwxyz';
export const SECRET = 'faults-webhook-secret-0123456789';

let nextUpdateId = 1_000_000;

export const textUpdate = (chatId: number, text: string, updateId = ++nextUpdateId) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'Uji' },
    from: { id: chatId, is_bot: false, first_name: 'Uji' },
    text,
  },
});

/** Posts one update to a server's Telegram webhook, as Telegram would; returns the status. */
export async function postUpdate(baseUrl: string, update: object): Promise<number> {
  const res = await fetch(`${baseUrl}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `check` is true, bounded in time; returns how long it took. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  stepMs = 100,
) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await sleep(stepMs);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

export interface RoleProcess {
  child: ChildProcess;
  role: string;
  url: string | null;
  pid: number;
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  /** SIGTERM and wait (bounded); SIGKILL when it does not go. */
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Runs the real entry point (`node --import tsx src/main.ts <role>`) as its own process. */
export async function spawnRole(
  role: 'all' | 'server' | 'worker',
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<RoleProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', role], {
    // A killed worker's jobs are taken over after 5 s instead of BullMQ's 30 s (QUEUE_LOCK_MS):
    // what is tested is that they are, not how long the default takes.
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', QUEUE_LOCK_MS: '5000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  let buffer = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const ready = await new Promise<Record<string, unknown>>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`${role} not ready in time; stderr: ${stderr}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (d) => {
      buffer += d.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          lines.push(parsed);
          if (lines.length > 5000) lines.shift();
          if (parsed.msg === 'PesanDesa is ready') {
            clearTimeout(timer);
            done(parsed);
          }
        } catch {
          // not a log line
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${role} exited with ${code} before ready; stderr: ${stderr}`));
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    role,
    url: typeof ready.url === 'string' ? ready.url : null,
    pid: child.pid ?? 0,
    lines,
    exited,
    async stop() {
      if (gone()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The system in-process, as startTestSystem, but keeping its warnings and errors to look at. */
export async function startLoggedSystem(
  env: Record<string, string>,
  role: Role = 'all',
  opts: { clock?: Clock } = {},
): Promise<{ system: RunningSystem; logs: Array<Record<string, unknown>> }> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) {
        if (!line) continue;
        try {
          logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not JSON
        }
      }
      done();
    },
  });
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    QUEUE_LOCK_MS: '5000',
    ...env,
  });
  const system = await startSystem(config, pino({ level: 'warn' }, sink), role, opts);
  return { system, logs };
}

/**
 * Gives the officer of a seeded need a Telegram chat (seedOpenTender's officer has none), so
 * the deadline's message to the officer can be counted at the fake Bot API.
 */
export async function officerOnTelegram(db: Kysely<Database>, needId: number, chatId: number): Promise<void> {
  const officer = await db
    .selectFrom('needs')
    .innerJoin('officers', 'officers.id', 'needs.officer_id')
    .select('officers.user_id')
    .where('needs.id', '=', needId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('channel_identities')
    .values({ user_id: officer.user_id, channel: 'telegram', external_id: String(chatId) })
    .execute();
}

/** Telegram sends to chats in [from, to) that the fake accepted. */
export const sentBetween = (calls: Array<{ params: Record<string, unknown> }>, from: number, to: number) =>
  calls.filter((c) => {
    const chat = Number(c.params.chat_id);
    return chat >= from && chat < to;
  }).length;

/** A tap on an inline button, as Telegram posts it. */
export const tapUpdate = (chatId: number, data: string, updateId = ++nextUpdateId) => ({
  update_id: updateId,
  callback_query: {
    id: `cb${updateId}`,
    from: { id: chatId, is_bot: false, first_name: 'Uji' },
    chat_instance: 'x',
    data,
    message: { message_id: 1, date: 1, chat: { id: chatId, type: 'private', first_name: 'Uji' } },
  },
});
