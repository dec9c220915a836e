import { describe, expect, it } from 'vitest';
import { isSkipAnswer } from '../../../src/parse/skip.js';

describe('an answer that skips an optional question', () => {
  it.each([
    'lewati',
    'Lewati.',
    'skip',
    '-',
    'kosong',
    'tidak ada',
    'Tidak ada.',
    'belum punya',
    'blm punya',
    'belum ada',
    'gak punya',
    'nggak ada',
    'ga usah',
    'tidak perlu',
    'enggak usah',
    'belum punya NIB',
    'tidak ada catatan',
    'tidak',
    'belum',
    'ndak ada',
    'ada tidak',
  ])('%j skips', (text) => {
    expect(isSkipAnswer(text)).toBe(true);
  });

  it.each([
    'ada',
    'punya',
    '1234567890123',
    'Kirim pagi hari',
    'tidak ada yang lebih murah dari kami',
    'belum punya gudang tapi bisa antar',
    'lewati saja jalan raya',
    '',
  ])('%j is an answer, not a skip', (text) => {
    expect(isSkipAnswer(text)).toBe(false);
  });
});
