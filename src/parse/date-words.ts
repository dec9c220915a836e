/** Vocabulary for dates typed in chat, Indonesian first, English as a courtesy. */

const table = (rows: Record<number, string>): Map<string, number> => {
  const map = new Map<string, number>();
  for (const [value, words] of Object.entries(rows)) {
    for (const w of words.split(' ')) map.set(w, Number(value));
  }
  return map;
};

// "Nopember", "Pebruari" and "Agt"/"Ags" are still common spellings.
export const MONTHS = table({
  1: 'januari jan january',
  2: 'februari feb pebruari peb february',
  3: 'maret mar march',
  4: 'april apr',
  5: 'mei may',
  6: 'juni jun june',
  7: 'juli jul july',
  8: 'agustus agu ags agt aug august',
  9: 'september sep sept',
  10: 'oktober okt oct october',
  11: 'november nov nopember nop',
  12: 'desember des dec december',
});

// 0 = Sunday, as in Date#getUTCDay. "Jumat" arrives without its apostrophe (stripped earlier).
export const WEEKDAYS = table({
  0: 'minggu min ahad sunday sun',
  1: 'senin sen monday mon',
  2: 'selasa sel tuesday tue tues',
  3: 'rabu rab wednesday wed',
  4: 'kamis kam thursday thu thur thurs',
  5: 'jumat jum jumaat friday fri',
  6: 'sabtu sab saturday sat',
});

export const COUNTS = table({
  1: 'satu se a an one',
  2: 'dua two',
  3: 'tiga three',
  4: 'empat four',
  5: 'lima five',
  6: 'enam six',
  7: 'tujuh seven',
  8: 'delapan eight',
  9: 'sembilan nine',
  10: 'sepuluh ten',
});

/** Relative day words → days from today. "minggu depan" is "next week", not "next Sunday". */
export const RELATIVE_DAYS = new Map<string, number>([
  ['hari ini', 0],
  ['hr ini', 0],
  ['today', 0],
  ['besok', 1],
  ['bsk', 1],
  ['besuk', 1],
  ['esok', 1],
  ['esok hari', 1],
  ['tomorrow', 1],
  ['tmrw', 1],
  ['lusa', 2],
  ['kemarin', -1],
  ['kemaren', -1],
  ['yesterday', -1],
  ['minggu depan', 7],
  ['pekan depan', 7],
  ['next week', 7],
]);

export const UNIT_DAYS = table({ 1: 'hari hr day days', 7: 'minggu mgg pekan week weeks' });
export const UNIT_MONTHS = new Set(['bulan', 'bln', 'month', 'months']);

/**
 * Default hours for a part of day said without a clock time ("besok pagi"). The hour is a
 * reasonable appointment time, not the start of the period.
 */
export const PERIOD_HOURS = new Map<string, number>([
  ['subuh', 5],
  ['pagi', 9],
  ['siang', 12],
  ['tengah hari', 12],
  ['noon', 12],
  ['sore', 15],
  ['petang', 18],
  ['malam', 19],
  ['mlm', 19],
  ['tengah malam', 0],
  ['midnight', 0],
]);

export const FORMAT_NAMES = {
  id: {
    weekdays: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
    timeSeparator: '.',
  },
  en: {
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    timeSeparator: ':',
  },
} as const;
