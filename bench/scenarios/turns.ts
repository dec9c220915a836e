import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { translate } from '../../src/i18n/index.js';
import { startFakeTelegram } from '../../test/support/fake-telegram.js';
import { forkScript, nextMessage, stopChild } from '../lib/child.js';
import { type BenchContext, type ScenarioResult, systemEnv, WEBHOOK_SECRET } from '../lib/context.js';
import { type CpuGroups, cpuDelta, cpuSnapshot, pidFromFile } from '../lib/cpu.js';
import type { LoadResult, LoadSpec } from '../lib/loadgen.js';
import { BENCH_DIR } from '../lib/services.js';
import { percentile, round, row } from '../lib/stats.js';

/** What a new Telegram user types, over and over: start, register as a vendor, go back, cancel. */
export const TURN_TEXTS = ['halo', '1', 'Toko Bench Maju', 'Budi Santoso', 'kembali', 'batal', 'ya'];

/**
 * Runs the generator; `cpu` (when given) is read when the measured window opens and when it
 * closes, and the difference is returned with the result.
 */
export async function runLoad(
  spec: LoadSpec,
  cpu?: () => Record<string, Map<number, number>>,
): Promise<LoadResult & { cpuMs?: Record<string, number> }> {
  const child = forkScript('loadgen.ts', [JSON.stringify(spec)]);
  let before: Record<string, Map<number, number>> | null = null;
  if (cpu) child.once('message', () => (before = cpu()));
  const result = await nextMessage<LoadResult>(child, 'result', spec.warmupMs + spec.durationMs + 120_000);
  if (!cpu || !before) return result;
  return { ...result, cpuMs: cpuDelta(before, cpu()) };
}

/** CPU of the system under test: its process, PostgreSQL (postmaster and backends), Redis. */
export function systemCpu(systemPid: number): () => Record<string, Map<number, number>> {
  const postgres = pidFromFile(join(BENCH_DIR, 'postgres', 'postmaster.pid'));
  const redis = pidFromFile(join(BENCH_DIR, 'redis', 'redis.pid'));
  const groups: CpuGroups = { node: { pid: systemPid } };
  if (postgres) groups.postgres = { pid: postgres, withChildren: true };
  if (redis) groups.redis = { pid: redis };
  return () => cpuSnapshot(groups);
}

/**
 * Scenario 1: turns through the Telegram webhook (Hono → telegraf types → engine → one
 * PostgreSQL transaction → outbox → relay to BullMQ) against a bare Hono route doing one insert
 * on the same pool, both served by the same process, both driven by the same generator.
 */
