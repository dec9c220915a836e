import { createHmac, timingSafeEqual } from 'node:crypto';

// A document link travels through WhatsApp/Telegram to people who have no login; the signature
// stands in for one, and the expiry bounds how long a forwarded link keeps working.

function digest(path: string, exp: number, secret: string): Buffer {
  // The newline keeps "/a.pdf" + "12" from signing the same bytes as "/a.pdf1" + "2".
  return createHmac('sha256', secret).update(`${path}\n${exp}`).digest();
}

/** `path?exp=<unix seconds>&sig=<hex HMAC-SHA256>`; the path is signed exactly as given. */
export function signDocumentPath(path: string, secret: string, expiresAt: Date): string {
  if (!secret) throw new Error('signDocumentPath: an empty secret would let anyone forge links');
  // The verifier sees the path without its query, so a query here could never verify.
  if (path.includes('?') || path.includes('#')) throw new Error('signDocumentPath: path must have no query');
  const exp = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(exp)) throw new Error('signDocumentPath: invalid expiry date');
  return `${path}?exp=${exp}&sig=${digest(path, exp, secret).toString('hex')}`;
}

/** False for a missing, malformed, forged or expired signature; never throws on input. */
export function verifyDocumentSignature(
  path: string,
  exp: string | number | undefined,
  sig: string | undefined,
  secret: string,
  now: Date,
): boolean {
  if (!secret || exp === undefined || sig === undefined) return false;
  if (typeof exp === 'string' && !/^\d{1,12}$/.test(exp)) return false;
  const expSeconds = Number(exp);
  if (!Number.isSafeInteger(expSeconds) || expSeconds < 0) return false;
  if (now.getTime() >= expSeconds * 1000) return false;
  if (!/^[0-9a-f]{64}$/i.test(sig)) return false;
  return timingSafeEqual(Buffer.from(sig, 'hex'), digest(path, expSeconds, secret));
}
