import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGlobalCommand } from '../../../src/conversation/globals.js';
import { cleanText, isWellFormedInbound, sanitizeInbound } from '../../../src/conversation/sanitize.js';
import type { Inbound } from '../../../src/conversation/types.js';
import { formatDate, formatDateTime } from '../../../src/parse/date-format.js';
import { parseDateTime } from '../../../src/parse/dates.js';
import { DEFAULT_MAX_RUPIAH, formatRupiah, parseRupiah } from '../../../src/parse/money.js';
import { matchOption } from '../../../src/parse/options.js';
import { maskPhone, parsePhone } from '../../../src/parse/phone.js';
import { MAX_QUANTITY, parseQuantity } from '../../../src/parse/quantity.js';
import { levenshtein, normalize, prepare, similarity } from '../../../src/parse/text.js';
import { parseTimeRange } from '../../../src/parse/time-range.js';
import { canonicalUnit } from '../../../src/parse/units.js';
import { parseYesNo } from '../../../src/parse/yesno.js';

/**
 * Every parser and every function that touches what people type, fed the same hostile mix:
 * random code points (lone surrogates, NUL, controls), grapheme soup, right-to-left text,
 * SQL- and HTML-looking text, emoji, and pastes up to 100 KB. Each must return a value of its
 * declared shape — never throw — and what it accepts must satisfy its contract.
 */

const RUNS = 300;

const FIXED = [
  "'; drop table users; --",
  "1' or '1'='1",
  'Robert"); DELETE FROM quotes;--',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  `{{7*7}} $${'{7*7}'} #{7*7}`,
  'مرحبا ١٢٣ ريال',
  '\u202e0981 234 5678\u202c',
  'שלום 1,5 juta',
  '１２３４５',
  '🙏💰🔥 1jt',
  '👨‍👩‍👧‍👦',
  '\u0000\u0001\u0002\u007f',
  '\ud800\udc00\ud800',
  '\ufeff\u200b\u200d1.500.000',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '9'.repeat(400),
  `${'1.'.repeat(150)}1`,
  '__proto__',
  'constructor',
];

const huge = fc
  .tuple(
    fc.constantFrom(
      'a',
      '1',
      '1.',
      '1,',
      ' ',
      '!',
      'jam ',
      '1 juta ',
      'ya ',
      '👍',
      'ا',
      '<b>',
      "'",
      '\u0000',
    ),
    fc.integer({ min: 1_000, max: 100_000 }),
  )
  .map(([seed, n]) => seed.repeat(Math.ceil(n / seed.length)).slice(0, n));

const VOCAB = [
  '1',
  '5',
  '00',
  '.',
  ',',
  ' ',
  '-',
  '/',
  ':',
  'rp',
  'jt',
  'juta',
  'rb',
  'm',
  'sak',
  'm3',
  'besok',
  'lusa',
  'jam',
  'senin',
  'nov',
  'ya',
  'tidak',
  '+62',
  '0812',
  'batal',
  'setengah',
];

const hostile = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...FIXED) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 }) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...VOCAB), { maxLength: 12 }).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...VOCAB), { maxLength: 10 }).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: huge },
);

