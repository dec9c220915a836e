import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DateContext,
  type DateError,
  formatDate,
  formatDateTime,
  parseDateTime,
} from '../../../src/parse/dates.js';
import { ADVERSARIAL, chatText } from './arbitraries.js';

// Senin 23 Nov 2026 10.00 WIB.
const NOW = new Date('2026-11-23T03:00:00Z');
const WIB: DateContext = { now: NOW, timeZone: 'Asia/Jakarta' };

function at(input: string, ctx: DateContext = WIB) {
  const r = parseDateTime(input, ctx);
  return r.ok ? { iso: r.value.at.toISOString(), hasTime: r.value.hasTime } : r;
}

describe('parseDateTime (WIB, now = Sen 23 Nov 2026 10.00)', () => {
  it.each<[string, string, boolean]>([
    ['hari ini', '2026-11-23T05:00:00.000Z', false],
    ['  HARI   INI ', '2026-11-23T05:00:00.000Z', false],
    ['besok', '2026-11-24T05:00:00.000Z', false],
    ['Besok!', '2026-11-24T05:00:00.000Z', false],
    ['lusa', '2026-11-25T05:00:00.000Z', false],
    ['3 hari', '2026-11-26T05:00:00.000Z', false],
    ['3 hari lagi', '2026-11-26T05:00:00.000Z', false],
    ['dalam 3 hari', '2026-11-26T05:00:00.000Z', false],
    ['tiga hari lagi', '2026-11-26T05:00:00.000Z', false],
    ['seminggu', '2026-11-30T05:00:00.000Z', false],
    ['1 minggu lagi', '2026-11-30T05:00:00.000Z', false],
    ['2 minggu', '2026-12-07T05:00:00.000Z', false],
    ['minggu depan', '2026-11-30T05:00:00.000Z', false],
    ['bulan depan', '2026-12-23T05:00:00.000Z', false],
    // Today is Monday, so "Senin" is next week's Monday.
    ['Senin', '2026-11-30T05:00:00.000Z', false],
    ['senin depan', '2026-11-30T05:00:00.000Z', false],
    ['hari Senin', '2026-11-30T05:00:00.000Z', false],
    ['Sel', '2026-11-24T05:00:00.000Z', false],
    ['Rabu', '2026-11-25T05:00:00.000Z', false],
    ['Kam', '2026-11-26T05:00:00.000Z', false],
    ["Jum'at", '2026-11-27T05:00:00.000Z', false],
    ['Jumat depan', '2026-12-04T05:00:00.000Z', false],
    ['Sab', '2026-11-28T05:00:00.000Z', false],
    ['Minggu', '2026-11-29T05:00:00.000Z', false],
    ['Min', '2026-11-29T05:00:00.000Z', false],
    ['25/11', '2026-11-25T05:00:00.000Z', false],
    ['25-11', '2026-11-25T05:00:00.000Z', false],
    ['25.11', '2026-11-25T05:00:00.000Z', false],
    ['25/11/2026', '2026-11-25T05:00:00.000Z', false],
    ['25/11/26', '2026-11-25T05:00:00.000Z', false],
    ['2026-11-25', '2026-11-25T05:00:00.000Z', false],
    ['25 Nov', '2026-11-25T05:00:00.000Z', false],
    ['25 Nov.', '2026-11-25T05:00:00.000Z', false],
    ['25 November', '2026-11-25T05:00:00.000Z', false],
    ['25 Nopember 2026', '2026-11-25T05:00:00.000Z', false],
    ['tgl 25', '2026-11-25T05:00:00.000Z', false],
    ['tanggal 5', '2026-12-05T05:00:00.000Z', false],
    ['1 Des', '2026-12-01T05:00:00.000Z', false],
    // Already passed this year: next year.
    ['22/11', '2027-11-22T05:00:00.000Z', false],
    ['17 Agustus', '2027-08-17T05:00:00.000Z', false],
    ['17 Agu', '2027-08-17T05:00:00.000Z', false],
    ['17 ags', '2027-08-17T05:00:00.000Z', false],
    ['1 Mei', '2027-05-01T05:00:00.000Z', false],
    ['1 Okt 2027', '2027-10-01T05:00:00.000Z', false],
    // Times.
    ['14.00', '2026-11-23T07:00:00.000Z', true],
    ['14:00', '2026-11-23T07:00:00.000Z', true],
    ['jam 14', '2026-11-23T07:00:00.000Z', true],
    ['jam 2 siang', '2026-11-23T07:00:00.000Z', true],
    ['jam 3 sore', '2026-11-23T08:00:00.000Z', true],
    ['jam 7 malam', '2026-11-23T12:00:00.000Z', true],
    ['pukul 10', '2026-11-23T03:00:00.000Z', true],
    ['10 pagi', '2026-11-23T03:00:00.000Z', true],
    ['jam 12 siang', '2026-11-23T05:00:00.000Z', true],
    ['jam 11 siang', '2026-11-23T04:00:00.000Z', true],
    // A bare time already gone today is tomorrow's.
    ['jam 9 pagi', '2026-11-24T02:00:00.000Z', true],
    ['jam 12 malam', '2026-11-23T17:00:00.000Z', true], // 00.00 today is gone: 00.00 on the 24th
    ['besok jam 12 malam', '2026-11-23T17:00:00.000Z', true],
    ['besok jam 2 malam', '2026-11-23T19:00:00.000Z', true],
    // Date and time together, either order.
    ['besok jam 10', '2026-11-24T03:00:00.000Z', true],
    ['jam 9 besok', '2026-11-24T02:00:00.000Z', true],
    ['besok jam 10.30', '2026-11-24T03:30:00.000Z', true],
    ['25 Nov 14.00', '2026-11-25T07:00:00.000Z', true],
    ['25/11 pukul 14:30', '2026-11-25T07:30:00.000Z', true],
    ['25.11.2026 14.00', '2026-11-25T07:00:00.000Z', true],
    ['Senin jam 9 pagi', '2026-11-30T02:00:00.000Z', true],
    ['besok pagi', '2026-11-24T02:00:00.000Z', true],
    ['Jumat sore', '2026-11-27T08:00:00.000Z', true],
    // Our own output, pasted back.
    ['Rab, 25 Nov 2026 14.00 WIB', '2026-11-25T07:00:00.000Z', true],
    ['Wed, 25 Nov 2026 14:00 WIB', '2026-11-25T07:00:00.000Z', true],
    // A zone in the text wins over the user's zone.
    ['besok jam 10 WITA', '2026-11-24T02:00:00.000Z', true],
    ['besok 14.00 wit', '2026-11-24T05:00:00.000Z', true],
    ['25 Nov 2026 14.00 UTC+8', '2026-11-25T06:00:00.000Z', true],
    // English.
    ['today', '2026-11-23T05:00:00.000Z', false],
    ['tomorrow', '2026-11-24T05:00:00.000Z', false],
    ['Monday', '2026-11-30T05:00:00.000Z', false],
    ['next Friday', '2026-12-04T05:00:00.000Z', false],
    ['in 3 days', '2026-11-26T05:00:00.000Z', false],
    ['Nov 25', '2026-11-25T05:00:00.000Z', false],
    ['2pm', '2026-11-23T07:00:00.000Z', true],
    ['tomorrow at 2 p.m.', '2026-11-24T07:00:00.000Z', true],
    ['12am tomorrow', '2026-11-23T17:00:00.000Z', true],
  ])('%j → %s', (input, iso, hasTime) => {
    expect(at(input)).toEqual({ iso, hasTime });
  });

  it.each<[string, DateError]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['xyz', 'unrecognized'],
    ['besok pagi-pagi sekali kalau bisa', 'unrecognized'],
    ['WIB', 'unrecognized'],
    ['25', 'unrecognized'],
    ['Mei', 'unrecognized'],
    ['1 jam', 'unrecognized'],
    ['x'.repeat(201), 'unrecognized'],
    ['31/02', 'invalid_date'],
    ['13/13', 'invalid_date'],
    ['0/11', 'invalid_date'],
    ['31 Nov', 'invalid_date'],
    ['tgl 31', 'invalid_date'],
    ['29/2/2027', 'invalid_date'],
    ['jam 25', 'invalid_date'],
    ['besok jam 25', 'invalid_date'],
    ['14:75', 'invalid_date'],
    ['jam 14 pagi', 'invalid_date'],
    ['13pm', 'invalid_date'],
    ['kemarin', 'in_past'],
    ['25/11/2025', 'in_past'],
    ['hari ini jam 9', 'in_past'],
  ])('%j → %s', (input, error) => {
    expect(parseDateTime(input, WIB)).toEqual({ ok: false, error });
  });
});

