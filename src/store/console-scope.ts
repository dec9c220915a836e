import { type RawBuilder, sql } from 'kysely';

/**
 * Which regencies a console query may read: one regency, the regencies of one province, or all.
 * Every console query takes one; the console builds it from the logged-in admin.
 */
export interface Scope {
  regency?: string;
  province?: string;
}

/** `col` holds a regency code (e.g. needs.regency_code). */
export function regencyIn(col: string, s: Scope): RawBuilder<boolean> {
  if (s.regency) return sql<boolean>`${sql.ref(col)} = ${s.regency}`;
  if (s.province) return sql<boolean>`${sql.ref(col)} like ${`${s.province}.%`}`;
  return sql<boolean>`true`;
}

/** `col` holds a district or village code, which starts with its regency's code. */
export function areaIn(col: string, s: Scope): RawBuilder<boolean> {
  if (s.regency) return sql<boolean>`${sql.ref(col)} like ${`${s.regency}.%`}`;
  if (s.province) return sql<boolean>`${sql.ref(col)} like ${`${s.province}.%`}`;
  return sql<boolean>`true`;
}

/**
 * Rows per console list: keeps every page well under 200 KB on a slow connection. Queues show
 * their oldest rows first, so what is left waits for the next look rather than disappearing.
 */
export const LIST_LIMIT = 60;
