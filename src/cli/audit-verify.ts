import { loadConfig } from '../config/index.js';
import { createLogger, errorMessage } from '../logger.js';
import { provideServices } from '../runtime/services.js';
import { auditRow, verifyAuditChain } from '../store/audit.js';
import { createDb } from '../store/db.js';

/**
 * `npm run audit:verify`: walks the audit log's hash chain from the first row and names the
 * first row whose hash does not hold (edited, deleted or inserted out of turn). Exit code 0 when
 * the chain is intact, 1 when it is broken, 2 when it could not be checked.
 */
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, { role: 'audit-verify' });
const services = await provideServices(config, log, { redis: false });
const { db, close } = createDb({ url: services.databaseUrl });
try {
  const started = performance.now();
  const result = await verifyAuditChain(db);
  const ms = Math.round(performance.now() - started);
  if (result.ok) {
    process.stdout.write(`Audit chain intact: ${result.rows} rows verified in ${ms} ms.\n`);
  } else {
    const row = await auditRow(db, Number(result.brokenAt));
    process.stdout.write(
      `Audit chain BROKEN at row ${result.brokenAt}` +
        (row ? ` (${row.action} on ${row.entity_type} ${row.entity_id}, ${row.at.toISOString()})` : '') +
        `: its hash does not follow from the row before it. ${result.rows} rows before it are intact.\n`,
    );
    process.exitCode = 1;
  }
} catch (err) {
  process.stderr.write(`Audit chain could not be checked: ${errorMessage(err)}\n`);
  process.exitCode = 2;
} finally {
  await close();
  await services.stop();
}
