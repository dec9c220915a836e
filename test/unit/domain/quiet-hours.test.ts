import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextAllowedTime, type QuietHours } from '../../../src/domain/quiet-hours.js';

const NIGHT: QuietHours = { startMinute: 21 * 60, endMinute: 6 * 60 };
const LUNCH: QuietHours = { startMinute: 12 * 60, endMinute: 13 * 60 };
const EARLY: QuietHours = { startMinute: 0, endMinute: 6 * 60 };
const TO_MIDNIGHT: QuietHours = { startMinute: 22 * 60, endMinute: 0 };
const OFF: QuietHours = { startMinute: 0, endMinute: 0 };
const OFF_EVENING: QuietHours = { startMinute: 21 * 60, endMinute: 21 * 60 };

const JAKARTA = 'Asia/Jakarta'; // WIB, UTC+7
const MAKASSAR = 'Asia/Makassar'; // WITA, UTC+8
const JAYAPURA = 'Asia/Jayapura'; // WIT, UTC+9

function at(iso: string): Date {
  return new Date(iso);
}

describe('nextAllowedTime', () => {
  it.each<[string, string, QuietHours, string, string]>([
    // WIB, night window 21:00–06:00 (instants in UTC: WIB is UTC+7).
    ['20:59 WIB', '2026-03-10T13:59:00.000Z', NIGHT, JAKARTA, '2026-03-10T13:59:00.000Z'],
    ['20:59:59.999 WIB', '2026-03-10T13:59:59.999Z', NIGHT, JAKARTA, '2026-03-10T13:59:59.999Z'],
    ['21:00 WIB', '2026-03-10T14:00:00.000Z', NIGHT, JAKARTA, '2026-03-10T23:00:00.000Z'],
    ['23:30 WIB', '2026-03-10T16:30:00.000Z', NIGHT, JAKARTA, '2026-03-10T23:00:00.000Z'],
    ['23:59:59.999 WIB', '2026-03-10T16:59:59.999Z', NIGHT, JAKARTA, '2026-03-10T23:00:00.000Z'],
    ['00:00 WIB', '2026-03-10T17:00:00.000Z', NIGHT, JAKARTA, '2026-03-10T23:00:00.000Z'],
    ['02:00 WIB', '2026-03-10T19:00:00.000Z', NIGHT, JAKARTA, '2026-03-10T23:00:00.000Z'],
    ['05:59:30 WIB', '2026-03-10T22:59:30.000Z', NIGHT, JAKARTA, '2026-03-10T23:00:00.000Z'],
    ['06:00 WIB', '2026-03-10T23:00:00.000Z', NIGHT, JAKARTA, '2026-03-10T23:00:00.000Z'],
    [
      '06:30 WIB (the previous day in UTC)',
      '2026-03-10T23:30:00.000Z',
      NIGHT,
      JAKARTA,
      '2026-03-10T23:30:00.000Z',
    ],
    ['noon WIB', '2026-03-10T05:00:00.000Z', NIGHT, JAKARTA, '2026-03-10T05:00:00.000Z'],
    ['22:00 WIB on New Year’s Eve', '2026-12-31T15:00:00.000Z', NIGHT, JAKARTA, '2026-12-31T23:00:00.000Z'],
    ['23:00 WIB on 28 Feb', '2026-02-28T16:00:00.000Z', NIGHT, JAKARTA, '2026-02-28T23:00:00.000Z'],
    [
      '23:00 WIB on 28 Feb of a leap year',
      '2028-02-28T16:00:00.000Z',
      NIGHT,
      JAKARTA,
      '2028-02-28T23:00:00.000Z',
    ],
    // Non-wrapping window 12:00–13:00.
    ['11:59 WIB, lunch', '2026-03-10T04:59:00.000Z', LUNCH, JAKARTA, '2026-03-10T04:59:00.000Z'],
    ['12:00 WIB, lunch', '2026-03-10T05:00:00.000Z', LUNCH, JAKARTA, '2026-03-10T06:00:00.000Z'],
    ['12:30 WIB, lunch', '2026-03-10T05:30:00.000Z', LUNCH, JAKARTA, '2026-03-10T06:00:00.000Z'],
    ['12:59:59 WIB, lunch', '2026-03-10T05:59:59.000Z', LUNCH, JAKARTA, '2026-03-10T06:00:00.000Z'],
    ['13:00 WIB, lunch', '2026-03-10T06:00:00.000Z', LUNCH, JAKARTA, '2026-03-10T06:00:00.000Z'],
    ['21:00 WIB, lunch', '2026-03-10T14:00:00.000Z', LUNCH, JAKARTA, '2026-03-10T14:00:00.000Z'],
    // Windows touching midnight.
    ['00:00 WIB, 00:00–06:00', '2026-03-10T17:00:00.000Z', EARLY, JAKARTA, '2026-03-10T23:00:00.000Z'],
    ['23:59 WIB, 00:00–06:00', '2026-03-10T16:59:00.000Z', EARLY, JAKARTA, '2026-03-10T16:59:00.000Z'],
    ['23:00 WIB, 22:00–00:00', '2026-03-10T16:00:00.000Z', TO_MIDNIGHT, JAKARTA, '2026-03-10T17:00:00.000Z'],
    ['00:00 WIB, 22:00–00:00', '2026-03-10T17:00:00.000Z', TO_MIDNIGHT, JAKARTA, '2026-03-10T17:00:00.000Z'],
    // start === end: no quiet hours at all.
    ['21:00 WIB, disabled at 00:00', '2026-03-10T14:00:00.000Z', OFF, JAKARTA, '2026-03-10T14:00:00.000Z'],
    ['00:00 WIB, disabled at 00:00', '2026-03-10T17:00:00.000Z', OFF, JAKARTA, '2026-03-10T17:00:00.000Z'],
    [
      '21:00 WIB, disabled at 21:00',
      '2026-03-10T14:00:00.000Z',
      OFF_EVENING,
      JAKARTA,
      '2026-03-10T14:00:00.000Z',
    ],
    // One instant (13:30Z), three Indonesian zones: only WIB is still awake.
    ['20:30 WIB', '2026-03-10T13:30:00.000Z', NIGHT, JAKARTA, '2026-03-10T13:30:00.000Z'],
    ['21:30 WITA', '2026-03-10T13:30:00.000Z', NIGHT, MAKASSAR, '2026-03-10T22:00:00.000Z'],
    ['22:30 WIT', '2026-03-10T13:30:00.000Z', NIGHT, JAYAPURA, '2026-03-10T21:00:00.000Z'],
    ['03:00 WITA', '2026-03-10T19:00:00.000Z', NIGHT, MAKASSAR, '2026-03-10T22:00:00.000Z'],
    ['06:00 WITA', '2026-03-10T22:00:00.000Z', NIGHT, MAKASSAR, '2026-03-10T22:00:00.000Z'],
    ['05:00 WIT', '2026-03-10T20:00:00.000Z', NIGHT, JAYAPURA, '2026-03-10T21:00:00.000Z'],
    ['20:59 WIT', '2026-03-10T11:59:00.000Z', NIGHT, JAYAPURA, '2026-03-10T11:59:00.000Z'],
    // Offsets that are not whole hours.
    ['22:00 IST (UTC+5:30)', '2026-03-10T16:30:00.000Z', NIGHT, 'Asia/Kolkata', '2026-03-11T00:30:00.000Z'],
    ['22:00 NPT (UTC+5:45)', '2026-03-10T16:15:00.000Z', NIGHT, 'Asia/Kathmandu', '2026-03-11T00:15:00.000Z'],
    ['UTC itself', '2026-03-10T22:00:00.000Z', NIGHT, 'UTC', '2026-03-11T06:00:00.000Z'],
    // DST (New York, 2026: forward on 8 Mar at 02:00, back on 1 Nov at 02:00).
    [
      '22:00 EST, night ends in EDT',
      '2026-03-08T03:00:00.000Z',
      NIGHT,
      'America/New_York',
      '2026-03-08T10:00:00.000Z',
    ],
    [
      '23:00 EST, end 02:30 never happens',
      '2026-03-08T04:00:00.000Z',
      { startMinute: 22 * 60, endMinute: 150 },
      'America/New_York',
      '2026-03-08T07:00:00.000Z',
    ],
    [
      '01:59 EST, end 02:30 never happens',
      '2026-03-08T06:59:00.000Z',
      { startMinute: 22 * 60, endMinute: 150 },
      'America/New_York',
      '2026-03-08T07:00:00.000Z',
    ],
    [
      '22:00 EDT, night ends in EST',
      '2026-11-01T02:00:00.000Z',
      NIGHT,
      'America/New_York',
      '2026-11-01T11:00:00.000Z',
    ],
    [
      '23:00 EDT, end 01:30 happens twice: the first',
      '2026-11-01T03:00:00.000Z',
      { startMinute: 21 * 60, endMinute: 90 },
      'America/New_York',
      '2026-11-01T05:30:00.000Z',
    ],
    [
      '01:15 EDT, end 01:30 happens twice: the first',
      '2026-11-01T05:15:00.000Z',
      { startMinute: 21 * 60, endMinute: 90 },
      'America/New_York',
      '2026-11-01T05:30:00.000Z',
    ],
    [
      '01:15 EST (after the clocks went back): the second',
      '2026-11-01T06:15:00.000Z',
      { startMinute: 21 * 60, endMinute: 90 },
      'America/New_York',
      '2026-11-01T06:30:00.000Z',
    ],
    [
      '01:30 CET, end 02:30 skipped in Berlin',
      '2026-03-29T00:30:00.000Z',
      { startMinute: 60, endMinute: 150 },
      'Europe/Berlin',
      '2026-03-29T01:00:00.000Z',
    ],
  ])('%s', (_label, iso, quiet, zone, expected) => {
    expect(nextAllowedTime(at(iso), quiet, zone).toISOString()).toBe(expected);
  });

  it('returns the same Date when sending is allowed', () => {
    const noon = at('2026-03-10T05:00:00.000Z');
    expect(nextAllowedTime(noon, NIGHT, JAKARTA)).toBe(noon);
  });

  it.each<[string, QuietHours, string, Date]>([
    ['a negative start', { startMinute: -1, endMinute: 360 }, JAKARTA, at('2026-03-10T05:00:00Z')],
    ['an end of 24:00', { startMinute: 1260, endMinute: 1440 }, JAKARTA, at('2026-03-10T05:00:00Z')],
    ['a fractional minute', { startMinute: 1260.5, endMinute: 360 }, JAKARTA, at('2026-03-10T05:00:00Z')],
    ['a NaN end', { startMinute: 1260, endMinute: Number.NaN }, JAKARTA, at('2026-03-10T05:00:00Z')],
    ['an unknown zone', NIGHT, 'Asia/Atlantis', at('2026-03-10T05:00:00Z')],
    ['an invalid date', NIGHT, JAKARTA, new Date(Number.NaN)],
  ])('throws RangeError on %s', (_label, quiet, zone, date) => {
    expect(() => nextAllowedTime(date, quiet, zone)).toThrow(RangeError);
  });
});

