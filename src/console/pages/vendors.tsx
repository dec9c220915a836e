import type { Hono } from 'hono';
import { parseRowId } from '../../domain/numbers.js';
import { vendorDirectory } from '../../store/console-people.js';
import { allCategories } from '../../store/console-settings.js';
import { listDistricts } from '../../store/registry.js';
import type { ConsoleEnv } from '../auth.js';
import { areaQuery, type ConsoleDeps, pageHandler, pageOffset } from '../context.js';
import {
  AreaFilter,
  CategorySelect,
  FilterForm,
  Layout,
  num,
  Pager,
  Select,
  Table,
  VendorCells,
} from '../ui.js';

export function mountVendors(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/vendors',
    pageHandler(async (c, ctx, t) => {
      const { requested, scope, regencies, regency, district } = await areaQuery(c, deps);
      const verification = c.req.query('status');
      const category = parseRowId(c.req.query('category')) ?? undefined;
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
          <FilterForm t={t}>
            <AreaFilter
              t={t}
              regency={requested}
              regencies={regencies}
              district={district}
              districts={districts}
            />
            <CategorySelect t={t} locale={ctx.admin.locale} value={category} categories={categories} />
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
          </FilterForm>
          <Table
            head={[
              t('col.business'),
              t('col.categories'),
              t('col.desa'),
              t('col.status'),
              num(t('col.rating')),
              num(t('col.responses')),
            ]}
          >
            {rows.slice(0, 50).map((v) => (
              <tr>
                <VendorCells v={v} />
                <td>{t(`status.${v.verification}`)}</td>
                <td class="n">{v.rating_count ? (v.rating_sum / v.rating_count).toFixed(1) : '–'}</td>
                <td class="n">
                  {v.responses_count}/{v.invitations_count}
                </td>
              </tr>
            ))}
          </Table>
          <Pager c={c} offset={offset} more={rows.length > 50} t={t} />
        </Layout>,
      );
    }),
  );
}
