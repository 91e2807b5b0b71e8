/**
 * `vita sync`: asks the ORCID, OpenAlex, DBLP and arXiv lists each person's record names for their works, and sorts
 * them into new (not in the record), merged (already there: the same merge as `vita import`, saying what the source
 * adds or says otherwise) and skipped (a namesake's, with why). A dry run by default; with `write`, the new works go
 * into publications/synced.yaml (a file vita made and only ever adds to), with the services' answers into imports/cache/,
 * through the same all-or-nothing write as `vita import`, and the project must still check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import { titleKey } from '../../check/duplicates.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { emptyBundle, SILENT_PROGRESS, type ImportedPublication, type Progress, type PublicationValue } from '../bundle.js';
import { CACHE_FOLDER, FileCache } from '../cache.js';
import { mergeBundle, type Conflict } from '../merge.js';
import { HttpClient, OnlineIo, readService, type HttpSettings, type OnlineKind } from '../online/index.js';
import { addDrafts, type Draft } from '../online/records.js';
import { contactEmail, readProjectState, type ProjectState } from '../project-state.js';
import { applyChecked, checkedValue, type WritePlan } from '../write.js';
import { identityKeys, judge, learn, personKnowledge } from './authorship.js';
import { personSources } from './sources.js';

export interface SyncOptions {
  project: string;
  /** Write the new works (and keep the answers in imports/cache/); otherwise a dry run that writes nothing. */
  write?: boolean;
  /** Answer from imports/cache/ only. */
  offline?: boolean;
  /** Only this person's lists. */
  person?: string;
  mailto?: string;
  /** Fetch, clock, page sizes: for tests. */
  http?: Omit<HttpSettings, 'offline' | 'mailto' | 'refresh'>;
  progress?: Progress;
}

export interface SyncedPerson {
  id: string;
  name: string;
  file: string;
  sources: { label: string; field: string; works: number }[];
}

export interface SyncedWork {
  status: 'new' | 'merged' | 'skipped';
  /** Whose list it came from (the first, when several people's lists have it). */
  person: string;
  title: string;
  year?: number;
  type: string;
  authors: string[];
  venue?: string;
  doi?: string;
  arxiv?: string;
  /** The services' own references: orcid:..., openalex:W..., dblp:..., arxiv:... */
  found: string[];
  /** New: the key it gets. Merged: the key of the record's entry. */
  id?: string;
  /** Merged: the record's entry, and how it was recognised (doi, arxiv, title ...). */
  into?: { file?: string; line?: number; how?: string };
  /** Merged: fields only the source has, which `vita sync` does not write into a file the owner keeps. */
  adds?: { field: string; value: string }[];
  /** Merged: fields both have, with different values. */
  differs?: Conflict[];
  /** Merged: the record has the preprint, the source the published paper. */
  published?: boolean;
  /** Merged, published: what the published version says (type, venue, year, DOI, address). */
  publishedAs?: Record<string, unknown>;
  /** Why it is theirs (new, merged) or why not (skipped). */
  why: string;
}

export interface SyncResult {
  project: string;
  dryRun: boolean;
  offline: boolean;
  people: SyncedPerson[];
  /** People who name online lists but are neither the owner, the lead nor a current member: not asked. */
  notAsked: string[];
  works: SyncedWork[];
  /** The file new works go (or would go) into. */
  file?: string;
  /** Written: the file that gives the published versions of the record's preprints. */
  published?: string;
  /** Record files written (the cache's files are counted apart). */
  written: string[];
  unchanged: string[];
  /** Answers written into imports/cache/ with the record. */
  cacheWritten: number;
  diagnostics: Diagnostic[];
  /** Errors `vita check` finds in what was written (the write is then undone). */
  check: Diagnostic[];
  aborted?: boolean;
}

export const SYNC_FILE = 'publications/synced.yaml';
export const PUBLISHED_FILE = 'imports/sync/published.yaml';
const PUBLISHED_HEADER = `# Preprints of the record that have been published since, as the online lists give the published version.\n# vita does not read this file: update each entry where it is (entry:), then delete this file. vita sync writes it\n# again while a preprint awaits its published version.\n`;

/** The readers' hints speak of `vita import`; said for `vita sync`. */
const SYNC_HINTS: Record<string, string> = {
  'import/offline-missing': 'run vita sync --write once with a network: the answers are kept in imports/cache/ with the new works.',
  'import/online-failed': 'check the network and run vita sync again.',
  'import/bad-response': 'run vita sync again; if it says the same, the service may have changed what it sends: please report it.',
};
const HEADER_START = '# Publications `vita sync` found';
const HEADER = `${HEADER_START} in the ORCID, OpenAlex, DBLP and arXiv lists named in people/.\n# This file is yours: edit or move entries freely. vita sync only ever adds new works at its end.\n`;

