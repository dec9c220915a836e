import { FORMAT_NAMES } from './date-words.js';
import { toLocal, zoneLabel } from './tz.js';

export type DateLocale = 'id' | 'en';

function localOf(d: Date, timeZone: string) {
  const t = d.getTime();
  // An invalid Date here is a programming error; Intl would throw a less helpful message.
  if (Number.isNaN(t)) throw new RangeError('formatDate: invalid Date');
  return toLocal(t, timeZone);
}

/** `Rab, 25 Nov 2026` (id) / `Wed, 25 Nov 2026` (en), in the given zone. */
export function formatDate(d: Date, locale: DateLocale, timeZone: string): string {
  const l = localOf(d, timeZone);
  const names = FORMAT_NAMES[locale];
  return `${names.weekdays[l.weekday]}, ${l.d} ${names.months[l.m - 1]} ${l.y}`;
}

/**
 * `Rab, 25 Nov 2026 14.00 WIB` (id) / `Wed, 25 Nov 2026 14:00 WIB` (en). Always 24-hour and always
 * with the zone, because buyer and vendor may live in different zones (WIB/WITA/WIT).
 */
export function formatDateTime(d: Date, locale: DateLocale, timeZone: string): string {
  const l = localOf(d, timeZone);
  const sep = FORMAT_NAMES[locale].timeSeparator;
  const time = `${String(l.hour).padStart(2, '0')}${sep}${String(l.minute).padStart(2, '0')}`;
  return `${formatDate(d, locale, timeZone)} ${time} ${zoneLabel(d.getTime(), timeZone)}`;
}
