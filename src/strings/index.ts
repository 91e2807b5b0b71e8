/**
 * vita's own words, one catalogue per language (en.ts gives the shape; each other catalogue is typed
 * `Strings`, so a missing key does not compile). A language is looked up along its chain
 * (zh-Hant-TW -> zh-Hant -> zh, as Docusaurus does); a language with no catalogue shows English, and
 * `vita check` says so once (validate/config.ts).
 */
import { de } from './de.js';
import { en, type Strings } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { zh } from './zh.js';

export type { Strings } from './en.js';

/** The complete catalogues, by primary language subtag. */
export const CATALOGUES: Readonly<Record<string, Strings>> = { en, zh, de, fr, es, ja, ko };

/** "zh-Hant-TW" -> ["zh-hant-tw", "zh-hant", "zh"]: the tag, then shorter and shorter prefixes. */
function chain(lang: string): string[] {
  const parts = lang.toLowerCase().split(/[-_]/).filter(Boolean);
  const out: string[] = [];
  for (let i = parts.length; i > 0; i--) out.push(parts.slice(0, i).join('-'));
  return out;
}

/** The catalogue a language is shown in, or undefined when vita has none for it. */
export function catalogueFor(lang: string): Strings | undefined {
  for (const tag of chain(lang)) if (Object.hasOwn(CATALOGUES, tag)) return CATALOGUES[tag];
  return undefined;
}

/** The interface strings for a language; languages vita does not speak fall back to English. */
export function strings(lang: string): Strings {
  return catalogueFor(lang) ?? en;
}

/** Whether vita has a catalogue for a language (else its pages show English words). */
export function hasStrings(lang: string): boolean {
  return catalogueFor(lang) !== undefined;
}

/** Whether a language tag is well-formed BCP 47 (as Intl reads it). */
export function isLanguageTag(lang: string): boolean {
  try {
    return Intl.getCanonicalLocales(lang).length === 1;
  } catch {
    return false;
  }
}

/**
 * The languages that get a tree of pages (and CVs), the main one first: every configured language that is a
 * BCP 47 tag; one vita has no catalogue for shows English words around its content.
 */
export function treeLanguages(languages: readonly string[]): string[] {
  const list = languages.length ? languages : ['en'];
  return list.filter((l, i) => i === 0 || isLanguageTag(l));
}
