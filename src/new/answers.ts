/** What `vita new` needs to know about the user, and the checks and defaults that turn raw answers into it. */
import { hasLatinLetters, guessLanguage, isId, slugify } from './slug.js';

/** A complete, checked set of answers: everything the templates need. */
export interface Answers {
  /** The name as the user wrote it first: "Ada Lovelace", "Théo Dupont", or "吴磊". */
  name: string;
  /** The name in other scripts, by language code: {zh: "吴磊"}. */
  otherNames: Record<string, string>;
  /** Person id: the file name people/<id>.yaml. */
  id: string;
  affiliation?: string;
  email?: string;
  /** Set for a group site: the group's name. */
  group?: string;
  /** Where the site will live; a placeholder when not given. */
  baseUrl: string;
  /** Add the weekly workflow that refreshes publications and citation counts through a pull request. */
  refresh: boolean;
  /** The npm package name of the project. */
  packageName: string;
  /** YYYY-MM-DD: the date of the welcome news item and the years of the example publications. */
  today: string;
  /** The vita the project depends on: its package name and package.json's spec (`^0.2.0`, `file:.vita/...tgz`, a git URL). */
  vita: { name: string; spec: string };
}

export const BASE_URL_PLACEHOLDER = 'https://example.org/';
export const FALLBACK_ID = 'me';

/** One line of text as typed: surrounding space trimmed, inner runs of space (line breaks too) made one space. */
export function cleanLine(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Control characters have no place in a name or an address; they would also upset YAML and BibTeX.
  const line = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line === '' ? undefined : line;
}

/** The same test as the schema's `z.string().email()`, written out so that a typo is caught before files are made. */
export function isEmail(value: string): boolean {
  return /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/.test(value);
}

export function isWebAddress(value: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value);
}

/** A language code as the schema's localised text accepts it: "zh", "zh-Hant". */
export function isLanguageCode(value: string): boolean {
  return /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(value);
}

/** The language the main name is written in: English for Latin letters, else a guess from its script. */
export function mainLanguage(name: string): string {
  return hasLatinLetters(name) ? 'en' : (guessLanguage(name) ?? 'en');
}

/** The person id from the name, or from a Latin-letter name in another script; undefined when neither gives one. */
export function idFromNames(name: string, otherNames: Record<string, string>): string | undefined {
  return slugify(name) ?? Object.values(otherNames).map(slugify).find((s) => s !== undefined);
}

/** An npm package name for the project, from the folder's name. */
export function packageNameFor(folderName: string, id: string): string {
  return slugify(folderName) ?? `${id}-site`;
}

/** YYYY-MM-DD of a date, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Checks that an id written by the user is one the schema accepts. */
export function checkId(value: string): string | undefined {
  return isId(value) ? undefined : `"${value}" is not an id: use lower-case letters, digits and hyphens, like "ada-lovelace"`;
}
