import { systemClock } from '../../src/clock.js';
import { parseConfig } from '../../src/config/index.js';
import { createOutboxRelay } from '../../src/conversation/relay.js';
import { type JobDeps, runMatch } from '../../src/procurement/jobs.js';
import { type RunningSystem, startSystem } from '../../src/system.js';
import { type FakeTelegram, type RecordedCall, startFakeTelegram } from '../../test/support/fake-telegram.js';
import { type BenchContext, BOT_TOKEN, type ScenarioResult, systemEnv } from '../lib/context.js';
import { categoryId, desaOf, placeOf, prepareDatabase, seedOfficer, seedVendors } from '../lib/seed.js';
import { round, row } from '../lib/stats.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CHAT_BASE = 7_000_000;

/** Accepted sends per second between the first and the n-th accepted send. */
function rateOf(sent: RecordedCall[], n: number) {
  const at = sent
    .map((c) => c.at)
    .sort((a, b) => a - b)
    .slice(0, n);
  if (at.length < 2) return { rate: Number.NaN, messages: at.length, seconds: 0 };
  const seconds = ((at[at.length - 1] as number) - (at[0] as number)) / 1000;
  return { rate: (at.length - 1) / seconds, messages: at.length, seconds };
}

/**
 * Scenario 2: a lelang matching N vendors (all invited). Commit time of the invitations and
 * alerts (one transaction, runMatch as the match worker runs it), the hand-over to BullMQ, then
 * delivery through the Telegram adapter to the fake Bot API at the configured cap (a bounded
 * sample), then the rest at a raised cap, and every chat's count at the fake.
 */