const NOW = new Date('2026-11-23T07:00:00Z');
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('parsers under hostile text', () => {
  it('parseRupiah: never throws; an accepted amount is a positive safe integer under the ceiling', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.option(fc.integer({ min: 1, max: DEFAULT_MAX_RUPIAH }), { nil: undefined }),
        (s, max) => {
          const r = parseRupiah(s, max === undefined ? undefined : { max });
          if (r.ok) {
            expect(Number.isSafeInteger(r.value)).toBe(true);
            expect(r.value).toBeGreaterThan(0);
            expect(r.value).toBeLessThanOrEqual(max ?? DEFAULT_MAX_RUPIAH);
            expect(formatRupiah(r.value, 'id')).toMatch(/^Rp[\d.]+$/);
          } else
            expect(['empty', 'not_a_number', 'negative', 'zero', 'fraction', 'too_large']).toContain(r.error);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('parseQuantity: never throws; an accepted quantity is finite, positive and bounded', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const r = parseQuantity(s);
        if (r.ok) {
          expect(Number.isFinite(r.value.amount)).toBe(true);
          expect(r.value.amount).toBeGreaterThan(0);
          expect(r.value.amount).toBeLessThanOrEqual(MAX_QUANTITY);
          expect(r.value.unit === null || typeof r.value.unit === 'string').toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('parseDateTime: never throws; an accepted date is a real instant, not in the past', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'),
        (s, timeZone) => {
          const r = parseDateTime(s, { now: NOW, timeZone });
          if (r.ok) {
            expect(Number.isNaN(r.value.at.getTime())).toBe(false);
            expect(r.value.at.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 60_000);
            expect(typeof formatDateTime(r.value.at, 'id', timeZone)).toBe('string');
            expect(typeof formatDate(r.value.at, 'en', timeZone)).toBe('string');
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('parsePhone: never throws; an accepted number is E.164, and its mask hides the middle', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const r = parsePhone(s);
        if (r.ok) {
          expect(r.value).toMatch(/^\+\d{8,15}$/);
          const masked = maskPhone(r.value);
          expect(masked).toContain('****');
          expect(masked.replace(/\D/g, '')).not.toContain(r.value.slice(-7));
        }
        expect(typeof maskPhone(s)).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('matchOption: never throws; answers only with ids that were offered', () => {
    const options = [
      { id: 'a', label: 'Bahan bangunan', aliases: ['material'] },
      { id: 'b', label: 'Alat tulis kantor (ATK)' },
      { id: 'c', label: '<script>', aliases: ["' or 1=1"] },
      { id: 'd', label: 'مرحبا' },
    ];
    fc.assert(
      fc.property(hostile, (s) => {
        const m = matchOption(s, options);
        const ids = options.map((o) => o.id);
        if (m && 'id' in m) expect(ids).toContain(m.id);
        if (m && 'ambiguous' in m) for (const id of m.ambiguous) expect(ids).toContain(id);
      }),
      { numRuns: RUNS },
    );
  });

  it('yes/no, time ranges, units, global commands, text helpers: never throw, keep their shapes', () => {
    fc.assert(
      fc.property(hostile, hostile, (s, other) => {
        expect([true, false, null]).toContain(parseYesNo(s));
        const range = parseTimeRange(s);
        if (range && range !== 'off') {
          for (const m of [range.start, range.end]) {
            expect(Number.isInteger(m) && m >= 0 && m < 24 * 60).toBe(true);
          }
        }
        const unit = canonicalUnit(s);
        expect(unit === null || (typeof unit === 'string' && unit.length <= 40)).toBe(true);
        const cmd = parseGlobalCommand(s);
        expect(cmd === null || typeof cmd.kind === 'string').toBe(true);
        const p = prepare(s);
        expect(p === null || p.length <= 200).toBe(true);
        expect(normalize(s).length).toBeLessThanOrEqual(200);
        const a = s.slice(0, 60);
        const b = other.slice(0, 60);
        const d = levenshtein(a, b, 3);
        expect(d >= 0 && d <= 4).toBe(true);
        const sim = similarity(a, b);
        expect(sim >= 0 && sim <= 1).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('what enters the engine', () => {
  it('cleanText and sanitizeInbound: storable (no NUL, no lone surrogate) and bounded', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (text, id, name) => {
        const cleaned = cleanText(text, 4096);
        expect(cleaned.includes('\u0000')).toBe(false);
        expect(LONE.test(cleaned)).toBe(false);
        const m = sanitizeInbound({
          channel: 'web',
          externalUserId: id,
          messageId: id,
          at: NOW,
          displayName: name,
          text,
          optionId: text,
          contact: { phone: text, name },
          media: { kind: 'photo', fileId: text, caption: text },
        });
        expect(m.text?.length ?? 0).toBeLessThanOrEqual(4096);
        expect(m.externalUserId.length).toBeLessThanOrEqual(128);
        expect(m.optionId?.length ?? 0).toBeLessThanOrEqual(256);
        expect(m.media?.caption?.length ?? 0).toBeLessThanOrEqual(1024);
        for (const v of [m.text, m.displayName, m.optionId, m.contact?.phone, m.media?.fileId]) {
          expect((v ?? '').includes('\u0000')).toBe(false);
          expect(LONE.test(v ?? '')).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('isWellFormedInbound: never throws on any value, and refuses wrong types', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (value) => {
        expect(typeof isWellFormedInbound(value)).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
    const good: Inbound = {
      channel: 'telegram',
      externalUserId: '1',
      messageId: 'u1',
      at: NOW,
      text: 'halo',
    };
    expect(isWellFormedInbound(good)).toBe(true);
    for (const bad of [
      { ...good, text: 5 },
      { ...good, externalUserId: '' },
      { ...good, at: new Date(Number.NaN) },
      { ...good, optionId: {} },
      { ...good, contact: { phone: null } },
      { ...good, location: { latitude: 91, longitude: 0 } },
      { ...good, location: { latitude: '1', longitude: 0 } },
      { ...good, media: { kind: 'constructor', fileId: 'x' } },
      { ...good, media: { kind: 'photo', fileId: 1 } },
    ]) {
      expect(isWellFormedInbound(bad)).toBe(false);
    }
  });
});
