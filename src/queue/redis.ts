import { Redis, type RedisOptions } from 'ioredis';

export type RedisRole = 'worker' | 'producer' | 'probe';

/**
 * Redis connections differ by role (ENGINEERING.md, pitfalls): a BullMQ worker must retry
 * forever (`maxRetriesPerRequest: null`); a producer must fail fast while Redis is away instead
 * of queueing commands in memory — the outbox keeps the work; a health probe must answer quickly.
 */
export function createRedis(url: string, role: RedisRole): Redis {
  const base: RedisOptions = {
    connectionName: `pesandesa-${role}`,
    retryStrategy: (times) => Math.min(200 * times, 2000),
    connectTimeout: role === 'probe' ? 1000 : 5000,
  };
  const byRole: Record<RedisRole, RedisOptions> = {
    worker: { maxRetriesPerRequest: null, enableOfflineQueue: true },
    producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false },
    probe: { maxRetriesPerRequest: 0, enableOfflineQueue: false, commandTimeout: 1000 },
  };
  const client = new Redis(url, { ...base, ...byRole[role] });
  // Connection errors are reported by readiness and by failing commands; an unhandled 'error'
  // event would crash the process instead.
  client.on('error', () => {});
  return client;
}

/** Reads the eviction policy; INFO works where CONFIG is disabled (managed Redis). */
export async function evictionPolicy(client: Redis): Promise<string | null> {
  const info = await client.info('memory');
  const match = /^maxmemory_policy:(\S+)/m.exec(info);
  return match?.[1] ?? null;
}

export class RedisPolicyError extends Error {}

export async function assertNoEviction(client: Redis): Promise<void> {
  const policy = await evictionPolicy(client);
  if (policy !== 'noeviction') {
    throw new RedisPolicyError(
      `Redis maxmemory-policy is "${policy}" but must be "noeviction": an evicted BullMQ key is a silently lost job. Set it with \`CONFIG SET maxmemory-policy noeviction\` or in redis.conf.`,
    );
  }
}

/** Resolves once the client is connected; fail-fast clients would reject commands before that. */
export function waitUntilReady(client: Redis, timeoutMs = 10_000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new Error(`Redis did not accept a connection within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}
