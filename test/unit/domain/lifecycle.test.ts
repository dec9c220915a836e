import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  NEED_EVENTS,
  NEED_STATUSES,
  type NeedEvent,
  type NeedStatus,
  needEventsFrom,
  needTransition,
  ORDER_EVENTS,
  ORDER_STATUSES,
  type OrderEvent,
  type OrderStatus,
  orderEventsFrom,
  orderTransition,
  QUOTE_EVENTS,
  QUOTE_STATUSES,
  type QuoteEvent,
  type QuoteState,
  type QuoteStatus,
  quoteEventsFrom,
  quoteTransition,
} from '../../../src/domain/lifecycle.js';
import type * as Schema from '../../../src/store/schema.js';

// The expected transitions, written out from the product's lifecycle independently of the
// implementation's tables. Every (status × event) pair not listed here must be refused.
const NEED_ALLOWED: Array<[NeedStatus, NeedEvent, NeedStatus]> = [
  ['draft', 'publish', 'published'],
  ['published', 'extend', 'published'],
  ['closed', 'extend', 'published'],
  ['published', 'close', 'closed'],
  ['closed', 'award', 'awarded'],
  ['awarded', 'order_accepted', 'ordered'],
  ['awarded', 'order_declined', 'closed'],
  ['ordered', 'delivered', 'delivered'],
  ['delivered', 'received', 'received'],
  ['received', 'payment_recorded', 'paid'],
  ['paid', 'complete', 'completed'],
  ['draft', 'cancel', 'cancelled'],
  ['published', 'cancel', 'cancelled'],
  ['closed', 'cancel', 'cancelled'],
  ['closed', 'declare_unsuccessful', 'unsuccessful'],
];

const QUOTE_ALLOWED: Array<[QuoteState, QuoteEvent, QuoteStatus]> = [
  ['none', 'submit', 'active'],
  ['active', 'revise', 'superseded'],
  ['active', 'withdraw', 'withdrawn'],
  ['active', 'award', 'awarded'],
  ['active', 'reject', 'rejected'],
];

const ORDER_ALLOWED: Array<[OrderStatus, OrderEvent, OrderStatus]> = [
  ['awaiting_acceptance', 'accept', 'accepted'],
  ['awaiting_acceptance', 'decline', 'declined'],
  ['accepted', 'report_delivery', 'delivered'],
  ['delivered', 'confirm_receipt', 'received'],
  ['delivered', 'report_problem', 'problem'],
  ['problem', 'resolve_problem', 'delivered'],
  ['received', 'record_payment', 'paid'],
  ['paid', 'complete', 'completed'],
  ['awaiting_acceptance', 'cancel', 'cancelled'],
  ['accepted', 'cancel', 'cancelled'],
];

function refused<S extends string, E extends string>(
  statuses: readonly S[],
  events: readonly E[],
  allowed: Array<[S, E, unknown]>,
): Array<[S, E]> {
  const ok = new Set(allowed.map(([s, e]) => `${s}/${e}`));
  return statuses.flatMap((s) => events.filter((e) => !ok.has(`${s}/${e}`)).map((e): [S, E] => [s, e]));
}

const QUOTE_STATES: readonly QuoteState[] = ['none', ...QUOTE_STATUSES];

describe('status unions', () => {
  it('match the store schema (and so its CHECK constraints), checked by tsc', () => {
    expectTypeOf<NeedStatus>().toEqualTypeOf<Schema.NeedStatus>();
    expectTypeOf<QuoteStatus>().toEqualTypeOf<Schema.QuoteStatus>();
    expectTypeOf<OrderStatus>().toEqualTypeOf<Schema.OrderStatus>();
  });

  it('list each value once', () => {
    for (const list of [
      NEED_STATUSES,
      QUOTE_STATUSES,
      ORDER_STATUSES,
      NEED_EVENTS,
      QUOTE_EVENTS,
      ORDER_EVENTS,
    ]) {
      expect(new Set<string>(list).size).toBe(list.length);
    }
  });
});

describe('needTransition', () => {
  const refusedPairs = refused(NEED_STATUSES, NEED_EVENTS, NEED_ALLOWED);

  it('the table covers every pair', () => {
    expect(NEED_ALLOWED.length + refusedPairs.length).toBe(NEED_STATUSES.length * NEED_EVENTS.length);
  });

  it.each(NEED_ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(needTransition(from, event)).toEqual({ ok: true, to });
  });

  it.each(refusedPairs)('%s --%s--> refused', (from, event) => {
    const result = needTransition(from, event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(`cannot ${event} a need that is ${from}`);
  });

  it.each(NEED_STATUSES)('needEventsFrom(%s) lists exactly the allowed events', (status) => {
    const expected = NEED_ALLOWED.filter(([s]) => s === status).map(([, e]) => e);
    expect(needEventsFrom(status).sort()).toEqual([...expected].sort());
  });
});

