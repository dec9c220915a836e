import type { Outbound } from '../../src/conversation/types.js';

const MAX_TEXT = 4096;
const MAX_BUTTON = 60;
const MAX_CALLBACK_BYTES = 64;

/** Escapes for Telegram's HTML parse mode; then `*bold*` from the dictionaries becomes <b>. */
export function toTelegramHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/\*([^*\n]{1,200})\*/g, '<b>$1</b>');
}

/** Cuts by code points so an emoji or a combining mark is never split in half. */
export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export interface TelegramMessage {
  method: 'sendMessage' | 'sendDocument';
  text?: string;
  document?: string;
  caption?: string;
  extra: Record<string, unknown>;
}

/**
 * An Outbound in Telegram's idiom: options become an inline keyboard (numbered, so typing the
 * number works too), one button a row, two a row for long lists; documents go by URL.
 */
export function render(out: Outbound): TelegramMessage {
  if (out.type === 'document') {
    return {
      method: 'sendDocument',
      document: out.url,
      caption: cut(toTelegramHtml(out.caption), 1024),
      extra: { parse_mode: 'HTML' },
    };
  }
  const text = cut(toTelegramHtml(out.text), MAX_TEXT);
  if (out.type === 'text') return { method: 'sendMessage', text, extra: { parse_mode: 'HTML' } };
  const buttons = out.options
    .filter((o) => Buffer.byteLength(o.id) <= MAX_CALLBACK_BYTES)
    .map((o, i) => ({ text: cut(`${i + 1}. ${o.label}`, MAX_BUTTON), callback_data: o.id }));
  const perRow = buttons.length > 8 ? 2 : 1;
  const rows: (typeof buttons)[] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return {
    method: 'sendMessage',
    text,
    extra: { parse_mode: 'HTML', reply_markup: { inline_keyboard: rows } },
  };
}
