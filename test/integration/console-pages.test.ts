import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { mountConsole } from '../../src/console/index.js';
import type { Engine } from '../../src/conversation/engine.js';
import { consoleEn } from '../../src/i18n/console-en.js';
import { consoleId } from '../../src/i18n/console-id.js';
import { createLogger } from '../../src/logger.js';
import { createQueues, type QueueSet } from '../../src/queue/queues.js';
import { createRedis, waitUntilReady } from '../../src/queue/redis.js';
import { createApp } from '../../src/server/app.js';
import type { ChannelLink } from '../../src/server/channel-status.js';
import { appendAudit } from '../../src/store/audit.js';
import { dashboardFigures } from '../../src/store/console-dashboard.js';
import { ConsoleHttp, makeAdmin } from '../browser/console-http.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { seedOpenTender } from '../support/lifecycle.js';

// Console pages that the browser test does not reach: the WhatsApp link (QR as SVG) with a
// channel status of our own, and the dashboard's figures over known orders.

describe('console pages', () => {
  let t: TestDb;
  let queues: QueueSet;
  let redis: ReturnType<typeof createRedis>;
  let server: { close(): void; url: string };
  let links: ChannelLink[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    redis = createRedis(inject('redisUrl'), 'producer');
    await waitUntilReady(redis);
    queues = createQueues(redis, testQueuePrefix());
    const config = parseConfig({ LOG_LEVEL: 'silent' });
    const log = createLogger('silent');
    const app = createApp({
      log,
      checks: {},
      mount: (a) => {
        mountConsole(a, {
          db: t.db,
          engine: {
            handle: async () => ({ duplicate: false, replies: 0, outboxIds: [] }),
          } as unknown as Engine,
          queues,
          config,
          log,
          now: () => new Date(),
          channelStatus: async () => links,
        });
      },
    });
    const { serve } = await import('@hono/node-server');
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({ close: () => s.close(), url: `http://127.0.0.1:${info.port}` }),
      );
    });
    await makeAdmin(t.db, { email: 'pwk@purwakarta.go.id', role: 'regency', regency: '32.14' });
  });
  afterAll(async () => {
    server?.close();
    await queues?.close();
    redis?.disconnect();
    await t?.drop();
  });

  it('has every console text in English, none empty, with the same placeholders', () => {
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(consoleEn).sort()).toEqual(Object.keys(consoleId).sort());
    for (const [key, text] of Object.entries(consoleId)) {
      const en = consoleEn[key as keyof typeof consoleId];
      expect([key, en.trim().length > 0]).toEqual([key, true]);
      expect([key, ph(en)]).toEqual([key, ph(text)]);
    }
  });

  it('uses a Secure __Host- cookie when configured for HTTPS', async () => {
    const config = parseConfig({ LOG_LEVEL: 'silent', CONSOLE_COOKIE_SECURE: 'true' });
    const log = createLogger('silent');
    const app = createApp({
      log,
      checks: {},
      mount: (a) =>
        void mountConsole(a, {
          db: t.db,
          engine: {} as Engine,
          queues,
          config,
          log,
          now: () => new Date(),
        }),
    });
    const form = await app.request('/console/login');
    const csrfCookie = form.headers.getSetCookie()[0] ?? '';
    expect(csrfCookie).toMatch(/Secure/);
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const res = await app.request('/console/login', {
      method: 'POST',
      headers: {
        cookie: csrfCookie.split(';')[0] ?? '',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        _csrf: token,
        email: 'pwk@purwakarta.go.id',
        password: 'rahasia-sekali-123',
      }).toString(),
    });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('__Host-pd_console=')) ?? '';
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).toMatch(/; Path=\//);
  });

  it('approves a pending officer: verified, told in the chat (outbox, same transaction), audited', async () => {
    const village = await t.db
      .selectFrom('villages')
      .select('code')
      .where('code', 'like', '32.14.%')
      .where('kind', '=', 'desa')
      .executeTakeFirstOrThrow();
    const user = await t.db
      .insertInto('users')
      .values({ display_name: 'Bu Sekdes', locale: 'en' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('channel_identities')
      .values({ user_id: user.id, channel: 'web', external_id: 'officer-pending' })
      .execute();
    const officer = await t.db
      .insertInto('officers')
      .values({ user_id: user.id, village_code: village.code, position: 'sekdes', full_name: 'Bu Sekdes' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const http = new ConsoleHttp(server.url);
    await http.login('pwk@purwakarta.go.id');
    expect((await http.get('/console/verify')).body).toContain(`id="officer-${officer.id}"`);
    const res = await http.post(`/console/verify/officer/${officer.id}`, { decision: 'approve' });
    expect(res.status).toBe(303);
    const row = await t.db
      .selectFrom('officers')
      .select(['verification', 'verified_by_admin_id'])
      .where('id', '=', officer.id)
      .executeTakeFirstOrThrow();
    expect(row.verification).toBe('verified');
    expect(row.verified_by_admin_id).toEqual(expect.any(Number));
    const out = await t.db
      .selectFrom('outbox as o')
      .innerJoin('channel_identities as ci', 'ci.id', 'o.identity_id')
      .select(['o.payload', 'o.purpose'])
      .where('ci.external_id', '=', 'officer-pending')
      .execute();
    // In the person's own language (English here).
    expect(out).toEqual([
      { purpose: 'notice', payload: { type: 'text', text: expect.stringContaining('has been *verified*') } },
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type'])
      .where('entity_type', '=', 'officer')
      .execute();
    expect(audit).toEqual([{ action: 'officer.verified', actor_type: 'admin' }]);
    // Deciding twice is refused, and nothing more is sent.
    const again = await http.post(`/console/verify/officer/${officer.id}`, {
      decision: 'reject',
      reason: 'x',
    });
    expect(again.location).toContain('error=');
    expect((await t.db.selectFrom('outbox').select('id').execute()).length).toBe(1);
  });

  it('shows the WhatsApp link state, and the QR code as SVG while linking', async () => {
    const http = new ConsoleHttp(server.url);
    await http.login('pwk@purwakarta.go.id');
    const none = await http.get('/console/whatsapp');
    expect(none.body).toContain('Tidak ada kanal yang perlu ditautkan');

    links = [
      {
        channel: 'whatsapp-web',
        state: 'linking',
        qr: '2@abcdefghijklmnop,qrstuvwxyz==,1234',
        since: new Date().toISOString(),
      },
    ];
    const linking = await http.get('/console/whatsapp');
    expect(linking.body).toContain('menunggu dipindai');
    expect(linking.body).toMatch(/<div id="qr"><svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(linking.body).toContain('http-equiv="refresh"');

    links = [{ channel: 'whatsapp-web', state: 'ready', qr: null, since: new Date().toISOString() }];
    const ready = await http.get('/console/whatsapp');
    expect(ready.body).toContain('tersambung');
    expect(ready.body).not.toContain('<svg');
    expect(ready.body).not.toContain('http-equiv="refresh"');
  });

  it('switches the console to English and back', async () => {
    const http = new ConsoleHttp(server.url);
    await http.login('pwk@purwakarta.go.id');
    expect((await http.post('/console/lang', { back: '/console/needs' })).location).toBe('/console/needs');
    expect((await http.get('/console/needs')).body).toContain('<h1>Needs</h1>');
    await http.post('/console/lang', { back: '/console' });
    expect((await http.get('/console')).body).toContain('<h1>Ringkasan</h1>');
    // A crafted link cannot put words on a page: flash messages are signed per session.
    const crafted = await http.get(
      '/console/verify?error=Kirim+kata+sandi+ke+x%40evil.id&s=AAAAAAAAAAAAAAAA',
    );
    expect(crafted.body).not.toContain('evil.id');
  });

  it('serves bull-board behind the session', async () => {
    const http = new ConsoleHttp(server.url);
    await http.login('pwk@purwakarta.go.id');
    const ui = await http.get('/console/queues');
    expect(ui.status).toBe(200);
    const api = await http.get('/console/queues/api/queues');
    expect(api.status).toBe(200);
    expect(
      JSON.parse(api.body)
        .queues.map((q: { name: string }) => q.name)
        .sort(),
    ).toEqual(['deliver', 'match', 'system', 'timers']);
  });

  it('computes the dashboard figures from orders and quotes', async () => {
    // Two needs of the same desa: one won by a vendor of its kecamatan, one by a vendor from another.
    const a = await seedOpenTender(t.db, {
      number: 'PD-DASH-1',
      category: 'bahan_bangunan',
      vendors: [{ channel: 'web', externalId: 'dash-v1' }],
    });
    const b = await seedOpenTender(t.db, {
      number: 'PD-DASH-2',
      category: 'bahan_bangunan',
      vendors: [{ channel: 'web', externalId: 'dash-v2' }],
    });
    const needs = await t.db.selectFrom('needs').selectAll().orderBy('id').execute();
    const vendors = await t.db.selectFrom('vendors').select(['id']).orderBy('id').execute();
    const far = await t.db
      .selectFrom('districts')
      .select('code')
      .where('regency_code', '=', '32.14')
      .where('code', '!=', needs[0]?.district_code as string)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('vendors')
      .set({ district_code: far.code })
      .where('id', '=', vendors[1]?.id as number)
      .execute();
    const quote = async (needId: number, vendorId: number, total: number, afterMin: number) => {
      const published = needs.find((n) => n.id === needId)?.published_at as Date;
      return (
        await t.db
          .insertInto('quotes')
          .values({
            need_id: needId,
            vendor_id: vendorId,
            total,
            delivery_days: 2,
            submitted_at: new Date(published.getTime() + afterMin * 60_000),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    };
    const q1 = await quote(a.needId, vendors[0]?.id as number, 3_000_000, 30);
    const q2 = await quote(b.needId, vendors[1]?.id as number, 1_000_000, 90);
    const order = (n: string, needId: number, q: number, vendorId: number, amount: number) => ({
      number: n,
      need_id: needId,
      quote_id: q,
      vendor_id: vendorId,
      amount,
      offered_amount: amount,
      amount_words: '-',
      status: 'accepted' as const,
    });
    await t.db
      .insertInto('orders')
      .values([
        order('SP-1', a.needId, q1, vendors[0]?.id as number, 3_000_000),
        order('SP-2', b.needId, q2, vendors[1]?.id as number, 1_000_000),
      ])
      .execute();
    const f = await dashboardFigures(t.db, { regency: '32.14' }, new Date(), 'Asia/Jakarta');
    expect(f.spendThisMonth).toBe(4_000_000);
    expect(f.localShare).toBeCloseTo(0.75);
    expect(f.vendors).toBe(2);
    expect(f.vendorsVerified).toBe(0);
    expect(f.openNeeds).toBe(2);
    expect(f.activeDesa).toBe(1);
    // Deadlines are ahead, so no need counts for quotes per need yet; first quotes after 30 and 90 min.
    expect(f.avgQuotesPerNeed).toBeNull();
    expect(f.medianFirstQuoteMinutes).toBeCloseTo(60);
    await t.db
      .updateTable('needs')
      .set({ quote_deadline: new Date(Date.now() - 60_000) })
      .execute();
    const closed = await dashboardFigures(t.db, { regency: '32.14' }, new Date(), 'Asia/Jakarta');
    expect(closed.avgQuotesPerNeed).toBeCloseTo(1);
    expect(f.spendByMonth.at(-1)?.amount).toBe(4_000_000);
    // Another regency sees none of it.
    const other = await dashboardFigures(t.db, { regency: '32.15' }, new Date(), 'Asia/Jakarta');
    expect([other.spendThisMonth, other.vendors, other.openNeeds]).toEqual([0, 0, 0]);
  });

  it('shows red flags: split purchases and quotes suspiciously close together', async () => {
    // The two needs of the dashboard test (same desa, same category) become small: 6 + 6 jt > 10 jt.
    await t.db.updateTable('needs').set({ hps: 6_000_000 }).execute();
    const c = await seedOpenTender(t.db, {
      number: 'PD-DASH-3',
      category: 'atk',
      vendors: [
        { channel: 'web', externalId: 'dash-v3' },
        { channel: 'web', externalId: 'dash-v4' },
        { channel: 'web', externalId: 'dash-v5' },
      ],
    });
    const vendors = await t.db.selectFrom('vendors').select('id').orderBy('id', 'desc').limit(3).execute();
    const totals = [5_000_000, 5_050_000, 4_980_000];
    await t.db
      .insertInto('quotes')
      .values(
        vendors.map((v, i) => ({
          need_id: c.needId,
          vendor_id: v.id,
          total: totals[i] as number,
          delivery_days: 2,
        })),
      )
      .execute();
    const http = new ConsoleHttp(server.url);
    await http.login('pwk@purwakarta.go.id');
    // Sealed: while the deadline is ahead, close quotes are not looked at (nor shown).
    const sealed = await http.get('/console/problems');
    expect(sealed.body).not.toContain('flag-clustered');
    await t.db
      .updateTable('needs')
      .set({ quote_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', c.needId)
      .execute();
    const page = await http.get('/console/problems');
    const splits = /<ul id="flag-splits">(.*?)<\/ul>/s.exec(page.body)?.[1] ?? '';
    expect(splits).toContain('PD-DASH-1');
    expect(splits).toContain('PD-DASH-2');
    expect(splits).not.toContain('PD-DASH-3');
    const clustered = /<ul id="flag-clustered">(.*?)<\/ul>/s.exec(page.body)?.[1] ?? '';
    expect(clustered).toContain('PD-DASH-3');
    expect(clustered).toContain('Rp5.050.000');
  });

  it('keeps full lists under 200 KB a page', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 60; i++) {
      await seedOpenTender(t.db, {
        number: `PD-FULL-${i}`,
        category: 'bahan_bangunan',
        vendors: [
          { channel: 'web', externalId: `full-${i}-a` },
          { channel: 'web', externalId: `full-${i}-b` },
        ],
      });
    }
    for (let i = 0; i < 120; i++) {
      await t.db.transaction().execute((trx) =>
        appendAudit(
          trx,
          {
            actorType: 'system',
            actorId: null,
            action: 'need.matched',
            entityType: 'need',
            entityId: String(i),
            regencyCode: '32.14',
            data: { invited: 25, ring: 'kabupaten', note: 'x'.repeat(200) },
          },
          new Date(),
        ),
      );
    }
    const http = new ConsoleHttp(server.url);
    await http.login('pwk@purwakarta.go.id');
    const weights: string[] = [];
    for (const path of [
      '/console/verify',
      '/console/vendors',
      '/console/needs',
      '/console/audit',
      '/console/problems',
    ]) {
      const res = await http.get(path);
      expect(res.status).toBe(200);
      weights.push(`  ${path.padEnd(20)} ${res.bytes} bytes (${(res.bytes / 1024).toFixed(1)} KB)`);
      expect([path, res.bytes < 200 * 1024]).toEqual([path, true]);
    }
    process.stdout.write(`[console page weights, full lists]\n${weights.join('\n')}\n`);
  });
});
