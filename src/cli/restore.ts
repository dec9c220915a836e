import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { createLogger, errorMessage } from '../logger.js';
import { provideServices } from '../runtime/services.js';
import { verifyAuditChain } from '../store/audit.js';
import { createDb } from '../store/db.js';
import { pgConnection, runTool } from './pg-tools.js';

/**
 * `npm run restore -- <file> --yes`: replaces the configured (or embedded) database's tables with
 * those of a backup made by `npm run backup` (pg_restore --clean --if-exists, in one transaction:
 * it either all happens or nothing does), then verifies the audit chain. Stop the server and
 * workers first: a restore waits for every lock on the tables it replaces.
 */
const { values, positionals } = parseArgs({
  options: { yes: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = positionals[0] ? resolve(positionals[0]) : null;
if (!file || !existsSync(file)) {
  process.stderr.write(
    file ? `No backup file at ${file}.\n` : 'Name the backup file: npm run restore -- <file> --yes\n',
  );
  process.exit(2);
}
if (!values.yes) {
  process.stderr.write(
    `This replaces every table of the database with the contents of ${file}. Run again with --yes to go ahead.\n`,
  );
  process.exit(2);
}

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, { role: 'restore' });
const services = await provideServices(config, log, { redis: false });
try {
  const { args, env } = pgConnection(services.databaseUrl);
  await runTool(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', ...args, file],
    env,
  );
  const { db, close } = createDb({ url: services.databaseUrl });
  try {
    const chain = await verifyAuditChain(db);
    process.stdout.write(
      `Restored ${file}. Audit chain: ${chain.ok ? 'intact' : `broken at row ${chain.brokenAt}`} (${chain.rows} rows checked).\n`,
    );
    if (!chain.ok) process.exitCode = 1;
  } finally {
    await close();
  }
} catch (err) {
  process.stderr.write(`Restore failed, nothing was changed: ${errorMessage(err)}\n`);
  process.exitCode = 1;
} finally {
  await services.stop();
}
