import { fail, ok, type ParseResult } from './result.js';
import { DIGIT_WORDS, prepare } from './text.js';

export type MoneyError = 'empty' | 'not_a_number' | 'negative' | 'zero' | 'fraction' | 'too_large';

/** Rp10 triliun: far above any village budget, low enough to catch a pasted account number. */
export const DEFAULT_MAX_RUPIAH = 1e13;

// Exact fractions: "1,2345 jt" must become exactly 1.234.500 and a 200-digit paste must not round.
interface Rat {
  n: bigint;
  d: bigint;
}

const rat = (n: bigint, d = 1n): Rat => ({ n, d });
const add = (a: Rat, b: Rat): Rat => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const mul = (a: Rat, k: bigint): Rat => ({ n: a.n * k, d: a.d });
const less = (a: Rat, b: Rat): boolean => a.n * b.d < b.n * a.d;

const THOUSAND = 1000n;
const MILLION = 10n ** 6n;
const BILLION = 10n ** 9n;
const TRILLION = 10n ** 12n;

/**
 * Big multipliers. In Indonesian "M" is *miliar* (10^9), never million: "2 M" on a village budget is
 * Rp2.000.000.000, and "1.5m" typed by an English speaker is read the same way. Million is "jt".
 */
const SCALES: Record<string, bigint> = {
  k: THOUSAND,
  rb: THOUSAND,
  rbu: THOUSAND,
  ribu: THOUSAND,
  rebu: THOUSAND,
  thousand: THOUSAND,
  jt: MILLION,
  jta: MILLION,
  juta: MILLION,
  million: MILLION,
  mio: MILLION,
  m: BILLION,
  miliar: BILLION,
  milyar: BILLION,
  miliard: BILLION,
  milyard: BILLION,
  b: BILLION,
  bn: BILLION,
  billion: BILLION,
  t: TRILLION,
  tn: TRILLION,
  triliun: TRILLION,
  trilyun: TRILLION,
  trillion: TRILLION,
};

// "sejuta" = one million; the "se-" prefix means "one".
const SE_SCALES: Record<string, bigint> = {
  seribu: THOUSAND,
  sejuta: MILLION,
  semiliar: BILLION,
  semilyar: BILLION,
  setriliun: TRILLION,
};

const DIGITS: Record<string, bigint> = {
  nol: 0n,
  ...Object.fromEntries(Object.entries(DIGIT_WORDS).map(([w, n]) => [w, BigInt(n)])),
};

type Token = { kind: 'num' | 'word'; text: string };

/** A table lookup that never answers with Object.prototype's members ("constructor", "toString"). */
const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';

/** Numbers keep their separators ("1.500.000,00"); units may be glued on ("1jt500rb"). */
function lex(s: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ') {
      i++;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (isDigit(s[j]) || ((s[j] === '.' || s[j] === ',') && isDigit(s[j + 1]))) j++;
      tokens.push({ kind: 'num', text: s.slice(i, j) });
      i = j;
    } else if (isLetter(c)) {
      let j = i + 1;
      while (isLetter(s[j])) j++;
      tokens.push({ kind: 'word', text: s.slice(i, j) });
      i = j;
    } else if ((c === '.' || c === ',') && tokens.at(-1)?.kind === 'word') {
      i++; // "rb.", "1 juta, 500 ribu"
    } else {
      return null;
    }
  }
  return tokens;
}

/**
 * Indonesian writes 1.500.000,50; English 1,500,000.50. A single separator followed by exactly three
 * digits is a thousands separator ("1.500", "1,500") — except a comma before a multiplier, which is
 * Indonesian decimal ("1,250 juta" = 1.250.000). Any other single separator is a decimal point.
 */
function literal(text: string, beforeScale: boolean): Rat | null {
  const groups = text.split(/[.,]/);
  const seps = text.replace(/\d/g, '');
  if (seps.length === 0) return rat(BigInt(text));
  const grouped = (parts: string[]) =>
    (parts[0]?.length ?? 0) <= 3 && parts[0] !== '0' && parts.slice(1).every((g) => g.length === 3);
  const last = seps.at(-1)!;
  const single = seps.length === 1;
  const allSame = [...seps].every((c) => c === seps[0]);
  let intGroups: string[];
  let frac = '';
  if (allSame && !single) {
    if (!grouped(groups)) return null;
    intGroups = groups;
  } else if (single) {
    const thousands = groups[1]!.length === 3 && grouped(groups) && !(beforeScale && last === ',');
    intGroups = thousands ? groups : [groups[0]!];
    frac = thousands ? '' : groups[1]!;
  } else {
    const head = seps.slice(0, -1);
    if (head.includes(last) || !grouped(groups.slice(0, -1))) return null;
    intGroups = groups.slice(0, -1);
    frac = groups.at(-1)!;
  }
  return rat(BigInt(intGroups.join('') + frac), 10n ** BigInt(frac.length));
}

