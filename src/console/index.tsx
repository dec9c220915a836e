import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../server/app.js';
import { setAdminLocale } from '../store/admins.js';
import { type AuthDeps, type ConsoleEnv, requireAdmin } from './auth.js';
import { type ConsoleDeps, form } from './context.js';
import { mountAudit } from './pages/audit.js';
import { mountBroadcast } from './pages/broadcast.js';
import { mountComplaints } from './pages/complaints.js';
import { mountDashboard } from './pages/dashboard.js';
import { mountInvites } from './pages/invites.js';
import { CONSOLE_AREAS, type ConsoleArea } from './pages/list.js';
import { mountLogin } from './pages/login.js';
import { mountNeed } from './pages/need.js';
import { mountNeeds } from './pages/needs.js';
import { mountProblems } from './pages/problems.js';
import { mountSettings } from './pages/settings.js';
import { mountSimulator } from './pages/simulator.js';
import { mountVendors } from './pages/vendors.js';
import { mountVerify } from './pages/verify.js';
import { mountWhatsApp } from './pages/whatsapp.js';
import { mountQueues } from './queues.js';

export type { ConsoleDeps } from './context.js';

const PUBLIC = new Set(['/console/login']);

/** Each area of the menu (pages/list.ts) and what mounts it; a missing one does not compile. */
const MOUNTS: Record<ConsoleArea, (r: Hono<ConsoleEnv>, deps: ConsoleDeps) => void> = {
  '/console': mountDashboard,
  '/console/verify': mountVerify,
  '/console/invites': mountInvites,
  // The list and the page of one need.
  '/console/needs': (r, deps) => {
    mountNeeds(r, deps);
    mountNeed(r, deps);
  },
  '/console/vendors': mountVendors,
  '/console/problems': mountProblems,
  '/console/complaints': mountComplaints,
  '/console/settings': mountSettings,
  '/console/audit': mountAudit,
  '/console/broadcast': mountBroadcast,
  '/console/simulator': mountSimulator,
  '/console/whatsapp': mountWhatsApp,
  '/console/queues': mountQueues,
};

/**
 * The admin console under /console. Every path but the login form goes through the session
 * guard (anonymous → login, CSRF on every POST). Returns the guard so other modules (exports)
 * protect their routes with the same sessions.
 */
export function mountConsole(
  app: Hono<AppEnv>,
  deps: ConsoleDeps,
): { requireAdmin: MiddlewareHandler<ConsoleEnv> } {
  const secure = deps.config.CONSOLE_COOKIE_SECURE ?? deps.config.PUBLIC_URL?.startsWith('https:') ?? false;
  const auth: AuthDeps = {
    db: deps.db,
    // Sessions and login throttling follow the wall clock, not the (possibly accelerated)
    // procurement clock: a training session moving deadlines forward must not log admins out.
    now: () => new Date(),
    sessionHours: deps.config.CONSOLE_SESSION_HOURS,
    secureCookie: secure,
    trustProxy: deps.config.CONSOLE_TRUST_PROXY,
    throttle: {
      windowMinutes: deps.config.CONSOLE_LOGIN_WINDOW_MINUTES,
      maxPerAccount: deps.config.CONSOLE_LOGIN_MAX_PER_ACCOUNT,
      maxPerIp: deps.config.CONSOLE_LOGIN_MAX_PER_IP,
    },
  };
  const guard = requireAdmin(auth);
  const queueGuard = requireAdmin(auth, { csrf: 'origin' });
  const r = app as unknown as Hono<ConsoleEnv>;
  const gate: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
    if (PUBLIC.has(c.req.path)) return next();
    // bull-board's own UI calls its API with fetch (no form token): checked by Origin instead.
    if (c.req.path.startsWith('/console/queues')) return queueGuard(c, next);
    return guard(c, next);
  };
  r.use('/console', gate);
  r.use('/console/*', gate);
  r.use('/console/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
    c.res.headers.set('x-frame-options', 'DENY');
    c.res.headers.set('referrer-policy', 'same-origin');
  });

  mountLogin(r, { ...auth, defaultLocale: deps.config.DEFAULT_LOCALE });
  r.post('/console/lang', async (c) => {
    const admin = c.get('admin');
    const body = await form(c);
    await setAdminLocale(deps.db, admin.id, admin.locale === 'en' ? 'id' : 'en');
    const back = body.back && /^\/console[\w\-./]*$/.test(body.back) ? body.back : '/console';
    return c.redirect(back, 303);
  });
  for (const area of CONSOLE_AREAS) MOUNTS[area.path](r, deps);
  return { requireAdmin: guard };
}
