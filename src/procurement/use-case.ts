import type { Transaction } from 'kysely';
import type { RegencyRules } from '../domain/rules.js';
import { appendAudit } from '../store/audit.js';
import { regencyRules } from '../store/rules.js';
import type { Database } from '../store/schema.js';
import type { Effects } from './effects.js';

/** What a use-case runs in: the caller's transaction and clock, and where it leaves its effects. */
export interface UseCaseContext {
  trx: Transaction<Database>;
  now: Date;
  effects: Effects;
  services: UseCaseServices;
}

export interface UseCaseServices {
  /** An absolute, signed link to an order's document, when documents are served. */
  documentUrl?(orderNumber: string): string;
}

export type UseCaseError =
  | 'not_officer'
  | 'officer_pending'
  | 'not_vendor'
  | 'not_invited'
  | 'closed'
  | 'not_found'
  | 'not_yours'
  | 'reason_required'
  | 'wrong_state';

/** Every use-case answers either its result or this refusal (and then has written nothing). */
export type Fail = { error: UseCaseError };
export const fail = (error: UseCaseError): Fail => ({ error });
export const isFail = (x: object): x is Fail => typeof (x as Partial<Fail>).error === 'string';

/** One audit row for a change a person (or the system, with no actor) made to an entity. */
export function audit(
  ctx: UseCaseContext,
  entry: {
    actorId: number | null;
    action: string;
    entityType: 'need' | 'quote' | 'order';
    entityId: number;
    regency: string;
    data?: Record<string, unknown>;
  },
) {
  return appendAudit(
    ctx.trx,
    {
      actorType: entry.actorId ? 'user' : 'system',
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      regencyCode: entry.regency,
      data: entry.data ?? {},
    },
    ctx.now,
  );
}

const RULES = new WeakMap<UseCaseContext, Map<string, Promise<RegencyRules>>>();

/**
 * A regency's rules, read once per context (a turn asks the same need's rules in a step's answer
 * and in the next question; each read was one more query).
 */
export function rulesOf(ctx: UseCaseContext, regencyCode: string): Promise<RegencyRules> {
  const known = RULES.get(ctx) ?? new Map<string, Promise<RegencyRules>>();
  RULES.set(ctx, known);
  const rules = known.get(regencyCode) ?? regencyRules(ctx.trx, regencyCode);
  known.set(regencyCode, rules);
  return rules;
}
