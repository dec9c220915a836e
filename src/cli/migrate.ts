import { loadConfig } from '../config/index.js';
import { createLogger } from '../logger.js';
import { provideServices } from '../runtime/services.js';
import { createDb } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';

/** `npm run migrate`: applies pending migrations to the configured (or embedded) database. */
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL, { role: 'migrate' });
const services = await provideServices(config, log, { redis: false });
const { db, close } = createDb({ url: services.databaseUrl });
try {
  const result = await migrateToLatest(db);
  const applied = result.results?.map((r) => r.migrationName) ?? [];
  log.info({ applied }, applied.length ? 'migrations applied' : 'database already up to date');
} finally {
  await close();
  await services.stop();
}
