import type { Kysely } from 'kysely';
import { provinceExists, regencyProvince, upsertAdmin } from '../store/admins.js';
import type { Database } from '../store/schema.js';
import { hashPassword } from './auth.js';

export const MIN_PASSWORD = 10;

export interface AdminInput {
  email: string;
  name: string;
  password: string;
  role: 'province' | 'regency';
  /** `32.14` or `3214`; required for a regency admin. */
  regency?: string;
  /** `32`; for a province admin, defaults to the province of `defaultRegency`. */
  province?: string;
  defaultRegency?: string;
  locale?: 'id' | 'en';
}

/** `3214` → `32.14`; `32.14` stays. */
export function normalizeRegency(code: string): string {
  const c = code.trim();
  return /^\d{4}$/.test(c) ? `${c.slice(0, 2)}.${c.slice(2)}` : c;
}

/** Creates (or updates, by email) an admin account; the message names what is wrong. */
export async function createAdminAccount(
  db: Kysely<Database>,
  a: AdminInput,
): Promise<{ ok: true; id: number; created: boolean } | { ok: false; message: string }> {
  const email = a.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { ok: false, message: 'Give a valid --email.' };
  if (!a.name.trim()) return { ok: false, message: 'Give a --name.' };
  if (a.password.length < MIN_PASSWORD)
    return { ok: false, message: `The password needs at least ${MIN_PASSWORD} characters.` };
  let regencyCode: string | null = null;
  let provinceCode: string | null = null;
  if (a.role === 'regency') {
    if (!a.regency) return { ok: false, message: 'A regency admin needs --regency (e.g. 3214).' };
    regencyCode = normalizeRegency(a.regency);
    provinceCode = await regencyProvince(db, regencyCode);
    if (!provinceCode)
      return { ok: false, message: `Regency ${regencyCode} is not loaded (see AREA_REGENCIES).` };
  } else {
    provinceCode =
      a.province?.trim() ??
      (a.defaultRegency ? await regencyProvince(db, normalizeRegency(a.defaultRegency)) : null);
    if (!provinceCode || !(await provinceExists(db, provinceCode)))
      return { ok: false, message: 'A province admin needs a loaded --province (e.g. 32).' };
  }
  const res = await upsertAdmin(db, {
    email,
    name: a.name.trim(),
    passwordHash: await hashPassword(a.password),
    role: a.role,
    provinceCode,
    regencyCode,
    locale: a.locale,
  });
  return { ok: true, ...res };
}
