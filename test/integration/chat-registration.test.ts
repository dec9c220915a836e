import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { ChatClient, optionLabels, TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { startTestSystem } from '../support/system.js';

describe('registration through the web chat', () => {
  let t: TestDb;
  let system: RunningSystem;
  let n = 0;
  const chat = () => new ChatClient(String(system.url), `reg-${++n}`);

  beforeAll(async () => {
    t = await createTestDb();
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_TOKEN: TEST_TOKEN,
      OUTBOX_SWEEP_INTERVAL_MS: '500',
    });
  });
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  it('registers a vendor in Indonesian from first contact to the menu', async () => {
    const c = chat();
    const welcome = await c.say('halo');
    expect(welcome.text).toContain('Selamat datang');
    expect(optionLabels(welcome)).toEqual(['Penyedia / pemilik usaha', 'Perangkat desa']);
    expect((await c.say('1')).text).toContain('nama usaha');
    expect((await c.say('Toko Bangunan Maju Jaya')).text).toContain('pemilik');
    expect((await c.say('Budi Santoso')).text).toContain('nomor HP');
    const cats = await c.say('0812-3456-7890');
    expect(cats.multi).toBe(true);
    expect(optionLabels(cats)).toContain('Bahan bangunan');
    const kecamatan = await c.say('1, 3');
    expect(optionLabels(kecamatan)).toHaveLength(17);
    expect(optionLabels(kecamatan)).toContain('Bojong');
    const desa = await c.say('bojong');
    expect(optionLabels(desa)).toContain('Bojong Timur');
    expect((await c.say('bojong timur')).text).toContain('NIB');
    const summary = await c.say('lewati');
    expect(summary.text).toContain('Toko Bangunan Maju Jaya');
    expect(summary.text).toContain('Bahan bangunan, Konsumsi & catering');
    expect(summary.text).toContain('Bojong Timur, Kec. Bojong');
    expect(summary.text).toContain('+62 812****890');
    const done = await c.say('ya');
    expect(done.text).toContain('sudah terdaftar');
    expect(optionLabels(done)).toContain('Profil saya');

    const vendor = await t.db
      .selectFrom('vendors')
      .innerJoin('villages', 'villages.code', 'vendors.village_code')
      .select([
        'business_name',
        'owner_name',
        'phone_e164',
        'villages.name',
        'verification',
        'vendors.district_code',
        'regency_code',
      ])
      .executeTakeFirstOrThrow();
    expect(vendor).toEqual({
      business_name: 'Toko Bangunan Maju Jaya',
      owner_name: 'Budi Santoso',
      phone_e164: '+6281234567890',
      name: expect.stringMatching(/^bojong timur$/i),
      verification: 'pending',
      district_code: expect.stringMatching(/^32\.14\./),
      regency_code: '32.14',
    });
    const audit = await t.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toContain('vendor.registered');
  });

  it('registers an officer in English with an invite code and is verified at once', async () => {
    const village = await t.db
      .selectFrom('villages')
      .select('code')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', 'cibingbin'))
      .where('district_code', 'like', '32.14.%')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('invite_codes').values({ code: 'PWK-7Q2X', village_code: village.code }).execute();
    const c = chat();
    await c.say('hi');
    expect((await c.say('english')).text).toContain('Language changed to English');
    expect((await c.say('2')).text).toContain('full name');
    expect((await c.say('Siti Aminah')).text).toContain('district');
    const desa = await c.say('Bojong');
    // Officers choose among desa only: no kelurahan in the list.
    expect(optionLabels(desa)).toContain('Cibingbin');
    expect((await c.say('cibingbin')).text).toContain('position');
    expect((await c.say('Sekretaris Desa')).text).toContain('invite code');
    expect((await c.say('NOPE-0000')).text).toContain('not known');
    const summary = await c.say('pwk-7q2x');
    expect(summary.text).toContain('Village secretary');
    const done = await c.say('1');
    expect(done.text).toContain('account is active');
    const officer = await t.db
      .selectFrom('officers')
      .selectAll()
      .where('full_name', '=', 'Siti Aminah')
      .executeTakeFirstOrThrow();
    expect(officer).toMatchObject({
      verification: 'verified',
      position: 'sekdes',
      village_code: village.code,
    });
    const code = await t.db
      .selectFrom('invite_codes')
      .select('used_at')
      .where('code', '=', 'PWK-7Q2X')
      .executeTakeFirstOrThrow();
    expect(code.used_at).not.toBeNull();
  });

  it('an officer without a code is registered and waits for verification', async () => {
    const c = chat();
    await c.say('selamat pagi');
    await c.say('perangkat desa');
    await c.say('Asep Sunandar');
    const desa = await c.say('Purwakarta');
    // Kecamatan Purwakarta is mostly kelurahan; only its desa are offered.
    const { count } = await t.db
      .selectFrom('villages')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('district_code', '=', '32.14.01')
      .where('kind', '=', 'desa')
      .executeTakeFirstOrThrow();
    expect(optionLabels(desa)).toHaveLength(Number(count));
    expect((await c.say('1')).text).toContain('jabatan');
    expect((await c.say('kades')).text).toContain('kode undangan');
    const summary = await c.say('lewati');
    expect(summary.text).toContain('Kepala Desa');
    expect(summary.text).toContain('(tidak ada)');
    const done = await c.say('ya');
    expect(done.text).toContain('menunggu verifikasi');
    const officer = await t.db
      .selectFrom('officers')
      .select(['verification', 'position'])
      .where('full_name', '=', 'Asep Sunandar')
      .executeTakeFirstOrThrow();
    expect(officer).toEqual({ verification: 'pending', position: 'kepala_desa' });
  });
});