export async function turnsScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const chats = Number(ctx.options.chats ?? 64);
  const durationMs = Number(ctx.options['turns-seconds'] ?? (ctx.quick ? 8 : 30)) * 1000;
  const warmupMs = ctx.quick ? 2000 : 5000;
  const role = (ctx.options['turns-role'] ?? 'server') as 'server' | 'all';
  await ctx.services.flushRedis();
  const { url, db } = await ctx.services.freshDatabase('bench_turns');
  await sql`create table bench_baseline (id bigserial primary key, chat text not null, update_id bigint not null, at timestamptz not null default now())`.execute(
    db.db,
  );
  const fake = await startFakeTelegram({ token: '123456:bench-token-abcdefghijklmnopqrstuvwxyz' });
  mkdirSync('.data/bench/profiles', { recursive: true });
  const child = forkScript('system-child.ts', [], {
    env: {
      ...process.env,
      ...systemEnv({
        databaseUrl: url,
        redisUrl: ctx.services.redisUrl,
        telegramApiRoot: fake.url,
        role,
        prefix: 'bturns',
        extra: ctx.options.pool ? { DB_POOL_MAX: ctx.options.pool } : {},
      }),
    },
    execArgv: ctx.profile ? ['--cpu-prof', '--cpu-prof-dir=.data/bench/profiles'] : [],
    logFile: '.data/bench/turns-system.log',
  });
  try {
    const ready = await nextMessage<{ url: string; baselineUrl: string }>(child, 'ready', 180_000);
    const base: Omit<LoadSpec, 'url' | 'path' | 'chatBase' | 'updateBase'> = {
      chats,
      warmupMs,
      durationMs,
      maxRequests: Number.MAX_SAFE_INTEGER,
      texts: TURN_TEXTS,
      latencies: true,
    };
    ctx.progress(`turns: baseline route, ${chats} chats, ${durationMs / 1000} s`);
    const cpu = systemCpu(child.pid as number);
    const baseline = await runLoad(
      { ...base, url: ready.baselineUrl, path: '/baseline', chatBase: 500_000, updateBase: 1 },
      cpu,
    );
    ctx.progress(`turns: Telegram webhook (${role} role), ${chats} chats, ${durationMs / 1000} s`);
    const turns = await runLoad(
      {
        ...base,
        url: ready.url,
        path: '/webhooks/telegram',
        secret: WEBHOOK_SECRET,
        chatBase: 1_000_000,
        updateBase: 10_000_000,
      },
      cpu,
    );
    let sqlCounts: { statements: unknown } | null = null;
    if (process.env.BENCH_COUNT_SQL === '1') {
      child.send({ type: 'sql' });
      sqlCounts = await nextMessage<{ statements: unknown }>(child, 'sql', 10_000);
    }
    await stopChild(child);

    // The turns were real: each update processed once, replies written, no apology for a bug.
    const apology = translate('id', 'error.generic');
    const check = await sql<{
      inbound: string;
      throttled: string;
      processed: string;
      outbox: string;
      apologies: string;
    }>`
      select (select count(*) from inbound_messages) as inbound,
             (select count(*) from inbound_messages where kind = 'throttled') as throttled,
             (select count(*) from inbound_messages where processed_at is not null) as processed,
             (select count(*) from outbox) as outbox,
             (select count(*) from outbox where payload->>'text' = ${apology}) as apologies`.execute(db.db);
    const counts = check.rows[0];
    const rate = (r: LoadResult) => r.ok / (r.elapsedMs / 1000);
    const turnRate = rate(turns);
    const baseRate = rate(baseline);
    const p = (r: LoadResult, q: number) => percentile(r.latenciesMs, q);
    // CPU spent per request by the system under test (its process + PostgreSQL + Redis): a
    // figure other people's load on the machine does not change much, unlike throughput.
    const perRequest = (r: LoadResult & { cpuMs?: Record<string, number> }) => {
      const parts = Object.fromEntries(
        Object.entries(r.cpuMs ?? {}).map(([k, v]) => [k, round(v / r.ok, 3)]),
      );
      const total = Object.values(r.cpuMs ?? {}).reduce((a, b) => a + b, 0) / r.ok;
      return { total, parts };
    };
    const cpuTurn = perRequest(turns);
    const cpuBase = perRequest(baseline);
    const cores = cpus().length;
    return {
      rows: [
        row({
          scenario: 'turns',
          metric: `throughput, ${chats} chats`,
          value: turnRate,
          unit: '/s',
          baseline: baseRate,
          target: '≥ 600/s, ≥ 0.3 × baseline',
          met: turnRate >= 600 && turnRate >= 0.3 * baseRate,
        }),
        row({
          scenario: 'turns',
          metric: 'latency p50',
          value: p(turns, 50),
          unit: 'ms',
          baseline: p(baseline, 50),
        }),
        row({
          scenario: 'turns',
          metric: 'latency p99',
          value: p(turns, 99),
          unit: 'ms',
          baseline: p(baseline, 99),
          target: '≤ 100 ms',
          met: p(turns, 99) <= 100,
        }),
        row({
          scenario: 'turns',
          metric: 'CPU per request (node + PostgreSQL + Redis)',
          value: cpuTurn.total,
          unit: 'ms',
          baseline: cpuBase.total,
        }),
        row({
          scenario: 'turns',
          metric: `ceiling on ${cores} idle cores (${cores} × 1000 / CPU per turn)`,
          value: (cores * 1000) / cpuTurn.total,
          unit: '/s',
          baseline: (cores * 1000) / cpuBase.total,
          target: '≥ 600/s',
          met: (cores * 1000) / cpuTurn.total >= 600,
          note: 'excludes the load generator; an estimate, not a measurement',
        }),
      ],
      details: {
        role,
        chats,
        warmupMs,
        durationMs,
        texts: TURN_TEXTS,
        turns: {
          ok: turns.ok,
          failed: turns.failed,
          statuses: turns.statuses,
          elapsedMs: round(turns.elapsedMs),
        },
        baseline: {
          ok: baseline.ok,
          failed: baseline.failed,
          statuses: baseline.statuses,
          elapsedMs: round(baseline.elapsedMs),
        },
        latencyMs: {
          turns: { p50: p(turns, 50), p90: p(turns, 90), p99: p(turns, 99), max: p(turns, 100) },
          baseline: {
            p50: p(baseline, 50),
            p90: p(baseline, 90),
            p99: p(baseline, 99),
            max: p(baseline, 100),
          },
        },
        cpuMsPerRequest: { turns: cpuTurn, baseline: cpuBase },
        database: counts,
        ...(sqlCounts ? { statements: sqlCounts.statements } : {}),
      },
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake.close();
    await db.close();
  }
}
