import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { decideRegistration } from '../../src/console/actions.js';
import { type ConsoleAdmin, canSeeRegency } from '../../src/console/auth.js';
import type { ConsoleDeps } from '../../src/console/context.js';
import { createEngine, type Engine } from '../../src/conversation/engine.js';
import { type Action, decide, type Subject } from '../../src/domain/policy.js';
import { translate } from '../../src/i18n/index.js';
import { createLogger } from '../../src/logger.js';
import { writeNotices } from '../../src/notices/index.js';
import { newEffects } from '../../src/procurement/effects.js';
import { type Procurement, procurement } from '../../src/procurement/index.js';
import { closeAtDeadline, type JobDeps } from '../../src/procurement/jobs.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { testClock } from '../support/time.js';

/**
 * Who may do what, as a table: every domain action × every kind of person (src/domain/policy.ts),
 * the console's regency scope, and — for the main actions — the real use-cases and the real
 * engine against real rows, where a refusal must leave no trace (no row, no status change, no
 * audit entry, no message).
 */

// ---------------------------------------------------------------------------------------------
// 1. The policy table. Expected values are written out, not derived, so a changed rule shows.

type Row = [name: string, subject: Subject, expected: Partial<Record<Action, string>>];
const V = (verification: 'pending' | 'verified' | 'rejected') => ({ verification });
const active = (officer: Subject['officer'], vendor: Subject['vendor']): Subject => ({
  status: 'active',
  officer,
  vendor,
});
const ALL: Action[] = [
  'chat',
  'edit_profile',
  'post_need',
  'view_own_needs',
  'award',
  'record_receipt',
  'record_payment',
  'view_open_tenders',
  'quote',
  'view_own_orders',
];
const OK = 'allowed';
const officerOnly = (deny: string) => ({
  post_need: deny,
  award: deny,
  record_receipt: deny,
  record_payment: deny,
});
const vendorOnly = (deny: string) => ({ view_open_tenders: deny, quote: deny, view_own_orders: deny });

const TABLE: Row[] = [
  [
    'stranger (no role)',
    active(null, null),
    { ...officerOnly('not_officer'), view_own_needs: 'not_officer', ...vendorOnly('not_vendor') },
  ],
  ['officer, verified', active(V('verified'), null), { ...vendorOnly('not_vendor') }],
  [
    'officer, pending',
    active(V('pending'), null),
    { ...officerOnly('officer_pending'), ...vendorOnly('not_vendor') },
  ],
  [
    'officer, rejected',
    active(V('rejected'), null),
    { ...officerOnly('officer_rejected'), ...vendorOnly('not_vendor') },
  ],
  [
    'vendor, verified',
    active(null, V('verified')),
    { ...officerOnly('not_officer'), view_own_needs: 'not_officer' },
  ],
  // Unverified vendors may quote: verification ranks them, it does not shut them out.
  [
    'vendor, unverified',
    active(null, V('pending')),
    { ...officerOnly('not_officer'), view_own_needs: 'not_officer' },
  ],
  [
    'vendor, rejected',
    active(null, V('rejected')),
    { ...officerOnly('not_officer'), view_own_needs: 'not_officer', ...vendorOnly('vendor_rejected') },
  ],
  ['officer and vendor', active(V('verified'), V('verified')), {}],
  [
    'suspended officer',
    { status: 'suspended', officer: V('verified'), vendor: null },
    Object.fromEntries(ALL.map((a) => [a, 'suspended'])),
  ],
  [
    'suspended vendor',
    { status: 'suspended', officer: null, vendor: V('verified') },
    Object.fromEntries(ALL.map((a) => [a, 'suspended'])),
  ],
];

describe('policy: every action × every kind of person', () => {
  const cases = TABLE.flatMap(([name, subject, expected]) =>
    ALL.map((action) => ({ name, subject, action, expected: expected[action] ?? OK })),
  );
  it.each(cases)('$name → $action: $expected', ({ subject, action, expected }) => {
    const d = decide(subject, action);
    expect(d.allowed ? OK : d.reason).toBe(expected);
  });
});

