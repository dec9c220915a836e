import { describe, expect, it } from 'vitest';
import { parseGlobalCommand } from '../../src/conversation/globals.js';
import { decide } from '../../src/domain/policy.js';
import { parseTimeRange } from '../../src/parse/time-range.js';

describe('global commands', () => {
  it.each([
    ['menu', 'menu'],
    ['MENU', 'menu'],
    [' Menu! ', 'menu'],
    ['/start', 'menu'],
    ['batal', 'cancel'],
    ['Batalkan.', 'cancel'],
    ['cancel', 'cancel'],
    ['kembali', 'back'],
    ['back', 'back'],
    ['bantuan', 'help'],
    ['?', 'help'],
    ['tolong', 'help'],
    ['bahasa', 'language'],
    ['English', 'language'],
  ])('%j is %s', (text, kind) => {
    expect(parseGlobalCommand(text)?.kind).toBe(kind);
  });

  it.each(['menu makan siang', 'saya mau batal pesan', 'Toko Kembali Jaya', '1', ''])(
    '%j is an answer, not a command',
    (text) => {
      expect(parseGlobalCommand(text)).toBeNull();
    },
  );

  it('switching language names the target', () => {
    expect(parseGlobalCommand('english')).toEqual({ kind: 'language', locale: 'en' });
    expect(parseGlobalCommand('bahasa indonesia')).toEqual({ kind: 'language', locale: 'id' });
  });
});

describe('quiet hours', () => {
  it.each([
    ['21-6', { start: 21 * 60, end: 6 * 60 }],
    ['21.00-06.00', { start: 21 * 60, end: 6 * 60 }],
    ['22:30 sampai 05:15', { start: 22 * 60 + 30, end: 5 * 60 + 15 }],
    ['jam 9 malam - jam 6 pagi', { start: 21 * 60, end: 6 * 60 }],
    ['20 s/d 7', { start: 20 * 60, end: 7 * 60 }],
  ])('%j', (text, range) => {
    expect(parseTimeRange(text)).toEqual(range);
  });
  it.each(['tidak ada', 'mati', 'off'])('%j turns them off', (text) => {
    expect(parseTimeRange(text)).toBe('off');
  });
  it.each(['besok', '25-99', '21-21', '9', 'x'.repeat(500)])('%j is refused', (text) => {
    expect(parseTimeRange(text)).toBeNull();
  });
});

describe('policy', () => {
  const base = { status: 'active' as const, officer: null, vendor: null };
  it('an unverified officer cannot post needs, a verified one can', () => {
    expect(decide({ ...base, officer: { verification: 'pending' } }, 'post_need')).toEqual({
      allowed: false,
      reason: 'officer_pending',
    });
    expect(decide({ ...base, officer: { verification: 'verified' } }, 'post_need')).toEqual({
      allowed: true,
    });
  });
  it('a suspended person may do nothing, not even chat', () => {
    const s = { ...base, status: 'suspended' as const, officer: { verification: 'verified' as const } };
    for (const a of ['chat', 'post_need', 'edit_profile'] as const) {
      expect(decide(s, a)).toEqual({ allowed: false, reason: 'suspended' });
    }
  });
  it('vendors quote, officers do not', () => {
    expect(decide({ ...base, vendor: { verification: 'pending' } }, 'quote')).toEqual({ allowed: true });
    expect(decide({ ...base, vendor: { verification: 'rejected' } }, 'quote')).toEqual({
      allowed: false,
      reason: 'vendor_rejected',
    });
    expect(decide({ ...base, officer: { verification: 'verified' } }, 'quote')).toEqual({
      allowed: false,
      reason: 'not_vendor',
    });
  });
});

describe('the link command', () => {
  it('reads a six-digit code after hubungkan / link, spaced or not', () => {
    for (const text of [
      'hubungkan 482913',
      'Hubungkan 482 913',
      'HUBUNGKAN: 482913',
      'link 482913',
      '/link 482913',
    ]) {
      expect(parseGlobalCommand(text), text).toEqual({ kind: 'link', code: '482913' });
    }
  });
  it('is not a link command without exactly six digits', () => {
    for (const text of [
      'hubungkan',
      'hubungkan 12345',
      'hubungkan 1234567',
      'hubungkan abcdef',
      'tolong hubungkan 482913',
    ]) {
      expect(parseGlobalCommand(text)?.kind, text).not.toBe('link');
    }
  });
});
