import type { ChannelModule } from '../../src/channel-module.js';
import { createTelegramClient, telegramAdapter } from './adapter.js';
import { ALLOWED_UPDATES, startPolling } from './polling.js';
import { mountTelegramWebhook } from './webhook.js';

/** Telegram: a bot token; updates by webhook (PUBLIC_URL) or long polling. */
export const telegramChannel: ChannelModule = {
  name: 'telegram',
  async open({ config, engine, log, role, secret }) {
    const token = config.TELEGRAM_BOT_TOKEN;
    if (!token) return null;
    const telegram = createTelegramClient({ token, apiRoot: config.TELEGRAM_API_ROOT });
    const webhookSecret = await secret('telegram-webhook.secret', config.TELEGRAM_WEBHOOK_SECRET);
    let polling: ReturnType<typeof startPolling> | null = null;
    return {
      adapter:
        role === 'server'
          ? undefined
          : telegramAdapter(telegram, {
              token,
              apiRoot: config.TELEGRAM_API_ROOT,
              perSecond: config.TELEGRAM_RATE_PER_SECOND,
              perChatPerSecond: config.TELEGRAM_RATE_PER_CHAT_PER_SECOND,
            }),
      mount(app) {
        if (config.TELEGRAM_MODE === 'webhook')
          mountTelegramWebhook(app, { engine, telegram, secret: webhookSecret, log });
      },
      async serving() {
        if (config.TELEGRAM_MODE === 'webhook' && config.PUBLIC_URL) {
          await telegram.setWebhook(`${config.PUBLIC_URL.replace(/\/$/, '')}/webhooks/telegram`, {
            secret_token: webhookSecret,
            allowed_updates: [...ALLOWED_UPDATES],
            max_connections: 40,
          });
          log.info('telegram webhook registered');
        }
        if (config.TELEGRAM_MODE === 'polling') {
          polling = startPolling({ engine, telegram, log });
          log.info('telegram polling started');
        }
      },
      async stop() {
        await polling?.stop();
      },
    };
  },
};
