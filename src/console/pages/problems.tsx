import type { Hono } from 'hono';
import { failedMessages, problemOrders, unreachableIdentities } from '../../store/console-needs.js';
import type { ConsoleEnv } from '../auth.js';
import { type ConsoleDeps, pageHandler, scopeFor } from '../context.js';
import { redFlags } from '../flags.js';
import { Layout, num, rupiah, Table, when } from '../ui.js';

export function mountProblems(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/problems',
    pageHandler(async (c, ctx, t) => {
      const loc = ctx.admin.locale;
      const scope = scopeFor(c, c.req.query('regency') || undefined);
      const [orders, unreachable, failed, flags] = await Promise.all([
        problemOrders(deps.db, scope, deps.now()),
        unreachableIdentities(deps.db, scope),
        failedMessages(deps.db, scope),
        redFlags(deps.db, scope, deps.now()),
      ]);
      const noFlags = flags.splits.length + flags.winners.length + flags.clustered.length === 0;
      return c.html(
        <Layout ctx={ctx} title={t('problems.title')}>
          <h2>{t('problems.orders')}</h2>
          {orders.length === 0 ? (
            <p class="muted">{t('common.none')}</p>
          ) : (
            <Table
              head={[
                t('col.order'),
                t('col.vendor'),
                t('col.desa'),
                num(t('col.amount')),
                t('col.status'),
                t('col.reason'),
              ]}
            >
              {orders.map((o) => (
                <tr>
                  <td>
                    <a href={`/console/needs/${o.need_id}`}>{o.number}</a>
                  </td>
                  <td>{o.business_name}</td>
                  <td>{o.desa}</td>
                  <td class="n">{rupiah(o.amount)}</td>
                  <td>
                    {t(`order.${o.status}`)}
                    {o.status === 'awaiting_acceptance' || o.status === 'accepted' ? (
                      <div class="muted">
                        {t('problems.overdue')}: {when(o.needed_by, loc)}
                      </div>
                    ) : null}
                  </td>
                  <td>{o.problem_note ?? o.status_reason ?? ''}</td>
                </tr>
              ))}
            </Table>
          )}
          <h2>{t('flags.title')}</h2>
          {noFlags ? <p class="muted">{t('flags.none')}</p> : null}
          {flags.splits.length ? (
            <>
              <h3>{t('flags.splits')}</h3>
              <ul id="flag-splits">
                {flags.splits.map((f) => (
                  <li>
                    {t('flags.split_line', {
                      desa: f.desa,
                      count: f.needs.length,
                      total: rupiah(f.total),
                      threshold: rupiah(f.threshold),
                    })}
                    :{' '}
                    {f.needs.map((n) => (
                      <>
                        <a href={`/console/needs/${n.id}`}>{n.number}</a>{' '}
                      </>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {flags.winners.length ? (
            <>
              <h3>{t('flags.winners')}</h3>
              <ul id="flag-winners">
                {flags.winners.map((w) => (
                  <li>
                    {t('flags.winner_line', {
                      desa: w.desa,
                      vendor: w.vendor,
                      wins: w.wins,
                      orders: w.orders,
                      share: Math.round(w.share * 100),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {flags.clustered.length ? (
            <>
              <h3>{t('flags.clustered')}</h3>
              <ul id="flag-clustered">
                {flags.clustered.map((q) => (
                  <li>
                    <a href={`/console/needs/${q.id}`}>{q.number}</a>:{' '}
                    {q.totals.map((x) => rupiah(x)).join(' · ')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t('problems.unreachable')}</h2>
          {unreachable.length === 0 ? (
            <p class="muted">{t('common.none')}</p>
          ) : (
            <Table head={[t('col.name'), t('col.channel'), t('col.time'), t('col.reason')]}>
              {unreachable.map((u) => (
                <tr>
                  <td>{u.business_name ?? u.full_name ?? u.display_name ?? '–'}</td>
                  <td>{u.channel}</td>
                  <td>{when(u.unreachable_at, loc)}</td>
                  <td>{u.unreachable_reason ?? ''}</td>
                </tr>
              ))}
            </Table>
          )}
          <h2>{t('problems.failed')}</h2>
          {failed.length === 0 ? (
            <p class="muted">{t('common.none')}</p>
          ) : (
            <Table head={['#', t('col.name'), t('col.channel'), t('col.status'), t('col.reason')]}>
              {failed.map((m) => (
                <tr>
                  <td>{m.id}</td>
                  <td>{m.business_name ?? m.full_name ?? '–'}</td>
                  <td>{m.channel}</td>
                  <td>
                    {m.status} ({m.attempts}) <span class="muted">{m.purpose}</span>
                  </td>
                  <td>{(m.last_error ?? '').slice(0, 200)}</td>
                </tr>
              ))}
            </Table>
          )}
        </Layout>,
      );
    }),
  );
}
