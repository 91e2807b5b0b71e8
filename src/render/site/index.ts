/**
 * The static website: `renderSite(graph)` is a pure function from the resolved graph to the files of the
 * site (pages, feeds, sitemap, assets). One module per kind of page in ./pages; nothing here touches the
 * disk except to read the project's own files that pages link to (photos, PDFs) and KaTeX's fonts.
 */
import { readInside } from '../../load/inside.js';
import { join } from 'node:path';
import type { Span } from '../../diagnostics/diagnostic.js';
import type { Graph } from '../../resolve/graph.js';
import type { OutputFile } from '../output.js';
import { siteAssets } from './assets/index.js';
import { createSite, eventSlug, paths, type Site, type SiteOptions } from './context.js';
import { hasPostsFeed, newsFeed, postsFeed } from './feeds.js';
import { pageOutputPath, renderPage, siteLanguages, siteName, type Page } from './layout.js';
import { cvPage } from './pages/cv.js';
import { groupPage } from './pages/group.js';
import { groupHomePage } from './pages/home.js';
import { newsItemPage, newsPage } from './pages/news.js';
import { ownPage } from './pages/page.js';
import { personPostsPage, postPage, postsPage, tagPage, tagsPage } from './pages/posts.js';
import { projectPage, projectsPage } from './pages/projects.js';
import { hasNewsPage } from './parts/news.js';
import { personPosts, postPageCount, postPath, postTags } from './parts/writing.js';
import { notFoundPage } from './pages/not-found.js';
import { personPage } from './pages/person.js';
import { publicationPage } from './pages/publication.js';
import { groupPublicationsPage, groupPublicationsYearPage, groupPublicationYears, personPublicationsPage, personPublicationsYearPage, personPublicationYears } from './pages/publications.js';
import { researchPage } from './pages/research.js';
import { searchPage } from './pages/search.js';
import { eventPage, seminarsIndexPage, seriesPage } from './pages/seminar.js';
import { talksPage } from './pages/talks.js';
import { teachingPage } from './pages/teaching.js';
import { hasCv, hasResearch, hasTalks, hasTeaching, personPath, shortName } from './parts/person-name.js';
import { pubSlug } from './parts/publications.js';
import { searchRecord, type SearchRecord } from './search-index.js';
import { robots, sitemap } from './sitemap.js';
import type { ImageVariant } from './parts/picture.js';
import { groupSections } from './parts/sections.js';
import { reading, type Reads } from './reads.js';

export type { SiteOptions } from './context.js';
export { loadTheme, type SiteTheme } from './theme.js';
export { COMPONENT_NAMES, type ComponentName, type ComponentProps } from './components.js';

/** A page of the site before it is rendered: where it goes, and how to make it. */
export interface PageJob {
  site: Site;
  /** The page's path inside the site, as its `Page.path` will be: "people/lei-wu/", "404.html". */
  path: string;
  make: () => Page;
  /** The record the page is made from (a page, post or project written by hand, a person, a paper ...): a path
   * already taken, or two pages that would share a file, are reported there (see check/output-paths.ts). */
  origin?: PageOrigin;
}

/** Where a page's record is written. */
export interface PageOrigin {
  file: string;
  /** The place in that file that names the page (an id, a key); the file's start when undefined. */
  path?: (string | number)[];
  locate?: (path: (string | number)[]) => Span | undefined;
}

/** A page written by hand whose path another page has: the first page keeps it (vita's own come first). */
export interface PathClash {
  file: string;
  path: string;
  /** The file of the page that has the path, or undefined for a page vita makes. */
  takenBy?: string;
}

