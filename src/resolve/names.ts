/**
 * Author-name matching: links the names printed on publications ("L. Wu", "Wu, Lei", "Th{\'e}o Dupont",
 * "吴磊") to the people of the project, without linking wrongly ("Lei Wu" is not "Liang Wu" nor "Jingfeng Wu").
 *
 * Names are compared in a canonical form (see `normalizeName`). A `NameIndex` tries, in order:
 *  1. the whole name, exactly (display names in every script, and declared aliases);
 *  2. the family name plus given names compared word by word, where a word may be abbreviated to its
 *     initial(s) and middle names may be left out, and only when exactly one person fits.
 * Reversed order without a comma ("Wu Lei") is never guessed: it is as likely to be another person.
 */

import { editDistance } from '../text/distance.js';
import { latexToUnicode } from '../text/latex.js';

/** Re-exported for `resolve/publications.ts`, which imports it from here; it lives in `text/latex.ts`. */
export { latexToUnicode };

// ---------------------------------------------------------------------------------------------------------
// Canonical form
// ---------------------------------------------------------------------------------------------------------

/** Diacritics only (Latin, Greek, Cyrillic accents); kana voicing marks and Hangul jamo are left intact. */
const DIACRITIC_RE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
/** Letters that are not "letter + accent" in Unicode, so NFKD does not take them apart. */
const FOLDED_LETTERS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ȷ: 'j',
  þ: 'th',
  ŋ: 'n',
};
const FOLDED_RE = new RegExp(`[${Object.keys(FOLDED_LETTERS).join('')}]`, 'g');
const INVISIBLE_RE = /[\p{Cf}\u00ad]/gu;
const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d';
const APOSTROPHES = "'`\u2018\u2019\u02bc\u02bb";
const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;
const ASCII_RE = /^[\x20-\x7e]*$/;
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK_RE = new RegExp(`[${CJK}]`, 'u');
const SPACE_BETWEEN_CJK_RE = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');
const SUFFIX_RE = /^(jr|sr|ii|iii|iv)\.?$/i;
/** Characters without which a name holds no LaTeX to decode. */
const LATEX_HINT_RE = /[\\{}~]/;

const normalizedCache = new Map<string, string>();
const NORMALIZED_CACHE_LIMIT = 50_000;

/**
 * Canonical comparable form of a name: LaTeX accents and commands decoded to Unicode (Th{\'e}o, {\"u}, \c{c},
 * \ss, {\o}, \'{e}), Unicode NFKD with diacritics removed, lower-case, punctuation/hyphens unified, braces
 * removed, "Last, First" reordered to "First Last", whitespace collapsed. CJK left as is (no spaces).
 * "Th{\'e}o Dupont" -> "theo dupont", "Wu, L." -> "l wu", "Y.-A. Ma" -> "y-a ma", "吴 磊" -> "吴磊".
 */
export function normalizeName(name: string): string {
  const cached = normalizedCache.get(name);
  if (cached !== undefined) return cached;
  const result = computeNormalizedName(name);
  // Publications repeat the same few thousand names; a bounded cache keeps memory flat on odd inputs.
  if (normalizedCache.size >= NORMALIZED_CACHE_LIMIT) normalizedCache.clear();
  normalizedCache.set(name, result);
  return result;
}

function computeNormalizedName(name: string): string {
  let text = LATEX_HINT_RE.test(name) ? latexToUnicode(name) : name;
  // Plain ASCII names (most of them) skip the Unicode passes.
  const ascii = ASCII_RE.test(text);
  if (!ascii) text = stripDiacritics(text).replace(INVISIBLE_RE, '');
  const cjk = !ascii && CJK_RE.test(text);
  if (!cjk && text.includes(',')) text = firstNameFirst(text);
  text = text.toLowerCase();
  if (!ascii) text = text.replace(FOLDED_RE, (c) => FOLDED_LETTERS[c] ?? c);
  const tidy = tidyPunctuation(text);
  return cjk ? tidy.replace(SPACE_BETWEEN_CJK_RE, '') : tidy;
}

