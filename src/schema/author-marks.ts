/**
 * Reads the marks researchers put after author names into roles:
 * `*`, `#` (equal contribution), `†`, `\dag` (project lead), `✉`, `\Letter` (corresponding),
 * typed as plain text, Unicode or LaTeX, bare or wrapped in `$^{...}$`, `\textsuperscript{...}`, `[...]`.
 */
import { singleSpaces } from '../text/spaces.js';

export const AUTHOR_ROLES = ['equal', 'lead', 'corresponding'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

/**
 * One mark, as a regular-expression source, with the role it stands for.
 * `‡` is read as a second dagger (lead): papers use it for "equal advising" or a second lead, never for co-first.
 * LaTeX commands must not run into letters (`\dagger` is not `\dag` + "ger").
 */
const MARKS: readonly [source: string, role: AuthorRole][] = [
  [String.raw`\*|＊|∗|#|＃|\\ast(?![A-Za-z])`, 'equal'],
  [String.raw`†|‡|\\(?:textdagger(?:dbl)?|ddag(?:ger)?|dag(?:ger)?)(?![A-Za-z])`, 'lead'],
  [String.raw`✉\uFE0F?|📧|\\(?:Letter|envelope)(?![A-Za-z])`, 'corresponding'],
];

const MARK = `(?:${MARKS.map(([source]) => source).join('|')})`;
/** Several marks in a row: "*†", "*,†", "* †". */
const MARK_LIST = String.raw`${MARK}(?:[\s,]*${MARK})*`;
/** The ways a list of marks is written after a name. */
const MARK_GROUP = [
  String.raw`\$\s*(?:\^\s*)?\{?\s*${MARK_LIST}\s*\}?\s*\$`, // $^{*\dagger}$, $^\dagger$, $\ast$
  String.raw`\\\(\s*(?:\^\s*)?\{?\s*${MARK_LIST}\s*\}?\s*\\\)`, // \(^{*}\)
  String.raw`\\textsuperscript\s*\{\s*${MARK_LIST}\s*\}`, // \textsuperscript{\dag}
  String.raw`<sup>\s*${MARK_LIST}\s*</sup>`, // <sup>*</sup>, copied from web pages
  String.raw`\^\s*\{\s*${MARK_LIST}\s*\}`, // ^{*}
  String.raw`\^\s*${MARK_LIST}`, // ^*
  String.raw`\[\s*${MARK_LIST}\s*\]`, // [†]
  String.raw`\(\s*${MARK_LIST}\s*\)`, // (*)
  String.raw`\{\s*${MARK_LIST}\s*\}`, // {*}
  MARK_LIST, // *, *†, *,†
].join('|');

/** The last group of marks of a name, with the separators before and after it. */
const TRAILING_GROUP = new RegExp(String.raw`[\s,~]*(?:${MARK_GROUP})[\s,~]*$`, 'u');
/** A character that every mark contains (LaTeX ones their backslash). */
const MARK_CHARACTER = /[*＊∗#＃†‡✉\\]|📧/u;
const EACH_MARK = MARKS.map(([source, role]) => [new RegExp(source, 'gu'), role] as const);

/** Strips the marks after a name: "Mingze Wang*,†" -> {name: "Mingze Wang", roles: ["equal", "lead"]}. */
export function parseAuthorMarks(raw: string): { name: string; roles: AuthorRole[] } {
  let name = raw.trim();
  // Most names have no mark: one look for a character that every mark has, rather than trying the marks' pattern at
  // every position of the name.
  if (!MARK_CHARACTER.test(name)) return { name: singleSpaces(name), roles: [] };
  const roles = new Set<AuthorRole>();
  // Groups are taken off one at a time from the end: "Wang$^*$\textsuperscript{\dag}" has two.
  for (;;) {
    const match = TRAILING_GROUP.exec(name);
    // A "name" that is nothing but marks is left alone: there is no name to give the roles to.
    if (!match || match.index === 0) break;
    for (const role of rolesIn(match[0])) roles.add(role);
    name = name.slice(0, match.index);
  }
  return { name: singleSpaces(name), roles: AUTHOR_ROLES.filter((r) => roles.has(r)) };
}

function rolesIn(marks: string): AuthorRole[] {
  return EACH_MARK.filter(([pattern]) => {
    pattern.lastIndex = 0;
    return pattern.test(marks);
  }).map(([, role]) => role);
}
