import { describe, expect, it } from 'vitest';
import { sameSecret } from '../../src/runtime/secrets.js';

describe('comparing a secret someone sent', () => {
  it('accepts only the very same text', () => {
    expect(sameSecret('rahasia-123', 'rahasia-123')).toBe(true);
    expect(sameSecret('rahasia-124', 'rahasia-123')).toBe(false);
    expect(sameSecret('rahasia-12', 'rahasia-123')).toBe(false);
    expect(sameSecret('', 'rahasia-123')).toBe(false);
  });

  it('refuses text of the same length in characters but not in bytes, without throwing', () => {
    expect(sameSecret('é'.repeat(11), 'rahasia-123')).toBe(false);
    expect(sameSecret('rahasia-123', '🙏'.repeat(5))).toBe(false);
  });
});
