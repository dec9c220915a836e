import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OffsetClock } from '../../src/clock.js';
import { parseDateTime } from '../../src/parse/dates.js';
import { CALENDAR_INSTANTS, dayFromToday, TEST_ZONE, testClock, typed, wibAt } from '../support/time.js';

// The tests' calendar helper types dates the way people do; what it types must mean, to the
// chat's own parser, exactly the date the test computed — on every instant it runs at.
const pinned = CALENDAR_INSTANTS.map((i) => new Date(i.at));
const anyInstant = fc.date({
  min: new Date(Date.UTC(2024, 0, 1)),
  max: new Date(Date.UTC(2040, 0, 1)),
  noInvalidDate: true,
});

function readBack(text: string, now: Date) {
  const r = parseDateTime(text, { now, timeZone: TEST_ZONE });
  if (!r.ok) throw new Error(`"${text}" at ${now.toISOString()}: ${r.error}`);
  return r.value.at;
}

describe('dates typed from the test clock', () => {
  it.each(pinned.map((at) => [at.toISOString(), at] as const))(
    'at %s, 25/11 and 25 Nov 14.00 mean the day computed',
    (_, at) => {
      const clock = new OffsetClock(at);
      // Within a year: the same day and month a year on would read as this year's.
      for (let days = 1; days <= 364; days++) {
        const d = dayFromToday(clock, days);
        const now = clock.now();
        expect(readBack(typed.slash(d), now)).toEqual(wibAt(d, '12.00'));
        expect(readBack(typed.named(d, '14.00'), now)).toEqual(wibAt(d, '14.00'));
      }
    },
  );

  it('a weekday name means the next such day, one to seven days ahead, at any instant', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 7 }), (at, days) => {
        const clock = new OffsetClock(at);
        const d = dayFromToday(clock, days);
        expect(readBack(`${typed.weekday(d)} jam 10`, clock.now())).toEqual(wibAt(d, '10.00'));
      }),
      { numRuns: 300 },
    );
  });

  it('TEST_NOW moves the clock, a time of day pins the hour of its date, and a bad value is refused', () => {
    const saved = process.env.TEST_NOW;
    try {
      process.env.TEST_NOW = '2028-02-29T03:00:00Z'; // calendar-ok
      expect(Math.abs(testClock().now().getTime() - Date.parse('2028-02-29T03:00:00Z'))).toBeLessThan(5_000); // calendar-ok
      expect(
        Math.abs(testClock('22.00').now().getTime() - wibAt({ y: 2028, m: 2, d: 29 }, '22.00').getTime()),
      ).toBeLessThan(5_000);
      process.env.TEST_NOW = 'kemarin';
      expect(() => testClock()).toThrow(/TEST_NOW must be an ISO 8601 instant/);
    } finally {
      if (saved === undefined) delete process.env.TEST_NOW;
      else process.env.TEST_NOW = saved;
    }
  });
});