/** Every page of one language tree, unrendered: paths are known at once, each page is made when asked for. */
export function sitePageJobs(site: Site, onClash?: (clash: PathClash) => void): PageJob[] {
  const g = site.graph;
  const jobs: PageJob[] = [];
  const add = (path: string, make: () => Page, origin?: PageOrigin) => jobs.push(origin ? { site, path, make, origin } : { site, path, make });
  // A group site, or a record with no owner: the group's pages. A personal site's home is its owner's page.
  if (!g.config.owner) {
    const has = groupSections(g);
    if (has.group) add(paths.group(), () => groupPage(site));
    if (has.publications) {
      add(paths.publications(), () => groupPublicationsPage(site));
      for (const year of groupPublicationYears(site)) add(paths.publicationsYear(year), () => groupPublicationsYearPage(site, year));
    }
    // Without a group, the list of papers is the home page; a site of seminars alone gets the site's own home.
    const papersHome = !g.config.group && has.publications;
    add(paths.home(), papersHome ? () => ({ ...groupPublicationsPage(site), path: paths.home(), nav: 'home' }) : () => groupHomePage(site));
  }
  for (const person of g.people.values()) {
    add(personPath(site, person.id), () => personPage(site, person), { file: person.file });
    if (person.publications.length) {
      add(paths.personPublications(person.id), () => personPublicationsPage(site, person));
      for (const year of personPublicationYears(site, person)) add(paths.personPublicationsYear(person.id, year), () => personPublicationsYearPage(site, person, year));
    }
    if (hasResearch(person)) add(paths.research(person.id), () => researchPage(site, person));
    if (hasCv(site, person)) add(paths.cv(person.id), () => cvPage(site, person));
    if (hasTalks(person)) add(paths.talks(person.id), () => talksPage(site, person));
    if (hasTeaching(person)) add(paths.teaching(person.id), () => teachingPage(site, person));
  }
  for (const pub of g.publications.values()) add(paths.publication(pubSlug(site, pub.id)), () => publicationPage(site, pub), { file: pub.source.file, path: ['id'], locate: pub.source.locate });
  if (g.news.length) add(paths.news(), () => newsPage(site));
  if (g.series.size) {
    add(paths.seminars(), () => seminarsIndexPage(site));
    for (const s of g.series.values()) add(paths.series(s.id), () => seriesPage(site, s), { file: s.file });
    for (const e of g.events.values()) add(paths.event(g.series.get(e.series)?.id ?? e.series, eventSlug(e.id)), () => eventPage(site, e), { file: e.file });
  }
  add(paths.search(), () => searchPage(site));
  add('404.html', () => notFoundPage(site));
  writingJobs(site, jobs, onClash);
  return jobs;
}

/**
 * The pages of what the owner writes: news items' own pages, projects, posts and hand-written pages. A page whose
 * path is taken (pages/publications.md, two posts of one slug in a year) is left out, and told to `onClash`.
 */
function writingJobs(site: Site, jobs: PageJob[], onClash?: (clash: PathClash) => void): void {
  const g = site.graph;
  const owners = new Map<string, string | undefined>(jobs.map((j) => [j.path, j.origin?.file]));
  const add = (path: string, make: () => Page, source?: string) => {
    if (owners.has(path)) {
      if (source) onClash?.({ file: source, path, takenBy: owners.get(path) });
      return;
    }
    owners.set(path, source);
    jobs.push(source ? { site, path, make, origin: { file: source } } : { site, path, make });
  };
  for (const item of g.news) if (hasNewsPage(item)) add(paths.newsItem(item.id), () => newsItemPage(site, item), item.file);
  if (g.projects.length) {
    add(paths.projects(), () => projectsPage(site));
    for (const project of g.projects) add(paths.project(project.id), () => projectPage(site, project), project.file);
  }
  if (g.posts.length) {
    for (let n = 1; n <= postPageCount(site); n++) add(paths.postsPage(n), () => postsPage(site, n));
    add(paths.tags(), () => tagsPage(site));
    for (const key of postTags(site).keys()) add(paths.tag(key), () => tagPage(site, key));
    for (const person of g.people.values()) {
      const posts = personPosts(site, person.id);
      if (posts.length) add(paths.personPosts(person.id), () => personPostsPage(site, person, posts));
    }
    for (const post of g.posts) add(postPath(post), () => postPage(site, post), post.file);
  }
  for (const page of g.pages) add(paths.page(page.id), () => ownPage(site, page), page.file);
}

