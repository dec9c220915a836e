/**
 * The allowed state transitions of needs, quotes and orders. The store applies a transition only
 * after asking here, so a late button press or a duplicated job cannot, say, pay an undelivered
 * order. Guards that need more than the status (the deadline has passed, too few quotes arrived)
 * are the caller's: these functions judge the status alone.
 *
 * The status unions repeat those of src/store/schema.ts (the domain imports no store code); the
 * CHECK constraints in migrations/0002_procurement.ts list the same values, and
 * test/unit/domain/lifecycle.test.ts fails to typecheck if the two drift apart.
 */

export const NEED_STATUSES = [
  'draft',
  'published',
  'closed',
  'awarded',
  'ordered',
  'delivered',
  'received',
  'paid',
  'completed',
  'cancelled',
  'unsuccessful',
] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const QUOTE_STATUSES = ['active', 'superseded', 'withdrawn', 'awarded', 'rejected'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
/** A quote row that does not exist yet: `submit` starts from here. */
export type QuoteState = QuoteStatus | 'none';

export const ORDER_STATUSES = [
  'awaiting_acceptance',
  'accepted',
  'declined',
  'delivered',
  'received',
  'problem',
  'paid',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const NEED_EVENTS = [
  'publish',
  'extend',
  'close',
  'award',
  'order_accepted',
  'order_declined',
  'delivered',
  'received',
  'payment_recorded',
  'complete',
  'cancel',
  'declare_unsuccessful',
] as const;
export type NeedEvent = (typeof NEED_EVENTS)[number];

export const QUOTE_EVENTS = ['submit', 'revise', 'withdraw', 'award', 'reject'] as const;
export type QuoteEvent = (typeof QUOTE_EVENTS)[number];

export const ORDER_EVENTS = [
  'accept',
  'decline',
  'report_delivery',
  'confirm_receipt',
  'report_problem',
  'resolve_problem',
  'record_payment',
  'complete',
  'cancel',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

export type Transition<S> = { ok: true; to: S } | { ok: false; reason: string };

type Table<S extends string, E extends string> = Readonly<Record<E, Readonly<Partial<Record<S, S>>>>>;

const NEED_TABLE: Table<NeedStatus, NeedEvent> = {
  publish: { draft: 'published' },
  // From closed only when too few quotes came in (the caller checks): a reopened call, not a redo.
  extend: { published: 'published', closed: 'published' },
  close: { published: 'closed' },
  award: { closed: 'awarded' },
  order_accepted: { awarded: 'ordered' },
  // Back to closed so the officer can award the next quote.
  order_declined: { awarded: 'closed' },
  delivered: { ordered: 'delivered' },
  received: { delivered: 'received' },
  payment_recorded: { received: 'paid' },
  complete: { paid: 'completed' },
  // Once awarded, the way out goes through the order (declined, cancelled), not the need.
  cancel: { draft: 'cancelled', published: 'cancelled', closed: 'cancelled' },
  declare_unsuccessful: { closed: 'unsuccessful' },
};

const QUOTE_TABLE: Table<QuoteState, QuoteEvent> = {
  submit: { none: 'active' },
  // The revised row is superseded; the new revision is a fresh `submit`.
  revise: { active: 'superseded' },
  withdraw: { active: 'withdrawn' },
  award: { active: 'awarded' },
  // Rejected is final: reject the others only once the winner's order stands, since a declined
  // order sends the officer back to them.
  reject: { active: 'rejected' },
};

const ORDER_TABLE: Table<OrderStatus, OrderEvent> = {
  accept: { awaiting_acceptance: 'accepted' },
  decline: { awaiting_acceptance: 'declined' },
  report_delivery: { accepted: 'delivered' },
  confirm_receipt: { delivered: 'received' },
  report_problem: { delivered: 'problem' },
  resolve_problem: { problem: 'delivered' },
  record_payment: { received: 'paid' },
  complete: { paid: 'completed' },
  cancel: { awaiting_acceptance: 'cancelled', accepted: 'cancelled' },
};

function step<S extends string, E extends string>(
  subject: string,
  table: Table<S, E>,
  status: S,
  event: E,
): Transition<S> {
  // Guard against untyped input (a job payload, a stored row): only own keys of the table count.
  const row = Object.hasOwn(table, event) ? table[event] : undefined;
  const to = row && Object.hasOwn(row, status) ? row[status] : undefined;
  if (to === undefined) {
    const state = status === 'none' ? 'does not exist yet' : `is ${status}`;
    return { ok: false, reason: `cannot ${event} ${subject} that ${state}` };
  }
  return { ok: true, to };
}

function eventsFrom<S extends string, E extends string>(table: Table<S, E>, status: S): E[] {
  return (Object.keys(table) as E[]).filter((event) => Object.hasOwn(table[event], status));
}

export function needTransition(status: NeedStatus, event: NeedEvent): Transition<NeedStatus> {
  return step('a need', NEED_TABLE, status, event);
}

export function quoteTransition(status: QuoteState, event: QuoteEvent): Transition<QuoteStatus> {
  // Nothing leads back to 'none', so the cast only narrows the type the table cannot express.
  return step('a quote', QUOTE_TABLE, status, event) as Transition<QuoteStatus>;
}

export function orderTransition(status: OrderStatus, event: OrderEvent): Transition<OrderStatus> {
  return step('an order', ORDER_TABLE, status, event);
}

/** What may happen next, e.g. to offer only meaningful options in a chat menu. */
export function needEventsFrom(status: NeedStatus): NeedEvent[] {
  return eventsFrom(NEED_TABLE, status);
}

export function quoteEventsFrom(status: QuoteState): QuoteEvent[] {
  return eventsFrom(QUOTE_TABLE, status);
}

export function orderEventsFrom(status: OrderStatus): OrderEvent[] {
  return eventsFrom(ORDER_TABLE, status);
}
