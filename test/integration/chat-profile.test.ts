import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { ChatClient, optionLabels, TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { startTestSystem } from '../support/system.js';

describe('menus, profile, policy and identities', () => {
  let t: TestDb;
  let system: RunningSystem;
  let n = 0;
  const chat = () => new ChatClient(String(system.url), `prof-${++n}`);

  async function registerVendor(c: ChatClient) {
    await c.say('halo');
    await c.say('1');
    await c.say('Katering Sari Rasa');
    await c.say('Sari');
    await c.say('081298765432');
    await c.say('3');
    await c.say('Plered');
    await c.say('1');
    await c.say('lewati');
    return c.say('ya');
  }

  async function registerOfficer(c: ChatClient) {
    await c.say('halo');
    await c.say('2');
    await c.say('Ujang Suryana');
    await c.say('Wanayasa');
    await c.say('1');
    await c.say('5');
    await c.say('lewati');
    return c.say('ya');
  }

  beforeAll(async () => {
    t = await createTestDb();
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_TOKEN: TEST_TOKEN,
    });
  });
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  it('a vendor changes categories, location, quiet hours and language from the profile', async () => {
    const c = chat();
    const menu = await registerVendor(c);
    const profile = await c.say(String(optionLabels(menu).indexOf('Profil saya') + 1));
    expect(profile.text).toContain('Katering Sari Rasa');
    expect(profile.text).toContain('21.00–06.00');
    expect(profile.text).toContain('menunggu verifikasi');
    await c.say('Ubah kategori');
    const savedCats = await c.say('3, 12');
    expect(savedCats.text).toContain('Tersimpan');
    expect(savedCats.text).toContain('Konsumsi & catering, Percetakan, spanduk & fotokopi');
    await c.say('ubah jam istirahat');
    const quiet = await c.say('22.00-05.00');
    expect(quiet.text).toContain('22.00–05.00');
    await c.say('ubah lokasi');
    await c.say('Wanayasa');
    const moved = await c.say('1');
    expect(moved.text).toContain('Kec. Wanayasa');
    await c.say('ganti bahasa');
    const en = await c.say('English');
    expect(en.text).toContain('Business profile');
    const vendor = await t.db
      .selectFrom('vendors')
      .innerJoin('districts', 'districts.code', 'vendors.district_code')
      .select(['quiet_start_minute', 'quiet_end_minute', 'districts.name'])
      .where('business_name', '=', 'Katering Sari Rasa')
      .executeTakeFirstOrThrow();
    expect(vendor).toEqual({
      quiet_start_minute: 22 * 60,
      quiet_end_minute: 5 * 60,
      name: expect.stringMatching(/wanayasa/i),
    });
  });

  it('a new vendor takes the quiet hours the regency admin set', async () => {
    await t.db
      .updateTable('procurement_settings')
      .set({ quiet_start_minute: 22 * 60, quiet_end_minute: 5 * 60 })
      .where('regency_code', '=', '32.14')
      .execute();
    try {
      const c = chat();
      await registerVendor(c);
      const quiet = () =>
        t.db
          .selectFrom('vendors as v')
          .innerJoin('channel_identities as ci', 'ci.user_id', 'v.user_id')
          .select(['v.quiet_start_minute', 'v.quiet_end_minute'])
          .where('ci.external_id', '=', c.identity)
          .executeTakeFirstOrThrow();
      expect(await quiet()).toEqual({ quiet_start_minute: 22 * 60, quiet_end_minute: 5 * 60 });
    } finally {
      await t.db
        .updateTable('procurement_settings')
        .set({ quiet_start_minute: 21 * 60, quiet_end_minute: 6 * 60 })
        .where('regency_code', '=', '32.14')
        .execute();
    }
  });

  it('typing a menu entry by name opens it (pengaduan)', async () => {
    const c = chat();
    await registerVendor(c);
    const r = await c.say('pengaduan');
    expect(r.text).toContain('Pengaduan ini tentang apa?');
    expect(optionLabels(r)).toEqual(['Hal lain / umum']);
  });

  it('an unverified officer is told to wait before posting a need', async () => {
    const c = chat();
    const menu = await registerOfficer(c);
    expect(menu.text).toContain('menunggu verifikasi');
    const r = await c.say('Buat kebutuhan baru');
    expect(r.text).toContain('masih *menunggu verifikasi*');
  });

  it('a suspended person gets one polite sentence and nothing else', async () => {
    const c = chat();
    await c.say('halo');
    await t.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', 'in', (eb) =>
        eb.selectFrom('channel_identities').select('user_id').where('external_id', '=', c.identity),
      )
      .execute();
    const r = await c.say('1');
    expect(r.type).toBe('text');
    expect(r.text).toBe('Maaf, akun Anda sedang dinonaktifkan. Silakan hubungi admin kabupaten.');
    const conv = await t.db
      .selectFrom('conversations')
      .innerJoin('channel_identities as ci', 'ci.id', 'conversations.identity_id')
      .select(['flow', 'step'])
      .where('ci.external_id', '=', c.identity)
      .executeTakeFirstOrThrow();
    expect(conv).toEqual({ flow: 'start', step: 'role' });
  });

  it('an admin links two identities of one person; the second then sees the same registration', async () => {
    const web = chat();
    await registerVendor(web);
    const other = chat();
    await other.say('halo');
    const res = await fetch(`${system.url}/api/identities/link`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        from: { channel: 'web', externalId: other.identity },
        to: { channel: 'web', externalId: web.identity },
      }),
    });
    expect(res.status).toBe(200);
    const menu = await other.say('menu');
    expect(optionLabels(menu)).toContain('Kebutuhan desa yang bisa saya tawar');
  });
});
