import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { EmbeddedService } from '../../src/runtime/embedded-postgres.js';
import { startEmbeddedRedis } from '../../src/runtime/embedded-redis.js';
import { freePort } from '../../src/runtime/process-utils.js';
import type { RunningSystem } from '../../src/system.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { eventually, startTestSystem } from '../support/system.js';

// This file stops and starts a Redis of its own, so other files keep theirs.
describe('health and readiness', () => {
  let t: TestDb;
  let redis: EmbeddedService;
  let system: RunningSystem;
  let port: number;
  const dir = mkdtempSync(join(tmpdir(), 'pd-redis-'));
  const log = createLogger('silent');
  const startRedis = () => startEmbeddedRedis({ dir, port, log, autoInstall: false });

  beforeAll(async () => {
    t = await createTestDb();
    port = await freePort();
    redis = await startRedis();
    system = await startTestSystem({ DATABASE_URL: t.url, REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await system?.stop();
    await redis?.stop();
    await t?.drop();
  });

  const get = async (path: string) => {
    const res = await fetch(`${system.url}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
  };

  it('answers /healthz while the process is up', async () => {
    const res = await get('/healthz');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });

  it('is ready when Postgres and Redis answer', async () => {
    expect(await get('/readyz')).toMatchObject({
      status: 200,
      body: { status: 'ready', checks: { postgres: { ok: true }, redis: { ok: true } } },
    });
  });

  it('turns unhealthy when Redis stops, and healthy again when it returns', async () => {
    await redis.stop();
    const down = await get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'unavailable',
      checks: { postgres: { ok: true }, redis: { ok: false } },
    });
    // /healthz is about the process only: it stays up.
    expect((await get('/healthz')).status).toBe(200);

    redis = await startRedis();
    await eventually(async () => (await get('/readyz')).status === 200);
    expect((await get('/readyz')).body).toMatchObject({ checks: { redis: { ok: true } } });
  });

  it('answers unknown routes with JSON, not a stack trace', async () => {
    const res = await get('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'not_found', message: 'No such page.' });
  });
});
