import {
  COUNTS,
  MONTHS,
  PERIOD_HOURS,
  RELATIVE_DAYS,
  UNIT_DAYS,
  UNIT_MONTHS,
  WEEKDAYS,
} from './date-words.js';
import { fail, ok, type ParseResult } from './result.js';
import { prepare } from './text.js';
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  fromLocal,
  type LocalDate,
  type LocalDateTime,
  toLocal,
  zoneFromLabel,
} from './tz.js';

export { type DateLocale, formatDate, formatDateTime } from './date-format.js';

export type DateError = 'empty' | 'unrecognized' | 'invalid_date' | 'in_past';

export interface DateContext {
  now: Date;
  /** IANA zone of the user, e.g. `Asia/Jakarta` (WIB), `Asia/Makassar` (WITA), `Asia/Jayapura` (WIT). */
  timeZone: string;
  /** Hour used when only a date is given. Default 12. */
  defaultHour?: number;
  /** Refuse instants before `now` with `in_past`. Default true. */
  notPast?: boolean;
}

export interface ParsedDateTime {
  at: Date;
  hasTime: boolean;
  /** A bare time already gone today, taken as tomorrow's: the chat says so. */
  movedToTomorrow?: boolean;
}

type DateSpec =
  | { kind: 'relative'; days: number; months: number }
  | { kind: 'weekday'; weekday: number; mode: 'next' | 'this' | 'next_week' }
  | { kind: 'calendar'; d: number; m: number; y: number | null }
  | { kind: 'day_of_month'; d: number };

const PERIOD = '(am|pm|pagi|pgi|siang|sore|petang|malam|mlm|subuh)';
// All patterns run on ≤ 200 chars and have no nested quantifiers (no catastrophic backtracking).
const TIME_WORD = new RegExp(
  `(?:^| )(?:jam|jm|pukul|pkl|pk|at)\\.? ?(\\d{1,2})(?:[.:](\\d{2}))?(?: ?${PERIOD})?(?= |$)`,
);
const CLOCK = new RegExp(`(?:^| )(\\d{1,2})[.:](\\d{2})(?: ?${PERIOD})?(?= |$)`, 'g');
// The empty group keeps the period at index 3, as in the patterns above.
const HOUR_PERIOD = new RegExp(`(?:^| )(\\d{1,2})() ?${PERIOD}(?= |$)`);
const PERIOD_ONLY =
  /(?:^| )(tengah malam|tengah hari|subuh|pagi|siang|sore|petang|malam|mlm|noon|midnight)(?= |$)/;

const NUMERIC_DATE = /^(?:(?:tgl|tanggal)\.? ?)?(\d{1,2}) ?([/.-]) ?(\d{1,2})(?: ?\2 ?(\d{4}|\d{2}))?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_MONTH = /^(?:(?:tgl|tanggal)\.? ?)?(\d{1,2})(?:st|nd|rd|th)? ?([a-z]+)\.?(?: (\d{4}|\d{2}))?$/;
const MONTH_DAY = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/;
const DAY_ONLY = /^(?:tgl|tanggal)\.? ?(\d{1,2})$/;

const FILLERS = new Set(['pada', 'pd', 'on', 'at', 'the', 'nanti']);

// "10 menit lagi", "dalam 2 jam", "setengah jam lagi", "sejam lagi", "in 30 minutes": from now.
const IN_MINUTES = new Map([
  ['menit', 1],
  ['mnt', 1],
  ['min', 1],
  ['minute', 1],
  ['minutes', 1],
  ['jam', 60],
  ['jm', 60],
  ['hour', 60],
  ['hours', 60],
]);
const FROM_NOW = new RegExp(
  `^((?:dalam|in) )?(\\d{1,3}|[a-z]+) ?(${[...IN_MINUTES.keys()].join('|')})( (?:lagi|lg|kemudian|later|from now|dari sekarang))?$`,
);

/** Minutes from now in "10 menit lagi", "2 jam lagi", "setengah jam lagi"; null otherwise. */
function minutesFromNow(text: string): number | null {
  const m = FROM_NOW.exec(text);
  // "jam 9" is a time of day; "1 jam" alone could be either, so a span says "lagi" or "dalam".
  if (!m || (!m[1] && !m[4])) return null;
  const unit = IN_MINUTES.get(m[3]!)!;
  const n = m[2] === 'setengah' ? 0.5 : /^\d+$/.test(m[2]!) ? Number(m[2]) : (COUNTS.get(m[2]!) ?? null);
  if (n === null || n <= 0) return null;
  const minutes = n * unit;
  return minutes <= 7 * 24 * 60 ? minutes : null;
}
const LATER = new Set(['lagi', 'lg', 'kemudian', 'later', 'kedepan']);

