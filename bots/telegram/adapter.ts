import { Telegram } from 'telegraf';
import {
  type ChannelAdapter,
  ChannelRateLimitError,
  type OutboxMessage,
  RecipientUnreachableError,
} from '../../src/conversation/types.js';
import { render } from './render.js';

export interface TelegramSettings {
  token: string;
  apiRoot: string;
  perSecond: number;
  perChatPerSecond: number;
}

export function createTelegramClient(s: Pick<TelegramSettings, 'token' | 'apiRoot'>): Telegram {
  return new Telegram(s.token, { apiRoot: s.apiRoot });
}

/**
 * Sends outbox messages through the Bot API. A 429 becomes a rate-limit pause for the queue
 * (BullMQ's manual rate limit, no attempt spent); a 403 means the person blocked the bot: the
 * message is dead and the identity unreachable, with no endless retries.
 */
export function telegramAdapter(telegram: Telegram, s: TelegramSettings): ChannelAdapter {
  return {
    channel: 'telegram',
    pacing: { perSecond: s.perSecond, perChatPerSecond: s.perChatPerSecond },
    async send(message: OutboxMessage) {
      const r = render(message.payload);
      try {
        const sent =
          r.method === 'sendDocument'
            ? await telegram.sendDocument(message.externalUserId, r.document as string, {
                caption: r.caption,
                ...(r.extra as object),
              })
            : await telegram.sendMessage(message.externalUserId, r.text as string, r.extra as object);
        return { externalId: `${sent.chat.id}:${sent.message_id}` };
      } catch (err) {
        const e = err as { code?: number; parameters?: { retry_after?: number }; description?: string };
        if (e.code === 429) throw new ChannelRateLimitError((e.parameters?.retry_after ?? 1) * 1000);
        if (e.code === 403) throw new RecipientUnreachableError(e.description ?? 'forbidden');
        throw err;
      }
    },
  };
}
