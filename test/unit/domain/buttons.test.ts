import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AWARD_OUTCOMES,
  awardButton,
  type Button,
  buttonData,
  MAX_BUTTON_BYTES,
  readButton,
  TENDER_ACTIONS,
  tenderButton,
} from '../../../src/domain/buttons.js';

const id = fc.integer({ min: 1, max: 999_999_999_999_999 });
const button: fc.Arbitrary<Button> = fc.oneof(
  fc.record({ kind: fc.constant('tender' as const), needId: id, action: fc.constantFrom(...TENDER_ACTIONS) }),
  fc.record({
    kind: fc.constant('award' as const),
    needId: id,
    choice: fc.oneof(fc.record({ quoteId: id }), fc.constantFrom(...AWARD_OUTCOMES)),
  }),
);

describe('button data', () => {
  it('builds the forms the chats already carry', () => {
    expect(tenderButton(42, 'quote')).toBe('t:42:quote');
    expect(tenderButton(42, 'withdraw')).toBe('t:42:withdraw');
    expect(awardButton(42, { quoteId: 7 })).toBe('a:42:q7');
    expect(awardButton(42, 'unsuccessful')).toBe('a:42:unsuccessful');
  });

  it('reads back what it built, within Telegram’s 64 bytes', () => {
    fc.assert(
      fc.property(button, (b) => {
        const data = buttonData(b);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_BUTTON_BYTES);
        expect(readButton(data)).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['another option id', 'back'],
    ['an empty tap', ''],
    ['no tap at all', undefined],
    ['an unknown action', 't:42:steal'],
    ['a forged 30-digit id', `t:${'9'.repeat(30)}:quote`],
    ['a zero id', 't:0:quote'],
    ['a padded id', 't:007:quote'],
    ['a negative id', 't:-1:quote'],
    ['an extra segment', 't:42:quote:x'],
    ['an award of quote zero', 'a:42:q0'],
    ['an award without a quote id', 'a:42:q'],
    ['a tender action on an award', 'a:42:quote'],
    ['an option id with the prefix inside', 'x t:42:quote'],
  ])('reads %s as no button', (_, data) => {
    expect(readButton(data)).toBeNull();
  });

  it('refuses to build a button with an id no need or quote can have', () => {
    expect(() => tenderButton(0, 'quote')).toThrow(RangeError);
    expect(() => tenderButton(1.5, 'quote')).toThrow(RangeError);
    expect(() => awardButton(1, { quoteId: 10 ** 15 })).toThrow(RangeError);
  });
});
