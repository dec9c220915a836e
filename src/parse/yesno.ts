import { prepare } from './text.js';

// Elongated chat spellings ("yaaa", "okee", "siapp", "gakk") are compared with repeats squeezed.
const squeeze = (w: string) => w.replace(/(\p{L})\1+/gu, '$1');
const vocabulary = (words: string) => new Set(words.split(' ').map(squeeze));

const YES = vocabulary(
  'ya y iya iyah iye yes yup yap yoi ok oke okay okey setuju benar bener betul sip siap lanjut boleh sudah udah sdh tentu sure',
);

// `batal` is deliberately absent: it is the global cancel command and must not read as "no".
const NO = vocabulary(
  'tidak tdk gak ga gk nggak ngga enggak engga ndak nda tak kagak no n nope bukan jangan salah belum blm',
);

// Words that neither answer nor contradict: "ya pak", "siap bos", "tidak usah", "gak jadi".
const NEUTRAL = vocabulary(
  'deh dong aja saja sih kok lah pak bu bapak ibu kak mas mbak bang bos gan min terima kasih makasih thanks thx mau usah perlu jadi',
);

const YES_EMOJI = /👍|✅|✔|👌/gu;
const NO_EMOJI = /👎|❌|✖/gu;
// Skin tones and the emoji presentation selector vary per phone but mean the same thumb.
const EMOJI_VARIANTS = /[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu;
const MAX_WORDS = 6;

/**
 * Yes/no answer in Indonesian or English, tolerant of case, punctuation, emoji and chat spelling.
 * Null when the answer is neither, or says both ("ya tidak").
 */
export function parseYesNo(input: string): boolean | null {
  const prepared = prepare(input);
  if (!prepared) return null;
  const words = prepared
    .replace(EMOJI_VARIANTS, '')
    .replace(YES_EMOJI, ' ya ')
    .replace(NO_EMOJI, ' tidak ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ');
  if (words.length > MAX_WORDS) return null;
  let yes = false;
  let no = false;
  for (const word of words) {
    const w = squeeze(word);
    if (YES.has(w)) yes = true;
    else if (NO.has(w)) no = true;
    else if (!NEUTRAL.has(w)) return null;
  }
  return yes === no ? null : yes;
}
