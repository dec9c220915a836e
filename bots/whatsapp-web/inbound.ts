import type { Inbound, MediaKind } from '../../src/conversation/types.js';
import type { WaMessage } from './client.js';

const MEDIA: Record<string, MediaKind> = {
  image: 'photo',
  document: 'document',
  ptt: 'voice',
  audio: 'voice',
  video: 'video',
  sticker: 'sticker',
};

/** Messages from a person to the bureau's phone; everything else is not a conversation. */
export function isPersonalMessage(m: WaMessage): boolean {
  if (m.fromMe || m.isStatus || m.broadcast) return false;
  if (m.from === 'status@broadcast') return false;
  // Groups, newsletters (channels) and broadcast lists never talk to the bot.
  return m.from.endsWith('@c.us') || m.from.endsWith('@lid');
}

/** The first phone number of a vCard (a shared contact), as written there. */
function vCardPhone(card: string): { phone: string; name?: string } | null {
  const tel = /^TEL[^:\n]*:(.+)$/im.exec(card)?.[1]?.trim();
  if (!tel) return null;
  const name = /^FN:(.+)$/im.exec(card)?.[1]?.trim();
  return { phone: tel, name };
}

/**
 * A whatsapp-web.js message → the engine's Inbound. The chat is known by the sender's phone
 * digits — the same id the Cloud API uses (wa_id), so moving a regency from a linked phone to
 * the Cloud API keeps everyone's identity and conversation. `senderDigits` is the number behind
 * an `@lid` sender (looked up by the caller), or the `@c.us` id's own digits.
 */
export function toInbound(m: WaMessage, senderDigits: string, displayName?: string): Inbound {
  const inbound: Inbound = {
    channel: 'whatsapp',
    externalUserId: senderDigits,
    messageId: m.id._serialized,
    at: new Date((m.timestamp || Date.now() / 1000) * 1000),
    displayName: displayName ?? m._data?.notifyName,
    // The sender's own WhatsApp number is a phone the channel vouches for.
    phone: `+${senderDigits}`,
  };
  const option = m.selectedRowId ?? m.selectedButtonId;
  if (option) inbound.optionId = option;
  const kind = MEDIA[m.type];
  if (kind) {
    const caption =
      m._data?.caption ?? (m.body && m.type !== 'ptt' && m.type !== 'audio' ? m.body : undefined);
    // The message id lets the photo be fetched again (getMessageById → downloadMedia).
    inbound.media = { kind, fileId: m.id._serialized, mimeType: m._data?.mimetype, caption };
    return inbound;
  }
  if (m.type === 'location' && m.location) {
    const latitude = Number(m.location.latitude);
    const longitude = Number(m.location.longitude);
    if (Number.isFinite(latitude) && Number.isFinite(longitude)) inbound.location = { latitude, longitude };
    return inbound;
  }
  if ((m.type === 'vcard' || m.type === 'multi_vcard') && m.vCards?.[0]) {
    const contact = vCardPhone(m.vCards[0]);
    if (contact) inbound.contact = contact;
    return inbound;
  }
  if (!option && typeof m.body === 'string') inbound.text = m.body;
  return inbound;
}

/** The phone digits of a `<digits>@c.us` id; null for ids that are not a phone (`@lid`). */
export function digitsOf(chatId: string): string | null {
  const match = /^(\d{6,20})@c\.us$/.exec(chatId);
  return match?.[1] ?? null;
}
