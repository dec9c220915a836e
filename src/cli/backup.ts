import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config/index.js';
import { createLogger, errorMessage } from '../logger.js';
import { provideServices } from '../runtime/services.js';
import { pgConnection, runTool } from './pg-tools.js';

/**
 * `npm run backup [-- <file>]`: a pg_dump (custom format, compressed) of the configured
 * DATABASE_URL, or of the embedded database. Without a file it goes to
 * DATA_DIR/backups/pesandesa-<UTC timestamp>.dump. Prints the path. Debian's pg_dump 15 matches
 * the embedded server (15.18); for another server use the client of its major version.
 */
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, { role: 'backup' });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const target = resolve(process.argv[2] ?? join(config.DATA_DIR, 'backups', `pesandesa-${stamp}.dump`));

const services = await provideServices(config, log, { redis: false });
try {
  await mkdir(dirname(target), { recursive: true });
  const { args, env } = pgConnection(services.databaseUrl);
  await runTool(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, ...args],
    env,
  );
  const { size } = await stat(target);
  process.stdout.write(`Backup written: ${target} (${Math.round(size / 1024)} KB)\n`);
} catch (err) {
  process.stderr.write(`Backup failed: ${errorMessage(err)}\n`);
  process.exitCode = 1;
} finally {
  await services.stop();
}
