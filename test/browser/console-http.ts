import type { Kysely } from 'kysely';
import { createAdminAccount } from '../../src/console/accounts.js';
import type { Database } from '../../src/store/schema.js';

/** Creates an admin through the same code as `npm run admin:create`. */
export async function makeAdmin(
  db: Kysely<Database>,
  a: { email: string; role: 'province' | 'regency'; regency?: string; password?: string },
) {
  const res = await createAdminAccount(db, {
    email: a.email,
    name: a.email.split('@')[0] ?? 'admin',
    password: a.password ?? 'rahasia-sekali-123',
    role: a.role,
    regency: a.regency,
    province: a.role === 'province' ? '32' : undefined,
  });
  if (!res.ok) throw new Error(res.message);
  return res.id;
}

/**
 * A browser-less console user: keeps cookies, reads the CSRF token from the last page, and
 * never follows redirects (tests look at them).
 */
export class ConsoleHttp {
  private cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair?.indexOf('=') ?? -1;
      if (!pair || i < 0) continue;
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<{ status: number; body: string; location: string | null; bytes: number }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { cookie: this.cookieHeader() },
      redirect: 'manual',
    });
    this.keep(res);
    const buf = Buffer.from(await res.arrayBuffer());
    const body = buf.toString('utf8');
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, body, location: res.headers.get('location'), bytes: buf.length };
  }

  async post(
    path: string,
    fields: Record<string, string>,
    opts: { csrf?: boolean } = {},
  ): Promise<{ status: number; body: string; location: string | null }> {
    const form = new URLSearchParams(fields);
    if (opts.csrf !== false && this.csrf) form.set('_csrf', this.csrf);
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    this.keep(res);
    return { status: res.status, body: await res.text(), location: res.headers.get('location') };
  }

  async login(email: string, password = 'rahasia-sekali-123') {
    await this.get('/console/login');
    const res = await this.post('/console/login', { email, password });
    if (res.status === 303) await this.get('/console');
    return res;
  }
}