/**
 * A group is what stands before a multiplier: a literal ("1,5"), or Indonesian number words
 * ("dua ratus lima puluh", "satu setengah"). Returns null for anything else.
 */
function group(tokens: Token[], beforeScale: boolean): Rat | null {
  if (tokens.length === 1 && tokens[0]!.kind === 'num') return literal(tokens[0]!.text, beforeScale);
  let acc = rat(0n);
  let pending: Rat | null = null;
  let room = 1000n; // next component must be below this (ratus, then puluh, then units)
  let done = false;
  const take = (scale: bigint): boolean => {
    if (pending === null || scale >= room || !less(pending, rat(10n))) return false;
    acc = add(acc, mul(pending, scale));
    pending = null;
    room = scale;
    return true;
  };
  for (const t of tokens) {
    if (done) return null;
    const w = t.text;
    if (t.kind === 'num' || own(DIGITS, w) !== undefined) {
      if (pending !== null) return null;
      pending = t.kind === 'num' ? literal(w, false) : rat(own(DIGITS, w)!);
      if (pending === null) return null;
    } else if (w === 'ratus' || w === 'puluh') {
      if (!take(w === 'ratus' ? 100n : 10n)) return null;
    } else if (w === 'seratus' || w === 'sepuluh') {
      if (pending !== null) return null;
      pending = rat(1n);
      if (!take(w === 'seratus' ? 100n : 10n)) return null;
    } else if (w === 'belas' || w === 'sebelas') {
      if (w === 'sebelas') pending = pending === null ? rat(1n) : null;
      if (pending === null || room <= 10n) return null;
      acc = add(acc, add(rat(10n), pending));
      pending = null;
      room = 1n;
    } else if (w === 'setengah') {
      if (pending !== null) acc = add(acc, pending);
      acc = add(acc, rat(1n, 2n));
      pending = null;
      done = true;
    } else {
      return null;
    }
  }
  if (pending !== null) {
    if (room <= 1n) return null;
    acc = add(acc, pending);
  }
  return acc;
}

/** Sums terms like "1 juta 500 ribu"; each later term must be smaller than the multiplier before it. */
function evaluate(tokens: Token[]): Rat | null {
  let total = rat(0n);
  let lastScale: bigint | null = null;
  let pending: Token[] = [];
  for (const t of tokens) {
    const scale = t.kind === 'word' ? own(SCALES, t.text) : undefined;
    const seScale = t.kind === 'word' ? own(SE_SCALES, t.text) : undefined;
    if (t.kind === 'word' && t.text === 'dan') continue;
    if (scale === undefined && seScale === undefined) {
      pending.push(t);
      continue;
    }
    if (seScale !== undefined && pending.length > 0) return null;
    const g = seScale !== undefined ? rat(1n) : pending.length > 0 ? group(pending, true) : null;
    const s = (scale ?? seScale)!;
    if (g === null) return null;
    const term = mul(g, s);
    if (lastScale !== null && (s >= lastScale || !less(term, rat(lastScale)))) return null;
    total = add(total, term);
    lastScale = s;
    pending = [];
  }
  if (pending.length === 0) return lastScale === null ? null : total;
  const tail = group(pending, false);
  if (tail === null) return null;
  if (lastScale === null) return tail;
  // "2 ribu 500" is 2.500; "1 juta 500" and "2rb5" are ambiguous in speech (often 1,5 jt / 2,5 rb).
  if (lastScale !== THOUSAND || less(tail, rat(100n)) || !less(tail, rat(1000n))) return null;
  return add(total, tail);
}

// Number words with no other meaning: "m", "k", "t" are also units (meter, ...), so they are out.
const NUMBER_WORDS = new Set([
  ...Object.keys(DIGITS),
  ...['ratus', 'puluh', 'belas', 'sebelas', 'seratus', 'sepuluh', 'setengah', 'dan'],
  ...['ribu', 'rb', 'seribu', 'juta', 'jt', 'sejuta'],
]);

