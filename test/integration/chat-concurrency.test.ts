import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningSystem } from '../../src/system.js';
import { ChatClient, TEST_TOKEN } from '../support/chat.js';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';
import { startTestSystem } from '../support/system.js';

describe('many people at once', () => {
  let t: TestDb;
  let system: RunningSystem;

  beforeAll(async () => {
    t = await createTestDb();
    system = await startTestSystem({
      DATABASE_URL: t.url,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_TOKEN: TEST_TOKEN,
      DB_POOL_MAX: '20',
    });
  });
  afterAll(async () => {
    await system?.stop();
    await t?.drop();
  });

  it('50 chats register at the same time: all succeed, none mixed up', { timeout: 180_000 }, async () => {
    const N = 50;
    const register = async (i: number) => {
      const c = new ChatClient(String(system.url), `crowd-${i}`);
      await c.say('halo');
      await c.say('1');
      await c.say(`Usaha Nomor ${i}`);
      await c.say(`Pemilik ${i}`);
      await c.say(`0812 7000 ${String(i).padStart(4, '0')}`);
      await c.say(String((i % 20) + 1));
      await c.say(String((i % 17) + 1));
      await c.say('1');
      const summary = await c.say('lewati');
      expect(summary.text).toContain(`Usaha Nomor ${i}`);
      expect(summary.text).toContain(`Pemilik ${i}`);
      const done = await c.say('ya');
      expect(done.text).toContain(`*Usaha Nomor ${i}* sudah terdaftar`);
    };
    await Promise.all(Array.from({ length: N }, (_, i) => register(i)));

    const rows = await t.db
      .selectFrom('vendors')
      .innerJoin('channel_identities as ci', 'ci.user_id', 'vendors.user_id')
      .innerJoin('vendor_categories as vc', 'vc.vendor_id', 'vendors.id')
      .select([
        'ci.external_id',
        'vendors.business_name',
        'vendors.owner_name',
        'vendors.phone_e164',
        'vc.category_id',
      ])
      .execute();
    expect(rows).toHaveLength(N);
    const categories = await t.db.selectFrom('categories').select(['id', 'sort']).orderBy('sort').execute();
    for (const r of rows) {
      const i = Number(r.external_id.replace('crowd-', ''));
      expect(r.business_name).toBe(`Usaha Nomor ${i}`);
      expect(r.owner_name).toBe(`Pemilik ${i}`);
      expect(r.phone_e164).toBe(`+628127000${String(i).padStart(4, '0')}`);
      expect(r.category_id).toBe(categories[i % 20]?.id);
    }
    // One reply per message: 50 × 10 turns, each answered exactly once.
    const counts = await t.db
      .selectFrom('outbox')
      .select((eb) => [
        eb.fn.countAll<string>().as('n'),
        eb.fn.count<string>('status').filterWhere('status', '=', 'sent').as('sent'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(N * 10);
    expect(Number(counts.sent)).toBe(N * 10);
  });
});
