/**
 * What the owner writes beyond their record: pages, posts and projects. Their people and publications are checked
 * against the project, and their citations as a research statement's are.
 */
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { POST_NAME } from '../load/project.js';
import type { ConfigInput, PostInput, ProjectInput, SitePageInput } from '../schema/index.js';
import { closest } from '../text/suggest.js';
import type { Located } from '../validate/index.js';
import type { Post, Project, Prose, Publication, SitePage } from './graph.js';
import type { PeopleDirectory } from './people.js';
import { citedKeys } from './prose.js';
import { compare } from './publications.js';

export interface ResolvedWriting {
  pages: SitePage[];
  posts: Post[];
  projects: Project[];
  diagnostics: Diagnostic[];
}

export function resolveWriting(
  input: { pages: readonly Located<SitePageInput>[]; posts: readonly Located<PostInput>[]; projects: readonly Located<ProjectInput>[] },
  config: ConfigInput,
  directory: PeopleDirectory,
  publications: ReadonlyMap<string, Publication>,
): ResolvedWriting {
  const diagnostics = new Diagnostics();
  const d = directory.reportingTo(diagnostics);
  const fallback = config.owner ?? config.group?.lead;
  /** The folder's person (people/<id>/...): undefined for the site's own, null (reported) when there is no such person. */
  const folderPerson = (file: string, report: boolean): string | undefined | null => {
    const m = /^people\/([^/]+)\//.exec(file);
    if (!m) return undefined;
    if (directory.has(m[1]!)) return m[1]!;
    if (report) {
      const guess = closest(m[1]!, [...directory.ids()]);
      diagnostics.error(file, { line: 1, column: 1 }, 'resolve/unknown-person', `the folder people/${m[1]}/ belongs to no person of the project`, {
        hint: guess ? `did you mean people/${guess}/?` : `add people/${m[1]}.yaml, or move the file.`,
      });
    }
    return null;
  };
  const body = (r: Located<{ body?: string }>, report: boolean): Prose => {
    const text = r.value.body ?? '';
    // The body starts after the front matter: its first line is where the file's body field is written.
    // The loader places `body` where the text starts in the file, after the front matter.
    const line = r.locate(['body'])?.line ?? 1;
    return { file: r.file, line, text, cites: citedKeys(r.file, line, text, publications, report ? diagnostics : undefined) };
  };
  const knownPublications = (r: Located<{ publications?: string[] }>): string[] =>
    (r.value.publications ?? []).filter((key, i) => {
      if (publications.has(key)) return true;
      const guess = closest(key, publications.keys(), 4);
      diagnostics.error(r.file, r.locate(['publications', i]), 'resolve/unknown-publication', `"${key}" is not a publication of the project`, {
        input: key,
        hint: guess ? `did you mean "${guess}"?` : 'use the citation key of a publication in publications/.',
      });
      return false;
    });
  const knownPeople = (r: Located<unknown>, ids: readonly string[], field: string): string[] => ids.filter((id, i) => d.require(id, r, [field, i]));

  const pages: SitePage[] = [];
  for (const p of input.pages) {
    // A person's page is also a section of theirs (see load/project.ts), whose folder and citations are reported there.
    const person = folderPerson(p.file, false);
    if (person === null) continue;
    const v = p.value;
    pages.push({ id: p.id, file: p.file, person, title: v.title, description: v.description, menu: v.menu, order: v.order, layout: v.layout, lang: v.lang, body: body(p, !person), source: p });
  }

  const posts: Post[] = [];
  for (const p of input.posts) {
    const person = folderPerson(p.file, true);
    if (person === null) continue;
    const v = p.value;
    const authors = v.authors ? knownPeople(p, v.authors, 'authors') : person ? [person] : fallback && directory.has(fallback) ? [fallback] : [];
    const slug = POST_NAME.exec(p.id)?.[2] ?? p.id;
    posts.push({
      id: p.id,
      file: p.file,
      slug,
      date: v.date,
      title: v.title,
      authors,
      person,
      tags: [...new Set(v.tags ?? [])],
      summary: v.summary,
      publications: knownPublications(p),
      lang: v.lang,
      body: body(p, true),
      source: p,
    });
  }
  posts.sort((a, b) => compare(b.date, a.date) || compare(a.file, b.file));

  const projects: Project[] = [];
  for (const p of input.projects) {
    const v = p.value;
    projects.push({
      id: p.id,
      file: p.file,
      title: v.title,
      summary: v.summary,
      image: v.image,
      imageAlt: v.imageAlt,
      people: knownPeople(p, v.people ?? [], 'people'),
      publications: knownPublications(p),
      links: v.links ?? {},
      start: v.start,
      end: v.end,
      tags: v.tags ?? [],
      order: v.order,
      lang: v.lang,
      body: body(p, true),
      source: p,
    });
  }
  projects.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || compare(b.start ?? '', a.start ?? '') || compare(a.id, b.id));
  return { pages, posts, projects, diagnostics: diagnostics.list };
}

