import { regencyOf } from '../domain/area-codes.js';
import { procurementMethod } from '../domain/method.js';
import { documentYear, needNumber } from '../domain/numbers.js';
import { decide } from '../domain/policy.js';
import { rankVendors } from '../domain/ranking.js';
import type { RegencyRules } from '../domain/rules.js';
import * as needs from '../store/needs.js';
import { findOfficerByUser, type OfficerProfile } from '../store/registry.js';
import { needTimers } from './scheduler.js';
import { audit, type Fail, fail, isFail, rulesOf, type UseCaseContext } from './use-case.js';

export interface PublishInput {
  /** Pembelian langsung only: the vendor the officer picked from the recommendations. */
  directVendorId?: number | null;
  title: string;
  categoryId: number;
  items: needs.NeedItemInput[];
  hps: number;
  deadline: Date;
  deliveryPlace: string;
  neededBy: Date;
}

/** The officer behind a user, if the policy lets them post needs, with their regency's rules. */
export async function postingOfficer(
  ctx: UseCaseContext,
  userId: number,
): Promise<Fail | { officer: OfficerProfile; rules: RegencyRules }> {
  const officer = await findOfficerByUser(ctx.trx, userId);
  if (!officer) return fail('not_officer');
  const d = decide(
    { status: 'active', officer: { verification: officer.verification }, vendor: null },
    'post_need',
  );
  if (!d.allowed) return fail(d.reason === 'officer_pending' ? 'officer_pending' : 'not_officer');
  return { officer, rules: await rulesOf(ctx, regencyOf(officer.villageCode)) };
}

/** Method and rules that would apply, for the summary before publishing. */
export async function preview(ctx: UseCaseContext, userId: number, hps: number) {
  const o = await postingOfficer(ctx, userId);
  if (isFail(o)) return o;
  return {
    ...procurementMethod(hps, o.rules),
    minWindowMinutes: o.rules.minQuoteWindowMinutes,
    timeZone: o.rules.timeZone,
    villageCode: o.officer.villageCode,
  };
}

/**
 * Vendors to buy from directly (pembelian langsung): the same ranking as matching, nearest
 * and best-rated first, for the officer's desa and the chosen category.
 */
export async function recommend(ctx: UseCaseContext, userId: number, categoryId: number, limit = 3) {
  const o = await postingOfficer(ctx, userId);
  if (isFail(o)) return o;
  const place = await needs.placeOfVillage(ctx.trx, o.officer.villageCode);
  const subject = {
    categoryId,
    regencyCode: place.regency,
    villageCode: o.officer.villageCode,
    districtCode: place.district,
  };
  const ranked = rankVendors(await needs.matchCandidates(ctx.trx, subject, userId)).slice(0, limit);
  const names = await needs.vendorNames(
    ctx.trx,
    ranked.map((r) => r.vendorId),
  );
  return {
    vendors: ranked.map((r) => ({
      vendorId: r.vendorId,
      ring: r.ring,
      rating: r.ratingAvg,
      name: names.get(r.vendorId) ?? '',
    })),
  };
}

/** Publishes a need: its method from the regency's thresholds, a human number, matching and timers. */
export async function publish(ctx: UseCaseContext, userId: number, input: PublishInput) {
  const o = await postingOfficer(ctx, userId);
  if (isFail(o)) return o;
  const { method, minQuotes } = procurementMethod(input.hps, o.rules);
  const regency = o.rules.regencyCode;
  const year = documentYear(ctx.now, o.rules.timeZone);
  const seq = await needs.nextNumber(ctx.trx, `need:${regency}`, year);
  const number = needNumber(regency, year, seq);
  const needId = await needs.insertPublishedNeed(
    ctx.trx,
    {
      officerId: o.officer.id,
      villageCode: o.officer.villageCode,
      method,
      minQuotes,
      ...input,
      quoteDeadline: input.deadline,
    },
    number,
    ctx.now,
  );
  await audit(ctx, {
    actorId: userId,
    action: 'need.published',
    entityType: 'need',
    entityId: needId,
    regency,
    data: { number, method, hps: input.hps, deadline: input.deadline.toISOString() },
  });
  ctx.effects.jobs.push({ kind: 'match', needId, round: 0 });
  for (const timer of needTimers(needId, input.deadline, o.rules.reminderMinutesBefore, ctx.now)) {
    ctx.effects.jobs.push({ kind: 'timer', timer });
  }
  return { needId, number, method, minQuotes };
}
