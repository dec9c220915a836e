/**
 * The system under test in a process of its own (so its RSS and CPU profile are its own): the
 * real startSystem with the environment the parent gives, plus the baseline — a bare Hono
 * route doing one PostgreSQL insert on the system's own pool — on a second port.
 * Talks to the parent over IPC: {type:'ready'}, {type:'rss'} → {type:'rss', ...}, {type:'stop'}.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { parseConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { type Role, startSystem } from '../../src/system.js';
import { installSqlCounter, sqlCounts } from './sql-count.js';

const send = (msg: object) => process.send?.(msg);

installSqlCounter();
const config = parseConfig(process.env);
const log = createLogger(config.LOG_LEVEL);
const system = await startSystem(config, log, (process.env.ROLE as Role | undefined) ?? 'all');

const baseline = new Hono();
baseline.post('/baseline', async (c) => {
  const body = (await c.req.json()) as { update_id: number; message?: { chat?: { id?: number } } };
  await sql`insert into bench_baseline (chat, update_id) values (${String(body.message?.chat?.id ?? '')}, ${body.update_id})`.execute(
    system.db.db,
  );
  return c.json({ ok: true });
});
const server = await new Promise<Server>((resolve) => {
  const s = serve({ fetch: baseline.fetch, port: 0, hostname: '127.0.0.1' }, () =>
    resolve(s as Server),
  ) as Server;
});
const baselineUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', async (msg: { type: string }) => {
  if (msg.type === 'rss') {
    // Retained memory, not garbage waiting for a collection: collect, let it settle, then read.
    gc?.();
    await new Promise((r) => setTimeout(r, 500));
    gc?.();
    const m = process.memoryUsage();
    send({ type: 'rss', rss: m.rss, heapUsed: m.heapUsed, external: m.external, gc: Boolean(gc) });
  } else if (msg.type === 'sql') {
    send({ type: 'sql', statements: sqlCounts() });
  } else if (msg.type === 'stop') {
    server.close();
    server.closeAllConnections();
    await system.stop();
    send({ type: 'stopped' });
    process.exit(0);
  }
});
send({ type: 'ready', url: system.url, baselineUrl });
