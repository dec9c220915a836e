import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import { award, declareUnsuccessful, extendDeadline, rankedQuotes } from './award.js';
import type { Effects } from './effects.js';
import {
  acceptOrder,
  confirmReceipt,
  declineOrder,
  rateOrder,
  recordPayment,
  reportDelivery,
  reportProblem,
} from './orders.js';
import { preview, publish, recommend } from './publish.js';
import {
  declineInvitation,
  markViewed,
  reconsiderInvitation,
  submitQuote,
  tenderForVendor,
  withdrawQuote,
} from './quotes.js';
import { rulesOf, type UseCaseContext, type UseCaseServices } from './use-case.js';
import { needOverview } from './views.js';

type UseCase = (ctx: UseCaseContext, ...args: never[]) => unknown;
type Bound<F> = F extends (ctx: UseCaseContext, ...args: infer A) => infer R ? (...args: A) => R : never;

/** The use-cases with their context applied, as a dialogue calls them. */
function bind<T extends Record<string, UseCase>>(
  ctx: UseCaseContext,
  fns: T,
): { [K in keyof T]: Bound<T[K]> } {
  return Object.fromEntries(
    Object.entries(fns).map(([name, fn]) => [name, (...args: never[]) => fn(ctx, ...args)]),
  ) as { [K in keyof T]: Bound<T[K]> }; // each entry is fn with ctx applied, as Bound<> says
}

/**
 * The procurement use-cases bound to one transaction and clock — a chat turn's, a job's or a
 * test's. They change state through the domain's transitions, write the audit log, and leave
 * what others must be told as events in `effects` (src/notices writes them before the commit).
 */
export function procurement(
  trx: Transaction<Database>,
  now: Date,
  effects: Effects,
  services: UseCaseServices = {},
) {
  const ctx: UseCaseContext = { trx, now, effects, services };
  return {
    /** A regency's rules (read once for this context). */
    rules: (regencyCode: string) => rulesOf(ctx, regencyCode),
    needs: bind(ctx, {
      preview,
      recommend,
      publish,
      tenderForVendor,
      viewed: markViewed,
      declineInvitation,
      reconsiderInvitation,
      submitQuote,
      withdrawQuote,
      ranked: rankedQuotes,
      award,
      extend: extendDeadline,
      declareUnsuccessful,
      overview: needOverview,
    }),
    orders: bind(ctx, {
      accept: acceptOrder,
      decline: declineOrder,
      reportDelivery,
      confirmReceipt,
      reportProblem,
      recordPayment,
      rate: rateOrder,
    }),
  };
}

export type Procurement = ReturnType<typeof procurement>;
export type { RankedQuote } from './award.js';
export { type Fail, isFail, type UseCaseServices } from './use-case.js';
