import fc from 'fast-check';

/** Up to 100 KB: a short random seed repeated, so generation stays cheap. */
const huge = fc
  .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.integer({ min: 201, max: 100_000 }))
  .map(([seed, length]) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length));

/**
 * Anything a chat can deliver: any code points (lone surrogates included), grapheme soup, strings
 * built from the parsers' own vocabulary (to reach the deep branches), and very long pastes.
 */
export function chatText(vocabulary: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.array(fc.constantFrom(...vocabulary), { maxLength: 12 }).map((parts) => parts.join('')),
    fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }).map((parts) => parts.join(' ')),
    huge,
  );
}

/** Long inputs designed to hurt backtracking regexes or quadratic loops. */
export const ADVERSARIAL: string[] = [
  'a'.repeat(100_000),
  '1'.repeat(100_000),
  '1.'.repeat(50_000),
  '1,'.repeat(50_000),
  ' '.repeat(100_000),
  `${'!'.repeat(99_999)}a`,
  'jam '.repeat(25_000),
  '1 juta '.repeat(14_000),
  'ya '.repeat(33_000),
  '👍'.repeat(50_000),
  `${'1'.repeat(150)}.${'5'.repeat(45)}`,
  `${'1.'.repeat(99)}1`,
  `jam ${'1'.repeat(190)}`,
  `${'a '.repeat(99)}b`,
];
