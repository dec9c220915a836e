import { awardButton } from '../domain/buttons.js';
import type { ItemLine, RankedLine } from '../domain/events.js';
import type { Locale } from '../i18n/index.js';
import { formatDateTime } from '../parse/date-format.js';
import { formatRupiah } from '../parse/money.js';
import type { T } from './notify.js';

export const money = (n: number, locale: Locale) => formatRupiah(n, locale);
export const when = (d: Date, locale: Locale, tz: string) => formatDateTime(d, locale, tz);

export function methodName(t: T, method: string): string {
  if (method === 'pembelian_langsung') return t('method.pembelian_langsung');
  if (method === 'permintaan_penawaran') return t('method.permintaan_penawaran');
  return t('method.lelang');
}

/** The items of a need, as bullets: numbers in a message belong to its options alone. */
export function itemLines(items: readonly ItemLine[]): string {
  return items.map((i) => `• ${i.name} — ${formatQty(i.quantity)} ${i.unit}`).join('\n');
}

export function formatQty(q: number): string {
  return Number.isInteger(q) ? String(q) : String(q).replace('.', ',');
}

/**
 * The officer's choice at the deadline: quotes cheapest first, or — with fewer than the
 * method's minimum — the three ways forward the rules allow. Shared by the deadline job (which
 * sends it) and the award step (which asks it again).
 */
export function rankedPrompt(
  t: T,
  locale: Locale,
  need: { id: number; number: string | null; minQuotes: number },
  ranked: RankedLine[],
  received = ranked.length,
): { text: string; options: Array<{ id: string; label: string }>; enough: boolean } {
  const enough = received >= need.minQuotes && ranked.length > 0;
  // Lists of things and lists of choices never share numbers: with too few quotes the choices
  // are the three ways forward, so the quotes are bullets, not 1, 2, 3.
  const lines = ranked
    .map((q, i) => {
      const rating = q.rating_count > 0 ? ` — ⭐${(q.rating_sum / q.rating_count).toFixed(1)}` : '';
      return (
        t(enough ? 'award.line' : 'award.line_unranked', {
          n: i + 1,
          vendor: q.business_name,
          total: money(q.total, locale),
          days: q.delivery_days,
          ring: t(`ring.${(q.ring ?? 'kabupaten') as 'desa' | 'kecamatan' | 'kabupaten'}`),
        }) + rating
      );
    })
    .join('\n');
  const head = t(enough ? 'award.ask_choose' : 'award.too_few', {
    number: String(need.number),
    count: received,
    min: need.minQuotes,
  });
  const options = enough
    ? ranked.map((q) => ({
        // Award buttons name their need, so a tap acts on the right one even when two needs
        // closed at once and the conversation holds the other.
        id: awardButton(need.id, { quoteId: q.quoteId }),
        // The channel numbers the buttons; a number in the label read "1. 1. TB …".
        label: `${q.business_name} — ${money(q.total, locale)}`,
      }))
    : [
        { id: awardButton(need.id, 'extend'), label: t('award.opt_extend') },
        { id: awardButton(need.id, 'widen'), label: t('award.opt_widen') },
        { id: awardButton(need.id, 'unsuccessful'), label: t('award.opt_unsuccessful') },
      ];
  return { text: lines ? `${head}\n\n${lines}` : head, options, enough };
}
