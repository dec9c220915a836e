import type { CountryCode } from 'libphonenumber-js';
// The "max" metadata validates per number type, so "081234567" (a mobile prefix, too short) is refused.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fail, ok, type ParseResult } from './result.js';

export type PhoneError = 'empty' | 'invalid';

const MAX_PHONE_INPUT = 64;
// Anything else (letters, emoji) means the text is not just a number: libphonenumber would otherwise
// silently drop the tail of "+62812abc" and accept a prefix.
const PHONE_CHARS = /^\+?[\d\s().\-/]+$/;

/** Phone number as typed in chat ("0812-3456-7890", "62812…", "(021) 555-1234") to E.164. */
export function parsePhone(
  input: string,
  defaultCountry: CountryCode = 'ID',
): ParseResult<string, PhoneError> {
  if (input.length > MAX_PHONE_INPUT * 4) return fail('invalid');
  const s = input
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .trim()
    .replace(/^00(?=[1-9])/, '+');
  if (s === '') return fail('empty');
  if (s.length > MAX_PHONE_INPUT || !PHONE_CHARS.test(s)) return fail('invalid');
  const phone = parsePhoneNumberFromString(s, defaultCountry);
  return phone?.isValid() ? ok(phone.number) : fail('invalid');
}

/**
 * `+62 812****890`: enough to recognise one's own number, not enough to harvest it. Also takes the
 * plus-less international form that WhatsApp uses for sender ids ("6281234567890").
 */
export function maskPhone(e164: string): string {
  const trimmed = e164.trim().slice(0, MAX_PHONE_INPUT);
  const phone = parsePhoneNumberFromString(/^\d{8,15}$/.test(trimmed) ? `+${trimmed}` : trimmed);
  const digits = phone ? phone.nationalNumber : trimmed.replace(/\D/g, '');
  const prefix = phone ? `+${phone.countryCallingCode} ` : '';
  if (digits.length < 7) return `${prefix}****${digits.slice(-2)}`;
  return `${prefix}${digits.slice(0, 3)}****${digits.slice(-3)}`;
}

/** A full number for the one person who needs to call it (`+62 812-3456-7890`). */
export function displayPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164.trim().slice(0, MAX_PHONE_INPUT));
  if (!phone) return e164;
  return `+${phone.countryCallingCode} ${phone.formatInternational().split(' ').slice(1).join('-')}`;
}
