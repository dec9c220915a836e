import type { Hono } from 'hono';
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Engine } from '../../src/conversation/engine.js';
import type { Logger } from '../../src/logger.js';
import { errorMessage } from '../../src/logger.js';
import { sameSecret } from '../../src/runtime/secrets.js';
import type { AppEnv } from '../../src/server/app.js';
import { toInbound } from './inbound.js';

/** Runs one update through the engine and stops the tapped button's spinner. */
export async function handleUpdate(engine: Engine, telegram: Telegram, update: Update, log: Logger) {
  const inbound = toInbound(update);
  if (inbound) await engine.handle(inbound);
  // Cosmetic follow-ups only for a tap we understood: a malformed one must not fail the call.
  if ('callback_query' in update && inbound) {
    const q = update.callback_query;
    // Best effort: a spinner that keeps turning is cosmetic, the turn itself is committed.
    await telegram.answerCbQuery(q.id).catch((err: Error) => {
      log.debug({ err: err.message }, 'answerCallbackQuery failed');
    });
    // The answered question loses its buttons: the chat stays tidy, and an old button cannot
    // be tapped again by mistake. The question's text stays, so the history reads as it happened.
    if (inbound && q.message?.chat) {
      await telegram
        .editMessageReplyMarkup(q.message.chat.id, q.message.message_id, undefined, { inline_keyboard: [] })
        .catch((err: Error) => log.debug({ err: err.message }, 'editMessageReplyMarkup failed'));
    }
  }
}

/**
 * POST /webhooks/telegram: refuses (401, nothing read) a request without the secret token set
 * with setWebhook; answers as soon as the turn is committed. A database that is down answers
 * 503, so Telegram sends the update again later; the engine's dedupe keeps retries to one effect.
 */
export function mountTelegramWebhook(
  app: Hono<AppEnv>,
  deps: { engine: Engine; telegram: Telegram; secret: string; log: Logger },
) {
  app.post('/webhooks/telegram', async (c) => {
    const given = c.req.header('x-telegram-bot-api-secret-token') ?? '';
    if (!given || !sameSecret(given, deps.secret)) return c.json({ error: 'unauthorized' }, 401);
    const update = (await c.req.json().catch(() => null)) as Update | null;
    if (!update || typeof update !== 'object' || typeof update.update_id !== 'number') {
      return c.json({ error: 'bad_update' }, 400);
    }
    try {
      await handleUpdate(deps.engine, deps.telegram, update, deps.log);
    } catch (err) {
      deps.log.warn({ err: errorMessage(err), updateId: update.update_id }, 'telegram update not processed');
      return c.json({ error: 'unavailable' }, 503);
    }
    return c.json({ ok: true });
  });
}
