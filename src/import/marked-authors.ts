/**
 * Author lists as personal sites write them by hand, with marks: `Osei, K.<sup>#</sup>, Petrova, E.<sup>#</sup>,
 * Moreau, J.*` or `Kwame Osei#, Elena Petrova#, and Julien Moreau*.` The marks become roles, the stray punctuation
 * around them goes, and "Last, F." pairs stay one person. What a mark means is the site's legend's when it has one
 * ("# co-first author, * corresponding author"); without one, vita's reading (`*` and `#` equal, `†` lead), except that a
 * list that marks some authors `#` (or `†`) and others `*` uses `*` for the corresponding author, as such lists do.
 */
import type { AuthorRole } from '../schema/author-marks.js';
import type { ImportedAuthor } from './bundle.js';
import { normalizeName, splitName } from '../resolve/names.js';
import { decodeEntities, plainText } from './text.js';

export type MarkMeaning = Map<string, AuthorRole>;

/** `*` is read as `⁎` once found, so that Markdown emphasis never takes two marks for italics. */
const MARK_CHARS = '⁎#†‡✉';
const TRAILING = new RegExp(`[\\s${MARK_CHARS}.,;]*[${MARK_CHARS}][\\s${MARK_CHARS}.,;]*$`);
const INITIALS = /^(?:[A-Z][a-z]?\.?\s*-?\s*){1,4}$/;

