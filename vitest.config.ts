import { defineConfig } from 'vitest/config';

// `npm test` runs every project. `unit` needs nothing running; the others get a real PostgreSQL
// and Redis from the global setup (embedded ones under .data/test, or TEST_DATABASE_URL /
// TEST_REDIS_URL). `browser` drives Debian's Chromium with playwright-core; `faults` stops and
// kills the real services on purpose, so it runs its files one at a time, after the others.
//
// Integration files mostly wait (on PostgreSQL, Redis, a fake channel, a timer), so four run at
// once even on two cores (vitest would run one at a time here: one per core but one).
const services = {
  environment: 'node' as const,
  globalSetup: ['test/support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
};

const INTEGRATION_WORKERS = 4;

export default defineConfig({
  test: {
    maxWorkers: INTEGRATION_WORKERS,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          ...services,
          maxWorkers: INTEGRATION_WORKERS,
        },
      },
      { test: { name: 'browser', include: ['test/browser/**/*.test.ts'], ...services } },
      {
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          ...services,
          testTimeout: 300_000,
          fileParallelism: false,
          // Alone, once the others are done: their timings are about the fault, not the load.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