function stripDiacritics(text: string): string {
  // NFKD also turns full-width letters and ligatures into plain ones; NFC then rebuilds Hangul and kana.
  return text.normalize('NFKD').replace(DIACRITIC_RE, '').normalize('NFC');
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "Wu, Lei" -> "Lei Wu"; BibTeX "von Last, Jr, First" -> "First von Last Jr"; "Last First, Jr." is kept. */
function firstNameFirst(text: string): string {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const [last, second, ...rest] = parts;
  if (last === undefined || second === undefined) return parts.join(' ');
  if (SUFFIX_RE.test(second)) {
    return rest.length > 0 ? [...rest, last, second].join(' ') : `${last} ${second}`;
  }
  const final = rest[rest.length - 1];
  if (final !== undefined && SUFFIX_RE.test(final)) return [second, ...rest.slice(0, -1), last, final].join(' ');
  return [second, ...rest, last].join(' ');
}

/**
 * Punctuation becomes a word break ("W.J." -> "w j"), any dash joins ("Y.-A." -> "y-a", "Jean - Pierre" ->
 * "jean-pierre"), apostrophes vanish ("O'Brien" -> "obrien"), spaces collapse. One pass over the characters,
 * because every author name of every publication goes through here.
 */
function tidyPunctuation(text: string): string {
  let out = '';
  let pendingBreak = ''; // ' ' or '-' to write before the next letter, if any
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (isWordChar(text.charCodeAt(i), ch)) {
      if (pendingBreak !== '' && out !== '') out += pendingBreak;
      pendingBreak = '';
      out += ch;
    } else if (DASHES.includes(ch)) {
      pendingBreak = '-';
    } else if (!APOSTROPHES.includes(ch) && pendingBreak === '') {
      pendingBreak = ' ';
    }
  }
  return out;
}

function isWordChar(code: number, ch: string): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  }
  if (code >= 0xd800 && code <= 0xdfff) return true; // half of a supplementary-plane character (rare CJK)
  return WORD_CHAR_RE.test(ch);
}

// ---------------------------------------------------------------------------------------------------------
// Given and family names
// ---------------------------------------------------------------------------------------------------------

/** Lower-case words that start a family name when they stand between given and family names. */
const PARTICLES = new Set(
  ['van', 'von', 'de', 'der', 'den', 'di', 'da', 'del', 'della', 'des', 'du', 'dos', 'das', 'ten', 'ter'],
);

/**
 * Split a (normalized or raw) Western name into given names and family name: handles "Last, First",
 * "First Middle Last", particles (van, von, de, di, van der), suffixes (Jr.), and single-token names.
 * Parts keep the input's case and diacritics (LaTeX decoded); a spaced CJK name is read family-first.
 */
export function splitName(name: string): { given: string[]; family: string } {
  const text = collapseSpaces(latexToUnicode(name));
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const [first, second, ...rest] = parts;
  if (first === undefined) return { given: [], family: '' };
  if (CJK_RE.test(first)) return splitFamilyFirst(first.split(' '));
  if (second === undefined) return splitWords(first.split(' '));
  // "Martin Luther King, Jr.": the comma only sets off the suffix.
  if (SUFFIX_RE.test(second) && rest.length === 0) return splitWords(first.split(' '));
  // "Last, First", "von Last, Jr, First", "Last, First, Jr."
  const givenParts = SUFFIX_RE.test(second) ? rest : [second, ...rest].filter((p) => !SUFFIX_RE.test(p));
  return { given: givenParts.flatMap((p) => p.split(' ')), family: first };
}

/** CJK names put the family first ("吴 磊"); written without a space, the name cannot be split safely. */
function splitFamilyFirst(words: string[]): { given: string[]; family: string } {
  const [family = '', ...given] = words.filter((w) => w !== '');
  return { given, family };
}

