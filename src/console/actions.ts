import type { Outbound } from '../conversation/types.js';
import { regencyOf } from '../domain/area-codes.js';
import { notifyUser } from '../notices/notify.js';
import { appendAudit } from '../store/audit.js';
import {
  decideOfficer,
  decideVendor,
  officerForDecision,
  vendorForDecision,
} from '../store/console-people.js';
import { type ConsoleAdmin, canSeeRegency } from './auth.js';
import type { ConsoleDeps } from './context.js';

// What the console changes, each in one transaction with its audit entry and, when a person
// must be told, the chat message (outbox) — handed to delivery only after commit.

export type DecideResult =
  | { ok: true; name: string }
  | { ok: false; error: 'not_found' | 'forbidden' | 'already' };

export async function decideRegistration(
  deps: ConsoleDeps,
  admin: ConsoleAdmin,
  kind: 'officer' | 'vendor',
  id: number,
  verified: boolean,
  reason: string | null,
): Promise<DecideResult> {
  const now = deps.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const row =
      kind === 'officer'
        ? await officerForDecision(trx, id).then((o) =>
            o
              ? {
                  userId: o.user_id,
                  name: o.full_name,
                  regency: regencyOf(o.village_code),
                  state: o.verification,
                }
              : null,
          )
        : await vendorForDecision(trx, id).then((v) =>
            v
              ? { userId: v.user_id, name: v.business_name, regency: v.regency_code, state: v.verification }
              : null,
          );
    if (!row) return { ok: false as const, error: 'not_found' as const, ids: [] };
    if (!canSeeRegency(admin, row.regency))
      return { ok: false as const, error: 'forbidden' as const, ids: [] };
    if (row.state !== 'pending') return { ok: false as const, error: 'already' as const, ids: [] };
    const decision = { verified, reason, adminId: admin.id, now };
    if (kind === 'officer') await decideOfficer(trx, id, decision);
    else await decideVendor(trx, id, decision);
    const key = `admin.${kind}_${verified ? 'verified' : 'rejected'}` as const;
    const ids = await notifyUser(
      trx,
      row.userId,
      (r): Outbound => ({ type: 'text', text: r.t(key, { business: row.name, reason: reason ?? '' }) }),
      { now, purpose: 'notice', dedupeKey: `verify-${kind}-${id}-${verified ? 'ok' : 'no'}` },
    );
    await appendAudit(
      trx,
      {
        actorType: 'admin',
        actorId: admin.id,
        action: `${kind}.${verified ? 'verified' : 'rejected'}`,
        entityType: kind,
        entityId: String(id),
        regencyCode: row.regency,
        data: verified ? {} : { reason },
      },
      now,
    );
    return { ok: true as const, name: row.name, ids };
  });
  if (result.ok) {
    await deps.relay?.enqueue(result.ids);
    return { ok: true, name: result.name };
  }
  return { ok: false, error: result.error };
}
