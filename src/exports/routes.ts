import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { type ConsoleEnv, canSeeRegency, scopeOf } from '../console/auth.js';
import type { AppEnv } from '../server/app.js';
import { type ExportFilter, needRegency } from '../store/exports.js';
import type { Database } from '../store/schema.js';
import { type OcdsSettings, ocdsPackage, parsePeriod } from './ocds.js';
import { needsCsv, ordersCsv, quotesCsv } from './tables.js';

export interface ExportDeps {
  db: Kysely<Database>;
  /** The console's session check (src/console/auth.ts): anonymous requests never get here. */
  requireAdmin: MiddlewareHandler<ConsoleEnv>;
  now: () => Date;
  timeZone: string;
  ocds: OcdsSettings;
  publicUrl?: string;
}

const REGENCY = /^\d{2}\.\d{2}$/;

/**
 * The rows an admin may export: their scope (scopeOf), narrowed by `?regency=` and the period.
 * A regency outside their scope is refused rather than silently emptied.
 */
function filterOf(c: Context<ConsoleEnv>, timeZone: string): ExportFilter | Response {
  const admin = c.get('admin');
  const period = parsePeriod(
    { from: c.req.query('from'), to: c.req.query('to'), month: c.req.query('month') },
    timeZone,
  );
  if ('error' in period) return c.json({ error: 'bad_request', message: period.error }, 400);
  const regency = c.req.query('regency');
  if (regency !== undefined && regency !== '') {
    if (!REGENCY.test(regency))
      return c.json({ error: 'bad_request', message: 'regency must be like 32.14' }, 400);
    if (!canSeeRegency(admin, regency)) {
      return c.json({ error: 'forbidden', message: 'This regency is outside your account.' }, 403);
    }
    return { ...period, regency };
  }
  return { ...period, ...scopeOf(admin) };
}

function csv(c: Context, name: string, body: string) {
  const day = new Date().toISOString().slice(0, 10);
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}-${day}.csv"`,
    'cache-control': 'no-store',
  });
}

export function mountExports(app: Hono<AppEnv>, deps: ExportDeps) {
  const r = new Hono<ConsoleEnv>();
  r.use('*', deps.requireAdmin);
  const uri = (c: Context) => {
    const u = new URL(c.req.url);
    return deps.publicUrl ? `${deps.publicUrl.replace(/\/$/, '')}${u.pathname}${u.search}` : u.toString();
  };

  // Each CSV: the admin's filter (or its refusal), then the file under its Indonesian name.
  const csvRoute = (path: string, name: string, rows: (f: ExportFilter) => Promise<string>) =>
    r.get(path, async (c) => {
      const f = filterOf(c, deps.timeZone);
      if (f instanceof Response) return f;
      return csv(c, name, await rows(f));
    });
  csvRoute('/needs.csv', 'kebutuhan', (f) => needsCsv(deps.db, f, deps.timeZone));
  csvRoute('/quotes.csv', 'penawaran', (f) => quotesCsv(deps.db, f, deps.now(), deps.timeZone));
  csvRoute('/orders.csv', 'pesanan', (f) => ordersCsv(deps.db, f, deps.timeZone));
  r.get('/ocds', async (c) => {
    const f = filterOf(c, deps.timeZone);
    if (f instanceof Response) return f;
    c.header('cache-control', 'no-store');
    return c.json(await ocdsPackage(deps.db, f, { ...deps.ocds, uri: uri(c), now: deps.now() }));
  });
  r.get('/ocds/need/:key', async (c) => {
    const need = await needRegency(deps.db, c.req.param('key'));
    if (!need) return c.json({ error: 'not_found', message: 'No such need.' }, 404);
    if (!canSeeRegency(c.get('admin'), need.regency_code)) {
      return c.json({ error: 'forbidden', message: 'This need is outside your account.' }, 403);
    }
    const pkg = await ocdsPackage(
      deps.db,
      { needIds: [need.id] },
      { ...deps.ocds, uri: uri(c), now: deps.now() },
    );
    if (pkg.releases.length === 0) {
      return c.json(
        { error: 'sealed', message: 'The quote deadline has not passed yet: nothing to publish.' },
        409,
      );
    }
    c.header('cache-control', 'no-store');
    return c.json(pkg);
  });

  app.route('/console/export', r as unknown as Hono<AppEnv>);
}
