/**
 * Wall-clock arithmetic in an IANA time zone using only Intl, so any zone works (including ones with
 * DST, for deployments outside Indonesia) without a time-zone library.
 */

export interface LocalDate {
  y: number;
  m: number; // 1-12
  d: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday (Minggu)
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: that is a configuration error, not a user error.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function toLocal(instant: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const local = {
    y: parts.year ?? 1970,
    m: parts.month ?? 1,
    d: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
  return { ...local, weekday: weekdayOf(local) };
}

/** Minutes to add to UTC to get the zone's wall clock at that instant (+420 for WIB). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  const wall = Date.UTC(l.y, l.m - 1, l.d, l.hour, l.minute, l.second);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the zone's wall clock shows the given time. Probing the offset twice settles
 * DST transitions: a skipped wall time resolves to the later offset, a repeated one to the earlier.
 */
export function fromLocal(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(date.y, date.m - 1, date.d, hour, minute);
  const first = offsetMinutes(wall, timeZone);
  let instant = wall - first * 60_000;
  const second = offsetMinutes(instant, timeZone);
  if (second !== first) instant = wall - second * 60_000;
  return new Date(instant);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Same day next month(s), clamped: 31 Jan + 1 month = 28/29 Feb. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

// Indonesian zone names; WIB also covers Pontianak and WITA the old Ujung Pandang alias.
const ABBREVIATIONS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const ZONES_BY_ABBREVIATION: Record<string, string> = {
  wib: 'Asia/Jakarta',
  wita: 'Asia/Makassar',
  wit: 'Asia/Jayapura',
};

/** `WIB`/`WITA`/`WIT` for Indonesian zones, else the offset at that instant (`UTC+5:30`, `UTC`). */
export function zoneLabel(instant: number, timeZone: string): string {
  const abbreviation = ABBREVIATIONS[timeZone];
  if (abbreviation) return abbreviation;
  const offset = offsetMinutes(instant, timeZone);
  if (offset === 0) return 'UTC';
  const abs = Math.abs(offset);
  const minutes = abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`;
  return `UTC${offset < 0 ? '-' : '+'}${Math.floor(abs / 60)}${minutes}`;
}

/**
 * Zone named in the text (as printed by `zoneLabel`): `wib`, `wita`, `wit`, `utc+7`. Whole-hour
 * offsets map to the IANA `Etc/GMT∓h` zones (note the inverted sign); others are not recognised.
 */
export function zoneFromLabel(label: string): string | null {
  const named = ZONES_BY_ABBREVIATION[label];
  if (named) return named;
  const m = /^(?:utc|gmt)(?:([+-])(\d{1,2})(?::?00)?)?$/.exec(label);
  if (!m) return null;
  const hours = Number(m[2] ?? 0);
  if (hours === 0) return 'UTC';
  if (hours > 14 || (m[1] === '-' && hours > 12)) return null;
  return `Etc/GMT${m[1] === '+' ? '-' : '+'}${hours}`;
}
