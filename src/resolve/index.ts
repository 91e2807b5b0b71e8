/** Builds the one resolved graph from the validated records, reporting every dangling reference. */
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ConfigInput, PersonInput } from '../schema/index.js';
import { Config } from '../schema/index.js';
import type { Located, ValidRecord } from '../validate/index.js';
import { bibliographyDiagnostics, resolveBibliography, type Bibliography } from './bibliography.js';
import type { Graph, Person, Publication, SeminarEvent, Series } from './graph.js';
import { resolveNews, type ResolvedNews } from './news.js';
import { attachCitations, attachPersonMetrics } from './metrics.js';
import { localized, PeopleDirectory } from './people.js';
import { resolveProse, type ResolvedProse } from './prose.js';
import { compare } from './publications.js';
import { resolveRelations, type Relations } from './relations.js';
import { resolveSeminars } from './seminars.js';
import { resolveWriting, type ResolvedWriting } from './writing.js';

/** A part of the graph with the inputs it was made from: it is made again only when one of them is not the same. */
interface Part<T> {
  inputs: unknown[];
  value: T;
}

interface Seminars {
  series: Map<string, Series>;
  events: Map<string, SeminarEvent>;
  diagnostics: Diagnostic[];
}

/**
 * The last graph's parts, for `vita dev`: each part of the graph is made again only if what it is made from changed,
 * and the publications only where they changed (see bibliography.ts; the map of publications is then the last one,
 * updated). Records are compared as objects: loading and validation give the same object for what did not change.
 */
export interface ResolveCache {
  directory?: { signature: unknown[]; directory: PeopleDirectory };
  bibliography?: Bibliography;
  prose?: Part<ResolvedProse>;
  relations?: Part<Relations>;
  news?: Part<ResolvedNews>;
  seminars?: Part<Seminars>;
  writing?: Part<ResolvedWriting>;
  people?: { inputs: unknown[]; people: Map<string, Person> };
}

export function newResolveCache(): ResolveCache {
  return {};
}

/**
 * The publications changed by the last resolve with this cache, with their places in the map, when the keys stayed
 * the same; undefined when the map was made anew. Checks use it to look at those only.
 */
export function changedPublications(cache: ResolveCache): { at: number; pub: Publication }[] | undefined {
  return cache.bibliography?.changed;
}

export function resolveProject(valid: ValidRecord, diagnostics: Diagnostics, options: { cache?: ResolveCache } = {}): Graph {
  const remember = options.cache !== undefined;
  const cache = options.cache ?? {};
  const config: ConfigInput = valid.config?.value ?? Config.parse({ title: 'Untitled' });
  const languages = config.languages;
  const directory = peopleDirectory(valid.people, languages, cache);

  const head = new Diagnostics();
  const owners = directory.reportingTo(head);
  if (config.owner && valid.config) owners.require(config.owner, valid.config, ['owner']);
  if (config.group?.lead && valid.config) owners.require(config.group.lead, valid.config, ['group', 'lead']);

  const bibliography = (cache.bibliography = resolveBibliography(valid.publications, directory, { last: cache.bibliography, remember, replaced: valid.replaced }));
  const publications = bibliography.map;
  const prose = (cache.prose = part(cache.prose, [valid.prose, directory, bibliography.keys], () => resolveProse(valid.prose, directory.names, publications))).value;
  const relations = (cache.relations = part(cache.relations, [valid.people, directory], () => resolveRelations(valid.people, directory))).value;
  const news = (cache.news = part(cache.news, [valid.news, config, directory, bibliography.keys], () => resolveNews(valid.news, config, directory, publications))).value;
  const seminars = (cache.seminars = part(cache.seminars, [valid.series, valid.events, directory, languages], () => {
    const own = new Diagnostics();
    return { ...resolveSeminars(valid.series, valid.events, directory.reportingTo(own), languages, own), diagnostics: own.list };
  })).value;

  const writing = (cache.writing = part(cache.writing, [valid.pages, valid.posts, valid.projects, config, directory, bibliography.keys], () =>
    resolveWriting(valid, config, directory, publications),
  )).value;

  // People are made of all the parts; when only publications changed, only those whose list changed are made again.
  const inputs = [valid.people, config, prose, relations, news, seminars];
  const last = cache.people;
  const people = last && sameInputs(last.inputs, inputs) ? withPublications(last.people, bibliography.byPerson) : makePeople(valid.people, languages, bibliography.byPerson, prose, relations, news, seminars);
  cache.people = { inputs, people };
  attachCitations(publications, valid.metrics, head);
  attachPersonMetrics(people, valid.metrics);

  for (const d of head.list) diagnostics.add(d);
  for (const d of bibliographyDiagnostics(bibliography)) diagnostics.add(d);
  for (const list of [prose.diagnostics, relations.diagnostics, news.diagnostics, seminars.diagnostics, writing.diagnostics]) for (const d of list) diagnostics.add(d);
  return { root: valid.root, config, people, publications, news: news.news, series: seminars.series, events: seminars.events, pages: writing.pages, posts: writing.posts, projects: writing.projects, files: valid.files };
}

