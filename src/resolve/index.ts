/** Builds the one resolved graph from the validated records, reporting every dangling reference. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ConfigInput } from '../schema/index.js';
import { Config } from '../schema/index.js';
import type { Located, ValidRecord } from '../validate/index.js';
import type { PublicationInput } from '../schema/index.js';
import { closest } from '../text/suggest.js';
import { findCitations } from './citations.js';
import type { Graph, News, Person, PersonLink, Prose, Publication, Student } from './graph.js';
import { byDateDescending, compare, resolvePublication } from './publications.js';
import { localized, PeopleDirectory } from './people.js';
import { resolveSeminars } from './seminars.js';

/**
 * Publications already resolved, for `vita dev`: a validated publication that is the same object as last time
 * (its file did not change), resolved against the same people, resolves the same way. Only publications
 * that raised no diagnostic are kept.
 */
export interface ResolveCache {
  people?: string;
  publications: WeakMap<Located<PublicationInput>, Publication>;
  /** Last time's publications, newest first: an edit re-sorts only the ones it changed. */
  ordered?: Publication[];
}

/** The publications newest first; with last time's order, only the new ones are sorted, then merged in. */
function newestFirst(publications: Iterable<Publication>, previous: Publication[] | undefined): Publication[] {
  const all = [...publications];
  if (!previous) return all.sort(byDateDescending);
  const current = new Set(all);
  const kept = previous.filter((p) => current.has(p));
  const old = new Set(kept);
  const fresh = all.filter((p) => !old.has(p)).sort(byDateDescending);
  // byDateDescending is a total order (keys are unique in the map), so the merge is the order a full sort gives.
  const out: Publication[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length && j < fresh.length) out.push(byDateDescending(kept[i]!, fresh[j]!) <= 0 ? kept[i++]! : fresh[j++]!);
  while (i < kept.length) out.push(kept[i++]!);
  while (j < fresh.length) out.push(fresh[j++]!);
  return out;
}

