import { sql } from 'kysely';
import { parseConfig } from '../../src/config/index.js';
import type { TimerData } from '../../src/procurement/timers.js';
import { type RunningSystem, startSystem } from '../../src/system.js';
import { startFakeTelegram } from '../../test/support/fake-telegram.js';
import { type BenchContext, BOT_TOKEN, type ScenarioResult, systemEnv } from '../lib/context.js';
import { cpuDelta } from '../lib/cpu.js';
import { categoryId, desaOf, placeOf, prepareDatabase, seedOfficers, seedVendors } from '../lib/seed.js';
import { sqlCounts } from '../lib/sql-count.js';
import { percentile, round, row } from '../lib/stats.js';
import { systemCpu } from './turns.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Scenario 4: N deadline reminders due within one minute, through the real timers queue
 * (BullMQ delayed jobs with domain ids) and the real worker of the all-in-one system. Each
 * reminder is a real use-case (remindBeforeDeadline: a vendor who has not quoted and the officer
 * are told); lateness = the reminder transaction's start (its outbox rows' created_at, PostgreSQL
 * now()) minus the timer's due time.
 */
export async function timersScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const count = Number(ctx.options['timers-count'] ?? (ctx.quick ? 2000 : 10_000));
  const windowMs = ctx.quick ? 20_000 : 60_000;
  const leadMs = ctx.quick ? 10_000 : 20_000; // time to schedule them all before the first is due
  await ctx.services.flushRedis();
  const { url, db } = await ctx.services.freshDatabase('bench_timers');
  const fake = await startFakeTelegram({ token: BOT_TOKEN });
  let system: RunningSystem | null = null;
  try {
    await prepareDatabase(db.db, ['32.14']);
    const category = await categoryId(db.db, 'bahan_bangunan');
    const villages = await desaOf(db.db, '32.14');
    // Five needs per officer and five invitations per vendor: a regency's busy hour, not one
    // person receiving thousands of messages (see the note on one chat's backlog).
    const people = Math.ceil(count / 5);
    // On Telegram, as most people are: delivery then runs at the channel's cap beside the timers,
    // as it would (the web chat's adapter sends without any pacing).
    await seedVendors(db.db, {
      count: people,
      villages,
      categories: [category],
      channel: 'telegram',
      chatBase: 8_000_000,
    });
    const place = await placeOf(db.db, villages[0] as string);
    const officers = await seedOfficers(db.db, people, [place.village], {
      channel: 'telegram',
      chatBase: 9_000_000,
    });
    const deadline = new Date(Date.now() + 2 * 86_400_000);
    ctx.progress(`timers: seeding ${count} open needs, one silent invitee each`);
    // Published and already matched, so the reconciler leaves them alone.
    await sql`
      with n as (
        insert into needs (number, officer_id, village_code, district_code, regency_code, category_id, title,
                           method, hps, min_quotes, status, quote_deadline, delivery_place, needed_by,
                           published_at, matched_at)
        select 'PD-BENCH-' || g, (${officers}::bigint[])[1 + (g % ${officers.length})], ${place.village}, ${place.district}, ${place.regency},
               ${category}, 'Bench ' || g, 'lelang', 500000000, 3, 'published', ${deadline},
               'Kantor desa', ${new Date(deadline.getTime() + 86_400_000)}, now(), now()
        from generate_series(1, ${count}::int) g
        returning id
      ), v as (select array_agg(id order by id) as ids from vendors)
      insert into invitations (need_id, vendor_id, ring, rank, status, alert_due_at, alerted_at)
      select n.id, v.ids[1 + (n.id % array_length(v.ids, 1))], 'kabupaten', 1, 'alerted', now(), now()
      from n, v`.execute(db.db);
    const needIds = (await db.db.selectFrom('needs').select('id').orderBy('id').execute()).map((n) => n.id);

    system = await startSystem(
      parseConfig(
        systemEnv({
          databaseUrl: url,
          redisUrl: ctx.services.redisUrl,
          telegramApiRoot: fake.url,
          role: 'all',
          prefix: 'btimers',
          extra: { LOG_LEVEL: 'warn' },
        }),
      ),
      ctx.log,
      'all',
    );
    const cpu = systemCpu(process.pid);
    const cpuBefore = cpu();
    const t0 = Date.now();
    const tag = `60-${deadline.getTime()}`;
    const timers: TimerData[] = needIds.map((id, i) => ({
      kind: 'remind',
      subjectId: id,
      dueAt: t0 + leadMs + Math.floor((i * windowMs) / needIds.length),
      tag,
    }));
    const dueByNeed = new Map(timers.map((t) => [t.subjectId, t.dueAt]));
    ctx.progress(`timers: scheduling ${count} reminders due within ${windowMs / 1000} s`);
    const running = system;
    for (let i = 0; i < timers.length; i += 100) {
      await Promise.all(timers.slice(i, i + 100).map((t) => running.timers.schedule(t)));
    }
    const scheduleMs = Date.now() - t0;
    const done = async () =>
      Number(
        (
          await db.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('dedupe_key', 'like', 'remind-officer:%')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const until = t0 + leadMs + windowMs + 90_000;
    while ((await done()) < count && Date.now() < until) await sleep(1000);
    const cpuMs = cpuDelta(cpuBefore, cpu());
    const rows = await db.db
      .selectFrom('outbox')
      .select(['dedupe_key', 'created_at'])
      .where('dedupe_key', 'like', 'remind-officer:%')
      .execute();
    const lateness = rows.map((r) => {
      const needId = Number(String(r.dedupe_key).split(':')[1]);
      return r.created_at.getTime() - (dueByNeed.get(needId) ?? Number.NaN);
    });
    const vendorReminders = Number(
      (
        await db.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('purpose', '=', 'reminder')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const p = (q: number) => percentile(lateness, q);
    return {
      rows: [
        row({
          scenario: 'timers',
          metric: `lateness p50 (${rows.length}/${count} fired)`,
          value: p(50),
          unit: 'ms',
        }),
        row({
          scenario: 'timers',
          metric: 'lateness p99',
          value: p(99),
          unit: 'ms',
          target: '≤ 2000 ms, all fired',
          met: p(99) <= 2000 && rows.length === count,
        }),
      ],
      details: {
        count,
        windowMs,
        leadMs,
        scheduleMs,
        scheduledBeforeFirstDue: scheduleMs < leadMs,
        fired: rows.length,
        ...(process.env.BENCH_COUNT_SQL === '1' ? { statements: sqlCounts(40) } : {}),
        // This process (timers worker, delivery worker at the Telegram cap, the fake) + PostgreSQL
        // + Redis, per reminder, from scheduling to the last one fired.
        cpuMsPerReminder: Object.fromEntries(
          Object.entries(cpuMs).map(([k, v]) => [k, round(v / Math.max(1, rows.length), 2)]),
        ),
        vendorReminders,
        latenessMs: { min: p(0), p50: p(50), p90: p(90), p99: p(99), max: p(100) },
        note: 'lateness < 0 is impossible by construction; values are ms after the due time',
        avgMs: round(lateness.reduce((a, b) => a + b, 0) / Math.max(1, lateness.length)),
      },
    };
  } finally {
    if (system) await system.stop();
    await fake.close();
    await db.close();
  }
}
