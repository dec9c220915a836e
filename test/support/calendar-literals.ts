/**
 * A lint-like scan for the time bomb of December 2026: a test that types a calendar date written
 * into its source (a day and month with a slash, a day with a month's name, an ISO date) works
 * until the calendar passes that date. Dates a test types or expects come from its clock through
 * test/support/time.ts; a literal that is not about the calendar (an impossible date a validator
 * must refuse, an aggregate size in an item's name) says so with a `calendar-ok` comment on its
 * line or the line before. The unit test holds the examples.
 */

export interface DateLiteral {
  line: number;
  literal: string;
}

const MONTH_WORDS =
  'jan|januari|january|feb|februari|february|pebruari|mar|maret|march|apr|april|mei|may|jun|juni|june|' +
  'jul|juli|july|agu|ags|agt|aug|agustus|august|sep|sept|september|okt|oct|oktober|october|' +
  'nov|nop|november|nopember|des|dec|desember|december';

// A day of the month and a month number that exist.
const DAY = /(?:0?[1-9]|[12]\d|3[01])/.source;
const MONTH = /(?:0?[1-9]|1[0-2])/.source;

const CALENDAR_DATE = [
  // Day/month, with or without a year (times with a dot do not match).
  new RegExp(String.raw`(?<![\w./-])${DAY} ?\/ ?${MONTH}(?![\d.,])`),
  // A day, then a month's name.
  new RegExp(String.raw`(?<![\w.])${DAY} ?(?:${MONTH_WORDS})\b`, 'i'),
  // A month's name, then a day.
  new RegExp(String.raw`\b(?:${MONTH_WORDS})\.? ${DAY}(?!\d)`, 'i'),
  // An ISO date or month (a filter, a payment date, a period).
  /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?\b/,
];

/** The string and template literals of a TypeScript source, with their line numbers. */
export function stringLiterals(source: string): DateLiteral[] {
  const out: DateLiteral[] = [];
  let line = 1;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i] as string;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (; i < stop; i++) if (source[i] === '\n') line++;
    } else if (c === "'" || c === '"' || c === '`') {
      const start = line;
      let text = '';
      i++;
      while (i < n && source[i] !== c) {
        if (source[i] === '\\') {
          text += source.slice(i, i + 2);
          i += 2;
          continue;
        }
        if (source[i] === '\n') line++;
        text += source[i];
        i++;
      }
      i++;
      out.push({ line: start, literal: text });
    } else {
      i++;
    }
  }
  return out;
}

export function looksLikeCalendarDate(text: string): boolean {
  return CALENDAR_DATE.some((re) => re.test(text));
}

/** The literal calendar dates of a test source that no `calendar-ok` comment vouches for. */
export function calendarLiterals(source: string): DateLiteral[] {
  const lines = source.split('\n');
  const vouched = (line: number) =>
    [lines[line - 1], lines[line - 2]].some((l) => l?.includes('calendar-ok') === true);
  return stringLiterals(source).filter((l) => looksLikeCalendarDate(l.literal) && !vouched(l.line));
}
