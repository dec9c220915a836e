const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const MAYBE_UNSTORABLE = /[\u0000\ud800-\udfff]/;

/**
 * Text PostgreSQL can hold: it refuses NUL in text and jsonb, and jsonb refuses an escaped lone
 * surrogate. NUL is dropped, a lone surrogate becomes U+FFFD (what UTF-8 encoding does anyway).
 */
export function storableText(value: string): string {
  if (!MAYBE_UNSTORABLE.test(value)) return value;
  return value.replace(LONE_SURROGATE, '\ufffd').replaceAll('\u0000', '');
}

/** A value whose every string (keys too) is storable text; other values are left as they are. */
export function storableValue<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storableValue) as T;
  if (value && typeof value === 'object' && isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [storableText(k), storableValue(v)]),
    ) as T;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
