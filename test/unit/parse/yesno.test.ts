import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../../src/parse/yesno.js';
import { ADVERSARIAL, chatText } from './arbitraries.js';

describe('parseYesNo', () => {
  it.each([
    'ya',
    'Ya!',
    'YA',
    'y',
    'Y.',
    'iya',
    'iyah',
    'iyaa',
    'yaaa',
    'yes',
    'ok',
    ' OK. ',
    'oke',
    'okee',
    'okay',
    'setuju',
    'benar',
    'betul',
    'sip',
    'sipp',
    'siap',
    'siap pak',
    'lanjut',
    'boleh',
    'sudah',
    '👍',
    '👍🏽',
    'ok👍',
    'ya benar',
    'oke deh',
    '✅',
    'iya, terima kasih',
  ])('%j → yes', (input) => {
    expect(parseYesNo(input)).toBe(true);
  });

  it.each([
    'tidak',
    'Tidak.',
    'tdk',
    'gak',
    'ga',
    'gk',
    'nggak',
    'enggak',
    'engga',
    'no',
    'N',
    'bukan',
    'jangan',
    'salah',
    'belum',
    '👎',
    'gak usah',
    'tidak jadi',
    'tidak mau',
    'nggak pak',
    '❌',
  ])('%j → no', (input) => {
    expect(parseYesNo(input)).toBe(false);
  });

  it.each([
    '',
    '   ',
    'batal',
    'ya batal',
    'menu',
    'kembali',
    'mungkin',
    'ya tidak',
    'ok tapi nanti',
    '1',
    '2',
    'yaitu',
    'tidak tahu',
    'mau',
    'pak',
    '🙏',
    'ya ya ya ya ya ya ya',
  ])('%j → null', (input) => {
    expect(parseYesNo(input)).toBeNull();
  });

  it('never throws and returns true, false or null', () => {
    const vocabulary = ['ya', 'tidak', 'ok', '👍', '👎', ' ', '!', 'pak', 'batal', 'a'];
    fc.assert(
      fc.property(chatText(vocabulary), (input) => {
        expect([true, false, null]).toContain(parseYesNo(input));
      }),
    );
  });

  it('stays fast on hostile 100 KB input', () => {
    const started = performance.now();
    for (const input of ADVERSARIAL) expect(parseYesNo(input)).toBeNull();
    expect(performance.now() - started).toBeLessThan(250);
  });
});
