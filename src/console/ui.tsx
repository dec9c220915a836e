import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { consoleEn } from '../i18n/console-en.js';
import { type ConsoleKey, consoleId } from '../i18n/console-id.js';
import type { ConsoleAdmin, ConsoleEnv } from './auth.js';
import { CONSOLE_AREAS } from './pages/list.js';

export type T = (key: ConsoleKey, params?: Record<string, string | number>) => string;

export function consoleT(locale: 'id' | 'en'): T {
  const dict: Record<ConsoleKey, string> = locale === 'en' ? consoleEn : consoleId;
  return (key, params) => {
    const s = dict[key] ?? consoleId[key];
    return params
      ? s.replace(/\{(\w+)\}/g, (w, n: string) => (params[n] === undefined ? w : String(params[n])))
      : s;
  };
}

const TZ = 'Asia/Jakarta';

export function rupiah(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return `Rp${Math.round(n).toLocaleString('id-ID')}`;
}

export function when(d: Date | string | null | undefined, locale: 'id' | 'en' = 'id'): string {
  if (!d) return '–';
  const date = typeof d === 'string' ? new Date(d) : d;
  return date.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', {
    timeZone: TZ,
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

// One small stylesheet, inline: no extra request on a slow connection.
const CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f23;background:#f6f7f9}
a{color:#0b5cad}header{background:#0f5132;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header a{color:#fff;text-decoration:none;white-space:nowrap}header a.on{text-decoration:underline}header b{margin-right:auto}
header form{display:inline;margin:0}header button{background:none;border:0;color:#fff;text-decoration:underline;cursor:pointer;font:inherit;padding:0}
main{max-width:1100px;margin:0 auto;padding:1rem}h1{font-size:1.35rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.93rem}th,td{border-bottom:1px solid #e3e6ea;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f4;font-weight:600}td.n,th.n{text-align:right}.scroll{overflow-x:auto}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:.75rem}.card{background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:.75rem}
.card .v{font-size:1.5rem;font-weight:700}.card .l{color:#555;font-size:.85rem}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.5rem 0}label{display:block;font-size:.85rem;color:#333}
input,select,textarea,button{font:inherit;padding:.4rem .5rem;border:1px solid #b8bec5;border-radius:4px;max-width:100%}textarea{width:100%}
button,.btn{background:#0f5132;color:#fff;border-color:#0f5132;cursor:pointer}button.red{background:#a61b1b;border-color:#a61b1b}
.flash{background:#e7f5ec;border:1px solid #9fd3b1;padding:.5rem .75rem;border-radius:4px;margin-bottom:1rem}.err{background:#fdecec;border-color:#e3a1a1}
.muted{color:#666;font-size:.85rem}.grid2{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.chat{background:#fff;border:1px solid #e3e6ea;padding:.5rem;max-height:60vh;overflow-y:auto}
.msg{margin:.3rem 0;padding:.4rem .6rem;border-radius:6px;white-space:pre-wrap;max-width:85%}.me{background:#dcf3e3;margin-left:auto}.bot{background:#eef1f4}
.msgs{display:flex;flex-direction:column}svg{max-width:100%;height:auto}.fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:.75rem}
@media (max-width:640px){.grid2{grid-template-columns:1fr}main{padding:.6rem}th,td{padding:.35rem}}
`;

export interface PageCtx {
  admin: ConsoleAdmin;
  csrf: string;
  t: T;
  path: string;
}

export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function Layout(props: {
  ctx: PageCtx | null;
  title: string;
  children?: Child;
  flash?: string;
  error?: string;
}) {
  const { ctx } = props;
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={ctx?.admin.locale ?? 'id'}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{props.title} · PesanDesa</title>
          <style>{raw(CSS)}</style>
        </head>
        <body>
          {ctx ? (
            <header>
              <b>{ctx.t('app.title')}</b>
              {CONSOLE_AREAS.map(({ path: href, nav: key }) => (
                <a
                  href={href}
                  class={ctx.path === href || (href !== '/console' && ctx.path.startsWith(href)) ? 'on' : ''}
                >
                  {ctx.t(key)}
                </a>
              ))}
              <form method="post" action="/console/lang">
                <Csrf token={ctx.csrf} />
                <input type="hidden" name="back" value={ctx.path} />
                <button type="submit">{ctx.t('nav.language')}</button>
              </form>
              <form method="post" action="/console/logout">
                <Csrf token={ctx.csrf} />
                <button type="submit">
                  {ctx.t('nav.logout')} ({ctx.admin.name})
                </button>
              </form>
            </header>
          ) : null}
          <main>
            <h1>{props.title}</h1>
            {props.flash ? <p class="flash">{props.flash}</p> : null}
            {props.error ? <p class="flash err">{props.error}</p> : null}
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

/** A tiny bar chart as inline SVG (no script, a few hundred bytes). */
export function Bars(props: {
  data: Array<{ label: string; value: number }>;
  title: string;
  format?: (n: number) => string;
}) {
  const w = 320;
  const h = 120;
  const max = Math.max(1, ...props.data.map((d) => d.value));
  const bw = w / Math.max(1, props.data.length);
  const fmt = props.format ?? ((n: number) => String(n));
  return (
    <figure style="margin:0">
      <figcaption class="muted">{props.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h + 18}`} width={w} height={h + 18} role="img" aria-label={props.title}>
        {props.data.map((d, i) => {
          const bh = Math.round((d.value / max) * (h - 14));
          return (
            <g>
              <title>{`${d.label}: ${fmt(d.value)}`}</title>
              <rect x={i * bw + 3} y={h - bh} width={bw - 6} height={bh} fill="#2e7d4f" />
              <text x={i * bw + bw / 2} y={h + 13} font-size="10" text-anchor="middle" fill="#444">
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Share as a horizontal bar (0..1). */
export function ShareBar(props: { share: number | null }) {
  const pct = props.share === null ? 0 : Math.round(props.share * 100);
  return (
    <svg viewBox="0 0 200 14" width="200" height="14" role="img" aria-label={`${pct}%`}>
      <rect width="200" height="14" fill="#e3e6ea" />
      <rect width={pct * 2} height="14" fill="#2e7d4f" />
    </svg>
  );
}

export function Select(props: {
  name: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
  all?: string;
  label: string;
}) {
  return (
    <label>
      {props.label}
      <br />
      <select name={props.name}>
        {props.all !== undefined ? <option value="">{props.all}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Previous / next links for a list shown 50 rows a page (one more row is read to know). */
export function Pager(props: {
  c: Context<ConsoleEnv>;
  offset: number;
  more: boolean;
  t: (k: 'common.prev_page' | 'common.next_page') => string;
}) {
  const page = props.offset / 50 + 1;
  const to = (n: number) => {
    const u = new URL(props.c.req.url);
    u.searchParams.set('page', String(n));
    return `${u.pathname}${u.search}`;
  };
  return (
    <p>
      {page > 1 ? <a href={to(page - 1)}>{props.t('common.prev_page')}</a> : null}{' '}
      {props.more ? <a href={to(page + 1)}>{props.t('common.next_page')}</a> : null}
    </p>
  );
}

type Area = { code: string; name: string };
const areaOptions = (xs: Area[]) => xs.map((x) => ({ value: x.code, label: x.name }));

/**
 * The regency / kecamatan / desa selects of a list filter, each with "all"; the kecamatan and
 * desa selects are shown only when their lists are given. With `pick` a regency must be chosen
 * (no "all"), under `label` if given.
 */
export function AreaFilter(props: {
  t: T;
  regency: string | undefined;
  regencies: Area[];
  pick?: boolean;
  label?: string;
  district?: string;
  districts?: Area[];
  village?: string;
  villages?: Area[];
}) {
  const { t } = props;
  const all = t('common.all');
  const levels: Array<[name: string, label: string, value: string | undefined, list?: Area[]]> = [
    ['regency', props.label ?? t('col.regency'), props.regency, props.regencies],
    ['district', t('col.kecamatan'), props.district, props.districts],
    ['village', t('col.desa'), props.village, props.villages],
  ];
  return (
    <>
      {levels.map(([name, label, value, list]) =>
        list ? (
          <Select
            name={name}
            label={label}
            value={value}
            all={name === 'regency' && props.pick ? undefined : all}
            options={areaOptions(list)}
          />
        ) : null,
      )}
    </>
  );
}

/** A right-aligned (numeric) column heading for Table. */
export const num = (label: string) => ({ label, n: true as const });

/** A table that scrolls sideways on a narrow screen: its heading row, then the rows given. */
export function Table(props: {
  head: Array<string | { label: string; n: true }>;
  id?: string;
  children?: Child;
}) {
  return (
    <div class="scroll">
      <table id={props.id}>
        <tr>
          {props.head.map((h) => (typeof h === 'string' ? <th>{h}</th> : <th class="n">{h.label}</th>))}
        </tr>
        {props.children}
      </table>
    </div>
  );
}

/** A list's filter form (GET, so the filter stays in the address): its fields, then "Filter". */
export function FilterForm(props: { t: T; children?: Child }) {
  return (
    <form method="get" class="inline">
      {props.children}
      <button type="submit">{props.t('common.filter')}</button>
    </form>
  );
}

/** The top-level categories as a filter select (with "all"), named in the admin's language. */
export function CategorySelect(props: {
  t: T;
  locale: 'id' | 'en';
  value: number | undefined;
  categories: Array<{ id: number; parent_id: number | null; name_id: string; name_en: string }>;
}) {
  return (
    <Select
      name="category"
      label={props.t('col.category')}
      value={props.value ? String(props.value) : undefined}
      all={props.t('common.all')}
      options={props.categories
        .filter((x) => x.parent_id === null)
        .map((x) => ({ value: String(x.id), label: props.locale === 'en' ? x.name_en : x.name_id }))}
    />
  );
}

/** A vendor's name (owner, phone), categories and desa: the first cells of a vendor row. */
export function VendorCells(props: {
  v: {
    business_name: string;
    owner_name: string;
    phone_e164: string | null;
    categories: string | null;
    desa: string;
    kecamatan: string;
  };
}) {
  const { v } = props;
  return (
    <>
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
    </>
  );
}
