import { randomInt } from 'node:crypto';
import type { Hono } from 'hono';
import { districtOf, regencyOf } from '../../domain/area-codes.js';
import { insertInviteCode, inviteCodes } from '../../store/console-people.js';
import { scopedRegencies } from '../../store/console-settings.js';
import { listDistricts, listVillages } from '../../store/registry.js';
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
import { AreaFilter, Csrf, FilterForm, Layout, Select, Table, when } from '../ui.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () =>
  Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export function mountInvites(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/invites',
    pageHandler(async (c, ctx, t) => {
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
        <Layout ctx={ctx} title={t('invites.title')} {...flashes(c)}>
          <FilterForm t={t}>
            <AreaFilter t={t} pick regency={regency} regencies={regencies} />
            <Select
              name="district"
              label={t('col.kecamatan')}
              value={district}
              all="–"
              options={districts.map((d) => ({ value: d.code, label: d.name }))}
            />
          </FilterForm>
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
          <Table head={[t('col.code'), t('col.desa'), t('col.expires'), t('col.used')]}>
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
          </Table>
        </Layout>,
      );
    }),
  );

  r.post(
    '/console/invites',
    formHandler(async (c, body, t) => {
      const village = body.village ?? '';
      if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(village)) return c.text(t('common.not_found'), 400);
      scopeFor(c, regencyOf(village));
      const days = Math.min(365, Math.max(1, Number(body.days) || 30));
      const code = newCode();
      const names = await listVillages(deps.db, districtOf(village), true);
      const desa = names.find((v) => v.code === village);
      if (!desa) return c.text(t('common.not_found'), 404);
      await insertInviteCode(deps.db, {
        code,
        villageCode: village,
        adminId: c.get('admin').id,
        expiresAt: new Date(deps.now().getTime() + days * 86_400_000),
      });
      return redirectFlash(c, '/console/invites', t('invites.created', { code, desa: desa.name }));
    }),
  );
}
