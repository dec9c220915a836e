import { inject } from 'vitest';
import type { WaClientFactory } from '../../bots/whatsapp-web/client.js';
import type { Clock } from '../../src/clock.js';
import { parseConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { type Role, type RunningSystem, startSystem } from '../../src/system.js';
import { TEST_TOKEN } from './chat.js';
import { testQueuePrefix } from './db.js';

/** Starts the real system in-process against the given services, on a free port. */
export async function startTestSystem(
  env: { DATABASE_URL: string; REDIS_URL: string } & Record<string, string>,
  role: Role = 'all',
  opts: { clock?: Clock; whatsappWeb?: WaClientFactory } = {},
): Promise<RunningSystem> {
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  return startSystem(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), role, opts);
}

/**
 * The usual system of a chat test: its own database and queue prefix on the shared Redis, the
 * web chat API open to TEST_TOKEN, on the given clock. `env` adds or overrides settings.
 */
export function startChatSystem(
  t: { url: string },
  opts: { clock?: Clock; env?: Record<string, string>; role?: Role } = {},
): Promise<RunningSystem> {
  return startTestSystem(
    {
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_TOKEN: TEST_TOKEN,
      ...opts.env,
    },
    opts.role ?? 'all',
    { clock: opts.clock },
  );
}

/** Polls until `check` is true; bounded in time so a broken system fails the test, not hangs. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000, stepMs = 100) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
