import type { Outbound } from '../../src/conversation/types.js';

const cut = (s: string, max: number) => {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
};

/** Numbered lines, for lists longer than WhatsApp's 10 rows: typing the number works. */
const numbered = (out: Extract<Outbound, { type: 'options' }>) =>
  `${out.text}\n\n${out.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`;

/**
 * An Outbound as a Cloud API message body: up to 3 short options as reply buttons, up to 10 as
 * a list, anything longer as numbered text (typing the number works everywhere); texts within
 * the API's limits. WhatsApp reads *bold* itself.
 */
export function renderCloud(to: string, out: Outbound, listButton: string): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  if (out.type === 'document') {
    return {
      ...base,
      type: 'document',
      document: { link: out.url, filename: out.filename, caption: cut(out.caption, 1024) },
    };
  }
  if (out.type === 'text') return { ...base, type: 'text', text: { body: cut(out.text, 4096) } };
  const longest = Math.max(...out.options.map((o) => Array.from(o.label).length));
  // A cut label is a riddle for the reader: buttons and lists only when every label fits.
  if (out.options.length <= 3 && longest <= 20) {
    return {
      ...base,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: cut(out.text, 1024) },
        action: {
          buttons: out.options.map((o) => ({
            type: 'reply',
            reply: { id: o.id.slice(0, 256), title: cut(o.label, 20) },
          })),
        },
      },
    };
  }
  if (out.options.length <= 10 && longest <= 24) {
    return {
      ...base,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: cut(out.text, 1024) },
        action: {
          button: cut(listButton, 20),
          sections: [
            {
              rows: out.options.map((o) => ({ id: o.id.slice(0, 200), title: o.label })),
            },
          ],
        },
      },
    };
  }
  return { ...base, type: 'text', text: { body: cut(numbered(out), 4096) } };
}
