/**
 * Merges a bundle into what a project already holds. Recognises what is already there, never changes a file the user
 * wrote, and says what differs.
 *
 * Publications are the same paper when they share a DOI, an arXiv id, or a (near-)identical title with the same first
 * author family name. A preprint and its published version are one paper: within the import the published entry is
 * kept and takes the preprint's arXiv id (and any other field it lacks); against the project, a match is reported,
 * with the fields that differ (conflicts) and the fields only the source has, and nothing is overwritten.
 */
import { titleKey } from '../check/duplicates.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { normalizeName } from '../resolve/names.js';
import { bibtexFields } from '../render/export/bibtex.js';
import type { EventInput, PersonInput, PublicationInput } from '../schema/index.js';
import { editDistance } from '../text/distance.js';
import { getField, setField } from './bibtex-entries.js';
import type { ImportBundle, ImportedEvent, ImportedNews, ImportedPage, ImportedPerson, ImportedPublication, Origin, Progress, PublicationValue } from './bundle.js';
import type { Existing, ProjectState } from './project-state.js';
import { isRecord, slug, uniqueId } from './text.js';

export type MatchHow = 'doi' | 'arxiv' | 'title' | 'similar title' | 'key' | 'abbreviated title';

/** A field both sides have, with different values. */
export interface Conflict {
  field: string;
  project: string;
  imported: string;
}

/** Something of the source that was already in the project (or in the source twice). */
export interface Merged {
  kind: 'publication' | 'person' | 'news' | 'event' | 'page';
  /** Id in the source. */
  imported: string;
  /** Id it was recognised as. */
  into: string;
  /** Where that is: a project file, or "the import" for two entries of the source. */
  file?: string;
  line?: number;
  origin: Origin;
  how?: MatchHow | 'name' | 'same text';
  conflicts: Conflict[];
  /** Fields only the source has: not added to a file the user wrote. */
  missing: string[];
  /** The project's entry is the preprint of the source's published paper. */
  preprintOf?: boolean;
}

/** Additions for a person the project already has: written apart, for the user to copy. */
export interface PersonUpdate {
  id: string;
  file: string;
  additions: Record<string, unknown>;
  /** Sections (about, bio ...) the source has and the project's person has differently or not at all. */
  sections: Record<string, string>;
  conflicts: Conflict[];
}

export interface MergePlan {
  publications: ImportedPublication[];
  people: ImportedPerson[];
  personUpdates: PersonUpdate[];
  news: ImportedNews[];
  events: ImportedEvent[];
  pages: ImportedPage[];
  merged: Merged[];
  notes: Diagnostic[];
  /** Final id of each source id that changed (merged or renamed), by kind. */
  renamed: { publications: Map<string, string>; people: Map<string, string> };
  owner?: string;
}

export function mergeBundle(bundle: ImportBundle, project: ProjectState, progress?: Progress): MergePlan {
  const plan: MergePlan = {
    publications: [],
    people: [],
    personUpdates: [],
    news: [],
    events: [],
    pages: [],
    merged: [],
    notes: [],
    renamed: { publications: new Map(), people: new Map() },
  };
  mergePeople(bundle, project, plan);
  mergePublications(bundle, project, plan, progress);
  mergeNews(bundle, project, plan);
  mergeEvents(bundle, project, plan);
  mergePages(bundle, project, plan);
  return plan;
}

// ---------------------------------------------------------------------------------------------------------------------
// Publications

interface Candidate {
  id: string;
  value: PublicationValue | PublicationInput;
  authorsUnknown?: boolean;
  /** Set for an entry of the import; unset for one of the project. */
  imported?: ImportedPublication;
  file?: string;
  line?: number;
  /** Computed once: title key, first author family name, the numbers of the title. */
  key?: { title: string; family: string; numbers: string };
}

function keyOf(c: Candidate): { title: string; family: string; numbers: string } {
  if (!c.key) {
    const title = titleKey(c.value.title);
    c.key = { title, family: firstFamily(c), numbers: numbersOf(title) };
  }
  return c.key;
}

/** Identity keys of publications, with blocking for near-identical titles so that 8,000 entries stay fast. */
class PublicationIndex {
  private readonly exact = new Map<string, Candidate>();
  private readonly blocks = new Map<string, Candidate[]>();

  add(c: Candidate): void {
    for (const key of identityKeys(c)) if (!this.exact.has(key)) this.exact.set(key, c);
    if (c.authorsUnknown) return;
    const k = keyOf(c);
    for (const block of blockKeys(k.title, k.family)) (this.blocks.get(block) ?? this.blocks.set(block, []).get(block)!).push(c);
  }

  remove(c: Candidate): void {
    for (const key of identityKeys(c)) if (this.exact.get(key) === c) this.exact.delete(key);
    const k = keyOf(c);
    for (const block of blockKeys(k.title, k.family)) {
      const list = this.blocks.get(block);
      if (list) this.blocks.set(block, list.filter((x) => x !== c));
    }
  }

  /**
   * The entry `c` is another record of, if any. A look-alike that is a different work (a thesis and the article drawn
   * from it, two editions, errata of different years, a DOI shared by mistake) is not one: `apart` says why.
   */
  find(c: Candidate): { match: Candidate; how: MatchHow; apart?: string } | undefined {
    const found = this.lookAlike(c);
    if (!found) return undefined;
    const apart = differentWorks(c, found.match, found.how);
    return apart ? { ...found, apart } : found;
  }

