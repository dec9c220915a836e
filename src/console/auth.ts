/**
 * Console authentication: sessions, CSRF, login throttling, regency scope.
 *
 * Public contract (other modules, e.g. the exports, depend on it):
 *
 *   requireAdmin(deps: AuthDeps, opts?: { csrf?: 'token' | 'origin' }): MiddlewareHandler<ConsoleEnv>
 *     - reads the session cookie; anonymous (or expired / disabled) requests are refused:
 *       GET and HEAD → 302 to /console/login?next=<path>; any other method → 401 JSON.
 *     - sets c.get('admin'): ConsoleAdmin =
 *         { id: number, email: string, name: string, role: 'province' | 'regency',
 *           regencyCode: string | null, provinceCode: string | null, locale: 'id' | 'en' }
 *       and c.get('csrfToken'): string (put it in every form as a hidden `_csrf` field).
 *     - for POST/PUT/PATCH/DELETE it also checks CSRF: with csrf 'token' (default) the
 *       session's token must come as form field `_csrf` or header `x-csrf-token` (403 otherwise);
 *       with csrf 'origin' (bull-board's own API calls) the Origin/Referer must be this host.
 *
 *   canSeeRegency(admin: ConsoleAdmin, regencyCode: string | null | undefined): boolean
 *     - a regency admin sees only its own regency; a province admin sees every regency of its
 *       province (all, when it has no province code). Use it on every row a query returns, or
 *       better, filter queries with `scopeRegencies(admin)`.
 *
 * Mounted by mountConsole (src/console/index.tsx), which hands the ready middleware to others.
 */
import { createHash, randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import bcrypt from 'bcryptjs';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { sameSecret } from '../runtime/secrets.js';
import type { AppEnv } from '../server/app.js';
import {
  countFailures,
  createSession,
  deleteExpiredSessions,
  deleteOldLoginAttempts,
  deleteSession,
  findAdminByEmail,
  findSession,
  recordLoginAttempt,
  touchSession,
} from '../store/admins.js';
import type { Database } from '../store/schema.js';

export interface ConsoleAdmin {
  id: number;
  email: string;
  name: string;
  role: 'province' | 'regency';
  regencyCode: string | null;
  provinceCode: string | null;
  locale: 'id' | 'en';
}

export type ConsoleEnv = {
  Variables: AppEnv['Variables'] & { admin: ConsoleAdmin; csrfToken: string; sessionId: string };
};

export interface AuthDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Idle lifetime of a session; each request extends it. */
  sessionHours: number;
  /** Secure cookie (HTTPS). Requests arriving over https set it regardless. */
  secureCookie: boolean;
  /** Use the last X-Forwarded-For address as the client IP (behind a reverse proxy). */
  trustProxy?: boolean;
  throttle?: { windowMinutes: number; maxPerAccount: number; maxPerIp: number };
}

export const BCRYPT_ROUNDS = 11;
const COOKIE = 'pd_console';
const SECURE_COOKIE = '__Host-pd_console';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export function canSeeRegency(admin: ConsoleAdmin, regencyCode: string | null | undefined): boolean {
  if (!regencyCode) return admin.role === 'province' && !admin.provinceCode;
  if (admin.role === 'regency') return admin.regencyCode === regencyCode;
  return !admin.provinceCode || regencyCode.startsWith(`${admin.provinceCode}.`);
}

/**
 * The regency filter for queries: `{ regency: code }` for a regency admin, `{ province: code }`
 * for a province admin with a province, `{}` for one without.
 */
export function scopeOf(admin: ConsoleAdmin): { regency?: string; province?: string } {
  if (admin.role === 'regency') return { regency: admin.regencyCode ?? '__none__' };
  return admin.provinceCode ? { province: admin.provinceCode } : {};
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

function cookieName(deps: AuthDeps, c: Context) {
  return deps.secureCookie || isHttps(c) ? SECURE_COOKIE : COOKIE;
}

export function clientIp(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const xff = c.req.header('x-forwarded-for');
    const last = xff
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function toAdmin(row: {
  id: number;
  email: string;
  name: string;
  role: 'province' | 'regency';
  regency_code: string | null;
  province_code: string | null;
  locale: string;
}): ConsoleAdmin {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    regencyCode: row.role === 'regency' ? row.regency_code : null,
    provinceCode: row.province_code,
    locale: row.locale === 'en' ? 'en' : 'id',
  };
}

async function csrfTokenFromRequest(c: Context): Promise<string | null> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    // Hono caches the parsed body, so the route handler can read it again.
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const v = body._csrf;
    return typeof v === 'string' ? v : null;
  }
  return null;
}

