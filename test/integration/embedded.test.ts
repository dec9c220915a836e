import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { evictionPolicy } from '../../src/queue/redis.js';
import { startEmbeddedPostgres } from '../../src/runtime/embedded-postgres.js';
import { startEmbeddedRedis } from '../../src/runtime/embedded-redis.js';
import { freePort } from '../../src/runtime/process-utils.js';

const log = createLogger('silent');

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

// The defaults a newcomer gets without DATABASE_URL / REDIS_URL: real servers whose data
// outlives a restart. A private temp folder (mode 0700) also proves the postgres OS user
// can still reach its data when we run as root.
describe('embedded services', () => {
  it('PostgreSQL keeps its data across a restart', { timeout: 120_000 }, async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pd-pg-')), 'data');
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dir, port, database: 'pesandesa', log });
    expect(first.owned).toBe(true);
    await query(first.url, "create table kept (v text); insert into kept values ('masih ada')");
    await first.stop();
    await expect(query(first.url, 'select 1')).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dir, port, database: 'pesandesa', log });
    try {
      expect(await query(second.url, 'select v from kept')).toEqual([{ v: 'masih ada' }]);
      expect(new URL(second.url).hostname).toBe('127.0.0.1');
    } finally {
      await second.stop();
    }
  });

  it('Redis runs with AOF and noeviction, and keeps its data across a restart', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-redis-'));
    const port = await freePort();
    const first = await startEmbeddedRedis({ dir, port, log, autoInstall: false });
    const a = new Redis(first.url);
    expect(await evictionPolicy(a)).toBe('noeviction');
    expect(await a.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await a.config('GET', 'appendfsync')).toEqual(['appendfsync', 'everysec']);
    await a.set('pd:kept', 'masih ada');
    a.disconnect();
    await first.stop();

    const second = await startEmbeddedRedis({ dir, port, log, autoInstall: false });
    const b = new Redis(second.url);
    try {
      expect(await b.get('pd:kept')).toBe('masih ada');
    } finally {
      b.disconnect();
      await second.stop();
    }
  });
});
