import { ConfigError, loadConfig } from './config/index.js';
import { createLogger } from './logger.js';
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

  let system: Awaited<ReturnType<typeof startSystem>>;
  try {
    system = await startSystem(config, log, role);
  } catch (err) {
    const known = err instanceof RedisMissingError || (err as Error).name === 'RedisPolicyError';
    log.fatal(known ? { msg: (err as Error).message } : { err }, 'PesanDesa could not start');
    if (known) console.error((err as Error).message);
    process.exit(1);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
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
}

void main();
