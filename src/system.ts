import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Redis } from 'ioredis';
import { CHANNEL_MODULES } from '../bots/index.js';
import { startWorkers, type WorkerSet } from '../workers/index.js';
import type { ChannelInstance, Role, SystemOverrides } from './channel-module.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config/index.js';
import { mountConsole } from './console/index.js';
import { createAdapterRegistry, webChatAdapter } from './conversation/adapters.js';
import { createSweeper } from './conversation/delivery.js';
import { createEngine, type Engine } from './conversation/engine.js';
import { createInboundLimiter, limitEngine } from './conversation/inbound-limit.js';
import { createOutboxRelay } from './conversation/relay.js';
import { loadOrderDocument } from './documents/load.js';
import { mountExports } from './exports/routes.js';
import type { Logger } from './logger.js';
import { errorMessage } from './logger.js';
import type { JobDeps } from './procurement/jobs.js';
import { createReconciler } from './procurement/reconciler.js';
import { createScheduler } from './procurement/scheduler.js';
import { createTimers, type Timers } from './procurement/timers.js';
import { mountPublic } from './public/routes.js';
import { createQueues, type QueueSet } from './queue/queues.js';
import { assertNoEviction, createRedis, waitUntilReady } from './queue/redis.js';
import { localSecret } from './runtime/secrets.js';
import { provideServices } from './runtime/services.js';
import { createApp } from './server/app.js';
import { mountChatApi } from './server/chat-api.js';
import { mountDocuments, signedOrderDocumentPath } from './server/documents.js';
import { postgresCheck, redisCheck } from './server/health.js';
import { mountMetrics } from './server/metrics.js';
import { createDb, type Db } from './store/db.js';
import { migrateToLatest } from './store/migrate.js';
import { loadReferenceData } from './store/seed.js';

export type { Role } from './channel-module.js';

export interface RunningSystem {
  /** Base URL of the HTTP server, when this role serves HTTP. */
  url: string | null;
  databaseUrl: string;
  redisUrl: string;
  db: Db;
  queues: QueueSet;
  engine: Engine;
  timers: Timers;
  clock: Clock;
  /**
   * After moving an offset clock forward: fires the timers and releases the delayed deliveries
   * that are now due (a delivery not yet due puts itself back to wait).
   */
  accelerate(): Promise<void>;
  stop(): Promise<void>;
}

function closeHttp(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
    server.closeIdleConnections();
  });
}

/**
 * Brings the system up for one role: services (embedded when no URLs), schema, reference data,
 * queues, then the HTTP server and/or the workers. `stop` undoes it in reverse order.
 */
