import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

// Admin accounts, console sessions and login attempts. Passwords arrive here already hashed.

export interface AdminRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  role: 'province' | 'regency';
  province_code: string | null;
  regency_code: string | null;
  locale: string;
  disabled_at: Date | null;
}

const adminColumns = [
  'admins.id',
  'admins.email',
  'admins.name',
  'admins.password_hash',
  'admins.role',
  'admins.province_code',
  'admins.regency_code',
  'admins.locale',
  'admins.disabled_at',
] as const;

export async function findAdminByEmail(db: Kysely<Database>, email: string): Promise<AdminRow | null> {
  const row = await db
    .selectFrom('admins')
    .select(adminColumns)
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row ?? null;
}

export interface NewAdmin {
  email: string;
  name: string;
  passwordHash: string;
  role: 'province' | 'regency';
  provinceCode: string | null;
  regencyCode: string | null;
  locale?: string;
}

/** Creates the account, or replaces name, role, scope and password of an existing email. */
export async function upsertAdmin(
  db: Kysely<Database>,
  a: NewAdmin,
): Promise<{ id: number; created: boolean }> {
  const email = a.email.trim().toLowerCase();
  const existing = await findAdminByEmail(db, email);
  const values = {
    name: a.name,
    password_hash: a.passwordHash,
    role: a.role,
    province_code: a.provinceCode,
    regency_code: a.regencyCode,
    locale: a.locale ?? 'id',
    disabled_at: null,
  };
  if (existing) {
    await db.updateTable('admins').set(values).where('id', '=', existing.id).execute();
    return { id: existing.id, created: false };
  }
  const row = await db
    .insertInto('admins')
    .values({ email, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

export async function regencyProvince(db: Kysely<Database>, regencyCode: string): Promise<string | null> {
  const r = await db
    .selectFrom('regencies')
    .select('province_code')
    .where('code', '=', regencyCode)
    .executeTakeFirst();
  return r?.province_code ?? null;
}

export async function provinceExists(db: Kysely<Database>, code: string): Promise<boolean> {
  return !!(await db.selectFrom('provinces').select('code').where('code', '=', code).executeTakeFirst());
}

export async function setAdminLocale(db: Kysely<Database>, adminId: number, locale: string) {
  await db.updateTable('admins').set({ locale }).where('id', '=', adminId).execute();
}

// --- sessions ------------------------------------------------------------------------------

export interface SessionWithAdmin extends AdminRow {
  session_id: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
}

export async function createSession(
  db: Kysely<Database>,
  s: {
    idHash: string;
    adminId: number;
    csrfToken: string;
    ip: string | null;
    userAgent: string | null;
    now: Date;
    expiresAt: Date;
  },
) {
  await db
    .insertInto('console_sessions')
    .values({
      id: s.idHash,
      admin_id: s.adminId,
      csrf_token: s.csrfToken,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** The live session and its (enabled) admin, or null. */
export async function findSession(
  db: Kysely<Database>,
  idHash: string,
  now: Date,
): Promise<SessionWithAdmin | null> {
  const row = await db
    .selectFrom('console_sessions')
    .innerJoin('admins', 'admins.id', 'console_sessions.admin_id')
    .select([
      ...adminColumns,
      'console_sessions.id as session_id',
      'console_sessions.csrf_token',
      'console_sessions.expires_at',
      'console_sessions.last_seen_at',
    ])
    .where('console_sessions.id', '=', idHash)
    .where('console_sessions.expires_at', '>', now)
    .where('admins.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/** Sliding expiry, written at most once a minute per session. */
export async function touchSession(db: Kysely<Database>, idHash: string, now: Date, expiresAt: Date) {
  await db
    .updateTable('console_sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', idHash)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string) {
  await db.deleteFrom('console_sessions').where('id', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date) {
  await db.deleteFrom('console_sessions').where('expires_at', '<=', now).execute();
}

/** Login attempts older than any throttling window are only noise. */
export async function deleteOldLoginAttempts(db: Kysely<Database>, before: Date) {
  await db.deleteFrom('console_login_attempts').where('at', '<', before).execute();
}

// --- login throttling ----------------------------------------------------------------------

export async function recordLoginAttempt(
  db: Kysely<Database>,
  a: { email: string; ip: string; success: boolean; at: Date },
) {
  await db
    .insertInto('console_login_attempts')
    .values({ email: a.email.trim().toLowerCase(), ip: a.ip, success: a.success, at: a.at })
    .execute();
}

/** Failed attempts since `since` for this email and for this IP. */
export async function countFailures(
  db: Kysely<Database>,
  email: string,
  ip: string,
  since: Date,
): Promise<{ byEmail: number; byIp: number }> {
  const e = email.trim().toLowerCase();
  const [byEmail, byIp] = await Promise.all([
    db
      .selectFrom('console_login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', e)
      .where('success', '=', false)
      .where('at', '>', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('console_login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', ip)
      .where('success', '=', false)
      .where('at', '>', since)
      .executeTakeFirstOrThrow(),
  ]);
  return { byEmail: Number(byEmail.n), byIp: Number(byIp.n) };
}
