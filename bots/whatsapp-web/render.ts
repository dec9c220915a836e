import type { Outbound } from '../../src/conversation/types.js';

/** WhatsApp's own limit for a text message. */
const MAX_TEXT = 4096;

const cut = (s: string, max: number) => {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
};

export type WebRendered =
  | { kind: 'text'; body: string }
  | { kind: 'document'; url: string; filename: string; mimeType: string; caption: string };

/**
 * An Outbound for a linked phone. Options are always a numbered list in the text — buttons and
 * lists sent from WhatsApp Web are unreliable (often not shown at all) — so typing the number,
 * or the option's words, answers. WhatsApp reads *bold* itself.
 */
export function renderWeb(out: Outbound): WebRendered {
  if (out.type === 'document') {
    return {
      kind: 'document',
      url: out.url,
      filename: out.filename,
      mimeType: out.mimeType,
      caption: cut(out.caption, 1024),
    };
  }
  if (out.type === 'text') return { kind: 'text', body: cut(out.text, MAX_TEXT) };
  const list = out.options.map((o, i) => `*${i + 1}.* ${o.label}`).join('\n');
  // A long question is cut, never the options after it.
  const room = Math.max(200, MAX_TEXT - Array.from(list).length - 2);
  return { kind: 'text', body: cut(`${cut(out.text, room)}\n\n${list}`, MAX_TEXT) };
}