function sameOrigin(c: Context): boolean {
  const host = c.req.header('host');
  const origin = c.req.header('origin') ?? c.req.header('referer');
  if (!host || !origin) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requireAdmin(
  deps: AuthDeps,
  opts: { csrf?: 'token' | 'origin' } = {},
): MiddlewareHandler<ConsoleEnv> {
  const csrfMode = opts.csrf ?? 'token';
  return async (c, next) => {
    // Already checked for this request (the console's guard runs before routes that add their own).
    if (c.get('admin')) return next();
    const raw = getCookie(c, cookieName(deps, c));
    const now = deps.now();
    const session = raw ? await findSession(deps.db, sha256(raw), now) : null;
    if (!session) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const url = new URL(c.req.url);
        const next = encodeURIComponent(url.pathname + url.search);
        return c.redirect(`/console/login?next=${next}`, 302);
      }
      return c.json({ error: 'unauthorized', message: 'Please log in to the console.' }, 401);
    }
    if (UNSAFE.has(c.req.method)) {
      const ok =
        csrfMode === 'origin'
          ? sameOrigin(c)
          : await csrfTokenFromRequest(c).then((t) => !!t && sameSecret(t, session.csrf_token));
      if (!ok)
        return c.json({ error: 'csrf', message: 'The form expired. Reload the page and try again.' }, 403);
    }
    if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
      await touchSession(
        deps.db,
        session.session_id,
        now,
        new Date(now.getTime() + deps.sessionHours * 3_600_000),
      );
    }
    c.set('admin', toAdmin(session));
    c.set('csrfToken', session.csrf_token);
    c.set('sessionId', session.session_id);
    await next();
  };
}

// A real hash of a random password: unknown emails cost the same time as known ones.
const DUMMY_HASH = bcrypt.hashSync(token(), BCRYPT_ROUNDS);

export type LoginResult = { ok: true; admin: ConsoleAdmin } | { ok: false; reason: 'invalid' | 'throttled' };

/** Checks the password under per-account and per-IP throttling, records the attempt. */
export async function attemptLogin(
  deps: AuthDeps,
  email: string,
  password: string,
  ip: string,
): Promise<LoginResult> {
  const now = deps.now();
  const t = deps.throttle ?? { windowMinutes: 15, maxPerAccount: 5, maxPerIp: 30 };
  const since = new Date(now.getTime() - t.windowMinutes * 60_000);
  const failures = await countFailures(deps.db, email, ip, since);
  if (failures.byEmail >= t.maxPerAccount || failures.byIp >= t.maxPerIp) {
    await recordLoginAttempt(deps.db, { email, ip, success: false, at: now });
    return { ok: false, reason: 'throttled' };
  }
  const admin = await findAdminByEmail(deps.db, email);
  const matches = await bcrypt.compare(password, admin?.password_hash ?? DUMMY_HASH);
  const ok = !!admin && matches && !admin.disabled_at;
  await recordLoginAttempt(deps.db, { email, ip, success: ok, at: now });
  if (!ok || !admin) return { ok: false, reason: 'invalid' };
  return { ok: true, admin: toAdmin(admin) };
}

/** Starts a session and sets its cookie. */
export async function startSession(deps: AuthDeps, c: Context, admin: ConsoleAdmin) {
  const raw = token();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.sessionHours * 3_600_000);
  await createSession(deps.db, {
    idHash: sha256(raw),
    adminId: admin.id,
    csrfToken: token(),
    ip: clientIp(c, deps.trustProxy),
    userAgent: c.req.header('user-agent') ?? null,
    now,
    expiresAt,
  });
  // Housekeeping at the rare moment of a login, instead of a timer of its own.
  await deleteExpiredSessions(deps.db, now);
  await deleteOldLoginAttempts(deps.db, new Date(now.getTime() - 7 * 86_400_000));
  const secure = deps.secureCookie || isHttps(c);
  setCookie(c, cookieName(deps, c), raw, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    maxAge: Math.round(deps.sessionHours * 3600),
  });
}

export async function endSession(deps: AuthDeps, c: Context) {
  const name = cookieName(deps, c);
  const raw = getCookie(c, name);
  if (raw) await deleteSession(deps.db, sha256(raw));
  deleteCookie(c, name, { path: '/', secure: deps.secureCookie || isHttps(c) });
}

export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_ROUNDS);

/** A CSRF token for the login form (no session yet): a signed double-submit cookie. */
export function loginCsrf(c: Context, deps: AuthDeps): string {
  const name = 'pd_login_csrf';
  const existing = getCookie(c, name);
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  const t = token();
  setCookie(c, name, t, {
    path: '/console',
    httpOnly: true,
    secure: deps.secureCookie || isHttps(c),
    sameSite: 'Strict',
    maxAge: 3600,
  });
  return t;
}

export function checkLoginCsrf(c: Context, given: unknown): boolean {
  const cookie = getCookie(c, 'pd_login_csrf');
  return typeof given === 'string' && !!cookie && sameSecret(given, cookie);
}
