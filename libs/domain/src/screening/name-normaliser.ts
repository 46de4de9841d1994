/**
 * Name normalisation for sanctions screening (checks.md):
 * Unicode NFKD, diacritics stripped, a few letters NFKD does not decompose mapped to Latin
 * (ß → SS, Ø → O, Æ → AE, Ł → L ...), upper case, apostrophes removed (`O'Brien` → `OBRIEN`),
 * every other punctuation mark, symbol and hyphen turned into a space, legal-form suffixes
 * dropped from the end of entity names, spaces collapsed. Names are compared as token SETS
 * (`Garcia Lopez, Ana` ≡ `ANA GARCIA LOPEZ`), so the key is the sorted, de-duplicated tokens.
 *
 * Non-Latin scripts: NFKD transliterates nothing outside Latin (Cyrillic, Arabic, CJK ... stay
 * as they are). Such letters are not guessed at: the tokens holding them are left out of the
 * comparison and the name is flagged `nonLatin`, and screening reports the party as a
 * `potential_match` needing an officer's review (unless its Latin part matches outright) —
 * never silently `clear`.
 */

/**
 * Legal-form suffixes, as token sequences after punctuation became spaces (`S.A.C.` → `S A C`).
 * Dropped only at the end of an entity's name, repeatedly (`CO LLC`), and never down to nothing.
 */
export const LEGAL_SUFFIXES: readonly string[] = [
  'S A',
  'SA',
  'S A C',
  'SAC',
  'S A A',
  'S A S',
  'SAS',
  'S A DE C V',
  'SA DE CV',
  'S DE R L',
  'S DE R L DE C V',
  'S R L',
  'SRL',
  'S L',
  'SL',
  'S P A',
  'SPA',
  'S A R L',
  'SARL',
  'S C A',
  'S E',
  'E I R L',
  'EIRL',
  'LTDA',
  'LTD',
  'LIMITED',
  'L L C',
  'LLC',
  'L L P',
  'LLP',
  'L P',
  'LP',
  'INC',
  'INCORPORATED',
  'CORP',
  'CORPORATION',
  'CO',
  'COMPANY',
  'PLC',
  'P L C',
  'GMBH',
  'GMBH CO KG',
  'KG',
  'AG',
  'FZE',
  'FZCO',
  'FZ LLC',
  'DMCC',
  'BV',
  'B V',
  'NV',
  'N V',
  'PTY',
  'PTY LTD',
  'PTE',
  'PTE LTD',
  'SDN BHD',
  'BHD',
  'JSC',
  'OJSC',
  'PJSC',
  'CJSC',
  'OAO',
  'ZAO',
  'OOO',
  'TOO',
  'AO',
  'PAO',
  'OY',
  'OYJ',
  'AB',
  'ASA',
  'KK',
  'K K',
];

const SUFFIX_SEQUENCES: readonly (readonly string[])[] = [...new Set(LEGAL_SUFFIXES)]
  .map((s) => s.split(' '))
  .sort((a, b) => b.length - a.length);

/** Letters NFKD leaves alone that have a conventional Latin spelling. */
const LATIN_FOLD: Readonly<Record<string, string>> = {
  ß: 'SS',
  ẞ: 'SS',
  Ø: 'O',
  ø: 'O',
  Æ: 'AE',
  æ: 'AE',
  Œ: 'OE',
  œ: 'OE',
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Ð: 'D',
  ð: 'D',
  Þ: 'TH',
  þ: 'TH',
  ı: 'I',
  Ħ: 'H',
  ħ: 'H',
};
const FOLD_PATTERN = new RegExp(`[${Object.keys(LATIN_FOLD).join('')}]`, 'gu');

export type NameKind = 'individual' | 'entity';

export interface NormalisedName {
  /** Sorted, de-duplicated Latin tokens. */
  readonly tokens: readonly string[];
  /** `tokens` joined by single spaces: equal keys are an exact token-set match. */
  readonly key: string;
  /** The name holds letters of a non-Latin script that NFKD cannot transliterate. */
  readonly nonLatin: boolean;
}

const NON_LATIN_TOKEN = /[^A-Z0-9]/;

/**
 * Normalises one name. `kind` `entity` (default) drops legal suffixes; `individual` does not
 * (a trailing `Sa` or `Co` can be a person's name).
 */
export function normaliseName(raw: string, kind: NameKind = 'entity'): NormalisedName {
  const folded = raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(FOLD_PATTERN, (ch) => LATIN_FOLD[ch] ?? ch)
    .toUpperCase()
    .replace(/['\u2018\u2019\u02bc`´]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  let tokens = folded === '' ? [] : folded.split(' ');
  let nonLatin = false;
  if (tokens.some((t) => NON_LATIN_TOKEN.test(t))) {
    nonLatin = true;
    tokens = tokens.filter((t) => !NON_LATIN_TOKEN.test(t));
  }
  if (kind === 'entity') tokens = dropLegalSuffixes(tokens);
  const sorted = [...new Set(tokens)].sort();
  return { tokens: sorted, key: sorted.join(' '), nonLatin };
}

function dropLegalSuffixes(tokens: string[]): string[] {
  let end = tokens.length;
  for (let changed = true; changed;) {
    changed = false;
    for (const seq of SUFFIX_SEQUENCES) {
      if (seq.length >= end) continue; // keep at least one token
      let same = true;
      for (let k = 0; k < seq.length && same; k++) same = tokens[end - seq.length + k] === seq[k];
      if (same) {
        end -= seq.length;
        changed = true;
        break;
      }
    }
  }
  return end === tokens.length ? tokens : tokens.slice(0, end);
}
