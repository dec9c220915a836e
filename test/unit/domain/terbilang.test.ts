import { describe, expect, it } from 'vitest';
import { rupiahInWords, TERBILANG_MAX, terbilang } from '../../../src/domain/terbilang.js';

describe('terbilang', () => {
  it.each<[number, string]>([
    // Units, teens and tens.
    [0, 'nol'],
    [1, 'satu'],
    [2, 'dua'],
    [5, 'lima'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [15, 'lima belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [45, 'empat puluh lima'],
    [99, 'sembilan puluh sembilan'],
    // Hundreds: "seratus", not "satu ratus".
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [112, 'seratus dua belas'],
    [199, 'seratus sembilan puluh sembilan'],
    [200, 'dua ratus'],
    [250, 'dua ratus lima puluh'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    // Thousands: "seribu", not "satu ribu".
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1010, 'seribu sepuluh'],
    [1100, 'seribu seratus'],
    [1999, 'seribu sembilan ratus sembilan puluh sembilan'],
    [2000, 'dua ribu'],
    [10_000, 'sepuluh ribu'],
    [11_000, 'sebelas ribu'],
    [12_500, 'dua belas ribu lima ratus'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [111_111, 'seratus sebelas ribu seratus sebelas'],
    [150_000, 'seratus lima puluh ribu'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    // Millions and up keep "satu": "satu juta", never "sejuta" on a document.
    [1_000_000, 'satu juta'],
    [1_000_001, 'satu juta satu'],
    [1_001_000, 'satu juta seribu'],
    [1_500_000, 'satu juta lima ratus ribu'],
    [2_000_000, 'dua juta'],
    [10_000_000, 'sepuluh juta'],
    [10_250_000, 'sepuluh juta dua ratus lima puluh ribu'],
    [11_000_000, 'sebelas juta'],
    [100_000_000, 'seratus juta'],
    [200_000_000, 'dua ratus juta'],
    [1_000_000_000, 'satu miliar'],
    [1_250_000_000, 'satu miliar dua ratus lima puluh juta'],
    [1_000_000_001, 'satu miliar satu'],
    [1_000_001_000, 'satu miliar seribu'],
    [1_000_000_000_000, 'satu triliun'],
    [1_000_000_001_000, 'satu triliun seribu'],
    [2_500_000_000_000, 'dua triliun lima ratus miliar'],
    [
      123_456_789_012_345,
      'seratus dua puluh tiga triliun empat ratus lima puluh enam miliar tujuh ratus delapan puluh sembilan juta dua belas ribu tiga ratus empat puluh lima',
    ],
    [
      999_999_999_999_999,
      'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
    ],
  ])('%i → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('the maximum is 999 999 999 999 999', () => {
    expect(TERBILANG_MAX).toBe(999_999_999_999_999);
  });

  it.each([
    ['negative', -1],
    ['negative million', -1_000_000],
    ['fraction', 1.5],
    ['tiny fraction', 0.1],
    ['above the max', TERBILANG_MAX + 1],
    ['a kuadriliun', 1e18],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('throws on %s', (_label, n) => {
    expect(() => terbilang(n)).toThrow(RangeError);
  });

  it('never produces doubled or stray spaces', () => {
    for (let n = 0; n <= 20_000; n += 7) {
      const words = terbilang(n);
      expect(words).toBe(words.trim());
      expect(words).not.toMatch(/ {2}/);
      if (n > 0) expect(words).not.toContain('nol');
    }
  });
});

describe('rupiahInWords', () => {
  it.each<[number, string]>([
    [0, 'Nol rupiah'],
    [1, 'Satu rupiah'],
    [1000, 'Seribu rupiah'],
    [100_000, 'Seratus ribu rupiah'],
    [1_500_000, 'Satu juta lima ratus ribu rupiah'],
    [10_250_000, 'Sepuluh juta dua ratus lima puluh ribu rupiah'],
    [200_000_000, 'Dua ratus juta rupiah'],
    [1_000_000_000, 'Satu miliar rupiah'],
  ])('%i → %s', (n, words) => {
    expect(rupiahInWords(n)).toBe(words);
  });

  it.each([-5, 2.5, TERBILANG_MAX + 1])('throws on %d', (n) => {
    expect(() => rupiahInWords(n)).toThrow(RangeError);
  });
});
