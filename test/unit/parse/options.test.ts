import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChoiceOption, matchOption, type OptionMatch } from '../../../src/parse/options.js';
import { levenshtein, normalize, similarity } from '../../../src/parse/text.js';
import { ADVERSARIAL, chatText } from './arbitraries.js';

const MATERIALS: ChoiceOption[] = [
  { id: 'semen', label: 'Semen', aliases: ['cement'] },
  { id: 'pasir_urug', label: 'Pasir Urug' },
  { id: 'pasir_beton', label: 'Pasir Beton' },
  { id: 'batu', label: 'Batu Split' },
  { id: 'bata', label: 'Bata Merah', aliases: ['batu bata'] },
  { id: 'besi', label: 'Besi Beton' },
];

describe('matchOption', () => {
  it.each<[string, OptionMatch]>([
    // The number shown next to the option.
    ['1', { id: 'semen' }],
    ['1.', { id: 'semen' }],
    [' 2 ', { id: 'pasir_urug' }],
    ['no 2', { id: 'pasir_urug' }],
    ['No. 3', { id: 'pasir_beton' }],
    ['nomor 4', { id: 'batu' }],
    ['#5', { id: 'bata' }],
    ['(6)', { id: 'besi' }],
    ['pilih 1', { id: 'semen' }],
    ['７', null],
    ['0', null],
    ['99', null],
    // id, label, alias; case, spacing and punctuation do not matter.
    ['semen', { id: 'semen' }],
    ['SEMEN!', { id: 'semen' }],
    ['Cement', { id: 'semen' }],
    ['pasir_beton', { id: 'pasir_beton' }],
    ['Pasir Urug', { id: 'pasir_urug' }],
    ['pasirurug', { id: 'pasir_urug' }],
    ['pasir-urug', { id: 'pasir_urug' }],
    ['batu bata', { id: 'bata' }],
    // "batu" is an id, so it wins over being a prefix of "batu bata".
    ['batu', { id: 'batu' }],
    // Number words.
    ['dua', { id: 'pasir_urug' }],
    ['yang kedua', { id: 'pasir_urug' }],
    // Unique prefix of three or more characters.
    ['sem', { id: 'semen' }],
    ['bes', { id: 'besi' }],
    ['pasir b', { id: 'pasir_beton' }],
    ['pasir', { ambiguous: ['pasir_urug', 'pasir_beton'] }],
    ['bat', { ambiguous: ['batu', 'bata'] }],
    ['se', null],
    // Typos: one for labels up to six characters, two beyond.
    ['semn', { id: 'semen' }],
    ['semeen', { id: 'semen' }],
    ['psir urug', { id: 'pasir_urug' }],
    ['pasir urk', { id: 'pasir_urug' }],
    ['besi betn', { id: 'besi' }],
    ['smn', null],
    ['kayu', null],
    ['', null],
    ['   ', null],
    ['!!!', null],
  ])('%j → %o', (input, expected) => {
    expect(matchOption(input, MATERIALS)).toEqual(expected);
  });

  it('reports a typo that fits several options as ambiguous', () => {
    const coffee = [
      { id: 'kopi', label: 'Kopi' },
      { id: 'kapi', label: 'Kapi' },
    ];
    expect(matchOption('kupi', coffee)).toEqual({ ambiguous: ['kopi', 'kapi'] });
  });

  it('matches numeric labels exactly when the number is out of range', () => {
    const years = [
      { id: 'y2026', label: '2026' },
      { id: 'y2027', label: '2027' },
    ];
    expect(matchOption('2027', years)).toEqual({ id: 'y2027' });
    expect(matchOption('2', years)).toEqual({ id: 'y2027' });
  });

  it('handles no options and giant input', () => {
    expect(matchOption('1', [])).toBeNull();
    expect(matchOption('semen'.repeat(20_000), MATERIALS)).toBeNull();
  });
});

