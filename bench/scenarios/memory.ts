import { sql } from 'kysely';
import { startFakeTelegram } from '../../test/support/fake-telegram.js';
import { forkScript, nextMessage, stopChild } from '../lib/child.js';
import {
  type BenchContext,
  BOT_TOKEN,
  type ScenarioResult,
  systemEnv,
  WEBHOOK_SECRET,
} from '../lib/context.js';
import { round, row } from '../lib/stats.js';
import { runLoad, TURN_TEXTS } from './turns.js';

interface Rss {
  rss: number;
  heapUsed: number;
  external: number;
  gc: boolean;
}

const MiB = 2 ** 20;

/**
 * Scenario 5: the all-in-one process (server, workers, sweeper, reconciler) in a child of its
 * own, driven through the Telegram webhook for N turns in two halves; RSS (after a full GC)
 * at 0, N/2 and N turns. Replies are delivered to the fake Bot API at Telegram's limits
 * meanwhile, so the delivery worker runs with a backlog as it would.
 */
export async function memoryScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const total = Number(ctx.options['memory-turns'] ?? (ctx.quick ? 10_000 : 100_000));
  const half = Math.floor(total / 2);
  await ctx.services.flushRedis();
  const { url, db } = await ctx.services.freshDatabase('bench_memory');
  const fake = await startFakeTelegram({ token: BOT_TOKEN });
  const child = forkScript('system-child.ts', [], {
    env: {
      ...process.env,
      ...systemEnv({
        databaseUrl: url,
        redisUrl: ctx.services.redisUrl,
        telegramApiRoot: fake.url,
        role: 'all',
        prefix: 'bmemory',
        extra: ctx.options.pool ? { DB_POOL_MAX: ctx.options.pool } : {},
      }),
    },
    execArgv: ['--expose-gc'],
    logFile: '.data/bench/memory-system.log',
  });
  const rss = async (): Promise<Rss> => {
    child.send({ type: 'rss' });
    return nextMessage<Rss>(child, 'rss', 30_000);
  };
  try {
    const ready = await nextMessage<{ url: string }>(child, 'ready', 180_000);
    const load = (updateBase: number, chatBase: number) =>
      runLoad({
        url: ready.url,
        path: '/webhooks/telegram',
        secret: WEBHOOK_SECRET,
        chats: 64,
        chatBase,
        updateBase,
        warmupMs: 0,
        durationMs: 30 * 60_000,
        maxRequests: half,
        texts: TURN_TEXTS,
        latencies: false,
      });
    const at0 = await rss();
    ctx.progress(`memory: ${half} turns`);
    const first = await load(1, 2_000_000);
    const atHalf = await rss();
    ctx.progress(`memory: ${half} more turns (RSS ${round(atHalf.rss / MiB)} MiB)`);
    // The same chats again: a leak per chat would not show with fresh ones only.
    const second = await load(first.lastUpdateId, 2_000_000);
    const atEnd = await rss();
    await stopChild(child, 10_000);
    const processed = await sql<{
      n: string;
    }>`select count(*) as n from inbound_messages where processed_at is not null`.execute(db.db);
    const growth = (atEnd.rss - atHalf.rss) / atHalf.rss;
    return {
      rows: [
        row({ scenario: 'memory', metric: 'RSS at 0 turns', value: at0.rss / MiB, unit: 'MiB' }),
        row({
          scenario: 'memory',
          metric: `RSS after ${half / 1000}k turns`,
          value: atHalf.rss / MiB,
          unit: 'MiB',
        }),
        row({
          scenario: 'memory',
          metric: `RSS after ${total / 1000}k turns`,
          value: atEnd.rss / MiB,
          unit: 'MiB',
        }),
        row({
          scenario: 'memory',
          metric: `RSS growth ${half / 1000}k → ${total / 1000}k`,
          value: growth * 100,
          unit: '%',
          target: '< 5 %',
          met: growth < 0.05,
        }),
      ],
      details: {
        turns: total,
        processed: Number(processed.rows[0]?.n ?? 0),
        failed: first.failed + second.failed,
        statuses: [first.statuses, second.statuses],
        turnsPerSecond: [
          round(first.ok / (first.elapsedMs / 1000)),
          round(second.ok / (second.elapsedMs / 1000)),
        ],
        mib: [at0, atHalf, atEnd].map((m) => ({
          rss: round(m.rss / MiB),
          heapUsed: round(m.heapUsed / MiB),
          external: round(m.external / MiB),
        })),
        gcBeforeReading: at0.gc,
        deliveredToFake: fake.sent().length,
      },
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake.close();
    await db.close();
  }
}
