import { join } from 'node:path';
import type { Config } from '../config/index.js';
import type { Logger } from '../logger.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { startEmbeddedRedis } from './embedded-redis.js';

export interface Services {
  databaseUrl: string;
  redisUrl: string;
  /** Stops what this process started (nothing when the URLs were given). */
  stop(): Promise<void>;
}

/**
 * Production gives DATABASE_URL and REDIS_URL; a laptop or a one-box regency gives neither and
 * gets a real PostgreSQL and Redis with their data under DATA_DIR.
 */
export async function provideServices(
  config: Config,
  log: Logger,
  needs: { redis: boolean } = { redis: true },
): Promise<Services> {
  const pg = config.DATABASE_URL
    ? { url: config.DATABASE_URL, stop: async () => {} }
    : startEmbeddedPostgres({
        dir: join(config.DATA_DIR, 'postgres', 'data'),
        port: config.EMBEDDED_PG_PORT,
        database: 'pesandesa',
        log,
      });
  const redis =
    config.REDIS_URL || !needs.redis
      ? { url: config.REDIS_URL ?? '', stop: async () => {} }
      : startEmbeddedRedis({
          dir: join(config.DATA_DIR, 'redis'),
          port: config.EMBEDDED_REDIS_PORT,
          autoInstall: config.REDIS_AUTO_INSTALL,
          log,
        });
  // Both start at once; if one fails, the other is stopped again before the error surfaces.
  const [db, queue] = await Promise.allSettled([pg, redis]);
  const started = [db, queue].flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stopAll = async () => {
    await Promise.allSettled(started.map((s) => s.stop()));
  };
  if (db.status === 'rejected' || queue.status === 'rejected') {
    await stopAll();
    throw db.status === 'rejected' ? db.reason : (queue as PromiseRejectedResult).reason;
  }
  return { databaseUrl: db.value.url, redisUrl: queue.value.url, stop: stopAll };
}
