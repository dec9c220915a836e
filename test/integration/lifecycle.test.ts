import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import type { RunningSystem } from '../../src/system.js';
import { ChatClient, type ChatMessage, optionLabels, TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.js';
import { matchedAndAlerted, registerVendorAs, reportDelivery, villageCode } from '../support/lifecycle.js';
import { eventually, startTestSystem } from '../support/system.js';
import { TelegramChatClient } from '../support/telegram-chat.js';
import { dayFromToday, localYear, testClock, typed } from '../support/time.js';

const TG_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const TG_SECRET = 'telegram-webhook-secret-0123456789';

describe.each(['web', 'telegram'] as const)('the procurement lifecycle through the %s chat', (channel) => {
  let t: TestDb;
  let system: RunningSystem;
  // The calendar of TEST_NOW (or today), at whatever hour it is: at night the alerts wait.
  const clock = testClock();

  let fake: FakeTelegram | undefined;
  const client = (id: string): ChatClient =>
    channel === 'web'
      ? new ChatClient(String(system.url), id)
      : new TelegramChatClient(String(system.url), t.db, TG_SECRET);

  beforeAll(async () => {
    t = await createTestDb();
    // Over Telegram the same dialogue goes through the webhook and the fake Bot API.
    fake =
      channel === 'telegram' ? await startFakeTelegram({ token: TG_TOKEN, perChatPerSecond: 30 }) : undefined;
    system = await startTestSystem(
      {
        DATABASE_URL: t.url,
        REDIS_URL: inject('redisUrl'),
        QUEUE_PREFIX: testQueuePrefix(),
        ADMIN_TOKEN: TEST_TOKEN,
        OUTBOX_SWEEP_INTERVAL_MS: '500',
        ...(fake
          ? {
              TELEGRAM_BOT_TOKEN: TG_TOKEN,
              TELEGRAM_API_ROOT: fake.url,
              TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
              TELEGRAM_RATE_PER_CHAT_PER_SECOND: '30',
            }
          : {}),
      },
      'all',
      { clock },
    );
  });
  afterAll(async () => {
    await system?.stop();
    await fake?.close();
    await t?.drop();
  });

  const registerVendor = (id: string, business: string, kecamatan: string, desa: string) =>
    registerVendorAs(client(id), business, kecamatan, desa);

  const texts = (messages: ChatMessage[]) => messages.map((m) => m.text).join('\n---\n');

  it('runs from a posted need to a rated, paid order, and the audit chain holds', {
    timeout: 240_000,
  }, async () => {
    // An officer of Desa Bojong Timur, verified by an invite code.
    await t.db
      .insertInto('invite_codes')
      .values({ code: 'BJT-0001', village_code: await villageCode(t.db, 'Bojong Timur') })
      .execute();
    const officer = client('officer-1');
    await officer.say('halo');
    await officer.say('2');
    await officer.say('Hendra Gunawan');
    await officer.say('Bojong');
    await officer.say('Bojong Timur');
    await officer.say('5');
    await officer.say('BJT-0001');
    expect((await officer.say('ya')).text).toContain('akun Anda sudah aktif'.replace('akun', 'Akun'));

    // Five vendors selling building materials, at different distances.
    const near = await registerVendor('v-desa', 'TB Bojong Jaya', 'Bojong', 'Bojong Timur');
    const kec1 = await registerVendor('v-kec1', 'TB Barat Makmur', 'Bojong', 'Bojong Barat');
    const kec2 = await registerVendor('v-kec2', 'TB Cibingbin', 'Bojong', 'Cibingbin');
    const far1 = await registerVendor('v-kab1', 'TB Plered Sentosa', 'Plered', '1');
    const far2 = await registerVendor('v-kab2', 'TB Wanayasa', 'Wanayasa', '1');
    for (const v of [near, kec1, kec2, far1, far2]) await v.fetchNew();

    // The officer posts a need for permintaan penawaran (Rp15 juta > Rp10 juta).
    expect(optionLabels(await officer.say('menu'))).toContain('Buat kebutuhan baru');
    await officer.say('Buat kebutuhan baru');
    await officer.say('Semen dan pasir untuk jalan RT 03');
    await officer.say('1');
    await officer.say('Semen 50 kg');
    await officer.say('50 sak');
    await officer.say('tambah');
    await officer.say('Pasir');
    await officer.say('2 m3');
    await officer.say('sudah');
    await officer.say('15 juta');
    await officer.say('besok jam 14');
    await officer.say('1');
    // Needed by: a date six days ahead, typed the ways people write it (25/11, 25 Nov 14.00).
    const neededBy = dayFromToday(clock, 6);
    const summary = await officer.say(
      channel === 'web' ? typed.slash(neededBy) : typed.named(neededBy, '14.00'),
    );
    expect(summary.text).toContain('Permintaan penawaran');
    expect(summary.text).toContain('minimal 2 penawaran');
    expect(summary.text).toContain('Rp15.000.000');
    const published = await officer.say('ya');
    // Numbered in the regency's year (WIB), whatever year UTC is in.
    const number = `PD-3214-${localYear(clock)}-0001`;
    expect(published.text).toContain(`Kebutuhan *${number}* sudah diumumkan`);
    const need = await t.db.selectFrom('needs').selectAll().executeTakeFirstOrThrow();
    expect(need).toMatchObject({
      method: 'permintaan_penawaran',
      min_quotes: 2,
      hps: 15_000_000,
      status: 'published',
    });

    // Matching alerts all five, nearest first.
    await eventually(async () => (await t.db.selectFrom('invitations').select('id').execute()).length === 5);
    const invitations = await t.db
      .selectFrom('invitations as i')
      .innerJoin('vendors as v', 'v.id', 'i.vendor_id')
      .select(['v.business_name', 'i.ring', 'i.rank'])
      .orderBy('i.rank')
      .execute();
    expect(invitations.map((i) => i.ring)).toEqual([
      'desa',
      'kecamatan',
      'kecamatan',
      'kabupaten',
      'kabupaten',
    ]);
    expect(invitations[0]?.business_name).toBe('TB Bojong Jaya');
    const alertRows = await t.db
      .selectFrom('outbox')
      .select(['id', 'dedupe_key'])
      .where('purpose', '=', 'alert')
      .orderBy('id')
      .execute();
    const vendorIdsInAlertOrder = alertRows.map((r) => Number(r.dedupe_key?.split(':')[2]));
    const vendorIdsInRankOrder = (
      await t.db.selectFrom('invitations').select('vendor_id').orderBy('rank').execute()
    ).map((r) => r.vendor_id);
    expect(vendorIdsInAlertOrder).toEqual(vendorIdsInRankOrder);
    await matchedAndAlerted(t.db, system, clock, number);
    const alert = await near.reply();
    expect(alert.text).toContain('Kebutuhan baru dari Desa');
    expect(optionLabels(alert)).toEqual(['Ajukan penawaran', 'Lihat rincian', 'Tidak berminat']);

    // Three vendors quote; one revises.
    const needId = need.id;
    await near.tap(`t:${needId}:quote`);
    await near.say('2'); // one total
    await near.say('14,5 juta');
    await near.say('3');
    await near.say('lewati');
    expect((await near.say('ya')).text).toContain('terkirim');
    await kec1.fetchNew();
    await kec1.say('1'); // answers the alert: quote
    await kec1.say('1'); // price per item
    await kec1.say('70rb'); // semen per sak → 3.500.000
    await kec1.say('5 juta'); // pasir per m3 → 10.000.000
    await kec1.say('2 hari');
    await kec1.say('Stok siap, bisa kirim cepat');
    expect((await kec1.say('ya')).text).toContain('terkirim');
    await far1.fetchNew();
    await far1.tap(`t:${needId}:quote`);
    await far1.say('total');
    await far1.say('13.200.000');
    await far1.say('5');
    await far1.say('lewati');
    await far1.say('ya');
    // The nearest vendor revises down.
    await near.say('menu');
    await near.say('Penawaran saya');
    await near.say('1');
    await near.say('Ubah penawaran');
    await near.say('2');
    await near.say('14 juta');
    await near.say('3');
    await near.say('lewati');
    expect((await near.say('ya')).text).toContain('diperbarui');
    await far2.fetchNew();
    await far2.tap(`t:${needId}:decline`);

    // Before the deadline the officer sees counts, never prices.
    const beforeDeadline = await officer.fetchNew();
    expect(texts(beforeDeadline)).toContain(`Sudah 3 penawaran masuk untuk *${number}*`);
    await officer.say('menu');
    await officer.say('Kebutuhan saya');
    const sealed = await officer.say('1');
    expect(sealed.text).toContain('Harga dibuka setelah batas penawaran');
    for (const amount of ['14.500.000', '14.000.000', '13.500.000', '13.200.000', '3.500.000']) {
      expect(texts(officer.transcript)).not.toContain(amount);
      for (const v of [near, kec2, far2]) expect(texts(v.transcript)).not.toContain('13.200.000');
    }

    // The deadline passes (tomorrow 14.00 WIB): the officer gets the ranked list.
    clock.set(new Date(need.quote_deadline.getTime() + 60_000));
    await system.accelerate();
    await eventually(async () => {
      const n = await t.db
        .selectFrom('needs')
        .select('status')
        .where('id', '=', needId)
        .executeTakeFirstOrThrow();
      return n.status === 'closed';
    });
    const ranked = await officer.waitFor((m) => m.text.includes('Silakan pilih penyedia'));
    expect(ranked.text).toContain('3 penawaran masuk');
    expect(optionLabels(ranked)).toEqual([
      'TB Plered Sentosa — Rp13.200.000',
      'TB Barat Makmur — Rp13.500.000',
      'TB Bojong Jaya — Rp14.000.000',
    ]);

    // A late quote is refused politely.
    await kec2.fetchNew();
    const late = await kec2.tap(`t:${needId}:quote`);
    expect(late.text).toContain('batas penawaran untuk kebutuhan ini sudah lewat');
    expect(
      await t.db
        .selectFrom('quotes')
        .select('id')
        .where('vendor_id', 'in', (eb) =>
          eb.selectFrom('vendors').select('id').where('business_name', '=', 'TB Cibingbin'),
        )
        .execute(),
    ).toEqual([]);

    // The officer awards the second-lowest quote, with a reason, after negotiating.
    expect((await officer.say('2')).text).toContain('bukan yang termurah');
    await officer.say('Stok siap dan kirim 2 hari, lebih cepat dari yang lain');
    await officer.say('13.400.000');
    const confirm = await officer.say('ya');
    const orderNumber = `SP-3214-${localYear(clock)}-0001`;
    expect(confirm.text).toContain(`Pesanan *${orderNumber}* dikirim ke TB Barat Makmur (Rp13.400.000)`);
    const order = await t.db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      amount: 13_400_000,
      offered_amount: 13_500_000,
      status: 'awaiting_acceptance',
    });
    expect(order.amount_words).toBe('Tiga belas juta empat ratus ribu rupiah');
    expect(order.award_reason).toContain('Stok siap');

    const won = await kec1.waitFor((m) => m.text.includes('🎉 Selamat!'));
    expect(optionLabels(won)).toEqual(['Sanggup', 'Tolak']);
    // …with the order document (surat perjanjian for this method) behind a signed link.
    const doc = (await kec1.waitFor((m) => m.type === 'document')) as ChatMessage & {
      url: string;
      filename: string;
    };
    expect(doc.filename).toBe(`${orderNumber}.pdf`);
    const pdf = await fetch(doc.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(doc.url.replace(/sig=[0-9a-f]+/, 'sig=00'))).status).toBe(403);

    // The vendor accepts, delivers with a photo; the officer confirms receipt and pays.
    expect((await kec1.say('1')).text).toContain('menyanggupi');
    // Once the winner has accepted, everyone else learns the result.
    expect((await near.waitFor((m) => m.text.includes('dipilih TB Barat Makmur'))).text).toContain(
      'dipilih TB Barat Makmur seharga Rp13.400.000',
    );
    await far1.waitFor((m) => m.text.includes('dipilih TB Barat Makmur'));
    // The officer now arranges the delivery with the supplier: the one who gets its number.
    const acceptedNotice = await officer.waitFor((m) => m.text.includes('menyanggupi pesanan'));
    expect(acceptedNotice.text).toContain('hubungi penyedia di +62 812-3456-7890');
    await officer.fetchNew();
    expect((await reportDelivery(kec1, 'photo-delivery-1')).text).toContain('Pengiriman dilaporkan');
    const receiptAsk = await officer.waitFor((m) => m.text.includes('sudah diterima?'));
    expect(optionLabels(receiptAsk)).toEqual(['Diterima dengan baik', 'Ada masalah']);
    // What the vendor reported reaches the officer before confirming (issue 22 item 7, in part).
    expect(receiptAsk.text).toContain('Catatan penyedia: Sudah sampai');
    expect(receiptAsk.text).toContain('foto bukti');
    const received = await officer.say('1');
    expect(received.text).toContain(
      `Berita Acara Serah Terima (BAST) nomor BAST-3214-${localYear(clock)}-0001`,
    );
    await officer.say('1');
    await officer.say('1');
    const paid = await officer.say('transfer');
    expect(paid.text).toContain('Pembayaran dicatat');
    expect((await officer.say('5')).text).toContain('Terima kasih');
    await kec1.fetchNew();
    expect((await kec1.say('4')).text).toContain('Terima kasih');

    // Everything is recorded, and the chain of the audit log verifies.
    await eventually(async () => {
      const o = await t.db.selectFrom('orders').select('status').executeTakeFirstOrThrow();
      return o.status === 'completed';
    });
    const finalNeed = await t.db
      .selectFrom('needs')
      .select('status')
      .where('id', '=', needId)
      .executeTakeFirstOrThrow();
    expect(finalNeed.status).toBe('completed');
    expect(await t.db.selectFrom('deliveries').select('photo_media_id').execute()).toEqual([
      { photo_media_id: expect.any(Number) },
    ]);
    expect(await t.db.selectFrom('payments').select(['amount', 'method']).execute()).toEqual([
      { amount: 13_400_000, method: 'transfer' },
    ]);
    const vendorRating = await t.db
      .selectFrom('vendors')
      .select(['rating_sum', 'rating_count'])
      .where('business_name', '=', 'TB Barat Makmur')
      .executeTakeFirstOrThrow();
    expect(vendorRating).toEqual({ rating_sum: 5, rating_count: 1 });
    const actions = (await t.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map(
      (a) => a.action,
    );
    for (const a of [
      'need.published',
      'need.matched',
      'quote.submitted',
      'quote.revised',
      'need.closed',
      'need.awarded',
      'order.accept',
      'order.report_delivery',
      'order.confirm_receipt',
      'order.record_payment',
      'order.complete',
    ]) {
      expect(actions).toContain(a);
    }
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: actions.length, brokenAt: null });
    // Over Telegram, every message recorded as sent really reached the Bot API, once.
    if (fake) {
      for (const c of [officer, near, kec1, kec2, far1, far2]) {
        const sent = await t.db
          .selectFrom('outbox')
          .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
          .select('outbox.id')
          .where('ci.channel', '=', 'telegram')
          .where('ci.external_id', '=', c.identity)
          .where('outbox.status', '=', 'sent')
          .execute();
        expect(fake.sent(c.identity)).toHaveLength(sent.length);
      }
    }
  });
});
