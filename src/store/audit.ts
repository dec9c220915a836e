import { type Kysely, sql, type Transaction } from 'kysely';
import { type AuditEntry, auditHash, GENESIS_HASH } from '../domain/audit.js';
import { storableValue } from '../domain/text.js';
import { jsonText } from './db.js';
import type { Database } from './schema.js';

export type NewAuditEntry = Omit<AuditEntry, 'at' | 'regencyCode' | 'data'> & {
  regencyCode?: string | null;
  data?: Record<string, unknown>;
};

/**
 * Appends to the hash chain inside the caller's transaction. Appends are serialised by a
 * transaction-scoped advisory lock; otherwise two turns would both chain onto the same row.
 */
export async function appendAudit(trx: Transaction<Database>, e: NewAuditEntry, now: Date): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('pesandesa:audit'))`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prev = last?.hash ?? GENESIS_HASH;
  // Hashed as it will be stored: the storage guard in db.ts would otherwise clean a string the
  // hash had already covered, and the chain would read as broken.
  const entry: AuditEntry = storableValue({
    at: now.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    regencyCode: e.regencyCode ?? null,
    data: e.data ?? {},
  });
  await trx
    .insertInto('audit_log')
    .values({
      at: now,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      regency_code: entry.regencyCode,
      data: jsonText(entry.data),
      prev_hash: prev,
      hash: auditHash(prev, entry),
    })
    .execute();
}

/** Walks the chain in order; returns the id of the first row whose hash does not hold. */
export async function verifyAuditChain(
  db: Kysely<Database>,
): Promise<{ ok: boolean; rows: number; brokenAt: number | null }> {
  let prev = GENESIS_HASH;
  let rows = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (batch.length === 0) return { ok: true, rows, brokenAt: null };
    for (const r of batch) {
      const expected = auditHash(prev, {
        at: r.at.toISOString(),
        actorType: r.actor_type,
        actorId: r.actor_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        regencyCode: r.regency_code,
        data: r.data as Record<string, unknown>,
      });
      if (r.prev_hash !== prev || r.hash !== expected) return { ok: false, rows, brokenAt: r.id };
      prev = r.hash;
      rows++;
      after = r.id;
    }
  }
}

/** One audit row, as `npm run audit:verify` names it. */
export async function auditRow(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'action', 'entity_type', 'entity_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}
