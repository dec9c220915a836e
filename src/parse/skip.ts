import { normalize } from './text.js';

// "Not / not yet" in the ways people write it in chat.
const NOT = '(?:tidak|tdk|tak|gak|ga|gk|nggak|ngga|enggak|engga|ndak|belum|blm|blum)';
// …and what they have not got or do not need.
const WHAT = '(?:ada|punya|pny|usah|perlu|butuh|tau|tahu)';
const SKIP = new RegExp(
  `^(?:lewati|lewat|lewatkan|skip|-|none|n/?a|kosong|nihil|${NOT}|${NOT} ${WHAT}(?: (?:nya|catatan|nib|nomor))?|${WHAT} ${NOT})$`,
);

/**
 * Whether an answer to an optional question means "nothing here": `lewati`, and what people
 * actually type — "belum punya", "tidak ada", "gak usah", "nggak perlu", "-", "kosong".
 */
export function isSkipAnswer(text: string): boolean {
  return SKIP.test(normalize(text));
}