describe('console scope: admin of this / another regency and province', () => {
  const admin = (role: 'regency' | 'province', regencyCode: string | null, provinceCode: string | null) =>
    ({ id: 1, email: 'a@b', name: 'A', role, regencyCode, provinceCode, locale: 'id' }) as ConsoleAdmin;
  it.each([
    ['regency admin of 32.14', admin('regency', '32.14', '32'), '32.14', true],
    ['regency admin of 32.15', admin('regency', '32.15', '32'), '32.14', false],
    ['province admin of 32', admin('province', null, '32'), '32.14', true],
    ['province admin of 33', admin('province', null, '33'), '32.14', false],
    ['regency admin, row without regency', admin('regency', '32.14', '32'), null, false],
  ] as const)('%s sees 32.14: %s', (_name, a, regency, expected) => {
    expect(canSeeRegency(a, regency)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The real use-cases and the engine, against real rows.

describe('use-cases and the engine refuse without a trace', () => {
  let t: TestDb;
  let engine: Engine;
  const clock = testClock();
  let jobs: JobDeps;
  let seq = 0;
  type Person = { userId: number; officerId?: number; vendorId?: number; chat: string };
  const p: Record<string, Person> = {};
  let needId = 0;
  let itemId = 0;
  let deadline: Date;
  let thisDesa = '';
  let otherDesa = '';

  async function person(
    key: string,
    opts: {
      officer?: { village: string; verification: 'pending' | 'verified' | 'rejected' };
      vendor?: { verification: 'pending' | 'verified' | 'rejected' };
      suspended?: boolean;
    },
  ) {
    const user = await t.db
      .insertInto('users')
      .values({ display_name: key, status: opts.suspended ? 'suspended' : 'active' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const chat = `authz-${key}`;
    await t.db
      .insertInto('channel_identities')
      .values({ user_id: user.id, channel: 'web', external_id: chat })
      .execute();
    const person: Person = { userId: user.id, chat };
    if (opts.officer) {
      const o = await t.db
        .insertInto('officers')
        .values({
          user_id: user.id,
          village_code: opts.officer.village,
          position: 'tpk',
          full_name: key,
          verification: opts.officer.verification,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      person.officerId = o.id;
    }
    if (opts.vendor) {
      const v = await t.db
        .insertInto('vendors')
        .values({
          user_id: user.id,
          business_name: `Toko ${key}`,
          owner_name: key,
          phone_e164: '+6281234567890',
          village_code: thisDesa,
          district_code: thisDesa.split('.').slice(0, 3).join('.'),
          regency_code: '32.14',
          verification: opts.vendor.verification,
          quiet_start_minute: 0,
          quiet_end_minute: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const cat = await t.db
        .selectFrom('categories')
        .select('id')
        .where('code', '=', 'bahan_bangunan')
        .executeTakeFirstOrThrow();
      await t.db.insertInto('vendor_categories').values({ vendor_id: v.id, category_id: cat.id }).execute();
      person.vendorId = v.id;
    }
    p[key] = person;
  }

  /** Everything a refused action could have left behind. */
  async function trace() {
    const counts = await sql<Record<string, number>>`
      select (select count(*)::int from needs) as needs,
             (select count(*)::int from quotes) as quotes,
             (select count(*)::int from quote_items) as quote_items,
             (select count(*)::int from orders) as orders,
             (select count(*)::int from receipts) as receipts,
             (select count(*)::int from payments) as payments,
             (select count(*)::int from audit_log) as audit,
             (select count(*)::int from outbox where purpose <> 'reply') as notices,
             (select string_agg(status, ',' order by id) from needs) as need_states,
             (select string_agg(status, ',' order by id) from quotes) as quote_states,
             (select string_agg(status, ',' order by id) from orders) as order_states`.execute(t.db);
    return counts.rows[0];
  }

  /** Runs a use-case in its own committed transaction, as a turn would. */
  const ops = <T>(fn: (o: Procurement) => Promise<T>) =>
    t.db.transaction().execute(async (trx) => {
      const effects = newEffects();
      const result = await fn(procurement(trx, clock.now(), effects));
      await writeNotices(trx, effects.events, clock.now());
      return result;
    });

  /** Expects a refusal with this error, and not a trace of it in the database. */
  async function refused(label: string, error: string, fn: () => Promise<unknown>) {
    const before = await trace();
    const result = (await fn()) as { error?: string; ok?: boolean };
    expect({ label, error: result?.error ?? (result?.ok === false ? 'refused' : 'ALLOWED') }).toEqual({
      label,
      error,
    });
    expect({ label, trace: await trace() }).toEqual({ label, trace: before });
  }

  async function allowed<T>(label: string, fn: () => Promise<T>): Promise<T> {
    const before = await trace();
    const result = await fn();
    expect({ label, error: (result as { error?: string }).error }).toEqual({ label, error: undefined });
    expect(await trace()).not.toEqual(before);
    return result;
  }

  async function lastReply(chat: string) {
    const row = await t.db
      .selectFrom('outbox as o')
      .innerJoin('channel_identities as ci', 'ci.id', 'o.identity_id')
      .select('o.payload')
      .where('ci.external_id', '=', chat)
      .orderBy('o.id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    return (row.payload as { text: string }).text;
  }
  const send = (chat: string, m: { text?: string; optionId?: string }) =>
    engine.handle({ channel: 'web', externalUserId: chat, messageId: `az${++seq}`, at: clock.now(), ...m });

  const publishInput = () => ({
    title: 'Semen',
    categoryId: 1,
    items: [{ name: 'Semen', quantity: 10, unit: 'sak' }],
    hps: 15_000_000,
    deadline: new Date(clock.now().getTime() + 2 * 86_400_000),
    deliveryPlace: 'Kantor desa',
    neededBy: new Date(clock.now().getTime() + 5 * 86_400_000),
  });

  beforeAll(async () => {
    t = await createTestDb();
    const log = createLogger('silent');
    engine = createEngine({
      db: t.db,
      relay: { enqueue: async () => {} },
      config: parseConfig({}),
      log,
      now: () => clock.now(),
    });
    jobs = { db: t.db, clock, log, commit: async () => {} };
    const desas = await t.db
      .selectFrom('villages')
      .select('code')
      .where('kind', '=', 'desa')
      .where('code', 'like', '32.14.%')
      .orderBy('code')
      .limit(2)
      .execute();
    thisDesa = desas[0]!.code;
    otherDesa = desas[1]!.code;
    await person('officerThis', { officer: { village: thisDesa, verification: 'verified' } });
    await person('officerOther', { officer: { village: otherDesa, verification: 'verified' } });
    await person('officerPending', { officer: { village: thisDesa, verification: 'pending' } });
    await person('officerSuspended', {
      officer: { village: thisDesa, verification: 'verified' },
      suspended: true,
    });
    await person('vendorInvited', { vendor: { verification: 'verified' } });
    await person('vendorUnverified', { vendor: { verification: 'pending' } });
    await person('vendorNotInvited', { vendor: { verification: 'verified' } });
    await person('vendorRejected', { vendor: { verification: 'rejected' } });
    await person('vendorSuspended', { vendor: { verification: 'verified' }, suspended: true });
    await person('stranger', {});
  }, 60_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('verify a registration (console): an admin of this regency or province, not of another', async () => {
    const deps = { db: t.db, now: () => clock.now(), log: createLogger('silent') } as unknown as ConsoleDeps;
    const admin = async (
      role: 'regency' | 'province',
      regencyCode: string | null,
      provinceCode: string | null,
    ) => {
      const row = await t.db
        .insertInto('admins')
        .values({
          email: `${role}-${regencyCode ?? provinceCode}-${++seq}@uji.test`,
          name: 'Admin',
          password_hash: 'x',
          role,
          regency_code: regencyCode,
          province_code: provinceCode,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        id: row.id,
        email: '',
        name: 'Admin',
        role,
        regencyCode,
        provinceCode,
        locale: 'id',
      } as ConsoleAdmin;
    };
    const id = p.vendorUnverified!.vendorId!;
    // Admins elsewhere only need to exist in the session: only 32.14's areas are loaded here.
    const elsewhere = (
      role: 'regency' | 'province',
      regencyCode: string | null,
      provinceCode: string | null,
    ) =>
      ({
        id: 999_999,
        email: '',
        name: 'Admin',
        role,
        regencyCode,
        provinceCode,
        locale: 'id',
      }) as ConsoleAdmin;
    const [otherRegency, otherProvince, thisRegency, thisProvince] = [
      elsewhere('regency', '32.15', '32'),
      elsewhere('province', null, '33'),
      await admin('regency', '32.14', '32'),
      await admin('province', null, '32'),
    ];
    await refused('admin of another regency', 'forbidden', () =>
      decideRegistration(deps, otherRegency, 'vendor', id, true, null),
    );
    await refused('admin of another province', 'forbidden', () =>
      decideRegistration(deps, otherProvince, 'vendor', id, true, null),
    );
    await allowed('admin of this regency', () =>
      decideRegistration(deps, thisRegency, 'vendor', id, false, 'uji'),
    );
    await refused('deciding twice', 'already', () =>
      decideRegistration(deps, thisProvince, 'vendor', id, true, null),
    );
    // Back to unverified for the quoting cases below (test scaffolding, not a product path).
    await t.db.updateTable('vendors').set({ verification: 'pending' }).where('id', '=', id).execute();
  });

  it('post a need: only a verified officer', async () => {
    const cat = await t.db
      .selectFrom('categories')
      .select('id')
      .where('code', '=', 'bahan_bangunan')
      .executeTakeFirstOrThrow();
    const input = { ...publishInput(), categoryId: cat.id };
    await refused('pending officer', 'officer_pending', () =>
      ops((o) => o.needs.publish(p.officerPending!.userId, input)),
    );
    await refused('vendor', 'not_officer', () => ops((o) => o.needs.publish(p.vendorInvited!.userId, input)));
    await refused('stranger', 'not_officer', () => ops((o) => o.needs.publish(p.stranger!.userId, input)));
    const r = await allowed('officer of this desa', () =>
      ops((o) => o.needs.publish(p.officerThis!.userId, input)),
    );
    needId = (r as { needId: number }).needId;
    const need = await t.db
      .selectFrom('needs')
      .select('quote_deadline')
      .where('id', '=', needId)
      .executeTakeFirstOrThrow();
    deadline = need.quote_deadline;
    itemId = (
      await t.db.selectFrom('need_items').select('id').where('need_id', '=', needId).executeTakeFirstOrThrow()
    ).id;
    // Invited: as matching would (everyone but vendorNotInvited).
    for (const key of ['vendorInvited', 'vendorUnverified', 'vendorRejected', 'vendorSuspended']) {
      await t.db
        .insertInto('invitations')
        .values({ need_id: needId, vendor_id: p[key]!.vendorId!, ring: 'desa', rank: 1, status: 'alerted' })
        .execute();
    }
    // Through the engine: a suspended officer is stopped before any flow runs.
    await refused('suspended officer (engine)', 'refused', async () => {
      await send(p.officerSuspended!.chat, { text: 'Buat kebutuhan baru' });
      return { ok: false };
    });
    expect(await lastReply(p.officerSuspended!.chat)).toBe(translate('id', 'policy.suspended'));
  });

  const quote = (total: number) => ({
    total,
    deliveryDays: 3,
    note: null,
    items: [{ needItemId: itemId, unitPrice: total / 10, lineTotal: total }],
  });

  it('quote: invited vendors (verified or not), nobody else', async () => {
    await refused('vendor not invited', 'not_invited', () =>
      ops((o) => o.needs.submitQuote(p.vendorNotInvited!.userId, needId, quote(14_000_000))),
    );
    await refused('rejected vendor', 'not_vendor', () =>
      ops((o) => o.needs.submitQuote(p.vendorRejected!.userId, needId, quote(13_000_000))),
    );
    await refused('officer', 'not_vendor', () =>
      ops((o) => o.needs.submitQuote(p.officerThis!.userId, needId, quote(12_000_000))),
    );
    await refused('stranger', 'not_vendor', () =>
      ops((o) => o.needs.submitQuote(p.stranger!.userId, needId, quote(12_000_000))),
    );
    await refused('suspended vendor (engine)', 'refused', async () => {
      await send(p.vendorSuspended!.chat, { optionId: `t:${needId}:quote` });
      await send(p.vendorSuspended!.chat, { text: '11 juta' });
      return { ok: false };
    });
    await allowed('invited vendor', () =>
      ops((o) => o.needs.submitQuote(p.vendorInvited!.userId, needId, quote(14_000_000))),
    );
    await allowed('invited unverified vendor', () =>
      ops((o) => o.needs.submitQuote(p.vendorUnverified!.userId, needId, quote(14_500_000))),
    );
  });

  it('view quotes: nobody before the deadline; after it, only the officer who owns the need', async () => {
    await refused('owner before the deadline (sealed)', 'wrong_state', () =>
      ops((o) => o.needs.ranked(p.officerThis!.userId, needId)),
    );
    clock.set(new Date(deadline.getTime() + 60_000));
    expect(await closeAtDeadline(jobs, needId, deadline.getTime())).toBe('closed');
    await refused('officer of another desa', 'not_yours', () =>
      ops((o) => o.needs.ranked(p.officerOther!.userId, needId)),
    );
    await refused('invited vendor', 'not_yours', () =>
      ops((o) => o.needs.ranked(p.vendorInvited!.userId, needId)),
    );
    await refused('late quote', 'closed', () =>
      ops((o) => o.needs.submitQuote(p.vendorInvited!.userId, needId, quote(9_000_000))),
    );
    const r = (await ops((o) => o.needs.ranked(p.officerThis!.userId, needId))) as { ranked: unknown[] };
    expect(r.ranked).toHaveLength(2);
  });

  it('award: only the officer who owns the need', async () => {
    const lowest = await t.db
      .selectFrom('quotes')
      .select('id')
      .where('need_id', '=', needId)
      .orderBy('total')
      .limit(1)
      .executeTakeFirstOrThrow();
    const award = (userId: number) => () =>
      ops((o) => o.needs.award(userId, needId, lowest.id, { reason: null, finalAmount: null }));
    await refused('officer of another desa', 'not_yours', award(p.officerOther!.userId));
    await refused('vendor', 'not_yours', award(p.vendorInvited!.userId));
    await refused('stranger', 'not_yours', award(p.stranger!.userId));
    // Through the engine: another desa's officer taps an award button of this need.
    await refused('officer of another desa (engine)', 'refused', async () => {
      await send(p.officerOther!.chat, { optionId: `a:${needId}:q${lowest.id}` });
      await send(p.officerOther!.chat, { text: 'lewati' });
      await send(p.officerOther!.chat, { text: 'ya' });
      return { ok: false };
    });
    await allowed('officer of this desa', award(p.officerThis!.userId));
    await refused('a second award', 'wrong_state', award(p.officerThis!.userId));
  });

  it('accept the order, confirm receipt, record payment: each by its own side only', async () => {
    const order = await t.db
      .selectFrom('orders')
      .select('id')
      .where('need_id', '=', needId)
      .executeTakeFirstOrThrow();
    const id = order.id;
    await refused('losing vendor accepts', 'not_yours', () =>
      ops((o) => o.orders.accept(p.vendorUnverified!.userId, id)),
    );
    await refused('officer accepts', 'not_yours', () =>
      ops((o) => o.orders.accept(p.officerThis!.userId, id)),
    );
    await refused('receipt before acceptance', 'wrong_state', () =>
      ops((o) => o.orders.confirmReceipt(p.officerThis!.userId, id)),
    );
    await allowed('winning vendor accepts', () => ops((o) => o.orders.accept(p.vendorInvited!.userId, id)));
    await refused('officer reports delivery', 'not_yours', () =>
      ops((o) => o.orders.reportDelivery(p.officerThis!.userId, id, null, null)),
    );
    await allowed('winner reports delivery', () =>
      ops((o) => o.orders.reportDelivery(p.vendorInvited!.userId, id, 'diantar', null)),
    );
    await refused('vendor confirms receipt', 'not_yours', () =>
      ops((o) => o.orders.confirmReceipt(p.vendorInvited!.userId, id)),
    );
    await refused('officer of another desa confirms receipt', 'not_yours', () =>
      ops((o) => o.orders.confirmReceipt(p.officerOther!.userId, id)),
    );
    const pay = (userId: number) => () =>
      ops((o) =>
        o.orders.recordPayment(userId, id, { amount: 14_000_000, paidOn: clock.now(), method: 'transfer' }),
      );
    await refused('payment before receipt', 'wrong_state', pay(p.officerThis!.userId));
    await allowed('owner confirms receipt', () =>
      ops((o) => o.orders.confirmReceipt(p.officerThis!.userId, id)),
    );
    await refused('vendor records payment', 'not_yours', pay(p.vendorInvited!.userId));
    await refused('officer of another desa records payment', 'not_yours', pay(p.officerOther!.userId));
    await refused('stranger records payment', 'not_yours', pay(p.stranger!.userId));
    await allowed('owner records payment', pay(p.officerThis!.userId));
    await refused('a second payment', 'wrong_state', pay(p.officerThis!.userId));
  });
});
