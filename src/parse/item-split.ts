import { parseQuantity, type Quantity } from './quantity.js';

/**
 * Units that count what is bought — a sack, a truckload, a piece — as opposed to a size that is
 * part of the product's name ("Semen 50 kg", "Cat 5 liter"). Only these split an item line.
 */
const COUNTING = new Set([
  'buah',
  'pcs',
  'unit',
  'set',
  'dus',
  'sak',
  'karung',
  'lembar',
  'batang',
  'biji',
  'botol',
  'kaleng',
  'rim',
  'lusin',
  'pasang',
  'roll',
  'ikat',
  'ekor',
  'rit',
  'titik',
  'paket',
  'truk',
  'm3',
  'orang',
]);

/**
 * An item typed with its quantity in one message ("semen 50 sak", "kursi lipat dua puluh buah"):
 * the name and the quantity, for the chat to confirm; null when the line does not end in a
 * counted quantity. The quantity is read by the same parser as the quantity question.
 */
export function splitItemQuantity(
  text: string,
): { name: string; quantity: Quantity & { unit: string } } | null {
  const words = text.trim().split(/\s+/);
  for (const k of [2, 3, 4]) {
    if (words.length <= k) break;
    const head = words.slice(0, -k).join(' ');
    const q = parseQuantity(words.slice(-k).join(' '));
    const unit = q.ok ? q.value.unit : null;
    if (q.ok && unit && COUNTING.has(unit) && /\p{L}/u.test(head))
      return { name: head, quantity: { ...q.value, unit } };
  }
  return null;
}
