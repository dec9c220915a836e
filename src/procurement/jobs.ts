import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import { withContext } from '../conversation/context.js';
import { tenderButton } from '../domain/buttons.js';
import { needTransition } from '../domain/lifecycle.js';
import { invitationTarget } from '../domain/method.js';
import { nextAllowedTime } from '../domain/quiet-hours.js';
import { rankVendors } from '../domain/ranking.js';
import { asLocale, translate } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { appendAudit } from '../store/audit.js';
import * as needs from '../store/needs.js';
import { getOrder } from '../store/orders.js';
import { insertOutbox, type NewOutboxMessage } from '../store/outbox.js';
import * as quotes from '../store/quotes.js';
import type { Database } from '../store/schema.js';
import { type Effects, newEffects } from './effects.js';
import { itemLines, methodName, money, rankedPrompt, when } from './messages.js';
import { isFail, needOps } from './need-ops.js';
import { notifyUser, offerConversation, type T } from './notify.js';
import type { TimerData } from './timers.js';

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
  await deps.db.transaction().execute((trx) => work(trx, now, effects));
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
    const s = await needs.procurementSettings(trx, need.regencyCode);
    const officer = await officerUser(trx, need.officerId);
    const already = await needs.invitedVendorIds(trx, needId);
    const ranked = rankVendors(await needs.matchCandidates(trx, need, officer)).filter(
      (c) => !already.has(c.vendorId),
    );
    const target = invitationTarget(need.method, need.minQuotes, s.invite_count);
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
          s.time_zone,
        );
        dueFor.set(quiet, alertDueAt);
      }
      return { vendorId: c.vendorId, ring: c.ring, rank: already.size + i + 1, alertDueAt };
    });
    const inserted = await needs.insertInvitations(trx, needId, rows);
    const items = await needs.needItems(trx, needId);
    const village = { name: await needs.villageName(trx, need.villageCode) };
    // One read for every recipient, one insert for every alert, one update for every
    // conversation: a lelang may alert thousands of vendors in one transaction.
    const byVendor = new Map(chosen.map((c) => [c.vendorId, c]));
    const dueByVendor = new Map(rows.map((r) => [r.vendorId, r.alertDueAt]));
    const userIds = inserted
      .map((i) => byVendor.get(i.vendorId)?.userId)
      .filter((u): u is number => u !== undefined);
    const recipients = new Map((await needs.recipientsOf(trx, userIds)).map((r) => [r.user_id, r]));
    const messages: NewOutboxMessage[] = [];
    const alertIn = new Map<string, NewOutboxMessage['payload']>();
    const alertFor = (locale: ReturnType<typeof asLocale>) => {
      const known = alertIn.get(locale);
      if (known) return known;
      const t: T = (key, params) => translate(locale, key, params);
      const payload: NewOutboxMessage['payload'] = {
        type: 'options',
        text: t('tender.alert', {
          number: String(need.number),
          title: need.title,
          village: village.name,
          items: itemLines(items),
          method: methodName(t, need.method),
          deadline: when(need.quoteDeadline, locale, s.time_zone),
        }),
        options: [
          { id: tenderButton(needId, 'quote'), label: t('tender.opt_quote') },
          { id: tenderButton(needId, 'details'), label: t('tender.opt_details') },
          { id: tenderButton(needId, 'decline'), label: t('tender.opt_decline') },
        ],
      };
      alertIn.set(locale, payload);
      return payload;
    };
    for (const inv of inserted) {
      const c = byVendor.get(inv.vendorId);
      const r = c && recipients.get(c.userId);
      if (!c || !r) continue;
      const due = dueByVendor.get(c.vendorId);
      messages.push({
        identityId: r.identity_id,
        channel: r.channel,
        payload: alertFor(asLocale(r.locale)),
        dedupeKey: `alert:${needId}:${c.vendorId}`,
        notBefore: due,
        purpose: 'alert',
        // An alert held for the morning moves the conversation when it goes out, not now:
        // until then the vendor's "1" still means what the vendor last saw.
        ...(due && due > now
          ? { onSent: { flow: 'tender', step: 'alert', data: withContext({ needId }) } }
          : {}),
      });
    }
    effects.outboxIds.push(...(await insertOutbox(trx, messages, now)));
    await needs.offerConversations(
      trx,
      messages.filter((m) => !m.onSent).map((m) => m.identityId),
      'tender',
      'alert',
      withContext({ needId }),
      now,
    );
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
    const r = await needOps(trx, now, effects).ranked(officer, needId);
    const ranked = isFail(r) ? [] : r.ranked;
    const received = isFail(r) ? 0 : r.received;
    effects.outboxIds.push(
      ...(await notifyUser(
        trx,
        officer,
        (rc) => {
          const p = rankedPrompt(rc.t, rc.locale, need, ranked, received);
          const head = rc.t(p.enough ? 'award.closed_enough' : 'award.closed_too_few', {
            number: String(need.number),
            title: need.title,
            count,
            min: need.minQuotes,
          });
          return { type: 'options', text: `${head}\n\n${p.text}`, options: p.options };
        },
        { now, dedupeKey: `closed:${needId}:${dueAt}` },
      )),
    );
    await offerConversation(trx, officer, 'award', 'choose', { needId }, now);
    outcome = 'closed';
  });
  return outcome;
}