/** Split words in "First Middle von Last Jr" order. */
function splitWords(words: string[]): { given: string[]; family: string } {
  const tokens = words.filter((w) => w !== '');
  while (tokens.length > 2 && SUFFIX_RE.test(tokens[tokens.length - 1] ?? '')) tokens.pop();
  if (tokens.length <= 1) return { given: [], family: tokens[0] ?? '' };
  // A particle opens the family name ("Johannes van der Waals"), but never as the first or last word.
  let familyStart = tokens.length - 1;
  for (let i = 1; i < tokens.length - 1; i++) {
    if (PARTICLES.has((tokens[i] ?? '').toLowerCase())) {
      familyStart = i;
      break;
    }
  }
  return { given: tokens.slice(0, familyStart), family: tokens.slice(familyStart).join(' ') };
}

// ---------------------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------------------

/** A word made only of initials: "l", "y-a". */
function isInitialsWord(word: string): boolean {
  return word.split('-').every((part) => part.length <= 1);
}

/** The initials of a given word, hyphen kept: "yi-an" -> "y-a", "weijie" -> "w". */
function initialsOf(word: string): string {
  return word
    .split('-')
    .map((part) => part.charAt(0))
    .join('-');
}

/** Exact-match key: hyphens inside spelled-out words do not count ("yi-an ma" = "yian ma"), but "y-a" stays. */
function exactKey(normalized: string): string {
  if (!normalized.includes('-')) return normalized;
  return normalized
    .split(' ')
    .map((w) => (isInitialsWord(w) ? w : w.replace(/-/g, '')))
    .join(' ');
}

/** Whether a normalized name is written in Latin letters (and so has given names, initials ...). */
function isLatin(normalized: string): boolean {
  return !/[^\p{Script=Latin}\p{N} -]/u.test(normalized);
}

/**
 * The keys under which a person can be found: full normalized name, "first-initial + family" form ("l wu"),
 * initials-of-all-given + family ("w j su"), each alias, each script's name. Pass all of a person's names.
 */
export function nameKeys(names: string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const normalized = normalizeName(name);
    if (normalized === '') continue;
    keys.add(normalized);
    keys.add(exactKey(normalized));
    if (!isLatin(normalized)) continue;
    const { given, family } = splitWords(normalized.split(' '));
    const firstGiven = given[0];
    if (firstGiven === undefined) continue;
    keys.add(`${firstGiven.charAt(0)} ${family}`);
    keys.add(`${given.map(initialsOf).join(' ')} ${family}`);
  }
  return [...keys];
}

// ---------------------------------------------------------------------------------------------------------
// Structured comparison
// ---------------------------------------------------------------------------------------------------------

/** One given-name word: spelled out ("yi-an": full "yian") or abbreviated ("y-a": no full), with its initials. */
interface GivenWord {
  full?: string;
  initials: string;
}

/** A Latin name taken apart for comparison. */
interface ParsedName {
  given: GivenWord[];
  family: string;
}

function parseGivenWord(word: string): GivenWord {
  const parts = word.split('-').filter((p) => p !== '');
  const initials = parts.map((p) => p.charAt(0)).join('');
  return isInitialsWord(word) ? { initials } : { full: parts.join(''), initials };
}

/** The words of a normalized Latin name that has at least one given name; otherwise undefined (exact match only). */
function latinWords(normalized: string): { given: string[]; family: string } | undefined {
  if (normalized === '' || !isLatin(normalized)) return undefined;
  const words = splitWords(normalized.split(' '));
  return words.given.length > 0 ? words : undefined;
}

/** The bucket a Latin name is filed under: first initial and family ("l wu"). */
function bucketKey(given: string[], family: string): string {
  return `${(given[0] ?? '').charAt(0)} ${family}`;
}

function parseWords(words: { given: string[]; family: string }): ParsedName {
  return { given: words.given.map(parseGivenWord), family: words.family };
}

/**
 * Two given words can be the same: spelled-out words must be equal; an abbreviation must begin the
 * other word's initials ("y" fits "yi-an", but "y-a" does not fit "yi" — that is another given name).
 */
