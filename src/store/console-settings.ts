import type { Kysely, Transaction } from 'kysely';
import { regencyIn, type Scope } from './console-scope.js';
import type { Database } from './schema.js';

// Per-regency procurement settings (the rows need posting reads) and the category switch.

/** Regencies the system runs (those with settings) that the scope may see. */
export async function scopedRegencies(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('procurement_settings as s')
    .innerJoin('regencies as r', 'r.code', 's.regency_code')
    .select(['r.code', 'r.name'])
    .where(regencyIn('s.regency_code', scope))
    .orderBy('r.name')
    .execute();
}

export async function regencySettings(db: Kysely<Database>, regencyCode: string) {
  return db
    .selectFrom('procurement_settings')
    .selectAll()
    .where('regency_code', '=', regencyCode)
    .executeTakeFirst();
}

export interface SettingsUpdate {
  direct_purchase_max: number;
  rfq_max: number;
  min_quotes_direct: number;
  min_quotes_rfq: number;
  min_quotes_open: number;
  invite_count: number;
  quiet_start_minute: number;
  quiet_end_minute: number;
  reminder_minutes_before: number[];
  min_quote_window_minutes: number;
}

export async function updateRegencySettings(
  trx: Transaction<Database>,
  regencyCode: string,
  s: SettingsUpdate,
  adminId: number,
  now: Date,
) {
  await trx
    .updateTable('procurement_settings')
    .set({ ...s, updated_at: now, updated_by_admin_id: adminId })
    .where('regency_code', '=', regencyCode)
    .execute();
}

export async function allCategories(db: Kysely<Database>) {
  return db
    .selectFrom('categories')
    .select(['id', 'code', 'parent_id', 'name_id', 'name_en', 'active'])
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export async function setActiveCategories(trx: Transaction<Database>, activeIds: number[]) {
  await trx
    .updateTable('categories')
    .set({ active: false })
    .where('id', 'not in', activeIds.length ? activeIds : [-1])
    .execute();
  if (activeIds.length)
    await trx.updateTable('categories').set({ active: true }).where('id', 'in', activeIds).execute();
}