/** `<sup>#</sup>`, `$^*$`, `\*` and `^†` as bare marks after the name; affiliation numbers in <sup> dropped. */
export function bareMarks(text: string): string {
  return decodeEntities(text)
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '')
    .replace(/<sup>\s*([^<]*?)\s*<\/sup>/gi, (_m, inner: string) => inner.replace(/[^*#†‡✉]/g, ''))
    .replace(/\$\s*\^?\s*\{?\s*([*#†‡]+)\s*\}?\s*\$/g, '$1')
    .replace(/\^\s*\{?\s*([*#†‡]+)\s*\}?/g, '$1')
    .replace(/\\([*#])/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\*/g, '⁎');
}

/** The legend's meaning of the marks, where a page says it ("# co-first author; * corresponding author"). */
export function marksFromLegend(text: string): MarkMeaning {
  const out: MarkMeaning = new Map();
  const plain = bareMarks(text);
  for (const mark of ['#', '†', '‡', '*']) {
    const esc = mark === '*' ? '⁎' : mark;
    const m = new RegExp(`${esc}\\s*(?::|=|-|–|indicates|denotes|means|stands for|marks)?\\s*(?:the\\s+)?(equal|co-?first|joint first|corresponding|project lead|lead|senior|supervis)`, 'i').exec(plain);
    if (!m) continue;
    const word = m[1]!.toLowerCase();
    out.set(mark, /corresponding/.test(word) ? 'corresponding' : /equal|first/.test(word) ? 'equal' : 'lead');
  }
  return out;
}

/**
 * An author list with marks as authors with roles. "Last, F." pairs are joined ("F. Last"); names are plain text.
 * Undefined when the text holds no name.
 */
export function markedAuthors(text: string, legend: MarkMeaning = new Map()): ImportedAuthor[] {
  const plain = plainText(bareMarks(text)).replace(/\s+/g, ' ').trim();
  // BibTeX's "Osei, Kwame and Petrova, Elena": each name "Family, Given", between " and ".
  if (isBibtexNames(plain)) return markedAuthors(plain.split(/\s+and\s+/).map((n) => {
      const [family, given] = n.split(/\s*,\s*/) as [string, string];
      const marks = `${family.match(/[⁎#†‡✉]+$/)?.[0] ?? ''}${given.match(/[⁎#†‡✉]+$/)?.[0] ?? ''}`;
      return `${given.replace(/[⁎#†‡✉]+$/, '')} ${family.replace(/[⁎#†‡✉]+$/, '')}${marks}`;
    }).join(', '), legend);
  const tokens = plain
    .split(/\s*[,;]\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/)
    .map((t) => t.trim())
    .filter(Boolean);
  // "Petrova, E." pairs: every other token made of initials (with their marks).
  const unmarked = tokens.map((t) => t.replace(TRAILING, (m) => m.replace(/[^.]/g, '')).trim());
  const paired = tokens.length % 2 === 0 && tokens.length > 0 && unmarked.every((t, i) => (i % 2 === 1 ? INITIALS.test(t) : !INITIALS.test(t) && !/\s\S+\s\S+\s/.test(t)));
  const names: { name: string; marks: string }[] = [];
  if (paired) {
    for (let i = 0; i < tokens.length; i += 2) {
      const marks = `${markOf(tokens[i]!)}${markOf(tokens[i + 1]!)}`;
      names.push({ name: `${clean(tokens[i + 1]!, true)} ${clean(tokens[i]!, false)}`, marks });
    }
  } else {
    // "Petrova E, Osei KA": family name first, initials without points (Vancouver).
    const vancouver = unmarked.every((t) => /^[\p{L}'’-]+(?: [\p{L}'’-]+)? [A-Z]{1,3}$/u.test(t));
    for (const t of tokens) {
      const name = clean(t, false);
      const v = vancouver ? /^(.*) ([A-Z]{1,3})$/.exec(name) : null;
      names.push({ name: v ? `${[...v[2]!].map((c) => `${c}.`).join(' ')} ${v[1]}` : name, marks: markOf(t) });
    }
  }
  const used = new Set(names.flatMap((n) => [...n.marks]));
  const meaning = (mark: string): AuthorRole | undefined => {
    const given = legend.get(mark === '⁎' ? '*' : mark);
    if (given) return given;
    if (mark === '⁎') return used.has('#') || used.has('†') ? 'corresponding' : 'equal';
    if (mark === '#') return 'equal';
    if (mark === '✉') return 'corresponding';
    return 'lead';
  };
  return names
    .filter((n) => n.name && /\p{L}/u.test(n.name) && !/^(et al\.?|others)$/i.test(n.name))
    .map((n) => {
      const roles = new Set([...n.marks].map(meaning).filter((r): r is AuthorRole => !!r));
      return { name: n.name, roles: (['equal', 'lead', 'corresponding'] as const).filter((r) => roles.has(r)) };
    });
}

function markOf(token: string): string {
  const m = TRAILING.exec(token);
  return m ? m[0].replace(new RegExp(`[^${MARK_CHARS}]`, 'g'), '') : '';
}

/** A name without its marks and the punctuation left around them ("Moreau*." -> "Moreau", "J.*" -> "J."). */
function clean(token: string, initials: boolean): string {
  const bare = token.replace(TRAILING, (m) => (initials || /\b[A-Z]\.?$/.test(token.replace(TRAILING, '')) ? m.replace(/[^.]/g, '').slice(0, 1) : '')).trim();
  const name = bare.replace(/^[\s.,;:]+|[\s,;:]+$/g, '');
  return initials ? name.replace(/([A-Z])(?=\s|$)/g, '$1.').replace(/\.\.+/g, '.') : name.replace(/(?<![A-Z])\.$/, '');
}

/** The author who is the site's owner: the same family name and first initial ("E. Petrova" is Elena Petrova). */
export function isOwnerName(name: string, owner: string): boolean {
  if (normalizeName(name) === normalizeName(owner)) return true;
  const a = splitName(name);
  const b = splitName(owner);
  if (normalizeName(a.family) !== normalizeName(b.family)) return false;
  const initial = (g: readonly string[]) => normalizeName(g[0] ?? '').charAt(0);
  return initial(a.given) !== '' && initial(a.given) === initial(b.given);
}

/** Names written as BibTeX writes them: "Family, Given and Family2, Given2", one comma in each. */
export function isBibtexNames(text: string): boolean {
  const names = text.split(/\s+and\s+/);
  return names.length > 1 && names.every((n) => (n.match(/,/g) ?? []).length === 1 && !/,\s*$/.test(n));
}
