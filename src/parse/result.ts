/**
 * Outcome of parsing one chat answer. Errors are machine-readable codes, never sentences: the
 * conversation layer maps them to i18n hints so every language gets the same behaviour.
 */
export type ParseResult<T, E extends string = string> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E extends string>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
