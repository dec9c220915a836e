import type { Hono } from 'hono';
import { parseRowId } from '../../domain/numbers.js';
import { rankQuoteRows } from '../../procurement/award.js';
import {
  auditOfNeed,
  fulfilmentOf,
  invitationsOf,
  needHeader,
  needItemsOf,
  ordersOfNeed,
  quoteIdsOf,
} from '../../store/console-needs.js';
import { activeQuoteCount, unsealedQuotes } from '../../store/quotes.js';
import type { ConsoleEnv } from '../auth.js';
import { type ConsoleDeps, pageHandler, scopeFor } from '../context.js';
import { Layout, num, rupiah, Table, when } from '../ui.js';

export function mountNeed(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  r.get(
    '/console/needs/:id',
    pageHandler(async (c, ctx, t) => {
      const loc = ctx.admin.locale;
      const id = parseRowId(c.req.param('id'));
      if (id === null) return c.text(t('common.not_found'), 404);
      const need = await needHeader(deps.db, id);
      if (!need) return c.text(t('common.not_found'), 404);
      scopeFor(c, need.regency_code);
      const now = deps.now();
      const sealed = need.quote_deadline > now;
      const [items, invitations, orders, quoteIds, count, quotes] = await Promise.all([
        needItemsOf(deps.db, id),
        invitationsOf(deps.db, id),
        ordersOfNeed(deps.db, id),
        quoteIdsOf(deps.db, id),
        activeQuoteCount(deps.db, id),
        sealed ? Promise.resolve([]) : unsealedQuotes(deps.db, id, now),
      ]);
      const ranked = rankQuoteRows(quotes);
      const orderIds = orders.map((o) => o.id);
      const [ful, audit] = await Promise.all([
        fulfilmentOf(deps.db, orderIds),
        auditOfNeed(deps.db, id, quoteIds, orderIds),
      ]);
      return c.html(
        <Layout ctx={ctx} title={t('need.title', { number: need.number ?? `#${need.id}` })}>
          <p>
            <b>{need.title}</b> · {t(`method.${need.method}`)} · {t(`status.${need.status}`)}
            <br />
            {need.desa}, {need.kecamatan} · {need.category} · {t('need.officer')}: {need.officer}
            <br />
            {t('col.hps')}: {rupiah(need.hps)} · {t('col.deadline')}: {when(need.quote_deadline, loc)} ·{' '}
            {t('need.needed_by')}: {when(need.needed_by, loc)} · {t('need.place')}: {need.delivery_place}
          </p>
          <p class="muted">
            <a href={`/console/export/ocds/need/${need.id}`}>{t('common.export_ocds')}</a>
          </p>
          <h2>{t('need.timeline')}</h2>
          <ul>
            <li>
              {t('need.created')}: {when(need.created_at, loc)}
            </li>
            {need.published_at ? (
              <li>
                {t('need.published')}: {when(need.published_at, loc)}
              </li>
            ) : null}
            {need.closed_at ? (
              <li>
                {t('need.closed')}: {when(need.closed_at, loc)}
              </li>
            ) : null}
            {orders.map((o) => (
              <li>
                {t('need.order')} {o.number}: {when(o.created_at, loc)} – {t(`order.${o.status}`)}
              </li>
            ))}
          </ul>
          <h2>{t('need.items')}</h2>
          <Table head={[t('col.item'), num(t('col.qty'))]}>
            {items.map((i) => (
              <tr>
                <td>{i.name}</td>
                <td class="n">
                  {i.quantity} {i.unit}
                </td>
              </tr>
            ))}
          </Table>
          <h2>{t('need.invitations')}</h2>
          <Table head={[t('col.rank'), t('col.vendor'), t('col.ring'), t('col.status')]}>
            {invitations.map((i) => (
              <tr>
                <td>{i.rank}</td>
                <td>{i.business_name}</td>
                <td>{t(`ring.${i.ring}`)}</td>
                <td>
                  {t(`inv.${i.status}`)}{' '}
                  {i.alerted_at ? <span class="muted">({when(i.alerted_at, loc)})</span> : null}
                </td>
              </tr>
            ))}
          </Table>
          <h2>{t('need.quotes')}</h2>
          {sealed ? (
            <p class="flash" id="sealed">
              {t('need.sealed', { deadline: when(need.quote_deadline, loc), count })}
            </p>
          ) : (
            <Table
              id="ranked-quotes"
              head={[
                t('col.rank'),
                t('col.vendor'),
                num(t('col.total')),
                num(t('col.delivery_days')),
                t('col.status'),
                t('col.note'),
              ]}
            >
              {ranked.map((q, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <td>{q.business_name}</td>
                  <td class="n">{rupiah(q.total)}</td>
                  <td class="n">{q.delivery_days}</td>
                  <td>{t(`quote.${q.status}`)}</td>
                  <td>{q.note ?? ''}</td>
                </tr>
              ))}
            </Table>
          )}
          {orders.length ? (
            <>
              <h2>{t('need.order')}</h2>
              <Table
                head={[
                  t('col.number'),
                  t('col.vendor'),
                  num(t('col.amount')),
                  t('col.status'),
                  t('col.reason'),
                ]}
              >
                {orders.map((o) => (
                  <tr>
                    <td>{o.number}</td>
                    <td>{o.business_name}</td>
                    <td class="n">
                      {rupiah(o.amount)}
                      {o.offered_amount !== o.amount ? (
                        <div class="muted">{rupiah(o.offered_amount)}</div>
                      ) : null}
                    </td>
                    <td>{t(`order.${o.status}`)}</td>
                    <td>
                      {[o.award_reason, o.negotiation_note, o.status_reason].filter(Boolean).join(' · ')}
                    </td>
                  </tr>
                ))}
              </Table>
              <h2>{t('need.delivery')}</h2>
              <ul>
                {ful.deliveries.map((d) => (
                  <li>
                    {when(d.reported_at, loc)} {d.note ?? ''} {d.photo_media_id ? '📷' : ''}
                  </li>
                ))}
              </ul>
              <h2>{t('need.receipt')}</h2>
              <ul>
                {ful.receipts.map((x) => (
                  <li>
                    {when(x.created_at, loc)} {x.outcome} {x.bast_number ?? ''} {x.problem_note ?? ''}
                  </li>
                ))}
              </ul>
              <h2>{t('need.payment')}</h2>
              <ul>
                {ful.payments.map((p) => (
                  <li>
                    {rupiah(p.amount)} · {p.method} · {p.reference ?? ''}
                  </li>
                ))}
              </ul>
              <h2>{t('need.ratings')}</h2>
              <ul>
                {ful.ratings.map((x) => (
                  <li>
                    {x.direction}: {'★'.repeat(x.score)} {x.comment ?? ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t('need.audit')}</h2>
          <Table head={['#', t('col.time'), t('col.action'), t('col.actor')]}>
            {audit.map((a) => (
              <tr>
                <td>{a.id}</td>
                <td>{when(a.at, loc)}</td>
                <td>
                  {a.action}{' '}
                  <span class="muted">
                    {a.entity_type} {a.entity_id}
                  </span>
                </td>
                <td>
                  {a.actor_type} {a.actor_id ?? ''}
                </td>
              </tr>
            ))}
          </Table>
        </Layout>,
      );
    }),
  );
}