// An independent reading of the wall clock, to check the result against the definition.
function localMinute(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return get('hour') * 60 + get('minute');
}

function quietAt(instant: Date, q: QuietHours, timeZone: string): boolean {
  const m = localMinute(instant, timeZone);
  if (q.startMinute === q.endMinute) return false;
  return q.startMinute < q.endMinute
    ? m >= q.startMinute && m < q.endMinute
    : m >= q.startMinute || m < q.endMinute;
}

describe('nextAllowedTime, properties', () => {
  const zones = [JAKARTA, MAKASSAR, JAYAPURA, 'America/New_York', 'Europe/Berlin', 'Australia/Sydney'];
  const minute = fc.integer({ min: 0, max: 1439 });
  const instant = fc
    .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
    .map((t) => new Date(t));

  it('lands outside the window, never earlier, and at the first allowed second', () => {
    fc.assert(
      fc.property(
        instant,
        minute,
        minute,
        fc.constantFrom(...zones),
        (date, startMinute, endMinute, zone) => {
          const q = { startMinute, endMinute };
          const next = nextAllowedTime(date, q, zone);
          expect(next.getTime()).toBeGreaterThanOrEqual(date.getTime());
          expect(quietAt(next, q, zone)).toBe(false);
          if (next.getTime() > date.getTime()) {
            expect(quietAt(date, q, zone)).toBe(true);
            expect(quietAt(new Date(next.getTime() - 1000), q, zone)).toBe(true);
            // A night never lasts more than a day (plus an hour of DST).
            expect(next.getTime() - date.getTime()).toBeLessThanOrEqual(25 * 3600 * 1000);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
