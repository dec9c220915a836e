import { toLocal } from './time-zone.js';
/**
 * Nobody is pinged at night: an alert due inside a vendor's quiet hours waits for the end of
 * them, on the vendor's own wall clock. Only Intl is used, so any IANA zone works, including
 * zones with daylight saving time for deployments outside Indonesia.
 */

export interface QuietHours {
  /** Minutes after local midnight, 0..1439. A window with start > end wraps past midnight. */
  startMinute: number;
  endMinute: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** The zone's wall clock at `instant`, as milliseconds of a UTC date showing the same reading. */
function wallClock(instant: number, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  const seconds = Date.UTC(l.y, l.m - 1, l.d, l.hour, l.minute, l.second);
  return seconds + (((instant % SECOND) + SECOND) % SECOND);
}

function isQuiet(minuteOfDay: number, q: QuietHours): boolean {
  if (q.startMinute === q.endMinute) return false;
  if (q.startMinute < q.endMinute) return minuteOfDay >= q.startMinute && minuteOfDay < q.endMinute;
  return minuteOfDay >= q.startMinute || minuteOfDay < q.endMinute;
}

function assertMinute(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= 24 * 60) {
    throw new RangeError(`${name} must be a whole minute of the day (0..1439), got ${value}`);
  }
}

/**
 * The first instant after `after` whose wall clock reads `wall`. Every offset the zone uses
 * around that day is tried, so a wall time that occurs twice (clocks set back) resolves to the
 * occurrence still ahead; one that never occurs (clocks set forward) resolves to the moment the
 * clocks jump past it, found by bisection.
 */
function instantAtWall(wall: number, after: number, timeZone: string): number {
  const offsets = new Set([-DAY, 0, DAY].map((d) => wallClock(wall + d, timeZone) - (wall + d)));
  const candidates = [...offsets].map((offset) => wall - offset).sort((a, b) => a - b);
  const exact = candidates.find((t) => t > after && wallClock(t, timeZone) === wall);
  if (exact !== undefined) return exact;
  let lo = candidates[0] ?? wall;
  let hi = candidates[candidates.length - 1] ?? wall;
  if (hi <= lo) return hi;
  // Invariant: the wall clock at lo is before `wall`, at hi it is at or past it.
  while (hi - lo > SECOND) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
    if (wallClock(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** `at` itself when it is outside the quiet window, else the instant the window ends. */
export function nextAllowedTime(at: Date, quiet: QuietHours, timeZone: string): Date {
  assertMinute('startMinute', quiet.startMinute);
  assertMinute('endMinute', quiet.endMinute);
  const instant = at.getTime();
  if (!Number.isFinite(instant)) throw new RangeError('nextAllowedTime needs a valid date');
  const wall = wallClock(instant, timeZone);
  const minuteOfDay = Math.floor((((wall % DAY) + DAY) % DAY) / MINUTE);
  if (!isQuiet(minuteOfDay, quiet)) return at;
  const midnight = wall - (((wall % DAY) + DAY) % DAY);
  // In a window that wraps midnight, the evening part ends on the next local day.
  const wraps = quiet.startMinute > quiet.endMinute;
  const endDay = wraps && minuteOfDay >= quiet.startMinute ? midnight + DAY : midnight;
  return new Date(instantAtWall(endDay + quiet.endMinute * MINUTE, instant, timeZone));
}
