import { compact, DIGIT_WORDS, levenshtein, MAX_INPUT_CHARS, normalize } from './text.js';

export interface ChoiceOption {
  id: string;
  label: string;
  aliases?: string[];
}

export type OptionMatch = { id: string } | { ambiguous: string[] } | null;

// `1`, `1.`, `no 1`, `nomor 1`, `pilih 1`, `#1`, and a rating's `bintang 5` / `5 bintang`
// (surrounding punctuation is already stripped).
const NUMBERED =
  /^(?:(?:no|nomor|nomer|nmr|pilih|pilihan|opsi|option|bintang|star)\.? ?)?#? ?(\d{1,3})(?: ?(?:bintang|stars?))?$/;

// The administrative word people put before a place's name: "kec. plered", "desa bojong timur".
const AREA_WORD = /^(?:kecamatan|kec|kab|kabupaten|kota|desa|ds|kelurahan|kel|dusun|kampung|kp)\.? /;
// Softeners after an answer: "per barang saja", "yang kedua ya pak".
const SOFTENERS = /(?: (?:saja|aja|deh|dong|ya|yah|pak|bu|kak|mas|mbak))+$/;

const NUMBER_WORDS: Record<string, number> = {
  ...DIGIT_WORDS,
  sepuluh: 10,
  pertama: 1,
  kedua: 2,
  ketiga: 3,
  keempat: 4,
  kelima: 5,
};

const MIN_PREFIX = 3;

function decide(ids: Set<string>): OptionMatch {
  if (ids.size === 0) return null;
  const list = [...ids];
  return list.length === 1 ? { id: list[0]! } : { ambiguous: list };
}

/**
 * Matches a chat answer against the numbered options shown in the question. Order of trust: the
 * number shown, then an exact id/label/alias, then a number word, a unique prefix, a unique typo.
 * Returns `ambiguous` when a prefix or typo fits several options, so the bot can narrow them down.
 */
export function matchOption(input: string, options: readonly ChoiceOption[]): OptionMatch {
  if (options.length === 0 || input.length > MAX_INPUT_CHARS * 4) return null;
  const text = normalize(input);
  if (text === '' || text.length > MAX_INPUT_CHARS) return null;
  const found = matchText(text, options);
  if (found) return found;
  // Then without an administrative word before a name ("kec. plered" for Plered) or a softener.
  const bare = text.replace(AREA_WORD, '').replace(SOFTENERS, '');
  return bare !== text && bare !== '' ? matchText(bare, options) : null;
}

function matchText(text: string, options: readonly ChoiceOption[]): OptionMatch {
  const numbered = NUMBERED.exec(text);
  if (numbered) {
    const option = options[Number(numbered[1]) - 1];
    if (option) return { id: option.id };
  }

  const key = compact(text);
  const entries = options.map((o) => ({
    id: o.id,
    idKey: compact(normalize(o.id)),
    keys: [o.label, ...(o.aliases ?? [])].map((k) => compact(normalize(k))).filter((k) => k !== ''),
  }));

  // A label can itself look like a number ("2026"), so the exact pass also runs for digit answers.
  if (key !== '') {
    const exact = new Set(entries.filter((e) => e.idKey === key || e.keys.includes(key)).map((e) => e.id));
    if (exact.size > 0) return decide(exact);
  }

  const word = NUMBER_WORDS[text.replace(/^(?:yang|pilih|no|nomor) /, '')];
  if (word !== undefined && options[word - 1]) return { id: options[word - 1]!.id };

  if (Array.from(key).length < MIN_PREFIX) return null;

  const prefixed = new Set(entries.filter((e) => e.keys.some((k) => k.startsWith(key))).map((e) => e.id));
  if (prefixed.size > 0) return decide(prefixed);

  // Whole words from inside a label: "per barang" for "Harga per barang".
  const inside = new Set(
    options
      .filter((o) =>
        [o.label, ...(o.aliases ?? [])].some((l) =>
          ` ${normalize(l).replace(/[^\p{L}\p{N}]+/gu, ' ')} `.includes(` ${text} `),
        ),
      )
      .map((o) => o.id),
  );
  if (inside.size > 0) return decide(inside);

  // Short labels tolerate one typo, longer ones two; "batu" vs "bata" is then reported as ambiguous.
  const typos = new Set(
    entries
      .filter((e) =>
        e.keys.some((k) => {
          const budget = Array.from(k).length <= 6 ? 1 : 2;
          return Array.from(k).length >= MIN_PREFIX && levenshtein(key, k, budget) <= budget;
        }),
      )
      .map((e) => e.id),
  );
  return decide(typos);
}
