import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import { needTransition } from '../domain/lifecycle.js';
import { invitationTarget } from '../domain/method.js';
import { nextAllowedTime } from '../domain/quiet-hours.js';
import { rankVendors } from '../domain/ranking.js';
import type { Logger } from '../logger.js';
import { writeNotices } from '../notices/index.js';
import { appendAudit } from '../store/audit.js';
import * as needs from '../store/needs.js';
import { getOrder } from '../store/orders.js';
import * as quotes from '../store/quotes.js';
import { regencyRules } from '../store/rules.js';
import type { Database } from '../store/schema.js';
import { rankedQuotes } from './award.js';
import { type Effects, newEffects } from './effects.js';
import { invitedVendors, needBrief } from './invitees.js';
import type { TimerData } from './timers.js';
import { isFail } from './use-case.js';

export interface JobDeps {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  /** Hands the outbox ids and follow-up jobs of a committed transaction onwards. */
  commit(effects: Effects): Promise<void>;
}

async function inTransaction(
  deps: JobDeps,
  work: (trx: Transaction<Database>, now: Date, effects: Effects) => Promise<void>,
) {
  const effects = newEffects();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await work(trx, now, effects);
    // What the job tells people goes into the outbox in the same transaction.
    effects.outboxIds.push(...(await writeNotices(trx, effects.events, now)));
  });
  await deps.commit(effects);
}

const officerUser = (trx: Transaction<Database>, officerId: number) => needs.officerUserId(trx, officerId);

/**
 * Chooses vendors for a published need and alerts them: nearest first (same desa, kecamatan,
 * regency), verified and well-rated first; each alert waits out the vendor's quiet hours.
 * Idempotent: invitations are unique per need and vendor, alerts carry a dedupe key.
 */
export async function runMatch(deps: JobDeps, needId: number, round: number): Promise<{ invited: number }> {
  let invited = 0;
  await inTransaction(deps, async (trx, now, effects) => {
    const need = await needs.getNeed(trx, needId, { lock: true });
    if (need?.status !== 'published') return;
    const s = await regencyRules(trx, need.regencyCode);
    const officer = await officerUser(trx, need.officerId);
    const already = await needs.invitedVendorIds(trx, needId);
    const ranked = rankVendors(await needs.matchCandidates(trx, need, officer)).filter(
      (c) => !already.has(c.vendorId),
    );
    const target = invitationTarget(need.method, need.minQuotes, s.inviteCount);
    // A direct purchase goes to the one vendor the officer picked; otherwise the target count.
    const chosen = need.directVendorId
      ? ranked.filter((c) => c.vendorId === need.directVendorId)
      : target === 'all'
        ? ranked
        : ranked.slice(0, target);
    // Vendors share a handful of quiet-hour settings and readers a handful of languages: each
    // due time and each alert text is worked out once (time-zone arithmetic for every one of
    // 10,000 vendors was most of the match job's own CPU in the bench).
    const dueFor = new Map<string, Date>();
    const rows = chosen.map((c, i) => {
      const quiet = `${c.quietStartMinute}-${c.quietEndMinute}`;
      let alertDueAt = dueFor.get(quiet);
      if (!alertDueAt) {
        alertDueAt = nextAllowedTime(
          now,
          { startMinute: c.quietStartMinute, endMinute: c.quietEndMinute },
          s.timeZone,
        );
        dueFor.set(quiet, alertDueAt);
      }
      return { vendorId: c.vendorId, ring: c.ring, rank: already.size + i + 1, alertDueAt };
    });
    const inserted = await needs.insertInvitations(trx, needId, rows);
    const byVendor = new Map(chosen.map((c) => [c.vendorId, c]));
    const dueByVendor = new Map(rows.map((r) => [r.vendorId, r.alertDueAt]));
    effects.events.push({
      kind: 'tender_alerts',
      need: needBrief(need, s.timeZone),
      village: await needs.villageName(trx, need.villageCode),
      items: await needs.needItems(trx, needId),
      vendors: inserted.flatMap((i) => {
        const c = byVendor.get(i.vendorId);
        const notBefore = dueByVendor.get(i.vendorId);
        return c && notBefore ? [{ userId: c.userId, vendorId: c.vendorId, notBefore }] : [];
      }),
    });
    await needs.markMatched(trx, needId, now);
    await appendAudit(
      trx,
      {
        actorType: 'system',
        actorId: null,
        action: 'need.matched',
        entityType: 'need',
        entityId: String(needId),
        regencyCode: need.regencyCode,
        data: { round, invited: inserted.length },
      },
      now,
    );
    invited = inserted.length;
  });
  return { invited };
}