  private lookAlike(c: Candidate): { match: Candidate; how: MatchHow } | undefined {
    const v = c.value;
    if (v.doi) {
      const m = this.exact.get(`doi:${v.doi.toLowerCase()}`);
      if (m) return { match: m, how: 'doi' };
    }
    if (v.arxiv) {
      const m = this.exact.get(`arxiv:${bareArxiv(v.arxiv)}`);
      if (m) return { match: m, how: 'arxiv' };
    }
    const { title: t, family } = keyOf(c);
    // A source without co-authors (JSON Resume) is matched on the title alone.
    const byTitle = c.authorsUnknown ? this.exact.get(`title:${t}`) : (this.exact.get(`title:${t}|${family}`) ?? this.exact.get(`title-only:${t}`));
    if (byTitle) return { match: byTitle, how: 'title' };
    // Near-identical: a typo, a word more or less. Compared only within blocks sharing the first author family and
    // the first or last words of the title.
    if (c.authorsUnknown || t.length < 20) return undefined; // short titles ("Introduction") are too often shared
    const limit = Math.max(2, Math.floor(t.length * 0.05));
    const numbers = keyOf(c).numbers;
    for (const block of blockKeys(t, family)) {
      for (const other of this.blocks.get(block) ?? []) {
        const k = keyOf(other);
        const u = k.title;
        // "Part I" and "Part II", "... 2" and "... 3" are different papers, however close their titles.
        if (Math.abs(u.length - t.length) > limit || k.numbers !== numbers) continue;
        if (editDistance(t, u, limit) <= limit) return { match: other, how: 'similar title' };
      }
    }
    return undefined;
  }
}

const NOTICE = /^(erratum|errata|corrigendum|corrigenda|correction|addendum|retraction)\b/;

/** Why two entries alike in DOI, arXiv id or title are different works; undefined when they are one. */
export function differentWorks(a: Candidate, b: Candidate, how: MatchHow): string | undefined {
  const x = a.value;
  const y = b.value;
  if ((x.type === 'thesis') !== (y.type === 'thesis') && how !== 'arxiv') return 'a thesis and a paper drawn from it';
  // The project's entries do not keep the edition: it decides only where both entries give it.
  const [ea, eb] = [editionOf(a), editionOf(b)];
  if (x.type === 'book' && y.type === 'book' && (x.year !== y.year || (ea && eb && ea !== eb))) return 'two editions of a book';
  const nx = NOTICE.exec(titleKey(x.title))?.[1]?.slice(0, 4);
  const ny = NOTICE.exec(titleKey(y.title))?.[1]?.slice(0, 4);
  if ((nx || ny) && (nx !== ny || x.year !== y.year)) return 'a correction notice and another work (or a notice of another year)';
  if (how === 'doi' && !a.authorsUnknown && !b.authorsUnknown) {
    const tx = titleKey(x.title);
    const ty = titleKey(y.title);
    const limit = Math.max(2, Math.floor(Math.max(tx.length, ty.length) * 0.1));
    const similar = tx === ty || tx.startsWith(ty) || ty.startsWith(tx) || editDistance(tx, ty, limit) <= limit;
    if (!similar && firstFamily(a) !== firstFamily(b)) return 'shared DOI';
  }
  return undefined;
}