export async function fanoutScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const vendors = Number(ctx.options['fanout-vendors'] ?? (ctx.quick ? 2000 : 10_000));
  const cap = Number(ctx.options['fanout-rate'] ?? 25);
  const telegramLimit = 30; // what Telegram allows a bot overall (per second)
  const sampleMessages = Number(ctx.options['fanout-sample'] ?? (ctx.quick ? 300 : 1500));
  const sampleSeconds = ctx.quick ? 20 : 75;
  const raisedCap = Number(ctx.options['fanout-cap'] ?? 250);
  await ctx.services.flushRedis();
  const { url, db } = await ctx.services.freshDatabase('bench_fanout');
  const log = ctx.log;
  let system: RunningSystem | null = null;
  const fakes: FakeTelegram[] = [];
  try {
    await prepareDatabase(db.db, ['32.14']);
    const category = await categoryId(db.db, 'bahan_bangunan');
    const villages = await desaOf(db.db, '32.14');
    ctx.progress(`fanout: seeding ${vendors} Telegram vendors`);
    await seedVendors(db.db, {
      count: vendors,
      villages,
      categories: [category],
      channel: 'telegram',
      chatBase: CHAT_BASE,
      allVerified: true,
    });
    const place = await placeOf(db.db, villages[0] as string);
    const officer = await seedOfficer(db.db, place.village, 'bench-officer');
    const now = new Date();
    const deadline = new Date(now.getTime() + 3 * 86_400_000);
    const need = await db.db
      .insertInto('needs')
      .values({
        number: 'PD-3214-2026-0001',
        officer_id: officer.officerId,
        village_code: place.village,
        district_code: place.district,
        regency_code: place.regency,
        category_id: category,
        title: 'Semen untuk jalan desa',
        method: 'lelang',
        hps: 500_000_000,
        min_quotes: 3,
        status: 'published',
        quote_deadline: deadline,
        delivery_place: 'Kantor desa',
        needed_by: new Date(deadline.getTime() + 86_400_000),
        published_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.db
      .insertInto('need_items')
      .values({ need_id: need.id, position: 1, name: 'Semen', quantity: 100, unit: 'sak' })
      .execute();

    const start = async (perSecond: number, fake: FakeTelegram) =>
      startSystem(
        parseConfig(
          systemEnv({
            databaseUrl: url,
            redisUrl: ctx.services.redisUrl,
            telegramApiRoot: fake.url,
            role: 'all',
            prefix: 'bfanout',
            extra: { LOG_LEVEL: 'warn', TELEGRAM_RATE_PER_SECOND: String(perSecond) },
          }),
        ),
        log,
        'all',
      );
    const fakeA = await startFakeTelegram({
      token: BOT_TOKEN,
      globalPerSecond: telegramLimit,
      perChatPerSecond: 1,
    });
    fakes.push(fakeA);
    system = await start(cap, fakeA);

    // Publish → every invitation and alert committed (the match job's transaction).
    let committedAt = 0;
    let outboxIds: number[] = [];
    const deps: JobDeps = {
      db: system.db.db,
      clock: systemClock,
      log,
      commit: async (effects) => {
        committedAt = performance.now();
        outboxIds = effects.outboxIds;
      },
    };
    ctx.progress(`fanout: matching and committing ${vendors} invitations`);
    const t0 = performance.now();
    const { invited } = await runMatch(deps, need.id, 0);
    const commitMs = committedAt - t0;
    const relay = createOutboxRelay({ queues: system.queues, db: system.db.db, log });
    const t1 = performance.now();
    await relay.enqueue(outboxIds);
    const enqueueMs = performance.now() - t1;

    ctx.progress(
      `fanout: delivering a sample of ${sampleMessages} at ${cap}/s (fake allows ${telegramLimit}/s)`,
    );
    const sampleUntil = Date.now() + sampleSeconds * 1000;
    while (fakeA.sent().length < sampleMessages && Date.now() < sampleUntil) await sleep(250);
    const sample = rateOf(fakeA.sent(), sampleMessages);
    const sample429 = fakeA.errors.map((c) => c.at - (fakeA.sent()[0]?.at ?? 0));
    await system.stop();
    system = null;

    ctx.progress(`fanout: delivering the rest at a raised cap of ${raisedCap}/s`);
    const fakeB = await startFakeTelegram({
      token: BOT_TOKEN,
      globalPerSecond: Math.ceil(raisedCap * 1.2),
      perChatPerSecond: 1,
    });
    fakes.push(fakeB);
    system = await start(raisedCap, fakeB);
    const restUntil = Date.now() + (vendors / raisedCap) * 3000 + 60_000;
    const open = async () =>
      Number(
        (
          await db.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('purpose', '=', 'alert')
            .where('status', 'in', ['pending', 'sending'])
            .executeTakeFirstOrThrow()
        ).n,
      );
    while ((await open()) > 0 && Date.now() < restUntil) await sleep(500);
    const rest = rateOf(fakeB.sent(), Number.MAX_SAFE_INTEGER);
    await system.stop();
    system = null;

    // Counted at the fake, per chat, across both phases.
    const perChat = new Map<string, number>();
    for (const fake of fakes)
      for (const c of fake.sent())
        perChat.set(String(c.params.chat_id), (perChat.get(String(c.params.chat_id)) ?? 0) + 1);
    const expected = await db.db
      .selectFrom('invitations as i')
      .innerJoin('vendors as v', 'v.id', 'i.vendor_id')
      .innerJoin('channel_identities as ci', 'ci.user_id', 'v.user_id')
      .select('ci.external_id')
      .where('i.need_id', '=', need.id)
      .execute();
    const expectedChats = new Set(expected.map((e) => e.external_id));
    const lost = [...expectedChats].filter((c) => !perChat.has(c)).length;
    const doubled = [...perChat.values()].filter((n) => n > 1).length;
    const unexpected = [...perChat.keys()].filter((c) => !expectedChats.has(c)).length;
    const statuses = await db.db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('purpose', '=', 'alert')
      .groupBy('status')
      .execute();
    const notSent = statuses.filter((s) => s.status !== 'sent').reduce((a, s) => a + Number(s.n), 0);
    const got429 = fakes.reduce((a, f) => a + f.errors.length, 0);
    const withinCap = Math.abs(sample.rate - cap) / cap <= 0.05;
    return {
      rows: [
        row({
          scenario: 'fanout',
          metric: `publish → ${invited} invitations + alerts committed`,
          value: commitMs,
          unit: 'ms',
          target: '≤ 3000 ms',
          met: commitMs <= 3000 && invited === vendors,
        }),
        row({ scenario: 'fanout', metric: 'alerts handed to BullMQ', value: enqueueMs, unit: 'ms' }),
        row({
          scenario: 'fanout',
          metric: `delivery rate, first ${sample.messages} sends`,
          value: sample.rate,
          unit: '/s',
          baseline: cap,
          target: `cap ${cap}/s ± 5 %`,
          met: withinCap,
        }),
        row({
          scenario: 'fanout',
          metric: `lost / doubled of ${expectedChats.size} (at the fake)`,
          value: lost + doubled + unexpected,
          unit: '',
          target: '0',
          met: lost + doubled + unexpected === 0 && perChat.size === expectedChats.size,
        }),
        row({
          scenario: 'fanout',
          metric: `unrecovered 429s (${got429} answers 429 seen)`,
          value: notSent,
          unit: '',
          target: '0 unrecovered',
          met: notSent === 0,
          note: `${got429} answers 429`,
        }),
      ],
      details: {
        vendors,
        invited,
        commitMs: round(commitMs),
        enqueueMs: round(enqueueMs),
        cap,
        telegramLimit,
        sample: {
          ...sample,
          rate: round(sample.rate, 2),
          requested: sampleMessages,
          maxSeconds: sampleSeconds,
        },
        rest: { cap: raisedCap, fakeLimit: Math.ceil(raisedCap * 1.2), ...rest, rate: round(rest.rate, 1) },
        atTheFake: { chats: perChat.size, expected: expectedChats.size, lost, doubled, unexpected },
        answers429: got429,
        // ms after the first accepted send of the sample: when the cap was overrun.
        sample429AtMs: sample429.slice(0, 50),
        outboxAlertStatuses: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
      },
    };
  } finally {
    if (system) await system.stop();
    for (const f of fakes) await f.close();
    await db.close();
  }
}
