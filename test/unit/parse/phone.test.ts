import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPhone, maskPhone, type PhoneError, parsePhone } from '../../../src/parse/phone.js';
import { ADVERSARIAL, chatText } from './arbitraries.js';

describe('parsePhone', () => {
  it.each<[string, string]>([
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['081234567890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62-812-3456-7890', '+6281234567890'],
    ['62812345678 90', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['0062 812 3456 7890', '+6281234567890'],
    ['\u202a+62 812-3456-7890\u202c', '+6281234567890'],
    ['０８１２３４５６７８９０', '+6281234567890'],
    ['(021) 555-1234', '+62215551234'],
    ['0274 123456', '+62274123456'],
    ['+65 6123 4567', '+6561234567'],
  ])('%j → %s', (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: e164 });
  });

  it('uses the default country for national numbers', () => {
    expect(parsePhone('6123 4567', 'SG')).toEqual({ ok: true, value: '+6561234567' });
  });

  it.each<[string, PhoneError]>([
    ['', 'empty'],
    ['  ', 'empty'],
    ['12345', 'invalid'],
    ['081234', 'invalid'],
    ['081234567', 'invalid'],
    ['00000000000', 'invalid'],
    ['abc', 'invalid'],
    ['+62812abc', 'invalid'],
    ['0812-3456-7890 ext', 'invalid'],
    ['telp 0812 3456 7890', 'invalid'],
    ['1'.repeat(100), 'invalid'],
  ])('%j → %s', (input, error) => {
    expect(parsePhone(input)).toEqual({ ok: false, error });
  });
});

describe('maskPhone', () => {
  it.each<[string, string]>([
    ['+6281234567890', '+62 812****890'],
    ['6281234567890', '+62 812****890'],
    ['+62215551234', '+62 215****234'],
    ['+6561234567', '+65 612****567'],
    ['garbage', '****'],
    ['', '****'],
  ])('%j → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('parsePhone properties', () => {
  const vocabulary = ['0', '8', '1', '2', '6', '+', '-', ' ', '(', ')', '.', 'a'];

  it('never throws and returns E.164 or a known error; maskPhone never throws', () => {
    fc.assert(
      fc.property(chatText(vocabulary), (input) => {
        const r = parsePhone(input);
        if (r.ok) {
          expect(r.value).toMatch(/^\+[1-9]\d{6,14}$/);
          expect(maskPhone(r.value)).toMatch(/^\+\d{1,3} \d{3}\*{4}\d{3}$/);
        } else {
          expect(['empty', 'invalid']).toContain(r.error);
        }
        expect(typeof maskPhone(input)).toBe('string');
      }),
    );
  });

  it('stays fast on hostile 100 KB input', () => {
    const started = performance.now();
    for (const input of ADVERSARIAL) expect(parsePhone(input).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('displayPhone', () => {
  it('writes a full number the Indonesian way, for the one person who needs it', () => {
    expect(displayPhone('+6281234567890')).toBe('+62 812-3456-7890');
    expect(displayPhone('+62215551234')).toBe('+62 21-5551234');
  });
});
