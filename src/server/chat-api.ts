import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Engine } from '../conversation/engine.js';
import { CHANNELS } from '../domain/channels.js';
import { sameSecret } from '../runtime/secrets.js';
import { findIdentity, linkIdentity, webChatTranscript } from '../store/chat.js';
import type { Database } from '../store/schema.js';
import type { AppEnv } from './app.js';

const identityParam = z.string().regex(/^[\w.@:+-]{1,64}$/);

const messageBody = z
  .object({
    id: z.string().min(1).max(128).optional(),
    text: z.string().max(100_000).optional(),
    optionId: z.string().max(256).optional(),
    name: z.string().max(200).optional(),
    phone: z.string().max(32).optional(),
    contact: z.object({ phone: z.string().max(32), name: z.string().max(200).optional() }).optional(),
    location: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .optional(),
    media: z
      .object({
        kind: z.enum(['photo', 'document', 'voice', 'video', 'sticker']),
        fileId: z.string().min(1).max(512),
        mimeType: z.string().max(100).optional(),
        caption: z.string().max(1024).optional(),
      })
      .optional(),
  })
  .refine((b) => b.text !== undefined || b.optionId || b.contact || b.location || b.media, {
    message: 'a message needs text, optionId, contact, location or media',
  });

/**
 * The web chat channel (console simulator, training, tests) and operator endpoints, behind the
 * operator token. With no ADMIN_TOKEN configured they are closed rather than open.
 */
export function mountChatApi(
  app: Hono<AppEnv>,
  deps: { engine: Engine; db: Kysely<Database>; adminToken?: string },
) {
  app.use('/api/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!deps.adminToken || !token || !sameSecret(token, deps.adminToken)) {
      return c.json({ error: 'unauthorized', message: 'A valid operator token is required.' }, 401);
    }
    await next();
  });

  app.post('/api/chat/:identity/messages', async (c) => {
    const identity = identityParam.safeParse(c.req.param('identity'));
    if (!identity.success)
      return c.json({ error: 'bad_identity', message: 'Unknown chat identity format.' }, 400);
    const raw = await c.req.json().catch(() => undefined);
    const body = messageBody.safeParse(raw);
    if (!body.success) {
      return c.json(
        { error: 'bad_message', message: body.error.issues[0]?.message ?? 'Invalid message.' },
        400,
      );
    }
    const b = body.data;
    const outcome = await deps.engine.handle({
      channel: 'web',
      externalUserId: identity.data,
      messageId: b.id ?? randomUUID(),
      at: new Date(),
      displayName: b.name,
      phone: b.phone,
      text: b.text,
      optionId: b.optionId,
      contact: b.contact,
      location: b.location,
      media: b.media,
    });
    return c.json(
      {
        accepted: true,
        duplicate: outcome.duplicate,
        replies: outcome.replies,
        replyIds: outcome.outboxIds.slice(0, outcome.replies),
      },
      202,
    );
  });

  app.get('/api/chat/:identity/messages', async (c) => {
    const identity = identityParam.safeParse(c.req.param('identity'));
    if (!identity.success)
      return c.json({ error: 'bad_identity', message: 'Unknown chat identity format.' }, 400);
    const after = z.coerce.number().int().min(0).catch(0).parse(c.req.query('after'));
    const { messages, next } = await webChatTranscript(deps.db, identity.data, after, 200);
    return c.json({
      messages: messages.map((r) => ({ id: r.id, sentAt: r.sent_at, ...(r.payload as object) })),
      next,
    });
  });

  // Linking: the WhatsApp and the Telegram of one person become one user.
  app.post('/api/identities/link', async (c) => {
    const body = z
      .object({
        from: z.object({ channel: z.enum(CHANNELS), externalId: z.string().min(1) }),
        to: z.object({ channel: z.enum(CHANNELS), externalId: z.string().min(1) }),
      })
      .safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return c.json({ error: 'bad_request', message: 'Give from and to identities.' }, 400);
    const from = await findIdentity(deps.db, body.data.from.channel, body.data.from.externalId);
    const to = await findIdentity(deps.db, body.data.to.channel, body.data.to.externalId);
    if (!from || !to)
      return c.json({ error: 'not_found', message: 'Both identities must have chatted once.' }, 404);
    await linkIdentity(deps.db, from.id, to.user_id);
    return c.json({ linked: true, userId: to.user_id });
  });
}
