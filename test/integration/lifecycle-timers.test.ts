import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deliverJobId } from '../../src/conversation/relay.js';
import { timerJobId } from '../../src/procurement/timers.js';
import type { RunningSystem } from '../../src/system.js';
import { ChatClient, type ChatMessage, optionLabels, TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import {
  changeQuietHours,
  countMessages,
  matchedAndAlerted,
  outboxOf,
  postNeed,
  registerOfficer,
  registerVendor,
  sleep,
  vendorId,
} from '../support/lifecycle.js';
import { eventually, startTestSystem } from '../support/system.js';
import { dayFromToday, testClock, typed, wibAt } from '../support/time.js';

const env = (t: TestDb, prefix: string) => ({
  DATABASE_URL: t.url,
  REDIS_URL: inject('redisUrl'),
  QUEUE_PREFIX: prefix,
  ADMIN_TOKEN: TEST_TOKEN,
  OUTBOX_SWEEP_INTERVAL_MS: '500',
});

const mentions = (text: string) => (m: ChatMessage) => m.text.includes(text);

describe('quiet hours hold a tender alert until the morning', () => {
  // 22.00 WIB on the test's date: inside the default quiet hours (21.00–06.00).
  const clock = testClock('22.00');
  // 06.00 WIB the next morning (the next year's, on 31 December).
  const MORNING = wibAt(dayFromToday(clock, 1), '06.00');
  const prefix = testQueuePrefix();
  let t: TestDb;
  let system: RunningSystem;
  let deliver: Queue;

  beforeAll(async () => {
    t = await createTestDb();
    system = await startTestSystem(env(t, prefix), 'all', { clock });
    deliver = new Queue('deliver', { connection: { url: inject('redisUrl') }, prefix });
  });
  afterAll(async () => {
    await deliver?.close();
    await system?.stop();
    await t?.drop();
  });

  it('defers the quiet vendor’s alert to 06.00 WIB and delivers it once after the clock gets there', {
    timeout: 120_000,
  }, async () => {
    const url = String(system.url);
    const officer = await registerOfficer(t.db, url, 'qh-officer', 'BJT-QH01');
    const quiet = await registerVendor(url, 'qh-quiet', 'TB Tidur Nyenyak');
    const awake = await registerVendor(url, 'qh-awake', 'TB Melek Terus', 'Bojong', 'Bojong Barat');
    const profile = await changeQuietHours(awake, 'tidak ada');
    expect(profile.text).toContain('Jam istirahat (tidak dikirimi info): tidak ada');
    expect(optionLabels(await awake.say('Kembali ke menu'))).toContain('Kebutuhan desa yang bisa saya tawar');
    await awake.fetchNew();
    await quiet.fetchNew();
    const quietId = await vendorId(t.db, 'TB Tidur Nyenyak');
    const awakeId = await vendorId(t.db, 'TB Melek Terus');
    expect(
      await t.db
        .selectFrom('vendors')
        .select(['id', 'quiet_start_minute', 'quiet_end_minute'])
        .where('id', 'in', [quietId, awakeId])
        .orderBy('id')
        .execute(),
    ).toEqual([
      { id: quietId, quiet_start_minute: 21 * 60, quiet_end_minute: 6 * 60 },
      { id: awakeId, quiet_start_minute: 0, quiet_end_minute: 0 },
    ]);

    // 22.00 WIB: the officer posts a need (Rp5 juta: pembelian langsung), due tomorrow 14.00.
    const number = await postNeed(officer, {
      title: 'Semen untuk pos ronda',
      hps: '5 juta',
      deadline: 'besok jam 14',
      neededBy: typed.slash(dayFromToday(clock, 6)),
    });
    const need = await t.db
      .selectFrom('needs')
      .select(['id', 'method', 'quote_deadline'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    expect(need.method).toBe('pembelian_langsung');
    expect(need.quote_deadline.toISOString()).toBe(wibAt(dayFromToday(clock, 1), '14.00').toISOString());

    // Matching alerts both; only the vendor without quiet hours is alerted at once.
    await eventually(
      async () =>
        (await t.db.selectFrom('invitations').select('id').where('need_id', '=', need.id).execute())
          .length === 2,
    );
    const [quietAlert] = await outboxOf(t.db, 'qh-quiet', 'alert');
    const [awakeAlert] = await outboxOf(t.db, 'qh-awake', 'alert');
    expect(quietAlert?.dedupe_key).toBe(`alert:${need.id}:${quietId}`);
    expect(quietAlert?.not_before.toISOString()).toBe(MORNING.toISOString());
    expect(awakeAlert?.dedupe_key).toBe(`alert:${need.id}:${awakeId}`);
    expect(awakeAlert?.not_before.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    expect(awakeAlert?.not_before.getTime()).toBeLessThan(MORNING.getTime());

    // The other vendor's alert went through the worker…
    const awakeGot = await awake.waitFor(mentions(number));
    expect(awakeGot.text).toContain('Kebutuhan baru dari Desa');

    // …and accelerating while it is still night runs the quiet alert's job, which puts itself
    // back to wait instead of sending.
    const quietJobId = deliverJobId(quietAlert!.id, quietAlert!.attempts);
    await system.accelerate();
    await eventually(async () => {
      const job = await deliver.getJob(quietJobId);
      return (job?.attemptsStarted ?? 0) >= 1 && (await job?.getState()) === 'delayed';
    });
    await quiet.fetchNew();
    expect(countMessages(quiet.transcript, mentions(number))).toBe(0);
    expect((await outboxOf(t.db, 'qh-quiet', 'alert')).map((r) => r.status)).toEqual(['pending']);

    // 06.01 WIB: the morning releases it.
    clock.set(new Date(MORNING.getTime() + 60_000));
    await system.accelerate();
    const alert = await quiet.waitFor(mentions(number));
    expect(alert.text).toContain('Kebutuhan baru dari Desa');
    expect(optionLabels(alert)).toEqual(['Ajukan penawaran', 'Lihat rincian', 'Tidak berminat']);

    // Exactly once, even after another acceleration and a few sweeps.
    await system.accelerate();
    await sleep(1_500);
    await quiet.fetchNew();
    await awake.fetchNew();
    expect(countMessages(quiet.transcript, mentions(number))).toBe(1);
    expect(countMessages(awake.transcript, mentions(number))).toBe(1);
    const quietRows = await outboxOf(t.db, 'qh-quiet', 'alert');
    expect(quietRows.map((r) => r.status)).toEqual(['sent']);
  });

  // Both vendors were moved to the alert's question when the need was matched, at 22.00; it is
  // now 06.01. Neither has answered anything yet.
  it('lets the vendor answer the morning alert by typing its number', async () => {
    const quiet = new ChatClient(String(system.url), 'qh-quiet');
    await quiet.fetchNew();
    // Ajukan penawaran: the need has one item, so the total is asked at once.
    expect((await quiet.say('1')).text).toContain('Berapa harga total penawaran Anda?');
    await quiet.say('4,5 juta');
    await quiet.say('2');
    await quiet.say('lewati');
    expect((await quiet.say('ya')).text).toContain('terkirim');
  });

  it('takes a vendor who has only been shown an alert straight to the menu', async () => {
    const awake = new ChatClient(String(system.url), 'qh-awake');
    await awake.fetchNew();
    const menu = await awake.say('menu');
    expect(menu.text).toContain('Menu utama');
    expect(optionLabels(menu)).toContain('Kebutuhan desa yang bisa saya tawar');
  });
});

describe('a vendor chatting in quiet hours, before the held alert goes out', () => {
  const clock = testClock('22.00');
  let t: TestDb;
  let system: RunningSystem;

  beforeAll(async () => {
    t = await createTestDb();
    system = await startTestSystem(env(t, testQueuePrefix()), 'all', { clock });
  });
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  it('answers the menu the vendor last saw, not the alert it has not seen', {
    timeout: 120_000,
  }, async () => {
    const url = String(system.url);
    const officer = await registerOfficer(t.db, url, 'nt-officer', 'BJT-NT01');
    const vendor = await registerVendor(url, 'nt-vendor', 'TB Begadang');
    const lastSeen = vendor.transcript[vendor.transcript.length - 1];
    expect(lastSeen && optionLabels(lastSeen)[0]).toBe('Kebutuhan desa yang bisa saya tawar');

    const number = await postNeed(officer, {
      title: 'Batu kali untuk talud',
      item: 'Batu kali',
      quantity: '3 m3',
      hps: '2 juta',
      deadline: 'besok jam 14',
      neededBy: typed.slash(dayFromToday(clock, 6)),
    });
    await eventually(async () => (await outboxOf(t.db, 'nt-vendor', 'alert')).length === 1);
    const [held] = await outboxOf(t.db, 'nt-vendor', 'alert');
    expect(held?.not_before.toISOString()).toBe(wibAt(dayFromToday(clock, 1), '06.00').toISOString());

    // 22.05 WIB: the vendor, still looking at the menu, picks its first entry.
    const reply = await vendor.say('1');
    expect(vendor.transcript.some(mentions('Kebutuhan baru dari Desa'))).toBe(false);
    expect(reply.text).toContain('Kebutuhan desa yang bisa Anda tawar:');
    expect(optionLabels(reply)[0]).toContain(number);
  });
});

describe('a worker restart between scheduling and firing a reminder', () => {
  // The test's instant, any hour: at night the alert waits for the morning first.
  const clock = testClock();
  const prefix = testQueuePrefix();
  const systems: RunningSystem[] = [];
  let t: TestDb;
  let server: RunningSystem;
  let timersQueue: Queue;

  beforeAll(async () => {
    t = await createTestDb();
    server = await startTestSystem(env(t, prefix), 'server', { clock });
    systems.push(server);
    timersQueue = new Queue('timers', { connection: { url: inject('redisUrl') }, prefix });
  });
  afterAll(async () => {
    await timersQueue?.close();
    for (const s of systems.reverse()) await s.stop();
    await t?.drop();
  });

  const isReminder = (m: ChatMessage) => m.text.startsWith('⏰ Pengingat');

  it('fires the 24-hour reminder once from the new worker', { timeout: 120_000 }, async () => {
    const first = await startTestSystem(env(t, prefix), 'worker', { clock });
    systems.push(first);
    expect(first.url).toBeNull();
    const url = String(server.url);
    const officer = await registerOfficer(t.db, url, 'rs-officer', 'BJT-RS01');
    const vendor = await registerVendor(url, 'rs-vendor', 'TB Sabar Menanti');

    // Deadline the day after tomorrow, 14.00 WIB: both reminders (24 h and 2 h before) lie ahead.
    const expectedDeadline = wibAt(dayFromToday(clock, 2), '14.00');
    const number = await postNeed(officer, {
      title: 'Pasir untuk selokan',
      item: 'Pasir',
      quantity: '2 m3',
      hps: '4 juta',
      deadline: 'lusa jam 14',
      // A weekday name, five days ahead (the parser takes the next one after today).
      neededBy: `${typed.weekday(dayFromToday(clock, 5))} jam 10`,
    });
    const need = await t.db
      .selectFrom('needs')
      .select(['id', 'quote_deadline'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    const deadline = need.quote_deadline.getTime();
    expect(need.quote_deadline.toISOString()).toBe(expectedDeadline.toISOString());
    const remind = (minutes: number) => ({
      kind: 'remind' as const,
      subjectId: need.id,
      dueAt: deadline - minutes * 60_000,
      tag: `${minutes}m-${deadline}`,
    });
    const day = remind(1440);
    const twoHours = remind(120);
    expect(timerJobId(day)).toBe(`remind-${need.id}-1440m-${deadline}-${day.dueAt}`);
    const delayedIds = (await timersQueue.getDelayed()).map((j) => j.id);
    expect(delayedIds).toEqual(
      expect.arrayContaining([
        timerJobId(day),
        timerJobId(twoHours),
        timerJobId({ kind: 'deadline', subjectId: need.id, dueAt: deadline }),
      ]),
    );

    // The alert went out through the first worker (the match ran before the restart).
    await matchedAndAlerted(t.db, server, clock, number);
    await vendor.waitFor(mentions(number));

    // The worker goes away; a new one takes over against the same Postgres, Redis and prefix.
    await first.stop();
    systems.splice(systems.indexOf(first), 1);
    const second = await startTestSystem(env(t, prefix), 'worker', { clock });
    systems.push(second);
    expect(await (await timersQueue.getJob(timerJobId(day)))?.getState()).toBe('delayed');

    // Tomorrow 14.05 WIB: past the 24-hour reminder, before the 2-hour one.
    clock.set(new Date(day.dueAt + 5 * 60_000));
    expect(clock.now().getTime()).toBeLessThan(twoHours.dueAt);
    await second.accelerate();
    const reminder = await vendor.waitFor(isReminder);
    expect(reminder.text).toContain(number);
    expect(optionLabels(reminder)).toEqual(['Ajukan penawaran', 'Tidak berminat']);
    await officer.waitFor(mentions(`Batas penawaran *${number}*`));
    await eventually(async () =>
      (await outboxOf(t.db, 'rs-vendor', 'reminder')).every((r) => r.status === 'sent'),
    );

    // Accelerating again, and the timer being added again (as a reconciler would), fire nothing new.
    await second.accelerate();
    await second.timers.schedule(day);
    await second.accelerate();
    await sleep(1_500);
    await vendor.fetchNew();
    await officer.fetchNew();
    const rows = await outboxOf(t.db, 'rs-vendor', 'reminder');
    expect(rows.map((r) => [r.status, r.dedupe_key])).toEqual([
      ['sent', `remind:${need.id}:${await vendorId(t.db, 'TB Sabar Menanti')}:${day.tag}`],
    ]);
    expect(countMessages(vendor.transcript, isReminder)).toBe(1);
    expect(countMessages(officer.transcript, mentions(`Batas penawaran *${number}*`))).toBe(1);
    expect(await (await timersQueue.getJob(timerJobId(day)))?.getState()).toBe('completed');
    expect(await (await timersQueue.getJob(timerJobId(twoHours)))?.getState()).toBe('delayed');
    expect(
      (await t.db.selectFrom('needs').select('status').where('id', '=', need.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('published');
  });
});

describe('open tenders a page at a time', () => {
  const clock = testClock();
  let t: TestDb;
  let system: RunningSystem;

  beforeAll(async () => {
    t = await createTestDb();
    // Ten needs typed one after another in seconds: far faster than a person, so the per-chat
    // limit on inbound turns (tested on its own) is off here.
    system = await startTestSystem({ ...env(t, testQueuePrefix()), INBOUND_RATE_PER_MINUTE: '0' }, 'all', {
      clock,
    });
  });
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  it('shows 8 open tenders, a next page, and the remaining 2 there', { timeout: 180_000 }, async () => {
    const url = String(system.url);
    const officer = await registerOfficer(t.db, url, 'pg-officer', 'BJT-PG01');
    const vendor = await registerVendor(url, 'pg-vendor', 'TB Banyak Tender');
    // The vendor looks at the profile while the needs come in, so the alerts do not move the
    // conversation to their question (the menu's own path is tested with the quiet hours above).
    expect((await vendor.say('Profil saya')).text).toContain('Profil usaha');

    // Ten needs, due the day after tomorrow at 08.00, 09.00, … 17.00 WIB (the list is ordered
    // by deadline).
    const numbers: string[] = [];
    for (let i = 0; i < 10; i++) {
      numbers.push(
        await postNeed(officer, {
          title: `Kebutuhan nomor ${i + 1}`,
          hps: '3 juta',
          deadline: `lusa jam ${8 + i}`,
          neededBy: typed.slash(dayFromToday(clock, 6)),
        }),
      );
    }
    for (const number of numbers) await matchedAndAlerted(t.db, system, clock, number);
    // Every alert has reached the vendor, so none arrives in the middle of the list dialogue.
    await eventually(async () => {
      const rows = await outboxOf(t.db, 'pg-vendor', 'alert');
      return rows.length === 10 && rows.every((r) => r.status === 'sent');
    }, 30_000);
    await vendor.fetchNew();

    expect(optionLabels(await vendor.say('Kembali ke menu'))).toContain(
      'Kebutuhan desa yang bisa saya tawar',
    );
    const page1 = await vendor.say('Kebutuhan desa yang bisa saya tawar');
    expect(page1.text).toContain('Kebutuhan desa yang bisa Anda tawar:');
    const labels1 = optionLabels(page1);
    expect(labels1).toHaveLength(10);
    expect(labels1.slice(8)).toEqual(['Halaman berikutnya ➡️', 'Kembali ke menu']);
    labels1.slice(0, 8).forEach((label, i) => {
      expect(label.startsWith(`${numbers[i]} Kebutuhan nomor ${i + 1} — `)).toBe(true);
    });

    const page2 = await vendor.say('Halaman berikutnya');
    expect(page2.text).toContain('Kebutuhan desa yang bisa Anda tawar:');
    const labels2 = optionLabels(page2);
    expect(labels2).toHaveLength(3);
    expect(labels2[2]).toBe('Kembali ke menu');
    expect(labels2[0]?.startsWith(`${numbers[8]} Kebutuhan nomor 9 — `)).toBe(true);
    expect(labels2[1]?.startsWith(`${numbers[9]} Kebutuhan nomor 10 — `)).toBe(true);

    const menu = await vendor.say('Kembali ke menu');
    expect(optionLabels(menu)).toContain('Kebutuhan desa yang bisa saya tawar');
  });
});