/** Every page of one language tree. */
export function sitePages(site: Site): Page[] {
  return sitePageJobs(site).map((job) => job.make());
}

/** The language trees of a site, the main language's first. */
export function siteTrees(graph: Graph, options: SiteOptions = {}): Site[] {
  const main = createSite(graph, graph.config.languages[0] ?? 'en', options);
  return siteLanguages(main).map((lang) => (lang === main.lang ? main : createSite(graph, lang, options)));
}

/**
 * A rendered page, with what the files made after all pages need to know of it. A class, not an object literal
 * with a getter: V8 gives each literal's fresh getter a hidden class of its own, kept in old space, which held the
 * page's pieces alive through young collections (a department's render promoted ~570 MB more that way).
 */
export class RenderedPage {
  constructor(
    readonly path: string,
    /** The page's markup in pieces, to be written one after the other (a long page is never joined: see Html). */
    readonly pieces: readonly string[],
    /** Whether the page typesets math (the site then carries KaTeX's stylesheet and fonts). */
    readonly math: boolean,
    /** Its path in the sitemap; undefined for pages kept out of it (404). */
    readonly sitemapPath: string | undefined,
    /** Files of the project first linked by this page (photos, PDFs ...), to be copied into the site. */
    readonly links: string[],
    /** What site search indexes of the page; undefined for pages kept out of search. */
    readonly search: SearchRecord | undefined,
    /** Resized copies of images first shown by this page, to be made by the write stage. */
    readonly images: ImageVariant[] = [],
  ) {}

  /** The page as one string, joined when asked for. */
  get content(): string {
    return this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
  }
}

export function renderJob(job: PageJob): RenderedPage {
  return renderJobReading(job).page;
}

/** A page rendered, with what it read of the record (reads.ts): every project file it links and image it shows, not only the first. */
export function renderJobReading(job: PageJob): { page: RenderedPage; reads: Reads } {
  const site = job.site;
  const { value: made, reads } = reading(() => {
    const page = job.make();
    const file = renderPage(site, page);
    const sitePath = file.path.replace(/index\.html$/, '');
    const search = page.unsearchable ? undefined : searchRecord(site, page, sitePath);
    return { page, file, sitePath, search };
  });
  const { page, file, sitePath, search } = made;
  const links = reads.links ? [...reads.links] : [];
  const images = reads.images ? [...reads.images.values()] : [];
  return { page: new RenderedPage(file.path, file.html.pieces, file.math, page.noindex ? undefined : sitePath, links, search, images), reads };
}

/** The output file of a page job, known before the page is rendered. */
export function jobFile(job: PageJob): string {
  return pageOutputPath(job.site, job.path);
}

/** The feeds of one language tree, unrendered: the site's news, and each person's. */
export function siteFeedJobs(site: Site): FileJob[] {
  const graph = site.graph;
  if (site.absoluteBase === undefined) return [];
  const jobs: FileJob[] = [];
  if (hasPostsFeed(site)) jobs.push({ file: prefix(site, paths.postsFeed()), render: () => postsFeed(site, `${siteName(site)} · ${site.t.blog}`, graph.posts) });
  if (!graph.news.length) return jobs;
  jobs.push({ file: prefix(site, paths.newsFeed()), render: () => newsFeed(site, siteName(site), graph.news, paths.newsFeed(), paths.news()) });
  for (const person of graph.people.values()) {
    if (!person.news.length) continue;
    jobs.push({
      file: prefix(site, paths.personFeed(person.id)),
      render: () => {
        const mine = new Set(person.news);
        const items = graph.news.filter((n) => mine.has(n.id));
        return newsFeed(site, shortName(site, person), items, paths.personFeed(person.id), personPath(site, person.id));
      },
    });
  }
  return jobs;
}

