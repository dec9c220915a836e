import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from '../logger.js';
import type { ChannelStatus } from './channel-status.js';
import { type Check, runChecks } from './health.js';

export interface AppDeps {
  log: Logger;
  checks: Record<string, Check>;
  /** Channels that need a linked phone; reported by /readyz, never failing it. */
  channels?: ChannelStatus;
  /** Lets routes added by later modules hang off the same app. */
  mount?: (app: Hono<AppEnv>) => void;
}

export type AppEnv = { Variables: { requestId: string } };

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    deps.log.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const [{ ok, results }, links] = await Promise.all([
      runChecks(deps.checks),
      deps.channels?.() ?? Promise.resolve([]),
    ]);
    // A phone waiting to be linked does not make the server unready (restarting it would not
    // help); the state is reported so an operator sees it. The QR code itself is never here.
    const channels = links.map(({ qr: _qr, ...link }) => link);
    return c.json(
      { status: ok ? 'ready' : 'unavailable', checks: results, ...(channels.length ? { channels } : {}) },
      ok ? 200 : 503,
    );
  });

  deps.mount?.(app);

  app.notFound((c) => c.json({ error: 'not_found', message: 'No such page.' }, 404));
  // Errors are logged with their stack; the client gets a request id to quote, never the stack.
  app.onError((err, c) => {
    const reqId = c.get('requestId');
    deps.log.error({ reqId, err }, 'unhandled error');
    return c.json(
      { error: 'internal_error', message: 'Something went wrong on our side.', requestId: reqId },
      500,
    );
  });
  return app;
}
