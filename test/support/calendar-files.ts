import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where tests drive the running system through its chats, pages and exports. */
export const DRIVEN_DIRS = [
  'test/integration',
  'test/browser',
  'test/faults',
  'test/support',
  'test/unit/flows',
];

/** The `.ts` files below `dir` (relative to `root`), as paths relative to `root`. */
export function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(root, join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * The test files that play on the test calendar — those that start their clock with
 * `testClock()` — found, not listed, so a new one runs at every instant without a second edit.
 */
export function calendarFiles(root: string): string[] {
  return DRIVEN_DIRS.flatMap((d) => filesUnder(root, d))
    .filter((f) => f.endsWith('.test.ts') && /\btestClock\(/.test(readFileSync(join(root, f), 'utf8')))
    .sort();
}
