/**
 * Buttons that carry their subject, so that a tap works whatever screen the chat is on: a tender
 * alert's `t:<need>:<action>`, an award question's `a:<need>:<choice>`, an order's
 * `o:<order>:<action>` (accept, decline, received, problem) and a rating's `r:<order>:<1-5>`. This one codec builds
 * them for every flow, job and message, and reads them back for the engine; nothing else splits
 * button data.
 *
 * Telegram allows 64 bytes of callback data. Ids are bounded to 15 digits (within bigint), so the
 * longest button is 22 bytes, and a forged 30-digit id reads as an unknown option instead of
 * reaching a query.
 */

export const TENDER_ACTIONS = ['quote', 'details', 'decline', 'withdraw'] as const;
export type TenderAction = (typeof TENDER_ACTIONS)[number];

export const AWARD_OUTCOMES = ['extend', 'widen', 'unsuccessful'] as const;
/** A quote to award, or what to do when too few quotes came. */
export type AwardChoice = { quoteId: number } | (typeof AWARD_OUTCOMES)[number];

/** What the vendor does with an order it won, and the officer with the goods that came. */
export const ORDER_ACTIONS = ['accept', 'decline', 'received', 'problem'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export type Button =
  | { kind: 'tender'; needId: number; action: TenderAction }
  | { kind: 'award'; needId: number; choice: AwardChoice }
  | { kind: 'order'; orderId: number; action: OrderAction }
  | { kind: 'rate'; orderId: number; score: Score };

/** Telegram's limit on callback data, in bytes. */
export const MAX_BUTTON_BYTES = 64;

const MAX_ID = 999_999_999_999_999;
const ID = '([1-9]\\d{0,14})';
const TENDER = new RegExp(`^t:${ID}:(${TENDER_ACTIONS.join('|')})$`);
const AWARD = new RegExp(`^a:${ID}:(?:q${ID}|(${AWARD_OUTCOMES.join('|')}))$`);
const ORDER = new RegExp(`^o:${ID}:(${ORDER_ACTIONS.join('|')})$`);
const RATE = new RegExp(`^r:${ID}:([1-5])$`);

function id(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_ID) {
    throw new RangeError(`${what} must be a whole number from 1 to ${MAX_ID}, got ${value}`);
  }
  return value;
}

export function buttonData(b: Button): string {
  switch (b.kind) {
    case 'tender':
      return `t:${id(b.needId, 'needId')}:${b.action}`;
    case 'award': {
      const choice = typeof b.choice === 'string' ? b.choice : `q${id(b.choice.quoteId, 'quoteId')}`;
      return `a:${id(b.needId, 'needId')}:${choice}`;
    }
    case 'order':
      return `o:${id(b.orderId, 'orderId')}:${b.action}`;
    case 'rate':
      return `r:${id(b.orderId, 'orderId')}:${b.score}`;
  }
}

export const tenderButton = (needId: number, action: TenderAction): string =>
  buttonData({ kind: 'tender', needId, action });

export const awardButton = (needId: number, choice: AwardChoice): string =>
  buttonData({ kind: 'award', needId, choice });

export const orderButton = (orderId: number, action: OrderAction): string =>
  buttonData({ kind: 'order', orderId, action });

export const rateButton = (orderId: number, score: Score): string =>
  buttonData({ kind: 'rate', orderId, score });

/** The button a tap carries, or null for any other option id (or a forged one). */
export function readButton(data: string | undefined | null): Button | null {
  if (!data || data.length > MAX_BUTTON_BYTES) return null;
  // The regular expressions admit only the listed words, so the casts below name what matched.
  const t = TENDER.exec(data);
  if (t) return { kind: 'tender', needId: Number(t[1]), action: t[2] as TenderAction };
  const o = ORDER.exec(data);
  if (o) return { kind: 'order', orderId: Number(o[1]), action: o[2] as OrderAction };
  const r = RATE.exec(data);
  if (r) return { kind: 'rate', orderId: Number(r[1]), score: Number(r[2]) as Score };
  const a = AWARD.exec(data);
  if (!a) return null;
  const choice: AwardChoice = a[2] ? { quoteId: Number(a[2]) } : (a[3] as (typeof AWARD_OUTCOMES)[number]);
  return { kind: 'award', needId: Number(a[1]), choice };
}