/** Closes a need at its deadline and gives the officer the ranked quotes, or the choices when too few came. */
export async function closeAtDeadline(
  deps: JobDeps,
  needId: number,
  dueAt: number,
): Promise<'closed' | 'stale'> {
  let outcome: 'closed' | 'stale' = 'stale';
  await inTransaction(deps, async (trx, now, effects) => {
    const need = await needs.getNeed(trx, needId, { lock: true });
    if (need?.status !== 'published' || need.quoteDeadline.getTime() !== dueAt || need.quoteDeadline > now)
      return;
    const step = needTransition(need.status, 'close');
    if (!step.ok) return;
    await needs.setNeedStatus(trx, needId, step.to, now, { closed_at: now });
    const count = await quotes.activeQuoteCount(trx, needId);
    await appendAudit(
      trx,
      {
        actorType: 'system',
        actorId: null,
        action: 'need.closed',
        entityType: 'need',
        entityId: String(needId),
        regencyCode: need.regencyCode,
        data: { quotes: count },
      },
      now,
    );
    const officer = await officerUser(trx, need.officerId);
    const r = await rankedQuotes({ trx, now, effects, services: {} }, officer, needId);
    effects.events.push({
      kind: 'need_closed',
      to: officer,
      need: { id: needId, number: String(need.number), title: need.title, minQuotes: need.minQuotes },
      dueAt,
      count,
      ranked: isFail(r) ? [] : r.ranked,
      received: isFail(r) ? 0 : r.received,
    });
    outcome = 'closed';
  });
  return outcome;
}

/** Reminds invited vendors who have not answered, and tells the officer how many quotes came. */
export async function remindBeforeDeadline(deps: JobDeps, needId: number, tag: string): Promise<number> {
  let reminded = 0;
  await inTransaction(deps, async (trx, now, effects) => {
    const need = await needs.getNeed(trx, needId);
    if (need?.status !== 'published' || !tag.endsWith(`-${need.quoteDeadline.getTime()}`)) return;
    // A reminder is moot once its deadline has passed (a late worker, an advanced clock).
    if (need.quoteDeadline <= now) return;
    const s = await regencyRules(trx, need.regencyCode);
    // Those who have neither quoted nor declined.
    const vendors = (await invitedVendors(trx, needId, now, s.timeZone)).filter((v) => !v.quoted);
    reminded = vendors.length;
    effects.events.push(
      { kind: 'quote_reminders', need: needBrief(need, s.timeZone), tag, vendors },
      {
        kind: 'deadline_soon',
        to: await officerUser(trx, need.officerId),
        need: needBrief(need, s.timeZone),
        tag,
        count: await quotes.activeQuoteCount(trx, needId),
      },
    );
  });
  return reminded;
}

export async function remindDelivery(deps: JobDeps, orderId: number): Promise<void> {
  await inTransaction(deps, async (trx, _now, effects) => {
    const order = await getOrder(trx, orderId);
    if (order?.status !== 'accepted') return;
    effects.events.push({
      kind: 'delivery_reminder',
      to: order.vendorUserId,
      orderId,
      orderNumber: order.number,
      title: order.needTitle,
      amount: order.amount,
    });
  });
}

export async function runTimer(deps: JobDeps, t: TimerData): Promise<void> {
  if (t.kind === 'deadline') await closeAtDeadline(deps, t.subjectId, t.dueAt);
  else if (t.kind === 'remind') await remindBeforeDeadline(deps, t.subjectId, t.tag ?? '');
  else await remindDelivery(deps, t.subjectId);
}
