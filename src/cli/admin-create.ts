import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { createAdminAccount } from '../console/accounts.js';
import { createLogger } from '../logger.js';
import { provideServices } from '../runtime/services.js';
import { loadAreas } from '../store/areas.js';
import { createDb } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { seedReferenceData } from '../store/seed.js';

/**
 * `npm run admin:create -- --email a@b --name "..." --role province|regency [--regency 3214]
 *  [--province 32] [--password ...]`. Without --password it is read from ADMIN_CREATE_PASSWORD
 * or asked for (not echoed). Running it again for the same email updates that account.
 */
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'regency' },
    regency: { type: 'string' },
    province: { type: 'string' },
    password: { type: 'string' },
    locale: { type: 'string', default: 'id' },
  },
});

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) {
        out.output.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

if (values.role !== 'province' && values.role !== 'regency') {
  console.error('--role must be province or regency.');
  process.exit(2);
}
let password = values.password ?? process.env.ADMIN_CREATE_PASSWORD ?? '';
if (!password && process.stdin.isTTY) password = await askHidden('Password (at least 10 characters): ');

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, { role: 'admin-create' });
const services = await provideServices(config, log, { redis: false });
const { db, close } = createDb({ url: services.databaseUrl });
let code = 0;
try {
  await migrateToLatest(db);
  await loadAreas(db, config.AREA_REGENCIES);
  await seedReferenceData(db, config);
  const result = await createAdminAccount(db, {
    email: values.email ?? '',
    name: values.name ?? '',
    password,
    role: values.role,
    regency: values.regency,
    province: values.province,
    defaultRegency: config.AREA_REGENCIES[0],
    locale: values.locale === 'en' ? 'en' : 'id',
  });
  if (result.ok) {
    const url = `${(config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '')}/console/login`;
    process.stdout.write(
      `Admin ${values.email} ${result.created ? 'created' : 'updated'} (id ${result.id}). Log in at ${url}\n`,
    );
  } else {
    console.error(result.message);
    code = 1;
  }
} finally {
  await close();
  await services.stop();
}
process.exit(code);
