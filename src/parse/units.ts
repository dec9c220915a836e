/**
 * Unit spellings seen in village procurement chats, mapped to one canonical lowercase form so that
 * offers for "50 zak" and "50 sak" compare. Keys are already NFKC-normalised (`m³` arrives as `m3`).
 */
const ALIASES: Record<string, readonly string[]> = {
  kg: ['kg', 'kgs', 'kilo', 'kilogram', 'kilogramm'],
  gram: ['gram', 'gr', 'g', 'grm'],
  ons: ['ons'],
  ton: ['ton', 'tons', 'tonne'],
  kuintal: ['kuintal', 'kwintal', 'kw'],
  liter: ['liter', 'litre', 'ltr', 'lt', 'l'],
  ml: ['ml', 'mililiter'],
  m3: ['m3', 'm^3', 'kubik', 'kubikasi', 'meter kubik', 'm kubik', 'mtr3', 'cbm'],
  m2: ['m2', 'm^2', 'meter persegi', 'm persegi', 'mtr2'],
  m: ['m', 'meter', 'mtr', 'meteran'],
  cm: ['cm', 'centimeter', 'senti'],
  mm: ['mm', 'milimeter'],
  km: ['km', 'kilometer'],
  buah: ['buah', 'bh', 'bua'],
  pcs: ['pcs', 'pc', 'piece', 'pieces', 'psc'],
  unit: ['unit', 'unt', 'units'],
  set: ['set', 'sets', 'stel'],
  dus: ['dus', 'dos', 'kardus', 'karton', 'doos'],
  sak: ['sak', 'zak', 'sack'],
  karung: ['karung', 'krg'],
  lembar: ['lembar', 'lbr', 'lb', 'helai'],
  batang: ['batang', 'btg', 'btng'],
  biji: ['biji', 'bj'],
  botol: ['botol', 'btl'],
  kaleng: ['kaleng', 'klg'],
  rim: ['rim', 'rims'],
  lusin: ['lusin', 'lsn'],
  pasang: ['pasang', 'psg'],
  roll: ['roll', 'rol', 'gulung', 'gulungan'],
  ikat: ['ikat'],
  ekor: ['ekor', 'ekr'],
  rit: ['rit', 'ret'],
  titik: ['titik', 'ttk'],
  orang: ['orang', 'org', 'person', 'people'],
  oh: ['oh', 'orang hari', 'hok'],
  hari: ['hari', 'hr', 'day', 'days'],
  minggu: ['minggu', 'mgg', 'week', 'weeks'],
  bulan: ['bulan', 'bln', 'month', 'months'],
  paket: ['paket', 'pkt', 'package'],
  ls: ['ls', 'lumpsum', 'lump sum', 'lumsum'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, spellings] of Object.entries(ALIASES)) {
  for (const s of spellings) CANONICAL.set(s, canonical);
}

export const MAX_UNIT_CHARS = 20;

// Unknown units are words ("batang besi", "kg/m"); digits only occur in known ones like "m3", which
// keeps "1e10" from reading as 1 of unit "e10".
const UNIT_SHAPE = /^\p{L}[\p{L} ./-]*$/u;

/** Canonical unit, the word itself for unknown units, or null when it cannot be a unit. */
export function canonicalUnit(raw: string): string | null {
  const unit = raw.trim().replace(/\.$/, '');
  const known = CANONICAL.get(unit) ?? CANONICAL.get(unit.replace(/ /g, ''));
  if (known) return known;
  return unit.length <= MAX_UNIT_CHARS && UNIT_SHAPE.test(unit) ? unit : null;
}