/** Reminds invited vendors who have not answered, and tells the officer how many quotes came. */
export async function remindBeforeDeadline(deps: JobDeps, needId: number, tag: string): Promise<number> {
  let sent = 0;
  await inTransaction(deps, async (trx, now, effects) => {
    const need = await needs.getNeed(trx, needId);
    if (need?.status !== 'published' || !tag.endsWith(`-${need.quoteDeadline.getTime()}`)) return;
    // A reminder is moot once its deadline has passed (a late worker, an advanced clock).
    if (need.quoteDeadline <= now) return;
    const s = await needs.procurementSettings(trx, need.regencyCode);
    for (const v of await needs.silentInvitees(trx, needId)) {
      const ids = await notifyUser(
        trx,
        v.user_id,
        (r) => ({
          type: 'options',
          text: r.t('tender.reminder', {
            number: String(need.number),
            title: need.title,
            deadline: when(need.quoteDeadline, r.locale, s.time_zone),
          }),
          options: [
            { id: tenderButton(needId, 'quote'), label: r.t('tender.opt_quote') },
            { id: tenderButton(needId, 'decline'), label: r.t('tender.opt_decline') },
          ],
        }),
        {
          now,
          dedupeKey: `remind:${needId}:${v.vendor_id}:${tag}`,
          notBefore: nextAllowedTime(
            now,
            { startMinute: v.quiet_start_minute, endMinute: v.quiet_end_minute },
            s.time_zone,
          ),
          purpose: 'reminder',
        },
      );
      sent += ids.length;
      effects.outboxIds.push(...ids);
    }
    const count = await quotes.activeQuoteCount(trx, needId);
    effects.outboxIds.push(
      ...(await notifyUser(
        trx,
        await officerUser(trx, need.officerId),
        (r) => ({
          type: 'text',
          text: r.t('need.deadline_soon', {
            number: String(need.number),
            count,
            deadline: when(need.quoteDeadline, r.locale, s.time_zone),
          }),
        }),
        { now, dedupeKey: `remind-officer:${needId}:${tag}` },
      )),
    );
  });
  return sent;
}

export async function remindDelivery(deps: JobDeps, orderId: number): Promise<void> {
  await inTransaction(deps, async (trx, now, effects) => {
    const order = await getOrder(trx, orderId);
    if (order?.status !== 'accepted') return;
    effects.outboxIds.push(
      ...(await notifyUser(
        trx,
        order.vendorUserId,
        (r) => ({
          type: 'text',
          text: r.t('order.delivery_reminder', {
            number: order.number,
            title: order.needTitle,
            amount: money(order.amount, r.locale),
          }),
        }),
        { now, dedupeKey: `delivery-reminder:${orderId}` },
      )),
    );
  });
}

export async function runTimer(deps: JobDeps, t: TimerData): Promise<void> {
  if (t.kind === 'deadline') await closeAtDeadline(deps, t.subjectId, t.dueAt);
  else if (t.kind === 'remind') await remindBeforeDeadline(deps, t.subjectId, t.tag ?? '');
  else await remindDelivery(deps, t.subjectId);
}
