import type { Kysely, Transaction } from 'kysely';
import type { Database, OfficersTable, Verification } from './schema.js';

export interface NamedCode {
  code: string;
  name: string;
}

export async function listRegencies(db: Kysely<Database>, codes: string[]): Promise<NamedCode[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('regencies')
    .select(['code', 'name'])
    .where('code', 'in', codes)
    .orderBy('name')
    .execute();
}

export async function listDistricts(db: Kysely<Database>, regencyCode: string): Promise<NamedCode[]> {
  return db
    .selectFrom('districts')
    .select(['code', 'name'])
    .where('regency_code', '=', regencyCode)
    .orderBy('name')
    .execute();
}

/** Villages of a kecamatan; officers pick among desa only (kelurahan do not run PBJ Desa). */
export async function listVillages(
  db: Kysely<Database>,
  districtCode: string,
  onlyDesa: boolean,
): Promise<NamedCode[]> {
  let q = db.selectFrom('villages').select(['code', 'name']).where('district_code', '=', districtCode);
  if (onlyDesa) q = q.where('kind', '=', 'desa');
  return q.orderBy('name').execute();
}

export async function villagePlace(db: Kysely<Database>, villageCode: string) {
  return db
    .selectFrom('villages as v')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .innerJoin('regencies as r', 'r.code', 'd.regency_code')
    .select([
      'v.code',
      'v.name as village',
      'v.kind',
      'd.code as districtCode',
      'd.name as district',
      'r.code as regencyCode',
    ])
    .where('v.code', '=', villageCode)
    .executeTakeFirst();
}

export interface CategoryRow {
  id: number;
  code: string;
  name_id: string;
  name_en: string;
}

export async function listCategories(db: Kysely<Database>): Promise<CategoryRow[]> {
  return db
    .selectFrom('categories')
    .select(['id', 'code', 'name_id', 'name_en'])
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export interface VendorProfile {
  id: number;
  businessName: string;
  ownerName: string;
  phone: string | null;
  nib: string | null;
  villageCode: string;
  verification: Verification;
  quietStartMinute: number;
  quietEndMinute: number;
  categoryIds: number[];
}

export async function findVendorByUser(db: Kysely<Database>, userId: number): Promise<VendorProfile | null> {
  const v = await db.selectFrom('vendors').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!v) return null;
  const cats = await db
    .selectFrom('vendor_categories')
    .select('category_id')
    .where('vendor_id', '=', v.id)
    .execute();
  return {
    id: v.id,
    businessName: v.business_name,
    ownerName: v.owner_name,
    phone: v.phone_e164,
    nib: v.nib,
    villageCode: v.village_code,
    verification: v.verification,
    quietStartMinute: v.quiet_start_minute,
    quietEndMinute: v.quiet_end_minute,
    categoryIds: cats.map((c) => c.category_id),
  };
}

export interface OfficerProfile {
  id: number;
  fullName: string;
  villageCode: string;
  position: OfficersTable['position'];
  verification: Verification;
}