/** A file of the site before it is made: pages and feeds, whose paths are known before any is rendered. */
export interface FileJob {
  file: string;
  render(): string | RenderedPage;
}

/** Every page and feed of the site, in the order `renderSite` lists them: each language's pages, then its feeds. */
export function siteFileJobs(trees: Site[]): FileJob[] {
  const jobs: FileJob[] = [];
  for (const site of trees) {
    for (const job of sitePageJobs(site)) jobs.push({ file: jobFile(job), render: () => renderJob(job) });
    jobs.push(...siteFeedJobs(site));
  }
  return jobs;
}

/** Adds what a rendered file tells the tail of the site (math, sitemap, linked files) to a summary. */
export function summarize(summary: PagesSummary, file: string, made: string | RenderedPage): void {
  summary.produced.add(file);
  if (typeof made === 'string') return;
  summary.math ||= made.math;
  if (made.sitemapPath !== undefined) summary.sitemapPaths.push(made.sitemapPath);
  for (const l of made.links) summary.links.add(l);
  for (const v of made.images) summary.images.set(v.path, v);
}

/** What the files made after all pages need to know of the pages. */
export interface PagesSummary {
  math: boolean;
  sitemapPaths: string[];
  /** Project files linked from some page. */
  links: Set<string>;
  /** Every path made so far (pages and feeds). */
  produced: Set<string>;
  /** Resized copies of images the pages show, by path: made by the write stage (src/write/images.ts), not by `siteTail`. */
  images: Map<string, ImageVariant>;
}

/** The files that depend on every page: sitemap, robots.txt, assets (KaTeX's only if some page has math), linked project files. */
export function siteTail(main: Site, summary: PagesSummary): OutputFile[] {
  const graph = main.graph;
  const files: OutputFile[] = [{ path: 'sitemap.xml', content: sitemap(main, summary.sitemapPaths) }, { path: 'robots.txt', content: robots(main) }];
  files.push(...siteAssets({ math: summary.math, initial: Array.from(siteName(main))[0] }));
  const produced = new Set(summary.produced);
  for (const f of files) produced.add(f.path);
  const wanted = new Set(graph.files.filter((f) => f.startsWith('assets/') && !produced.has(f)));
  for (const path of summary.links) if (!produced.has(path)) wanted.add(path);
  // Pages must never publish the record itself by accident: only linked files and assets/ are copied.
  // Read only inside the project: a file that became a link out of it since it was listed is not published.
  files.push(...[...wanted].sort().map((path) => ({ path, content: new Uint8Array(readInside(graph.root, path)) })));
  return files;
}

/** The files of the site one at a time, in the order `renderSite` lists them, so no more than one page is held at once. */
export function* siteFiles(graph: Graph, options: SiteOptions = {}, summary: PagesSummary = emptySummary()): Generator<OutputFile> {
  const trees = siteTrees(graph, options);
  for (const job of siteFileJobs(trees)) {
    const made = job.render();
    summarize(summary, job.file, made);
    yield typeof made === 'string' ? { path: job.file, content: made } : { path: made.path, content: made.content };
  }
  yield* siteTail(trees[0]!, summary);
}

/** A summary before any page is made. */
export function emptySummary(): PagesSummary {
  return { math: false, sitemapPaths: [], links: new Set(), produced: new Set(), images: new Map() };
}

/** The pages, feeds and files of the site; resized images aside (they are the write stage's: src/write/images.ts). */
export function renderSite(graph: Graph, options: SiteOptions = {}): OutputFile[] {
  return [...siteFiles(graph, options)];
}

export function prefix(site: Site, path: string): string {
  return site.lang === site.mainLang ? path : `${site.lang}/${path}`;
}
