import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { RESTING_FLOWS } from '../domain/conversations.js';
import { jsonText } from './db.js';
import type { Database, Method, NeedStatus, NeedsTable, Ring } from './schema.js';

export interface NeedItemInput {
  name: string;
  quantity: number;
  unit: string;
  spec?: string | null;
}

export interface NewNeed {
  officerId: number;
  villageCode: string;
  categoryId: number;
  title: string;
  method: Method;
  hps: number;
  minQuotes: number;
  quoteDeadline: Date;
  deliveryPlace: string;
  neededBy: Date;
  items: NeedItemInput[];
  directVendorId?: number | null;
}

export interface NeedRow {
  id: number;
  number: string | null;
  officerId: number;
  villageCode: string;
  districtCode: string;
  regencyCode: string;
  categoryId: number;
  title: string;
  method: Method;
  hps: number;
  minQuotes: number;
  status: NeedStatus;
  quoteDeadline: Date;
  deliveryPlace: string;
  neededBy: Date;
  publishedAt: Date | null;
  matchedAt: Date | null;
  ring: Ring;
  /** Pembelian langsung straight to one vendor the officer picked. */
  directVendorId: number | null;
}

/** Next value of a yearly counter, taken under the row lock of the caller's transaction. */
export async function nextNumber(trx: Transaction<Database>, scope: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('number_counters')
    .values({ scope, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['scope', 'year'])
        .doUpdateSet((eb) => ({ last_value: eb('number_counters.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export async function insertPublishedNeed(
  trx: Transaction<Database>,
  n: NewNeed,
  number: string,
  now: Date,
): Promise<number> {
  const place = await trx
    .selectFrom('villages')
    .innerJoin('districts', 'districts.code', 'villages.district_code')
    .select(['districts.code as district', 'districts.regency_code as regency'])
    .where('villages.code', '=', n.villageCode)
    .executeTakeFirstOrThrow();
  const need = await trx
    .insertInto('needs')
    .values({
      number,
      officer_id: n.officerId,
      village_code: n.villageCode,
      district_code: place.district,
      regency_code: place.regency,
      category_id: n.categoryId,
      title: n.title,
      method: n.method,
      hps: n.hps,
      min_quotes: n.minQuotes,
      status: 'published',
      quote_deadline: n.quoteDeadline,
      delivery_place: n.deliveryPlace,
      needed_by: n.neededBy,
      direct_vendor_id: n.directVendorId ?? null,
      published_at: now,
      // The procurement clock, not the database's: the dashboard and the red flags count needs
      // by creation time against that clock (a training sandbox moves it).
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('need_items')
    .values(
      n.items.map((it, i) => ({
        need_id: need.id,
        position: i + 1,
        name: it.name,
        quantity: it.quantity,
        unit: it.unit,
        spec: it.spec ?? null,
      })),
    )
    .execute();
  return need.id;
}

const needColumns = [
  'id',
  'number',
  'officer_id',
  'village_code',
  'district_code',
  'regency_code',
  'category_id',
  'title',
  'method',
  'hps',
  'min_quotes',
  'status',
  'quote_deadline',
  'delivery_place',
  'needed_by',
  'published_at',
  'matched_at',
  'ring',
  'direct_vendor_id',
] as const;

/** A needs row as those columns come back: Kysely's Selectable types them, no cast needed. */
type NeedSelect = Pick<Selectable<NeedsTable>, (typeof needColumns)[number]>;

function toNeed(r: NeedSelect): NeedRow {
  return {
    id: r.id,
    number: r.number,
    officerId: r.officer_id,
    villageCode: r.village_code,
    districtCode: r.district_code,
    regencyCode: r.regency_code,
    categoryId: r.category_id,
    title: r.title,
    method: r.method,
    hps: r.hps,
    minQuotes: r.min_quotes,
    status: r.status,
    quoteDeadline: r.quote_deadline,
    deliveryPlace: r.delivery_place,
    neededBy: r.needed_by,
    publishedAt: r.published_at,
    matchedAt: r.matched_at,
    ring: r.ring,
    directVendorId: r.direct_vendor_id,
  };
}

export async function getNeed(
  db: Kysely<Database>,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<NeedRow | null> {
  let q = db
    .selectFrom('needs')
    .select([...needColumns])
    .where('id', '=', id);
  if (opts.lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toNeed(r) : null;
}

export async function needItems(db: Kysely<Database>, needId: number) {
  return db
    .selectFrom('need_items')
    .select(['id', 'position', 'name', 'quantity', 'unit', 'spec'])
    .where('need_id', '=', needId)
    .orderBy('position')
    .execute();
}

export async function setNeedStatus(
  trx: Transaction<Database>,
  id: number,
  status: NeedStatus,
  now: Date,
  extra: { closed_at?: Date; status_reason?: string | null } = {},
) {
  await trx
    .updateTable('needs')
    .set({ status, updated_at: now, version: sql`version + 1`, ...extra })
    .where('id', '=', id)
    .execute();
}

export async function extendDeadline(trx: Transaction<Database>, id: number, deadline: Date, now: Date) {
  await trx
    .updateTable('needs')
    .set({
      status: 'published',
      quote_deadline: deadline,
      closed_at: null,
      updated_at: now,
      extended_count: sql`extended_count + 1`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
}

export async function setRing(trx: Transaction<Database>, id: number, ring: Ring) {
  await trx.updateTable('needs').set({ ring }).where('id', '=', id).execute();
}

export async function markMatched(trx: Transaction<Database>, id: number, now: Date) {
  await trx.updateTable('needs').set({ matched_at: now }).where('id', '=', id).execute();
}

/** Needs whose match job never ran (Redis was away at publish time). */
export async function unmatchedNeeds(db: Kysely<Database>, olderThan: Date, limit = 100) {
  const rows = await db
    .selectFrom('needs')
    .select('id')
    .where('status', '=', 'published')
    .where('matched_at', 'is', null)
    .where('published_at', '<', olderThan)
    .orderBy('published_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function needsOfOfficer(db: Kysely<Database>, officerId: number, limit: number, offset: number) {
  return db
    .selectFrom('needs')
    .select(['id', 'number', 'title', 'status', 'quote_deadline', 'hps', 'method'])
    .where('officer_id', '=', officerId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export interface Candidate {
  vendorId: number;
  userId: number;
  ring: Ring;
  verified: boolean;
  ratingAvg: number | null;
  responseRate: number | null;
  quietStartMinute: number;
  quietEndMinute: number;
}

/**
 * Vendors selling the need's category in its regency, with their locality ring relative to
 * the need's desa. Suspended people and the officer's own account are left out.
 */
/** Where and what a need is, as matching reads it (a need, or one being considered). */
export type MatchSubject = Pick<NeedRow, 'categoryId' | 'regencyCode' | 'villageCode' | 'districtCode'>;

export async function matchCandidates(
  db: Kysely<Database>,
  need: MatchSubject,
  excludeUserId: number,
): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('vendor_categories as vc')
    .innerJoin('vendors as v', 'v.id', 'vc.vendor_id')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select([
      'v.id',
      'v.user_id',
      'v.village_code',
      'v.district_code',
      'v.verification',
      'v.rating_sum',
      'v.rating_count',
      'v.invitations_count',
      'v.responses_count',
      'v.quiet_start_minute',
      'v.quiet_end_minute',
    ])
    .where('vc.category_id', '=', need.categoryId)
    .where('v.regency_code', '=', need.regencyCode)
    .where('v.verification', '!=', 'rejected')
    .where('u.status', '=', 'active')
    .where('v.user_id', '!=', excludeUserId)
    .execute();
  return rows.map((r) => ({
    vendorId: r.id,
    userId: r.user_id,
    ring:
      r.village_code === need.villageCode
        ? 'desa'
        : r.district_code === need.districtCode
          ? 'kecamatan'
          : 'kabupaten',
    verified: r.verification === 'verified',
    ratingAvg: r.rating_count > 0 ? r.rating_sum / r.rating_count : null,
    responseRate: r.invitations_count > 0 ? r.responses_count / r.invitations_count : null,
    quietStartMinute: r.quiet_start_minute,
    quietEndMinute: r.quiet_end_minute,
  }));
}

export async function invitedVendorIds(db: Kysely<Database>, needId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('invitations').select('vendor_id').where('need_id', '=', needId).execute();
  return new Set(rows.map((r) => r.vendor_id));
}

export async function insertInvitations(
  trx: Transaction<Database>,
  needId: number,
  rows: Array<{ vendorId: number; ring: Ring; rank: number; alertDueAt: Date }>,
): Promise<Array<{ id: number; vendorId: number }>> {
  const result: Array<{ id: number; vendorId: number }> = [];
  // Sliced: PostgreSQL takes at most 65,535 parameters in one statement.
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await trx
      .insertInto('invitations')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          need_id: needId,
          vendor_id: r.vendorId,
          ring: r.ring,
          rank: r.rank,
          status: 'alerted' as const,
          alert_due_at: r.alertDueAt,
          alerted_at: r.alertDueAt,
        })),
      )
      .onConflict((oc) => oc.columns(['need_id', 'vendor_id']).doNothing())
      .returning(['id', 'vendor_id'])
      .execute();
    if (inserted.length) {
      await trx
        .updateTable('vendors')
        .set({ invitations_count: sql`invitations_count + 1` })
        .where(
          'id',
          'in',
          inserted.map((r) => r.vendor_id),
        )
        .execute();
    }
    result.push(...inserted.map((r) => ({ id: r.id, vendorId: r.vendor_id })));
  }
  return result;
}

export async function invitation(db: Kysely<Database>, needId: number, vendorId: number) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('need_id', '=', needId)
    .where('vendor_id', '=', vendorId)
    .executeTakeFirst();
}

/** Open needs a vendor was invited to and may still quote on. */
export async function openInvitationsOfVendor(
  db: Kysely<Database>,
  vendorId: number,
  now: Date,
  limit: number,
  offset: number,
) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('needs as n', 'n.id', 'i.need_id')
    .select(['n.id', 'n.number', 'n.title', 'n.quote_deadline', 'i.status'])
    .where('i.vendor_id', '=', vendorId)
    .where('n.status', '=', 'published')
    .where('n.quote_deadline', '>', now)
    .where('i.status', '!=', 'declined')
    .orderBy('n.quote_deadline')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function setInvitationStatus(
  trx: Transaction<Database>,
  needId: number,
  vendorId: number,
  status: 'viewed' | 'declined' | 'quoted',
  now: Date,
) {
  const before = await trx
    .updateTable('invitations')
    .set({ status, responded_at: now })
    .where('need_id', '=', needId)
    .where('vendor_id', '=', vendorId)
    .returning('id')
    .executeTakeFirst();
  return before !== undefined;
}

/** Invited vendors who have not declined (quoted or not): the ones a new deadline concerns. */
export async function activeInvitees(db: Kysely<Database>, needId: number) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('vendors as v', 'v.id', 'i.vendor_id')
    .select(['i.vendor_id', 'v.user_id', 'i.status', 'v.quiet_start_minute', 'v.quiet_end_minute'])
    .where('i.need_id', '=', needId)
    .where('i.status', '!=', 'declined')
    .execute();
}

/** Where each user's messages go (latest reachable identity) and their language, in one read. */
export async function recipientsOf(db: Kysely<Database>, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('channel_identities as ci')
    .innerJoin('users as u', 'u.id', 'ci.user_id')
    .select(['ci.user_id', 'ci.id as identity_id', 'ci.channel', 'u.locale'])
    .distinctOn('ci.user_id')
    .where('ci.user_id', 'in', userIds)
    .where('ci.unreachable_at', 'is', null)
    .where('u.status', '=', 'active')
    .orderBy('ci.user_id')
    .orderBy('ci.last_inbound_at', (ob) => ob.desc().nullsLast())
    .execute();
}

/**
 * Moves the conversations of these identities to a question, for those on a screen they only
 * look at (the menu, a list: RESTING_FLOWS), with no conversation yet, or waiting at this same
 * question — a batch form of offering one conversation.
 */
export async function offerConversations(
  // A turn's or a job's transaction, or the pool after a held alert went out: creating the row
  // is idempotent and the move is one statement, so it needs no transaction of its own.
  db: Kysely<Database>,
  identityIds: number[],
  flow: string,
  step: string,
  data: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  if (identityIds.length === 0) return false;
  await db
    .insertInto('conversations')
    .values(identityIds.map((identity_id) => ({ identity_id })))
    .onConflict((oc) => oc.column('identity_id').doNothing())
    .execute();
  const moved = await db
    .updateTable('conversations')
    .set({
      flow,
      step,
      data: jsonText(data),
      history: '[]',
      misses: 0,
      last_turn_at: now,
    })
    .where('identity_id', 'in', identityIds)
    .where((eb) =>
      eb.or([
        eb('flow', 'is', null),
        eb('flow', 'in', RESTING_FLOWS),
        // Waiting at this same question about something else (an earlier alert): the newest
        // message is the one on screen. Anywhere else in the dialogue they are answering.
        eb.and([eb('flow', '=', flow), eb('step', '=', step)]),
      ]),
    )
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) > 0;
}

export async function villageName(db: Kysely<Database>, villageCode: string): Promise<string> {
  const row = await db
    .selectFrom('villages')
    .select('name')
    .where('code', '=', villageCode)
    .executeTakeFirst();
  return row?.name ?? '';
}

/** The kecamatan and regency a village belongs to. */
export async function placeOfVillage(db: Kysely<Database>, villageCode: string) {
  return db
    .selectFrom('villages')
    .innerJoin('districts', 'districts.code', 'villages.district_code')
    .select(['districts.code as district', 'districts.regency_code as regency'])
    .where('villages.code', '=', villageCode)
    .executeTakeFirstOrThrow();
}

export async function vendorNames(db: Kysely<Database>, vendorIds: number[]): Promise<Map<number, string>> {
  if (vendorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('vendors')
    .select(['id', 'business_name'])
    .where('id', 'in', vendorIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.business_name]));
}

export async function officerUserId(db: Kysely<Database>, officerId: number): Promise<number> {
  return (
    await db.selectFrom('officers').select('user_id').where('id', '=', officerId).executeTakeFirstOrThrow()
  ).user_id;
}

export async function markInvitationViewed(trx: Transaction<Database>, needId: number, vendorId: number) {
  await trx
    .updateTable('invitations')
    .set({ status: 'viewed' })
    .where('need_id', '=', needId)
    .where('vendor_id', '=', vendorId)
    .where('status', 'in', ['pending', 'alerted'])
    .execute();
}

export async function extendedCount(db: Kysely<Database>, needId: number): Promise<number> {
  return Number(
    (await db.selectFrom('needs').select('extended_count').where('id', '=', needId).executeTakeFirstOrThrow())
      .extended_count,
  );
}

/** Published needs whose deadline passed before `before` (their deadline job may be lost). */
export async function overdueNeeds(db: Kysely<Database>, before: Date, limit = 100) {
  return db
    .selectFrom('needs')
    .select(['id', 'quote_deadline'])
    .where('status', '=', 'published')
    .where('quote_deadline', '<=', before)
    .limit(limit)
    .execute();
}
