/**
 * `npm run test:calendar`: runs the calendar-sensitive test files (those that start their clock
 * with testClock()) once per pinned instant (CALENDAR_INSTANTS, then BEHIND_WALL_CLOCK), with
 * TEST_NOW set, one after another, and prints a table. `npm test` is today's run.
 *
 *   npm run test:calendar                         every pinned instant
 *   npm run test:calendar -- --at=2027-06-30T17:00:00Z   one instant of your choice
 *   npm run test:calendar -- --only=leap          the instants whose name contains "leap"
 *   npm run test:calendar -- test/integration/lifecycle.test.ts   fewer files
 *
 * Each instant runs with 4 workers on any machine (`--maxWorkers=N` to change it): these tests
 * mostly wait on the chat and the queues, so on two cores 4 workers take ~95 s an instant
 * instead of ~150 s with vitest's default of one per core.
 */
import { spawnSync } from 'node:child_process';
import { calendarFiles } from './calendar-files.js';
import { BEHIND_WALL_CLOCK, CALENDAR_INSTANTS } from './time.js';

const args = process.argv.slice(2);
const at = args.find((a) => a.startsWith('--at='))?.slice('--at='.length);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const files = args.filter((a) => !a.startsWith('--'));
const workers = args.find((a) => a.startsWith('--maxWorkers=')) ?? '--maxWorkers=4';

const all = [
  ...CALENDAR_INSTANTS,
  { name: BEHIND_WALL_CLOCK.name, at: new Date(Date.now() - BEHIND_WALL_CLOCK.ms).toISOString() },
];
const instants = at ? [{ name: `--at=${at}`, at }] : all.filter((i) => !only || i.name.includes(only));
if (instants.length === 0) {
  console.error(`No instant matches --only=${only}. Known: ${all.map((i) => i.name).join('; ')}`);
  process.exit(2);
}

const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
for (const instant of instants) {
  const started = Date.now();
  console.error(`\n=== ${instant.name} — TEST_NOW=${instant.at}`);
  const run = spawnSync('npx', ['vitest', 'run', workers, ...(files.length ? files : calendarFiles('.'))], {
    stdio: 'inherit',
    env: { ...process.env, TEST_NOW: instant.at },
  });
  results.push({
    name: instant.name,
    ok: run.status === 0,
    seconds: Math.round((Date.now() - started) / 1000),
  });
}

console.error('\ninstant                                            result  seconds');
for (const r of results) console.error(`${r.name.padEnd(50)} ${r.ok ? 'pass' : 'FAIL'}    ${r.seconds}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
