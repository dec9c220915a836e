import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { cleanText } from '../conversation/sanitize.js';
import { QUEUE_NAMES } from '../queue/queues.js';
import type { ConsoleEnv } from './auth.js';
import type { ConsoleDeps } from './context.js';

const BASE = '/console/queues';

/** bull-board over the system's queues, behind the console's session guard (mounted before). */
export function mountQueues(r: Hono<ConsoleEnv>, deps: ConsoleDeps) {
  const adapter = new HonoAdapter(serveStatic);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(deps.queues.get(name))),
    // @bull-board/hono carries its own copy of @bull-board/api (9.10.1 vs 9.10.2): same shape.
    serverAdapter: adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'PesanDesa' } },
  });
  adapter.setBasePath(BASE);
  // bull-board validates its query with messages that join key and details with NUL, then
  // splits them again: a NUL (or another control character, or a broken surrogate) in the query
  // or path turns a plain "bad request" into a 500. Nothing it reads legitimately holds one:
  // what the chat would clean away stops here.
  r.use(`${BASE}/api/*`, async (c, next) => {
    const values = [c.req.path, ...Object.values(c.req.queries()).flat()];
    if (values.some((v) => cleanText(v, v.length) !== v)) return c.json({ error: 'bad_request' }, 400);
    await next();
  });
  r.route(BASE, adapter.registerPlugin() as unknown as Hono<ConsoleEnv>);
}
