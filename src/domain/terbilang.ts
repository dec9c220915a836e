/**
 * Amounts in Indonesian words, as written on a surat pesanan, a kuitansi or a BAST next to the
 * figure ("terbilang: satu juta lima ratus ribu rupiah").
 */

/** Up to the triliun group; past it the words (kuadriliun) are no longer in everyday use. */
export const TERBILANG_MAX = 999_999_999_999_999;

const UNITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const GROUPS = ['', 'ribu', 'juta', 'miliar', 'triliun'];

function unit(d: number): string {
  return UNITS[d] ?? '';
}

/** 1..999; the "se-" forms (sepuluh, sebelas, seratus) replace "satu" before these words. */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(unit(hundreds), 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(unit(rest % 10), 'belas');
  else {
    const tens = Math.floor(rest / 10);
    if (tens >= 2) words.push(unit(tens), 'puluh');
    if (rest % 10 > 0) words.push(unit(rest % 10));
  }
  return words;
}

function assertAmount(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`terbilang needs a whole number, got ${n}`);
  if (n < 0) throw new RangeError(`terbilang needs a number ≥ 0, got ${n}`);
  if (n > TERBILANG_MAX) throw new RangeError(`terbilang goes up to ${TERBILANG_MAX}, got ${n}`);
}

export function terbilang(n: number): string {
  assertAmount(n);
  if (n === 0) return 'nol';
  const words: string[] = [];
  let rest = n;
  for (let g = GROUPS.length - 1; g >= 0; g--) {
    const size = 1000 ** g;
    const group = Math.floor(rest / size);
    rest %= size;
    if (group === 0) continue;
    // Only the thousands take the prefix: "seribu", but "satu juta", "satu miliar".
    if (g === 1 && group === 1) words.push('seribu');
    else words.push(...belowThousand(group), GROUPS[g] ?? '');
  }
  return words.filter((w) => w !== '').join(' ');
}

/** "Satu juta lima ratus ribu rupiah". */
export function rupiahInWords(n: number): string {
  const words = terbilang(n);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} rupiah`;
}
