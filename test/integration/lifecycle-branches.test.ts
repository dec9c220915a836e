import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { type ChatClient, optionLabels } from '../support/chat.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { matchedAndAlerted, registerOfficer, registerVendor } from '../support/lifecycle.js';
import { eventually, startChatSystem } from '../support/system.js';
import { dayFromToday, testClock, typed } from '../support/time.js';

describe('lifecycle branches: direct purchase, too few quotes, a declined order', () => {
  let t: TestDb;
  let system: RunningSystem;
  const clock = testClock();
  let officer: ChatClient;
  let near: ChatClient;
  let other: ChatClient;

  beforeAll(async () => {
    t = await createTestDb();
    system = await startChatSystem(t, { clock });
    const url = String(system.url);
    officer = await registerOfficer(t.db, url, 'br-officer', 'BR-0001');
    near = await registerVendor(url, 'br-near', 'Toko Dekat');
    other = await registerVendor(url, 'br-other', 'Toko Jauh', 'Plered', '1');
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  const needStatus = async (number: string) =>
    (await t.db.selectFrom('needs').select('status').where('number', '=', number).executeTakeFirstOrThrow())
      .status;

  const deadlineOf = async (number: string) =>
    (
      await t.db
        .selectFrom('needs')
        .select('quote_deadline')
        .where('number', '=', number)
        .executeTakeFirstOrThrow()
    ).quote_deadline;

  /** The quote deadline of the need passes, and the timers that were waiting for it fire. */
  /**
   * The quote deadline of the need passes and the timers fire. An earlier test's need may close
   * at the same moment (same "besok jam 14"): wait until every need past its deadline is closed
   * and its notice reached the officer, so no late notice moves the officer's chat mid-answer.
   */
  async function pastDeadline(number: string) {
    clock.set(new Date((await deadlineOf(number)).getTime() + 60_000));
    await system.accelerate();
    await eventually(async () => {
      const open = await t.db
        .selectFrom('needs')
        .select('id')
        .where('status', '=', 'published')
        .where('quote_deadline', '<', clock.now())
        .execute();
      const unsent = await t.db
        .selectFrom('outbox')
        .select('id')
        .where('status', 'in', ['pending', 'sending'])
        .where('not_before', '<=', clock.now())
        .execute();
      return open.length === 0 && unsent.length === 0;
    });
  }

  async function startNeed(title: string, hps: string) {
    await officer.say('menu');
    await officer.say('Buat kebutuhan baru');
    await officer.say(title);
    await officer.say('1');
    await officer.say('Semen 50 kg');
    await officer.say('10 sak');
    await officer.say('sudah');
    await officer.say(hps);
    await officer.say('besok jam 14');
    await officer.say('1');
    await officer.say(typed.slash(dayFromToday(clock, 4)));
    return officer.say('ya');
  }

  it('a direct purchase goes only to the vendor the officer picked from the recommendations', {
    timeout: 120_000,
  }, async () => {
    const route = await startNeed('Semen untuk pos ronda', '2 juta');
    expect(optionLabels(route)).toEqual([
      'Minta penawaran dari penyedia terdekat',
      'Pilih langsung dari rekomendasi',
    ]);
    const recommended = await officer.say('2');
    // The nearest vendor (same desa) comes first.
    expect(optionLabels(recommended)[0]).toMatch(/^Toko Dekat — dari desa ini/);
    expect(optionLabels(recommended)).toContain('Toko Jauh — dari luar kecamatan');
    const published = await officer.say('Toko Jauh');
    const number = /\*(PD-[\d-]+)\*/.exec(published.text)?.[1] as string;
    expect(published.text).toContain('Pembelian langsung');
    await matchedAndAlerted(t.db, system, clock, number);
    await eventually(async () => (await t.db.selectFrom('invitations').select('id').execute()).length === 1);
    const invited = await t.db
      .selectFrom('invitations as i')
      .innerJoin('vendors as v', 'v.id', 'i.vendor_id')
      .innerJoin('needs as n', 'n.id', 'i.need_id')
      .select(['v.business_name', 'n.direct_vendor_id'])
      .where('n.number', '=', number)
      .execute();
    expect(invited).toEqual([{ business_name: 'Toko Jauh', direct_vendor_id: expect.any(Number) }]);
    expect((await other.waitFor((m) => m.text.includes(number))).text).toContain('Kebutuhan baru');
    expect(near.transcript.some((m) => m.text.includes(number))).toBe(false);
    expect(await needStatus(number)).toBe('published');
  });

  it('with too few quotes the officer extends the deadline instead of awarding', {
    timeout: 120_000,
  }, async () => {
    const published = await startNeed('Pasir untuk talud', '50 juta');
    const number = /\*(PD-[\d-]+)\*/.exec(published.text)?.[1] as string;
    await matchedAndAlerted(t.db, system, clock, number);
    const needId = (
      await t.db.selectFrom('needs').select('id').where('number', '=', number).executeTakeFirstOrThrow()
    ).id;
    // A vendor taps the alert's button once the alert is there.
    await near.waitFor((m) => m.text.includes(number) && m.text.includes('Kebutuhan baru'));
    await near.tap(`t:${needId}:quote`);
    await near.say('48 juta');
    await near.say('4');
    await near.say('lewati');
    expect((await near.say('ya')).text).toContain('terkirim');

    await pastDeadline(number);
    const choice = await officer.waitFor(
      (m) => m.text.includes(number) && m.text.includes('paling sedikit 2'),
    );
    expect(optionLabels(choice)).toEqual([
      'Perpanjang batas waktu',
      'Perluas ke penyedia lain',
      'Nyatakan gagal',
    ]);
    expect(await needStatus(number)).toBe('closed');
    // Tapping the button: it names this need, whatever else closed at the same moment.
    await officer.tap(String(choice.options?.[0]?.id));
    // Far enough that the next test's clock jump does not close this need again.
    const extended = await officer.say(typed.named(dayFromToday(clock, 10), '10.00'));
    expect(extended.text).toContain('diperpanjang');
    expect(await needStatus(number)).toBe('published');
    expect(await t.db.selectFrom('orders').select('id').execute()).toEqual([]);

    // Issue 22 item 3: every invited vendor who has not declined learns the new deadline — the
    // one who quoted that the quote still stands (held through quiet hours like any alert).
    const invitees = await t.db
      .selectFrom('invitations as i')
      .innerJoin('vendors as v', 'v.id', 'i.vendor_id')
      .select(['i.vendor_id', 'v.business_name', 'i.status'])
      .where('i.need_id', '=', needId)
      .where('i.status', '!=', 'declined')
      .execute();
    expect(invitees.length).toBeGreaterThanOrEqual(1);
    const notices = await t.db
      .selectFrom('outbox')
      .select(['dedupe_key', 'payload'])
      .where('dedupe_key', 'like', `extended:${needId}:%`)
      .execute();
    expect(notices).toHaveLength(invitees.length);
    for (const v of invitees) {
      const notice = notices.find((n) => n.dedupe_key?.startsWith(`extended:${needId}:${v.vendor_id}:`));
      const text = (notice?.payload as { text?: string } | undefined)?.text ?? '';
      expect(text, v.business_name).toContain(number);
      expect(text, v.business_name).toContain(
        v.status === 'quoted' ? 'tetap berlaku' : 'masih bisa mengajukan',
      );
    }
    expect(invitees.find((v) => v.business_name === 'Toko Dekat')?.status).toBe('quoted');
  });

  it('a declined order goes back to the officer, who picks the next vendor', {
    timeout: 120_000,
  }, async () => {
    const published = await startNeed('Batu kali', '30 juta');
    const number = /\*(PD-[\d-]+)\*/.exec(published.text)?.[1] as string;
    const needId = (
      await t.db.selectFrom('needs').select('id').where('number', '=', number).executeTakeFirstOrThrow()
    ).id;
    await eventually(
      async () =>
        (await t.db.selectFrom('invitations').select('id').where('need_id', '=', needId).execute()).length ===
        2,
    );
    await matchedAndAlerted(t.db, system, clock, number);
    for (const [v, price] of [
      [near, '25 juta'],
      [other, '26 juta'],
    ] as const) {
      await v.waitFor((m) => m.text.includes(number) && m.text.includes('Kebutuhan baru'));
      await v.tap(`t:${needId}:quote`);
      await v.say(price);
      await v.say('3');
      await v.say('lewati');
      await v.say('ya');
    }
    await pastDeadline(number);
    const ranked = await officer.waitFor(
      (m) => m.text.includes(number) && m.text.includes('Silakan pilih penyedia'),
    );
    await officer.tap(String(ranked.options?.[0]?.id)); // the lowest: no reason needed
    await officer.say('lewati');
    expect((await officer.say('ya')).text).toContain('dikirim ke Toko Dekat');
    await near.waitFor((m) => m.text.includes('🎉 Selamat!') && m.text.includes(number));
    await near.say('2'); // decline
    expect((await near.say('Stok semen habis')).text).toContain('Pesanan ditolak');
    const back = await officer.waitFor(
      (m) => m.text.includes('menolak pesanan') && m.text.includes('Stok semen habis'),
    );
    expect(back.text).toContain('pilih penyedia berikutnya');
    expect(await needStatus(number)).toBe('closed');
    // The declined vendor is out of the list; the other one is now the lowest on offer.
    const list = await officer.say('lihat');
    expect(optionLabels(list)).toEqual(['Toko Jauh — Rp26.000.000']);
    await officer.say('1');
    await officer.say('lewati');
    expect((await officer.say('ya')).text).toContain('dikirim ke Toko Jauh');
    const orders = await t.db
      .selectFrom('orders')
      .select(['status', 'amount'])
      .where('need_id', '=', needId)
      .orderBy('id')
      .execute();
    expect(orders).toEqual([
      { status: 'declined', amount: 25_000_000 },
      { status: 'awaiting_acceptance', amount: 26_000_000 },
    ]);
  });

  it('a vendor who idles mid-quote and starts again is back at the same tender', {
    timeout: 60_000,
  }, async () => {
    const published = await startNeed('Semen untuk pos ronda', '30 juta');
    const number = /\*(PD-[\d-]+)\*/.exec(published.text)?.[1] as string;
    await matchedAndAlerted(t.db, system, clock, number);
    const alert = await near.waitFor((m) => m.text.includes(number) && m.text.includes('Kebutuhan baru'));
    await near.tap(String(alert.options?.[0]?.id)); // Ajukan penawaran
    await near.say('28 juta');
    // Two hours pass in the middle of the quote.
    await t.db
      .updateTable('conversations')
      .set({ last_turn_at: new Date(clock.now().getTime() - 2 * 3600_000) })
      .where('identity_id', 'in', (eb) =>
        eb.selectFrom('channel_identities').select('id').where('external_id', '=', 'br-near'),
      )
      .execute();
    const offer = await near.say('4');
    expect(optionLabels(offer)).toEqual(['Ya, lanjutkan', 'Mulai lagi dari awal']);
    // Starting again keeps what the form was about (this need), not the answers.
    const again = await near.say('tidak');
    expect(again.text).toContain(number);
    expect(optionLabels(again)[0]).toContain('Ajukan penawaran');
    await near.tap(String(again.options?.[0]?.id));
    await near.say('27 juta');
    await near.say('4');
    await near.say('lewati');
    expect((await near.say('ya')).text).toContain('terkirim');
  });
});
