import { describe, expect, it } from 'vitest';
import {
  bastNumber,
  DOCUMENT_PREFIX,
  documentYear,
  needNumber,
  orderNumber,
  parseRowId,
} from '../../../src/domain/numbers.js';

type Format = (regencyCode: string, year: number, seq: number) => string;

const FORMATS: Array<[string, Format]> = [
  ['needNumber', needNumber],
  ['orderNumber', orderNumber],
  ['bastNumber', bastNumber],
];

describe('document numbers', () => {
  it.each<[string, Format, string, number, number, string]>([
    ['need', needNumber, '32.14', 2026, 42, 'PD-3214-2026-0042'],
    ['need', needNumber, '32.14', 2026, 1, 'PD-3214-2026-0001'],
    ['need', needNumber, '32.14', 2026, 9999, 'PD-3214-2026-9999'],
    ['need', needNumber, '32.14', 2026, 10_000, 'PD-3214-2026-10000'],
    ['need', needNumber, '32.14', 2026, 123_456, 'PD-3214-2026-123456'],
    ['need', needNumber, '33.24', 2027, 5, 'PD-3324-2027-0005'],
    ['order', orderNumber, '32.14', 2026, 7, 'SP-3214-2026-0007'],
    ['order', orderNumber, '32.14', 2026, 10_001, 'SP-3214-2026-10001'],
    ['order', orderNumber, '11.01', 2025, 300, 'SP-1101-2025-0300'],
    ['bast', bastNumber, '32.14', 2026, 3, 'BAST-3214-2026-0003'],
    ['bast', bastNumber, '32.14', 2026, 1000, 'BAST-3214-2026-1000'],
    ['bast', bastNumber, '94.71', 2030, 99_999, 'BAST-9471-2030-99999'],
  ])('%s %s %i #%i → %s', (_kind, format, regency, year, seq, expected) => {
    expect(format(regency, year, seq)).toBe(expected);
  });

  it('prefixes are the document names of PRODUCT.md', () => {
    expect(DOCUMENT_PREFIX).toEqual({ need: 'PD', order: 'SP', bast: 'BAST' });
  });

  it.each(FORMATS)('%s sorts as text within 4 digits', (_name, format) => {
    const numbers = [1, 2, 10, 99, 100, 999, 1000, 9999].map((seq) => format('32.14', 2026, seq));
    expect([...numbers].sort()).toEqual(numbers);
  });

  const INVALID: Array<[string, string, number, number]> = [
    ['a regency code without the dot', '3214', 2026, 1],
    ['a province code', '32', 2026, 1],
    ['a district code', '32.14.01', 2026, 1],
    ['an empty regency code', '', 2026, 1],
    ['letters in the regency code', 'ab.cd', 2026, 1],
    ['a two-digit year', '32.14', 26, 1],
    ['a five-digit year', '32.14', 20_260, 1],
    ['a fractional year', '32.14', 2026.5, 1],
    ['sequence zero', '32.14', 2026, 0],
    ['a negative sequence', '32.14', 2026, -1],
    ['a fractional sequence', '32.14', 2026, 1.5],
    ['a NaN sequence', '32.14', 2026, Number.NaN],
  ];

  it.each(
    FORMATS.flatMap(([name, format]) =>
      INVALID.map(([label, r, y, s]) => [name, label, format, r, y, s] as const),
    ),
  )('%s refuses %s', (_name, _label, format, regency, year, seq) => {
    expect(() => format(regency, year, seq)).toThrow(RangeError);
  });
});

describe('row ids from URLs and forms', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['0042', 42],
    ['2147483647', 2_147_483_647],
  ])('%s is id %d', (text, id) => {
    expect(parseRowId(text)).toBe(id);
  });

  it.each([
    ['', 'empty'],
    ['0', 'zero'],
    ['-1', 'negative'],
    ['1.5', 'a fraction'],
    ['1e3', 'an exponent'],
    [' 7', 'a space'],
    ['2147483648', 'beyond an integer column'],
    ['99999999999999999999999', 'beyond any number'],
    ['٣', 'Arabic-Indic digits'],
    ['7\u0000', 'NUL'],
  ])('%j is no id (%s)', (text) => {
    expect(parseRowId(text)).toBeNull();
  });

  it('no value is no id', () => {
    expect(parseRowId(undefined)).toBeNull();
    expect(parseRowId(null)).toBeNull();
  });
});

describe('the year a document carries', () => {
  it.each<[string, string, string, number]>([
    ['31 Dec 23.30 WIB', '2026-12-31T16:30:00Z', 'Asia/Jakarta', 2026],
    ['1 Jan 00.00 WIB, UTC still on 31 Dec', '2026-12-31T17:00:00Z', 'Asia/Jakarta', 2027],
    ['1 Jan 03.00 WIB, UTC still on 31 Dec', '2026-12-31T20:00:00Z', 'Asia/Jakarta', 2027],
    ['1 Jan 00.30 WIT, UTC still on 31 Dec', '2026-12-31T15:30:00Z', 'Asia/Jayapura', 2027],
    ['31 Dec 23.59 WITA', '2026-12-31T15:59:00Z', 'Asia/Makassar', 2026],
    ['29 Feb 2028 10.00 WIB', '2028-02-29T03:00:00Z', 'Asia/Jakarta', 2028],
  ])('%s is %s in the regency', (_, at, zone, year) => {
    expect(documentYear(new Date(at), zone)).toBe(year);
  });
});
