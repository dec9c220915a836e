import { formatRupiah, parseRupiah } from '../../parse/money.js';
import type { TurnContext } from '../flow.js';

export type AmountAnswer = { ok: true; value: number } | { ok: false; hint: string };

/** The sentence for an amount above the configured ceiling (QUOTE_MAX_RUPIAH), naming it. */
export const tooLargeHint = (ctx: TurnContext) =>
  ctx.t('hint.money_too_large', { max: formatRupiah(ctx.config.QUOTE_MAX_RUPIAH, ctx.locale) });

/**
 * A rupiah amount typed in a chat (HPS, quote, payment), bounded by the configured ceiling:
 * above it is a typo or abuse, and the person is told the limit rather than a generic hint.
 */
export function readAmount(ctx: TurnContext, text: string): AmountAnswer {
  const r = parseRupiah(text, { max: ctx.config.QUOTE_MAX_RUPIAH });
  if (r.ok) return r;
  return { ok: false, hint: r.error === 'too_large' ? tooLargeHint(ctx) : ctx.t('hint.money') };
}
