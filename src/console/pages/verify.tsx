import type { Hono } from 'hono';
import { parseRowId } from '../../domain/numbers.js';
import { pendingOfficers, pendingVendors } from '../../store/console-people.js';
import { decideRegistration } from '../actions.js';
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
import { Csrf, Layout, Table, VendorCells, when } from '../ui.js';

export function mountVerify(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/verify',
    pageHandler(async (c, ctx, t) => {
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
        <Layout ctx={ctx} title={t('verify.title')} {...flashes(c)}>
          <h2>{t('verify.officers')}</h2>
          {officers.length === 0 ? (
            <p class="muted">{t('verify.empty')}</p>
          ) : (
            <Table head={[t('col.name'), t('col.position'), t('col.desa'), t('col.registered'), '']}>
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
            </Table>
          )}
          <h2>{t('verify.vendors')}</h2>
          {vendors.length === 0 ? (
            <p class="muted">{t('verify.empty')}</p>
          ) : (
            <Table head={[t('col.business'), t('col.categories'), t('col.desa'), t('col.registered'), '']}>
              {vendors.map((v) => (
                <tr id={`vendor-${v.id}`}>
                  <VendorCells v={v} />
                  <td>{when(v.created_at, ctx.admin.locale)}</td>
                  <td>
                    <Decide kind="vendor" id={v.id} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Layout>,
      );
    }),
  );

  r.post(
    '/console/verify/:kind/:id',
    formHandler(async (c, body, t) => {
      const kind = c.req.param('kind');
      const id = parseRowId(c.req.param('id'));
      if ((kind !== 'officer' && kind !== 'vendor') || id === null) return c.text(t('common.not_found'), 404);
      const approve = body.decision === 'approve';
      const reason = (body.reason ?? '').trim().slice(0, 300);
      if (!approve && !reason) return redirectFlash(c, '/console/verify', t('verify.reason_required'), 'err');
      const res = await decideRegistration(deps, c.get('admin'), kind, id, approve, approve ? null : reason);
      if (!res.ok) {
        if (res.error === 'forbidden') throw new Forbidden();
        if (res.error === 'not_found') return c.text(t('common.not_found'), 404);
        return redirectFlash(c, '/console/verify', t('verify.already'), 'err');
      }
      const msg = t(approve ? 'verify.approved' : 'verify.rejected', { name: res.name });
      return redirectFlash(c, '/console/verify', msg);
    }),
  );
}
