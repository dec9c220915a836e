import type { Channel } from '../domain/channels.js';
import type { OutboxMessage } from '../domain/messages.js';
import type { ChannelPacing } from './adapters.js';

export type { Inbound, MediaKind, Outbound, OutboundOption, OutboxMessage } from '../domain/messages.js';
export type { Channel };

export interface SendResult {
  /** The channel's id for the sent message (for status callbacks and edits). */
  externalId: string;
}

/** Thrown by an adapter when the channel asks us to slow down (HTTP 429). */
export class ChannelRateLimitError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited; retry after ${retryAfterMs} ms`);
    this.name = 'ChannelRateLimitError';
  }
}

/**
 * Thrown when the channel itself is away for a while (a linked WhatsApp phone reconnecting):
 * the message waits and is tried again without spending an attempt, and other channels go on.
 */
export class ChannelUnavailableError extends Error {
  constructor(
    readonly retryAfterMs: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'ChannelUnavailableError';
  }
}

/** Thrown when the recipient can never be reached this way (blocked the bot, left WhatsApp). */
export class RecipientUnreachableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RecipientUnreachableError';
  }
}

export interface ChannelAdapter {
  channel: Channel;
  send(message: OutboxMessage): Promise<SendResult>;
  /** How fast the delivery worker may call `send`; none means as fast as the queue runs. */
  pacing?: ChannelPacing;
}