/**
 * A number said in Indonesian words ("seratus", "dua puluh lima", "seribu lima ratus", "satu
 * setengah"), for counting things rather than money; null when the text is not only such words.
 */
export function wordsNumber(text: string): number | null {
  const tokens = lex(text);
  if (!tokens || tokens.length === 0 || tokens.some((t) => t.kind === 'num' || !NUMBER_WORDS.has(t.text)))
    return null;
  const value = evaluate(tokens);
  return value === null ? null : Number(value.n) / Number(value.d);
}

/**
 * What people say before an amount without changing it: a hedge ("kira-kira 25 juta", "sekitar",
 * "±", "kurang lebih"), a negotiated figure ("nego jadi 16jt", "jadi 15 juta"), a label ("harga",
 * "total", "sebesar"). A price per unit ("65rb/sak") is not among them: where a total is asked, a
 * unit price would silently become the total, so it stays refused there.
 */
const LEAD_IN =
  /^(?:(?:kira[- ]?kira|kurang lebih|lebih kurang|kurleb|sekitaran|sekitar|kisaran|kira|approx|about|around|negosiasi|nego|jadi|menjadi|ke|harganya|harga|totalnya|total|sebesar|senilai|cuma|hanya|±|\+\/?-)(?:\s*:)?\s*)+/;

/** Reads a rupiah amount typed in chat; see the table in test/unit/parse/money.test.ts. */
export function parseRupiah(input: string, opts?: { max?: number }): ParseResult<number, MoneyError> {
  const prepared = prepare(input);
  if (prepared === null) return fail('not_a_number');
  let s = prepared.replace(/[\s.!?]+$/, '');
  if (s === '') return fail(prepared === '' ? 'empty' : 'not_a_number');
  s = s.replace(/\s*[.,]?\s*[-–—=]+$/, ''); // "1.500.000,-"
  const lead = LEAD_IN.exec(s);
  // A hedge alone ("total", "kira-kira") is no amount.
  if (lead && lead[0].length === s.length) return fail('not_a_number');
  if (lead) s = s.slice(lead[0].length);
  let negative = false;
  for (let round = 0; round < 3; round++) {
    const before = s;
    s = s.replace(/^(?:rp|idr)\.?\s*/, '');
    const sign = /^(?:[-−–]|minus\b)\s*/.exec(s);
    if (sign) {
      negative = true;
      s = s.slice(sign[0].length);
    }
    if (s === before) break;
  }
  s = s.replace(/\s*(?:rupiah|rp|idr)\.?$/, '');
  const tokens = lex(s);
  const value = tokens && tokens.length > 0 ? evaluate(tokens) : null;
  if (value === null) return fail('not_a_number');
  if (negative && value.n > 0n) return fail('negative');
  if (value.n === 0n) return fail('zero');
  if (value.n % value.d !== 0n) return fail('fraction');
  const max = opts?.max ?? DEFAULT_MAX_RUPIAH;
  const limit = Number.isNaN(max) ? DEFAULT_MAX_RUPIAH : Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
  const rupiah = value.n / value.d;
  if (rupiah > BigInt(Math.max(limit, 0))) return fail('too_large');
  return ok(Number(rupiah));
}

const RUPIAH_FORMAT = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, useGrouping: true }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, useGrouping: true }),
};

/** `Rp1.500.000` (id) / `Rp1,500,000` (en): no space and no decimals, as rupiah prices are written. */
export function formatRupiah(n: number, locale: 'id' | 'en'): string {
  const rounded = Math.round(n);
  const body = RUPIAH_FORMAT[locale].format(Math.abs(rounded));
  return rounded < 0 ? `-Rp${body}` : `Rp${body}`;
}

const PER_UNIT = /^(.+?)\s*(?:\/|\bper\b|\btiap\b|\bsetiap\b)\s*(\p{L}[\p{L}\d ]{0,19})$/u;

/**
 * A price per unit ("1.800.000 per truk", "65rb/sak", "Rp 65.000 tiap sak"): the amount and the
 * unit as written (the caller compares units through canonicalUnit). Null for anything else.
 */
export function parseUnitPrice(input: string): { price: number; unit: string } | null {
  const prepared = prepare(input);
  if (!prepared) return null;
  const m = PER_UNIT.exec(prepared.trim());
  if (!m) return null;
  const price = parseRupiah(m[1] ?? '');
  return price.ok ? { price: price.value, unit: (m[2] ?? '').trim() } : null;
}
