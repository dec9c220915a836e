import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calendarFiles, DRIVEN_DIRS, filesUnder } from '../support/calendar-files.js';
import { calendarLiterals, looksLikeCalendarDate } from '../support/calendar-literals.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// The tests that drive the running system (DRIVEN_DIRS) are scanned. Unit tests call pure
// functions with a `now` they pass themselves, so a date written there is pinned by construction;
// time.ts is where the pinned instants are named, and the scanner holds its own examples.
const SOURCES_OF_DATES = new Set(['test/support/time.ts', 'test/support/calendar-literals.ts']);

describe('no calendar date is written into a test that drives the system', () => {
  it('flags the dates people type, in every form the parser reads, and nothing else', () => {
    for (const date of [
      '7/12',
      '20/12 10.00',
      '25/11/2026',
      '25 Nov 14.00',
      '3 Desember',
      'nov 25',
      '2026-12-01',
    ])
      expect(looksLikeCalendarDate(date), date).toBe(true);
    for (const other of [
      'besok jam 14',
      'lusa jam 9',
      '3 hari lagi',
      'Senin',
      '14.00',
      'Rp1.500.000',
      '1,5 juta',
    ])
      expect(looksLikeCalendarDate(other), other).toBe(false);
    const source = [
      "await officer.say('menu');",
      "await officer.say('7/12');",
      '// An impossible day, refused on any date. calendar-ok',
      "expect(refused('2026-02-30')).toBe(400);",
      'await postNeed(officer, {',
      '  neededBy: `25 Nov 14.00`,',
      "  deadline: 'besok jam 14', // not a calendar date",
      '});',
      "/* '1/1' in a comment is not typed */",
    ].join('\n');
    expect(calendarLiterals(source)).toEqual([
      { line: 2, literal: '7/12' },
      { line: 6, literal: '25 Nov 14.00' },
    ]);
  });

  it.each(DRIVEN_DIRS)('%s types its dates through test/support/time.ts', (dir) => {
    const found = filesUnder(ROOT, dir)
      .filter((f) => !SOURCES_OF_DATES.has(f))
      .flatMap((f) =>
        calendarLiterals(readFileSync(join(ROOT, f), 'utf8')).map((l) => `${f}:${l.line} '${l.literal}'`),
      );
    expect(found).toEqual([]);
  });

  it('the instants run every test that plays on the test calendar, and only those', () => {
    const onCalendar = calendarFiles(ROOT);
    for (const f of ['test/integration/lifecycle.test.ts', 'test/browser/console.test.ts'])
      expect(onCalendar).toContain(f);
    expect(onCalendar).not.toContain('test/integration/logs-secrets.test.ts'); // the wall clock's
    for (const f of onCalendar) expect(readFileSync(join(ROOT, f), 'utf8')).toContain('testClock(');
  });

  it('unit tests pin their own clock: none reads the wall clock', () => {
    const reads = filesUnder(ROOT, 'test/unit').flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .flatMap((text, i) => (/new Date\(\)|Date\.now\(\)/.test(text) ? [`${f}:${i + 1}`] : [])),
    );
    expect(reads).toEqual([]);
  });
});
