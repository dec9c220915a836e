import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { ConsoleHttp, makeAdmin } from '../browser/console-http.js';
import { TEST_TOKEN } from '../support/chat.js';
import {
  CONSOLE_GET_ROUTES as GET_ROUTES,
  CONSOLE_POST_ROUTES as POST_ROUTES,
} from '../support/console-routes.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { seedOpenTender } from '../support/lifecycle.js';
import { startTestSystem } from '../support/system.js';

// Access rules of the console over plain HTTP: anonymous refused everywhere, CSRF on every
// form, a regency admin kept to its regency, login throttled per account.

describe('console access', () => {
  let t: TestDb;
  let system: RunningSystem;
  let base: string;
  let needId: number;
  let vendorId: number;

  beforeAll(async () => {
    t = await createTestDb();
    // Before the system loads Karawang (32.15): the seeded need and vendors are in Purwakarta.
    ({ needId } = await seedOpenTender(t.db, {
      number: 'PD-3214-2026-0001',
      category: 'bahan_bangunan',
      vendors: [{ channel: 'web', externalId: 'seed-vendor-1' }],
    }));
    vendorId = (await t.db.selectFrom('vendors').select('id').executeTakeFirstOrThrow()).id;
    system = await startTestSystem(
      {
        DATABASE_URL: t.url,
        REDIS_URL: inject('redisUrl'),
        QUEUE_PREFIX: testQueuePrefix(),
        ADMIN_TOKEN: TEST_TOKEN,
        AREA_REGENCIES: '32.14,32.15',
      },
      'all',
    );
    base = String(system.url);
    await makeAdmin(t.db, { email: 'prov@jabar.go.id', role: 'province' });
    await makeAdmin(t.db, { email: 'pwk@purwakarta.go.id', role: 'regency', regency: '3214' });
    await makeAdmin(t.db, { email: 'krw@karawang.go.id', role: 'regency', regency: '32.15' });
  });
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  it('refuses every console route to an anonymous request', async () => {
    const anon = new ConsoleHttp(base);
    for (const path of GET_ROUTES) {
      const res = await anon.get(path);
      expect([path, res.status]).toEqual([path, 302]);
      expect(res.location).toMatch(/^\/console\/login\?next=/);
    }
    for (const [path, fields] of POST_ROUTES) {
      const res = await anon.post(path, fields, { csrf: false });
      expect([path, res.status]).toEqual([path, 401]);
    }
    // The login page itself is open, and its form has a token.
    const login = await anon.get('/console/login');
    expect(login.status).toBe(200);
    expect(login.body).toContain('name="_csrf"');
  });

  it('refuses every form without its CSRF token, and changes nothing', async () => {
    const admin = new ConsoleHttp(base);
    expect((await admin.login('prov@jabar.go.id')).status).toBe(303);
    const before = await t.db
      .selectFrom('procurement_settings')
      .select('direct_purchase_max')
      .where('regency_code', '=', '32.14')
      .executeTakeFirstOrThrow();
    for (const [path, fields] of POST_ROUTES) {
      const res = await admin.post(path, fields, { csrf: false });
      expect([path, res.status]).toEqual([path, 403]);
      const wrong = await admin.post(path, { ...fields, _csrf: 'forged-token' }, { csrf: false });
      expect([path, wrong.status]).toEqual([path, 403]);
    }
    const after = await t.db
      .selectFrom('procurement_settings')
      .select('direct_purchase_max')
      .where('regency_code', '=', '32.14')
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    // Still logged in (logout without a token did nothing), and the login form wants its token too.
    expect((await admin.get('/console')).status).toBe(200);
    const anon = new ConsoleHttp(base);
    await anon.get('/console/login');
    const noToken = await anon.post(
      '/console/login',
      { email: 'prov@jabar.go.id', password: 'rahasia-sekali-123' },
      { csrf: false },
    );
    expect(noToken.status).toBe(403);
    // With the token, a form works.
    const ok = await admin.post('/console/audit/verify', {});
    expect(ok.status).toBe(303);
  });

  it("keeps a regency admin out of another regency's data", async () => {
    const krw = new ConsoleHttp(base);
    expect((await krw.login('krw@karawang.go.id')).status).toBe(303);
    for (const path of [
      `/console/needs/${needId}`,
      '/console?regency=32.14',
      '/console/needs?regency=32.14',
      '/console/vendors?regency=32.14',
      '/console/verify?regency=32.14',
      '/console/settings?regency=32.14',
      '/console/problems?regency=32.14',
      '/console/complaints?regency=32.14',
      '/console/audit?regency=32.14',
      '/console/invites?regency=32.14',
      '/console/broadcast?regency=32.14',
      '/console/simulator/seed-vendor-1',
      '/console/export/needs.csv?regency=32.14',
    ]) {
      const res = await krw.get(path);
      expect([path, res.status]).toEqual([path, 403]);
    }
    // Lists without a filter show only its own regency.
    const needs = await krw.get('/console/needs');
    expect(needs.status).toBe(200);
    expect(needs.body).not.toContain('PD-3214-2026-0001');
    const vendors = await krw.get('/console/vendors');
    expect(vendors.body).not.toContain('Toko 0');
    const verify = await krw.get('/console/verify');
    expect(verify.body).not.toContain('Toko 0');

    const village = await t.db
      .selectFrom('villages')
      .select('code')
      .where('code', 'like', '32.14.%')
      .where('kind', '=', 'desa')
      .executeTakeFirstOrThrow();
    for (const [path, fields] of [
      [`/console/verify/vendor/${vendorId}`, { decision: 'approve' }],
      ['/console/settings/32.14', { direct_purchase_max: '1' }],
      ['/console/invites', { village: village.code, days: '30' }],
      ['/console/broadcast', { regency: '32.14', audience: 'vendors', text: 'halo' }],
      ['/console/simulator/seed-vendor-1', { text: 'halo' }],
    ] as const) {
      const res = await krw.post(path, fields);
      expect([path, res.status]).toEqual([path, 403]);
    }
    const vendor = await t.db
      .selectFrom('vendors')
      .select('verification')
      .where('id', '=', vendorId)
      .executeTakeFirstOrThrow();
    expect(vendor.verification).toBe('pending');
    const codes = await t.db
      .selectFrom('invite_codes')
      .select('id')
      .where('village_code', '=', village.code)
      .execute();
    expect(codes).toEqual([]);

    // The Purwakarta admin and the province admin do see it.
    const pwk = new ConsoleHttp(base);
    await pwk.login('pwk@purwakarta.go.id');
    expect((await pwk.get(`/console/needs/${needId}`)).status).toBe(200);
    expect((await pwk.get('/console/verify')).body).toContain('Toko 0');
    const prov = new ConsoleHttp(base);
    await prov.login('prov@jabar.go.id');
    expect((await prov.get('/console/needs?regency=32.14')).body).toContain('PD-3214-2026-0001');
  });

  it('throttles logins per account, and answers a wrong password like an unknown email', async () => {
    const http = new ConsoleHttp(base);
    await http.get('/console/login');
    const unknown = await http.post('/console/login', { email: 'nobody@x.id', password: 'whatever-123' });
    expect(unknown.status).toBe(401);
    for (let i = 0; i < 5; i++) {
      const res = await http.post('/console/login', {
        email: 'pwk@purwakarta.go.id',
        password: `wrong-${i}`,
      });
      expect(res.status).toBe(401);
    }
    // The right password is refused now, with a sentence saying to wait.
    const blocked = await http.post('/console/login', {
      email: 'pwk@purwakarta.go.id',
      password: 'rahasia-sekali-123',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toContain('Terlalu banyak percobaan');
    // Another account from the same address still logs in (the per-IP limit is higher).
    const other = new ConsoleHttp(base);
    expect((await other.login('prov@jabar.go.id')).status).toBe(303);
    const attempts = await t.db
      .selectFrom('console_login_attempts')
      .select(['success'])
      .where('email', '=', 'pwk@purwakarta.go.id')
      .execute();
    expect(attempts.filter((a) => !a.success).length).toBeGreaterThanOrEqual(6);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and logout ends the session', async () => {
    const res = await fetch(`${base}/console/login`);
    const csrfCookie = res.headers.getSetCookie().join(';');
    const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    const login = await fetch(`${base}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: csrfCookie.split(';')[0] ?? '',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        _csrf: token,
        email: 'prov@jabar.go.id',
        password: 'rahasia-sekali-123',
      }).toString(),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('pd_console=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const http = new ConsoleHttp(base);
    await http.login('prov@jabar.go.id');
    expect((await http.post('/console/logout', {})).status).toBe(303);
    expect((await http.get('/console')).status).toBe(302);
  });
});
