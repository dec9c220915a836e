import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import type { RunningSystem } from '../../src/system.js';
import { ConsoleHttp, makeAdmin } from '../browser/console-http.js';
import { TEST_TOKEN } from '../support/chat.js';
import { CONSOLE_GET_ROUTES, CONSOLE_POST_ROUTES } from '../support/console-routes.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { seedOpenTender } from '../support/lifecycle.js';
import { startTestSystem } from '../support/system.js';

/**
 * The console and the public pages fed hostile query strings and form fields by a logged-in
 * admin (the CSRF token is right, so the content is what is hostile): NUL, lone surrogates,
 * huge, numeric edge cases, SQL- and HTML-looking text. No answer may be a 5xx, no promise may
 * be left rejected, and the audit chain still verifies afterwards.
 */

const HOSTILE = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\u202e\u0000\ud800',
    '-1',
    '0',
    '1.5',
    '1e309',
    'NaN',
    'Infinity',
    '99999999999999999999999',
    '32.14\u0000',
    '../../etc/passwd',
    "'; drop table needs; --",
    '<script>alert(1)</script>',
    '2026-13-45',
    '🙏',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const HUGE = fc.constantFrom('x'.repeat(100_000), `${'9'.repeat(5_000)}`, `${'🙏'.repeat(20_000)}`);
const QUERY_NAMES = [
  'regency',
  'district',
  'village',
  'status',
  'method',
  'category',
  'from',
  'to',
  'month',
  'page',
  'q',
  'before',
  'identity',
  'lang',
  'next',
  'flash',
  's',
];
const PUBLIC_PATHS = ['/publik', '/publik/32.14', '/publik/ocds', '/publik/ocds/releases.json', '/ocds'];

/** Every byte percent-encoded (encodeURIComponent refuses lone surrogates), or raw broken escapes. */
const segment = fc.oneof(
  HOSTILE.map((h) => [...Buffer.from(h, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('%', '%zz', '%ff%fe', '%00', '%c0%80', '..', '%2e%2e'),
);

interface Form {
  action: string;
  fields: Record<string, string>;
}

/** The POST forms of a page, with their fields' names and default values (hidden ones too). */
function formsOf(html: string): Form[] {
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = m[1] ?? '';
    if (!/method="post"/i.test(attrs)) continue;
    const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replaceAll('&amp;', '&');
    if (!action?.startsWith('/') || action.startsWith('/console/logout')) continue;
    const fields: Record<string, string> = {};
    for (const f of (m[2] ?? '').matchAll(/<(?:input|select|textarea)\b([^>]*)>/gi)) {
      const name = /name="([^"]+)"/.exec(f[1] ?? '')?.[1];
      if (name && name !== '_csrf') fields[name] = /value="([^"]*)"/.exec(f[1] ?? '')?.[1] ?? '';
    }
    forms.push({ action, fields });
  }
  return forms;
}

describe('console and public pages under hostile input', () => {
  let t: TestDb;
  let system: RunningSystem;
  let admin: ConsoleHttp;
  const forms: Form[] = [];
  const answers: Record<number, number> = {};
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const count = (status: number) => {
    answers[status] = (answers[status] ?? 0) + 1;
    return status;
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    t = await createTestDb();
    await seedOpenTender(t.db, {
      number: 'PD-3214-2026-0901',
      category: 'bahan_bangunan',
      vendors: [
        { channel: 'web', externalId: 'hostile-vendor-1' },
        { channel: 'web', externalId: 'hostile-vendor-2' },
      ],
    });
    // One vendor waiting for verification, so the queue shows its approve/reject forms.
    const pending = await t.db.selectFrom('vendors').select('id').orderBy('id').executeTakeFirstOrThrow();
    await t.db.updateTable('vendors').set({ verification: 'pending' }).where('id', '=', pending.id).execute();
    system = await startTestSystem(
      {
        DATABASE_URL: t.url,
        REDIS_URL: inject('redisUrl'),
        QUEUE_PREFIX: testQueuePrefix(),
        ADMIN_TOKEN: TEST_TOKEN,
        AREA_REGENCIES: '32.14',
      },
      'all',
    );
    await makeAdmin(t.db, { email: 'prov@jabar.go.id', role: 'province' });
    admin = new ConsoleHttp(String(system.url));
    expect((await admin.login('prov@jabar.go.id')).status).toBe(303);
    const seen = new Set<string>();
    for (const path of CONSOLE_GET_ROUTES) {
      const page = await admin.get(path);
      for (const f of formsOf(page.body)) {
        const key = `${f.action} ${Object.keys(f.fields).sort().join(',')}`;
        if (!seen.has(key)) forms.push(f);
        seen.add(key);
      }
    }
    for (const [action, fields] of CONSOLE_POST_ROUTES)
      if (action !== '/console/logout') forms.push({ action, fields });
  }, 120_000);

  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    console.error(
      `[hostile-console] ${forms.length} forms; answers by status: ${JSON.stringify(answers)}; ${rejections.length} unhandled rejections`,
    );
    await system?.stop();
    await t?.drop();
  });

  it('finds the forms it is to attack', () => {
    const actions = new Set(forms.map((f) => f.action.split('?')[0]));
    for (const a of ['/console/invites', '/console/broadcast', '/console/audit/verify', '/console/lang'])
      expect(actions).toContain(a);
    expect([...actions].some((a) => a?.startsWith('/console/verify/vendor/'))).toBe(true);
    expect([...actions].some((a) => a?.startsWith('/console/settings/'))).toBe(true);
  });

  it('console pages: hostile query strings never get a 5xx', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CONSOLE_GET_ROUTES),
        fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), HOSTILE), { minLength: 1, maxLength: 4 }),
        async (path, params) => {
          const q = new URLSearchParams(params).toString();
          const res = await admin.get(`${path}${path.includes('?') ? '&' : '?'}${q}`);
          expect([path, q, count(res.status) < 500, res.status >= 500 ? res.body.slice(0, 500) : '']).toEqual(
            [path, q, true, ''],
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('console forms: hostile fields never get a 5xx', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(
          fc.tuple(fc.nat(), fc.oneof({ weight: 9, arbitrary: HOSTILE }, { weight: 1, arbitrary: HUGE })),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        async (which, edits) => {
          const form = forms[which % forms.length] as Form;
          const fields = { ...form.fields };
          const names = Object.keys(fields);
          for (const [at, value] of edits) {
            const name = names.length ? (names[at % names.length] as string) : 'extra';
            fields[name] = value;
          }
          const res = await admin.post(form.action, fields);
          expect([form.action, count(res.status) < 500]).toEqual([form.action, true]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('public pages: hostile paths and query strings never get a 5xx', { timeout: 120_000 }, async () => {
    const anon = new ConsoleHttp(String(system.url));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...PUBLIC_PATHS),
          segment.map((h) => `/publik/${h}`),
          fc.tuple(segment, segment).map(([a, b]) => `/publik/${a}/${b}`),
          segment.map((h) => `/publik/ocds/need/${h}`),
          segment.map((h) => `/ocds/need/${h}`),
        ),
        fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), HOSTILE), { maxLength: 3 }),
        async (path, params) => {
          const res = await anon.get(`${path}?${new URLSearchParams(params)}`);
          expect([path, count(res.status) < 500]).toEqual([path, true]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('afterwards the console still works, the audit chain holds, and no promise was left rejected', async () => {
    expect((await admin.get('/console')).status).toBe(200);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, brokenAt: null });
    expect(rejections).toEqual([]);
  });
});