function wordsAgree(a: GivenWord, b: GivenWord): boolean {
  if (a.full !== undefined && b.full !== undefined) return a.full === b.full;
  if (a.full === undefined && b.full === undefined) {
    return a.initials.startsWith(b.initials) || b.initials.startsWith(a.initials);
  }
  const [abbreviated, spelled] = a.full === undefined ? [a, b] : [b, a];
  return spelled.initials.startsWith(abbreviated.initials);
}

/**
 * Whether an author's given names can be the person's. The first given names must agree; middle names
 * are compared where both have them. The author may leave out any of the person's middle names, and may
 * add middle initials, but may not add a spelled-out given name: "Yi An Ma" is not "Yi Ma".
 */
function givenNamesAgree(author: GivenWord[], person: GivenWord[]): boolean {
  const shared = Math.min(author.length, person.length);
  for (let i = 0; i < shared; i++) {
    const a = author[i];
    const p = person[i];
    if (a === undefined || p === undefined || !wordsAgree(a, p)) return false;
  }
  return author.slice(shared).every((word) => word.full === undefined);
}

/** Whether the decisive (first) given name was matched through an abbreviation. */
function usesInitials(author: ParsedName, person: ParsedName): boolean {
  return author.given[0]?.full === undefined || person.given[0]?.full === undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------------------

export interface NameIndexEntry {
  id: string;
  /** Display names in all scripts (en, zh ...), plus aliases if the caller does not separate them. */
  names: string[];
  /**
   * Declared aliases, kept apart so that a match through them is reported as 'alias'. Aliases match only
   * as whole names (after normalization): a reversed alias "Wu Lei" must not make "W. Lei" this person.
   */
  aliases?: string[];
}

export type MatchHow = 'exact' | 'alias' | 'initials' | 'script';

export interface NameMatch {
  id?: string;
  ambiguous?: string[];
  how?: MatchHow;
}

const MATCH_CACHE_LIMIT = 50_000;
/** The cached answer for most authors (not people of the project), shared so the cache costs little memory. */
const NO_MATCH: Readonly<NameMatch> = Object.freeze({});

interface ExactHit {
  id: string;
  how: MatchHow;
}

interface FiledName {
  id: string;
  name: ParsedName;
}

export class NameIndex {
  /** Whole-name key -> people having that name (display names in any script, aliases). */
  private readonly exact = new Map<string, ExactHit[]>();
  /** "first-initial family" -> the people's parsed Latin display names filed there. */
  private readonly buckets = new Map<string, FiledName[]>();
  /** Every comparable form of each person, for suggestions. */
  private readonly forms: { id: string; keys: string[] }[] = [];
  /** Answers already given, by author name as written. */
  private readonly matched = new Map<string, NameMatch>();

  constructor(entries: NameIndexEntry[]) {
    for (const entry of entries) this.add(entry);
  }

  private add(entry: NameIndexEntry): void {
    for (const name of entry.names) {
      const normalized = normalizeName(name);
      if (normalized === '') continue;
      this.addExact(exactKey(normalized), { id: entry.id, how: isLatin(normalized) ? 'exact' : 'script' });
      const words = latinWords(normalized);
      if (words) this.file(entry.id, bucketKey(words.given, words.family), parseWords(words));
    }
    for (const alias of entry.aliases ?? []) {
      const normalized = normalizeName(alias);
      if (normalized !== '') this.addExact(exactKey(normalized), { id: entry.id, how: 'alias' });
    }
    this.forms.push({ id: entry.id, keys: nameKeys([...entry.names, ...(entry.aliases ?? [])]) });
  }

  private addExact(key: string, hit: ExactHit): void {
    const hits = this.exact.get(key);
    if (!hits) this.exact.set(key, [hit]);
    else if (!hits.some((h) => h.id === hit.id)) hits.push(hit); // the first way a person has a key wins
  }

  private file(id: string, key: string, name: ParsedName): void {
    const filed = this.buckets.get(key);
    if (filed) filed.push({ id, name });
    else this.buckets.set(key, [{ id, name }]);
  }

  /**
   * The person id an author name refers to, or undefined; ambiguous matches (two people share the key)
   * return undefined and are reported through `ambiguous`. Exact full-name matches win over initial-based
   * matches; an abbreviated author name "L. Wu" matches a person "Lei Wu" only if no other person has
   * given-initial L and family Wu; a full author name "Lei Wu" must NOT match a person whose given name is
   * different ("Liang Wu"), and "Jingfeng Wu" must not match "Lei Wu". Middle initials in either side are
   * optional ("Weijie J. Su" = "Weijie Su").
   *
   * `how`: 'exact' (a display name, or the same spelled-out first name with middle names differing),
   * 'script' (a display name in a non-Latin script), 'alias' (a declared alias), 'initials' (abbreviated).
   */
  match(author: string): NameMatch {
    const result = this.answer(author);
    // Hand out a copy: callers may keep or change what they get.
    return result.ambiguous ? { ambiguous: [...result.ambiguous] } : { ...result };
  }

  /** The id `match` gives, without copying its answer: asked for every author of every publication. */
  idOf(author: string): string | undefined {
    return this.answer(author).id;
  }

  private answer(author: string): Readonly<NameMatch> {
    let result = this.matched.get(author);
    if (result === undefined) {
      result = this.resolve(author);
      // The index never changes, so a name's answer never does; bound the cache for odd inputs.
      if (this.matched.size >= MATCH_CACHE_LIMIT) this.matched.clear();
      this.matched.set(author, result);
    }
    return result;
  }

  private resolve(author: string): NameMatch {
    // Not normalizeName: `matched` already remembers this name, a second cache would only cost memory.
    const normalized = computeNormalizedName(author);
    if (normalized === '') return NO_MATCH;
    return this.matchExact(normalized) ?? this.matchByGivenNames(normalized) ?? NO_MATCH;
  }

  private matchExact(normalized: string): NameMatch | undefined {
    const hits = this.exact.get(exactKey(normalized));
    if (!hits) return undefined;
    const [only, ...others] = hits;
    if (only === undefined) return undefined;
    if (others.length > 0) return { ambiguous: sortedIds(hits.map((h) => h.id)) };
    return { id: only.id, how: only.how };
  }

  private matchByGivenNames(normalized: string): NameMatch | undefined {
    const words = latinWords(normalized);
    if (!words) return undefined;
    // Most authors are not people of the project: settle them before parsing given names.
    const filed = this.buckets.get(bucketKey(words.given, words.family));
    if (!filed) return undefined;
    const author = parseWords(words);
    const fits = filed.filter((f) => givenNamesAgree(author.given, f.name.given)); // the bucket fixed the family
    const only = fits[0];
    if (only === undefined) return undefined;
    if (fits.some((f) => f.id !== only.id)) return { ambiguous: sortedIds(fits.map((f) => f.id)) };
    return { id: only.id, how: fits.some((f) => !usesInitials(author, f.name)) ? 'exact' : 'initials' };
  }

  /** People whose name is close to `name` (edit distance on normalized forms), best first, for "did you mean" hints. */
  suggest(name: string, limit = 3): string[] {
    const normalized = normalizeName(name);
    if (normalized === '') return [];
    const queries = [exactKey(normalized), ...swappedOrder(normalized)];
    const scored: { id: string; distance: number }[] = [];
    for (const { id, keys } of this.forms) {
      // Allow about one typo per three letters: further than that, it is another name.
      const limit = Math.max(1, Math.floor(normalized.length / 3));
      let best = limit + 1;
      for (const key of keys) for (const q of queries) best = Math.min(best, editDistance(q, key, limit));
      if (best <= limit) scored.push({ id, distance: best });
    }
    scored.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return scored.slice(0, limit).map((s) => s.id);
  }
}

/** "wu lei" -> ["lei wu"]: the hint for a name typed family-first without a comma. */
function swappedOrder(normalized: string): string[] {
  const words = normalized.split(' ');
  if (words.length < 2) return [];
  return [[...words.slice(1), words[0]].join(' ')];
}

function sortedIds(ids: string[]): string[] {
  return [...new Set(ids)].sort();
}
