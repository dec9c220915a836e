import { ConfigError, loadConfig } from './config/index.js';
import { createLogger, errorMessage } from './logger.js';
import { RedisMissingError } from './runtime/embedded-redis.js';
import { type Role, startSystem } from './system.js';

const ROLES: Role[] = ['all', 'server', 'worker'];

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const arg = process.argv[2];
  if (arg && !ROLES.includes(arg as Role)) {
    console.error(`Unknown role "${arg}": use one of ${ROLES.join(', ')}.`);
    process.exit(2);
  }
  const role = (arg as Role | undefined) ?? config.ROLE;
  const log = createLogger(config.LOG_LEVEL, { role });

  // Signals are handled from the start: one that arrives while the system is still starting
  // (or right after it logged "ready") stops it cleanly once it is up, instead of killing it.
  let system: Awaited<ReturnType<typeof startSystem>> | null = null;
  let requested: string | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (!system) {
      // A second Ctrl-C while starting means "now".
      if (requested) process.exit(130);
      requested = signal;
      log.info({ signal }, 'stopping as soon as the start has finished');
      return;
    }
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting anyway');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    await system.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    system = await startSystem(config, log, role);
  } catch (err) {
    const known = err instanceof RedisMissingError || (err as Error).name === 'RedisPolicyError';
    log.fatal(known ? { msg: errorMessage(err) } : { err }, 'PesanDesa could not start');
    if (known) console.error(errorMessage(err));
    process.exit(1);
  }
  if (requested) await shutdown(requested);
}

void main();
