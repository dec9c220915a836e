import type { PublicKey } from '../i18n/public-id.js';
import type { activeVillages, openNeeds, publicRegencies, results } from '../store/public.js';
import { Page, rupiah, type View } from './layout.js';

type OpenNeed = Awaited<ReturnType<typeof openNeeds>>[number];
type Result = Awaited<ReturnType<typeof results>>[number];
type Regency = Awaited<ReturnType<typeof publicRegencies>>[number];
type Village = Awaited<ReturnType<typeof activeVillages>>[number];

const methodKey = (m: string) => `method.${m}` as PublicKey;
const statusKey = (s: string) => `status.${s}` as PublicKey;

export function IndexPage(props: { v: View; regencies: Regency[] }) {
  const { v } = props;
  return (
    <Page v={v} title={v.t('index.heading')}>
      <h1>{v.t('index.heading')}</h1>
      <p>{v.t('index.intro')}</p>
      {props.regencies.length === 0 ? <p>{v.t('index.none')}</p> : null}
      {props.regencies.map((r) => (
        <div class="need">
          <h3>
            <a href={`/publik/${r.code}`}>{r.name}</a>
          </h3>
          <span class="muted">
            {v.t('index.open', { count: r.open })} · {v.t('index.results', { count: r.results })}
          </span>
        </div>
      ))}
    </Page>
  );
}

/** An open need: what, where, until when. Deliberately no amount of any kind. */
function OpenNeedCard(props: { v: View; n: OpenNeed }) {
  const { v, n } = props;
  return (
    <div class="need">
      <h3>{n.title}</h3>
      <div class="muted">
        {n.number} · {v.t('need.desa', { village: n.village_name, district: n.district_name })} ·{' '}
        <span class="tag">{v.t(methodKey(n.method))}</span>
      </div>
      <ul>
        {n.items.map((i) => (
          <li>
            {i.name} — {i.quantity.toLocaleString('id-ID')} {i.unit}
          </li>
        ))}
      </ul>
      <dl>
        <dt>{v.t('open.deadline')}</dt>
        <dd>{v.dateTime(n.quote_deadline)}</dd>
        <dt>{v.t('open.needed_by')}</dt>
        <dd>{v.date(n.needed_by)}</dd>
      </dl>
    </div>
  );
}

function ResultCard(props: { v: View; r: Result }) {
  const { v, r } = props;
  const key = r.number ?? String(r.id);
  return (
    <div class="need">
      <h3>{r.title}</h3>
      <div class="muted">
        {r.number} · {v.t('need.desa', { village: r.village_name, district: r.district_name })} ·{' '}
        <span class="tag">{v.t(methodKey(r.method))}</span> ·{' '}
        <span class="tag">{v.t(statusKey(r.status))}</span>
      </div>
      <dl>
        <dt>{v.t('results.hps')}</dt>
        <dd>{rupiah(r.hps)}</dd>
        <dt>{v.t('results.quotes')}</dt>
        <dd>{r.quote_count}</dd>
        <dt>{v.t('results.winner')}</dt>
        <dd>{r.winner ?? v.t('results.no_winner')}</dd>
        {r.winner && r.offered_amount !== null ? (
          <>
            <dt>{v.t('results.offered')}</dt>
            <dd>{rupiah(r.offered_amount)}</dd>
          </>
        ) : null}
        {r.winner && r.amount !== null ? (
          <>
            <dt>{v.t('results.agreed')}</dt>
            <dd>
              <b>{rupiah(r.amount)}</b>
            </dd>
          </>
        ) : null}
        {r.awarded_at ? (
          <>
            <dt>{v.t('results.date')}</dt>
            <dd>{v.date(r.awarded_at)}</dd>
          </>
        ) : null}
      </dl>
      <a class="muted" href={`/publik/ocds/need/${encodeURIComponent(key)}`}>
        {v.t('need.ocds')}
      </a>
    </div>
  );
}

export function NeedsPage(props: {
  v: View;
  heading: string;
  subheading?: string;
  open: OpenNeed[];
  results: Result[];
  villages?: Village[];
  regencyCode: string;
  nextPage: string | null;
}) {
  const { v } = props;
  return (
    <Page v={v} title={props.heading}>
      <h1>{props.heading}</h1>
      {props.subheading ? <p class="muted">{props.subheading}</p> : null}
      <h2>{v.t('open.heading')}</h2>
      <p class="note">{v.t('open.sealed')}</p>
      {props.open.length === 0 ? <p>{v.t('open.none')}</p> : null}
      {props.open.map((n) => (
        <OpenNeedCard v={v} n={n} />
      ))}
      <h2>{v.t('results.heading')}</h2>
      {props.results.length === 0 ? <p>{v.t('results.none')}</p> : null}
      {props.results.map((r) => (
        <ResultCard v={v} r={r} />
      ))}
      {props.nextPage ? <a href={props.nextPage}>{v.t('results.more')} →</a> : null}
      {props.villages?.length ? (
        <>
          <h2>{v.t('villages.heading')}</h2>
          <ul class="cols">
            {props.villages.map((d) => (
              <li>
                <a href={`/publik/${props.regencyCode}/${d.code}`}>{d.name}</a>{' '}
                <span class="muted">
                  ({d.districtName}, {v.t('villages.count', { count: d.needs })})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}

export function OcdsPage(props: { v: View; regencies: Regency[]; months: string[] }) {
  const { v } = props;
  return (
    <Page v={v} title={v.t('ocds.heading')}>
      <h1>{v.t('ocds.heading')}</h1>
      <p>{v.t('ocds.intro')}</p>
      <ul>
        <li>
          <a href="/publik/ocds/releases.json">{v.t('ocds.all')}</a>
        </li>
        {props.months.map((m) => (
          <li>
            <a href={`/publik/ocds/releases.json?month=${m}`}>{m}</a>
          </li>
        ))}
      </ul>
      <ul>
        {props.regencies.map((r) => (
          <li>
            <a href={`/publik/ocds/releases.json?regency=${r.code}`}>{r.name}</a>
          </li>
        ))}
      </ul>
    </Page>
  );
}

export function NotFoundPage(props: { v: View }) {
  const { v } = props;
  return (
    <Page v={v} title={v.t('notfound.heading')}>
      <h1>{v.t('notfound.heading')}</h1>
      <p>
        <a href="/publik">{v.t('notfound.body')}</a>
      </p>
    </Page>
  );
}
