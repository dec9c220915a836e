/**
 * Human document numbers: PD-3214-2026-0042 (need), SP-3214-2026-0007 (surat pesanan),
 * BAST-3214-2026-0003. The sequence comes from number_counters, one per regency and year, taken
 * in the same transaction as the document; this module only formats it.
 */

import { toLocal } from './time-zone.js';

/**
 * The year a document numbered at `now` carries: the regency's calendar year, not UTC's — on
 * 1 January 03.00 WIB it is already the new year in the desa while UTC still shows the old one.
 */
export function documentYear(now: Date, timeZone: string): number {
  return toLocal(now.getTime(), timeZone).y;
}

export type DocumentKind = 'need' | 'order' | 'bast';

export const DOCUMENT_PREFIX: Readonly<Record<DocumentKind, string>> = {
  need: 'PD',
  order: 'SP',
  bast: 'BAST',
};

/** Four digits read well aloud and sort as text; a busy regency simply gets a fifth. */
const MIN_DIGITS = 4;

function documentNumber(kind: DocumentKind, regencyCode: string, year: number, seq: number): string {
  if (!/^\d{2}\.\d{2}$/.test(regencyCode)) {
    throw new RangeError(`regencyCode must look like "32.14", got ${JSON.stringify(regencyCode)}`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year must have four digits, got ${year}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1)
    throw new RangeError(`seq must be a whole number ≥ 1, got ${seq}`);
  // Official regency codes are "32.14"; inside a number the dot would read as a thousands separator.
  const padded = String(seq).padStart(MIN_DIGITS, '0');
  return `${DOCUMENT_PREFIX[kind]}-${regencyCode.replace('.', '')}-${year}-${padded}`;
}

export function needNumber(regencyCode: string, year: number, seq: number): string {
  return documentNumber('need', regencyCode, year, seq);
}

export function orderNumber(regencyCode: string, year: number, seq: number): string {
  return documentNumber('order', regencyCode, year, seq);
}

export function bastNumber(regencyCode: string, year: number, seq: number): string {
  return documentNumber('bast', regencyCode, year, seq);
}

/**
 * A row id typed into a URL or a form: digits only, 1 to 2,147,483,647 (the range of an integer
 * column, and well inside bigint ones). Anything else is no id at all, so a lookup answers "not
 * found" instead of PostgreSQL refusing the value.
 */
export function parseRowId(text: string | undefined | null): number | null {
  if (!text || !/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}
