import { storableText } from '../domain/text.js';
import type { Inbound } from './types.js';

// All C0 controls but tab and newlines, and DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** PostgreSQL text and jsonb refuse NUL and lone surrogates; control characters help nobody. */
export function cleanText(value: string, max: number): string {
  return storableText(value.slice(0, max)).replace(CONTROL, '');
}

const opt = (v: string | undefined, max: number) => (v === undefined ? undefined : cleanText(v, max));

/**
 * Every string that came from outside, made safe to store and bounded in size, before the turn
 * starts. Long texts are cut here (no step needs more than a few thousand characters).
 */
export function sanitizeInbound(m: Inbound): Inbound {
  return {
    ...m,
    externalUserId: cleanText(m.externalUserId, 128),
    messageId: cleanText(m.messageId, 128),
    displayName: opt(m.displayName, 200),
    phone: opt(m.phone, 32),
    text: opt(m.text, 4096),
    optionId: opt(m.optionId, 256),
    contact: m.contact
      ? { phone: cleanText(m.contact.phone, 32), name: opt(m.contact.name, 200) }
      : undefined,
    media: m.media
      ? {
          kind: m.media.kind,
          fileId: cleanText(m.media.fileId, 512),
          mimeType: opt(m.media.mimeType, 100),
          caption: opt(m.media.caption, 1024),
        }
      : undefined,
  };
}

const MEDIA_KINDS = new Set(['photo', 'document', 'voice', 'video', 'sticker']);
const isStr = (v: unknown) => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/**
 * Whether a message an adapter built from a platform payload has the types the engine relies
 * on. A payload with a field of the wrong kind is not a person talking: the adapter drops it
 * (and answers the platform normally) instead of failing the turn, which would make the
 * platform send the same poison again and again.
 */
export function isWellFormedInbound(m: unknown): m is Inbound {
  if (!isObj(m)) return false;
  if (!isStr(m.externalUserId) || m.externalUserId === '' || !isStr(m.messageId) || m.messageId === '')
    return false;
  if (!(m.at instanceof Date) || Number.isNaN(m.at.getTime())) return false;
  if (![m.displayName, m.phone, m.text, m.optionId].every(optStr)) return false;
  if (m.contact !== undefined && !(isObj(m.contact) && isStr(m.contact.phone) && optStr(m.contact.name)))
    return false;
  if (
    m.location !== undefined &&
    !(
      isObj(m.location) &&
      finite(m.location.latitude) &&
      finite(m.location.longitude) &&
      Math.abs(m.location.latitude as number) <= 90 &&
      Math.abs(m.location.longitude as number) <= 180
    )
  )
    return false;
  if (
    m.media !== undefined &&
    !(
      isObj(m.media) &&
      MEDIA_KINDS.has(m.media.kind as string) &&
      isStr(m.media.fileId) &&
      optStr(m.media.mimeType) &&
      optStr(m.media.caption)
    )
  )
    return false;
  return true;
}
