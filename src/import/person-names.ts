/**
 * A person's name as sites write it in two scripts: `Lei Wu (吴磊)` or `吴磊 (Lei Wu)` is one person whose name is
 * {en: Lei Wu, zh: 吴磊}, never a person called "Lei Wu (吴磊)". And an alias made only of initials ("L. W.") is no
 * name at all: it would match anyone with those initials.
 */

/** The language a name in this script is most likely written in (Han alone is read as Chinese). */
const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/, 'ja'],
  [/[\uac00-\ud7af\u1100-\u11ff]/, 'ko'],
  [/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/, 'zh'],
  [/[\u0400-\u04ff]/, 'ru'],
  [/[\u0370-\u03ff]/, 'el'],
  [/[\u0590-\u05ff]/, 'he'],
  [/[\u0600-\u06ff]/, 'ar'],
  [/[\u0900-\u097f]/, 'hi'],
  [/[\u0e00-\u0e7f]/, 'th'],
];

const isLatin = (text: string) => /\p{Script=Latin}/u.test(text) && !SCRIPTS.some(([re]) => re.test(text));
const scriptOf = (text: string) => SCRIPTS.find(([re]) => re.test(text))?.[1];

export interface ScriptNames {
  /** The name in Latin letters: what ids, citations and matching use. */
  latin: string;
  /** The value for `name:` in the person file: the string, or {en, zh, ...} when written in two scripts. */
  value: string | Record<string, string>;
}

/** `Given Family (中文名)`, `中文名 (Given Family)`, full-width parentheses or a slash alike. */
export function scriptNames(raw: string): ScriptNames {
  const text = raw.trim();
  const m = /^(.+?)\s*[(（]\s*([^()（）]+?)\s*[)）]$/.exec(text) ?? /^(.+?)\s+\/\s+(.+)$/.exec(text);
  if (m) {
    const [a, b] = [m[1]!.trim(), m[2]!.trim()];
    const [latin, other] = isLatin(a) && scriptOf(b) ? [a, b] : isLatin(b) && scriptOf(a) ? [b, a] : [undefined, undefined];
    if (latin && other) return { latin, value: { en: latin, [scriptOf(other)!]: other } };
  }
  return { latin: text, value: text };
}

/** "L.", "L. W.", "LW", "J.-P." : a name with no word longer than an initial. */
export function onlyInitials(name: string): boolean {
  const tokens = name.replace(/[,]/g, ' ').split(/[\s.\-‐]+/).filter(Boolean);
  // "LW" written together is initials too; "LI WEI" in capitals is a name.
  if (tokens.length === 1 && /^\p{Lu}{2,3}$/u.test(tokens[0]!) && !/[.\s]/.test(name.trim())) return true;
  return tokens.length > 0 && tokens.every((t) => /^\p{Lu}$/u.test(t));
}
