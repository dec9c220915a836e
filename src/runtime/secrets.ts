import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Whether a secret someone sent (a token, a header, a signature in hex) is the expected one. Both
 * are hashed first, so the comparison takes the same time whatever their lengths and wherever
 * they differ, and text of another length (or of multi-byte characters) never throws.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * A secret a one-box install needs but nobody configured: made once, kept under DATA_DIR
 * (readable by the project's user only) so links signed before a restart still work after it.
 */
export async function localSecret(dataDir: string, name: string): Promise<string> {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
    // Another role created it first: use theirs.
    if (err.code !== 'EEXIST') throw err;
  });
  return readFileSync(file, 'utf8').trim();
}
