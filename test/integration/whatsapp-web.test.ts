import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { FakeWhatsAppPhone } from '../support/fake-whatsapp-web.js';
import { postNeed, registerOfficer, registerVendor, seedOpenTender } from '../support/lifecycle.js';
import { eventually, startTestSystem } from '../support/system.js';
import { testClock } from '../support/time.js';
import { WhatsAppWebChatClient } from '../support/whatsapp-web-chat.js';

const INTERVAL_MS = 150;

interface ReadyBody {
  status: string;
  channels?: Array<{ channel: string; state: string; detail?: string; qr?: string }>;
}

describe('WhatsApp Web: a linked phone through whatsapp-web.js', () => {
  let t: TestDb;
  let system: RunningSystem;
  let phone: FakeWhatsAppPhone;
  let env: Record<string, string> & { DATABASE_URL: string; REDIS_URL: string };
  // 10.00 WIB on the test's date: alerts are not held back by the vendors' quiet hours (21.00–06.00).
  const clock = testClock('10.00');

  const readyz = async () => (await (await fetch(`${system.url}/readyz`)).json()) as ReadyBody;
  const linkState = async () => (await readyz()).channels?.[0]?.state;
  /** Each test starts with the phone linked (scanning the QR code if the first test did not). */
  const linked = async () => {
    await eventually(async () => ['linking', 'ready'].includes(String(await linkState())));
    if (phone.current?.state === 'qr') phone.scan();
    await eventually(async () => (await linkState()) === 'ready');
  };

  beforeAll(async () => {
    t = await createTestDb();
    phone = new FakeWhatsAppPhone();
    env = {
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_TOKEN: TEST_TOKEN,
      WHATSAPP_MODE: 'web',
      WHATSAPP_WEB_SEND_INTERVAL_MS: String(INTERVAL_MS),
      WHATSAPP_WEB_SEND_JITTER_MS: '60',
      WHATSAPP_WEB_RECONNECT_MIN_MS: '200',
      WHATSAPP_WEB_RECONNECT_MAX_MS: '800',
    };
    system = await startTestSystem(env, 'all', { whatsappWeb: phone.factory, clock });
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  it('asks for a QR scan once, reports the link in /readyz, and a restart reuses the saved session', async () => {
    await eventually(async () => (await linkState()) === 'linking');
    const linking = await readyz();
    // Linking does not make the server unready, and the QR code is never published there.
    expect(linking.status).toBe('ready');
    expect(linking.channels?.[0]).not.toHaveProperty('qr');
    phone.scan();
    await eventually(async () => (await linkState()) === 'ready');

    await system.stop();
    system = await startTestSystem(env, 'all', { whatsappWeb: phone.factory, clock });
    await eventually(async () => (await linkState()) === 'ready');
    expect(phone.qrCodesShown).toBe(1);
    expect(phone.clients).toHaveLength(2);
  });

  it('registers a vendor who then quotes on an alert, all by typing numbers', {
    timeout: 90_000,
  }, async () => {
    await linked();
    const vendor = new WhatsAppWebChatClient(phone, t.db, '6281234567001');
    const welcome = await vendor.say('halo');
    // Options are a numbered list in the text: buttons sent from WhatsApp Web are unreliable.
    expect(welcome.text).toContain('*1.* Penyedia / pemilik usaha');
    expect(welcome.text).toContain('*2.* Perangkat desa');
    await vendor.say('1');
    await vendor.say('Toko Linked Jaya');
    const phoneQuestion = await vendor.say('Bu Ratna');
    // The number the message came from is offered, masked.
    expect(phoneQuestion.text).toContain('+62 812****001');
    await vendor.say('1');
    await vendor.say('1'); // Bahan bangunan
    await vendor.say('Bojong');
    await vendor.say('Bojong Timur');
    await vendor.say('lewati');
    const done = await vendor.say('1');
    expect(done.text).toContain('sudah terdaftar');
    expect(
      await t.db
        .selectFrom('vendors')
        .select(['business_name', 'phone_e164'])
        .where('business_name', '=', 'Toko Linked Jaya')
        .executeTakeFirstOrThrow(),
    ).toEqual({ business_name: 'Toko Linked Jaya', phone_e164: '+6281234567001' });

    const officer = await registerOfficer(t.db, system.url as string, 'officer-waweb', 'WAWEB-01');
    const number = await postNeed(officer, {
      title: 'Semen untuk gapura',
      hps: '15 juta',
      deadline: '3 hari lagi',
      neededBy: '10 hari lagi',
    });
    const alert = await vendor.waitFor((m) => m.text.includes(number));
    expect(alert.text).toContain('*1.* Ajukan penawaran');
    await vendor.say('1'); // quote; one item, so the total price is asked at once
    // "2" meant 2 juta: far below the desa's estimate, so it is asked again, not sealed.
    const slip = await vendor.say('2');
    expect(slip.text).toContain('Harga Rp2 untuk semuanya?');
    const transcriptStart = vendor.transcript.length;
    const answers = ['14 juta', '3', 'lewati'];
    for (const a of answers) await vendor.say(a);
    const sent = await vendor.say('1');
    expect(
      sent.text,
      vendor.transcript
        .slice(transcriptStart)
        .map((m) => m.text)
        .join('\n---\n'),
    ).toContain('terkirim');
    const quote = await t.db
      .selectFrom('quotes')
      .innerJoin('vendors', 'vendors.id', 'quotes.vendor_id')
      .innerJoin('needs', 'needs.id', 'quotes.need_id')
      .select(['quotes.total', 'quotes.status'])
      .where('vendors.business_name', '=', 'Toko Linked Jaya')
      .where('needs.number', '=', number)
      .executeTakeFirstOrThrow();
    expect(Number(quote.total)).toBe(14_000_000);
  });

  it('links a vendor registered elsewhere to their WhatsApp with a code; alerts then come on WhatsApp', {
    timeout: 90_000,
  }, async () => {
    await linked();
    const web = await registerVendor(String(system.url), 'web-linker', 'Toko Dua Kanal');
    await web.say('menu');
    await web.say('Profil saya');
    const shown = await web.say('Hubungkan WhatsApp / Telegram');
    const code = /hubungkan (\d{6})/.exec(shown.text)?.[1];
    expect(code, shown.text).toBeDefined();

    const wa = new WhatsAppWebChatClient(phone, t.db, '6281233300077');
    // A wrong code first: a kind sentence, nothing linked.
    expect((await wa.say('hubungkan 000000')).text).toContain('tidak dikenal');
    const done = await wa.say(`Hubungkan ${code}`);
    expect(done.text).toContain('terhubung');
    expect(done.text).toContain('Kebutuhan desa yang bisa saya tawar'); // the vendor's own menu, here too
    // The chat that was already registered hears of the link.
    const notice = await web.waitFor((m) => m.text.includes('baru saja dihubungkan'));
    expect(notice.text).toContain('WhatsApp');
    // The same code does not work twice.
    const other = new WhatsAppWebChatClient(phone, t.db, '6281233300078');
    expect((await other.say(`hubungkan ${code}`)).text).toContain('tidak dikenal');

    const identities = await t.db
      .selectFrom('channel_identities')
      .select(['channel', 'external_id', 'user_id'])
      .where('external_id', 'in', ['web-linker', '6281233300077'])
      .execute();
    expect(new Set(identities.map((i) => i.user_id)).size).toBe(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'identity.linked')
      .execute();
    expect(audit).toHaveLength(1);

    // Messages go to the chat the person used last: now WhatsApp.
    const officer = await registerOfficer(t.db, String(system.url), 'officer-link', 'LINK-01');
    const number = await postNeed(officer, {
      title: 'Pasir untuk jalan desa',
      hps: '12 juta',
      deadline: '3 hari lagi',
      neededBy: '10 hari lagi',
    });
    const alert = await wa.waitFor((m) => m.text.includes(number));
    expect(alert.text).toContain('*1.* Ajukan penawaran');
    expect((await web.fetchNew()).some((m) => m.text.includes(number))).toBe(false);
  });

  it('ignores groups, status updates, channels and its own messages', async () => {
    await linked();
    const before = await t.db.selectFrom('inbound_messages').select('id').execute();
    const sentBefore = phone.sent.length;
    phone.receive('120363025246125486@g.us', 'halo semua', { author: '6281299990000@c.us' });
    phone.receive('status@broadcast', 'status baru', { isStatus: true });
    phone.receive('120363171744447809@newsletter', 'kabar saluran');
    phone.receive('6281299990001@c.us', 'pesan dari kita sendiri', { fromMe: true });
    // A real message after them: once it is stored, the ones before it would have been too.
    const probe = new WhatsAppWebChatClient(phone, t.db, '6281299990002');
    await probe.say('halo');
    const after = await t.db.selectFrom('inbound_messages').select(['id', 'identity_id']).execute();
    expect(after.length - before.length).toBe(1);
    // Nothing went back to any of them (the earlier tests' paced alerts may still be going out).
    const ignored = ['120363025246125486', '6281299990000', 'status', '120363171744447809', '6281299990001'];
    const since = phone.sent.slice(sentBefore);
    expect(since.filter((s) => ignored.some((id) => s.to.startsWith(id)))).toEqual([]);
    expect(since.some((s) => s.to === '6281299990002')).toBe(true);
  });

  it('keeps messages queued while the phone is away and sends each once after reconnecting', {
    timeout: 90_000,
  }, async () => {
    await linked();
    const digits = ['6281277700001', '6281277700002', '6281277700003', '6281277700004'];
    // WhatsApp cannot be reached for a while: the session drops and reconnecting fails.
    phone.offline = true;
    phone.disconnect('NAVIGATION');
    await eventually(async () => (await linkState()) !== 'ready');
    const clientsBefore = phone.clients.length;
    const { needId } = await seedOpenTender(t.db, {
      number: 'PD-3214-2026-0501',
      category: 'bahan_bangunan',
      vendors: digits.map((externalId) => ({ channel: 'whatsapp' as const, externalId })),
      now: clock.now(),
    });
    await system.queues.get('match').add('match', { needId, round: 0 }, { jobId: `match-${needId}-0` });
    const alerts = () =>
      t.db
        .selectFrom('outbox')
        .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
        .select(['outbox.status', 'outbox.attempts', 'ci.external_id'])
        .where('ci.external_id', 'in', digits)
        .execute();
    await eventually(async () => (await alerts()).length === digits.length);
    // Reconnect attempts keep failing meanwhile; nothing is sent, nothing is given up.
    await eventually(async () => phone.clients.length >= clientsBefore + 2, 10_000);
    expect(phone.sent.filter((s) => digits.includes(s.to))).toEqual([]);
    // Waiting, not given up: a row may be claimed ('sending') at the instant it is read, while
    // a worker finds the phone away and puts it back (a CI run under load caught one there).
    expect((await alerts()).filter((a) => a.status !== 'pending' && a.status !== 'sending')).toEqual([]);

    phone.offline = false;
    await eventually(async () => (await linkState()) === 'ready', 15_000);
    await eventually(async () => (await alerts()).every((a) => a.status === 'sent'), 30_000);
    for (const d of digits) {
      const got = phone.sent.filter((s) => s.to === d);
      expect(got, d).toHaveLength(1);
      expect(got[0]?.body).toContain('PD-3214-2026-0501');
    }
    // Waiting for the phone spent no delivery attempts.
    expect((await alerts()).map((a) => a.attempts)).toEqual(digits.map(() => 1));

    // One at a time, never closer than the configured interval.
    const times = phone.sent
      .filter((s) => digits.includes(s.to))
      .map((s) => s.at)
      .sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(INTERVAL_MS - 5);
    }
  });

  it('marks a number without WhatsApp unreachable, for the admin to see', async () => {
    await linked();
    phone.unregistered.add('6281288800009');
    const { needId } = await seedOpenTender(t.db, {
      number: 'PD-3214-2026-0502',
      category: 'bahan_bangunan',
      vendors: [{ channel: 'whatsapp', externalId: '6281288800009' }],
      now: clock.now(),
    });
    await system.queues.get('match').add('match', { needId, round: 0 }, { jobId: `match-${needId}-0` });
    await eventually(async () => {
      const row = await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'identity.unreachable')
        .executeTakeFirst();
      return row !== undefined;
    }, 20_000);
    const identity = await t.db
      .selectFrom('channel_identities')
      .selectAll()
      .where('external_id', '=', '6281288800009')
      .executeTakeFirstOrThrow();
    expect(identity.unreachable_at).not.toBeNull();
    expect(phone.sent.filter((s) => s.to === '6281288800009')).toEqual([]);
  });
});
