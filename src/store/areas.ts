import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AreaLoadResult {
  regencies: number;
  districts: number;
  villages: number;
  desa: number;
}

const CHUNK = 1000;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Loads the official areas of the given regencies (codes like `32.14`) and their provinces.
 * Idempotent: names are refreshed, nothing is duplicated. A village whose code's fourth part
 * starts with 2 is a desa; with 1, a kelurahan (urban, outside PBJ Desa).
 */
export async function loadAreas(db: Kysely<Database>, regencyCodes: string[]): Promise<AreaLoadResult> {
  const wanted = new Set(regencyCodes);
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const regencyRows = regencies.filter((r) => wanted.has(r.code));
  const missing = regencyCodes.filter((code) => !regencyRows.some((r) => r.code === code));
  if (missing.length) throw new Error(`Unknown regency code(s) in AREA_REGENCIES: ${missing.join(', ')}`);
  const provinceCodes = new Set(regencyRows.map((r) => r.province_code));
  const districtRows = districts.filter((d) => wanted.has(d.regency_code));
  const districtCodes = new Set(districtRows.map((d) => d.code));
  const villageRows = villages.filter((v) => districtCodes.has(v.district_code));

  await db.transaction().execute(async (trx) => {
    const provinceRows = provinces.filter((p) => provinceCodes.has(p.code));
    await trx
      .insertInto('provinces')
      .values(provinceRows.map((p) => ({ code: p.code, name: p.name })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
    await trx
      .insertInto('regencies')
      .values(
        regencyRows.map((r) => ({
          code: r.code,
          province_code: r.province_code,
          name: r.name,
          kind: r.name.startsWith('KOTA ') ? ('kota' as const) : ('kabupaten' as const),
        })),
      )
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
    await insertChunks(districtRows, (chunk) =>
      trx
        .insertInto('districts')
        .values(chunk.map((d) => ({ code: d.code, regency_code: d.regency_code, name: d.name })))
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
        .execute(),
    );
    await insertChunks(villageRows, (chunk) =>
      trx
        .insertInto('villages')
        .values(
          chunk.map((v) => ({
            code: v.code,
            district_code: v.district_code,
            name: v.name,
            kind: v.code.split('.')[3]?.startsWith('1') ? ('kelurahan' as const) : ('desa' as const),
          })),
        )
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
        .execute(),
    );
  });
  return {
    regencies: regencyRows.length,
    districts: districtRows.length,
    villages: villageRows.length,
    desa: villageRows.filter((v) => v.code.split('.')[3]?.startsWith('2')).length,
  };
}
