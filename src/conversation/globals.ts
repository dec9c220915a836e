import type { Locale } from '../i18n/index.js';

/** Words that work at every step, whatever is being asked. */
export type GlobalCommand =
  | { kind: 'menu' }
  | { kind: 'cancel' }
  | { kind: 'back' }
  | { kind: 'help' }
  | { kind: 'language'; locale?: Locale }
  /** "hubungkan 123456": link this chat to the account that was shown the code. */
  | { kind: 'link'; code: string };

const WORDS: Array<[string[], GlobalCommand]> = [
  [['menu', 'menu utama', 'home', '/start', '/menu', 'mulai'], { kind: 'menu' }],
  [['batal', 'batalkan', 'cancel', '/cancel', '/batal'], { kind: 'cancel' }],
  [['kembali', 'back', 'mundur', '/back', '/kembali'], { kind: 'back' }],
  [['bantuan', 'help', 'tolong', '?', '/help', '/bantuan', 'petunjuk'], { kind: 'help' }],
  [['bahasa', 'language', 'ganti bahasa', '/bahasa', '/language'], { kind: 'language' }],
  [['english', 'bahasa inggris', 'inggris', 'in english'], { kind: 'language', locale: 'en' }],
  [['indonesia', 'bahasa indonesia', 'indonesian'], { kind: 'language', locale: 'id' }],
];

const LOOKUP = new Map<string, GlobalCommand>(WORDS.flatMap(([words, cmd]) => words.map((w) => [w, cmd])));

/** The whole message must be the command ("menu", "Batal!"), so answers containing it still count as answers. */
export function parseGlobalCommand(text: string): GlobalCommand | null {
  if (text.length > 40) return null;
  const key = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[!.,*_~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const link = /^(?:hubungkan|sambungkan|tautkan|link|\/link)\s*:?\s*(\d{3})\s?(\d{3})$/.exec(key);
  if (link) return { kind: 'link', code: `${link[1]}${link[2]}` };
  return LOOKUP.get(key) ?? null;
}