/**
 * 24-hour clock from an hour said with a part of day. Indonesian habits: "jam 2 siang" = 14,
 * "jam 11 siang" = 11, "jam 7 malam" = 19, "jam 2 malam" = 02 (small hours), "jam 12 malam" = 00.
 */
function clockHour(hour: number, minute: number, period: string | undefined): number | null {
  if (minute > 59) return null;
  switch (period) {
    case undefined:
      if (hour === 24 && minute === 0) return 0;
      return hour <= 23 ? hour : null;
    case 'am':
    case 'pm':
      if (hour < 1 || hour > 12) return null;
      return (hour % 12) + (period === 'pm' ? 12 : 0);
    case 'pagi':
    case 'pgi':
    case 'subuh':
      return hour <= 12 ? hour % 12 : null;
    case 'siang':
      if (hour > 23) return null;
      return hour >= 10 ? hour : hour + 12;
    case 'malam':
    case 'mlm':
      if (hour > 23) return null;
      if (hour === 12) return 0;
      return hour >= 5 && hour < 12 ? hour + 12 : hour;
    default: // sore, petang
      if (hour === 0 || hour > 23) return null;
      return hour < 12 ? hour + 12 : hour;
  }
}

type TimeFound = { rest: string; hour: number | null; minute: number } | null;

/** Finds and removes the time of day, so "jam 9 besok" and "besok jam 9" leave the same date text. */
function extractTime(s: string): TimeFound {
  const cut = (m: RegExpExecArray) => `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`.trim();
  let m: RegExpExecArray | null = TIME_WORD.exec(s);
  // "25.11" is a date, not 25:11: a dotted pair only counts as a time when it is a valid time.
  m ??=
    [...s.matchAll(CLOCK)].find((c) => c[0].includes(':') || (Number(c[1]) <= 24 && Number(c[2]) <= 59)) ??
    null;
  m ??= HOUR_PERIOD.exec(s);
  if (m) {
    const minute = Number(m[2] || 0);
    return { rest: cut(m), hour: clockHour(Number(m[1]), minute, m[3]), minute };
  }
  const p = PERIOD_ONLY.exec(s);
  return p ? { rest: cut(p), hour: PERIOD_HOURS.get(p[1]!) ?? 12, minute: 0 } : null;
}

function count(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  return /^\d{1,3}$/.test(word) ? Number(word) : COUNTS.get(word);
}

/** "3 hari", "3 hari lagi", "dalam 2 minggu", "seminggu", "3hari", "in 2 weeks", "sebulan". */
function relativeSpan(words: string[]): DateSpec | null {
  const w = [...words];
  if (w[0] === 'dalam' || w[0] === 'in') w.shift();
  if (LATER.has(w.at(-1) ?? '')) w.pop();
  if (w.at(-1) === 'now' && w.at(-2) === 'from') w.splice(-2);
  if (w.length === 1) {
    const glued = /^(\d{1,3}|se)([a-z]+)$/.exec(w[0]!);
    if (!glued) return null;
    w.splice(0, 1, glued[1]!, glued[2]!);
  }
  const n = count(w[0]);
  if (w.length !== 2 || n === undefined) return null;
  const unitDays = UNIT_DAYS.get(w[1]!);
  if (unitDays !== undefined) return { kind: 'relative', days: n * unitDays, months: 0 };
  return UNIT_MONTHS.has(w[1]!) ? { kind: 'relative', days: 0, months: n } : null;
}

/** "Senin", "hari Senin", "Senin depan", "Jumat ini", "next Friday". */
function weekdaySpec(words: string[]): DateSpec | null {
  const w = [...words];
  if (w[0] === 'hari' || w[0] === 'hr') w.shift();
  let mode: 'next' | 'this' | 'next_week' = 'next';
  if (w[0] === 'next' || w[0] === 'this') mode = w.shift() === 'next' ? 'next_week' : 'this';
  else if (w.at(-1) === 'depan' || w.at(-1) === 'ini') mode = w.pop() === 'depan' ? 'next_week' : 'this';
  const weekday = w.length === 1 ? WEEKDAYS.get(w[0]!) : undefined;
  return weekday === undefined ? null : { kind: 'weekday', weekday, mode };
}

