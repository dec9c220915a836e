import { formatDateTime } from '../conversation/parse/date-format.js';
import { formatRupiah } from '../conversation/parse/money.js';
import type { Locale } from '../i18n/index.js';
import type { T } from './notify.js';

export const money = (n: number, locale: Locale) => formatRupiah(n, locale);
export const when = (d: Date, locale: Locale, tz: string) => formatDateTime(d, locale, tz);

export function methodName(t: T, method: string): string {
  if (method === 'pembelian_langsung') return t('method.pembelian_langsung');
  if (method === 'permintaan_penawaran') return t('method.permintaan_penawaran');
  return t('method.lelang');
}

export function itemLines(items: Array<{ name: string; quantity: number; unit: string }>): string {
  return items.map((i, n) => `${n + 1}. ${i.name} — ${formatQty(i.quantity)} ${i.unit}`).join('\n');
}

export function formatQty(q: number): string {
  return Number.isInteger(q) ? String(q) : String(q).replace('.', ',');
}