export async function findOfficerByUser(
  db: Kysely<Database>,
  userId: number,
): Promise<OfficerProfile | null> {
  const o = await db
    .selectFrom('officers')
    .select(['id', 'full_name', 'village_code', 'position', 'verification'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!o) return null;
  return {
    id: o.id,
    fullName: o.full_name,
    villageCode: o.village_code,
    position: o.position,
    verification: o.verification,
  };
}

export interface NewVendor {
  userId: number;
  businessName: string;
  ownerName: string;
  phone: string | null;
  nib: string | null;
  villageCode: string;
  categoryIds: number[];
  /** Quiet hours for a regency without its own setting. */
  quietStartMinute: number;
  quietEndMinute: number;
}

/**
 * Creates the vendor, or updates it when this person registered before (a re-registration).
 * A new vendor gets the quiet hours of their regency (the admin's setting); a re-registration
 * keeps the ones the vendor chose.
 */
export async function saveVendor(trx: Transaction<Database>, v: NewVendor): Promise<number> {
  const place = await villagePlace(trx, v.villageCode);
  if (!place) throw new Error(`unknown village ${v.villageCode}`);
  const regency = await trx
    .selectFrom('procurement_settings')
    .select(['quiet_start_minute', 'quiet_end_minute'])
    .where('regency_code', '=', place.regencyCode)
    .executeTakeFirst();
  const values = {
    user_id: v.userId,
    business_name: v.businessName,
    owner_name: v.ownerName,
    phone_e164: v.phone,
    nib: v.nib,
    village_code: v.villageCode,
    district_code: place.districtCode,
    regency_code: place.regencyCode,
  };
  const row = await trx
    .insertInto('vendors')
    .values({
      ...values,
      quiet_start_minute: regency?.quiet_start_minute ?? v.quietStartMinute,
      quiet_end_minute: regency?.quiet_end_minute ?? v.quietEndMinute,
    })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await setVendorCategories(trx, row.id, v.categoryIds);
  return row.id;
}

export async function setVendorCategories(
  trx: Transaction<Database>,
  vendorId: number,
  categoryIds: number[],
) {
  await trx.deleteFrom('vendor_categories').where('vendor_id', '=', vendorId).execute();
  if (categoryIds.length) {
    await trx
      .insertInto('vendor_categories')
      .values([...new Set(categoryIds)].map((category_id) => ({ vendor_id: vendorId, category_id })))
      .execute();
  }
}

export async function updateVendorLocation(
  trx: Transaction<Database>,
  vendorId: number,
  villageCode: string,
) {
  const place = await villagePlace(trx, villageCode);
  if (!place) throw new Error(`unknown village ${villageCode}`);
  await trx
    .updateTable('vendors')
    .set({
      village_code: villageCode,
      district_code: place.districtCode,
      regency_code: place.regencyCode,
      updated_at: new Date(),
    })
    .where('id', '=', vendorId)
    .execute();
}

export async function updateVendorQuietHours(
  trx: Transaction<Database>,
  vendorId: number,
  start: number,
  end: number,
) {
  await trx
    .updateTable('vendors')
    .set({ quiet_start_minute: start, quiet_end_minute: end, updated_at: new Date() })
    .where('id', '=', vendorId)
    .execute();
}

export type InviteCheck =
  | { ok: true; id: number }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'other_village' };

/** Checks an admin-issued invite code for a village, locking it so it is used once. */
export async function checkInviteCode(
  trx: Transaction<Database>,
  code: string,
  villageCode: string,
  now: Date,
): Promise<InviteCheck> {
  const row = await trx
    .selectFrom('invite_codes')
    .select(['id', 'village_code', 'used_at', 'expires_at'])
    .where('code', '=', code.trim().toUpperCase())
    .forUpdate()
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expires_at && row.expires_at < now) return { ok: false, reason: 'expired' };
  if (row.village_code !== villageCode) return { ok: false, reason: 'other_village' };
  return { ok: true, id: row.id };
}

export interface NewOfficer {
  userId: number;
  fullName: string;
  villageCode: string;
  position: OfficersTable['position'];
  inviteCodeId: number | null;
}

export async function saveOfficer(trx: Transaction<Database>, o: NewOfficer, now: Date): Promise<number> {
  const verified = o.inviteCodeId !== null;
  const values = {
    user_id: o.userId,
    full_name: o.fullName,
    village_code: o.villageCode,
    position: o.position,
    invite_code_id: o.inviteCodeId,
    verification: verified ? ('verified' as const) : ('pending' as const),
    verified_at: verified ? now : null,
  };
  const row = await trx
    .insertInto('officers')
    .values(values)
    .onConflict((oc) => oc.columns(['user_id', 'village_code']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.inviteCodeId !== null) {
    await trx.updateTable('invite_codes').set({ used_at: now }).where('id', '=', o.inviteCodeId).execute();
  }
  return row.id;
}
