import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { regencyOf } from '../../domain/area-codes.js';
import { asLocale, translate } from '../../i18n/index.js';
import { appendAudit } from '../../store/audit.js';
import { segmentUsers } from '../../store/console-people.js';
import { scopedRegencies } from '../../store/console-settings.js';
import { recipientsOf } from '../../store/needs.js';
import { insertOutbox } from '../../store/outbox.js';
import { listDistricts } from '../../store/registry.js';
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
import { AreaFilter, Csrf, FilterForm, Layout, Select } from '../ui.js';

export function mountBroadcast(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/broadcast',
    pageHandler(async (c, ctx, t) => {
      const regencies = await scopedRegencies(deps.db, scopeFor(c));
      const regency = c.req.query('regency') || regencies[0]?.code;
      if (regency) scopeFor(c, regency);
      const districts = regency ? await listDistricts(deps.db, regency) : [];
      return c.html(
        <Layout ctx={ctx} title={t('broadcast.title')} {...flashes(c)}>
          <FilterForm t={t}>
            <AreaFilter t={t} pick regency={regency} regencies={regencies} />
          </FilterForm>
          <form method="post" action="/console/broadcast" style="max-width:640px">
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="regency" value={regency ?? ''} />
            <div class="fields">
              <Select
                name="audience"
                label={t('broadcast.audience')}
                value="vendors"
                options={[
                  { value: 'vendors', label: t('broadcast.vendors') },
                  { value: 'officers', label: t('broadcast.officers') },
                ]}
              />
              <Select
                name="district"
                label={t('col.kecamatan')}
                value={undefined}
                all={t('common.all')}
                options={districts.map((d) => ({ value: d.code, label: d.name }))}
              />
              <label>
                <input type="checkbox" name="verified_only" value="1" checked />{' '}
                {t('broadcast.verified_only')}
              </label>
            </div>
            <p>
              <label>
                {t('broadcast.text')}
                <br />
                <textarea name="text" rows={4} maxlength={1000} required />
              </label>
            </p>
            <button type="submit">{t('broadcast.send')}</button>
          </form>
        </Layout>,
      );
    }),
  );

  r.post(
    '/console/broadcast',
    formHandler(async (c, body, t) => {
      const admin = c.get('admin');
      const regency = body.regency ?? '';
      const district = body.district || undefined;
      if (district && regencyOf(district) !== regency) throw new Forbidden();
      const scope = scopeFor(c, regency || undefined);
      const text = (body.text ?? '').trim().slice(0, 1000);
      const back = `/console/broadcast${regency ? `?regency=${encodeURIComponent(regency)}` : ''}`;
      if (!text) return redirectFlash(c, back, t('settings.invalid', { field: t('broadcast.text') }), 'err');
      const audience = body.audience === 'officers' ? 'officers' : 'vendors';
      const users = await segmentUsers(deps.db, scope, {
        audience,
        district,
        verifiedOnly: body.verified_only === '1',
      });
      if (users.length === 0) return redirectFlash(c, back, t('broadcast.empty'), 'err');
      const now = deps.now();
      const id = randomUUID();
      const ids = await deps.db.transaction().execute(async (trx) => {
        const recipients = await recipientsOf(trx, users);
        const out = await insertOutbox(
          trx,
          recipients.map((r) => ({
            identityId: r.identity_id,
            channel: r.channel,
            payload: { type: 'text', text: translate(asLocale(r.locale), 'admin.broadcast', { text }) },
            purpose: 'broadcast',
            dedupeKey: `broadcast-${id}-${r.user_id}`,
          })),
          now,
        );
        await appendAudit(
          trx,
          {
            actorType: 'admin',
            actorId: admin.id,
            action: 'broadcast.sent',
            entityType: 'broadcast',
            entityId: id,
            regencyCode: regency || null,
            data: { audience, district: district ?? null, recipients: recipients.length, text },
          },
          now,
        );
        return out;
      });
      await deps.relay?.enqueue(ids);
      return redirectFlash(c, back, t('broadcast.sent', { count: ids.length }));
    }),
  );
}
