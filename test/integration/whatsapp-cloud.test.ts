import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import type { RunningSystem } from '../../src/system.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { type FakeCloud, startFakeCloud } from '../support/fake-whatsapp-cloud.js';
import { seedOpenTender } from '../support/lifecycle.js';
import { eventually, startTestSystem } from '../support/system.js';

const APP_SECRET = 'whatsapp-app-secret-0123456789';
const VERIFY = 'verify-me-please';
const ACCESS = 'EAAG-test-access-token-0123456789';
const PHONE_ID = '109876543210';

let seq = 0;
const messageUpdate = (from: string, message: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'waba',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { phone_number_id: PHONE_ID },
            contacts: [{ wa_id: from, profile: { name: 'Pak Uji' } }],
            messages: [
              { id: `wamid.in${++seq}`, from, timestamp: String(Math.floor(Date.now() / 1000)), ...message },
            ],
          },
        },
      ],
    },
  ],
});
const text = (from: string, body: string) => messageUpdate(from, { type: 'text', text: { body } });

describe('WhatsApp Cloud API webhook and sending', () => {
  let t: TestDb;
  let system: RunningSystem;
  let fake: FakeCloud;

  beforeAll(async () => {
    t = await createTestDb();
    fake = await startFakeCloud({ accessToken: ACCESS, phoneNumberId: PHONE_ID, pairPerSixSeconds: 100 });
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      WHATSAPP_MODE: 'cloud',
      WHATSAPP_API_ROOT: fake.url,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_ID,
      WHATSAPP_ACCESS_TOKEN: ACCESS,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY,
      WHATSAPP_TEMPLATE_ALERT: 'pesandesa_tender_baru',
      WHATSAPP_TEMPLATE_DEFAULT: 'pesandesa_pesan_menunggu',
    });
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    await fake?.close();
    await t?.drop();
  });

  const post = (body: object, signature?: string | null) => {
    const raw = JSON.stringify(body);
    const sig =
      signature === undefined
        ? `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`
        : signature;
    return fetch(`${system.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(sig ? { 'x-hub-signature-256': sig } : {}) },
      body: raw,
    });
  };

  /** Sends a message and returns the bot's next message body to that number. */
  async function send(from: string, body: object) {
    const before = fake.sent(from).length;
    expect((await post(body)).status).toBe(200);
    await eventually(async () => fake.sent(from).length > before, 20_000, 25);
    // biome-ignore lint/suspicious/noExplicitAny: message bodies are read loosely in the assertions
    return fake.sent(from)[before]?.body as Record<string, any>;
  }

  it('answers the verification challenge with the right token only', async () => {
    const ok = await fetch(
      `${system.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=12345`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('12345');
    const bad = await fetch(
      `${system.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=12345`,
    );
    expect(bad.status).toBe(403);
  });

  it('refuses a forged or missing signature and leaves no trace', async () => {
    const from = '6281100000001';
    expect((await post(text(from, 'halo'), 'sha256=00')).status).toBe(401);
    expect((await post(text(from, 'halo'), null)).status).toBe(401);
    expect((await post(text(from, 'halo'), `sha256=${'0'.repeat(64)}`)).status).toBe(401);
    expect(await t.db.selectFrom('inbound_messages').select('id').execute()).toEqual([]);
    expect(fake.sent(from)).toEqual([]);
  });

  it('registers a vendor by typing numbers; the phone comes from WhatsApp', { timeout: 60_000 }, async () => {
    const from = '6281234567890';
    const welcome = await send(from, text(from, 'halo'));
    // The labels do not fit a button's 20 characters, so the choices come as a list.
    expect(welcome.interactive.type).toBe('list');
    expect(welcome.interactive.action.sections[0].rows.map((r: { title: string }) => r.title)).toEqual([
      'Penyedia / pemilik usaha',
      'Perangkat desa',
    ]);
    await send(from, text(from, '1'));
    await send(from, text(from, 'Toko Sinar WA'));
    const phone = await send(from, text(from, 'Pak Wahyu'));
    expect(phone.interactive.body.text).toContain('+62 812****890');
    // 20 categories: more than a list holds, so a numbered text.
    const cats = await send(from, text(from, '1'));
    expect(cats.type).toBe('text');
    expect(cats.text.body).toContain('1. Bahan bangunan');
    await send(from, text(from, '1, 3'));
    await send(from, text(from, 'Bojong'));
    await send(from, text(from, '1'));
    await send(from, text(from, 'lewati'));
    const done = await send(
      from,
      messageUpdate(from, {
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Ya, simpan' } },
      }),
    );
    expect(JSON.stringify(done)).toContain('sudah terdaftar');
    const vendor = await t.db
      .selectFrom('vendors')
      .select(['business_name', 'phone_e164'])
      .executeTakeFirstOrThrow();
    expect(vendor).toEqual({ business_name: 'Toko Sinar WA', phone_e164: '+6281234567890' });
  });

  it('a vendor quotes on an alert by typing numbers', { timeout: 60_000 }, async () => {
    const from = '6281200000444';
    const { needId } = await seedOpenTender(t.db, {
      number: 'PD-3214-2026-0444',
      category: 'bahan_bangunan',
      vendors: [{ channel: 'whatsapp', externalId: from, lastInboundAt: new Date(Date.now() - 3600_000) }],
    });
    await system.queues.get('match').add('match', { needId, round: 0 }, { jobId: `match-${needId}-0` });
    await eventually(async () => fake.sent(from).length === 1, 20_000);
    const alert = fake.sent(from)[0]?.body as { interactive: { body: { text: string } } };
    expect(alert.interactive.body.text).toContain('PD-3214-2026-0444');
    const ask = await send(from, text(from, '1')); // Ajukan penawaran
    expect(JSON.stringify(ask)).toContain('harga total');
    await send(from, text(from, '275 juta'));
    await send(from, text(from, '7'));
    const confirm = await send(from, text(from, 'lewati'));
    expect(JSON.stringify(confirm)).toContain('Rp275.000.000');
    const sent = await send(from, text(from, '1'));
    expect(JSON.stringify(sent)).toContain('terkirim');
    const quote = await t.db
      .selectFrom('quotes')
      .select(['total', 'delivery_days', 'status'])
      .where('need_id', '=', needId)
      .executeTakeFirstOrThrow();
    expect(quote).toMatchObject({ total: 275_000_000, delivery_days: 7 });
  });

  /**
   * The first message written to a WhatsApp user, once the worker has recorded the wamid the
   * fake Graph API gave it (the fake answers before the worker writes it down: a CI run with four
   * workers read the row in between, and its status reports matched nothing).
   */
  async function firstOutboxRowOf(waId: string) {
    const read = () =>
      t.db
        .selectFrom('outbox')
        .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
        .select(['outbox.id', 'outbox.external_id'])
        .where('ci.external_id', '=', waId)
        .orderBy('outbox.id')
        .executeTakeFirstOrThrow();
    await eventually(async () => (await read()).external_id !== null);
    return read();
  }

  it('a failed status callback marks the outbox row and tells the admin; old reports do not move it back', async () => {
    const from = '6281100000002';
    await send(from, text(from, 'halo'));
    const row = await firstOutboxRowOf(from);
    const status = (s: string, extra: object = {}) => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            { value: { statuses: [{ id: row.external_id, status: s, recipient_id: from, ...extra }] } },
          ],
        },
      ],
    });
    expect((await post(status('read'))).status).toBe(200);
    expect((await post(status('delivered'))).status).toBe(200); // late, out of order
    let state = await t.db
      .selectFrom('outbox')
      .select('status')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(state.status).toBe('read');
    await post(status('failed', { errors: [{ code: 131026, title: 'Message undeliverable' }] }));
    state = await t.db
      .selectFrom('outbox')
      .select(['status', 'last_error'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ status: 'failed', last_error: '131026 Message undeliverable' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'outbox.failed')
      .execute();
    expect(audit).toEqual([{ action: 'outbox.failed', entity_id: String(row.id) }]);
  });

  it('a status callback with NUL, a lone surrogate or an odd error code is kept readable, never a 5xx', async () => {
    const from = '6281100000004';
    await send(from, text(from, 'halo'));
    const row = await firstOutboxRowOf(from);
    const statuses = (list: object[]) => ({
      object: 'whatsapp_business_account',
      entry: [{ changes: [{ value: { statuses: list } }] }],
    });
    // The shape fast-check found on CI: an error code that is a string with NUL in it.
    const res = await post(
      statuses([
        {
          id: row.external_id,
          status: 'failed',
          errors: [{ code: '\u202e\u0000\ud800', title: 'Ha\u0000bis' }],
        },
        { id: `wamid.\u0000unknown\ud800`, status: 'delivered' },
        { id: 'wamid.not-ours', status: 'failed', errors: [{ code: { nested: true }, title: 7 }] },
      ]),
    );
    expect(res.status).toBe(200);
    const state = await t.db
      .selectFrom('outbox')
      .select(['status', 'last_error'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ status: 'failed', last_error: '\u202e\ufffd Habis' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'outbox.failed')
      .where('entity_id', '=', String(row.id))
      .execute();
    expect(audit.map((a) => a.data)).toEqual([{ channel: 'whatsapp', error: '\u202e\ufffd Habis' }]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, brokenAt: null });
  });

  it('the same message delivered twice (a webhook retry) has one effect', async () => {
    const from = '6281100000003';
    const body = text(from, 'halo');
    await Promise.all([post(body), post(body)]);
    await eventually(async () => fake.sent(from).length >= 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.sent(from)).toHaveLength(1);
  });

  it('an alert outside the 24-hour window goes as the configured template, inside it as a normal message', {
    timeout: 60_000,
  }, async () => {
    const now = Date.now();
    const { needId } = await seedOpenTender(t.db, {
      number: 'PD-3214-2026-0077',
      category: 'alat_pertanian',
      vendors: [
        { channel: 'whatsapp', externalId: '6281200000030', lastInboundAt: new Date(now - 30 * 3600_000) }, // 30 hours ago
        { channel: 'whatsapp', externalId: '6281200000001', lastInboundAt: new Date(now - 3600_000) }, // an hour ago
      ],
    });
    const need = { id: needId };
    await system.queues
      .get('match')
      .add('match', { needId: need.id, round: 0 }, { jobId: `match-${need.id}-0` });
    await eventually(
      async () => fake.sent('6281200000030').length === 1 && fake.sent('6281200000001').length === 1,
      20_000,
    );
    const old = fake.sent('6281200000030')[0]?.body as {
      type: string;
      template: { name: string; components: Array<{ parameters: Array<{ text: string }> }> };
    };
    expect(old.type).toBe('template');
    expect(old.template.name).toBe('pesandesa_tender_baru');
    expect(old.template.components[0]?.parameters[0]?.text).toContain('PD-3214-2026-0077');
    const recent = fake.sent('6281200000001')[0]?.body as { type: string; interactive: { type: string } };
    expect(recent.type).toBe('interactive');
    expect(recent.interactive.type).toBe('button');
  });
});
