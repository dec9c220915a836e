import { describe, expect, it } from 'vitest';
import type { RankedLine } from '../../src/domain/events.js';
import { type MessageKey, type Params, translate } from '../../src/i18n/index.js';
import { rankedPrompt } from '../../src/notices/format.js';

const t = (key: MessageKey, params?: Params) => translate('id', key, params);
const quote = (quoteId: number, business_name: string, total: number): RankedLine => ({
  quoteId,
  business_name,
  total,
  delivery_days: 3,
  rating_sum: 0,
  rating_count: 0,
  ring: 'desa',
});
const need = { id: 7, number: 'PD-3214-2026-0007', minQuotes: 2 };

describe("the officer's choice at the deadline", () => {
  it('with too few quotes, lists them as bullets so they never share numbers with the three ways forward', () => {
    const p = rankedPrompt(t, 'id', need, [quote(1, 'TB Maju Bersama', 11_500_000)], 1);
    expect(p.enough).toBe(false);
    expect(p.text).toContain('• TB Maju Bersama — Rp11.500.000');
    expect(p.text).not.toMatch(/^\s*1\./m);
    expect(p.options.map((o) => o.label)).toEqual([
      'Perpanjang batas waktu',
      'Perluas ke penyedia lain',
      'Nyatakan gagal',
    ]);
  });

  it('with enough, numbers the quotes as their buttons are numbered, and the labels carry no number', () => {
    const p = rankedPrompt(
      t,
      'id',
      need,
      [quote(1, 'TB Maju', 11_000_000), quote(2, 'TB Jaya', 12_000_000)],
      2,
    );
    expect(p.text).toContain('1. TB Maju — Rp11.000.000');
    expect(p.text).toContain('2. TB Jaya — Rp12.000.000');
    expect(p.options.map((o) => o.label)).toEqual(['TB Maju — Rp11.000.000', 'TB Jaya — Rp12.000.000']);
  });
});
