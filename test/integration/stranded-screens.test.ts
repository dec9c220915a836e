import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { type ChatClient, optionLabels } from '../support/chat.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { matchedAndAlerted, postNeed, registerOfficer, registerVendor } from '../support/lifecycle.js';
import { eventually, startChatSystem } from '../support/system.js';
import { dayFromToday, testClock, typed } from '../support/time.js';

/**
 * Issue 22, items 1 and 2: screens that stranded people after the deadline, through the web
 * chat. A vendor who opens its quote after the deadline sees where it stands, and an order's
 * buttons act whatever screen the vendor is on; an officer's need shows its real state and only
 * what that state allows.
 */
describe('no screen strands a person after the deadline', () => {
  let t: TestDb;
  let system: RunningSystem;
  const clock = testClock();
  let officer: ChatClient;
  let cheap: ChatClient;
  let dear: ChatClient;

  beforeAll(async () => {
    t = await createTestDb();
    system = await startChatSystem(t, { clock });
    const url = String(system.url);
    officer = await registerOfficer(t.db, url, 'ss-officer', 'SS-0001');
    cheap = await registerVendor(url, 'ss-cheap', 'Toko Murah');
    dear = await registerVendor(url, 'ss-dear', 'Toko Cepat');
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  const needOf = (number: string) =>
    t.db
      .selectFrom('needs')
      .select(['id', 'status', 'quote_deadline'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();

  async function quote(vendor: ChatClient, needId: number, amount: string) {
    await vendor.tap(`t:${needId}:quote`);
    await vendor.say(amount);
    await vendor.say('3');
    await vendor.say('lewati');
    expect((await vendor.say('ya')).text).toContain('terkirim');
  }

  /** Menu → Penawaran saya → the first quote: the screen of that quote. */
  async function openMyQuote(vendor: ChatClient) {
    await vendor.say('menu');
    await vendor.say('Penawaran saya');
    return vendor.say('1');
  }

  it('shows an open need with its state and quote count, a vendor its quote waiting, and awards from any screen', {
    timeout: 180_000,
  }, async () => {
    const number = await postNeed(officer, {
      title: 'Semen untuk talud',
      hps: '20 juta',
      deadline: 'besok jam 14',
      neededBy: typed.slash(dayFromToday(clock, 8)),
    });
    const need = await needOf(number);
    await matchedAndAlerted(t.db, system, clock, number);
    await quote(cheap, need.id, '18 juta');
    await quote(dear, need.id, '19 juta');

    // Item 2, an open need: its state and how many quotes came, no price, no award buttons.
    await officer.waitFor((m) => m.text.includes(`Sudah 2 penawaran masuk untuk *${number}*`));
    await officer.fetchNew();
    await officer.say('menu');
    await officer.say('Kebutuhan saya');
    const open = await officer.say('1');
    expect(open.text).toContain(number);
    expect(open.text).toContain('menerima penawaran');
    expect(open.text).toContain('Penawaran masuk sejauh ini: 2');
    expect(open.text).not.toContain('18.000.000');
    expect(optionLabels(open)).toEqual(['Kembali ke daftar', 'Kembali ke menu']);
    await officer.say('menu');

    // The deadline passes; the officer is told (wait for it, so the notice cannot move the
    // officer's chat mid-answer later).
    clock.set(new Date(need.quote_deadline.getTime() + 60_000));
    await system.accelerate();
    await officer.waitFor((m) => m.text.includes(number) && m.text.includes('Silakan pilih penyedia'));

    // Item 1: the vendor opens its quote after the deadline and sees it is being assessed,
    // with a way back — and stays on that screen.
    const waiting = await openMyQuote(dear);
    expect(waiting.text).toContain('sedang dinilai desa');
    expect(waiting.text).toContain('Rp19.000.000');
    expect(optionLabels(waiting)).toEqual(['Kembali ke menu']);

    // The officer awards the dearer quote, with a reason.
    await officer.say('menu');
    await officer.say('Kebutuhan saya');
    const closed = await officer.say('1');
    expect(closed.text).toContain('menunggu pemilihan');
    expect(optionLabels(closed)[0]).toBe('Lihat penawaran & pilih penyedia');
    const ranked = await officer.say('1');
    expect(optionLabels(ranked)).toEqual(['Toko Murah — Rp18.000.000', 'Toko Cepat — Rp19.000.000']);
    await officer.say('2');
    await officer.say('Bisa kirim lebih cepat ke lokasi talud');
    await officer.say('lewati');
    expect((await officer.say('ya')).text).toContain('Toko Cepat');

    // The award message's "Sanggup" acts although the vendor's screen is the old quote.
    const won = await dear.waitFor((m) => m.text.includes('🎉 Selamat!'));
    const accept = won.options?.find((o) => o.label === 'Sanggup');
    expect(accept?.id).toMatch(/^o:\d+:accept$/);
    const accepted = await dear.tap(String(accept?.id));
    expect(accepted.text).toContain('menyanggupi');
    await eventually(async () => (await needOf(number)).status === 'ordered');

    // The other vendor's quote screen now says it was not chosen; the winner's that it was.
    await cheap.waitFor((m) => m.text.includes('dipilih Toko Cepat'));
    expect((await openMyQuote(cheap)).text).toContain('tidak dipilih');
    const chosen = await openMyQuote(dear);
    expect(chosen.text).toContain('dipilih 🎉');
    expect(optionLabels(chosen)).toEqual(['Pesanan saya', 'Kembali ke menu']);

    // Item 2, an awarded need: its order and state; none of the too-few-quotes choices.
    await officer.fetchNew();
    await officer.say('menu');
    await officer.say('Kebutuhan saya');
    const ordered = await officer.say('1');
    expect(ordered.text).toContain('Toko Cepat');
    expect(ordered.text).toContain('disanggupi penyedia');
    expect(ordered.text).not.toContain('paling sedikit');
    expect(optionLabels(ordered)).toEqual(['Kembali ke daftar', 'Kembali ke menu']);
    const list = await officer.say('Kembali ke daftar');
    expect(optionLabels(list).some((l) => l.includes(number))).toBe(true);
  });
});
