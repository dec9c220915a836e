import type { WaClientFactory } from '../../bots/whatsapp-web/client.js';
import type { Clock } from '../../src/clock.js';
import { parseConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { type Role, type RunningSystem, startSystem } from '../../src/system.js';

/** Starts the real system in-process against the given services, on a free port. */
export async function startTestSystem(
  env: { DATABASE_URL: string; REDIS_URL: string } & Record<string, string>,
  role: Role = 'all',
  opts: { clock?: Clock; whatsappWeb?: WaClientFactory } = {},
): Promise<RunningSystem> {
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  return startSystem(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), role, opts);
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