describe('parseDateTime reads a span of minutes or hours from now', () => {
  it.each<[string, number]>([
    ['10 menit lagi', 10],
    ['10 mnt lg', 10],
    ['dalam 10 menit', 10],
    ['sepuluh menit lagi', 10],
    ['in 10 minutes', 10],
    ['2 jam lagi', 120],
    ['dalam 2 jam', 120],
    ['dua jam lagi', 120],
    ['sejam lagi', 60],
    ['setengah jam lagi', 30],
    ['9 jam lagi', 540],
    ['3 hours from now', 180],
  ])('%j → now + %d min', (input, minutes) => {
    const r = parseDateTime(input, WIB);
    expect(r.ok && r.value).toEqual({ at: new Date(NOW.getTime() + minutes * 60_000), hasTime: true });
  });

  it('still reads "jam 9" as a time of day, and refuses a span beyond a week', () => {
    expect(at('jam 9')).toEqual({ iso: '2026-11-24T02:00:00.000Z', hasTime: true });
    expect(parseDateTime('200 jam lagi', WIB).ok).toBe(false);
    expect(at('1 jam')).toEqual({ ok: false, error: 'unrecognized' });
    expect(parseDateTime('0 menit lagi', WIB).ok).toBe(false);
  });
});

describe('parseDateTime options and zones', () => {
  it.each<[string, DateContext, string]>([
    ['besok', { ...WIB, defaultHour: 9 }, '2026-11-24T02:00:00.000Z'],
    ['kemarin', { ...WIB, notPast: false }, '2026-11-22T05:00:00.000Z'],
    ['jam 9', { ...WIB, notPast: false }, '2026-11-23T02:00:00.000Z'],
    // WITA (+8) and WIT (+9).
    ['besok jam 10', { now: NOW, timeZone: 'Asia/Makassar' }, '2026-11-24T02:00:00.000Z'],
    ['besok jam 10', { now: NOW, timeZone: 'Asia/Jayapura' }, '2026-11-24T01:00:00.000Z'],
    ['hari ini', { now: NOW, timeZone: 'Asia/Jayapura' }, '2026-11-23T03:00:00.000Z'],
    ['besok jam 10', { now: NOW, timeZone: 'UTC' }, '2026-11-24T10:00:00.000Z'],
    // 18.00 UTC on the 23rd is already Tuesday 24th 01.00 in Jakarta: "today" follows the zone.
    [
      'hari ini',
      { now: new Date('2026-11-23T18:00:00Z'), timeZone: 'Asia/Jakarta' },
      '2026-11-24T05:00:00.000Z',
    ],
    [
      'besok',
      { now: new Date('2026-11-23T18:00:00Z'), timeZone: 'Asia/Jakarta' },
      '2026-11-25T05:00:00.000Z',
    ],
    [
      'Selasa',
      { now: new Date('2026-11-23T18:00:00Z'), timeZone: 'Asia/Jakarta' },
      '2026-12-01T05:00:00.000Z',
    ],
    // New York switches to summer time on Sun 8 Mar 2026 at 02.00.
    [
      'besok jam 1',
      { now: new Date('2026-03-07T15:00:00Z'), timeZone: 'America/New_York' },
      '2026-03-08T06:00:00.000Z',
    ],
    [
      'besok jam 10',
      { now: new Date('2026-03-07T15:00:00Z'), timeZone: 'America/New_York' },
      '2026-03-08T14:00:00.000Z',
    ],
    // Rollover: on 23 Dec, 5/1 is next January.
    ['5/1', { now: new Date('2026-12-23T03:00:00Z'), timeZone: 'Asia/Jakarta' }, '2027-01-05T05:00:00.000Z'],
    [
      '5 Januari',
      { now: new Date('2026-12-23T03:00:00Z'), timeZone: 'Asia/Jakarta' },
      '2027-01-05T05:00:00.000Z',
    ],
    [
      'tgl 5',
      { now: new Date('2026-12-23T03:00:00Z'), timeZone: 'Asia/Jakarta' },
      '2027-01-05T05:00:00.000Z',
    ],
    [
      '23/12',
      { now: new Date('2026-12-23T03:00:00Z'), timeZone: 'Asia/Jakarta' },
      '2026-12-23T05:00:00.000Z',
    ],
  ])('%j with %o → %s', (input, ctx, iso) => {
    const r = parseDateTime(input, ctx);
    expect(r.ok && r.value.at.toISOString()).toBe(iso);
  });

  it('refuses "hari ini" once the default hour has passed', () => {
    const afternoon = { now: new Date('2026-11-23T06:00:00Z'), timeZone: 'Asia/Jakarta' };
    expect(parseDateTime('hari ini', afternoon)).toEqual({ ok: false, error: 'in_past' });
    expect(at('hari ini jam 15', afternoon)).toEqual({ iso: '2026-11-23T08:00:00.000Z', hasTime: true });
  });
});

