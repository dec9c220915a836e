import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { isUnsealed, needToRelease, type OcdsNeed, releasePackage } from '../../src/domain/ocds.js';

// The official OCDS 1.1.5 schemas live next to the project (../shared/ocds), never copied into it.
const SCHEMAS = fileURLToPath(new URL('../../../shared/ocds/', import.meta.url));
const haveSchemas = existsSync(`${SCHEMAS}release-package-schema.json`);
if (!haveSchemas)
  console.error(`SKIPPED OCDS schema validation: ${SCHEMAS} is absent (CI always has ../shared).`);

// CommonJS modules: their `default` export is the same function under either interop.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

function packageValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(`${SCHEMAS}release-schema.json`, 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(`${SCHEMAS}release-package-schema.json`, 'utf8')));
}

const NOW = new Date('2026-12-10T03:00:00Z');

function need(over: Partial<OcdsNeed> = {}): OcdsNeed {
  return {
    id: 7,
    number: 'PD-3214-2026-0001',
    title: 'Semen dan pasir untuk jalan RT 03',
    method: 'permintaan_penawaran',
    hps: 15_000_000,
    status: 'completed',
    villageCode: '32.14.01.2001',
    villageName: 'Bojong Timur',
    districtName: 'Bojong',
    regencyName: 'Kab. Purwakarta',
    categoryCode: 'bahan_bangunan',
    categoryName: 'Bahan bangunan',
    publishedAt: new Date('2026-12-01T03:00:00Z'),
    quoteDeadline: new Date('2026-12-02T07:00:00Z'),
    updatedAt: new Date('2026-12-05T03:00:00Z'),
    items: [
      { id: 11, position: 1, name: 'Semen 50 kg', quantity: 50, unit: 'sak' },
      { id: 12, position: 2, name: 'Pasir', quantity: 2, unit: 'm3' },
    ],
    tenderers: [
      { id: 1, name: 'TB Barat Makmur', villageName: 'Bojong Barat', districtName: 'Bojong' },
      { id: 2, name: 'TB Plered Sentosa', nib: '1234567890123' },
    ],
    orders: [
      {
        id: 3,
        number: 'SP-3214-2026-0001',
        vendorId: 1,
        amount: 13_400_000,
        status: 'completed',
        createdAt: new Date('2026-12-02T08:00:00Z'),
        acceptedAt: new Date('2026-12-02T09:00:00Z'),
        updatedAt: new Date('2026-12-06T03:00:00Z'),
        payments: [{ id: 9, amount: 13_400_000, paidOn: new Date('2026-12-06T00:00:00Z') }],
        unitPrices: new Map([
          [11, 70_000],
          [12, 5_000_000],
        ]),
      },
    ],
    ...over,
  };
}

describe('OCDS mapping', () => {
  it('maps a completed permintaan penawaran to tender, award, contract and payment', () => {
    const r = needToRelease(need(), { ocidPrefix: 'ocds-xxxxxx', now: NOW });
    expect(r.ocid).toBe('ocds-xxxxxx-PD-3214-2026-0001');
    expect(r.tag).toEqual(['tender', 'award', 'contract', 'implementation']);
    expect(r.tender).toMatchObject({
      procurementMethod: 'limited',
      procurementMethodDetails: 'Permintaan penawaran',
      value: { amount: 15_000_000, currency: 'IDR' },
      numberOfTenderers: 2,
      tenderPeriod: { startDate: '2026-12-01T03:00:00.000Z', endDate: '2026-12-02T07:00:00.000Z' },
    });
    expect(r.tender.items[0]).toMatchObject({
      classification: { id: 'bahan_bangunan' },
      quantity: 50,
      unit: { name: 'sak' },
    });
    expect(r.awards).toEqual([
      expect.objectContaining({ status: 'active', value: { amount: 13_400_000, currency: 'IDR' } }),
    ]);
    const contract = r.contracts[0];
    expect(contract).toMatchObject({ id: 'SP-3214-2026-0001', awardID: 'award-3', status: 'terminated' });
    expect(contract?.items[1]?.unit).toEqual({ name: 'm3', value: { amount: 5_000_000, currency: 'IDR' } });
    expect(contract?.implementation?.transactions[0]).toMatchObject({
      value: { amount: 13_400_000, currency: 'IDR' },
      payer: { id: 'ID-DESA-32.14.01.2001' },
      payee: { id: 'PD-VENDOR-1' },
    });
    const roles = Object.fromEntries(r.parties.map((p) => [p.name, p.roles]));
    expect(roles['Pemerintah Desa Bojong Timur']).toEqual(['buyer', 'procuringEntity']);
    expect(roles['TB Barat Makmur']).toEqual(['tenderer', 'supplier', 'payee']);
    expect(roles['TB Plered Sentosa']).toEqual(['tenderer']);
    expect(r.date).toBe('2026-12-06T03:00:00.000Z');
  });

  it('maps every method, and a need without an award', () => {
    for (const [method, code] of [
      ['pembelian_langsung', 'direct'],
      ['permintaan_penawaran', 'limited'],
      ['lelang', 'open'],
    ] as const) {
      const r = needToRelease(need({ method, status: 'unsuccessful', orders: [] }), {
        ocidPrefix: 'ocds-xxxxxx',
        now: NOW,
      });
      expect(r.tender.procurementMethod).toBe(code);
      expect(r.tender.status).toBe('unsuccessful');
      expect(r.awards).toEqual([]);
      expect(r.tag).toEqual(['tender']);
    }
  });

  it('refuses a need whose quotes are still sealed', () => {
    const open = need({ status: 'published', quoteDeadline: new Date(NOW.getTime() + 3600_000), orders: [] });
    expect(isUnsealed(open, NOW)).toBe(false);
    expect(() => needToRelease(open, { ocidPrefix: 'ocds-xxxxxx', now: NOW })).toThrow(/sealed/);
    // Deadline passed but the close job has not run yet: still sealed.
    expect(isUnsealed({ status: 'published', quoteDeadline: new Date(NOW.getTime() - 1) }, NOW)).toBe(false);
    // Cancelled before its deadline: never unsealed.
    expect(isUnsealed({ status: 'cancelled', quoteDeadline: new Date(NOW.getTime() + 1) }, NOW)).toBe(false);
  });

  it.skipIf(!haveSchemas)('produces packages valid against the official OCDS 1.1.5 schemas', () => {
    const validate = packageValidator();
    const declined = need({
      status: 'awarded',
      orders: [
        { ...need().orders[0], status: 'declined', acceptedAt: null, payments: [] } as OcdsNeed['orders'][0],
      ],
    });
    const pkg = releasePackage(
      [
        needToRelease(need(), { ocidPrefix: 'ocds-xxxxxx', now: NOW }),
        needToRelease(declined, { ocidPrefix: 'ocds-xxxxxx', now: NOW }),
        needToRelease(need({ id: 8, number: null, status: 'cancelled', orders: [], tenderers: [] }), {
          ocidPrefix: 'ocds-xxxxxx',
          now: NOW,
        }),
      ],
      { uri: 'http://127.0.0.1:3000/publik/ocds?from=2026-12-01', publisherName: 'PesanDesa', now: NOW },
    );
    const ok = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator is not a rubber stamp: a wrong code is refused.
    const broken = structuredClone(pkg);
    (broken.releases[0] as { tender: { procurementMethod: string } }).tender.procurementMethod = 'langsung';
    expect(validate(broken)).toBe(false);
  });
});
