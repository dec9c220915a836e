/**
 * Measures two lifecycle figures on the real PostgreSQL (embedded, in a throw-away folder):
 * 1. publish → every invitation and alert committed to the outbox, for N matching vendors;
 * 2. deadline → the officer's ranked list committed, with Q quotes.
 * Usage: npx tsx bench/lifecycle-figures.ts [vendors=1000] [quotes=50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OffsetClock } from '../src/clock.js';
import { parseConfig } from '../src/config/index.js';
import { createLogger } from '../src/logger.js';
import { closeAtDeadline, runMatch } from '../src/procurement/jobs.js';
import { startEmbeddedPostgres } from '../src/runtime/embedded-postgres.js';
import { freePort } from '../src/runtime/process-utils.js';
import { createDb } from '../src/store/db.js';
import { submitQuote } from '../src/store/quotes.js';
import { categoryId, desaOf, placeOf, prepareDatabase, seedOfficer, seedVendors } from './lib/seed.js';

const VENDORS = Number(process.argv[2] ?? 1000);
const QUOTES = Math.min(VENDORS, Number(process.argv[3] ?? 50));
const log = createLogger('warn');
const dir = mkdtempSync(join(tmpdir(), 'pd-bench-'));
const pg = await startEmbeddedPostgres({
  dir: join(dir, 'pg'),
  port: await freePort(),
  database: 'bench',
  log,
});
const { db, close } = createDb({ url: pg.url, poolMax: 5 });
try {
  await prepareDatabase(db, parseConfig({}).AREA_REGENCIES);
  const category = await categoryId(db, 'bahan_bangunan');
  // Vendors spread over the regency's desa, each with a web identity; no quiet hours.
  const villages = await desaOf(db, '32.14');
  await seedVendors(db, {
    count: VENDORS,
    villages,
    categories: [category],
    channel: 'web',
    chatBase: 0,
    allVerified: true,
  });
  const village = await placeOf(db, villages[0] as string);
  const officer = await seedOfficer(db, village.village, 'bench-officer');
  const clock = new OffsetClock();
  const deadline = new Date(clock.now().getTime() + 2 * 86_400_000);
  // A lelang, so every matching vendor is invited.
  const need = await db
    .insertInto('needs')
    .values({
      number: 'PD-3214-2026-9999',
      officer_id: officer.officerId,
      village_code: village.village,
      district_code: village.district,
      regency_code: '32.14',
      category_id: category,
      title: 'Bench',
      method: 'lelang',
      hps: 500_000_000,
      min_quotes: 3,
      status: 'published',
      quote_deadline: deadline,
      delivery_place: 'Kantor desa',
      needed_by: new Date(deadline.getTime() + 86_400_000),
      published_at: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('need_items')
    .values({ need_id: need.id, position: 1, name: 'Semen', quantity: 100, unit: 'sak' })
    .execute();
  const deps = { db, clock, log, commit: async () => {} };

  let t0 = performance.now();
  const { invited } = await runMatch(deps, need.id, 0);
  const matchMs = performance.now() - t0;

  const invitedVendors = await db
    .selectFrom('invitations')
    .select('vendor_id')
    .where('need_id', '=', need.id)
    .limit(QUOTES)
    .execute();
  for (const [k, v] of invitedVendors.entries()) {
    await db.transaction().execute((trx) =>
      submitQuote(
        trx,
        {
          needId: need.id,
          vendorId: v.vendor_id,
          total: 400_000_000 + k * 1000,
          deliveryDays: 3,
          note: null,
          items: [],
        },
        clock.now(),
      ),
    );
  }
  clock.set(new Date(deadline.getTime() + 1000));
  t0 = performance.now();
  const closed = await closeAtDeadline(deps, need.id, deadline.getTime());
  const closeMs = performance.now() - t0;
  const alerts = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('purpose', '=', 'alert')
    .executeTakeFirstOrThrow();

  console.error(
    [
      `vendors matching: ${VENDORS}, invited: ${invited}, alerts in outbox: ${alerts.n}`,
      `publish → all invitations and alerts committed: ${matchMs.toFixed(0)} ms`,
      `deadline → ranked list (${QUOTES} quotes) committed: ${closeMs.toFixed(0)} ms (${closed})`,
    ].join('\n'),
  );
} finally {
  await close();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
