import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { optionLabels } from '../support/chat.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { postNeed, registerOfficer, registerVendor } from '../support/lifecycle.js';
import { eventually, startChatSystem } from '../support/system.js';
import { testClock } from '../support/time.js';

describe('complaints (pengaduan) through the chat', () => {
  let t: TestDb;
  let system: RunningSystem;
  // 10.00 WIB on the test's date: alerts are not held back by the vendors' quiet hours.
  const clock = testClock('10.00');

  beforeAll(async () => {
    t = await createTestDb();
    system = await startChatSystem(t, { clock });
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  it('a vendor complains about a tender they were invited to; the officer about something else', {
    timeout: 90_000,
  }, async () => {
    const officer = await registerOfficer(t.db, String(system.url), 'adu-officer', 'ADU-01');
    const vendor = await registerVendor(String(system.url), 'adu-vendor', 'Toko Pengadu');
    const number = await postNeed(officer, {
      title: 'Semen balai desa',
      hps: '15 juta',
      deadline: '3 hari lagi',
      neededBy: '10 hari lagi',
    });
    await vendor.waitFor((m) => m.text.includes(number));

    await vendor.say('menu');
    const about = await vendor.say('Pengaduan');
    expect(optionLabels(about)).toEqual([`${number} — Semen balai desa`, 'Hal lain / umum']);
    await vendor.say('1');
    // Too short to act on: asked again, kindly.
    expect((await vendor.say('jelek')).text).toContain('paling sedikit 10 huruf');
    const summary = await vendor.say('Batas penawaran terlalu pendek, saya baru tahu hari ini.');
    expect(summary.text).toContain(number);
    const filed = await vendor.say('1');
    const ref = /\*(ADU-\d+)\*/.exec(filed.text)?.[1];
    expect(ref, filed.text).toBeDefined();

    await officer.say('menu');
    await officer.say('Pengaduan');
    await officer.say('Hal lain / umum');
    await officer.say('Sinyal di desa sering hilang, pesan terlambat masuk.');
    await officer.say('ya');

    const rows = await t.db
      .selectFrom('complaints as c')
      .leftJoin('needs as n', 'n.id', 'c.need_id')
      .select(['c.id', 'c.regency_code', 'c.status', 'c.text', 'n.number'])
      .orderBy('c.id')
      .execute();
    expect(rows).toEqual([
      {
        id: Number(ref?.slice(4)),
        regency_code: '32.14',
        status: 'open',
        text: 'Batas penawaran terlalu pendek, saya baru tahu hari ini.',
        number,
      },
      expect.objectContaining({ regency_code: '32.14', number: null, status: 'open' }),
    ]);
    await eventually(async () => {
      const audit = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'complaint.filed')
        .execute();
      return audit.length === 2;
    });
  });
});
