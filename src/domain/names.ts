/** "BOJONG TIMUR" → "Bojong Timur": official area names are upper case, chats read better without. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-(/.])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** "KABUPATEN PURWAKARTA" → "Kab. Purwakarta"; "KOTA BANDUNG" → "Kota Bandung". */
export function formatRegencyName(name: string): string {
  const t = titleCase(name);
  return t.startsWith('Kabupaten ') ? `Kab. ${t.slice('Kabupaten '.length)}` : t;
}
