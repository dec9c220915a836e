import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { type OcdsSettings, ocdsPackage, parsePeriod } from '../exports/ocds.js';
import type { AppEnv } from '../server/app.js';
import {
  activeVillages,
  needIdByKey,
  openNeeds,
  type PublicScope,
  publicRegencies,
  publicRegency,
  publicVillage,
  results,
} from '../store/public.js';
import type { Database } from '../store/schema.js';
import { makeView, type PublicLocale, type View } from './layout.js';
import { IndexPage, NeedsPage, NotFoundPage, OcdsPage } from './pages.js';

export interface PublicDeps {
  db: Kysely<Database>;
  now: () => Date;
  timeZone: string;
  ocds: OcdsSettings;
  /** PUBLIC_URL when set: package URIs name it rather than the address the request came to. */
  publicUrl?: string;
}

const LANG_COOKIE = 'pd_lang';
// Per page: open needs and results are paged together (?page=n), so no page grows past ~100 KB.
const OPEN_PAGE = 60;
const RESULTS_PAGE = 30;
const REGENCY = /^\d{2}\.\d{2}$/;
const VILLAGE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/** `?lang=` wins (and is remembered in a cookie); then the cookie; Bahasa Indonesia by default. */
function localeOf(c: Context): PublicLocale {
  const q = c.req.query('lang');
  if (q === 'id' || q === 'en') {
    setCookie(c, LANG_COOKIE, q, { path: '/publik', maxAge: 365 * 86_400, sameSite: 'Lax', httpOnly: true });
    return q;
  }
  return getCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'id';
}

function pageOf(c: Context): number {
  const p = Number(c.req.query('page') ?? '1');
  return Number.isSafeInteger(p) && p >= 1 && p <= 10_000 ? p : 1;
}

export function mountPublic(app: Hono<AppEnv>, deps: PublicDeps) {
  const view = (c: Context) => makeView(localeOf(c), deps.timeZone, c.req.path);
  const html = (c: Context, body: string | Promise<string>, status: 200 | 404 = 200) => {
    // Pages change with the language cookie; short caching keeps a busy day cheap.
    c.header('cache-control', 'public, max-age=60');
    c.header('vary', 'Cookie');
    return c.html(body, status);
  };
  /** One page of a regency's or a desa's open needs and results, and whether a next page has any. */
  const needsPage = async (c: Context, scope: PublicScope) => {
    const now = deps.now();
    const page = pageOf(c);
    const open = await openNeeds(deps.db, scope, now, OPEN_PAGE + 1, (page - 1) * OPEN_PAGE);
    const done = await results(deps.db, scope, now, RESULTS_PAGE + 1, (page - 1) * RESULTS_PAGE);
    return {
      page,
      open: open.slice(0, OPEN_PAGE),
      done: done.slice(0, RESULTS_PAGE),
      more: open.length > OPEN_PAGE || done.length > RESULTS_PAGE,
    };
  };
  const notFound = (c: Context, v: View) => html(c, <NotFoundPage v={v} />, 404);
  const packageUri = (c: Context) => {
    const u = new URL(c.req.url);
    return deps.publicUrl ? `${deps.publicUrl.replace(/\/$/, '')}${u.pathname}${u.search}` : u.toString();
  };

  app.get('/publik', async (c) => {
    const v = view(c);
    return html(c, <IndexPage v={v} regencies={await publicRegencies(deps.db, deps.now())} />);
  });

  app.get('/publik/ocds', async (c) => {
    const v = view(c);
    const now = deps.now();
    const months: string[] = [];
    for (let i = 0; i < 12; i++) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
      months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
    }
    return html(c, <OcdsPage v={v} regencies={await publicRegencies(deps.db, now)} months={months} />);
  });

  // A period (and optionally one regency) as one release package.
  app.get('/publik/ocds/releases.json', async (c) => {
    const period = parsePeriod(
      { from: c.req.query('from'), to: c.req.query('to'), month: c.req.query('month') },
      deps.timeZone,
    );
    if ('error' in period) return c.json({ error: 'bad_request', message: period.error }, 400);
    const regency = c.req.query('regency');
    if (regency !== undefined && !REGENCY.test(regency)) {
      return c.json({ error: 'bad_request', message: 'regency must be a code like 32.14' }, 400);
    }
    const pkg = await ocdsPackage(
      deps.db,
      { ...period, ...(regency ? { regency } : {}) },
      { ...deps.ocds, uri: packageUri(c), now: deps.now() },
    );
    c.header('cache-control', 'public, max-age=300');
    return c.json(pkg);
  });

  app.get('/publik/ocds/need/:key', async (c) => {
    const id = await needIdByKey(deps.db, c.req.param('key'));
    const pkg =
      id === null
        ? null
        : await ocdsPackage(
            deps.db,
            { needIds: [id] },
            { ...deps.ocds, uri: packageUri(c), now: deps.now() },
          );
    // Unknown, or not past its deadline yet: nothing to publish (the same answer for both).
    if (!pkg || pkg.releases.length === 0) {
      return c.json(
        { error: 'not_found', message: 'No published OCDS release for this procurement (yet).' },
        404,
      );
    }
    c.header('cache-control', 'public, max-age=60');
    return c.json(pkg);
  });

  app.get('/publik/:regency', async (c) => {
    const v = view(c);
    const code = c.req.param('regency');
    const regency = REGENCY.test(code) ? await publicRegency(deps.db, code) : null;
    if (!regency) return notFound(c, v);
    const { page, open, done, more } = await needsPage(c, { regencyCode: code });
    return html(
      c,
      <NeedsPage
        v={v}
        heading={v.t('regency.heading', { name: regency.name })}
        open={open}
        results={done}
        villages={page === 1 ? await activeVillages(deps.db, code) : []}
        regencyCode={code}
        nextPage={more ? `/publik/${code}?page=${page + 1}` : null}
      />,
    );
  });

  app.get('/publik/:regency/:desa', async (c) => {
    const v = view(c);
    const code = c.req.param('regency');
    const desa = c.req.param('desa');
    const village =
      REGENCY.test(code) && VILLAGE.test(desa) ? await publicVillage(deps.db, code, desa) : null;
    if (!village) return notFound(c, v);
    const { page, open, done, more } = await needsPage(c, { regencyCode: code, villageCode: desa });
    return html(
      c,
      <NeedsPage
        v={v}
        heading={v.t('village.heading', { name: village.name })}
        subheading={v.t('village.district', { name: village.districtName })}
        open={open}
        results={done}
        regencyCode={code}
        nextPage={more ? `/publik/${code}/${desa}?page=${page + 1}` : null}
      />,
    );
  });
}