export async function syncRecord(options: SyncOptions): Promise<SyncResult> {
  const root = resolve(options.project);
  const dryRun = !options.write;
  const result: SyncResult = { project: root, dryRun, offline: options.offline === true, people: [], notAsked: [], works: [], written: [], unchanged: [], cacheWritten: 0, diagnostics: [], check: [] };
  const problem = (severity: Diagnostic['severity'], code: string, message: string, hint?: string, file = '') =>
    result.diagnostics.push({ file, severity, code: `sync/${code}`, message, ...(hint ? { hint } : {}) });
  const project = readProjectState(root);
  if (!project.isProject) {
    problem('error', 'no-project', `"${options.project}" is not a vita project (it has no vita.yaml)`, 'run vita sync in the project folder, or name it: vita sync my-site.');
    result.aborted = true;
    return result;
  }
  // The owner, the group's lead and its current members: a co-author with a person file (an advisor, a collaborator)
  // names an ORCID for the link, not to have all their papers proposed. --person asks anyone.
  const config = project.config;
  const today = new Date().toISOString().slice(0, 10);
  const current = (end: string | undefined) => end === undefined || end === 'present' || end >= today.slice(0, end.length);
  const asked = (p: ProjectState['people'][number]) =>
    options.person !== undefined ? p.id === options.person : p.id === config?.owner || p.id === config?.group?.lead || (p.value.member !== undefined && current(p.value.member.end));
  const people = project.people.filter(asked);
  result.notAsked = project.people.filter((p) => !asked(p) && options.person === undefined && personSources(p.value).sources.length > 0).map((p) => p.id);
  if (options.person !== undefined && people.length === 0) {
    problem('error', 'no-person', `the project has no person "${options.person}"`, `people are the files in people/: ${project.people.map((p) => p.id).join(', ') || 'none yet'}.`);
    result.aborted = true;
    return result;
  }

  const progress = options.progress ?? SILENT_PROGRESS;
  // Online, the lists are asked again (news is the point); offline, the cache is all there is.
  const settings: HttpSettings = { ...options.http, offline: options.offline, refresh: !options.offline, mailto: contactEmail(options.mailto, project.config, project.people), openalexKey: process.env.OPENALEX_API_KEY || undefined };
  const clients = new Map<OnlineKind, HttpClient>();
  // Answers are kept in memory, and written with the record only when the record changes: a service's answer differs
  // a little every week (OpenAlex's response time ...), and the weekly job must not propose a cache alone.
  const caches: FileCache[] = [];
  const clientFor = (kind: OnlineKind) => {
    if (!clients.has(kind)) {
      const cache = new FileCache(root, kind, false);
      caches.push(cache);
      clients.set(kind, new HttpClient(kind, cache, settings));
    }
    return clients.get(kind)!;
  };

  const accepted: { draft: Draft; person: string; why: string }[] = [];
  const skipped: SyncedWork[] = [];
  const publications = project.publications.map((p) => p.value);
  for (const person of people) {
    const named = personSources(person.value);
    for (const p of named.problems) problem('warning', 'bad-profile', `${person.id}: ${p.field}: ${p.message}`, p.hint, person.file);
    if (named.sources.length === 0) continue;
    const knowledge = personKnowledge(person.id, person.value, named.orcid, publications);
    const synced: SyncedPerson = { id: person.id, name: knowledge.name, file: person.file, sources: [] };
    result.people.push(synced);
    const mine = new Set<string>();
    for (const source of named.sources) {
      const notes = emptyBundle(source.kind, source.kind);
      const io = new OnlineIo(clientFor(source.kind), progress, notes);
      let drafts: Draft[];
      try {
        drafts = (await readService(source.kind, source.query, io)).drafts;
      } catch (err) {
        // A reader must report, not throw; if one does, say so rather than stop the other lists.
        problem('error', 'source-failed', `${person.id}: ${source.label} could not be read (${(err as Error).message})`, 'this is likely a bug in vita; please report it.', person.file);
        continue;
      }
      result.diagnostics.push(...notes.notes.map((d) => ({ ...d, message: `${person.id}, ${source.label}: ${d.message}`, ...(SYNC_HINTS[d.code] ? { hint: SYNC_HINTS[d.code] } : {}) })));
      synced.sources.push({ label: source.label, field: source.field, works: drafts.length });
      for (const draft of drafts) {
        const verdict = judge(draft, source.kind, knowledge);
        if (!verdict.theirs) {
          skipped.push({ ...describe(draft), status: 'skipped', person: person.id, found: [draft.ref], why: verdict.why });
          continue;
        }
        // Co-authors teach only from lists that name the person for sure; any accepted work's ids confirm its copies.
        const sure = source.kind === 'orcid' || source.kind === 'dblp' || /ORCID/.test(verdict.how);
        learn(knowledge, sure ? draft : { ...draft, authors: [] });
        for (const key of identityKeys(draft)) mine.add(key);
        accepted.push({ draft, person: person.id, why: verdict.how });
      }
    }
    // A namesake's copy of a work that another of the person's lists confirms is not worth a line.
    for (let i = skipped.length - 1; i >= 0; i--) {
      const s = skipped[i]!;
      if (s.person === person.id && identityKeys(s).some((k) => mine.has(k))) skipped.splice(i, 1);
    }
  }
  if (result.people.length === 0) {
    problem('warning', 'nothing-to-ask', options.person ? `${options.person} names no online list of publications` : result.notAsked.length ? 'neither the owner nor a current member names an online list of publications' : 'no person of the record names an online list of publications', 'add links.orcid (https://orcid.org/...), links.openalex (https://openalex.org/A...), links.dblp (https://dblp.org/pid/...) or sync.arxiv (a name) to a person\'s file in people/.');
  }

  // One bundle for everyone: a paper two members wrote together is proposed once.
  const bundle = emptyBundle('orcid', 'sync');
  addDrafts(bundle, accepted.map((a) => a.draft), new Set());
  const merge = mergeBundle(bundle, project, progress);
  result.diagnostics.push(...bundle.notes, ...merge.notes);
  const finalId = (id: string) => merge.renamed.publications.get(id) ?? id;
  const whose = new Map(accepted.map((a) => [a.draft.ref, a]));
  const refs = new Map<string, string[]>();
  for (const pub of bundle.publications) {
    const id = finalId(pub.value.id);
    refs.set(id, [...(refs.get(id) ?? []), pub.origin.file]);
  }
  const byId = new Map(bundle.publications.map((p) => [p.value.id, p]));
  const work = (pub: ImportedPublication, id: string): Omit<SyncedWork, 'status'> => {
    const found = [...new Set(refs.get(id) ?? [pub.origin.file])];
    const first = whose.get(found[0]!) ?? whose.get(pub.origin.file);
    return { ...describe(pub.value), person: first?.person ?? '', found, id, why: first?.why ?? '' };
  };
  for (const pub of merge.publications) result.works.push({ status: 'new', ...work(pub, pub.value.id) });
  for (const m of merge.merged) {
    if (m.kind !== 'publication' || m.file === undefined) continue;
    const pub = byId.get(m.imported);
    if (!pub) continue;
    const adds = m.missing.map((field) => ({ field, value: preview(field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), pub.value)) }));
    result.works.push({ status: 'merged', ...work(pub, m.into), id: m.into, into: { file: m.file, line: m.line, how: m.how }, adds, differs: m.conflicts, published: m.preprintOf === true, ...(m.preprintOf ? { publishedAs: publishedVersion(pub.value) } : {}) });
  }
  result.works.push(...collapse(skipped));

  if (result.diagnostics.some((d) => d.severity === 'error')) result.aborted = true;
  const fresh = merge.publications;
  const target = fresh.length ? syncFile(project) : undefined;
  result.file = target?.path;
  if (dryRun || result.aborted) return result;

  const plan: WritePlan = { files: [], notes: [], counts: { publications: 0, people: 0, news: 0, talks: 0, teaching: 0, events: 0 } };
  const values = fresh.map((p) => checkedValue(p, plan.notes)).filter((v): v is Record<string, unknown> => v !== undefined);
  result.diagnostics.push(...plan.notes);
  if (target && values.length) {
    plan.files.push({ path: target.path, content: `${target.text}${stringify(values, { lineWidth: 0 })}`, what: `${values.length} publication${values.length === 1 ? '' : 's'}`, own: true });
  }
  // Preprints of the record published since: said in a file of vita's own, as the owner's entries are not rewritten,
  // so that the weekly pull request shows them too.
  const publishedFile = publishedText(result.works);
  if (publishedFile !== undefined || existsSync(join(root, PUBLISHED_FILE))) {
    plan.files.push({ path: PUBLISHED_FILE, content: publishedFile ?? `${PUBLISHED_HEADER}[]\n`, what: 'preprints published since', own: true });
  }
  const changes = plan.files.filter((f) => !existsSync(join(root, f.path)) || readFileSync(join(root, f.path), 'utf8') !== f.content);
  if (changes.length === 0) return result;
  result.published = publishedFile !== undefined ? PUBLISHED_FILE : undefined;
  plan.counts.publications = values.length;
  for (const cache of caches) {
    for (const file of cache.pending()) plan.files.push({ path: relative(root, file.path).split(sep).join('/'), content: file.content, what: 'an answer of an online service', own: true });
  }
  try {
    // What was written must open without errors, or it is taken back.
    const { applied, check } = applyChecked(root, plan, (d) => d.file === target?.path);
    result.written = applied.written.filter((f) => !f.startsWith(`${CACHE_FOLDER}/`));
    result.unchanged = applied.unchanged.filter((f) => !f.startsWith(`${CACHE_FOLDER}/`));
    result.cacheWritten = applied.written.length - result.written.length;
    result.check = check;
    if (check.length) {
      result.written = [];
      result.aborted = true;
    }
  } catch (err) {
    problem('error', 'cannot-write', `${plan.files.map((f) => f.path).filter((f) => !f.startsWith(`${CACHE_FOLDER}/`)).join(', ')} could not be written (${(err as Error).message}); nothing was written`);
    result.aborted = true;
  }
  return result;
}

