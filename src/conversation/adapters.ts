import type { Channel, ChannelAdapter } from './types.js';

/**
 * How fast a channel lets us send, as the platform publishes it (Telegram: ~30 msg/s per bot,
 * ~1 msg/s per chat; WhatsApp Cloud: ~1 msg / 6 s per recipient). Real adapters fill it in.
 */
export interface ChannelPacing {
  /** All chats of this channel together, per worker process. */
  perSecond?: number;
  /**
   * One chat, per worker process: each send to a chat reserves the next free slot for it.
   * Several processes each keep their own spacing; the channel's 429 covers the rest.
   */
  perChatPerSecond?: number;
}

export interface AdapterRegistry {
  get(channel: Channel): ChannelAdapter;
}

export function createAdapterRegistry(adapters: ChannelAdapter[]): AdapterRegistry {
  const byChannel = new Map<Channel, ChannelAdapter>();
  for (const adapter of adapters) {
    if (byChannel.has(adapter.channel)) throw new Error(`two adapters registered for ${adapter.channel}`);
    byChannel.set(adapter.channel, adapter);
  }
  return {
    get(channel) {
      const adapter = byChannel.get(channel);
      if (!adapter) {
        const known = [...byChannel.keys()].join(', ') || 'none';
        throw new Error(`no channel adapter registered for "${channel}" (registered: ${known})`);
      }
      return adapter;
    },
  };
}

/**
 * The web chat reads its messages back from the outbox (sent rows of the identity), so
 * "sending" is only the state change the delivery worker makes after this returns.
 */
export const webChatAdapter: ChannelAdapter = {
  channel: 'web',
  async send(message) {
    return { externalId: `web-${message.id}` };
  },
};

export interface ChannelPacer {
  /** Resolves when this process may make one more send on `channel`. */
  wait(channel: Channel, chat?: string): Promise<void>;
}

/**
 * One token bucket per channel and process, refilled at `perSecond` with no burst: sends are
 * spaced 1/perSecond apart, so any one-second window holds at most perSecond + 1 of them. (A
 * burst of one second's worth let a backlog start with twice the rate in its first second,
 * and Telegram counts per second: the bench saw 429s, each pausing the queue a full second.)
 * Tokens may go negative: each caller reserves its slot, so concurrent waiters are spaced out
 * instead of all waking together. Several worker processes each get the full rate; the
 * channel's own 429 (manual rate limit) covers the rest.
 */
export function createChannelPacer(adapters: AdapterRegistry, clock: () => number = Date.now): ChannelPacer {
  const buckets = new Map<Channel, { rate: number; tokens: number; at: number } | null>();
  const bucketFor = (channel: Channel) => {
    if (!buckets.has(channel)) {
      const rate = adapters.get(channel).pacing?.perSecond;
      buckets.set(channel, rate && rate > 0 ? { rate, tokens: 1, at: clock() } : null);
    }
    return buckets.get(channel) ?? null;
  };
  const chatSlots = new Map<string, number>();
  const waitForChat = async (channel: Channel, chat: string) => {
    const rate = adapters.get(channel).pacing?.perChatPerSecond;
    if (!rate || rate <= 0) return;
    const now = clock();
    if (chatSlots.size > 10_000) {
      for (const [k, at] of chatSlots) if (at < now) chatSlots.delete(k);
    }
    const key = `${channel}:${chat}`;
    const slot = Math.max(now, chatSlots.get(key) ?? 0);
    chatSlots.set(key, slot + 1000 / rate);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
  return {
    async wait(channel, chat) {
      if (chat !== undefined) await waitForChat(channel, chat);
      const bucket = bucketFor(channel);
      if (!bucket) return;
      const now = clock();
      bucket.tokens = Math.min(1, bucket.tokens + ((now - bucket.at) / 1000) * bucket.rate);
      bucket.at = now;
      bucket.tokens -= 1;
      if (bucket.tokens >= 0) return;
      const waitMs = Math.ceil((-bucket.tokens / bucket.rate) * 1000);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    },
  };
}
