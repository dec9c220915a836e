/**
 * `npm run bench [-- --only=turns,fanout] [-- --quick] [-- --profile] [-- --fanout-cap=250]`
 * Starts its own embedded PostgreSQL and Redis under .data/bench (a fresh database per
 * scenario), the fake Telegram Bot API on 127.0.0.1, runs each scenario with its baseline in the
 * same run, prints one table and writes it with the machine to bench/results/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createLogger } from '../src/logger.js';
import type { BenchContext, ScenarioResult } from './lib/context.js';
import { startBenchServices } from './lib/services.js';
import { installSqlCounter } from './lib/sql-count.js';
import { formatTable, type Row } from './lib/stats.js';
import { fanoutScenario } from './scenarios/fanout.js';
import { matchingScenario } from './scenarios/matching.js';
import { memoryScenario } from './scenarios/memory.js';
import { timersScenario } from './scenarios/timers.js';
import { turnsScenario } from './scenarios/turns.js';

const SCENARIOS: Record<string, (ctx: BenchContext) => Promise<ScenarioResult>> = {
  turns: turnsScenario,
  fanout: fanoutScenario,
  matching: matchingScenario,
  timers: timersScenario,
  memory: memoryScenario,
};

const options: Record<string, string> = {};
for (const arg of process.argv.slice(2)) {
  const m = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
  if (!m?.[1]) {
    console.error(`unknown argument ${arg}`);
    process.exit(2);
  }
  options[m[1]] = m[2] ?? 'true';
}
const only = (options.only ?? Object.keys(SCENARIOS).join(',')).split(',').filter(Boolean);
const unknown = only.filter((s) => !SCENARIOS[s]);
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
const quick = options.quick === 'true';
const started = new Date();
const progress = (message: string) =>
  console.error(`[bench ${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  ramGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};
progress(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, node ${machine.node}`);
progress(`load average at start (1/5/15 min): ${machine.loadAverageAtStart.join(' ')}`);

installSqlCounter();
const log = createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn');
const services = await startBenchServices(log);
const ctx: BenchContext = { services, log, quick, profile: options.profile === 'true', options, progress };
const rows: Row[] = [];
const details: Record<string, unknown> = {};
let failed = false;
try {
  for (const name of only) {
    progress(`scenario ${name}${quick ? ' (quick)' : ''}`);
    const t0 = performance.now();
    try {
      const result = await (SCENARIOS[name] as (c: BenchContext) => Promise<ScenarioResult>)(ctx);
      rows.push(...result.rows);
      details[name] = { ...result.details, seconds: Math.round((performance.now() - t0) / 1000) };
    } catch (err) {
      failed = true;
      progress(`scenario ${name} failed: ${(err as Error).stack ?? err}`);
      details[name] = { error: String((err as Error).message ?? err) };
    }
  }
} finally {
  await services.stop();
}

/**
 * latest.json keeps the last full figures of every scenario: a run of some scenarios (--only)
 * replaces theirs and keeps the others, each with the run it came from.
 */
function mergeLatest(r: typeof report) {
  let previous: { runs?: Record<string, unknown>; rows?: Row[]; details?: Record<string, unknown> } = {};
  try {
    previous = JSON.parse(readFileSync('bench/results/latest.json', 'utf8'));
  } catch {
    // first run
  }
  const ran = new Set(r.scenarios);
  const keep = (previous.rows ?? []).filter((x) => !ran.has(x.scenario));
  const order = Object.keys(SCENARIOS);
  const rows = [...keep, ...r.rows].sort((a, b) => order.indexOf(a.scenario) - order.indexOf(b.scenario));
  const run = { startedAt: r.startedAt, finishedAt: r.finishedAt, machine: r.machine, options: r.options };
  const runs = { ...(previous.runs ?? {}), ...Object.fromEntries(r.scenarios.map((s) => [s, run])) };
  return {
    rows,
    runs,
    details: { ...(previous.details ?? {}), ...r.details },
    table: formatTable(rows).split('\n'),
  };
}

const report = {
  startedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  quick,
  scenarios: only,
  options,
  machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))) },
  rows,
  details,
};
process.stdout.write(`${formatTable(rows)}\n`);
process.stdout.write(
  `\n${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, node ${machine.node}; load average ${machine.loadAverageAtStart.join('/')} at start, ${report.machine.loadAverageAtEnd.join('/')} at end${quick ? '; QUICK mode (smaller, shorter: not the figures of record)' : ''}\n`,
);
mkdirSync('bench/results', { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-');
const json = `${JSON.stringify(report, null, 2)}\n`;
writeFileSync(`bench/results/${stamp}${quick ? '-quick' : ''}.json`, json);
if (quick) writeFileSync('bench/results/latest-quick.json', json);
else writeFileSync('bench/results/latest.json', `${JSON.stringify(mergeLatest(report), null, 2)}\n`);
process.exit(failed ? 1 : 0);
