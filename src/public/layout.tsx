import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { publicEn } from '../i18n/public-en.js';
import { type PublicKey, publicId } from '../i18n/public-id.js';
import { formatDate, formatDateTime } from '../parse/date-format.js';
import { zoneLabel } from '../parse/tz.js';

export type PublicLocale = 'id' | 'en';

/** What every public page needs: the language, the time zone and a translator. */
export interface View {
  locale: PublicLocale;
  timeZone: string;
  /** The path of this page, for the language switch. */
  path: string;
  t: (key: PublicKey, params?: Record<string, string | number>) => string;
  dateTime: (d: Date) => string;
  date: (d: Date) => string;
}

export function makeView(locale: PublicLocale, timeZone: string, path: string): View {
  const dict: Record<PublicKey, string> = locale === 'en' ? publicEn : publicId;
  return {
    locale,
    timeZone,
    path,
    t: (key, params) =>
      params
        ? dict[key].replace(/\{(\w+)\}/g, (w, n: string) => (params[n] === undefined ? w : String(params[n])))
        : dict[key],
    dateTime: (d) => formatDateTime(d, locale, timeZone),
    date: (d) => formatDate(d, locale, timeZone),
  };
}

export const rupiah = (n: number) => `Rp${Math.round(n).toLocaleString('id-ID')}`;

// Small and inline: one request per page on a slow village connection, readable on a phone.
const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f23;background:#f6f7f9}
a{color:#0b5cad}header{background:#7a1f1f;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
header a{color:#fff}header b{margin-right:auto}main{max-width:900px;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.need{background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:.7rem .8rem;margin:.5rem 0}
.need h3{font-size:1rem;margin:0 0 .2rem}.muted{color:#5a6169;font-size:.88rem}ul{margin:.3rem 0;padding-left:1.2rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.4rem 0 0;font-size:.93rem}dt{color:#5a6169}dd{margin:0}
.note{background:#fff8e1;border:1px solid #f0d98a;padding:.5rem .7rem;border-radius:4px;font-size:.9rem}
.tag{display:inline-block;background:#eef1f4;border-radius:3px;padding:0 .35rem;font-size:.82rem}
.cols{columns:2 220px}footer{max-width:900px;margin:1rem auto;padding:0 1rem 2rem;color:#5a6169;font-size:.85rem}`;

export function Page(props: { v: View; title: string; children?: Child }) {
  const { v } = props;
  const other = v.locale === 'en' ? 'id' : 'en';
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={v.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · PesanDesa`}</title>
          <style>{raw(CSS)}</style>
        </head>
        <body>
          <header>
            <b>PesanDesa</b>
            <a href="/publik">{v.t('nav.home')}</a>
            <a href="/publik/ocds">{v.t('nav.ocds')}</a>
            <a href={`${v.path}?lang=${other}`} hreflang={other}>
              {v.t('lang.switch')}
            </a>
          </header>
          <main>{props.children}</main>
          <footer>{v.t('footer.note', { zone: zoneLabel(Date.now(), v.timeZone) })}</footer>
        </body>
      </html>
    </>
  );
}
