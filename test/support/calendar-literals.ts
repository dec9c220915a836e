/**
 * A lint-like scan for the time bomb of December 2026: a test that types a calendar date written
 * into its source ('7/12', '25 Nov 14.00', '2026-12-01') works until the calendar passes that
 * date. Dates a test types or expects come from its clock through test/support/time.ts; a literal
 * that is not about the calendar (an impossible date a validator must refuse, an item called
 * "Batu split 2/3") says so with a `calendar-ok` comment on its line or the line before.
 */

export interface DateLiteral {
  line: number;
  literal: string;
}

const MONTH_WORDS =
  'jan|januari|january|feb|februari|february|pebruari|mar|maret|march|apr|april|mei|may|jun|juni|june|' +
  'jul|juli|july|agu|ags|agt|aug|agustus|august|sep|sept|september|okt|oct|oktober|october|' +
  'nov|nop|november|nopember|des|dec|desember|december';

const CALENDAR_DATE = [
  // 25/11, 25/11/2026, 25 / 11 — a day and a month that exist (times like 14.00 do not match).
  /(?<![\w./-])(?:0?[1-9]|[12]\d|3[01]) ?\/ ?(?:0?[1-9]|1[0-2])(?![\d.,])/,
  // 25 Nov, 25 November 2026, 3 des
  new RegExp(`(?<![\\w.])(?:0?[1-9]|[12]\\d|3[01]) ?(?:${MONTH_WORDS})\\b`, 'i'),
  // Nov 25
  new RegExp(`\\b(?:${MONTH_WORDS})\\.? (?:0?[1-9]|[12]\\d|3[01])(?!\\d)`, 'i'),
  // 2026-12-01 (a filter, a payment date, a period)
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
