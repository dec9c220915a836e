import type { Hono } from 'hono';
import type { Outbound } from '../../conversation/types.js';
import { parseRowId } from '../../domain/numbers.js';
import { notifyUser } from '../../notices/notify.js';
import { appendAudit } from '../../store/audit.js';
import {
  type ComplaintStatus,
  complaintForUpdate,
  listComplaints,
  updateComplaint,
} from '../../store/console-complaints.js';
import { type ConsoleEnv, canSeeRegency } from '../auth.js';
import {
  type ConsoleDeps,
  Forbidden,
  flashes,
  formHandler,
  pageHandler,
  redirectFlash,
  scopeFor,
} from '../context.js';
import { Csrf, FilterForm, Layout, Select, when } from '../ui.js';

const STATUSES: ComplaintStatus[] = ['open', 'in_review', 'resolved', 'dismissed'];
const NEXT: Array<Exclude<ComplaintStatus, 'open'>> = ['in_review', 'resolved', 'dismissed'];

/** Pengaduan: the regency admin answers, the person is told in the chat, the handling is logged. */
export function mountComplaints(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/complaints',
    pageHandler(async (c, ctx, t) => {
      const status = STATUSES.find((s) => s === c.req.query('status'));
      const rows = await listComplaints(deps.db, scopeFor(c, c.req.query('regency') || undefined), status);
      return c.html(
        <Layout ctx={ctx} title={t('complaints.title')} {...flashes(c)}>
          <FilterForm t={t}>
            <Select
              name="status"
              label={t('col.status')}
              value={status}
              all={t('common.all')}
              options={STATUSES.map((s) => ({ value: s, label: t(`complaint.${s}`) }))}
            />
          </FilterForm>
          {rows.length === 0 ? <p class="muted">{t('common.none')}</p> : null}
          {rows.map((x) => (
            <div class="card" id={`complaint-${x.id}`} style="margin-bottom:.75rem">
              <p>
                <b>ADU-{x.id}</b> · {t(`complaint.${x.status}`)} · {when(x.created_at, ctx.admin.locale)}
                {x.need_id ? (
                  <>
                    {' '}
                    · <a href={`/console/needs/${x.need_id}`}>{x.need_number}</a>
                  </>
                ) : null}
                <br />
                <span class="muted">
                  {t('complaints.from')}: {x.business_name ?? x.full_name ?? x.display_name ?? '–'}
                </span>
              </p>
              <p style="white-space:pre-wrap">{x.text}</p>
              {x.resolution ? (
                <p class="muted" style="white-space:pre-wrap">
                  → {x.resolution}
                </p>
              ) : null}
              <form method="post" action={`/console/complaints/${x.id}`}>
                <Csrf token={ctx.csrf} />
                <div class="fields">
                  <Select
                    name="status"
                    label={t('complaints.status')}
                    value={x.status === 'open' ? 'in_review' : x.status}
                    options={NEXT.map((s) => ({ value: s, label: t(`complaint.${s}`) }))}
                  />
                  <label>
                    {t('complaints.reply')}
                    <br />
                    <textarea name="reply" rows={2} maxlength={1000} required />
                  </label>
                </div>
                <button type="submit">{t('complaints.save')}</button>
              </form>
            </div>
          ))}
        </Layout>,
      );
    }),
  );

  r.post(
    '/console/complaints/:id',
    formHandler(async (c, body, t) => {
      const admin = c.get('admin');
      const id = parseRowId(c.req.param('id'));
      if (id === null) return c.text(t('common.not_found'), 404);
      const status = NEXT.find((s) => s === body.status);
      const reply = (body.reply ?? '').trim().slice(0, 1000);
      if (!status || !reply)
        return redirectFlash(c, '/console/complaints', t('complaints.reply_required'), 'err');
      const now = deps.now();
      const result = await deps.db.transaction().execute(async (trx) => {
        const row = await complaintForUpdate(trx, id);
        if (!row) return 'not_found' as const;
        if (!canSeeRegency(admin, row.regency_code)) return 'forbidden' as const;
        await updateComplaint(trx, id, { status, resolution: reply, adminId: admin.id, now });
        const ids = row.user_id
          ? await notifyUser(
              trx,
              row.user_id,
              (r): Outbound => ({
                type: 'text',
                text: r.t('admin.complaint_update', {
                  number: `ADU-${id}`,
                  status: r.t(`admin.complaint_${status}`),
                  text: reply,
                }),
              }),
              { now, purpose: 'notice' },
            )
          : [];
        await appendAudit(
          trx,
          {
            actorType: 'admin',
            actorId: admin.id,
            action: `complaint.${status}`,
            entityType: 'complaint',
            entityId: String(id),
            regencyCode: row.regency_code,
            data: { from: row.status, reply },
          },
          now,
        );
        return ids;
      });
      if (result === 'not_found') return c.text(t('common.not_found'), 404);
      if (result === 'forbidden') throw new Forbidden();
      await deps.relay?.enqueue(result);
      return redirectFlash(c, '/console/complaints', t('complaints.saved', { number: `ADU-${id}` }));
    }),
  );
}