function year(text: string | undefined): number | null {
  if (text === undefined) return null;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function calendarSpec(r: string): DateSpec | null {
  let m = NUMERIC_DATE.exec(r);
  if (m) return { kind: 'calendar', d: Number(m[1]), m: Number(m[3]), y: year(m[4]) };
  m = ISO_DATE.exec(r);
  if (m) return { kind: 'calendar', d: Number(m[3]), m: Number(m[2]), y: Number(m[1]) };
  m = DAY_ONLY.exec(r);
  if (m) return { kind: 'day_of_month', d: Number(m[1]) };
  m = DAY_MONTH.exec(r);
  let month = m ? MONTHS.get(m[2]!) : undefined;
  if (m && month !== undefined) return { kind: 'calendar', d: Number(m[1]), m: month, y: year(m[3]) };
  m = MONTH_DAY.exec(r);
  month = m ? MONTHS.get(m[1]!) : undefined;
  if (m && month !== undefined) return { kind: 'calendar', d: Number(m[2]), m: month, y: year(m[3]) };
  return null;
}

function dateSpec(text: string): DateSpec | null {
  const words = text.split(' ').filter((w) => w !== '' && !FILLERS.has(w));
  const r = words.join(' ');
  const days = RELATIVE_DAYS.get(r);
  if (days !== undefined) return { kind: 'relative', days, months: 0 };
  if (r === 'bulan depan' || r === 'next month') return { kind: 'relative', days: 0, months: 1 };
  const spec = relativeSpan(words) ?? weekdaySpec(words) ?? calendarSpec(r);
  if (spec) return spec;
  // Our own output echoed back ("Rab, 25 Nov 2026 14.00 WIB"): the date wins over the weekday.
  if (words.length > 1 && WEEKDAYS.has(words[0]!)) return calendarSpec(words.slice(1).join(' '));
  return null;
}

function resolve(spec: DateSpec, today: LocalDateTime): LocalDate | null {
  switch (spec.kind) {
    case 'relative':
      return addDays(addMonths(today, spec.months), spec.days);
    case 'weekday': {
      const ahead = (spec.weekday - today.weekday + 7) % 7;
      if (spec.mode === 'this') return addDays(today, ahead);
      if (spec.mode === 'next') return addDays(today, ahead === 0 ? 7 : ahead);
      // "Jumat depan" = Friday of next (Monday-based) week.
      const mondayIndex = (w: number) => (w + 6) % 7;
      return addDays(today, 7 - mondayIndex(today.weekday) + mondayIndex(spec.weekday));
    }
    case 'day_of_month': {
      const month = spec.d < today.d ? addMonths({ ...today, d: 1 }, 1) : today;
      return spec.d >= 1 && spec.d <= daysInMonth(month.y, month.m) ? { ...month, d: spec.d } : null;
    }
    case 'calendar': {
      if (spec.m < 1 || spec.m > 12 || spec.d < 1) return null;
      // A date without a year that is already behind us this year means next year's.
      const passed = compareDates({ y: today.y, m: spec.m, d: spec.d }, today) < 0;
      const y = spec.y ?? (passed ? today.y + 1 : today.y);
      if (y < 1900 || y > 2200 || spec.d > daysInMonth(y, spec.m)) return null;
      return { y, m: spec.m, d: spec.d };
    }
  }
}

/** Reads a date and/or time typed in chat, in the user's zone; see test/unit/parse/dates.test.ts. */
export function parseDateTime(input: string, ctx: DateContext): ParseResult<ParsedDateTime, DateError> {
  const prepared = prepare(input);
  if (prepared === null) return fail('unrecognized');
  if (prepared === '') return fail('empty');
  const cleaned = prepared
    .replace(/['’`]/g, '')
    .replace(/\b([ap])\.m\b\.?/g, '$1m')
    .replace(/[,;!?()]/g, ' ')
    .replace(/ +/g, ' ')
    .replace(/[. ]+$/, '')
    .trim();
  const words = cleaned.split(' ');
  const zoneAt = words.findIndex((w) => zoneFromLabel(w) !== null);
  const zone = zoneAt >= 0 ? zoneFromLabel(words.splice(zoneAt, 1)[0]!)! : ctx.timeZone;
  const text = words.join(' ');
  if (text === '') return fail('unrecognized');
  const span = minutesFromNow(text);
  if (span !== null) return ok({ at: new Date(ctx.now.getTime() + span * 60_000), hasTime: true });

  const time = extractTime(text);
  const dateText = time ? time.rest : text;
  const now = ctx.now.getTime();
  const today = toLocal(now, ctx.timeZone);
  let date: LocalDate | null = today;
  if (dateText !== '') {
    const spec = dateSpec(dateText);
    if (!spec) return fail('unrecognized');
    date = resolve(spec, today);
  }
  if (date === null || (time && time.hour === null)) return fail('invalid_date');

  const fallback = ctx.defaultHour ?? 12;
  const defaultHour = Number.isInteger(fallback) && fallback >= 0 && fallback < 24 ? fallback : 12;
  const hour = time ? time.hour! : defaultHour;
  const minute = time ? time.minute : 0;
  let at = fromLocal(date, hour, minute, zone);
  const notPast = ctx.notPast ?? true;
  // A bare time ("jam 9") already gone today means tomorrow, as it would in conversation.
  if (notPast && dateText === '' && at.getTime() < now) {
    at = fromLocal(addDays(date, 1), hour, minute, zone);
    return ok({ at, hasTime: time !== null, movedToTomorrow: true });
  }
  if (notPast && at.getTime() < now) return fail('in_past');
  return ok({ at, hasTime: time !== null });
}
