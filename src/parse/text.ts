/**
 * An answer to a chat question is short. Anything longer is a paste accident or abuse, so parsers
 * stop before doing real work on it (keeps every parser linear and cheap on 100 KB messages).
 */
export const MAX_INPUT_CHARS = 200;

/** Indonesian digit words, shared by the money, quantity and option parsers. */
export const DIGIT_WORDS: Readonly<Record<string, number>> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

// Zero-width and bidi marks: WhatsApp wraps copied phone numbers in U+202A/U+202C, keyboards add U+200B.
const INVISIBLE = /\p{Cf}/gu;
const PUNCT = /\p{P}/u;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * NFKC (full-width digits, `m³` → `m3`, `…` → `...`), lowercase, no invisible characters, single
 * spaces, trimmed. Returns null when the input is too long to be an answer.
 */
export function prepare(input: string): string | null {
  // NFKC can expand a character up to 18 times, so check before and after normalising.
  if (input.length > MAX_INPUT_CHARS * 4) return null;
  const out = input.normalize('NFKC').toLowerCase().replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  return out.length > MAX_INPUT_CHARS ? null : out;
}

/** Drops punctuation at both ends except `-`, which can carry meaning (a sign, `1.500.000,-`). */
export function stripOuterPunctuation(s: string): string {
  // A loop rather than /[\p{P}]+$/: the anchored-at-end regex is quadratic on long punctuation runs.
  const strip = (c: string | undefined) => c !== undefined && c !== '-' && (c === ' ' || PUNCT.test(c));
  let start = 0;
  let end = s.length;
  while (start < end && strip(s[start])) start++;
  while (end > start && strip(s[end - 1])) end--;
  return s.slice(start, end);
}

/** Canonical form for comparing chat answers: `prepare` plus surrounding punctuation removed. */
export function normalize(input: string): string {
  return stripOuterPunctuation(prepare(input.slice(0, MAX_INPUT_CHARS * 4)) ?? '');
}

/** Letters and digits only, so `Pasir-Urug`, `pasir urug` and `pasirurug` compare equal. */
export function compact(s: string): string {
  return s.replace(NON_WORD, '');
}

/**
 * Edit distance over code points. With a finite `max` only a diagonal band is computed and any
 * distance above `max` is reported as `max + 1`, so the cost is O(length × max).
 */
export function levenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const cap = Math.min(max, Math.max(x.length, y.length));
  if (Math.abs(x.length - y.length) > cap) return max + 1;
  const far = cap + 1;
  let prev: number[] = Array.from({ length: y.length + 1 }, (_, j) => (j <= cap ? j : far));
  let prev2: number[] = [];
  for (let i = 1; i <= x.length; i++) {
    const cur: number[] = new Array(y.length + 1).fill(far);
    cur[0] = i <= cap ? i : far;
    let rowMin = cur[0];
    const from = Math.max(1, i - cap);
    const to = Math.min(y.length, i + cap);
    for (let j = from; j <= to; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? far) + 1, (cur[j - 1] ?? far) + 1, (prev[j - 1] ?? far) + cost, far);
      // Two neighbouring letters swapped ("bojnog") is one slip of the thumb, not two.
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        v = Math.min(v, (prev2[j - 2] ?? far) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  const d = prev[y.length] ?? far;
  return d > cap ? max + 1 : d;
}

/** 1 for equal strings, 0 for nothing in common (relative to the longer one). */
export function similarity(a: string, b: string): number {
  const len = Math.max(Array.from(a).length, Array.from(b).length);
  return len === 0 ? 1 : 1 - levenshtein(a, b) / len;
}
