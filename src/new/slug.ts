/** Ids and file names from people's names: "Théo Dupont" -> "theo-dupont", in ASCII, as the schema's ids require. */

/** Letters that Unicode does not decompose into "letter + accent". */
const FOLDED: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd',
  þ: 'th', Þ: 'th', ı: 'i', ȷ: 'j', ŋ: 'n', Ŋ: 'n', ħ: 'h', Ħ: 'h',
};

/** The longest id made from a name; a longer one is cut at a hyphen. */
const MAX_LENGTH = 48;

/**
 * An id for a name: ASCII lower-case letters, digits and hyphens, starting with a letter or digit.
 * Undefined when the name has no Latin letters or digits to make one from ("吴磊"): the caller asks, or uses a fallback.
 */
export function slugify(name: string): string | undefined {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x00-\x7f]/g, (c) => FOLDED[c] ?? ' ')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!ascii) return undefined;
  if (ascii.length <= MAX_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_LENGTH);
  const hyphen = cut.lastIndexOf('-');
  return hyphen > 0 ? cut.slice(0, hyphen) : cut;
}

/** The id the schema accepts: the same test as `Id` in src/schema/common.ts. */
export function isId(value: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(value);
}

/** The scripts a name in another script is most likely written in, with the language code to file it under. */
const SCRIPTS: [pattern: RegExp, language: string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
];

/** A guess at the language code of a name written in a non-Latin script: "吴磊" -> "zh", "山田太郎" -> "zh" (ask to correct). */
export function guessLanguage(name: string): string | undefined {
  return SCRIPTS.find(([pattern]) => pattern.test(name))?.[1];
}

/** Whether a name has Latin letters, so that it reads as the English form of a name. */
export function hasLatinLetters(name: string): boolean {
  return /\p{Script=Latin}/u.test(name);
}
