import { randomInt } from 'node:crypto';
import type { Hono } from 'hono';
import {
  insertInviteCode,
  inviteCodes,
  pendingOfficers,
  pendingVendors,
  vendorDirectory,
} from '../../store/console-people.js';
import { regencyOfArea } from '../../store/console-scope.js';
import { allCategories, scopedRegencies } from '../../store/console-settings.js';
import { listDistricts, listVillages } from '../../store/registry.js';
import { decideRegistration } from '../actions.js';
import type { ConsoleEnv } from '../auth.js';
import {
  type ConsoleDeps,
  Forbidden,
  flashOf,
  form,
  handler,
  pageCtx,
  pageOffset,
  queryWith,
  scopeFor,
  withFlash,
} from '../context.js';
import { Csrf, Layout, Select, when } from '../ui.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () =>
  Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export function mountPeople(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/verify',
    handler(async (c) => {
      const ctx = pageCtx(c);
      const { t } = ctx;
      const scope = scopeFor(c, c.req.query('regency'));
      const [officers, vendors] = await Promise.all([
        pendingOfficers(deps.db, scope),
        pendingVendors(deps.db, scope),
      ]);
      const Decide = (p: { kind: 'officer' | 'vendor'; id: number }) => (
        <>
          <form method="post" action={`/console/verify/${p.kind}/${p.id}`} class="inline">
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="decision" value="approve" />
            <button type="submit" name="approve">
              {t('verify.approve')}
            </button>
          </form>
          <form method="post" action={`/console/verify/${p.kind}/${p.id}`} class="inline">
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="decision" value="reject" />
            <input
              name="reason"
              required
              maxlength={300}
              placeholder={t('verify.reason')}
              aria-label={t('verify.reason')}
            />
            <button type="submit" class="red">
              {t('verify.reject')}
            </button>
          </form>
        </>
      );
      return c.html(
        <Layout ctx={ctx} title={t('verify.title')} flash={flashOf(c, 'ok')} error={flashOf(c, 'err')}>
          <h2>{t('verify.officers')}</h2>
          {officers.length === 0 ? (
            <p class="muted">{t('verify.empty')}</p>
          ) : (
            <div class="scroll">
              <table>
                <tr>
                  <th>{t('col.name')}</th>
                  <th>{t('col.position')}</th>
                  <th>{t('col.desa')}</th>
                  <th>{t('col.registered')}</th>
                  <th />
                </tr>
                {officers.map((o) => (
                  <tr id={`officer-${o.id}`}>
                    <td>
                      {o.full_name}
                      <div class="muted">{o.phone_e164 ?? ''}</div>
                    </td>
                    <td>{o.position}</td>
                    <td>
                      {o.desa}, {o.kecamatan}
                    </td>
                    <td>{when(o.created_at, ctx.admin.locale)}</td>
                    <td>
                      <Decide kind="officer" id={o.id} />
                    </td>
                  </tr>
                ))}
              </table>
            </div>
          )}
          <h2>{t('verify.vendors')}</h2>
          {vendors.length === 0 ? (
            <p class="muted">{t('verify.empty')}</p>
          ) : (
            <div class="scroll">
              <table>
                <tr>
                  <th>{t('col.business')}</th>
                  <th>{t('col.categories')}</th>
                  <th>{t('col.desa')}</th>
                  <th>{t('col.registered')}</th>
                  <th />
                </tr>
                {vendors.map((v) => (
                  <tr id={`vendor-${v.id}`}>
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
                    <td>{when(v.created_at, ctx.admin.locale)}</td>
                    <td>
                      <Decide kind="vendor" id={v.id} />
                    </td>
                  </tr>
                ))}
              </table>
            </div>
          )}
        </Layout>,
      );
    }),
  );

  r.post(
    '/console/verify/:kind/:id',
    handler(async (c) => {
      const { t } = pageCtx(c);
      const kind = c.req.param('kind');
      const id = Number(c.req.param('id'));
      if ((kind !== 'officer' && kind !== 'vendor') || !Number.isSafeInteger(id))
        return c.text(t('common.not_found'), 404);
      const body = await form(c);
      const approve = body.decision === 'approve';
      const reason = (body.reason ?? '').trim().slice(0, 300);
      if (!approve && !reason)
        return c.redirect(withFlash(c, '/console/verify', t('verify.reason_required'), 'err'), 303);
      const res = await decideRegistration(deps, c.get('admin'), kind, id, approve, approve ? null : reason);
      if (!res.ok) {
        if (res.error === 'forbidden') throw new Forbidden();
        if (res.error === 'not_found') return c.text(t('common.not_found'), 404);
        return c.redirect(withFlash(c, '/console/verify', t('verify.already'), 'err'), 303);
      }
      const msg = t(approve ? 'verify.approved' : 'verify.rejected', { name: res.name });
      return c.redirect(withFlash(c, '/console/verify', msg), 303);
    }),
  );

  r.get(
    '/console/invites',
    handler(async (c) => {
      const ctx = pageCtx(c);
      const { t } = ctx;
      const scope = scopeFor(c, c.req.query('regency'));
      const regencies = await scopedRegencies(deps.db, scope);
      const regency = c.req.query('regency') ?? regencies[0]?.code;
      const district = c.req.query('district');
      if (district && !regencies.some((g) => district.startsWith(`${g.code}.`))) throw new Forbidden();
      const [codes, districts, villages] = await Promise.all([
        inviteCodes(deps.db, scope),
        regency ? listDistricts(deps.db, regency) : Promise.resolve([]),
        district ? listVillages(deps.db, district, true) : Promise.resolve([]),
      ]);
      return c.html(
        <Layout ctx={ctx} title={t('invites.title')} flash={flashOf(c, 'ok')} error={flashOf(c, 'err')}>
          <form method="get" class="inline">
            <Select
              name="regency"
              label={t('col.regency')}
              value={regency}
              options={regencies.map((g) => ({ value: g.code, label: g.name }))}
            />
            <Select
              name="district"
              label={t('col.kecamatan')}
              value={district}
              all="–"
              options={districts.map((d) => ({ value: d.code, label: d.name }))}
            />
            <button type="submit">{t('common.filter')}</button>
          </form>
          {villages.length ? (
            <form method="post" action="/console/invites" class="inline">
              <Csrf token={ctx.csrf} />
              <Select
                name="village"
                label={t('invites.pick_desa')}
                value={undefined}
                options={villages.map((v) => ({ value: v.code, label: v.name }))}
              />
              <label>
                {t('invites.days')}
                <br />
                <input type="number" name="days" value="30" min={1} max={365} />
              </label>
              <button type="submit">{t('invites.create')}</button>
            </form>
          ) : null}
          <div class="scroll">
            <table>
              <tr>
                <th>{t('col.code')}</th>
                <th>{t('col.desa')}</th>
                <th>{t('col.expires')}</th>
                <th>{t('col.used')}</th>
              </tr>
              {codes.map((i) => (
                <tr>
                  <td>
                    <code>{i.code}</code>
                  </td>
                  <td>
                    {i.desa}, {i.kecamatan}
                  </td>
                  <td>{when(i.expires_at, ctx.admin.locale)}</td>
                  <td>{i.used_at ? when(i.used_at, ctx.admin.locale) : '–'}</td>
                </tr>
              ))}
            </table>
          </div>
        </Layout>,
      );
    }),
  );

  r.post(
    '/console/invites',
    handler(async (c) => {
      const { t } = pageCtx(c);
      const body = await form(c);
      const village = body.village ?? '';
      if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(village)) return c.text(t('common.not_found'), 400);
      scopeFor(c, regencyOfArea(village));
      const days = Math.min(365, Math.max(1, Number(body.days) || 30));
      const code = newCode();
      const names = await listVillages(deps.db, village.split('.').slice(0, 3).join('.'), true);
      const desa = names.find((v) => v.code === village);
      if (!desa) return c.text(t('common.not_found'), 404);
      await insertInviteCode(deps.db, {
        code,
        villageCode: village,
        adminId: c.get('admin').id,
        expiresAt: new Date(deps.now().getTime() + days * 86_400_000),
      });
      return c.redirect(
        withFlash(c, '/console/invites', t('invites.created', { code, desa: desa.name })),
        303,
      );
    }),
  );

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

export function Pager(props: {
  c: Parameters<typeof queryWith>[0];
  offset: number;
  more: boolean;
  t: (k: 'common.prev_page' | 'common.next_page') => string;
}) {
  const page = props.offset / 50 + 1;
  return (
    <p>
      {page > 1 ? (
        <a href={queryWith(props.c, { page: String(page - 1) })}>{props.t('common.prev_page')}</a>
      ) : null}{' '}
      {props.more ? (
        <a href={queryWith(props.c, { page: String(page + 1) })}>{props.t('common.next_page')}</a>
      ) : null}
    </p>
  );
}
