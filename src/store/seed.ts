import { type Kysely, sql } from 'kysely';
import type { Config } from '../config/index.js';
import { CATEGORY_TAXONOMY } from '../domain/categories.js';
import { type AreaLoadResult, loadAreas } from './areas.js';
import type { Database } from './schema.js';

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Reference data every install needs: the category taxonomy and, for each configured regency
 * that has none yet, procurement settings from the configured defaults. Existing rows are left
 * as the admins set them.
 */
export async function seedReferenceData(db: Kysely<Database>, config: Config): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('categories')
      .values(CATEGORY_TAXONOMY.map((c, i) => ({ ...c, sort: (i + 1) * 10 })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await trx
      .insertInto('procurement_settings')
      .values(
        config.AREA_REGENCIES.map((regency_code) => ({
          regency_code,
          direct_purchase_max: config.DEFAULT_DIRECT_PURCHASE_MAX,
          rfq_max: config.DEFAULT_RFQ_MAX,
          min_quotes_rfq: config.DEFAULT_MIN_QUOTES_RFQ,
          min_quotes_open: config.DEFAULT_MIN_QUOTES_OPEN,
          quiet_start_minute: minutes(config.DEFAULT_QUIET_START),
          quiet_end_minute: minutes(config.DEFAULT_QUIET_END),
          min_quote_window_minutes: config.MIN_QUOTE_WINDOW_MINUTES,
          time_zone: config.TIME_ZONE,
        })),
      )
      .onConflict((oc) => oc.column('regency_code').doNothing())
      .execute();
  });
}

/**
 * The configured regencies' areas and the reference data, under an advisory lock: roles
 * starting together must not race on the same upserts.
 */
export async function loadReferenceData(db: Kysely<Database>, config: Config): Promise<AreaLoadResult> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext('pesandesa:reference-data'))`.execute(conn);
    try {
      const loaded = await loadAreas(conn, config.AREA_REGENCIES);
      await seedReferenceData(conn, config);
      return loaded;
    } finally {
      await sql`select pg_advisory_unlock(hashtext('pesandesa:reference-data'))`.execute(conn);
    }
  });
}
