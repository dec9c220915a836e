import type { Channel } from './channels.js';

/**
 * The messages PesanDesa exchanges with people, as data: what comes in from any channel and what
 * goes out to it. The engine, the notices, the store's outbox and every adapter share them.
 */

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