export async function startSystem(
  config: Config,
  log: Logger,
  role: Role,
  opts: SystemOverrides & { clock?: Clock } = {},
): Promise<RunningSystem> {
  const clock = opts.clock ?? systemClock;
  const startedAt = performance.now();
  const undo: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (err) {
        log.warn({ err: errorMessage(err) }, 'error while stopping');
      }
    }
    undo.length = 0;
  };
  try {
    const services = await provideServices(config, log);
    undo.push(services.stop);

    const db = createDb({
      url: services.databaseUrl,
      poolMax: config.DB_POOL_MAX,
      connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      applicationName: `pesandesa-${role}`,
    });
    undo.push(db.close);

    const migrated = await migrateToLatest(db.db);
    const applied = migrated.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
    if (applied.length) log.info({ applied }, 'migrations applied');
    const areas = await loadReferenceData(db.db, config);
    log.info({ configured: config.AREA_REGENCIES, ...areas }, 'areas loaded');

    const probe = createRedis(services.redisUrl, 'probe');
    undo.push(async () => void probe.disconnect());
    await waitUntilReady(probe);
    await assertNoEviction(probe);
    const producer = createRedis(services.redisUrl, 'producer');
    undo.push(async () => void producer.disconnect());
    await waitUntilReady(producer);
    const queues = createQueues(producer, config.QUEUE_PREFIX);
    undo.push(queues.close);
    const relay = createOutboxRelay({ queues, db: db.db, log, now: () => clock.now() });
    const timers = createTimers(queues.get('timers'), clock);
    const scheduler = createScheduler({ queues, timers, log });
    const documentSecret =
      config.DOCUMENT_LINK_SECRET ?? (await localSecret(config.DATA_DIR, 'document-link.secret'));
    let baseUrl = config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
    const documentUrl = (number: string) =>
      `${baseUrl.replace(/\/$/, '')}${signedOrderDocumentPath(
        number,
        documentSecret,
        new Date(clock.now().getTime() + config.DOCUMENT_LINK_DAYS * 86_400_000),
      )}`;
    // Every channel enters here; the per-chat limit sits in front of the turn (fails open).
    const engine = limitEngine(
      createEngine({
        db: db.db,
        relay,
        scheduler,
        config,
        log,
        now: () => clock.now(),
        services: { documentUrl },
      }),
      createInboundLimiter({
        redis: producer,
        prefix: config.QUEUE_PREFIX,
        perMinute: config.INBOUND_RATE_PER_MINUTE,
        burst: config.INBOUND_BURST,
        now: () => clock.now(),
        log,
      }),
      { db: db.db, relay, defaultLocale: config.DEFAULT_LOCALE, log, now: () => clock.now() },
    );
    const jobs: JobDeps = {
      db: db.db,
      clock,
      log,
      commit: async (effects) => {
        await relay.enqueue(effects.outboxIds);
        await scheduler.dispatch(effects.jobs);
      },
    };

    // The chat channels this install uses (their settings present), each as its module says.
    const channels: ChannelInstance[] = [];
    for (const module of CHANNEL_MODULES) {
      const channel = await module.open({
        config,
        log,
        role,
        clock,
        engine,
        db: db.db,
        redis: producer,
        probe,
        secret: async (file, configured) => configured ?? (await localSecret(config.DATA_DIR, file)),
        overrides: { whatsappWeb: opts.whatsappWeb },
      });
      if (!channel) continue;
      channels.push(channel);
      if (channel.stop) undo.push(channel.stop);
    }
    const channelStatus = async () => (await Promise.all(channels.map((c) => c.status?.() ?? []))).flat();

    let workers: WorkerSet | null = null;
    let workerConnection: Redis | null = null;
    if (role !== 'server') {
      workerConnection = createRedis(services.redisUrl, 'worker');
      const conn = workerConnection;
      undo.push(async () => void conn.disconnect());
      workers = startWorkers({
        connection: conn,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.WORKER_CONCURRENCY,
        lockMs: config.QUEUE_LOCK_MS,
        log,
        db: db.db,
        adapters: createAdapterRegistry([
          webChatAdapter,
          ...channels.flatMap((c) => (c.adapter ? [c.adapter] : [])),
        ]),
        jobs,
        delivery: { now: () => clock.now() },
      });
      const started = workers;
      undo.push(started.close);
      const sweeper = createSweeper({
        db: db.db,
        relay,
        log,
        intervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
        leaseMs: config.OUTBOX_LEASE_MS,
        staleEnqueueMs: 60_000,
        now: () => clock.now(),
      });
      sweeper.start();
      undo.push(sweeper.stop);
      const reconciler = createReconciler({
        db: db.db,
        scheduler,
        clock,
        log,
        intervalMs: config.OUTBOX_SWEEP_INTERVAL_MS,
      });
      reconciler.start();
      undo.push(reconciler.stop);
    }

    let url: string | null = null;
    if (role !== 'worker') {
      const metricsToken =
        config.METRICS_TOKEN ?? (await localSecret(config.DATA_DIR, 'metrics-token.secret'));
      const ocds = {
        ocidPrefix: config.OCDS_OCID_PREFIX,
        publisherName: config.OCDS_PUBLISHER_NAME,
        timeZone: config.TIME_ZONE,
      };
      const app = createApp({
        log,
        checks: { postgres: postgresCheck(db.db), redis: redisCheck(probe) },
        channels: channelStatus,
        mount: (a) => {
          mountChatApi(a, { engine, db: db.db, adminToken: config.ADMIN_TOKEN });
          for (const channel of channels) channel.mount?.(a);
          mountDocuments(a, {
            secret: documentSecret,
            loadOrderDocument: (number) => loadOrderDocument(db.db, number),
            now: () => clock.now(),
          });
          mountPublic(a, {
            db: db.db,
            now: () => clock.now(),
            timeZone: config.TIME_ZONE,
            ocds,
            publicUrl: config.PUBLIC_URL,
          });
          mountMetrics(a, { db: db.db, queues, now: () => clock.now(), token: metricsToken });
          // The admin console; its session guard (consoleAuth.requireAdmin) also protects the exports.
          const consoleAuth = mountConsole(a, {
            db: db.db,
            engine,
            queues,
            relay,
            config,
            log,
            now: () => clock.now(),
            channelStatus,
          });
          mountExports(a, {
            db: db.db,
            requireAdmin: consoleAuth.requireAdmin,
            now: () => clock.now(),
            timeZone: config.TIME_ZONE,
            ocds,
            publicUrl: config.PUBLIC_URL,
          });
        },
      });
      const server = await new Promise<Server>((resolve, reject) => {
        const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () =>
          resolve(s as Server),
        ) as Server;
        s.once('error', reject);
      });
      undo.push(() => closeHttp(server));
      for (const channel of channels) await channel.serving?.();
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `http://${host}:${address.port}`;
      if (!config.PUBLIC_URL) baseUrl = url;
    }

    log.info(
      { url, workers: workers?.workers.length ?? 0, ms: Math.round(performance.now() - startedAt) },
      'PesanDesa is ready',
    );
    return {
      url,
      databaseUrl: services.databaseUrl,
      redisUrl: services.redisUrl,
      db,
      queues,
      engine,
      timers,
      clock,
      stop,
      accelerate: async () => {
        await timers.promoteDue();
        const delayed = await queues.get('deliver').getDelayed(0, 10_000);
        await Promise.all(delayed.map((j) => j.promote().catch(() => {})));
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
