import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OffsetClock } from '../../src/clock.js';
import { toLocal } from '../../src/domain/time-zone.js';
import type { RunningSystem } from '../../src/system.js';
import type { ChatClient } from '../support/chat.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { postNeed, registerOfficer, registerVendor, reportDelivery } from '../support/lifecycle.js';
import { eventually, startChatSystem } from '../support/system.js';
import { localNow, localYear, TEST_ZONE, testNow, typed, wibAt } from '../support/time.js';

// New Year's Eve of the test calendar's year, 22.00 WIB. A need posted then is numbered in the old
// year; an order awarded and received at 03.00 WIB on 1 January — when UTC still shows 31 December —
// belongs to the new one, in the regency's calendar, like every document of that day.
const year = toLocal(testNow().getTime(), TEST_ZONE).y;
const EVE = wibAt({ y: year, m: 12, d: 31 }, '22.00');
const NEW_YEAR_NIGHT = wibAt({ y: year + 1, m: 1, d: 1 }, '03.00');

describe('document numbers at the turn of the year', () => {
  let t: TestDb;
  let system: RunningSystem;
  const clock = new OffsetClock(EVE);
  let officer: ChatClient;
  let vendor: ChatClient;

  beforeAll(async () => {
    t = await createTestDb();
    system = await startChatSystem(t, { clock });
    const url = String(system.url);
    officer = await registerOfficer(t.db, url, 'ny-officer', 'NY-0001');
    vendor = await registerVendor(url, 'ny-vendor', 'Toko Tahun Baru');
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  // The scenario's name, not typed anywhere: the dates come from EVE and NEW_YEAR_NIGHT. calendar-ok
  it('a need of 31 December keeps its year; the order and BAST of 1 January 03.00 WIB take the new one', {
    timeout: 120_000,
  }, async () => {
    expect(localYear(clock)).toBe(year);
    const number = await postNeed(officer, {
      title: 'Semen untuk pos ronda',
      hps: '5 juta',
      deadline: 'jam 23.45',
      neededBy: typed.slash({ y: year + 1, m: 1, d: 5 }),
    });
    expect(number).toBe(`PD-3214-${year}-0001`);
    const need = await t.db
      .selectFrom('needs')
      .select(['id', 'quote_deadline'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    expect(need.quote_deadline.toISOString()).toBe(wibAt({ y: year, m: 12, d: 31 }, '23.45').toISOString());

    // The vendor quotes before the deadline (from the need's button; the alert waits for 06.00),
    // once matching has invited it (a tap before that finds no invitation: a run with four
    // workers tapped first).
    await eventually(async () =>
      Boolean(
        await t.db.selectFrom('invitations').select('id').where('need_id', '=', need.id).executeTakeFirst(),
      ),
    );
    await vendor.tap(`t:${need.id}:quote`);
    await vendor.say('4,5 juta');
    await vendor.say('2');
    await vendor.say('lewati');
    expect((await vendor.say('ya')).text).toContain('terkirim');

    // 1 January, 03.00 WIB: UTC is still in the old year.
    clock.set(NEW_YEAR_NIGHT);
    expect(clock.now().getUTCFullYear()).toBe(year);
    expect(localNow(clock)).toMatchObject({ y: year + 1, m: 1, d: 1, hour: 3 });
    await system.accelerate();
    const ranked = await officer.waitFor((m) => m.text.includes(number) && m.text.includes('Silakan pilih'));
    await officer.tap(String(ranked.options?.[0]?.id));
    await officer.say('lewati');
    const order = `SP-3214-${year + 1}-0001`;
    expect((await officer.say('ya')).text).toContain(`Pesanan *${order}* dikirim ke Toko Tahun Baru`);

    await vendor.waitFor((m) => m.text.includes('🎉 Selamat!') && m.text.includes(number));
    expect((await vendor.say('1')).text).toContain('menyanggupi');
    expect((await reportDelivery(vendor, 'ny-photo-1')).text).toContain('Pengiriman dilaporkan');
    await officer.waitFor((m) => m.text.includes('sudah diterima?'));
    expect((await officer.say('1')).text).toContain(
      `Berita Acara Serah Terima (BAST) nomor BAST-3214-${year + 1}-0001`,
    );
    expect(
      await t.db
        .selectFrom('orders as o')
        .innerJoin('receipts as r', 'r.order_id', 'o.id')
        .select(['o.number', 'r.bast_number'])
        .execute(),
    ).toEqual([{ number: order, bast_number: `BAST-3214-${year + 1}-0001` }]);
  });
});