describe('matchOption reads what people type for an option', () => {
  const MODE = [
    { id: 'items', label: 'Harga per barang' },
    { id: 'total', label: 'Satu harga total' },
  ];
  const KECAMATAN = [
    { id: 'plered', label: 'Plered' },
    { id: 'bojong', label: 'Bojong' },
    { id: 'babakancikao', label: 'Babakancikao' },
    { id: 'sukatani', label: 'Sukatani' },
    { id: 'wanayasa', label: 'Wanayasa' },
  ];
  const RATING = [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: '⭐'.repeat(n) }));

  it.each<[string, typeof MODE, string]>([
    // Whole words from inside a label.
    ['per barang', MODE, 'items'],
    ['Per barang saja', MODE, 'items'],
    ['harga total', MODE, 'total'],
    ['total', MODE, 'total'],
    ['satu harga', MODE, 'total'],
    // A place with its administrative word.
    ['kec. plered', KECAMATAN, 'plered'],
    ['Kecamatan Bojong', KECAMATAN, 'bojong'],
    ['kec sukatani', KECAMATAN, 'sukatani'],
    ['KEC. WANAYASA', KECAMATAN, 'wanayasa'],
    ['kecamatan babakan', KECAMATAN, 'babakancikao'],
    ['kab. plerd', KECAMATAN, 'plered'],
    // A rating in words.
    ['bintang 5', RATING, '5'],
    ['5 bintang', RATING, '5'],
    ['Bintang 4', RATING, '4'],
    ['3 bintang.', RATING, '3'],
    ['1 star', RATING, '1'],
  ])('%j → %s', (input, options, id) => {
    expect(matchOption(input, options)).toEqual({ id });
  });

  it('still refuses what is in no label', () => {
    expect(matchOption('per truk', MODE)).toBeNull();
    expect(matchOption('kec. karawang', KECAMATAN)).toBeNull();
    expect(matchOption('bintang 6', RATING)).toBeNull();
  });
});

describe('text helpers', () => {
  it.each<[string, string]>([
    ['  Ya!  ', 'ya'],
    ['ＡＢＣ', 'abc'],
    ['\u202a0812\u202c', '0812'],
    ['  banyak   spasi\t\n di  sini ', 'banyak spasi di sini'],
    ['"Semen Gresik."', 'semen gresik'],
    ['-5000', '-5000'],
    ['m³', 'm3'],
    ['(1)', '1'],
  ])('normalize(%j) → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it.each<[string, string, number | undefined, number]>([
    ['kitten', 'sitting', undefined, 3],
    ['kitten', 'sitting', 1, 2],
    ['', 'abc', undefined, 3],
    ['abc', 'abc', 0, 0],
    ['👍', '👎', undefined, 1],
    ['semen', 'semn', 1, 1],
    ['bojnog', 'bojong', undefined, 1],
    ['ab', 'ba', 1, 1],
    ['a'.repeat(50_000), 'b'.repeat(50_000), 2, 3],
  ])('levenshtein(%j, %j, %s) → %d', (a, b, max, expected) => {
    expect(levenshtein(a, b, max)).toBe(expected);
  });

  it('similarity is 1 for equal strings and 0 for disjoint ones', () => {
    expect(similarity('semen', 'semen')).toBe(1);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('semen', 'semn')).toBeCloseTo(0.8);
  });
});

describe('matchOption and levenshtein properties', () => {
  const ids = new Set(MATERIALS.map((o) => o.id));

  it('never throws and only returns ids of the given options', () => {
    fc.assert(
      fc.property(chatText(['semen', 'pasir', 'bat', ' ', '1', 'no ', '.', 'x']), (input) => {
        const m = matchOption(input, MATERIALS);
        if (m && 'id' in m) expect(ids.has(m.id)).toBe(true);
        if (m && 'ambiguous' in m) {
          expect(m.ambiguous.length).toBeGreaterThan(1);
          for (const id of m.ambiguous) expect(ids.has(id)).toBe(true);
        }
      }),
    );
  });

  it('always honours the number shown', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MATERIALS.length }), (n) => {
        expect(matchOption(`${n}`, MATERIALS)).toEqual({ id: MATERIALS[n - 1]!.id });
      }),
    );
  });

  it('the banded distance agrees with the full one', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const full = levenshtein(a, b);
        expect(full).toBe(levenshtein(b, a));
        expect(levenshtein(a, b, max)).toBe(Math.min(full, max + 1));
      }),
    );
  });

  it('stays fast on hostile 100 KB input', () => {
    const started = performance.now();
    for (const input of ADVERSARIAL) expect(matchOption(input, MATERIALS)).toBeNull();
    expect(performance.now() - started).toBeLessThan(250);
  });
});
