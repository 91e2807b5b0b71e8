/**
 * The static website: `renderSite(graph)` is a pure function from the resolved graph to the files of the
 * site (pages, feeds, sitemap, assets). One module per kind of page in ./pages; nothing here touches the
 * disk except to read the project's own files that pages link to (photos, PDFs) and KaTeX's fonts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph } from '../../resolve/graph.js';
import { containsMath } from '../markdown.js';
import type { OutputFile } from '../output.js';
import { siteAssets } from './assets/index.js';
import { createSite, paths, type Site, type SiteOptions } from './context.js';
import { hasFeeds, newsFeed } from './feeds.js';
import { renderPage, siteLanguages, siteName, type Page } from './layout.js';
import { cvPage } from './pages/cv.js';
import { groupPage } from './pages/group.js';
import { groupHomePage } from './pages/home.js';
import { newsPage } from './pages/news.js';
import { notFoundPage } from './pages/not-found.js';
import { personPage } from './pages/person.js';
import { publicationPage } from './pages/publication.js';
import { groupPublicationsPage, personPublicationsPage } from './pages/publications.js';
import { researchPage } from './pages/research.js';
import { searchPage } from './pages/search.js';
import { eventPage, seminarsIndexPage, seriesPage } from './pages/seminar.js';
import { talksPage } from './pages/talks.js';
import { teachingPage } from './pages/teaching.js';
import { hasCv, hasResearch, hasTalks, hasTeaching, personPath, shortName } from './parts/person-name.js';
import { robots, sitemap } from './sitemap.js';

export type { SiteOptions } from './context.js';

/** Every page of one language tree. */
export function sitePages(site: Site): Page[] {
  const g = site.graph;
  const pages: Page[] = [];
  // A group site, or a record with no owner: the group's pages. A personal site's home is its owner's page.
  if (!g.config.owner) {
    pages.push(groupPage(site), groupPublicationsPage(site));
    pages.push(g.config.group ? groupHomePage(site) : { ...groupPublicationsPage(site), path: paths.home(), nav: 'home' });
  }
  for (const person of g.people.values()) {
    pages.push(personPage(site, person));
    if (person.publications.length) pages.push(personPublicationsPage(site, person));
    if (hasResearch(person)) pages.push(researchPage(site, person));
    if (hasCv(site, person)) pages.push(cvPage(site, person));
    if (hasTalks(person)) pages.push(talksPage(site, person));
    if (hasTeaching(person)) pages.push(teachingPage(site, person));
  }
  for (const pub of g.publications.values()) pages.push(publicationPage(site, pub));
  if (g.news.length) pages.push(newsPage(site));
  if (g.series.size) {
    pages.push(seminarsIndexPage(site));
    for (const s of g.series.values()) pages.push(seriesPage(site, s));
    for (const e of g.events.values()) pages.push(eventPage(site, e));
  }
  pages.push(searchPage(site), notFoundPage(site));
  return pages;
}

/** The project's files that the site links to, found in the pages themselves, plus everything under assets/. */
function projectFiles(graph: Graph, site: Site, html: string[], produced: Set<string>): OutputFile[] {
  const wanted = new Set(graph.files.filter((f) => f.startsWith('assets/') && !produced.has(f)));
  const attr = /\s(?:href|src)="([^"#?]+)/g;
  for (const page of html) {
    for (const m of page.matchAll(attr)) {
      const link = m[1]!.replace(/&amp;/g, '&');
      if (!link.startsWith(site.basePath)) continue;
      let path: string;
      try {
        path = decodeURI(link.slice(site.basePath.length));
      } catch {
        continue;
      }
      if (!produced.has(path) && site.files.has(path)) wanted.add(path);
    }
  }
  // Pages must never publish the record itself by accident: only linked files and assets/ are copied.
  return [...wanted].sort().map((path) => ({ path, content: new Uint8Array(readFileSync(join(graph.root, path))) }));
}

export function renderSite(graph: Graph, options: SiteOptions = {}): OutputFile[] {
  const main = createSite(graph, graph.config.languages[0] ?? 'en', options);
  const files: OutputFile[] = [];
  const pagePaths: string[] = [];
  let math = false;
  for (const lang of siteLanguages(main)) {
    const site = lang === main.lang ? main : createSite(graph, lang, options);
    for (const page of sitePages(site)) {
      const file = renderPage(site, page);
      math ||= containsMath(file.content);
      files.push(file);
      if (!page.noindex) pagePaths.push(file.path.replace(/index\.html$/, ''));
    }
    // Feeds: the site's news, and each person's.
    if (!hasFeeds(site)) continue;
    files.push({ path: prefix(site, paths.newsFeed()), content: newsFeed(site, siteName(site), graph.news, paths.newsFeed(), paths.news()) });
    for (const person of graph.people.values()) {
      if (!person.news.length) continue;
      const items = graph.news.filter((n) => person.news.includes(n.id));
      files.push({ path: prefix(site, paths.personFeed(person.id)), content: newsFeed(site, shortName(site, person), items, paths.personFeed(person.id), personPath(site, person.id)) });
    }
  }
  files.push({ path: 'sitemap.xml', content: sitemap(main, pagePaths) }, { path: 'robots.txt', content: robots(main) });
  files.push(...siteAssets({ math, initial: Array.from(siteName(main))[0] }));
  const produced = new Set(files.map((f) => f.path));
  files.push(...projectFiles(graph, main, files.filter((f) => f.path.endsWith('.html')).map((f) => f.content as string), produced));
  return files;
}

function prefix(site: Site, path: string): string {
  return site.lang === site.mainLang ? path : `${site.lang}/${path}`;
}
