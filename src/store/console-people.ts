import { type Kysely, sql, type Transaction } from 'kysely';
import { areaIn, LIST_LIMIT, regencyIn, type Scope } from './console-scope.js';
import type { Database } from './schema.js';

// Officers, vendors and invite codes as the console reads and decides them.

export async function pendingOfficers(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('officers as o')
    .innerJoin('villages as v', 'v.code', 'o.village_code')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .leftJoin('users as u', 'u.id', 'o.user_id')
    .select([
      'o.id',
      'o.full_name',
      'o.position',
      'o.created_at',
      'v.name as desa',
      'd.name as kecamatan',
      'u.phone_e164',
    ])
    .where(areaIn('o.village_code', scope))
    .where('o.verification', '=', 'pending')
    .orderBy('o.created_at')
    .limit(LIST_LIMIT)
    .execute();
}

/**
 * Vendors of the scope with their desa, kecamatan and categories (names joined), as the
 * verification list and the directory both show them.
 */
function vendorsWithArea(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('vendors as ve')
    .innerJoin('villages as v', 'v.code', 've.village_code')
    .innerJoin('districts as d', 'd.code', 've.district_code')
    .select([
      've.id',
      've.business_name',
      've.owner_name',
      've.phone_e164',
      'v.name as desa',
      'd.name as kecamatan',
      sql<string>`(select string_agg(c.name_id, ', ' order by c.sort) from vendor_categories vc join categories c on c.id = vc.category_id where vc.vendor_id = ve.id)`.as(
        'categories',
      ),
    ])
    .where(regencyIn('ve.regency_code', scope));
}

export async function pendingVendors(db: Kysely<Database>, scope: Scope) {
  return vendorsWithArea(db, scope)
    .select('ve.created_at')
    .where('ve.verification', '=', 'pending')
    .orderBy('ve.created_at')
    .limit(LIST_LIMIT)
    .execute();
}

export async function officerForDecision(trx: Transaction<Database>, id: number) {
  return trx
    .selectFrom('officers')
    .select(['id', 'user_id', 'full_name', 'village_code', 'verification'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function vendorForDecision(trx: Transaction<Database>, id: number) {
  return trx
    .selectFrom('vendors')
    .select(['id', 'user_id', 'business_name', 'regency_code', 'verification'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export interface Decision {
  verified: boolean;
  reason: string | null;
  adminId: number;
  now: Date;
}

/** The verification columns officers and vendors share, as a decision sets them. */
const decided = (d: Decision) => ({
  verification: d.verified ? ('verified' as const) : ('rejected' as const),
  verified_at: d.verified ? d.now : null,
  verified_by_admin_id: d.adminId,
  rejected_reason: d.verified ? null : d.reason,
});

export async function decideOfficer(trx: Transaction<Database>, id: number, d: Decision) {
  await trx.updateTable('officers').set(decided(d)).where('id', '=', id).execute();
}

export async function decideVendor(trx: Transaction<Database>, id: number, d: Decision) {
  await trx
    .updateTable('vendors')
    .set({ ...decided(d), updated_at: d.now })
    .where('id', '=', id)
    .execute();
}

export interface VendorFilter {
  district?: string;
  category?: number;
  verification?: 'pending' | 'verified' | 'rejected';
  q?: string;
}

export async function vendorDirectory(db: Kysely<Database>, scope: Scope, f: VendorFilter, offset: number) {
  let q = vendorsWithArea(db, scope).select([
    've.verification',
    've.rating_sum',
    've.rating_count',
    've.invitations_count',
    've.responses_count',
    've.regency_code',
  ]);
  if (f.district) q = q.where('ve.district_code', '=', f.district);
  if (f.verification) q = q.where('ve.verification', '=', f.verification);
  if (f.category)
    q = q.where(
      sql<boolean>`exists (select 1 from vendor_categories vc join categories c on c.id = vc.category_id where vc.vendor_id = ve.id and (c.id = ${f.category} or c.parent_id = ${f.category}))`,
    );
  if (f.q) q = q.where('ve.business_name', 'ilike', `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  return q.orderBy('ve.business_name').orderBy('ve.id').limit(51).offset(offset).execute();
}

export async function inviteCodes(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('invite_codes as i')
    .innerJoin('villages as v', 'v.code', 'i.village_code')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .select([
      'i.id',
      'i.code',
      'i.expires_at',
      'i.used_at',
      'i.created_at',
      'v.name as desa',
      'd.name as kecamatan',
    ])
    .where(areaIn('i.village_code', scope))
    .orderBy('i.created_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
}

export async function insertInviteCode(
  db: Kysely<Database>,
  c: { code: string; villageCode: string; adminId: number; expiresAt: Date },
) {
  await db
    .insertInto('invite_codes')
    .values({
      code: c.code,
      village_code: c.villageCode,
      created_by_admin_id: c.adminId,
      expires_at: c.expiresAt,
    })
    .execute();
}

/** The users of a broadcast segment (district optional), each once. */
export async function segmentUsers(
  db: Kysely<Database>,
  scope: Scope,
  seg: { audience: 'vendors' | 'officers'; district?: string; verifiedOnly: boolean },
): Promise<number[]> {
  if (seg.audience === 'vendors') {
    let q = db.selectFrom('vendors').select('user_id').distinct().where(regencyIn('regency_code', scope));
    if (seg.district) q = q.where('district_code', '=', seg.district);
    if (seg.verifiedOnly) q = q.where('verification', '=', 'verified');
    return (await q.execute()).map((r) => r.user_id);
  }
  let q = db.selectFrom('officers').select('user_id').distinct().where(areaIn('village_code', scope));
  if (seg.district) q = q.where('village_code', 'like', `${seg.district}.%`);
  if (seg.verifiedOnly) q = q.where('verification', '=', 'verified');
  return (await q.execute()).map((r) => r.user_id);
}
