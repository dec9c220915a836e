import { toLocal } from '../domain/time-zone.js';

/**
 * CSV as spreadsheets read it: RFC 4180 (CRLF, quotes doubled), UTF-8 with a byte-order mark so
 * Excel does not guess the encoding, and text that starts like a formula made inert.
 */

export type Cell = string | number | boolean | Date | null | undefined;

// OWASP "CSV injection": a cell starting with one of these may run as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

export function localDateTime(d: Date, timeZone: string): string {
  const l = toLocal(d.getTime(), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${l.y}-${p(l.m)}-${p(l.d)} ${p(l.hour)}:${p(l.minute)}`;
}

export function csvCell(value: Cell, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value instanceof Date ? localDateTime(value, timeZone) : value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][], timeZone: string): string {
  const line = (cells: readonly Cell[]) => cells.map((c) => csvCell(c, timeZone)).join(',');
  return `\uFEFF${[header.map((h) => csvCell(h, timeZone)).join(','), ...rows.map(line)].join('\r\n')}\r\n`;
}
