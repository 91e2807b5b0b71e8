/** Publications with their authors linked to people, their status settled and a date to sort by. */
import type { PublicationInput } from '../schema/index.js';
import type { Located } from '../validate/index.js';
import type { Author, Publication } from './graph.js';
import { latexToUnicode } from './names.js';
import type { PeopleDirectory } from './people.js';

export function resolvePublication(source: Located<PublicationInput>, people: PeopleDirectory): Publication {
  const p = source.value;
  const authors: Author[] = p.authors.map((a, i) => {
    const name = latexToUnicode(a.name);
    if (a.person) {
      return { name, roles: a.roles, person: people.require(a.person, source, ['authors', i, 'person']) ? a.person : undefined };
    }
    return { name, roles: a.roles, person: people.index.idOf(a.name) };
  });
  // The people among the authors, each once, in author order (lists of a few: no set needed).
  const linked: string[] = [];
  for (const { person } of authors) if (person !== undefined && !linked.includes(person)) linked.push(person);
  // The fields of `{ ...p, authors, ... }` in the same order, copied with Object.assign: V8 is several times slower to add
  // fields to a spread copy of the validated records (they come in many shapes), and this runs for every publication.
  return Object.assign({}, p, {
    authors,
    status: p.status ?? (p.type === 'preprint' ? 'preprint' : 'published'),
    people: linked,
    sortDate: p.date ?? (p.month ? `${p.year}-${String(p.month).padStart(2, '0')}` : String(p.year)),
    source,
  });
}

/** Newest first; ties broken by title so every output lists the same order. */
export function byDateDescending(a: Publication, b: Publication): number {
  return compare(b.sortDate, a.sortDate) || compare(a.title, b.title) || compare(a.id, b.id);
}

/** Code-point order: the same on every machine, unlike localeCompare, and much faster. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which marks a list uses, for its legend: the legend names only what appears. */
export function marksUsed(list: readonly Publication[]): { equal: boolean; alphabetical: boolean; lead: boolean; corresponding: boolean } {
  // A loop, not flatMap: the group's list asks this of every publication of the record.
  const used = { equal: false, alphabetical: false, lead: false, corresponding: false };
  for (const p of list) {
    if (p.alphabetical) used.alphabetical = true;
    for (const a of p.authors) {
      for (const r of a.roles) {
        if (r === 'equal') used.equal = true;
        else if (r === 'lead') used.lead = true;
        else if (r === 'corresponding') used.corresponding = true;
      }
    }
  }
  return used;
}

/** The legend sentence for a list, e.g. "* indicates equal contribution; † means project lead." */
export function legend(list: readonly Publication[], alphabeticalMark: '*' | 'α-β' = '*'): string | undefined {
  const used = marksUsed(list);
  const parts: string[] = [];
  if (used.equal && used.alphabetical && alphabeticalMark === '*') parts.push('* indicates equal contribution or alphabetical author order');
  else {
    if (used.equal) parts.push('* indicates equal contribution');
    if (used.alphabetical) parts.push(alphabeticalMark === '*' ? '* indicates alphabetical author order' : '(α-β) indicates alphabetical author order');
  }
  if (used.lead) parts.push('† means project lead');
  if (used.corresponding) parts.push('✉ marks the corresponding author');
  return parts.length ? parts.join('; ') + '.' : undefined;
}
