import { describe, expect, it } from 'vitest';
import { asLocale, DICTIONARIES, LOCALES, type MessageKey, translate } from '../../src/i18n/index.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  const keys = Object.keys(DICTIONARIES.id) as MessageKey[];

  it('offers Indonesian first and English', () => {
    expect(LOCALES).toEqual(['id', 'en']);
  });

  it.each(LOCALES)('%s has every key, none empty, with the same placeholders as Indonesian', (locale) => {
    const dict = DICTIONARIES[locale] as Record<string, string>;
    expect(Object.keys(dict).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(dict[key]?.trim().length, `${locale}.${key} is empty`).toBeGreaterThan(0);
      expect(placeholders(dict[key] ?? ''), `${locale}.${key} placeholders`).toEqual(
        placeholders(DICTIONARIES.id[key]),
      );
    }
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('id', 'complaint.filed', { number: 'ADU-7' })).toContain('Pengaduan *ADU-7* sudah');
    expect(translate('en', 'hint.choose_number', { max: 4 })).toContain('from 1 to 4');
    expect(translate('id', 'complaint.filed')).toContain('{number}');
  });

  it('falls back to the configured default for an unknown language', () => {
    expect(asLocale('fr', 'en')).toBe('en');
    expect(asLocale(null)).toBe('id');
    expect(asLocale('en')).toBe('en');
  });

  it('every key the code names exists (texts live only in the dictionaries)', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.includes('/i18n/')) files.push(p);
      }
    };
    walk('src');
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-z_]+\.[a-z_.]+)'/g))
        used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in DICTIONARIES.id))).toEqual([]);
  });
});