/** The published versions of the record's preprints, as YAML for the owner to copy from; undefined when there are none. */
function publishedText(works: SyncedWork[]): string | undefined {
  const items = works
    .filter((w) => w.status === 'merged' && w.published)
    .map((w) => ({ id: w.id, entry: `${w.into?.file ?? ''}${w.into?.line ? `:${w.into.line}` : ''}`, published: w.publishedAs }));
  return items.length ? `${PUBLISHED_HEADER}${stringify(items, { lineWidth: 0 })}` : undefined;
}

/** The file new works go into: publications/synced.yaml, or the first synced-<n>.yaml vita made or can make. */
function syncFile(project: ProjectState): { path: string; text: string } {
  for (let n = 1; ; n++) {
    const path = n === 1 ? SYNC_FILE : SYNC_FILE.replace(/\.yaml$/, `-${n}.yaml`);
    const full = join(project.root, path);
    if (!existsSync(full)) return { path, text: HEADER };
    const text = readFileSync(full, 'utf8');
    // Only a file vita made, still a plain list, is added to: appending keeps every edit the owner made in it.
    if (!text.startsWith(HEADER_START) || !/^- /m.test(text) || /^\s*\[/m.test(text.replace(/^#.*$/gm, ''))) continue;
    try {
      if (!Array.isArray(parse(text))) continue;
    } catch {
      continue;
    }
    return { path, text: text.endsWith('\n') ? text : `${text}\n` };
  }
}

function publishedVersion(v: PublicationValue): Record<string, unknown> {
  const fields = { type: v.type, title: v.title, venue: v.venue, year: v.year, doi: v.doi, url: v.url };
  return Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== undefined));
}

function describe(v: Draft | PublicationValue): Omit<SyncedWork, 'status' | 'person' | 'found' | 'why'> {
  const authors = v.authors.map((a) => (typeof a === 'string' ? a : a.name));
  const venue = v.venue ? (v.venue.short ?? v.venue.name) : undefined;
  return { title: v.title, year: v.year, type: v.type, authors, ...(venue ? { venue } : {}), ...(v.doi ? { doi: v.doi } : {}), ...(v.arxiv ? { arxiv: v.arxiv } : {}) };
}

/** A namesake's work found by two lists (OpenAlex and arXiv) is one line. */
function collapse(skipped: SyncedWork[]): SyncedWork[] {
  const out: SyncedWork[] = [];
  const seen = new Map<string, SyncedWork>();
  for (const s of skipped) {
    const keys = [...identityKeys(s), `title:${s.person}:${titleKey(s.title)}:${s.year ?? ''}`].map((k) => `${s.person}|${k}`);
    const there = keys.map((k) => seen.get(k)).find((x) => x !== undefined);
    if (there) {
      there.found.push(...s.found);
      continue;
    }
    out.push(s);
    for (const k of keys) seen.set(k, s);
  }
  return out;
}

function preview(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? '' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