function editionOf(c: Candidate): string {
  const raw = c.imported?.bibtex ? getField(c.imported.bibtex, 'edition') : undefined;
  return (raw ? raw.raw : '').replace(/[{}"]/g, '').trim().toLowerCase().replace(/^(\d+)(?:st|nd|rd|th)$/, '$1').replace(/^first$/, '1').replace(/^second$/, '2').replace(/^third$/, '3');
}

const NUMBER_WORD = /^(?:\d+|i{1,3}|iv|v|vi{1,3}|ix|x)$/;

function numbersOf(t: string): string {
  return t
    .split(' ')
    .filter((w) => NUMBER_WORD.test(w))
    .join(' ');
}

function identityKeys(c: Candidate): string[] {
  const v = c.value;
  const keys: string[] = [];
  if (v.doi) keys.push(`doi:${v.doi.toLowerCase()}`);
  if (v.arxiv) keys.push(`arxiv:${bareArxiv(v.arxiv)}`);
  const { title: t, family } = keyOf(c);
  if (c.authorsUnknown) keys.push(`title-only:${t}`);
  else keys.push(`title:${t}|${family}`, `title:${t}`);
  return keys;
}

function blockKeys(t: string, family: string): string[] {
  const words = t.split(' ');
  if (words.length < 3) return [];
  return [`${family}|<${words.slice(0, 3).join(' ')}`, `${family}|>${words.slice(-3).join(' ')}`];
}

function firstFamily(c: Candidate): string {
  const first = c.value.authors[0];
  if (!first || c.authorsUnknown) return '';
  return normalizeName(first.name).split(' ').pop() ?? '';
}

function bareArxiv(id: string): string {
  return id.replace(/v\d+$/, '').toLowerCase();
}

const UNPUBLISHED = new Set(['preprint', 'under-review', 'submitted', 'in-preparation']);

export function isPreprint(v: { type?: string; status?: string }): boolean {
  return v.type === 'preprint' || (v.status !== undefined && UNPUBLISHED.has(v.status));
}

function mergePublications(bundle: ImportBundle, project: ProjectState, plan: MergePlan, progress?: Progress): void {
  // 1. The source against itself: one entry per paper, the published version winning.
  const inBundle = new PublicationIndex();
  const sharedNoted = new Set<ImportedPublication>();
  const kept: Candidate[] = [];
  progress?.start('merging', bundle.publications.length * 2);
  for (const [i, pub] of bundle.publications.entries()) {
    if (i % 200 === 0) progress?.tick(i);
    const c: Candidate = { id: pub.value.id, value: pub.value, authorsUnknown: pub.authorsUnknown, imported: pub };
    const found = inBundle.find(c);
    if (!found || found.apart) {
      if (found?.apart === 'shared DOI') {
        plan.notes.push(sharedDoi(pub, found.match));
        sharedNoted.add(pub);
      }
      inBundle.add(c);
      kept.push(c);
      continue;
    }
    const other = found.match;
    // The published version wins over the preprint; otherwise the first entry.
    const [winner, loser] = isPreprint(other.value) && !isPreprint(c.value) ? [c, other] : [other, c];
    inBundle.remove(other);
    const conflicts = absorb(winner.imported!, loser.imported!);
    winner.value = winner.imported!.value;
    winner.id = winner.imported!.value.id;
    winner.key = undefined;
    inBundle.add(winner);
    kept[kept.indexOf(other)] = winner;
    plan.renamed.publications.set(loser.id, winner.id);
    plan.merged.push({
      kind: 'publication',
      imported: loser.id,
      into: winner.id,
      origin: loser.imported!.origin,
      how: found.how,
      conflicts,
      missing: [],
      file: undefined,
      line: winner.imported!.origin.line,
    });
  }

  // 2. Against the project.
  const existing = new PublicationIndex();
  const ids = new Set(project.publications.map((p) => p.id));
  let shortenable: Map<number, Shortenable[]> | undefined;
  const byYear = () => (shortenable ??= shortenableByYear(project));
  const byId = new Map<string, Candidate>();
  for (const p of project.publications) {
    const candidate: Candidate = { id: p.id, value: p.value, file: p.file, line: p.line };
    existing.add(candidate);
    byId.set(p.id, candidate);
  }
  for (const [i, c] of kept.entries()) {
    if (i % 200 === 0) progress?.tick(bundle.publications.length + i);
    const pub = c.imported!;
    let found: { match: Candidate; how: MatchHow; apart?: string } | undefined = existing.find(c);
    if (found?.apart) {
      if (found.apart === 'shared DOI' && !sharedNoted.has(pub)) plan.notes.push(sharedDoi(pub, found.match));
      found = undefined;
    }
    // The user may have edited the title since the last import: the same key, first author and year is the paper.
    found ??= sameKey(c, byId.get(pub.value.id)) ?? abbreviated(c, byYear);
    if (found) {
      const there = found.match;
      const comparison = compare(there.value, pub.value, c.authorsUnknown);
      const preprintOf = isPreprint(there.value) && !isPreprint(pub.value);
      plan.merged.push({ kind: 'publication', imported: pub.value.id, into: there.id, file: there.file, line: there.line, origin: pub.origin, how: found.how, ...comparison, preprintOf });
      if (pub.value.id !== there.id) plan.renamed.publications.set(pub.value.id, there.id);
      continue;
    }
    if (ids.has(pub.value.id)) {
      const id = uniqueId(pub.value.id, ids);
      const where = project.publications.some((p) => p.id === pub.value.id) ? 'in the project' : 'in the source';
      plan.notes.push(info(pub.origin, 'id-taken', `the key \`${pub.value.id}\` is taken ${where} by another publication; this one is imported as \`${id}\``, 'cite it with the new key.'));
      plan.renamed.publications.set(pub.value.id, id);
      rekey(pub, id);
    } else ids.add(pub.value.id);
    plan.publications.push(pub);
  }
  progress?.done();
  // Chains (a -> b merged in the source, b -> c in the project) resolve to the end.
  for (const [from, to] of plan.renamed.publications) {
    let end = to;
    for (let n = 0; plan.renamed.publications.has(end) && n < 10; n++) end = plan.renamed.publications.get(end)!;
    plan.renamed.publications.set(from, end);
  }
}

function sharedDoi(pub: ImportedPublication, other: Candidate): Diagnostic {
  const where = other.file ? `${other.file}${other.line ? `:${other.line}` : ''}` : 'the source';
  return info(pub.origin, 'shared-doi', `\`${pub.value.id}\` has the DOI ${pub.value.doi} of \`${other.id}\` (${where}), but another title and other authors: both are kept`, 'one of the two DOIs is likely wrong: check it at https://doi.org/.');
}

/** The project's entry of the same key, when its first author and year agree: the paper, whatever its title now. */
function sameKey(c: Candidate, there: Candidate | undefined): { match: Candidate; how: MatchHow } | undefined {
  if (!there || c.authorsUnknown) return undefined;
  if (there.value.year !== c.value.year || firstFamily(there) !== firstFamily(c)) return undefined;
  if (differentWorks(c, there, 'title')) return undefined;
  // A key reused for another paper of the year is not the paper: the authors or the venue must agree too.
  const names = (v: PublicationValue | PublicationInput) => (v.authors as (string | { name: string })[]).map((a) => (typeof a === 'string' ? a : a.name));
  const venues = venueKeys(c.value);
  if (!sameAuthors(names(c.value), names(there.value)) && !venueKeys(there.value).some((k) => venues.includes(k))) return undefined;
  return { match: there, how: 'key' };
}

/**
 * A CV that lists titles shortened (a JSON Resume after the site): the project's paper of the same year and venue whose
 * title begins with, or holds in order, every word of the shorter title (three words at least), by the same first
 * author when the source names one.
 */
function abbreviated(c: Candidate, byYear: () => Map<number, Shortenable[]>): { match: Candidate; how: MatchHow } | undefined {
  if (c.value.year === undefined) return undefined;
  const sameYear = byYear().get(c.value.year);
  if (!sameYear) return undefined;
  const words = keyOf(c).title.split(' ').filter(Boolean);
  if (words.length < 3) return undefined;
  const venue = venueKeys(c.value);
  if (!venue.length) return undefined;
  for (const other of sameYear) {
    if (!c.authorsUnknown && firstFamily(other.candidate) !== firstFamily(c)) continue;
    if (!other.venues.some((k) => venue.includes(k))) continue;
    const [short, long] = words.length <= other.words.length ? [words, other.words] : [other.words, words];
    let i = 0;
    for (const w of long) if (i < short.length && (w === short[i] || (short[i]!.length >= 3 && w.startsWith(short[i]!)))) i++;
    if (i === short.length && short.length >= 3 && short.length < long.length) return { match: other.candidate, how: 'abbreviated title' };
  }
  return undefined;
}

/** A project publication as the shortened-title match needs it, made once per import. */
interface Shortenable {
  candidate: Candidate;
  words: string[];
  venues: string[];
}

function shortenableByYear(project: ProjectState): Map<number, Shortenable[]> {
  const out = new Map<number, Shortenable[]>();
  for (const p of project.publications) {
    if (typeof p.value.year !== 'number') continue;
    const item: Shortenable = { candidate: { id: p.id, value: p.value, file: p.file, line: p.line }, words: titleKey(p.value.title).split(' '), venues: venueKeys(p.value) };
    (out.get(p.value.year) ?? out.set(p.value.year, []).get(p.value.year)!).push(item);
  }
  return out;
}

function venueKeys(v: PublicationValue | PublicationInput): string[] {
  const venue = v.venue as { name?: string; short?: string } | undefined;
  return [venue?.short, venue?.name].filter((x): x is string => !!x).map((x) => titleKey(x).replace(/\b(?:19|20)\d\d\b/g, '').trim()).filter(Boolean);
}

function rekey(pub: ImportedPublication, id: string): void {
  pub.value = { ...pub.value, id };
  if (pub.bibtex) {
    pub.bibtex.key = id;
    pub.bibtex.verbatim = undefined;
  }
}

/** Fields a paper's two entries may each have; the kept one takes those it lacks. */
const FILLABLE = ['doi', 'arxiv', 'openreview', 'url', 'abstract', 'award', 'selected', 'note', 'date', 'month'] as const;

/** The winner takes what it lacks from the loser; returns what the two disagree on. */
function absorb(winner: ImportedPublication, loser: ImportedPublication): Conflict[] {
  const w = { ...winner.value } as Record<string, unknown> & PublicationValue;
  const l = loser.value;
  const added: string[] = [];
  for (const key of FILLABLE) {
    if (w[key] === undefined && l[key] !== undefined) {
      w[key] = l[key] as never;
      added.push(key);
    }
  }
  const links = { ...(w.links ?? {}) };
  for (const [kind, url] of Object.entries(l.links ?? {})) {
    if (!(kind in links)) {
      (links as Record<string, string>)[kind] = url;
      added.push(`links.${kind}`);
    }
  }
  if (Object.keys(links).length) w.links = links;
  if (l.topics?.length) {
    const topics = [...new Set([...(w.topics ?? []), ...l.topics])];
    if (topics.length !== (w.topics?.length ?? 0)) {
      w.topics = topics;
      added.push('topics');
    }
  }
  const rolesless = w.authors.every((a) => a.roles.length === 0);
  if (rolesless && l.authors.length === w.authors.length && l.authors.some((a) => a.roles.length)) {
    w.authors = w.authors.map((a, i) => ({ ...a, roles: l.authors[i]!.roles }));
    added.push('roles');
  }
  if (w.alphabetical === undefined && l.alphabetical !== undefined) {
    w.alphabetical = l.alphabetical;
    added.push('alphabetical');
  }
  // Of two records of one paper, the better-formed field wins: a title in its own case over one in capitals or in
  // lower case, full given names over initials, a venue's name over its abbreviation.
  if (titleKey(w.title) === titleKey(l.title) && badCase(w.title) && !badCase(l.title)) {
    w.title = l.title;
    added.push('title');
  }
  if (w.authors.length === l.authors.length && sameAuthors(w.authors.map((a) => a.name), l.authors.map((a) => a.name))) {
    let fuller = false;
    const authors = w.authors.map((a, i) => {
      const other = l.authors[i]!;
      if (givenLength(other.name) > givenLength(a.name) && initialsOnly(a.name)) {
        fuller = true;
        return { ...a, name: other.name };
      }
      return a;
    });
    if (fuller) {
      w.authors = authors;
      added.push('authors');
    }
  }
  if (w.venue?.name && l.venue?.name && abbreviatedVenue(w.venue.name) && !abbreviatedVenue(l.venue.name) && l.venue.name.length > w.venue.name.length && w.type === l.type) {
    w.venue = { ...w.venue, name: l.venue.name };
    added.push('venue.name');
  }
  const conflicts = compare(w, l).conflicts.filter((c) => !['type', 'year', 'venue.name', 'venue.short', 'status', 'venue.year'].includes(c.field) || !isPreprint(l));
  winner.value = w;
  if (winner.bibtex && added.length) {
    // The entry written is the entry read: the added fields go into the BibTeX too.
    const fields = bibtexFields(w);
    const names = new Set(added.flatMap((k) => BIBTEX_NAMES[k.startsWith('links.') ? k : k] ?? []));
    for (const f of fields) if (names.has(f.name)) setField(winner.bibtex, f.name, f.raw);
    if ((added.includes('roles') || added.includes('authors')) && getField(winner.bibtex, 'author')) setField(winner.bibtex, 'author', fields.find((f) => f.name === 'author')!.raw);
  }
  return conflicts;
}

/** A title all in capitals, or all in lower case (as some exports and scrapers write them). */
function badCase(title: string): boolean {
  const letters = title.replace(/\$[^$]*\$|\\[a-zA-Z]+|[^\p{L}]/gu, '');
  return letters.length > 8 && (letters === letters.toUpperCase() || letters === letters.toLowerCase());
}

/** "J. Smith", "J.-P. Serre", "Smith, J.": given names as initials only. */
function initialsOnly(name: string): boolean {
  const given = name.includes(',') ? name.split(',').slice(1).join(' ') : name.split(/\s+/).slice(0, -1).join(' ');
  return given.trim() !== '' && given.split(/[\s.-]+/).filter(Boolean).every((g) => g.length === 1);
}

function givenLength(name: string): number {
  const given = name.includes(',') ? name.split(',').slice(1).join(' ') : name.split(/\s+/).slice(0, -1).join(' ');
  return given.replace(/[\s.]/g, '').length;
}

/** "J. Mach. Learn. Res.": a venue written with abbreviated words. */
function abbreviatedVenue(name: string): boolean {
  return (name.match(/\b\p{L}{1,6}\./gu) ?? []).length >= 2;
}

const BIBTEX_NAMES: Record<string, string[]> = {
  title: ['title'],
  authors: ['author'],
  'venue.name': ['journal', 'booktitle'],
  doi: ['doi'],
  arxiv: ['arxiv'],
  openreview: ['openreview'],
  url: ['url'],
  abstract: ['abstract'],
  award: ['award'],
  selected: ['selected'],
  note: ['note'],
  date: ['date'],
  month: ['month'],
  topics: ['keywords'],
  roles: ['equal', 'lead', 'corresponding'],
  alphabetical: ['alphabetical'],
  'links.pdf': ['pdf'],
  'links.code': ['code'],
  'links.slides': ['slides'],
  'links.video': ['video'],
  'links.poster': ['poster'],
  'links.project': ['website'],
  'links.html': ['html'],
  'links.blog': ['blog'],
  'links.supplement': ['supp'],
  'links.data': ['data'],
};

/** What two entries of one paper disagree on, and what only the second has. */
function compare(a: PublicationValue | PublicationInput, b: PublicationValue | PublicationInput, authorsUnknown = false): { conflicts: Conflict[]; missing: string[] } {
  const conflicts: Conflict[] = [];
  const missing: string[] = [];
  const flat = (v: PublicationValue | PublicationInput): Record<string, string> => {
    const out: Record<string, string> = {
      title: v.title,
      type: v.type ?? 'article',
      year: String(v.year),
    };
    if (v.status) out.status = v.status;
    for (const k of ['doi', 'arxiv', 'openreview', 'url', 'award', 'abstract'] as const) if (v[k] !== undefined) out[k] = String(v[k]);
    for (const [k, x] of Object.entries(v.venue ?? {})) if (x !== undefined) out[`venue.${k}`] = String(x);
    for (const [k, x] of Object.entries(v.links ?? {})) if (x !== undefined) out[`links.${k}`] = String(x);
    if (!authorsUnknown) {
      out.authors = v.authors.map((x) => x.name).join(', ');
      const roles = v.authors.map((x) => x.roles.join('+')).join(',');
      if (/[a-z]/.test(roles)) out.roles = v.authors.map((x, i) => (x.roles.length ? `${i + 1}:${x.roles.join('+')}` : '')).filter(Boolean).join(' ');
    }
    return out;
  };
  const fa = flat(a);
  const fb = flat(b);
  const same = (field: string, x: string, y: string) => {
    if (field === 'title' || field === 'abstract') return titleKey(x) === titleKey(y);
    if (field === 'doi' || field === 'url') return x.toLowerCase().replace(/\/$/, '') === y.toLowerCase().replace(/\/$/, '');
    if (field === 'arxiv') return bareArxiv(x) === bareArxiv(y);
    if (field === 'authors') return sameAuthors(x.split(', '), y.split(', '));
    if (field === 'status') return x === y || (x === 'published' && y === 'accepted') || (x === 'accepted' && y === 'published');
    return x.trim().toLowerCase() === y.trim().toLowerCase();
  };
  for (const [field, y] of Object.entries(fb)) {
    const x = fa[field];
    if (x === undefined) {
      if (field !== 'status' && field !== 'roles') missing.push(field);
      else if (field === 'roles') missing.push('roles');
    } else if (!same(field, x, y)) conflicts.push({ field, project: x, imported: y });
  }
  if (fa.roles && !fb.roles && !authorsUnknown) {
    // The project has roles the source does not: nothing to report, the project knows more.
  }
  return { conflicts, missing };
}

/** The same people in the same order: family names equal, given names equal or one the initials of the other. */
function sameAuthors(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((name, i) => {
    const x = normalizeName(name).split(' ');
    const y = normalizeName(b[i]!).split(' ');
    if (x[x.length - 1] !== y[y.length - 1]) return false;
    // "Weijie J. Su" and "Weijie Su", "L. Wu" and "Lei Wu": the first given name, or its initial, decides.
    const gx = x[0] ?? '';
    const gy = y[0] ?? '';
    return x.length === 1 || y.length === 1 || gx === gy || (gx.length === 1 && gy.startsWith(gx)) || (gy.length === 1 && gx.startsWith(gy));
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// People

/** The names of a person value, every script and alias. */
function namesOf(value: Record<string, unknown> | PersonInput): string[] {
  const name = (value as { name?: unknown }).name;
  const names = typeof name === 'string' ? [name] : isRecord(name) ? Object.values(name).filter((x): x is string => typeof x === 'string') : [];
  const aliases = (value as { aliases?: unknown }).aliases;
  return [...names, ...(Array.isArray(aliases) ? aliases.filter((x): x is string => typeof x === 'string') : [])];
}

function mergePeople(bundle: ImportBundle, project: ProjectState, plan: MergePlan): void {
  const byName = new Map<string, Existing<PersonInput>>();
  for (const p of project.people) for (const n of namesOf(p.value)) byName.set(normalizeName(n), p);
  const ids = new Set(project.people.map((p) => p.id));
  const people = new Map<string, ImportedPerson>();
  const existingFor = new Map<string, Existing<PersonInput>>();
  for (const person of bundle.people) {
    const there = namesOf(person.value).map((n) => byName.get(normalizeName(n))).find((x) => x !== undefined);
    if (there) {
      existingFor.set(person.id, there);
      if (there.id !== person.id) plan.renamed.people.set(person.id, there.id);
      continue;
    }
    let id = person.id;
    if (ids.has(id)) {
      id = uniqueId(id, ids);
      plan.notes.push(info(person.origin, 'id-taken', `the person id \`${person.id}\` is taken in the project by someone else; ${String(namesOf(person.value)[0])} is imported as \`${id}\``));
      plan.renamed.people.set(person.id, id);
    } else ids.add(id);
    const copy: ImportedPerson = { ...person, id, value: { ...person.value } };
    people.set(person.id, copy);
    plan.people.push(copy);
  }
  // Talks and teaching go with their person: into a new person's file, or into the updates of an existing one.
  const additions = new Map<string, { talks: unknown[]; teaching: unknown[] }>();
  const put = (personIdInBundle: string, key: 'talks' | 'teaching', value: unknown, origin: Origin) => {
    const fresh = people.get(personIdInBundle);
    if (fresh) {
      const list = (fresh.value[key] as unknown[] | undefined) ?? [];
      if (!list.some((x) => sameJson(x, value))) fresh.value[key] = [...list, value];
      return;
    }
    const there = existingFor.get(personIdInBundle) ?? project.people.find((p) => p.id === personIdInBundle);
    if (!there) {
      plan.notes.push(info(origin, 'no-person', `a ${key === 'talks' ? 'talk' : 'course'} belongs to \`${personIdInBundle}\`, who is neither in the source nor in the project; it was not imported`));
      return;
    }
    const list = (there.value[key] as unknown[] | undefined) ?? [];
    if (list.some((x) => sameJson(stripDefaults(x), stripDefaults(value)) || sameItem(key, x, value))) return;
    const a = additions.get(there.id) ?? additions.set(there.id, { talks: [], teaching: [] }).get(there.id)!;
    if (!a[key].some((x) => sameJson(x, value))) a[key].push(value);
  };
  for (const t of bundle.talks) put(t.person, 'talks', t.value, t.origin);
  for (const t of bundle.teaching) put(t.person, 'teaching', t.value, t.origin);

  // People the project has: what the source adds, kept apart.
  const updates = new Map<string, PersonUpdate>();
  for (const person of bundle.people) {
    const there = existingFor.get(person.id);
    if (!there) continue;
    const update = personUpdate(person, there, project);
    const merged: Merged = { kind: 'person', imported: person.id, into: there.id, file: there.file, line: there.line, origin: person.origin, how: 'name', conflicts: update.conflicts, missing: Object.keys(update.additions) };
    plan.merged.push(merged);
    if (Object.keys(update.additions).length || Object.keys(update.sections).length) updates.set(there.id, update);
  }
  for (const [id, a] of additions) {
    const there = project.people.find((p) => p.id === id)!;
    const update = updates.get(id) ?? { id, file: there.file, additions: {}, sections: {}, conflicts: [] };
    if (a.talks.length) update.additions.talks = [...((update.additions.talks as unknown[]) ?? []), ...a.talks.filter((t) => !((update.additions.talks as unknown[]) ?? []).some((x) => sameJson(x, t)))];
    if (a.teaching.length) update.additions.teaching = [...((update.additions.teaching as unknown[]) ?? []), ...a.teaching.filter((t) => !((update.additions.teaching as unknown[]) ?? []).some((x) => sameJson(x, t)))];
    updates.set(id, update);
  }
  plan.personUpdates = [...updates.values()].sort((a, b) => a.id.localeCompare(b.id));
  plan.owner = bundle.owner ? (plan.renamed.people.get(bundle.owner) ?? bundle.owner) : undefined;
}

function personUpdate(person: ImportedPerson, there: Existing<PersonInput>, project: ProjectState): PersonUpdate {
  const additions: Record<string, unknown> = {};
  const conflicts: Conflict[] = [];
  const current = there.value as Record<string, unknown>;
  for (const [key, value] of Object.entries(person.value)) {
    if (value === undefined || key === 'name') continue;
    const mine = current[key];
    if (mine === undefined) {
      additions[key] = value;
    } else if (Array.isArray(value) && Array.isArray(mine)) {
      const fresh = value.filter((v) => !mine.some((m) => sameJson(stripDefaults(m), stripDefaults(v)) || sameItem(key, m, v)));
      if (fresh.length) additions[key] = fresh;
    } else if (isRecord(value) && isRecord(mine)) {
      const fresh: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (mine[k] === undefined) fresh[k] = v;
        else if (!sameJson(mine[k], v) && !Array.isArray(v)) conflicts.push({ field: `${key}.${k}`, project: JSON.stringify(mine[k]), imported: JSON.stringify(v) });
      }
      if (Object.keys(fresh).length) additions[key] = fresh;
    } else if (!sameJson(mine, value)) {
      conflicts.push({ field: key, project: typeof mine === 'string' ? mine : JSON.stringify(mine), imported: typeof value === 'string' ? value : JSON.stringify(value) });
    }
  }
  const sections: Record<string, string> = {};
  for (const [section, text] of Object.entries(person.sections)) {
    const file = `people/${there.id}/${section}.md`;
    if (!project.files.has(file)) sections[section] = text;
  }
  return { id: there.id, file: there.file, additions, sections, conflicts };
}

/**
 * Two entries of a CV list that are the same thing written differently (the project's advisor is an id, the source's a
 * name): the same institution and start, the same course and term, the same talk date and event ...
 */
function sameItem(list: string, a: unknown, b: unknown): boolean {
  const key = itemKey(list, a);
  return key !== undefined && key === itemKey(list, b);
}

function itemKey(list: string, v: unknown): string | undefined {
  const text = (x: unknown) => (typeof x === 'string' ? titleKey(x) : typeof x === 'number' ? String(x) : '');
  const year = (x: unknown) => (x === undefined ? '' : String(x).slice(0, 4));
  if (typeof v === 'string') return text(v);
  if (!isRecord(v)) return undefined;
  const who = (x: unknown) => (typeof x === 'string' ? normalizeName(x.replace(/-/g, ' ')) : isRecord(x) ? normalizeName(String(x.person ?? x.name ?? '').replace(/-/g, ' ')) : '');
  switch (list) {
    case 'education':
      return `${text(v.institution)}|${year(v.start ?? v.end)}`;
    case 'positions':
      return `${text(v.organization)}|${text(v.title)}|${year(v.start)}`;
    case 'teaching':
      return `${text(v.course)}|${[...((v.terms as unknown[]) ?? []), v.term].filter(Boolean).map(String).sort().join(',')}`;
    case 'talks':
      return `${String(v.date ?? '').slice(0, 7)}|${text(v.event)}`;
    case 'awards':
      return `${text(v.title)}|${year(v.date ?? (v.dates as unknown[] | undefined)?.[0])}`;
    case 'grants':
      return text(v.title);
    case 'mentoring':
      return who(v.person);
    case 'affiliations':
      return text(typeof v.name === 'string' ? v.name : JSON.stringify(v.name));
    default:
      return undefined;
  }
}

/** Defaults the schema fills in (`kind: academic`, `virtual: false`) do not make two entries different. */
function stripDefaults(v: unknown): unknown {
  if (!isRecord(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    if ((k === 'virtual' && x === false) || (k === 'kind' && (x === 'academic' || x === 'degree' || x === 'conference'))) continue;
    out[k] = x;
  }
  return out;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRecord(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

// ---------------------------------------------------------------------------------------------------------------------
// News and events

function newsKey(date: string, text: string): string {
  return `${date}|${titleKey(text).slice(0, 80)}`;
}

function mergeNews(bundle: ImportBundle, project: ProjectState, plan: MergePlan): void {
  const existing = new Map<string, Existing<{ date: string; title?: string; body?: string }>>();
  for (const n of project.news) existing.set(newsKey(n.value.date, n.value.title ?? n.value.body ?? ''), n);
  const paths = new Set([...project.files].filter((f) => f.startsWith('news/')));
  const seen = new Set<string>();
  for (const item of bundle.news) {
    const key = newsKey(item.value.date, item.value.title ?? item.value.body ?? '');
    const there = existing.get(key);
    if (there) {
      plan.merged.push({ kind: 'news', imported: item.slug, into: there.id, file: there.file, line: 1, origin: item.origin, how: 'same text', conflicts: [], missing: [] });
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    let slugText = item.slug;
    for (let n = 2; paths.has(`news/${slugText}.md`) || paths.has(`news/${slugText}.yaml`); n++) slugText = `${item.slug}-${n}`;
    paths.add(`news/${slugText}.md`);
    const value = { ...item.value };
    if (value.publications) value.publications = [...new Set(value.publications.map((k) => plan.renamed.publications.get(k) ?? k))];
    if (value.people) value.people = [...new Set(value.people.map((p) => plan.renamed.people.get(p) ?? p))];
    plan.news.push({ ...item, slug: slugText, value });
  }
}

/**
 * An event is already there when its series has one on the same day with the same title, or with the same speakers
 * (a feed that changed a talk's title, time or abstract): it is reported with what differs, never written twice.
 * The same talk twice in the source (in "upcoming" and in "past") is kept once.
 */
function mergeEvents(bundle: ImportBundle, project: ProjectState, plan: MergePlan): void {
  const keysOf = (series: string, v: EventInput | ImportedEvent['value']) => {
    const day = `${series}/${v.start.slice(0, 10)}`;
    const who = speakerKey(v);
    return [`${day}/t/${titleKey(v.title)}`, ...(who ? [`${day}/s/${who}`] : [])];
  };
  const people = peopleByName(project);
  const existing = new Map<string, (typeof project.events)[number]>();
  for (const e of project.events) for (const k of keysOf(e.series, e.value)) if (!existing.has(k)) existing.set(k, e);
  const taken = new Set(project.events.map((e) => `${e.series}/${e.id}`));
  const seen = new Map<string, ImportedEvent>();
  for (const source of bundle.events) {
    const event = linkSpeakers(source, people, plan);
    const keys = keysOf(event.series, event.value);
    // How it was recognised: the same day and title, or the same day and speakers (the feed changed the title).
    const how = (k: number) => (k === 0 ? 'title' : 'name');
    const at = keys.findIndex((k) => existing.has(k));
    if (at >= 0) {
      const there = existing.get(keys[at]!)!;
      plan.merged.push({ kind: 'event', imported: event.id, into: there.id, file: there.file, line: 1, origin: event.origin, how: how(at), conflicts: eventConflicts(there.value, event.value), missing: [] });
      continue;
    }
    const seenAt = keys.findIndex((k) => seen.has(k));
    if (seenAt >= 0) {
      const twice = seen.get(keys[seenAt]!)!;
      plan.merged.push({ kind: 'event', imported: event.id, into: twice.id, origin: event.origin, how: how(seenAt), conflicts: eventConflicts(twice.value, event.value), missing: [] });
      continue;
    }
    let id = event.id;
    for (let n = 2; taken.has(`${event.series}/${id}`); n++) id = `${event.id}-${n}`;
    taken.add(`${event.series}/${id}`);
    const kept = { ...event, id, seriesValue: project.series.has(event.series) ? undefined : event.seriesValue };
    for (const k of keys) if (!seen.has(k)) seen.set(k, kept);
    plan.events.push(kept);
  }
}

/** The project's people by their full names (in every script they are written in), normalised. */
function peopleByName(project: ProjectState): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of project.people) {
    const name = p.value.name as unknown;
    const names = typeof name === 'string' ? [name] : isRecord(name) ? Object.values(name).filter((n): n is string => typeof n === 'string') : [];
    for (const n of names) if (normalizeName(n)) out.set(normalizeName(n), p.id);
  }
  return out;
}

/** A speaker who is a person of the project is linked to them (their page lists the talk), with a note. */
function linkSpeakers(event: ImportedEvent, people: Map<string, string>, plan: MergePlan): ImportedEvent {
  const link = (s: unknown): unknown => {
    if (!isRecord(s) || typeof s.name !== 'string' || s.person) return s;
    const id = people.get(normalizeName(s.name));
    if (!id) return s;
    plan.notes.push(info(event.origin, 'speaker-linked', `the speaker "${s.name}" is ${id} of the project: the event names them by id`));
    const { name: _name, ...rest } = s;
    return { person: id, ...rest };
  };
  const v = event.value;
  if (!v.speaker && !v.speakers) return event;
  return { ...event, value: { ...v, ...(v.speaker ? { speaker: link(v.speaker) } : {}), ...(v.speakers ? { speakers: v.speakers.map(link) } : {}) } as ImportedEvent['value'] };
}

/** The speakers of an event as one key: their names, normalised and sorted. */
function speakerKey(v: Pick<EventInput, 'speaker' | 'speakers'>): string {
  const list = v.speakers ?? (v.speaker ? [v.speaker] : []);
  return list
    .map((s) => (typeof s === 'string' ? s : s.person ?? (typeof s.name === 'string' ? s.name : Object.values(s.name ?? {})[0] ?? '')))
    .map((n) => normalizeName(n))
    .filter(Boolean)
    .sort()
    .join('+');
}

/** What a re-imported event says differently from the project's: the feed changed it. */
function eventConflicts(project: Partial<EventInput>, imported: Partial<EventInput>): Conflict[] {
  const out: Conflict[] = [];
  const text = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : JSON.stringify(v));
  const fields: [string, (e: Partial<EventInput>) => unknown][] = [
    ['title', (e) => e.title],
    ['start', (e) => e.start],
    ['end', (e) => e.end],
    ['status', (e) => e.status ?? 'scheduled'],
    ['venue', (e) => e.venue?.name],
    ['abstract', (e) => e.abstract],
    // A talk's links, `slides`/`video` of the older place read as its links.
    ['links.page', (e) => e.links?.page],
    ['links.slides', (e) => e.links?.slides ?? e.slides],
    ['links.video', (e) => e.links?.video ?? e.video],
    ['links.paper', (e) => e.links?.paper],
  ];
  for (const [field, get] of fields) {
    const a = text(get(project));
    const b = text(get(imported));
    if (b && a !== b) out.push({ field, project: a, imported: b });
  }
  return out;
}

/** A page is known by its address: one the project already has (pages/teaching.md or pages/teaching/index.md) is kept. */
function mergePages(bundle: ImportBundle, project: ProjectState, plan: MergePlan): void {
  const seen = new Set<string>();
  for (const page of bundle.pages) {
    const there = [`pages/${page.path}.md`, `pages/${page.path}/index.md`].find((f) => project.files.has(f));
    if (there) {
      plan.merged.push({ kind: 'page', imported: page.path, into: page.path, file: there, line: 1, origin: page.origin, how: 'same text', conflicts: [], missing: [] });
      continue;
    }
    if (seen.has(page.path)) continue;
    seen.add(page.path);
    plan.pages.push(page);
  }
}

function info(origin: Origin, code: string, message: string, hint?: string): Diagnostic {
  return { file: origin.file, ...(origin.line ? { line: origin.line, column: 1 } : {}), severity: 'info', code: `import/${code}`, message, ...(hint ? { hint } : {}) };
}

/** A news file name from its date and words: news/2024-05-paper-accepted.md. */
export function newsSlug(date: string, text: string): string {
  // From the words a reader sees: link targets, tags and their attributes are not words.
  const words = slug(text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>/g, ' '), 40);
  return words ? `${date}-${words}` : date;
}

