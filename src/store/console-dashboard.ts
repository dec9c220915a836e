import { type Kysely, sql } from 'kysely';
import { areaIn, regencyIn, type Scope } from './console-scope.js';
import type { Database } from './schema.js';

// Figures of the console's dashboard, all within the admin's scope.

const SPENT = ['accepted', 'delivered', 'received', 'problem', 'paid', 'completed'] as const;

export interface DashboardFigures {
  activeDesa: number;
  vendors: number;
  vendorsVerified: number;
  openNeeds: number;
  spendThisMonth: number;
  localShare: number | null;
  avgQuotesPerNeed: number | null;
  medianFirstQuoteMinutes: number | null;
  pendingOfficers: number;
  pendingVendors: number;
  spendByMonth: Array<{ month: string; amount: number }>;
  needsByWeek: Array<{ week: string; count: number }>;
}

export async function dashboardFigures(
  db: Kysely<Database>,
  scope: Scope,
  now: Date,
  timeZone: string,
): Promise<DashboardFigures> {
  const n = (v: unknown) => Number(v ?? 0);
  const since90 = new Date(now.getTime() - 90 * 86_400_000);
  const monthStart = sql<Date>`(date_trunc('month', ${now}::timestamptz at time zone ${timeZone}) at time zone ${timeZone})`;

  const [desa, vendors, open, spend, local, quotes, firstQuote, pendingO, pendingV, byMonth, byWeek] =
    await Promise.all([
      db
        .selectFrom('needs')
        .select(sql<number>`count(distinct village_code)`.as('n'))
        .where(regencyIn('regency_code', scope))
        .where('created_at', '>=', since90)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('vendors')
        .select([
          sql<number>`count(*)`.as('all'),
          sql<number>`count(*) filter (where verification = 'verified')`.as('verified'),
        ])
        .where(regencyIn('regency_code', scope))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('needs')
        .select(sql<number>`count(*)`.as('n'))
        .where(regencyIn('regency_code', scope))
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('orders as o')
        .innerJoin('needs as n', 'n.id', 'o.need_id')
        .select(sql<number>`coalesce(sum(o.amount), 0)`.as('n'))
        .where(regencyIn('n.regency_code', scope))
        .where('o.status', 'in', SPENT)
        .where('o.created_at', '>=', monthStart)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('orders as o')
        .innerJoin('needs as n', 'n.id', 'o.need_id')
        .innerJoin('vendors as v', 'v.id', 'o.vendor_id')
        .select([
          sql<number>`coalesce(sum(o.amount), 0)`.as('all'),
          sql<number>`coalesce(sum(o.amount) filter (where v.district_code = n.district_code), 0)`.as(
            'local',
          ),
        ])
        .where(regencyIn('n.regency_code', scope))
        .where('o.status', 'in', SPENT)
        .executeTakeFirstOrThrow(),
      // Quotes per need, over needs whose deadline has passed (every quote counted once per vendor).
      db
        .selectFrom('needs as n')
        .select(
          sql<number>`avg((select count(distinct q.vendor_id) from quotes q where q.need_id = n.id and q.status in ('active','awarded','rejected')))`.as(
            'avg',
          ),
        )
        .where(regencyIn('n.regency_code', scope))
        .where('n.published_at', 'is not', null)
        .where('n.quote_deadline', '<=', now)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('needs as n')
        .select(
          sql<number>`percentile_cont(0.5) within group (order by extract(epoch from (select min(q.submitted_at) from quotes q where q.need_id = n.id) - n.published_at) / 60)`.as(
            'median',
          ),
        )
        .where(regencyIn('n.regency_code', scope))
        .where('n.published_at', 'is not', null)
        .where(sql<boolean>`exists (select 1 from quotes q where q.need_id = n.id)`)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('officers')
        .select(sql<number>`count(*)`.as('n'))
        .where(areaIn('village_code', scope))
        .where('verification', '=', 'pending')
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('vendors')
        .select(sql<number>`count(*)`.as('n'))
        .where(regencyIn('regency_code', scope))
        .where('verification', '=', 'pending')
        .executeTakeFirstOrThrow(),
      sql<{ month: string; amount: number }>`
        select to_char(m, 'YYYY-MM') as month,
          coalesce((select sum(o.amount) from orders o join needs n on n.id = o.need_id
            where ${regencyIn('n.regency_code', scope)} and o.status in ('accepted','delivered','received','problem','paid','completed')
              and o.created_at >= (m at time zone ${timeZone}) and o.created_at < ((m + interval '1 month') at time zone ${timeZone})), 0) as amount
        from generate_series(date_trunc('month', ${now}::timestamptz at time zone ${timeZone}) - interval '5 months',
                             date_trunc('month', ${now}::timestamptz at time zone ${timeZone}), interval '1 month') m
        order by m`.execute(db),
      sql<{ week: string; count: number }>`
        select to_char(w, 'DD/MM') as week,
          (select count(*) from needs n where ${regencyIn('n.regency_code', scope)}
             and n.created_at >= (w at time zone ${timeZone}) and n.created_at < ((w + interval '1 week') at time zone ${timeZone})) as count
        from generate_series(date_trunc('week', ${now}::timestamptz at time zone ${timeZone}) - interval '7 weeks',
                             date_trunc('week', ${now}::timestamptz at time zone ${timeZone}), interval '1 week') w
        order by w`.execute(db),
    ]);
  const allSpend = n(local.all);
  return {
    activeDesa: n(desa.n),
    vendors: n(vendors.all),
    vendorsVerified: n(vendors.verified),
    openNeeds: n(open.n),
    spendThisMonth: n(spend.n),
    localShare: allSpend > 0 ? n(local.local) / allSpend : null,
    avgQuotesPerNeed: quotes.avg === null ? null : n(quotes.avg),
    medianFirstQuoteMinutes: firstQuote.median === null ? null : n(firstQuote.median),
    pendingOfficers: n(pendingO.n),
    pendingVendors: n(pendingV.n),
    spendByMonth: byMonth.rows.map((r) => ({ month: r.month, amount: n(r.amount) })),
    needsByWeek: byWeek.rows.map((r) => ({ week: r.week, count: n(r.count) })),
  };
}
