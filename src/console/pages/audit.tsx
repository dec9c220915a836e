import type { Hono } from 'hono';
import { parseRowId } from '../../domain/numbers.js';
import { verifyAuditChain } from '../../store/audit.js';
import { auditPage } from '../../store/console-needs.js';
import type { ConsoleEnv } from '../auth.js';
import {
  type ConsoleDeps,
  flashes,
  handler,
  pageCtx,
  pageHandler,
  redirectFlash,
  scopeFor,
} from '../context.js';
import { Csrf, Layout, Table, when } from '../ui.js';

export function mountAudit(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/audit',
    pageHandler(async (c, ctx, t) => {
      const before = parseRowId(c.req.query('before'));
      const rows = await auditPage(deps.db, scopeFor(c, c.req.query('regency') || undefined), before);
      const last = rows.at(-1);
      return c.html(
        <Layout ctx={ctx} title={t('audit.title')} {...flashes(c)}>
          <form method="post" action="/console/audit/verify" class="inline">
            <Csrf token={ctx.csrf} />
            <button type="submit" id="verify-chain">
              {t('audit.verify')}
            </button>
          </form>
          <Table head={['#', t('col.time'), t('col.actor'), t('col.action'), t('col.entity'), '']}>
            {rows.map((a) => (
              <tr>
                <td>{a.id}</td>
                <td>{when(a.at, ctx.admin.locale)}</td>
                <td>
                  {a.actor_type} {a.actor_id ?? ''}
                </td>
                <td>{a.action}</td>
                <td>
                  {a.entity_type === 'need' ? (
                    <a href={`/console/needs/${a.entity_id}`}>need {a.entity_id}</a>
                  ) : (
                    `${a.entity_type} ${a.entity_id}`
                  )}
                </td>
                <td>
                  <code class="muted">
                    {a.data && Object.keys(a.data).length ? JSON.stringify(a.data).slice(0, 120) : ''}
                  </code>
                </td>
              </tr>
            ))}
          </Table>
          {rows.length === 100 && last ? (
            <p>
              <a href={`/console/audit?before=${last.id}`}>{t('common.next_page')}</a>
            </p>
          ) : null}
        </Layout>,
      );
    }),
  );

  // The chain is one for the whole system, so verifying it reads every row; the answer names
  // only the first broken row's id, which any admin may know.
  r.post(
    '/console/audit/verify',
    handler(async (c) => {
      const { t } = pageCtx(c);
      const result = await verifyAuditChain(deps.db);
      return result.ok
        ? redirectFlash(c, '/console/audit', t('audit.ok', { rows: result.rows }))
        : redirectFlash(
            c,
            '/console/audit',
            t('audit.broken', { id: result.brokenAt ?? '?', rows: result.rows }),
            'err',
          );
    }),
  );
}
