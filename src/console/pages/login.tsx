import type { Context, Hono } from 'hono';
import type { ConsoleEnv } from '../auth.js';
import {
  type AuthDeps,
  attemptLogin,
  checkLoginCsrf,
  clientIp,
  endSession,
  loginCsrf,
  startSession,
} from '../auth.js';
import { consoleT, Layout } from '../ui.js';

/** Only same-site console paths are followed after login. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/console(\/[\w\-./?=&%]*)?$/.test(next) && !next.startsWith('//')
    ? next
    : '/console';
}

export function mountLogin(app: Hono<ConsoleEnv>, deps: AuthDeps & { defaultLocale: 'id' | 'en' }) {
  const page = (c: Context<ConsoleEnv>, error?: string, status: 200 | 401 | 403 | 429 = 200) => {
    const t = consoleT(c.req.query('lang') === 'en' ? 'en' : deps.defaultLocale);
    const csrf = loginCsrf(c, deps);
    const next = safeNext(c.req.query('next'));
    return c.html(
      <Layout ctx={null} title={t('login.title')} error={error}>
        <form
          method="post"
          action={`/console/login?next=${encodeURIComponent(next)}`}
          style="max-width:360px"
        >
          <input type="hidden" name="_csrf" value={csrf} />
          <p>
            <label>
              {t('login.email')}
              <br />
              <input type="email" name="email" required autocomplete="username" style="width:100%" />
            </label>
          </p>
          <p>
            <label>
              {t('login.password')}
              <br />
              <input
                type="password"
                name="password"
                required
                autocomplete="current-password"
                style="width:100%"
              />
            </label>
          </p>
          <button type="submit">{t('login.submit')}</button>
        </form>
        <p class="muted">
          <a href="/console/login?lang=en">English</a> · <a href="/console/login">Bahasa Indonesia</a>
        </p>
      </Layout>,
      status,
    );
  };

  app.get('/console/login', (c) => page(c));

  app.post('/console/login', async (c) => {
    const t = consoleT(deps.defaultLocale);
    const body = await c.req.parseBody();
    if (!checkLoginCsrf(c, body._csrf)) return page(c, t('login.expired'), 403);
    const email = typeof body.email === 'string' ? body.email.slice(0, 200) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 200) : '';
    const result = await attemptLogin(deps, email, password, clientIp(c, deps.trustProxy));
    if (!result.ok) {
      return result.reason === 'throttled'
        ? page(c, t('login.throttled', { minutes: deps.throttle?.windowMinutes ?? 15 }), 429)
        : page(c, t('login.invalid'), 401);
    }
    await startSession(deps, c, result.admin);
    return c.redirect(safeNext(c.req.query('next')), 303);
  });

  app.post('/console/logout', async (c) => {
    // The guard has already checked the CSRF token of this session.
    await endSession(deps, c);
    return c.redirect('/console/login', 303);
  });
}
