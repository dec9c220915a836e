import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { CATEGORY_TAXONOMY } from '../../src/domain/categories.js';
import { loadAreas } from '../../src/store/areas.js';
import { seedReferenceData } from '../../src/store/seed.js';
import { createTestDb, type TestDb } from '../support/db.js';

const PURWAKARTA = '32.14';

describe('areas and reference data', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function counts() {
    const districts = await t.db
      .selectFrom('districts')
      .where('regency_code', '=', PURWAKARTA)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const villages = await t.db
      .selectFrom('villages')
      .innerJoin('districts', 'districts.code', 'villages.district_code')
      .where('districts.regency_code', '=', PURWAKARTA)
      .groupBy('villages.kind')
      .select((eb) => ['villages.kind', eb.fn.countAll<number>().as('n')])
      .execute();
    return {
      districts: Number(districts.n),
      ...Object.fromEntries(villages.map((v) => [v.kind, Number(v.n)])),
    };
  }

  it('loads Purwakarta with its 17 kecamatan and exactly 183 desa (kelurahan are not desa)', async () => {
    expect(await counts()).toEqual({ districts: 17, desa: 183, kelurahan: 9 });
    const regency = await t.db
      .selectFrom('regencies')
      .selectAll()
      .where('code', '=', PURWAKARTA)
      .executeTakeFirstOrThrow();
    expect(regency).toMatchObject({ name: 'KABUPATEN PURWAKARTA', province_code: '32', kind: 'kabupaten' });
  });

  it('loads again without duplicating anything', async () => {
    const result = await loadAreas(t.db, [PURWAKARTA]);
    expect(result).toEqual({ regencies: 1, districts: 17, villages: 192, desa: 183 });
    expect(await counts()).toEqual({ districts: 17, desa: 183, kelurahan: 9 });
  });

  it('refuses an unknown regency code', async () => {
    await expect(loadAreas(t.db, ['99.99'])).rejects.toThrow(/99\.99/);
  });

  it('seeds the category taxonomy and default thresholds once, keeping what admins changed', async () => {
    await t.db
      .updateTable('procurement_settings')
      .set({ direct_purchase_max: 15_000_000 })
      .where('regency_code', '=', PURWAKARTA)
      .execute();
    await seedReferenceData(t.db, parseConfig({ AREA_REGENCIES: PURWAKARTA }));
    const categories = await t.db.selectFrom('categories').select('code').execute();
    expect(categories.map((c) => c.code).sort()).toEqual(CATEGORY_TAXONOMY.map((c) => c.code).sort());
    const settings = await t.db
      .selectFrom('procurement_settings')
      .selectAll()
      .where('regency_code', '=', PURWAKARTA)
      .executeTakeFirstOrThrow();
    expect(settings).toMatchObject({
      direct_purchase_max: 15_000_000,
      rfq_max: 200_000_000,
      min_quotes_rfq: 2,
      min_quotes_open: 3,
      quiet_start_minute: 21 * 60,
      quiet_end_minute: 6 * 60,
      time_zone: 'Asia/Jakarta',
    });
  });
});
