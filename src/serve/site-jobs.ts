/**
 * The site of a new version of the graph, without what costs most in it: a department's site has 50,000 pages, and
 * listing them, or making the site's context (which names every publication's folder), takes several times the
 * 100 ms an edit may take to show. `vita dev` asks for a few pages after an edit; the commonest are found by their
 * path alone, each made the way the site's listing makes it, which is checked once per server (see `checkShortcuts`).
 */
import { isDeepStrictEqual } from 'node:util';
import { paths, type Site, type SiteOptions } from '../render/site/context.js';
import { jobFile, renderJob, siteTrees, type FileJob, type PageJob } from '../render/site/index.js';
import { personPage } from '../render/site/pages/person.js';
import { publicationPage } from '../render/site/pages/publication.js';
import { personPublicationsPage } from '../render/site/pages/publications.js';
import { personPath } from '../render/site/parts/person-name.js';
import type { Graph } from '../resolve/graph.js';

/** The site's trees (one per language), for the dev server, which lives at the root of its own address (options: its theme). */
export function devTrees(graph: Graph, options: SiteOptions = {}): Site[] {
  return siteTrees(graph, { ...options, baseUrl: '/' });
}

/**
 * The trees of a new version of the graph from the last version's, when the publications are the same map (the
 * graph's map is updated in place only when its keys stay the same) and the configuration and files are the same:
 * the contexts are made for the graph without its publications, then given the last version's publication
 * folders, which depend on the keys alone. Undefined when that cannot be done.
 */
export function nextTrees(last: Site[], graph: Graph, options: SiteOptions = {}): Site[] | undefined {
  const before = last[0]?.graph;
  if (!before || before.publications !== graph.publications || before.config !== graph.config || !sameList(before.files, graph.files)) return undefined;
  const trees = withoutPublications(graph, options);
  if (trees.length !== last.length) return undefined;
  trees.forEach((tree, i) => (tree.pubSlugs = last[i]!.pubSlugs));
  return trees;
}

/** Contexts made for the graph without its publications, then given the graph. */
function withoutPublications(graph: Graph, options: SiteOptions = {}): Site[] {
  const trees = devTrees({ ...graph, publications: new Map() }, options);
  for (const tree of trees) tree.graph = graph;
  return trees;
}

/**
 * Whether `nextTrees` gives what making the contexts in full gives, but for the publication folders: true unless
 * the context holds more that depends on the publications (rendering changes; then contexts are made in full).
 */
export function canMakeNextTrees(trees: Site[], options: SiteOptions = {}): boolean {
  const graph = trees[0]!.graph;
  const made = withoutPublications(graph, options);
  const strip = (site: Site) => ({ ...site, pubSlugs: undefined, now: undefined, linked: undefined, images: undefined, imageFacts: undefined });
  return made.length === trees.length && made.every((tree, i) => isDeepStrictEqual(strip(tree), strip(trees[i]!)));
}

/** A kind of page found from its path. */
interface Shortcut {
  kind: string;
  /** The page job at a path of a tree (the path without the tree's language prefix), if it is one of this kind. */
  job(tree: Site, parts: string[], publicationOf: (slug: string) => string | undefined): PageJob | undefined;
}

const SHORTCUTS: Shortcut[] = [
  {
    kind: 'publication',
    job(tree, parts, publicationOf) {
      if (parts.length !== 3 || parts[0] !== 'publications' || parts[2] !== 'index.html') return undefined;
      const key = publicationOf(parts[1]!);
      const pub = key === undefined ? undefined : tree.graph.publications.get(key);
      return pub && { site: tree, path: paths.publication(parts[1]!), make: () => publicationPage(tree, pub) };
    },
  },
  {
    kind: 'person',
    job(tree, parts) {
      const person = parts.length === 3 && parts[0] === 'people' && parts[2] === 'index.html' ? tree.graph.people.get(parts[1]!) : undefined;
      return person && personPath(tree, person.id) === paths.person(person.id) ? { site: tree, path: paths.person(person.id), make: () => personPage(tree, person) } : undefined;
    },
  },
  {
    kind: 'person-publications',
    job(tree, parts) {
      const person = parts.length === 4 && parts[0] === 'people' && parts[2] === 'publications' && parts[3] === 'index.html' ? tree.graph.people.get(parts[1]!) : undefined;
      return person?.publications.length ? { site: tree, path: paths.personPublications(person.id), make: () => personPublicationsPage(tree, person) } : undefined;
    },
  },
];

/**
 * The page at a file of the site, found from its path by the shortcuts allowed, or undefined (then the site must be
 * listed to know). The job is the site listing's own when `checkShortcuts` allowed its kind.
 */
export function shortcutJob(trees: Site[], file: string, allowed: ReadonlySet<string>, publicationOf: (slug: string) => string | undefined): FileJob | undefined {
  if (allowed.size === 0) return undefined;
  const parts = file.split('/');
  const tree = trees.find((t) => t.lang !== t.mainLang && t.lang === parts[0]) ?? trees[0];
  if (!tree) return undefined;
  if (tree !== trees[0]) parts.shift();
  for (const shortcut of SHORTCUTS) {
    if (!allowed.has(shortcut.kind)) continue;
    const job = shortcut.job(tree, parts, publicationOf);
    if (job && jobFile(job) === file) return { file, render: () => renderJob(job) };
  }
  return undefined;
}

/**
 * The kinds of shortcut that give, for a few pages of each kind, the very page the site's listing gives: rendering
 * changes, and a shortcut that no longer matches is not used (the site is then listed: slower, still right). `made`
 * is told of every page rendered, for what the caller keeps of them.
 */
export function checkShortcuts(
  trees: Site[],
  listed: ReadonlyMap<string, FileJob>,
  publicationOf: (slug: string) => string | undefined,
  made: (rendered: ReturnType<FileJob['render']>) => void,
  limit = 3,
): Set<string> {
  const checked = new Map<string, number>();
  const wrong = new Set<string>();
  const pending = () => SHORTCUTS.filter((s) => !wrong.has(s.kind) && (checked.get(s.kind) ?? 0) < limit);
  for (const [file, job] of listed) {
    const open = pending();
    if (open.length === 0) break;
    for (const shortcut of open) {
      const quick = shortcutJob(trees, file, new Set([shortcut.kind]), publicationOf);
      if (!quick) continue;
      checked.set(shortcut.kind, (checked.get(shortcut.kind) ?? 0) + 1);
      const a = job.render();
      const b = quick.render();
      made(a);
      made(b);
      if (content(a) !== content(b)) wrong.add(shortcut.kind);
    }
  }
  return new Set(SHORTCUTS.map((s) => s.kind).filter((kind) => checked.has(kind) && !wrong.has(kind)));
}

function content(made: ReturnType<FileJob['render']>): string {
  return typeof made === 'string' ? made : made.content;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
