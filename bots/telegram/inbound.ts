import type { Update } from 'telegraf/types';
import { isWellFormedInbound } from '../../src/conversation/sanitize.js';
import type { Inbound, MediaKind } from '../../src/conversation/types.js';

/**
 * One Telegram update → the engine's Inbound, or null for what the bot ignores (groups,
 * channel posts, edits). The update_id is the dedupe key: Telegram resends the same update
 * when a webhook answer is late, and getUpdates may return it again after a restart.
 */
export function toInbound(update: Update): Inbound | null {
  // A payload with missing or wrongly typed fields is dropped, never a failed turn (see
  // isWellFormedInbound): Telegram would resend it forever.
  try {
    const inbound = read(update);
    return inbound && isWellFormedInbound(inbound) ? inbound : null;
  } catch {
    return null;
  }
}

function read(update: Update): Inbound | null {
  const base = { channel: 'telegram' as const, messageId: `u${update.update_id}` };
  if ('callback_query' in update) {
    const q = update.callback_query;
    const chat = q.message?.chat;
    if (chat?.type !== 'private' || !('data' in q)) return null;
    return {
      ...base,
      externalUserId: String(chat.id),
      at: new Date(),
      displayName: [q.from.first_name, q.from.last_name].filter(Boolean).join(' '),
      optionId: q.data,
    };
  }
  if (!('message' in update)) return null;
  const m = update.message;
  if (m.chat.type !== 'private') return null;
  const inbound: Inbound = {
    ...base,
    externalUserId: String(m.chat.id),
    at: new Date(m.date * 1000),
    displayName: [m.from?.first_name, m.from?.last_name].filter(Boolean).join(' ') || undefined,
  };
  if ('text' in m) inbound.text = m.text;
  if ('contact' in m) {
    inbound.contact = { phone: m.contact.phone_number, name: m.contact.first_name };
    // Only a person's own contact vouches for their phone number.
    if (m.contact.user_id === m.from?.id) inbound.phone = m.contact.phone_number;
  }
  if ('location' in m) inbound.location = { latitude: m.location.latitude, longitude: m.location.longitude };
  const media = mediaOf(m as unknown as Record<string, unknown>);
  if (media) inbound.media = media;
  if (!inbound.text && 'caption' in m && typeof m.caption === 'string' && !media) inbound.text = m.caption;
  return inbound;
}

function mediaOf(m: Record<string, unknown>): Inbound['media'] {
  const caption = typeof m.caption === 'string' ? m.caption : undefined;
  const pick = (kind: MediaKind, fileId: string, mimeType?: string) => ({ kind, fileId, mimeType, caption });
  if (Array.isArray(m.photo) && m.photo.length) {
    const largest = m.photo[m.photo.length - 1] as { file_id: string };
    return pick('photo', largest.file_id, 'image/jpeg');
  }
  for (const kind of ['document', 'voice', 'video', 'sticker'] as const) {
    const f = m[kind] as { file_id?: string; mime_type?: string } | undefined;
    if (f?.file_id) return pick(kind, f.file_id, f.mime_type);
  }
  if (m.audio && typeof m.audio === 'object')
    return pick('voice', String((m.audio as { file_id: string }).file_id));
  return undefined;
}
