/**
 * Whether a work a service lists for a person is theirs, or a namesake's: the evidence a careful researcher would
 * look at. The author position named like the person (their name, its initials, their aliases), the ORCID the service
 * gives at that position, the institutions it gives there, and co-authors the record already knows. Services differ
 * in trust: an ORCID record is the person's own claim; a DBLP person page is curated by hand; an OpenAlex author is
 * put together by a program and sometimes merges namesakes; an arXiv name search finds everyone of that name.
 */
import { titleKey } from '../../check/duplicates.js';
import { NameIndex, normalizeName } from '../../resolve/names.js';
import type { PersonInput, PublicationInput } from '../../schema/index.js';
import type { Draft } from '../online/records.js';
import { arxivOf, doiOf } from '../online/records.js';
import { bareDoi, type OnlineKind } from '../online/spec.js';

export type Verdict = { theirs: true; how: string } | { theirs: false; why: string };

/** What the record says of a person that helps tell them from a namesake. */
export interface PersonKnowledge {
  id: string;
  name: string;
  orcid?: string;
  names: NameIndex;
  /** Institutions of their affiliations, positions and education, as title keys. */
  institutions: string[];
  /** Co-authors of their papers in the record (and of works confirmed in this sync), as "initial family" keys. */
  coauthors: Set<string>;
  /** DOIs and arXiv ids of their papers in the record and of works confirmed in this sync: `doi:...`, `arxiv:...`. */
  ids: Set<string>;
  /** What the person listed under sync.exclude, as identity keys. */
  excluded: Set<string>;
}

export function personKnowledge(id: string, person: PersonInput, orcid: string | undefined, publications: PublicationInput[]): PersonKnowledge {
  const names = localizedValues(person.name);
  const index = new NameIndex([{ id, names, aliases: person.aliases ?? [] }]);
  const institutions = [
    // A unit's name ("School of Mathematical Sciences") is everywhere: the institution, when given, is what tells.
    ...(person.affiliations ?? []).flatMap((a) => localizedValues(a.institution ?? a.name)),
    ...(person.positions ?? []).map((p) => p.organization),
    ...(person.education ?? []).map((e) => e.institution),
  ]
    .map(titleKey)
    .filter((k) => k.length >= 4);
  const knowledge: PersonKnowledge = { id, name: names[0] ?? id, orcid, names: index, institutions: [...new Set(institutions)], coauthors: new Set(), ids: new Set(), excluded: new Set() };
  for (const p of publications) {
    if (!p.authors.some((a) => a.person === id || index.idOf(a.name) === id)) continue;
    learn(knowledge, { doi: p.doi, arxiv: p.arxiv, authors: p.authors.map((a) => a.name) });
  }
  for (const item of person.sync?.exclude ?? []) {
    const doi = bareDoi(item);
    const arxiv = arxivOf(item);
    knowledge.excluded.add(doi ? `doi:${doi.toLowerCase()}` : arxiv ? `arxiv:${arxiv.toLowerCase()}` : `title:${titleKey(item)}`);
  }
  return knowledge;
}

/** A confirmed work teaches its co-authors and identifiers: a name-search result sharing them is confirmed too. */
export function learn(k: PersonKnowledge, work: { doi?: string; arxiv?: string; authors: string[] }): void {
  for (const key of identityKeys(work)) k.ids.add(key);
  for (const author of work.authors) if (k.names.idOf(author) !== k.id) k.coauthors.add(coauthorKey(author));
}

