import { createHmac } from 'node:crypto';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { recordDeliveryReport } from '../../src/conversation/delivery.js';
import type { Engine } from '../../src/conversation/engine.js';
import type { Logger } from '../../src/logger.js';
import { errorMessage } from '../../src/logger.js';
import { sameSecret } from '../../src/runtime/secrets.js';
import type { AppEnv } from '../../src/server/app.js';
import type { Database } from '../../src/store/schema.js';
import { type CloudWebhook, parseCloudWebhook } from './inbound.js';

/** X-Hub-Signature-256 is HMAC-SHA256 of the raw body with the app secret, as `sha256=<hex>`. */
export function validSignature(raw: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  return sameSecret(
    header.slice('sha256='.length),
    createHmac('sha256', appSecret).update(raw).digest('hex'),
  );
}

export interface CloudWebhookDeps {
  engine: Engine;
  db: Kysely<Database>;
  log: Logger;
  appSecret: string;
  verifyToken: string;
  now: () => Date;
}

/**
 * GET answers Meta's verification challenge; POST checks the signature over the raw body
 * before parsing anything (401 and no trace otherwise), runs each message through the engine
 * (the wamid dedupes Meta's retries), and records delivery reports on the outbox rows.
 */
export function mountCloudWebhook(app: Hono<AppEnv>, deps: CloudWebhookDeps) {
  app.get('/webhooks/whatsapp', (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token') ?? '';
    const challenge = c.req.query('hub.challenge') ?? '';
    // Compared through digests: a token of multi-byte characters no longer throws (it was a 500).
    const ok = mode === 'subscribe' && sameSecret(token, deps.verifyToken);
    return ok ? c.text(challenge, 200) : c.json({ error: 'forbidden' }, 403);
  });

  app.post('/webhooks/whatsapp', async (c) => {
    const raw = Buffer.from(await c.req.arrayBuffer());
    if (!validSignature(raw, c.req.header('x-hub-signature-256'), deps.appSecret)) {
      return c.json({ error: 'unauthorized' }, 401);
    }
    let body: CloudWebhook;
    try {
      body = JSON.parse(raw.toString('utf8')) as CloudWebhook;
    } catch {
      return c.json({ error: 'bad_payload' }, 400);
    }
    const { inbound, statuses } = parseCloudWebhook(body);
    try {
      for (const message of inbound) await deps.engine.handle(message);
      for (const s of statuses) {
        await recordDeliveryReport(
          deps.db,
          { channel: 'whatsapp', externalId: s.id, status: s.status, error: s.error },
          deps.now(),
        );
      }
    } catch (err) {
      deps.log.warn({ err: errorMessage(err) }, 'whatsapp webhook not processed');
      return c.json({ error: 'unavailable' }, 503);
    }
    return c.json({ ok: true });
  });
}
