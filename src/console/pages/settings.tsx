import type { Hono } from 'hono';
import { appendAudit } from '../../store/audit.js';
import {
  allCategories,
  regencySettings,
  type SettingsUpdate,
  scopedRegencies,
  setActiveCategories,
  updateRegencySettings,
} from '../../store/console-settings.js';
import type { ConsoleEnv } from '../auth.js';
import {
  type ConsoleDeps,
  Forbidden,
  flashes,
  formHandler,
  pageHandler,
  redirectFlash,
  scopeFor,
} from '../context.js';
import { AreaFilter, Csrf, FilterForm, Layout, type T } from '../ui.js';

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (s: string | undefined): number | null => {
  const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec((s ?? '').trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** Reads the form into settings, or names the first field that is wrong. */
function parseSettings(b: Record<string, string>, t: T): SettingsUpdate | { error: string } {
  const int = (k: string, min: number, max: number) => {
    const v = Number((b[k] ?? '').replace(/[.\s]/g, ''));
    return Number.isSafeInteger(v) && v >= min && v <= max ? v : null;
  };
  const fields: Array<[keyof SettingsUpdate, number | null, Parameters<T>[0]]> = [
    ['direct_purchase_max', int('direct_purchase_max', 1, 1e13), 'settings.direct_max'],
    ['rfq_max', int('rfq_max', 1, 1e13), 'settings.rfq_max'],
    ['min_quotes_direct', int('min_quotes_direct', 1, 20), 'settings.min_quotes_direct'],
    ['min_quotes_rfq', int('min_quotes_rfq', 1, 20), 'settings.min_quotes_rfq'],
    ['min_quotes_open', int('min_quotes_open', 1, 50), 'settings.min_quotes_open'],
    ['invite_count', int('invite_count', 1, 500), 'settings.invite_count'],
    ['quiet_start_minute', minutesOf(b.quiet_start), 'settings.quiet'],
    ['quiet_end_minute', minutesOf(b.quiet_end), 'settings.quiet'],
    ['min_quote_window_minutes', int('min_quote_window_minutes', 1, 43_200), 'settings.min_window'],
  ];
  const out: Record<string, number | number[]> = {};
  for (const [k, v, label] of fields) {
    if (v === null) return { error: t('settings.invalid', { field: t(label) }) };
    out[k] = v;
  }
  const reminders = (b.reminders ?? '')
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (reminders.length > 6 || reminders.some((m) => !Number.isInteger(m) || m < 1 || m > 43_200))
    return { error: t('settings.invalid', { field: t('settings.reminders') }) };
  out.reminder_minutes_before = [...new Set(reminders)].sort((a, z) => z - a);
  if ((out.direct_purchase_max as number) >= (out.rfq_max as number))
    return { error: t('settings.thresholds_order') };
  return out as unknown as SettingsUpdate;
}

export function mountSettings(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/settings',
    pageHandler(async (c, ctx, t) => {
      const regencies = await scopedRegencies(deps.db, scopeFor(c));
      const regency = c.req.query('regency') || regencies[0]?.code;
      if (!regency) return c.text(t('common.not_found'), 404);
      scopeFor(c, regency);
      const [s, categories] = await Promise.all([regencySettings(deps.db, regency), allCategories(deps.db)]);
      if (!s) return c.text(t('common.not_found'), 404);
      const province = ctx.admin.role === 'province';
      const Num = (p: { name: string; label: Parameters<T>[0]; value: number }) => (
        <label>
          {t(p.label)}
          <br />
          <input type="number" name={p.name} value={String(p.value)} min={1} required />
        </label>
      );
      return c.html(
        <Layout ctx={ctx} title={t('settings.title')} {...flashes(c)}>
          <FilterForm t={t}>
            <AreaFilter
              t={t}
              pick
              label={t('settings.pick_regency')}
              regency={regency}
              regencies={regencies}
            />
          </FilterForm>
          <form method="post" action={`/console/settings/${regency}`}>
            <Csrf token={ctx.csrf} />
            <div class="fields">
              <Num name="direct_purchase_max" label="settings.direct_max" value={s.direct_purchase_max} />
              <Num name="rfq_max" label="settings.rfq_max" value={s.rfq_max} />
              <Num name="min_quotes_direct" label="settings.min_quotes_direct" value={s.min_quotes_direct} />
              <Num name="min_quotes_rfq" label="settings.min_quotes_rfq" value={s.min_quotes_rfq} />
              <Num name="min_quotes_open" label="settings.min_quotes_open" value={s.min_quotes_open} />
              <Num name="invite_count" label="settings.invite_count" value={s.invite_count} />
              <label>
                {t('settings.quiet')}
                <br />
                <input name="quiet_start" value={hhmm(s.quiet_start_minute)} size={5} required /> –{' '}
                <input name="quiet_end" value={hhmm(s.quiet_end_minute)} size={5} required />
              </label>
              <label>
                {t('settings.reminders')}
                <br />
                <input name="reminders" value={s.reminder_minutes_before.join(', ')} />
              </label>
              <Num
                name="min_quote_window_minutes"
                label="settings.min_window"
                value={s.min_quote_window_minutes}
              />
            </div>
            <p>
              <button type="submit">{t('common.save')}</button>
            </p>
          </form>
          <h2>{t('settings.categories')}</h2>
          {province ? null : <p class="muted">{t('settings.categories_province_only')}</p>}
          <form method="post" action="/console/settings-categories">
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="regency" value={regency} />
            <div class="fields">
              {categories.map((k) => (
                <label style={k.parent_id === null ? 'font-weight:600' : 'padding-left:1rem'}>
                  <input
                    type="checkbox"
                    name={`cat_${k.id}`}
                    value="1"
                    checked={k.active}
                    disabled={!province}
                  />{' '}
                  {ctx.admin.locale === 'en' ? k.name_en : k.name_id}
                </label>
              ))}
            </div>
            {province ? (
              <p>
                <button type="submit">{t('common.save')}</button>
              </p>
            ) : null}
          </form>
        </Layout>,
      );
    }),
  );

  r.post(
    '/console/settings/:regency',
    formHandler(async (c, body, t) => {
      const regency = c.req.param('regency') ?? '';
      scopeFor(c, regency);
      const before = await regencySettings(deps.db, regency);
      if (!before) return c.text(t('common.not_found'), 404);
      const parsed = parseSettings(body, t);
      const back = `/console/settings?regency=${encodeURIComponent(regency)}`;
      if ('error' in parsed) return redirectFlash(c, back, parsed.error, 'err');
      const admin = c.get('admin');
      const now = deps.now();
      await deps.db.transaction().execute(async (trx) => {
        await updateRegencySettings(trx, regency, parsed, admin.id, now);
        const changed = Object.fromEntries(
          Object.entries(parsed).filter(
            ([k, v]) =>
              JSON.stringify((before as unknown as Record<string, unknown>)[k]) !== JSON.stringify(v),
          ),
        );
        await appendAudit(
          trx,
          {
            actorType: 'admin',
            actorId: admin.id,
            action: 'settings.updated',
            entityType: 'regency',
            entityId: regency,
            regencyCode: regency,
            data: changed,
          },
          now,
        );
      });
      return redirectFlash(c, back, t('common.saved'));
    }),
  );

  r.post(
    '/console/settings-categories',
    formHandler(async (c, body, t) => {
      const admin = c.get('admin');
      if (admin.role !== 'province') throw new Forbidden();
      const ids = Object.keys(body)
        .map((k) => /^cat_(\d+)$/.exec(k)?.[1])
        .filter((x): x is string => !!x)
        .map(Number);
      const now = deps.now();
      await deps.db.transaction().execute(async (trx) => {
        await setActiveCategories(trx, ids);
        await appendAudit(
          trx,
          {
            actorType: 'admin',
            actorId: admin.id,
            action: 'categories.updated',
            entityType: 'categories',
            entityId: 'all',
            regencyCode: null,
            data: { active: ids },
          },
          now,
        );
      });
      const back =
        body.regency && /^\d{2}\.\d{2}$/.test(body.regency)
          ? `/console/settings?regency=${body.regency}`
          : '/console/settings';
      return redirectFlash(c, back, t('common.saved'));
    }),
  );
}
