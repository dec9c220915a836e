import type { Hono } from 'hono';
import { vendorDirectory } from '../../store/console-people.js';
import { allCategories, scopedRegencies } from '../../store/console-settings.js';
import { listDistricts } from '../../store/registry.js';
import type { ConsoleEnv } from '../auth.js';
import { type ConsoleDeps, handler, pageCtx, pageOffset, scopeFor } from '../context.js';
import { Layout, Pager, Select } from '../ui.js';

export function mountVendors(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/vendors',
    handler(async (c) => {
      const ctx = pageCtx(c);
      const { t } = ctx;
      const requested = c.req.query('regency') || undefined;
      const scope = scopeFor(c, requested);
      const regencies = await scopedRegencies(deps.db, scopeFor(c));
      const regency = requested ?? (regencies.length === 1 ? regencies[0]?.code : undefined);
      const district = c.req.query('district') || undefined;
      const verification = c.req.query('status');
      const category = Number(c.req.query('category')) || undefined;
      const offset = pageOffset(c);
      const [rows, districts, categories] = await Promise.all([
        vendorDirectory(
          deps.db,
          scope,
          {
            district,
            category,
            verification:
              verification === 'pending' || verification === 'verified' || verification === 'rejected'
                ? verification
                : undefined,
            q: c.req.query('q')?.slice(0, 100) || undefined,
          },
          offset,
        ),
        regency ? listDistricts(deps.db, regency) : Promise.resolve([]),
        allCategories(deps.db),
      ]);
      return c.html(
        <Layout ctx={ctx} title={t('vendors.title')}>
          <form method="get" class="inline">
            <Select
              name="regency"
              label={t('col.regency')}
              value={requested}
              all={t('common.all')}
              options={regencies.map((g) => ({ value: g.code, label: g.name }))}
            />
            <Select
              name="district"
              label={t('col.kecamatan')}
              value={district}
              all={t('common.all')}
              options={districts.map((d) => ({ value: d.code, label: d.name }))}
            />
            <Select
              name="category"
              label={t('col.category')}
              value={category ? String(category) : undefined}
              all={t('common.all')}
              options={categories
                .filter((x) => x.parent_id === null)
                .map((x) => ({
                  value: String(x.id),
                  label: ctx.admin.locale === 'en' ? x.name_en : x.name_id,
                }))}
            />
            <Select
              name="status"
              label={t('col.status')}
              value={verification}
              all={t('common.all')}
              options={(['pending', 'verified', 'rejected'] as const).map((s) => ({
                value: s,
                label: t(`status.${s}`),
              }))}
            />
            <label>
              {t('vendors.search')}
              <br />
              <input name="q" value={c.req.query('q') ?? ''} />
            </label>
            <button type="submit">{t('common.filter')}</button>
          </form>
          <div class="scroll">
            <table>
              <tr>
                <th>{t('col.business')}</th>
                <th>{t('col.categories')}</th>
                <th>{t('col.desa')}</th>
                <th>{t('col.status')}</th>
                <th class="n">{t('col.rating')}</th>
                <th class="n">{t('col.responses')}</th>
              </tr>
              {rows.slice(0, 50).map((v) => (
                <tr>
                  <td>
                    <b>{v.business_name}</b>
                    <div class="muted">
                      {v.owner_name} · {v.phone_e164 ?? ''}
                    </div>
                  </td>
                  <td>{v.categories ?? ''}</td>
                  <td>
                    {v.desa}, {v.kecamatan}
                  </td>
                  <td>{t(`status.${v.verification}`)}</td>
                  <td class="n">{v.rating_count ? (v.rating_sum / v.rating_count).toFixed(1) : '–'}</td>
                  <td class="n">
                    {v.responses_count}/{v.invitations_count}
                  </td>
                </tr>
              ))}
            </table>
          </div>
          <Pager c={c} offset={offset} more={rows.length > 50} t={t} />
        </Layout>,
      );
    }),
  );
}
