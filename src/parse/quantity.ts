import { wordsNumber } from './money.js';
import { fail, ok, type ParseResult } from './result.js';
import { prepare } from './text.js';
import { canonicalUnit } from './units.js';

export type QuantityError = 'empty' | 'not_a_number' | 'zero' | 'negative' | 'too_large';

export interface Quantity {
  amount: number;
  unit: string | null;
}

export const MAX_QUANTITY = 1e9;

// Number words are read by wordsNumber (shared with money); a quarter only counts things.
const QUARTER = 'seperempat';

// Bounded input (≤ 200 chars) and no nested quantifiers, so these cannot backtrack badly.
const NUMERIC = /^(\d+(?:[.,]\d+)*(?:\/\d+)?) ?(.*)$/;

/**
 * Quantities are not money: "2,5 m3" is a real decimal, so a comma is always the Indonesian decimal
 * comma. A dot followed by exactly three digits is a thousands separator ("1.000 batang"), any other
 * dot is a decimal point ("2.5 m³"). Returns null for malformed groupings such as "1.00.0".
 */
function amountOf(text: string): number | null {
  const [whole, denominator] = text.split('/');
  if (denominator !== undefined) {
    const d = Number(denominator);
    return /^\d+$/.test(whole!) && d > 0 ? Number(whole) / d : null;
  }
  const groups = whole!.split(/[.,]/);
  const seps = whole!.replace(/\d/g, '');
  if (seps.length === 0) return Number(whole);
  const grouped = (parts: string[]) =>
    (parts[0]?.length ?? 0) <= 3 && parts[0] !== '0' && parts.slice(1).every((g) => g.length === 3);
  const last = seps.at(-1)!;
  let intPart: string[];
  let frac = '';
  if (seps.length === 1) {
    const thousands = last === '.' && grouped(groups);
    intPart = thousands ? groups : [groups[0]!];
    frac = thousands ? '' : groups[1]!;
  } else if ([...seps].every((c) => c === '.')) {
    if (!grouped(groups)) return null;
    intPart = groups;
  } else {
    if (seps.slice(0, -1).includes(last) || !grouped(groups.slice(0, -1))) return null;
    intPart = groups.slice(0, -1);
    frac = groups.at(-1)!;
  }
  return Number(`${intPart.join('')}.${frac || '0'}`);
}

/** Reads "50 sak", "2,5 m3", "1.000 batang", "12"; see test/unit/parse/quantity.test.ts. */
export function parseQuantity(input: string): ParseResult<Quantity, QuantityError> {
  const prepared = prepare(input);
  if (prepared === null) return fail('not_a_number');
  if (prepared === '') return fail('empty');
  let s = prepared.replace(/[\s!?]+$/, '');
  const negative = /^[-−–] ?/.exec(s);
  if (negative) s = s.slice(negative[0].length);

  let amount: number | null = null;
  let rest = '';
  const numeric = NUMERIC.exec(s);
  if (numeric) {
    amount = amountOf(numeric[1]!);
    rest = numeric[2] ?? '';
  } else {
    // "seratus batang", "dua puluh lima sak": the longest run of number words, then the unit.
    const words = s.split(' ');
    for (let k = Math.min(words.length, 16); k >= 1; k--) {
      const n = k === 1 && words[0] === QUARTER ? 0.25 : wordsNumber(words.slice(0, k).join(' '));
      if (n === null) continue;
      amount = n;
      rest = words.slice(k).join(' ');
      break;
    }
  }
  if (amount === null || !Number.isFinite(amount)) return fail('not_a_number');
  rest = rest.replace(/[.,]+$/, '').trim();
  const unit = rest === '' ? null : canonicalUnit(rest);
  if (rest !== '' && unit === null) return fail('not_a_number');
  if (negative && amount > 0) return fail('negative');
  if (amount === 0) return fail('zero');
  if (amount > MAX_QUANTITY) return fail('too_large');
  return ok({ amount, unit });
}
