import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing running; `integration` gets a real PostgreSQL and Redis
// from the global setup (embedded ones under .data/test, or TEST_DATABASE_URL / TEST_REDIS_URL).
export default defineConfig({
  test: {
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
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
