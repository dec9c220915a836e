import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, type QuantityError } from '../../../src/parse/quantity.js';
import { ADVERSARIAL, chatText } from './arbitraries.js';

describe('parseQuantity accepts', () => {
  it.each<[string, number, string | null]>([
    ['50 sak', 50, 'sak'],
    ['50sak', 50, 'sak'],
    ['50 Zak', 50, 'sak'],
    ['2,5 m3', 2.5, 'm3'],
    ['2.5 m³', 2.5, 'm3'],
    ['2,5m3', 2.5, 'm3'],
    ['3 kubik', 3, 'm3'],
    ['5 meter kubik', 5, 'm3'],
    ['7 m²', 7, 'm2'],
    ['10 dus', 10, 'dus'],
    ['10 kardus', 10, 'dus'],
    ['4 karton', 4, 'dus'],
    ['1.000 batang', 1000, 'batang'],
    ['1.500.000 lembar', 1_500_000, 'lembar'],
    ['20 lbr', 20, 'lembar'],
    ['3 unit', 3, 'unit'],
    ['100 kg', 100, 'kg'],
    ['100 Kilo', 100, 'kg'],
    ['2 kilogram', 2, 'kg'],
    ['5 liter', 5, 'liter'],
    ['5 ltr', 5, 'liter'],
    ['5 ltr.', 5, 'liter'],
    ['5 L', 5, 'liter'],
    ['20 pcs', 20, 'pcs'],
    ['1 pc', 1, 'pcs'],
    ['6 bh', 6, 'buah'],
    ['1 set', 1, 'set'],
    ['2 rim', 2, 'rim'],
    ['4 org', 4, 'orang'],
    ['10 hari', 10, 'hari'],
    ['1 paket', 1, 'paket'],
    ['1 LS', 1, 'ls'],
    ['1 lumpsum', 1, 'ls'],
    ['12', 12, null],
    ['12.', 12, null],
    ['１２ kg', 12, 'kg'],
    ['setengah kg', 0.5, 'kg'],
    ['1/2 kg', 0.5, 'kg'],
    ['dua sak', 2, 'sak'],
    // Comma is the decimal comma for quantities, even before three digits.
    ['1,500 kg', 1.5, 'kg'],
    ['1.250,5 kg', 1250.5, 'kg'],
    // Unknown units are kept as written (lowercased).
    ['12 Apel', 12, 'apel'],
    ['50 sak semen', 50, 'sak semen'],
    ['3 tiang listrik', 3, 'tiang listrik'],
  ])('%j → %d %s', (input, amount, unit) => {
    expect(parseQuantity(input)).toEqual({ ok: true, value: { amount, unit } });
  });
});

describe('parseQuantity reads a number said in words, with its unit', () => {
  it.each<[string, number, string | null]>([
    ['seratus batang', 100, 'batang'],
    ['dua puluh lima sak', 25, 'sak'],
    ['seribu buah', 1000, 'buah'],
    ['lima belas m3', 15, 'm3'],
    ['tiga ratus lembar', 300, 'lembar'],
    ['dua ratus lima puluh kg', 250, 'kg'],
    ['satu setengah meter', 1.5, 'm'],
    ['empat puluh dua', 42, null],
    ['Seratus Lima Puluh Batang', 150, 'batang'],
  ])('%j → %d %s', (input, amount, unit) => {
    expect(parseQuantity(input)).toEqual({ ok: true, value: { amount, unit } });
  });

  // "dua ribu lima" is 2.500 as often as 2.005 in speech, so a thousand followed by less than a
  // hundred is asked again, like "2rb5" (see the money table); every other count is read.
  it('reads the words of any count up to a million as its digits', () => {
    const ones = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
    const below100 = (n: number): string => {
      if (n < 10) return ones[n] as string;
      if (n === 10) return 'sepuluh';
      if (n === 11) return 'sebelas';
      if (n < 20) return `${ones[n - 10]} belas`;
      return `${ones[Math.floor(n / 10)]} puluh ${ones[n % 10]}`.trim();
    };
    const below1000 = (n: number): string => {
      const h = Math.floor(n / 100);
      const head = h === 0 ? '' : h === 1 ? 'seratus' : `${ones[h]} ratus`;
      return `${head} ${below100(n % 100)}`.trim();
    };
    const words = (n: number): string => {
      const th = Math.floor(n / 1000);
      const head = th === 0 ? '' : th === 1 ? 'seribu' : `${below1000(th)} ribu`;
      return `${head} ${below1000(n % 1000)}`.trim();
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }).filter((n) => n < 1000 || n % 1000 === 0 || n % 1000 >= 100),
        (n) => {
          expect(parseQuantity(`${words(n)} sak`)).toEqual({ ok: true, value: { amount: n, unit: 'sak' } });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseQuantity rejects', () => {
  it.each<[string, QuantityError]>([
    ['', 'empty'],
    [' ', 'empty'],
    ['abc', 'not_a_number'],
    ['sak', 'not_a_number'],
    ['12 13', 'not_a_number'],
    ['1e10', 'not_a_number'],
    ['1.00.0 kg', 'not_a_number'],
    ['5 satuanyangsangatpanjangsekali', 'not_a_number'],
    ['5 kg 😀', 'not_a_number'],
    ['1/0 kg', 'not_a_number'],
    ['-5 kg', 'negative'],
    ['−5', 'negative'],
    ['0', 'zero'],
    ['0 kg', 'zero'],
    ['0,0 m3', 'zero'],
    ['2000000000', 'too_large'],
    ['1.000.000.001 pcs', 'too_large'],
    ['9'.repeat(150), 'too_large'],
    ['1'.repeat(201), 'not_a_number'],
  ])('%j → %s', (input, error) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error });
  });
});

const VOCABULARY = ['1', '2', '0', '5', '.', ',', '/', ' ', '-', 'kg', 'sak', 'm3', 'm³', 'setengah', 'x'];
const ERRORS = new Set(['empty', 'not_a_number', 'zero', 'negative', 'too_large']);

describe('parseQuantity properties', () => {
  it('never throws and returns a positive bounded amount with a short unit, or a known error', () => {
    fc.assert(
      fc.property(chatText(VOCABULARY), (input) => {
        const r = parseQuantity(input);
        if (r.ok) {
          expect(Number.isFinite(r.value.amount)).toBe(true);
          expect(r.value.amount).toBeGreaterThan(0);
          expect(r.value.amount).toBeLessThanOrEqual(1e9);
          if (r.value.unit !== null) expect(r.value.unit.length).toBeLessThanOrEqual(20);
        } else {
          expect(ERRORS.has(r.error)).toBe(true);
        }
      }),
    );
  });

  it('reads any whole amount with a unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.constantFrom('kg', 'sak', 'm3', 'liter'),
        (n, unit) => {
          expect(parseQuantity(`${n} ${unit}`)).toEqual({ ok: true, value: { amount: n, unit } });
        },
      ),
    );
  });

  it('stays fast on hostile 100 KB input', () => {
    const started = performance.now();
    for (const input of ADVERSARIAL) expect(parseQuantity(input).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
