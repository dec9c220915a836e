import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Config } from '../config/index.js';
import type { Engine } from '../conversation/engine.js';
import type { OutboxRelay } from '../conversation/relay.js';
import type { Logger } from '../logger.js';
import type { QueueSet } from '../queue/queues.js';
import type { ChannelStatus } from '../server/channel-status.js';
import type { Scope } from '../store/console-scope.js';
import { scopedRegencies } from '../store/console-settings.js';
import type { Database } from '../store/schema.js';
import { type ConsoleEnv, canSeeRegency, scopeOf } from './auth.js';
import { consoleT, type PageCtx, type T } from './ui.js';

export interface ConsoleDeps {
  db: Kysely<Database>;
  engine: Engine;
  queues: QueueSet;
  config: Config;
  log: Logger;
  now: () => Date;
  /** Hands outbox rows written by the console (verification notices, broadcasts) to delivery. */
  relay?: OutboxRelay;
  channelStatus?: ChannelStatus;
}

export type C = Context<ConsoleEnv>;

export function pageCtx(c: C): PageCtx {
  const admin = c.get('admin');
  return { admin, csrf: c.get('csrfToken'), t: consoleT(admin.locale), path: c.req.path };
}

export class Forbidden extends Error {}

/**
 * The admin's scope, narrowed to a requested regency. A regency the admin may not see is
 * refused (403), never silently widened or ignored.
 */
export function scopeFor(c: C, requested?: string | null): Scope {
  const admin = c.get('admin');
  if (requested) {
    if (!canSeeRegency(admin, requested)) throw new Forbidden();
    return { regency: requested };
  }
  return scopeOf(admin);
}

/**
 * A list's area filter from the query: the requested regency (refused if out of scope), the
 * scope it narrows to, the regencies the admin may pick, the regency whose kecamatan are
 * listed (the only one, when there is one) and the requested kecamatan.
 */
export async function areaQuery(c: C, deps: Pick<ConsoleDeps, 'db'>) {
  const requested = c.req.query('regency') || undefined;
  const scope = scopeFor(c, requested);
  const regencies = await scopedRegencies(deps.db, scopeFor(c));
  const regency = requested ?? (regencies.length === 1 ? regencies[0]?.code : undefined);
  const district = c.req.query('district') || undefined;
  return { requested, scope, regencies, regency, district };
}

/** Page number → offset (50 rows a page). */
export function pageOffset(c: C): number {
  const p = Number(c.req.query('page') ?? '1');
  return Number.isInteger(p) && p > 1 && p < 10_000 ? (p - 1) * 50 : 0;
}

export async function form(c: C): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: false });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Flash message through the redirect's query (no server state, no script), signed with the
 * session's CSRF token so a crafted link cannot put words on a console page.
 */
export function withFlash(c: C, path: string, msg: string, kind: 'ok' | 'err' = 'ok'): string {
  const u = new URL(path, 'http://x');
  const text = msg.slice(0, 300);
  u.searchParams.set(kind === 'ok' ? 'flash' : 'error', text);
  u.searchParams.set('s', flashSig(c, kind, text));
  return `${u.pathname}${u.search}`;
}

function flashSig(c: C, kind: string, text: string) {
  return createHmac('sha256', c.get('csrfToken')).update(`${kind}\n${text}`).digest('base64url').slice(0, 16);
}

/** The flash of this kind from the query, if it carries a valid signature. */
export function flashOf(c: C, kind: 'ok' | 'err'): string | undefined {
  const text = c.req.query(kind === 'ok' ? 'flash' : 'error');
  const sig = c.req.query('s');
  if (!text || !sig) return undefined;
  return sig === flashSig(c, kind, text) ? text : undefined;
}

/** Back to a console page with a signed flash; 303 so a reload does not post again. */
export function redirectFlash(c: C, path: string, msg: string, kind: 'ok' | 'err' = 'ok'): Response {
  return c.redirect(withFlash(c, path, msg, kind), 303);
}

/** This page's signed flash and error, as Layout takes them. */
export function flashes(c: C): { flash: string | undefined; error: string | undefined } {
  return { flash: flashOf(c, 'ok'), error: flashOf(c, 'err') };
}

/** A console handler; a Forbidden thrown inside becomes a 403 page (or JSON for non-GET). */
export const handler =
  (fn: (c: C) => Promise<Response> | Response) =>
  async (c: C): Promise<Response> => {
    try {
      return await fn(c);
    } catch (err) {
      if (err instanceof Forbidden) {
        // Console texts (src/i18n/console-*.ts), not the chat dictionaries.
        const say = pageCtx(c).t;
        return c.text(say('common.not_allowed'), 403);
      }
      throw err;
    }
  };

/** A console page: handler, with the page's context and the admin's texts read first. */
export const pageHandler = (fn: (c: C, ctx: PageCtx, t: T) => Promise<Response> | Response) =>
  handler(async (c) => {
    const ctx = pageCtx(c);
    return fn(c, ctx, ctx.t);
  });

/** A console form POST: handler, with the form's fields and the admin's texts read first. */
export const formHandler = (fn: (c: C, body: Record<string, string>, t: T) => Promise<Response> | Response) =>
  handler(async (c) => fn(c, await form(c), pageCtx(c).t));