describe('formatDateTime / formatDate', () => {
  const wed = new Date('2026-11-25T07:00:00Z');
  it.each<[Date, 'id' | 'en', string, string]>([
    [wed, 'id', 'Asia/Jakarta', 'Rab, 25 Nov 2026 14.00 WIB'],
    [wed, 'en', 'Asia/Jakarta', 'Wed, 25 Nov 2026 14:00 WIB'],
    [wed, 'id', 'Asia/Makassar', 'Rab, 25 Nov 2026 15.00 WITA'],
    [wed, 'id', 'Asia/Jayapura', 'Rab, 25 Nov 2026 16.00 WIT'],
    [wed, 'id', 'Asia/Pontianak', 'Rab, 25 Nov 2026 14.00 WIB'],
    [wed, 'id', 'Asia/Singapore', 'Rab, 25 Nov 2026 15.00 UTC+8'],
    [wed, 'id', 'Asia/Kolkata', 'Rab, 25 Nov 2026 12.30 UTC+5:30'],
    [wed, 'en', 'America/New_York', 'Wed, 25 Nov 2026 02:00 UTC-5'],
    [wed, 'en', 'UTC', 'Wed, 25 Nov 2026 07:00 UTC'],
    [new Date('2026-11-24T17:00:00Z'), 'id', 'Asia/Jakarta', 'Rab, 25 Nov 2026 00.00 WIB'],
    [new Date('2027-05-01T01:05:00Z'), 'id', 'Asia/Jakarta', 'Sab, 1 Mei 2027 08.05 WIB'],
    [new Date('2027-08-17T03:00:00Z'), 'en', 'Asia/Jakarta', 'Tue, 17 Aug 2027 10:00 WIB'],
    [new Date('2027-08-15T03:00:00Z'), 'id', 'Asia/Jakarta', 'Min, 15 Agu 2027 10.00 WIB'],
  ])('%s %s %s → %s', (d, locale, zone, expected) => {
    expect(formatDateTime(d, locale, zone)).toBe(expected);
  });

  it('formats the date alone', () => {
    expect(formatDate(wed, 'id', 'Asia/Jakarta')).toBe('Rab, 25 Nov 2026');
    expect(formatDate(wed, 'en', 'Asia/Jayapura')).toBe('Wed, 25 Nov 2026');
    expect(formatDate(new Date('2026-12-31T17:30:00Z'), 'id', 'Asia/Jakarta')).toBe('Jum, 1 Jan 2027');
  });
});