describe('quoteTransition', () => {
  const refusedPairs = refused(QUOTE_STATES, QUOTE_EVENTS, QUOTE_ALLOWED);

  it('the table covers every pair', () => {
    expect(QUOTE_ALLOWED.length + refusedPairs.length).toBe(QUOTE_STATES.length * QUOTE_EVENTS.length);
  });

  it.each(QUOTE_ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(quoteTransition(from, event)).toEqual({ ok: true, to });
  });

  it.each(refusedPairs)('%s --%s--> refused', (from, event) => {
    const result = quoteTransition(from, event);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const state = from === 'none' ? 'does not exist yet' : `is ${from}`;
      expect(result.reason).toBe(`cannot ${event} a quote that ${state}`);
    }
  });

  it.each(QUOTE_STATES)('quoteEventsFrom(%s) lists exactly the allowed events', (status) => {
    const expected = QUOTE_ALLOWED.filter(([s]) => s === status).map(([, e]) => e);
    expect(quoteEventsFrom(status).sort()).toEqual([...expected].sort());
  });
});

describe('orderTransition', () => {
  const refusedPairs = refused(ORDER_STATUSES, ORDER_EVENTS, ORDER_ALLOWED);

  it('the table covers every pair', () => {
    expect(ORDER_ALLOWED.length + refusedPairs.length).toBe(ORDER_STATUSES.length * ORDER_EVENTS.length);
  });

  it.each(ORDER_ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(orderTransition(from, event)).toEqual({ ok: true, to });
  });

  it.each(refusedPairs)('%s --%s--> refused', (from, event) => {
    const result = orderTransition(from, event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(`cannot ${event} an order that is ${from}`);
  });

  it.each(ORDER_STATUSES)('orderEventsFrom(%s) lists exactly the allowed events', (status) => {
    const expected = ORDER_ALLOWED.filter(([s]) => s === status).map(([, e]) => e);
    expect(orderEventsFrom(status).sort()).toEqual([...expected].sort());
  });
});

describe('untyped input (a stored row, a job payload)', () => {
  it.each([
    ['an unknown status', () => needTransition('archived' as NeedStatus, 'publish')],
    ['an unknown event', () => needTransition('draft', 'approve' as NeedEvent)],
    ['a prototype key as event', () => needTransition('draft', 'toString' as NeedEvent)],
    ['a prototype key as status', () => orderTransition('constructor' as OrderStatus, 'accept')],
    ['__proto__ as status', () => quoteTransition('__proto__' as QuoteState, 'submit')],
  ])('refuses %s', (_label, run) => {
    expect(run().ok).toBe(false);
  });
});

describe('whole journeys', () => {
  function walk<S, E>(transition: (s: S, e: E) => { ok: boolean; to?: S }, from: S, events: E[]): S {
    return events.reduce((s, e) => {
      const r = transition(s, e);
      if (!r.ok || r.to === undefined) throw new Error(`refused ${String(e)} from ${String(s)}`);
      return r.to;
    }, from);
  }

  it.each<[string, NeedEvent[], NeedStatus]>([
    [
      'happy path',
      [
        'publish',
        'close',
        'award',
        'order_accepted',
        'delivered',
        'received',
        'payment_recorded',
        'complete',
      ],
      'completed',
    ],
    ['too few quotes, extended, then awarded', ['publish', 'close', 'extend', 'close', 'award'], 'awarded'],
    [
      'winner declines, next one awarded',
      ['publish', 'close', 'award', 'order_declined', 'award'],
      'awarded',
    ],
    ['nobody quoted', ['publish', 'close', 'declare_unsuccessful'], 'unsuccessful'],
    ['withdrawn before the deadline', ['publish', 'extend', 'cancel'], 'cancelled'],
  ])('need: %s', (_label, events, end) => {
    expect(walk(needTransition, 'draft' as NeedStatus, events)).toBe(end);
  });

  it.each<[string, OrderEvent[], OrderStatus]>([
    [
      'delivered with a problem, fixed, paid',
      [
        'accept',
        'report_delivery',
        'report_problem',
        'resolve_problem',
        'confirm_receipt',
        'record_payment',
        'complete',
      ],
      'completed',
    ],
    ['declined', ['decline'], 'declined'],
    ['cancelled after acceptance', ['accept', 'cancel'], 'cancelled'],
  ])('order: %s', (_label, events, end) => {
    expect(walk(orderTransition, 'awaiting_acceptance' as OrderStatus, events)).toBe(end);
  });
});
