import { en } from './en.js';
import { id } from './id.js';

/** Indonesian is the source: its keys are the keys every other language must have. */
export type MessageKey = keyof typeof id;
export type Dictionary = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

/**
 * Languages by code. Adding one is adding a dictionary file typed `Dictionary` (the compiler
 * then lists any missing key) and one line here; no flow changes.
 */
export const DICTIONARIES = { id, en } satisfies Record<string, Dictionary>;
export type Locale = keyof typeof DICTIONARIES;
export const LOCALES = Object.keys(DICTIONARIES) as Locale[];

/** Every language, by its own name: the options of the language question. */
export function languageOptions(): Array<{ id: Locale; label: string }> {
  return LOCALES.map((id) => ({ id, label: DICTIONARIES[id]['language.name'] }));
}

export function asLocale(value: string | null | undefined, fallback: string = 'id'): Locale {
  if (value && value in DICTIONARIES) return value as Locale;
  return fallback in DICTIONARIES ? (fallback as Locale) : 'id';
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[locale][key] ?? DICTIONARIES.id[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
