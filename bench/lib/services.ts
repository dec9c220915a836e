import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Logger } from '../../src/logger.js';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { startEmbeddedRedis } from '../../src/runtime/embedded-redis.js';
import { freePort } from '../../src/runtime/process-utils.js';
import { createDb, type Db } from '../../src/store/db.js';

export const BENCH_DIR = '.data/bench';

export interface BenchServices {
  pgUrl: string;
  redisUrl: string;
  /** A new, empty database (dropped first if a previous run left it). */
  freshDatabase(name: string): Promise<{ url: string; db: Db }>;
  /** Empties Redis: each scenario starts without the queues of the one before. */
  flushRedis(): Promise<void>;
  stop(): Promise<void>;
}

/** The embedded PostgreSQL and Redis of the benchmark, in their own folder and on free ports. */
export async function startBenchServices(log: Logger): Promise<BenchServices> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const [pg, redis] = await Promise.all([
    startEmbeddedPostgres({
      dir: join(BENCH_DIR, 'postgres'),
      port: await freePort(),
      database: 'bench',
      log,
    }),
    startEmbeddedRedis({ dir: join(BENCH_DIR, 'redis'), port: await freePort(), autoInstall: true, log }),
  ]);
  const admin = createDb({ url: pg.url, poolMax: 2 });
  const urlOf = (name: string) => {
    const u = new URL(pg.url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  return {
    pgUrl: pg.url,
    redisUrl: redis.url,
    async freshDatabase(name) {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await sql`create database ${sql.id(name)}`.execute(admin.db);
      const url = urlOf(name);
      return { url, db: createDb({ url, poolMax: 10, statementTimeoutMs: 120_000 }) };
    },
    async flushRedis() {
      const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    },
    async stop() {
      await admin.close();
      await Promise.allSettled([pg.stop(), redis.stop()]);
    },
  };
}
