import type { Hono } from 'hono';
import { dashboardFigures } from '../../store/console-dashboard.js';
import { scopedRegencies } from '../../store/console-settings.js';
import type { ConsoleEnv } from '../auth.js';
import { type ConsoleDeps, pageHandler, scopeFor } from '../context.js';
import { AreaFilter, Bars, FilterForm, Layout, rupiah, ShareBar } from '../ui.js';

export function mountDashboard(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console',
    pageHandler(async (c, ctx, t) => {
      const requested = c.req.query('regency') || undefined;
      const [f, regencies] = await Promise.all([
        dashboardFigures(deps.db, scopeFor(c, requested), deps.now(), deps.config.TIME_ZONE),
        scopedRegencies(deps.db, scopeFor(c)),
      ]);
      const med = f.medianFirstQuoteMinutes;
      const medText =
        med === null
          ? '–'
          : med >= 120
            ? t('dash.hours', { n: (med / 60).toFixed(1) })
            : t('dash.minutes', { n: Math.round(med) });
      const cards: Array<[string, string, string?]> = [
        [t('dash.active_desa'), String(f.activeDesa), t('dash.active_desa_hint')],
        [t('dash.vendors'), String(f.vendors), `${f.vendorsVerified} ${t('dash.vendors_verified')}`],
        [t('dash.open_needs'), String(f.openNeeds)],
        [t('dash.spend_month'), rupiah(f.spendThisMonth)],
        [t('dash.avg_quotes'), f.avgQuotesPerNeed === null ? '–' : f.avgQuotesPerNeed.toFixed(1)],
        [t('dash.median_first_quote'), medText],
      ];
      return c.html(
        <Layout ctx={ctx} title={t('dash.title')}>
          {regencies.length > 1 ? (
            <FilterForm t={t}>
              <AreaFilter t={t} regency={requested} regencies={regencies} />
            </FilterForm>
          ) : null}
          {f.pendingOfficers + f.pendingVendors > 0 ? (
            <p class="flash">
              <a href="/console/verify">
                {t('dash.pending', { officers: f.pendingOfficers, vendors: f.pendingVendors })}
              </a>
            </p>
          ) : null}
          <div class="cards">
            {cards.map(([label, value, hint]) => (
              <div class="card">
                <div class="l">{label}</div>
                <div class="v">{value}</div>
                {hint ? <div class="muted">{hint}</div> : null}
              </div>
            ))}
            <div class="card">
              <div class="l">{t('dash.local_share')}</div>
              <div class="v">{f.localShare === null ? '–' : `${Math.round(f.localShare * 100)}%`}</div>
              <ShareBar share={f.localShare} />
            </div>
          </div>
          <div class="grid2" style="margin-top:1rem">
            <div class="card">
              <Bars
                title={t('dash.spend_chart')}
                data={f.spendByMonth.map((m) => ({ label: m.month.slice(2), value: m.amount }))}
                format={rupiah}
              />
            </div>
            <div class="card">
              <Bars
                title={t('dash.needs_chart')}
                data={f.needsByWeek.map((w) => ({ label: w.week, value: w.count }))}
              />
            </div>
          </div>
        </Layout>,
      );
    }),
  );
}
