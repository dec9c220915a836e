import { describe, expect, it } from 'vitest';
import { earliestDeadline } from '../../../src/domain/deadlines.js';
import { formatDateTime, parseDateTime } from '../../../src/parse/dates.js';

const at = (iso: string) => new Date(iso);

describe('the earliest quote deadline named to the officer', () => {
  it.each<[string, string, number, string]>([
    ['08.04.47 WIB, no window', '2026-12-07T01:04:47Z', 0, '2026-12-07T01:05:00.000Z'],
    ['08.04.00 WIB exactly, no window', '2026-12-07T01:04:00Z', 0, '2026-12-07T01:04:00.000Z'],
    ['08.04.47 WIB, 60 minutes', '2026-12-07T01:04:47Z', 60, '2026-12-07T02:05:00.000Z'],
    ['23.59.30 WIB on New Year’s Eve, 60 minutes', '2026-12-31T16:59:30Z', 60, '2026-12-31T18:00:00.000Z'],
  ])('at %s is a whole minute no earlier than the window', (_, now, window, earliest) => {
    expect(earliestDeadline(at(now), window).toISOString()).toBe(earliest);
  });

  it('is a time the officer can type back and have accepted, as the chat writes it', () => {
    for (let s = 0; s < 60; s++) {
      const now = new Date(Date.UTC(2026, 11, 7, 1, 4, s));
      const earliest = earliestDeadline(now, 0);
      const shown = formatDateTime(earliest, 'id', 'Asia/Jakarta');
      const typed = parseDateTime(shown, { now, timeZone: 'Asia/Jakarta' });
      expect(typed.ok && typed.value.at >= earliest, `${shown} at second ${s}`).toBe(true);
    }
  });
});
