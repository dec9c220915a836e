import { type Clock, OffsetClock } from '../../src/clock.js';
import {
  addDays,
  fromLocal,
  type LocalDate,
  type LocalDateTime,
  toLocal,
} from '../../src/domain/time-zone.js';

/**
 * The calendar of the tests. A test never reads the real calendar to decide what to type: it
 * starts the system under test on a clock pinned at `testNow()` and computes every date it types
 * or expects from that clock, in the forms people type (day/month, a day with the month's name
 * and a time, a weekday's name).
 *
 * `TEST_NOW` (an ISO 8601 instant) moves the whole calendar: `npm run test:calendar` runs the
 * calendar-sensitive files at the instants where date bugs hide (CALENDAR_INSTANTS).
 */

/** The test regency's zone (Kabupaten Purwakarta, WIB): the zone a person there types dates in. */
export const TEST_ZONE = 'Asia/Jakarta';

/** Where date bugs hide (today is `npm test` itself, with no TEST_NOW). */
export const CALENDAR_INSTANTS: ReadonlyArray<{ name: string; at: string }> = [
  { name: '31 Dec 23.30 WIB (besok crosses the year)', at: '2026-12-31T16:30:00Z' },
  { name: '1 Jan 03.00 WIB (UTC still in the old year)', at: '2026-12-31T20:00:00Z' },
  { name: '28 Feb 2028 20.00 WIB (besok is the leap day)', at: '2028-02-28T13:00:00Z' },
  { name: '29 Feb 2028 10.00 WIB (the leap day)', at: '2028-02-29T03:00:00Z' },
  { name: 'Friday 11 Dec 2026 19.00 WIB (a weekend ahead)', at: '2026-12-11T12:00:00Z' },
  { name: '05.59 WIB (a minute before quiet hours end)', at: '2026-12-07T22:59:00Z' },
  { name: '06.00 WIB (quiet hours just ended)', at: '2026-12-07T23:00:00Z' },
];

/**
 * One more instant, behind the wall clock on whatever day the suite runs (the runner takes it from
 * the wall clock): a timestamp taken from the database's now() instead of the system's clock (an
 * outbox row's not_before) then waits for real time to catch up.
 */
export const BEHIND_WALL_CLOCK = { name: 'three days behind the wall clock', ms: 3 * 86_400_000 };

/** The instant the tests play at: `TEST_NOW` when set, else the wall clock. */
export function testNow(): Date {
  const raw = process.env.TEST_NOW?.trim();
  if (!raw || raw === 'now') return new Date();
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) {
    throw new Error(`TEST_NOW must be an ISO 8601 instant such as 2026-12-31T16:30:00Z, got "${raw}"`);
  }
  return at;
}

/**
 * A clock for the system under test. Without an argument it starts at `testNow()` itself, any
 * hour of the day; with a time of day (`'22.00'`, WIB) it starts at that hour of `testNow()`'s
 * date — for a scenario that is about the hour (quiet hours at night), not the date.
 */
export function testClock(timeOfDay?: string): OffsetClock {
  const now = testNow();
  return new OffsetClock(timeOfDay ? wibAt(toLocal(now.getTime(), TEST_ZONE), timeOfDay) : now);
}

/** The clock's wall time in the test regency. */
export function localNow(clock: Clock): LocalDateTime {
  return toLocal(clock.now().getTime(), TEST_ZONE);
}

/** The date `days` after the clock's today, in the test regency (0 = today). */
export function dayFromToday(clock: Clock, days: number): LocalDate {
  return addDays(localNow(clock), days);
}

/** The instant a wall clock in the test regency shows `hh.mm` on `date`. */
export function wibAt(date: LocalDate, time: string): Date {
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(time);
  if (!m) throw new Error(`time of day must look like 14.00, got "${time}"`);
  return fromLocal(date, Number(m[1]), Number(m[2]), TEST_ZONE);
}

/** The year a document numbered now takes (the regency's calendar, not UTC's). */
export function localYear(clock: Clock): number {
  return localNow(clock).y;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/**
 * A date as a person types it into the chat, in its common forms. Day and month without a year
 * mean the next such date, so these name dates within the coming year (1–364 days ahead).
 */
export const typed = {
  /** day/month */
  slash: (d: LocalDate): string => `${d.d}/${d.m}`,
  /** the day and the month's short name, and the time when given */
  named: (d: LocalDate, time?: string): string => `${d.d} ${MONTHS[d.m - 1]}${time ? ` ${time}` : ''}`,
  /** the weekday's name — typed on another day, it means the next such weekday (today's name means next week) */
  weekday: (d: LocalDate): string => WEEKDAYS[new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay()] as string,
  /** the time of day of an instant in the test regency, as typed after "jam" (`08.05`) */
  time: (at: Date): string => {
    const l = toLocal(at.getTime(), TEST_ZONE);
    return `${String(l.hour).padStart(2, '0')}.${String(l.minute).padStart(2, '0')}`;
  },
};

/** The instant `minutes` after the clock's now, with the seconds dropped (a time people type). */
export function minutesFromNow(clock: Clock, minutes: number): Date {
  const at = clock.now().getTime() + minutes * 60_000;
  return new Date(at - (at % 60_000));
}

/** `2026-12-31`, the form of the export and feed filters. */
export function isoDay(d: LocalDate): string {
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

/** The date of an instant in the test regency. */
export function localDateOf(at: Date): LocalDate {
  const { y, m, d } = toLocal(at.getTime(), TEST_ZONE);
  return { y, m, d };
}