export function resolveProject(valid: ValidRecord, diagnostics: Diagnostics, options: { cache?: ResolveCache } = {}): Graph {
  const config: ConfigInput = valid.config?.value ?? Config.parse({ title: 'Untitled' });
  const languages = config.languages;

  const names = new Map<string, string>();
  const allNames: { id: string; names: string[] }[] = [];
  for (const p of valid.people) {
    const n = localized(p.value.name, languages);
    names.set(p.id, n.main);
    allNames.push({ id: p.id, names: [...Object.values(n.all), ...(p.value.aliases ?? [])] });
  }
  const directory = new PeopleDirectory(names, allNames, diagnostics);

  if (config.owner && valid.config) directory.require(config.owner, valid.config, ['owner']);
  if (config.group?.lead && valid.config) directory.require(config.group.lead, valid.config, ['group', 'lead']);

  const cache = options.cache;
  if (cache) {
    const people = JSON.stringify([[...names], allNames]);
    if (cache.people !== people) cache.publications = new WeakMap();
    cache.people = people;
  }
  const resolveOne = (p: Located<PublicationInput>): Publication => {
    const known = cache?.publications.get(p);
    if (known) return known;
    const before = diagnostics.list.length;
    const pub = resolvePublication(p, directory);
    if (cache && diagnostics.list.length === before) cache.publications.set(p, pub);
    return pub;
  };
  const publications = new Map(valid.publications.map((p) => [p.id, resolveOne(p)]));
  const ordered = newestFirst(publications.values(), cache?.ordered);
  if (cache) cache.ordered = ordered;

  // One pass over the publications gives everyone their list, newest first.
  const byPerson = new Map<string, string[]>();
  for (const pub of ordered) for (const id of pub.people) (byPerson.get(id) ?? byPerson.set(id, []).get(id)!).push(pub.id);

  const people = new Map<string, Person>();
  for (const p of valid.people) {
    const n = localized(p.value.name, languages);
    people.set(p.id, {
      id: p.id,
      file: p.file,
      names: n.all,
      name: n.main,
      data: p.value,
      source: p,
      sections: {},
      publications: byPerson.get(p.id) ?? [],
      talks: (p.value.talks ?? []).map((t) => ({ ...t })),
      advisors: [],
      students: [],
      news: [],
    });
  }

  // Long-form sections, with their citations checked against the publications.
  for (const prose of valid.prose) {
    const person = people.get(prose.person);
    if (!person) {
      const guess = closest(prose.person, people.keys());
      diagnostics.error(prose.file, { line: 1, column: 1 }, 'resolve/unknown-person', `the folder people/${prose.person}/ belongs to no person of the project`, {
        hint: guess ? `did you mean people/${guess}/?` : `add people/${prose.person}.yaml, or move the file.`,
      });
      continue;
    }
    const cites: string[] = [];
    for (const c of findCitations(prose.text)) {
      if (publications.has(c.key)) {
        if (!cites.includes(c.key)) cites.push(c.key);
        continue;
      }
      const guess = closest(c.key, publications.keys(), 4);
      diagnostics.error(prose.file, { line: prose.line + c.line - 1, column: c.column, endLine: prose.line + c.line - 1, endColumn: c.column + 1 + c.key.length }, 'resolve/unknown-citation', `the citation @${c.key} matches no publication`, {
        input: c.key,
        hint: guess ? `did you mean @${guess}?` : 'add the publication to publications/, or correct the key.',
      });
    }
    person.sections[prose.section] = { file: prose.file, line: prose.line, text: prose.text, cites } satisfies Prose;
  }

  // Advisors and students, from whichever side wrote them down.
  for (const p of valid.people) {
    const person = people.get(p.id)!;
    const addAdvisor = (link: PersonLink) => {
      if (!person.advisors.some((a) => (a.person ? a.person === link.person : a.name === link.name))) person.advisors.push(link);
    };
    p.value.education?.forEach((e, i) => e.advisors?.forEach((a, j) => addAdvisor(directory.link(a, p, ['education', i, 'advisors', j]))));
    p.value.member?.advisors?.forEach((a, j) => {
      const link = directory.link(a, p, ['member', 'advisors', j]);
      addAdvisor(link);
      const advisor = link.person ? people.get(link.person) : undefined;
      if (advisor && !advisor.students.some((s) => s.who.person === p.id)) {
        advisor.students.push({ who: { name: person.name, person: p.id }, level: p.value.member!.role, start: p.value.member!.start, end: p.value.member!.end, next: p.value.member!.next, coadvisors: [] });
      }
    });
    p.value.mentoring?.forEach((m, i) => {
      const who = directory.link(m.person, p, ['mentoring', i, 'person']);
      const student: Student = {
        who,
        level: m.level,
        start: m.start,
        end: m.end,
        next: m.next,
        note: m.note,
        coadvisors: (m.coadvisors ?? []).map((c, j) => directory.link(c, p, ['mentoring', i, 'coadvisors', j])),
      };
      const existing = who.person ? person.students.findIndex((s) => s.who.person === who.person) : -1;
      if (existing >= 0) person.students[existing] = student;
      else person.students.push(student);
    });
    p.value.teaching?.forEach((t, i) => t.instructor && directory.link(t.instructor, p, ['teaching', i, 'instructor']));
  }

  // News, attributed to its people (the owner's or the group lead's by default).
  const fallback = config.owner ?? config.group?.lead;
  const news: News[] = [];
  for (const n of valid.news) {
    const who = (n.value.people ?? (fallback ? [fallback] : [])).filter((id, i) => directory.require(id, n, ['people', i]) || !n.value.people);
    const pubs = (n.value.publications ?? []).filter((key, i) => {
      if (publications.has(key)) return true;
      const guess = closest(key, publications.keys(), 4);
      diagnostics.error(n.file, n.locate(['publications', i]), 'resolve/unknown-publication', `"${key}" is not a publication of the project`, {
        input: key,
        hint: guess ? `did you mean "${guess}"?` : 'use the citation key of a publication in publications/.',
      });
      return false;
    });
    news.push({ ...n.value, id: n.id, file: n.file, people: who.filter((id) => people.has(id)), publications: pubs });
  }
  news.sort((a, b) => compare(b.date, a.date) || compare(a.id, b.id));
  for (const item of news) for (const id of item.people) people.get(id)!.news.push(item.id);

  const { series, events } = resolveSeminars(valid.series, valid.events, directory, languages, diagnostics);
  for (const e of events.values()) {
    for (const s of e.speakers) {
      const person = s.person ? people.get(s.person) : undefined;
      if (!person || e.status === 'cancelled') continue;
      const host = series.get(e.series)!;
      person.talks.push({
        title: e.title,
        event: localized(host.name, languages).main,
        host: localized(host.host.name, languages).main,
        place: e.venue?.name,
        date: e.startLocal.slice(0, 10),
        virtual: !e.venue?.name && !!e.venue?.online,
        video: e.video,
        slides: e.slides,
        seminar: { series: e.series, event: e.id },
      });
    }
  }
  for (const person of people.values()) person.talks.sort((a, b) => compare(b.date, a.date));

  return { root: valid.root, config, people, publications, news, series, events, files: valid.files };
}
