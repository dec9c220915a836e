import type { Kysely } from 'kysely';
import { needToRelease, releasePackage } from '../domain/ocds.js';
import { addDays, addMonths, fromLocal, type LocalDate } from '../domain/time-zone.js';
import { type ExportFilter, ocdsNeeds } from '../store/exports.js';
import type { Database } from '../store/schema.js';

export interface OcdsSettings {
  ocidPrefix: string;
  publisherName: string;
  timeZone: string;
}

/** A release package of the needs the filter selects (only those past their deadline). */
export async function ocdsPackage(
  db: Kysely<Database>,
  filter: ExportFilter & { needIds?: number[] },
  s: OcdsSettings & { uri: string; now: Date },
) {
  const needs = await ocdsNeeds(db, filter, s.now);
  const releases = needs.map((n) => needToRelease(n, { ocidPrefix: s.ocidPrefix, now: s.now }));
  return releasePackage(releases, { uri: s.uri, publisherName: s.publisherName, now: s.now });
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localDate(s: string): LocalDate | null {
  const m = DAY.exec(s);
  if (!m) return null;
  const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const check = new Date(Date.UTC(d.y, d.m - 1, d.d));
  return check.getUTCMonth() === d.m - 1 && check.getUTCDate() === d.d ? d : null;
}

/**
 * A period from `from`/`to` (YYYY-MM-DD, both days included) or `month` (YYYY-MM), as local days
 * of the time zone. Undefined bounds stay open; a malformed one is an error for a 400.
 */
export function parsePeriod(
  q: { from?: string; to?: string; month?: string },
  timeZone: string,
): { from?: Date; to?: Date } | { error: string } {
  if (q.month) {
    const d = localDate(`${q.month}-01`);
    if (!d) return { error: 'month must be YYYY-MM' };
    return { from: fromLocal(d, 0, 0, timeZone), to: fromLocal(addMonths(d, 1), 0, 0, timeZone) };
  }
  const out: { from?: Date; to?: Date } = {};
  if (q.from) {
    const d = localDate(q.from);
    if (!d) return { error: 'from must be a date YYYY-MM-DD' };
    out.from = fromLocal(d, 0, 0, timeZone);
  }
  if (q.to) {
    const d = localDate(q.to);
    if (!d) return { error: 'to must be a date YYYY-MM-DD' };
    out.to = fromLocal(addDays(d, 1), 0, 0, timeZone);
  }
  if (out.from && out.to && out.from >= out.to) return { error: 'from must not be after to' };
  return out;
}