/** The people's names, and the index that finds them: the same object as last time when no name changed. */
function peopleDirectory(people: Located<PersonInput>[], languages: string[], cache: ResolveCache): PeopleDirectory {
  const names = new Map<string, string>();
  const allNames: { id: string; names: string[] }[] = [];
  const signature: unknown[] = [...languages];
  for (const p of people) {
    const n = localized(p.value.name, languages);
    const all = [...Object.values(n.all), ...(p.value.aliases ?? [])];
    names.set(p.id, n.main);
    allNames.push({ id: p.id, names: all });
    signature.push(p.id, n.main, all.length, ...all);
  }
  if (cache.directory && sameInputs(cache.directory.signature, signature)) return cache.directory.directory;
  const directory = new PeopleDirectory(names, allNames, new Diagnostics());
  cache.directory = { signature, directory };
  return directory;
}

function makePeople(
  sources: Located<PersonInput>[],
  languages: string[],
  publications: Map<string, string[]>,
  prose: ResolvedProse,
  relations: Relations,
  news: ResolvedNews,
  seminars: Seminars,
): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const p of sources) {
    const n = localized(p.value.name, languages);
    people.set(p.id, {
      id: p.id,
      file: p.file,
      names: n.all,
      name: n.main,
      data: p.value,
      source: p,
      sections: prose.sections.get(p.id) ?? {},
      publications: publications.get(p.id) ?? [],
      talks: (p.value.talks ?? []).map((t) => ({ ...t })),
      advisors: relations.advisors.get(p.id)!,
      students: relations.students.get(p.id)!,
      news: news.byPerson.get(p.id) ?? [],
    });
  }
  // Talks given at the project's own seminars.
  for (const e of seminars.events.values()) {
    for (const s of e.speakers) {
      const person = s.person ? people.get(s.person) : undefined;
      if (!person || e.status === 'cancelled') continue;
      const host = seminars.series.get(e.series)!;
      person.talks.push({
        title: e.title,
        event: localized(host.name, languages).main,
        host: localized(host.host.name, languages).main,
        place: e.venue?.name,
        date: e.startLocal.slice(0, 10),
        virtual: !e.venue?.name && !!e.venue?.online,
        video: e.links.video,
        slides: e.links.slides,
        seminar: { series: e.series, event: e.id },
      });
    }
  }
  for (const person of people.values()) person.talks.sort((a, b) => compare(b.date, a.date));
  return people;
}

/** Last version's people, each with their publications as now: a person whose list did not change is the same object. */
function withPublications(last: Map<string, Person>, publications: Map<string, string[]>): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const [id, person] of last) {
    const list = publications.get(id);
    const same = list ? list === person.publications : person.publications.length === 0;
    people.set(id, same ? person : { ...person, publications: list ?? [] });
  }
  return people;
}

function part<T>(last: Part<T> | undefined, inputs: unknown[], make: () => T): Part<T> {
  return last && sameInputs(last.inputs, inputs) ? last : { inputs, value: make() };
}

/** The same inputs: the same objects, lists compared item by item (a new list of the same records is the same). */
function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}