/** Which of a service's works are the person's, and why; `kind` is the service that listed it. */
export function judge(draft: Draft, kind: OnlineKind, k: PersonKnowledge): Verdict {
  const keys = identityKeys(draft);
  if ([...keys, `title:${titleKey(draft.title)}`].some((key) => k.excluded.has(key))) return { theirs: false, why: `${k.name} listed it under sync.exclude as not theirs` };
  if (keys.some((key) => k.ids.has(key))) return { theirs: true, how: 'already among their papers' };
  if (kind === 'orcid') return { theirs: true, how: 'claimed on their ORCID record' };
  const position = draft.authors.findIndex((a) => k.names.idOf(a) === k.id);
  const detailOf = (i: number) => draft.authorDetails?.[i];
  if (position < 0) {
    // The name may be spelled otherwise (another script, a maiden name): the ORCID settles it.
    const byOrcid = k.orcid ? draft.authorDetails?.findIndex((d) => d?.orcid === k.orcid) ?? -1 : -1;
    if (byOrcid >= 0) return { theirs: true, how: `their ORCID is on author ${byOrcid + 1} ("${draft.authors[byOrcid]}")` };
    return { theirs: false, why: `no author is named like ${k.name} (${listed(draft.authors)})` };
  }
  const author = `author ${position + 1} ("${draft.authors[position]}")`;
  const detail = detailOf(position);
  if (detail?.orcid && k.orcid) {
    if (detail.orcid === k.orcid) return { theirs: true, how: `their ORCID is on ${author}` };
    return { theirs: false, why: `${author} has the ORCID ${detail.orcid}, not ${k.name}'s (${k.orcid}): a namesake` };
  }
  if (kind === 'dblp') return { theirs: true, how: "on their DBLP person page, which DBLP's editors keep apart from namesakes" };
  const coauthors = draft.authors.filter((a, i) => i !== position && k.coauthors.has(coauthorKey(a)));
  const places = detail?.institutions ?? [];
  const place = places.find((p) => sameInstitution(p, k.institutions));
  if (place) return { theirs: true, how: `${author} is at ${place}` };
  if (coauthors.length) return { theirs: true, how: `with ${listed(coauthors)}, who wrote with ${k.name} before` };
  const others = draft.authors.filter((_, i) => i !== position);
  if (kind === 'openalex') {
    // OpenAlex put it under the person's author id; only a contrary sign makes it a namesake's.
    if (places.length && others.length) return { theirs: false, why: `${author} is at ${listed(places)}, none of ${k.name}'s affiliations, and none of the co-authors (${listed(others)}) has written with ${k.name} in the record: OpenAlex likely merged a namesake into their author profile` };
    return { theirs: true, how: 'OpenAlex lists it under their author id' };
  }
  // An arXiv name search: nothing but the name, so something else must confirm it.
  if (others.length === 0) return { theirs: false, why: `found by a name search only, with no co-author or affiliation to confirm it is ${k.name}'s` };
  return { theirs: false, why: `found by a name search only, and none of its co-authors (${listed(others)}) has written with ${k.name} in the record${places.length ? `; ${author} is at ${listed(places)}` : ''}` };
}

export function identityKeys(work: { doi?: string; arxiv?: string }): string[] {
  const keys: string[] = [];
  const doi = doiOf(work.doi);
  if (doi) keys.push(`doi:${doi.toLowerCase()}`);
  const arxiv = arxivOf(work.arxiv);
  if (arxiv) keys.push(`arxiv:${arxiv.toLowerCase()}`);
  return keys;
}

/** "Weinan E", "W. E" and "E, Weinan" share a key: the first initial and the family name. */
function coauthorKey(name: string): string {
  const words = normalizeName(name).split(' ').filter(Boolean);
  if (words.length < 2) return words[0] ?? '';
  return `${words[0]!.charAt(0)} ${words[words.length - 1]}`;
}

function sameInstitution(place: string, known: string[]): boolean {
  const p = titleKey(place);
  return p.length >= 4 && known.some((k) => ` ${p} `.includes(` ${k} `) || ` ${k} `.includes(` ${p} `));
}

function localizedValues(value: string | Record<string, string> | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : Object.values(value);
}

function listed(items: string[], n = 4): string {
  return items.length > n ? `${items.slice(0, n).join(', ')} and ${items.length - n} more` : items.join(', ');
}
