import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { createEngine, type Engine } from '../../src/conversation/engine.js';
import type { Inbound } from '../../src/conversation/types.js';
import { translate } from '../../src/i18n/index.js';
import { createLogger } from '../../src/logger.js';
import { createTestDb, type TestDb } from '../support/db.js';

// Random text at any step never throws and always gets a reply that is not the apology for
// an internal error. The engine is driven directly (no HTTP, no queue) to keep it fast.
describe('conversation engine under random input', () => {
  let t: TestDb;
  let engine: Engine;
  let seq = 0;
  const errorText = translate('id', 'error.generic');

  beforeAll(async () => {
    t = await createTestDb();
    engine = createEngine({
      db: t.db,
      relay: { enqueue: async () => {} },
      config: parseConfig({}),
      log: createLogger('silent'),
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const send = (user: string, message: Partial<Inbound>) =>
    engine.handle({
      channel: 'web',
      externalUserId: user,
      messageId: `m${++seq}`,
      at: new Date(),
      ...message,
    });

  async function lastReply(user: string) {
    const row = await t.db
      .selectFrom('outbox')
      .innerJoin('channel_identities as ci', 'ci.id', 'outbox.identity_id')
      .select(['outbox.payload'])
      .where('ci.external_id', '=', user)
      .orderBy('outbox.id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    return row.payload as { text: string };
  }

  // Paths that bring a fresh chat to each kind of step.
  const PATHS: Record<string, string[]> = {
    first_contact: [],
    role: ['halo'],
    business_name: ['halo', '1'],
    phone: ['halo', '1', 'Toko A', 'Pak A'],
    categories: ['halo', '1', 'Toko A', 'Pak A', '081234567890'],
    district: ['halo', '1', 'Toko A', 'Pak A', '081234567890', '1'],
    village: ['halo', '1', 'Toko A', 'Pak A', '081234567890', '1', '1'],
    nib: ['halo', '1', 'Toko A', 'Pak A', '081234567890', '1', '1', '1'],
    confirm: ['halo', '1', 'Toko A', 'Pak A', '081234567890', '1', '1', '1', 'lewati'],
    invite: ['halo', '2', 'Bu B', '1', '1', '1'],
    menu: ['halo', '1', 'Toko A', 'Pak A', '081234567890', '1', '1', '1', 'lewati', 'ya'],
  };

  const hostile = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(
      "'; drop table users; --",
      '<script>alert(1)</script>',
      'مرحبا بالعالم',
      '🙏🙏🙏',
      '\u0000\u0001',
      '999999999999999999999',
      '-1',
      '0',
      'batal',
      'kembali',
      'menu',
      'bantuan',
      'english',
    ),
    fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'x'.repeat(n)),
  );

  for (const [name, path] of Object.entries(PATHS)) {
    it(`random text at ${name} always gets a proper reply`, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(hostile, fc.boolean(), async (text, asOption) => {
          const user = `fuzz-${name}-${++seq}`;
          for (const step of path) await send(user, { text: step });
          const outcome = await send(user, asOption ? { optionId: text.slice(0, 256) } : { text });
          expect(outcome.duplicate).toBe(false);
          expect(outcome.outboxIds.length).toBeGreaterThanOrEqual(1);
          const reply = await lastReply(user);
          expect(reply.text.length).toBeGreaterThan(0);
          expect(reply.text).not.toBe(errorText);
        }),
        { numRuns: 25 },
      );
    });
  }
});
