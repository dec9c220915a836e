import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storableText } from '../../src/domain/text.js';
import { appendAudit, verifyAuditChain } from '../../src/store/audit.js';
import { jsonText } from '../../src/store/db.js';
import { createTestDb, type TestDb } from '../support/db.js';

// PostgreSQL refuses NUL in text and jsonb and an escaped lone surrogate in jsonb. Any string
// from outside may hold them; the store must keep what it can and never fail the statement.

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udc00x', '\ud83d\ude4f', '\u202e\u0000\ud800', '\\u0000'),
);
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyString,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('text the database can hold', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await sql`create table storable_probe (id serial primary key, body text, data jsonb)`.execute(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('keeps ordinary text, emoji and RTL exactly as they are', () => {
    for (const s of ['Semen 50 sak', 'Pak Asep 🙏', 'مرحبا', '\u202eabc', 'tab\tand\nnewline', '\\u0000'])
      expect(storableText(s)).toBe(s);
    expect(storableText('a\u0000b')).toBe('ab');
    expect(storableText('x\ud800y')).toBe('x\ufffdy');
    expect(jsonText({ a: 'b\u0000', ['k\u0000']: '\udc00' })).toBe('{"a":"b","k":"\ufffd"}');
  });

  it('stores any string as text and any JSON value as jsonb, without failing', async () => {
    await fc.assert(
      fc.asyncProperty(anyString, anyJson, async (body, data) => {
        const row = await t.db
          // biome-ignore lint/suspicious/noExplicitAny: a probe table outside the typed schema
          .insertInto('storable_probe' as any)
          .values({ body, data: jsonText(data) })
          .returning(['body'])
          .executeTakeFirstOrThrow();
        // What comes back is what storableText makes of it: nothing else is changed.
        expect(row.body).toBe(storableText(body));
      }),
      { numRuns: 300 },
    );
  });

  it('an audit entry with such strings is stored and its chain still verifies', async () => {
    await t.db.transaction().execute((trx) =>
      appendAudit(
        trx,
        {
          actorType: 'admin',
          actorId: null,
          action: 'probe\u0000',
          entityType: 'probe',
          entityId: '\ud800',
          data: { reason: 'Ha\u0000bis \ud83d\ude4f \udc00', ['k\u0000']: ['\u0000'] },
        },
        new Date(),
      ),
    );
    const row = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'data'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      action: 'probe',
      entity_id: '\ufffd',
      data: { reason: 'Habis \ud83d\ude4f \ufffd', k: [''] },
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, brokenAt: null });
  });
});
