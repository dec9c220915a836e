import type { Channel } from '../store/schema.js';
import type { ChannelPacing } from './adapters.js';

export type { Channel };

export type MediaKind = 'photo' | 'document' | 'voice' | 'video' | 'sticker';

/** One message from a person, whatever the channel it came through. */
export interface Inbound {
  channel: Channel;
  /** The chat's id on its channel (Telegram chat id, WhatsApp id, web chat identity). */
  externalUserId: string;
  /** The message's id on its channel; the same id twice is one message (dedupe). */
  messageId: string;
  at: Date;
  displayName?: string;
  /** A phone number the channel vouches for (WhatsApp sender, a shared Telegram contact). */
  phone?: string;
  text?: string;
  /** Id of a tapped button / chosen list row. */
  optionId?: string;
  contact?: { phone: string; name?: string };
  location?: { latitude: number; longitude: number };
  media?: { kind: MediaKind; fileId: string; mimeType?: string; caption?: string };
}

export interface OutboundOption {
  id: string;
  label: string;
  /** Other words that choose this option when typed (not shown). */
  aliases?: string[];
}

/**
 * What the engine says, already in the person's language; each adapter renders it in its own
 * idiom (inline keyboard, reply buttons / list, numbered text).
 */
export type Outbound =
  | { type: 'text'; text: string }
  | { type: 'options'; text: string; options: OutboundOption[]; multi?: boolean }
  | { type: 'document'; caption: string; filename: string; mimeType: string; url: string };

/** A row of the outbox as the delivery worker hands it to a channel adapter. */
export interface OutboxMessage {
  id: number;
  identityId: number;
  channel: Channel;
  externalUserId: string;
  payload: Outbound;
  attempts: number;
  /** A conversation move to apply once sent (see the outbox's on_sent). */
  onSent?: { flow: string; step: string; data: Record<string, unknown> } | null;
  /** When this person last wrote to us (WhatsApp's 24-hour window). */
  lastInboundAt?: Date | null;
  /** Why the message exists: a reply, or one the business starts (alert, reminder, notice). */
  purpose?: string;
}

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
