/**
 * Buttons that carry their subject, so that a tap works whatever screen the chat is on: a tender
 * alert's `t:<need>:<action>`, an award question's `a:<need>:<choice>`. This one codec builds
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

export type Button =
  | { kind: 'tender'; needId: number; action: TenderAction }
  | { kind: 'award'; needId: number; choice: AwardChoice };

/** Telegram's limit on callback data, in bytes. */
export const MAX_BUTTON_BYTES = 64;

const MAX_ID = 999_999_999_999_999;
const ID = '([1-9]\\d{0,14})';
const TENDER = new RegExp(`^t:${ID}:(${TENDER_ACTIONS.join('|')})$`);
const AWARD = new RegExp(`^a:${ID}:(?:q${ID}|(${AWARD_OUTCOMES.join('|')}))$`);

function id(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_ID) {
    throw new RangeError(`${what} must be a whole number from 1 to ${MAX_ID}, got ${value}`);
  }
  return value;
}

export function buttonData(b: Button): string {
  if (b.kind === 'tender') return `t:${id(b.needId, 'needId')}:${b.action}`;
  const choice = typeof b.choice === 'string' ? b.choice : `q${id(b.choice.quoteId, 'quoteId')}`;
  return `a:${id(b.needId, 'needId')}:${choice}`;
}

export const tenderButton = (needId: number, action: TenderAction): string =>
  buttonData({ kind: 'tender', needId, action });

export const awardButton = (needId: number, choice: AwardChoice): string =>
  buttonData({ kind: 'award', needId, choice });

/** The button a tap carries, or null for any other option id (or a forged one). */
export function readButton(data: string | undefined | null): Button | null {
  if (!data || data.length > MAX_BUTTON_BYTES) return null;
  const t = TENDER.exec(data);
  if (t) return { kind: 'tender', needId: Number(t[1]), action: t[2] as TenderAction };
  const a = AWARD.exec(data);
  if (!a) return null;
  const choice: AwardChoice = a[2] ? { quoteId: Number(a[2]) } : (a[3] as (typeof AWARD_OUTCOMES)[number]);
  return { kind: 'award', needId: Number(a[1]), choice };
}
