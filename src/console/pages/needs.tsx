import type { Hono } from 'hono';
import { parseRowId } from '../../domain/numbers.js';
import { listNeeds } from '../../store/console-needs.js';
import { allCategories } from '../../store/console-settings.js';
import { listDistricts, listVillages } from '../../store/registry.js';
import type { Method, NeedStatus } from '../../store/schema.js';
import type { ConsoleEnv } from '../auth.js';
import { areaQuery, type ConsoleDeps, Forbidden, pageHandler, pageOffset } from '../context.js';
import {
  AreaFilter,
  CategorySelect,
  FilterForm,
  Layout,
  num,
  Pager,
  rupiah,
  Select,
  Table,
  when,
} from '../ui.js';

const STATUSES: NeedStatus[] = [
  'published',
  'closed',
  'awarded',
  'ordered',
  'delivered',
  'received',
  'paid',
  'completed',
  'cancelled',
  'unsuccessful',
];
const METHODS: Method[] = ['pembelian_langsung', 'permintaan_penawaran', 'lelang'];

export function mountNeeds(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/needs',
    pageHandler(async (c, ctx, t) => {
      const { requested, scope, regencies, regency, district } = await areaQuery(c, deps);
      const village = c.req.query('village') || undefined;
      if (
        district &&
        !district.startsWith(`${regency}.`) &&
        !regencies.some((g) => district.startsWith(`${g.code}.`))
      )
        throw new Forbidden();
      const status = STATUSES.find((s) => s === c.req.query('status'));
      const method = METHODS.find((m) => m === c.req.query('method'));
      const category = parseRowId(c.req.query('category')) ?? undefined;
      const offset = pageOffset(c);
      const [rows, districts, villages, categories] = await Promise.all([
        listNeeds(deps.db, scope, { district, village, status, method, category }, offset),
        regency ? listDistricts(deps.db, regency) : Promise.resolve([]),
        district ? listVillages(deps.db, district, true) : Promise.resolve([]),
        allCategories(deps.db),
      ]);
      const exportQuery = requested ? `?regency=${encodeURIComponent(requested)}` : '';
      return c.html(
        <Layout ctx={ctx} title={t('needs.title')}>
          <FilterForm t={t}>
            <AreaFilter
              t={t}
              regency={requested}
              regencies={regencies}
              district={district}
              districts={districts}
              village={village}
              villages={villages}
            />
            <Select
              name="status"
              label={t('col.status')}
              value={status}
              all={t('common.all')}
              options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
            <Select
              name="method"
              label={t('col.method')}
              value={method}
              all={t('common.all')}
              options={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
            />
            <CategorySelect t={t} locale={ctx.admin.locale} value={category} categories={categories} />
          </FilterForm>
          <p class="muted">
            {t('common.export_csv')}: <a href={`/console/export/needs.csv${exportQuery}`}>needs.csv</a> ·{' '}
            <a href={`/console/export/quotes.csv${exportQuery}`}>quotes.csv</a> ·{' '}
            <a href={`/console/export/orders.csv${exportQuery}`}>orders.csv</a>
          </p>
          <Table
            head={[
              t('col.number'),
              t('col.title'),
              t('col.desa'),
              t('col.method'),
              t('col.status'),
              num(t('col.hps')),
              t('col.deadline'),
              num(t('col.quotes')),
            ]}
          >
            {rows.slice(0, 50).map((n) => (
              <tr>
                <td>
                  <a href={`/console/needs/${n.id}`}>{n.number ?? `#${n.id}`}</a>
                </td>
                <td>
                  {n.title}
                  <div class="muted">{n.category}</div>
                </td>
                <td>
                  {n.desa}
                  <div class="muted">{n.kecamatan}</div>
                </td>
                <td>{t(`method.${n.method}`)}</td>
                <td>{t(`status.${n.status}`)}</td>
                <td class="n">{rupiah(n.hps)}</td>
                <td>{when(n.quote_deadline, ctx.admin.locale)}</td>
                <td class="n">{n.quotes}</td>
              </tr>
            ))}
          </Table>
          <Pager c={c} offset={offset} more={rows.length > 50} t={t} />
        </Layout>,
      );
    }),
  );
}