const VOCABULARY = [
  'besok',
  'jam',
  'pukul',
  '1',
  '2',
  '9',
  '/',
  '.',
  ':',
  '-',
  'nov',
  'senin',
  'depan',
  'malam',
];
const ERRORS = new Set(['empty', 'unrecognized', 'invalid_date', 'in_past']);
const INDONESIA = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Singapore'];

describe('parseDateTime properties', () => {
  it('never throws and returns a valid future instant or a known error', () => {
    fc.assert(
      fc.property(chatText([...VOCABULARY, 'hari', 'lagi', 'pagi', 'wib', 'tgl', '25']), (input) => {
        const r = parseDateTime(input, WIB);
        if (r.ok) {
          expect(Number.isNaN(r.value.at.getTime())).toBe(false);
          expect(r.value.at.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
          expect(typeof r.value.hasTime).toBe('boolean');
        } else {
          expect(ERRORS.has(r.error)).toBe(true);
        }
      }),
    );
  });

  it('reads back what formatDateTime writes', () => {
    const minute = 60_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 * 365 * 24 * 60 }),
        fc.constantFrom(...INDONESIA),
        fc.constantFrom('id' as const, 'en' as const),
        (minutesAhead, timeZone, locale) => {
          const d = new Date(NOW.getTime() + minutesAhead * minute);
          const r = parseDateTime(formatDateTime(d, locale, timeZone), {
            now: NOW,
            timeZone: 'Asia/Jakarta',
          });
          expect(r.ok && r.value.at.toISOString()).toBe(d.toISOString());
        },
      ),
    );
  });

  it('stays fast on hostile 100 KB input', () => {
    const started = performance.now();
    for (const input of ADVERSARIAL) expect(parseDateTime(input, WIB).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('a bare time already gone today', () => {
  // NOW is 10.00 WIB.
  it.each(['jam 9', '9.30', 'jam 09.59', 'pukul 8'])(
    '%s is tomorrow, and the result says it was moved',
    (typed) => {
      const r = parseDateTime(typed, WIB);
      expect(r.ok && r.value.movedToTomorrow).toBe(true);
      expect(r.ok && r.value.at.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + 22 * 3600_000);
    },
  );

  it.each(['jam 11', 'besok jam 9', 'hari ini jam 14', '10 menit lagi'])('%s is not moved', (typed) => {
    const r = parseDateTime(typed, WIB);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.movedToTomorrow).toBeFalsy();
  });
});
