import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRupiah, type MoneyError, parseRupiah } from '../../../src/parse/money.js';
import { ADVERSARIAL, chatText } from './arbitraries.js';

const JT = 1_000_000;
const M = 1_000_000_000;

describe('parseRupiah accepts', () => {
  it.each<[string, number]>([
    // The same Rp1.500.000, as people type it.
    ['1,5 juta', 1_500_000],
    ['1.5jt', 1_500_000],
    ['1,5jt', 1_500_000],
    ['Rp1.500.000', 1_500_000],
    ['Rp 1.500.000', 1_500_000],
    ['1.500.000,-', 1_500_000],
    ['1500000', 1_500_000],
    ['1500rb', 1_500_000],
    ['1.500 ribu', 1_500_000],
    ['1,5 JT', 1_500_000],
    ['rp. 1.500.000,00', 1_500_000],
    ['IDR 1500000', 1_500_000],
    ['1 juta 500 ribu', 1_500_000],
    ['1jt500rb', 1_500_000],
    ['Rp1,500,000', 1_500_000],
    ['  Rp 1.500.000,-  ', 1_500_000],
    ['1.500.000 rupiah', 1_500_000],
    ['1,5 juta rupiah', 1_500_000],
    ['Rp1.500.000.', 1_500_000],
    ['RP 1.500.000,--', 1_500_000],
    ['\u202a1.500.000\u202c', 1_500_000],
    ['１．５００．０００', 1_500_000],
    ['satu setengah juta', 1_500_000],
    // "M" is miliar in Indonesian, not million.
    ['2 M', 2 * M],
    ['2M', 2 * M],
    ['2 miliar', 2 * M],
    ['2 milyar', 2 * M],
    ['1,25 M', 1_250_000_000],
    ['2 b', 2 * M],
    ['1 triliun', 1_000_000_000_000],
    ['500 ribu', 500_000],
    ['500rb', 500_000],
    ['500 rb.', 500_000],
    ['500k', 500_000],
    ['500K', 500_000],
    ['seratus ribu', 100_000],
    ['satu juta', JT],
    ['sejuta', JT],
    ['lima ratus ribu', 500_000],
    ['dua ratus lima puluh ribu', 250_000],
    ['dua belas juta', 12 * JT],
    ['sebelas ribu', 11_000],
    ['setengah juta', 500_000],
    ['seribu lima ratus', 1_500],
    ['2 ribu 500', 2_500],
    ['1 juta dan 500 ribu', 1_500_000],
    // Thousands separator vs decimal: three digits after a lone separator are thousands...
    ['1.500', 1_500],
    ['1,500', 1_500],
    ['10.000', 10_000],
    ['Rp 25.000,00', 25_000],
    ['1,500,000.00', 1_500_000],
    // ...except a comma before a multiplier, which is the Indonesian decimal comma.
    ['1,250 juta', 1_250_000],
    ['1.250 juta', 1_250 * JT],
    ['1,2345 jt', 1_234_500],
    ['0,5 jt', 500_000],
    ['999', 999],
    ['1', 1],
  ])('%j → %d', (input, expected) => {
    expect(parseRupiah(input)).toEqual({ ok: true, value: expected });
  });

  it('honours a custom maximum', () => {
    expect(parseRupiah('10 jt', { max: 10 * JT })).toEqual({ ok: true, value: 10 * JT });
    expect(parseRupiah('10.000.001', { max: 10 * JT })).toEqual({ ok: false, error: 'too_large' });
  });
});

