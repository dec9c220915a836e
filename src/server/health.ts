import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { errorMessage } from '../logger.js';
import { ping } from '../store/db.js';
import type { Database } from '../store/schema.js';

export type Check = () => Promise<void>;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

export function postgresCheck(db: Kysely<Database>, timeoutMs = 2000): Check {
  return async () => {
    await withTimeout(ping(db), timeoutMs, 'postgres');
  };
}

export function redisCheck(probe: Redis, timeoutMs = 1000): Check {
  return async () => {
    const reply = await withTimeout(probe.ping(), timeoutMs, 'redis');
    if (reply !== 'PONG') throw new Error(`redis answered ${reply}`);
  };
}

export async function runChecks(checks: Record<string, Check>) {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await check();
        return [name, { ok: true }] as const;
      } catch (err) {
        return [name, { ok: false, error: errorMessage(err) }] as const;
      }
    }),
  );
  const results = Object.fromEntries(entries);
  return { ok: entries.every(([, r]) => r.ok), results };
}
