import type { Inbound } from './types.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// All C0 controls but tab and newlines, and DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** PostgreSQL text and jsonb refuse NUL and lone surrogates; control characters help nobody. */
export function cleanText(value: string, max: number): string {
  return value.slice(0, max).replace(LONE_SURROGATE, '\ufffd').replace(CONTROL, '');
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