describe('parseRupiah reads an amount said with a hedge or a label', () => {
  it.each<[string, number]>([
    ['kira-kira 25 juta', 25 * JT],
    ['kira kira 25jt', 25 * JT],
    ['kurang lebih Rp25.000.000', 25 * JT],
    ['sekitar 25 jt', 25 * JT],
    ['± 25 juta', 25 * JT],
    ['+/- 25jt', 25 * JT],
    ['kisaran Rp 25 juta,-', 25 * JT],
    ['nego jadi 16jt', 16 * JT],
    ['jadi 16 juta', 16 * JT],
    ['nego ke 16.000.000', 16 * JT],
    ['negosiasi jadi Rp16 jt', 16 * JT],
    ['menjadi 16jt', 16 * JT],
    ['harga 5000', 5000],
    ['harga: Rp 5.000', 5000],
    ['total 1,5 juta', 1_500_000],
    ['totalnya sekitar 1,5 jt', 1_500_000],
    ['sebesar 1.500.000 rupiah', 1_500_000],
  ])('%j → %d', (input, value) => {
    expect(parseRupiah(input)).toEqual({ ok: true, value });
  });

  it('reads the same amount with or without any hedge before it', () => {
    const hedges = ['kira-kira', 'sekitar', 'kurang lebih', '±', 'nego jadi', 'harga', 'total'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.constantFrom(...hedges), (n, hedge) => {
        for (const written of [String(n), formatRupiah(n, 'id')]) {
          expect(parseRupiah(`${hedge} ${written}`)).toEqual(parseRupiah(written));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseRupiah rejects', () => {
  it.each<[string, MoneyError]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-5000', 'negative'],
    ['−5.000', 'negative'],
    ['Rp -5.000', 'negative'],
    ['-Rp5.000', 'negative'],
    ['minus 5 ribu', 'negative'],
    ['0', 'zero'],
    ['Rp 0,-', 'zero'],
    ['0 juta', 'zero'],
    ['abc', 'not_a_number'],
    ['Rp', 'not_a_number'],
    ['12 apel', 'not_a_number'],
    // A hedge or a label alone is no amount; a price per unit is refused where a total is asked.
    ['kira-kira', 'not_a_number'],
    ['total', 'not_a_number'],
    ['sekitar Rp', 'not_a_number'],
    ['65rb per sak', 'not_a_number'],
    ['kekurangan 5jt', 'not_a_number'],
    ['1e6', 'not_a_number'],
    ['1.5.6', 'not_a_number'],
    ['1.50.000', 'not_a_number'],
    ['1 500 000', 'not_a_number'],
    ['5000/sak', 'not_a_number'],
    ['dua tiga', 'not_a_number'],
    // After "juta" a bare 500 could be 1.000.500 or (spoken) 1.500.000: ask again instead of guessing.
    ['1 juta 500', 'not_a_number'],
    ['2rb5', 'not_a_number'],
    ['500 ribu 1 juta', 'not_a_number'],
    ['1 juta 1500 ribu', 'not_a_number'],
    ['1.234,5', 'fraction'],
    ['1,5', 'fraction'],
    ['1.5', 'fraction'],
    ['Rp 12.500,50', 'fraction'],
    ['1,500,000.50', 'fraction'],
    ['setengah', 'fraction'],
    ['1,2345678 jt', 'fraction'],
    ['100.000.000.000.000', 'too_large'],
    ['11 triliun', 'too_large'],
    [`${'9'.repeat(150)}`, 'too_large'],
    ['1'.repeat(201), 'not_a_number'],
  ])('%j → %s', (input, error) => {
    expect(parseRupiah(input)).toEqual({ ok: false, error });
  });
});

describe('formatRupiah', () => {
  it.each<[number, 'id' | 'en', string]>([
    [1_500_000, 'id', 'Rp1.500.000'],
    [1_500_000, 'en', 'Rp1,500,000'],
    [500, 'id', 'Rp500'],
    [2 * M, 'id', 'Rp2.000.000.000'],
    [1500.6, 'id', 'Rp1.501'],
    [-5000, 'id', '-Rp5.000'],
    [0, 'en', 'Rp0'],
  ])('%d (%s) → %s', (n, locale, expected) => {
    expect(formatRupiah(n, locale)).toBe(expected);
  });
});

const VOCABULARY = [
  '1',
  '5',
  '0',
  '9',
  '.',
  ',',
  ' ',
  '-',
  'rp',
  'idr',
  'jt',
  'rb',
  'juta',
  'ribu',
  'm',
  'k',
];
const ERRORS = new Set(['empty', 'not_a_number', 'negative', 'zero', 'fraction', 'too_large']);

describe('parseRupiah properties', () => {
  it('never throws and returns a positive integer within the maximum, or a known error', () => {
    fc.assert(
      fc.property(chatText([...VOCABULARY, 'setengah', 'satu', 'ratus', 'belas']), (input) => {
        const r = parseRupiah(input);
        if (r.ok) {
          expect(Number.isSafeInteger(r.value)).toBe(true);
          expect(r.value).toBeGreaterThan(0);
          expect(r.value).toBeLessThanOrEqual(1e13);
        } else {
          expect(ERRORS.has(r.error)).toBe(true);
        }
      }),
    );
  });

  it('reads back what formatRupiah writes, in both locales', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e12 }),
        fc.constantFrom('id' as const, 'en' as const),
        (n, loc) => {
          expect(parseRupiah(formatRupiah(n, loc))).toEqual({ ok: true, value: n });
        },
      ),
    );
  });

  it('stays fast on hostile 100 KB input', () => {
    const started = performance.now();
    for (const input of ADVERSARIAL) expect(parseRupiah(input).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
