/**
 * What every page needs besides the graph: the language it is written in, the base path of the site and
 * the one helper, `url(path)`, through which every internal link is made (so the site works at a domain
 * root and under a sub-path such as https://user.github.io/repo/ alike).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Graph, Person } from '../../resolve/graph.js';
import type { LocalizedText } from '../../schema/index.js';
import type { MarkdownOptions } from '../markdown.js';
import type { ImageInfo } from '../../load/image.js';
import type { ComponentOverrides } from './components.js';
import type { ImageVariant } from './parts/picture.js';
import { strings, type Strings } from './i18n.js';
import type { ThemeState } from './parts/themed.js';
import type { SiteTheme } from './theme.js';
import { noteLink } from './reads.js';

export interface SiteOptions {
  /** Where the site will live; overrides vita.yaml's baseUrl. "/" or "https://user.github.io/repo/". */
  baseUrl?: string;
  /** "Now", for upcoming and past seminars (defaults to the time of the build). */
  now?: Date;
  /** The project's theme (`loadTheme(root)`): its components override vita's, its style.css is linked after vita's. */
  theme?: SiteTheme;
  /**
   * Where the theme's problems found while rendering go (a component that throws or returns no markup), each once
   * per rendering, i.e. per options object; by default they are printed with console.warn.
   */
  onDiagnostic?: (d: Diagnostic) => void;
}

export interface Site {
  graph: Graph;
  /** Language of this tree of pages. */
  lang: string;
  /** The site's main language: its pages are at the root; others under /<lang>/. */
  mainLang: string;
  languages: string[];
  /** Absolute origin + path when known ("https://example.org/pku-ml/"), for canonical links, feeds and the sitemap. */
  absoluteBase?: string;
  /** Path prefix of every internal link: "/pku-ml/" or "/". */
  basePath: string;
  t: Strings;
  now: Date;
  /** The person whose homepage is the site's home, for a personal site. */
  owner?: string;
  /** Folder name of each publication's page, unique even when keys differ only in case or punctuation. */
  pubSlugs: Map<string, string>;
  /** Paths of the project's files that the site copies (photos, PDFs), for links to them. */
  files: Set<string>;
  /**
   * The project's files that some page made so far links to, in the order first linked: `url` notes each one,
   * so no page is searched for its links afterwards. The site copies exactly these (and assets/).
   */
  linked: Set<string>;
  /** Resized copies of the project's images that the pages made so far show, by path in the site (see parts/picture.ts). */
  images: Map<string, ImageVariant>;
  /** What is known of each image of the project shown so far; null when it cannot be shown. */
  imageFacts: Map<string, ImageInfo | null>;
  /** The theme's component overrides, undefined when there are none: a component checks this once. */
  overrides?: ComponentOverrides;
  /** The theme of this rendering and where its problems go (see parts/themed.ts). */
  theme?: ThemeState;
}

export function createSite(graph: Graph, lang: string, options: SiteOptions): Site {
  const base = options.baseUrl ?? graph.config.baseUrl;
  let basePath = '/';
  let absoluteBase: string | undefined;
  if (base) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(base)) {
      const u = new URL(base);
      basePath = u.pathname.endsWith('/') ? u.pathname : u.pathname + '/';
      absoluteBase = u.origin + basePath;
    } else {
      basePath = '/' + base.replace(/^\/+|\/+$/g, '');
      basePath = basePath === '/' ? '/' : basePath + '/';
    }
  }
  const languages = graph.config.languages.length ? graph.config.languages : ['en'];
  return {
    graph,
    lang,
    mainLang: languages[0]!,
    languages,
    absoluteBase,
    basePath,
    t: strings(lang),
    now: options.now ?? new Date(),
    owner: graph.config.owner,
    pubSlugs: publicationSlugs(graph),
    files: new Set(graph.files),
    linked: new Set(),
    images: new Map(),
    imageFacts: new Map(),
    ...themeFields(options),
  };
}

/** The theme's part of a Site: nothing at all without a theme. */
function themeFields(options: SiteOptions): Pick<Site, 'overrides' | 'theme'> {
  const theme = options.theme;
  // Both fields always there, so that every Site has the same shape (and `site.overrides` one kind of look-up).
  if (!theme) return { overrides: undefined, theme: undefined };
  // One state per options object, shared by the language trees made with it, so that each problem is reported once.
  let state = themeStates.get(options);
  if (!state || state.theme !== theme) {
    const report = options.onDiagnostic ?? ((d: Diagnostic) => console.warn(`vita: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message} [${d.code}]`));
    state = { theme, report, reported: new Set(), pending: [], stopped: new Set() };
    themeStates.set(options, state);
  }
  return { overrides: Object.keys(theme.components).length ? theme.components : undefined, theme: state };
}

const themeStates = new WeakMap<SiteOptions, ThemeState>();

/**
 * The link to a page or file of the site, from its path inside the site ("people/lei-wu/", "assets/vita.css").
 * Pages follow the page's language (`/zh/people/lei-wu/`); files (`asset: true`) are shared by all languages.
 */
export function url(site: Site, path: string, options: { asset?: boolean; lang?: string } = {}): string {
  const clean = path.replace(/^\/+/, '');
  const lang = options.lang ?? site.lang;
  const prefix = options.asset || lang === site.mainLang ? '' : `${lang}/`;
  if (options.asset && site.files.has(clean)) {
    site.linked.add(clean);
    noteLink(clean);
  }
  // Paths of the record's files may hold spaces or non-ASCII letters: links carry them percent-encoded.
  return site.basePath + prefix + encodeURI(clean);
}

/** Options of the owner's Markdown on this site (external links in a new tab, by vita.yaml), with a page's own. */
export function markdownFor(site: Site, options: MarkdownOptions = {}): MarkdownOptions {
  return site.graph.config.site?.externalLinksNewTab ? { ...options, newTab: true } : options;
}

/** The absolute URL of a page, when the site's address is known (canonical links, feeds, sitemap). */
export function absoluteUrl(site: Site, path: string, options: { asset?: boolean; lang?: string } = {}): string | undefined {
  if (!site.absoluteBase) return undefined;
  // `url` gives the path from the origin, already encoded: the origin before it is the address (as `new URL` would).
  return site.absoluteBase.slice(0, site.absoluteBase.length - site.basePath.length) + url(site, path, options);
}

/** The output file of a page at a path: "people/lei-wu/" -> "people/lei-wu/index.html" (or "zh/people/..."). */
export function pageFile(site: Site, path: string): string {
  const clean = path.replace(/^\/+/, '');
  const prefix = site.lang === site.mainLang ? '' : `${site.lang}/`;
  return prefix + (clean === '' || clean.endsWith('/') ? clean + 'index.html' : clean);
}

/** Text in the page's language, else the site's main language, else whatever there is. */
export function localText(site: Site, text: LocalizedText | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[textLanguage(site, text)] ?? '';
}

/**
 * Which language of a text a page shows: its own (or a shorter form of its tag: a zh-Hant page shows `zh`
 * text), else the site's languages in order, else the first one given.
 */
function textLanguage(site: Site, text: Record<string, string>): string {
  if (text[site.lang] !== undefined) return site.lang;
  const parts = site.lang.split('-');
  for (let i = parts.length - 1; i > 0; i--) {
    const shorter = parts.slice(0, i).join('-');
    if (text[shorter] !== undefined) return shorter;
  }
  return site.languages.find((l) => text[l] !== undefined) ?? Object.keys(text)[0] ?? site.mainLang;
}

/** The language a localized text is shown in on a page (for `lang` attributes on mixed-language pages). */
export function localLang(site: Site, text: LocalizedText | undefined): string {
  if (text === undefined || typeof text === 'string') return site.mainLang;
  return textLanguage(site, text);
}

/**
 * The `lang` attribute for what the user wrote (prose, titles, abstracts) on a page of another language:
 * it is taken to be in the site's main language, so a Chinese page marks its English prose as English.
 */
export function contentLang(site: Site): string | undefined {
  return site.lang === site.mainLang ? undefined : site.mainLang;
}

/** A URL-safe folder name for any key: DBLP keys hold "/" and ":" ("conf/icml/WuS23" -> "conf-icml-wus23"). */
export function slug(key: string): string {
  const s = key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/\.{2,}/g, '.');
  return s || 'item';
}

/** Page paths, in one place, so every link to a page is made the same way. */
export const paths = {
  home: () => '',
  person: (id: string) => `people/${id}/`,
  personPublications: (id: string) => `people/${id}/publications/`,
  personPublicationsYear: (id: string, year: number) => `people/${id}/publications/${year}/`,
  research: (id: string) => `people/${id}/research/`,
  cv: (id: string) => `people/${id}/cv/`,
  cvPdf: (id: string) => `people/${id}/cv.pdf`,
  talks: (id: string) => `people/${id}/talks/`,
  teaching: (id: string) => `people/${id}/teaching/`,
  personFeed: (id: string) => `people/${id}/atom.xml`,
  publications: () => 'publications/',
  publicationsYear: (year: number) => `publications/${year}/`,
  publication: (slugged: string) => `publications/${slugged}/`,
  news: () => 'news/',
  newsFeed: () => 'news/atom.xml',
  group: () => 'group/',
  seminars: () => 'seminars/',
  series: (id: string) => `seminars/${id}/`,
  seriesCalendar: (id: string) => `seminars/${id}/calendar.ics`,
  event: (seriesId: string, eventId: string) => `seminars/${seriesId}/${eventId}/`,
  eventCalendar: (seriesId: string, eventId: string) => `seminars/${seriesId}/${eventId}/event.ics`,
  search: () => 'search/',
  /** A page written by hand, by its id ("join", "people/lei-wu/software"); "" is the home page. */
  page: (id: string) => (id === '' ? '' : `${id}/`),
  newsItem: (id: string) => `news/${slug(id)}/`,
  posts: () => 'posts/',
  postsPage: (n: number) => (n <= 1 ? 'posts/' : `posts/page/${n}/`),
  post: (year: string, postSlug: string) => `posts/${year}/${slug(postSlug)}/`,
  tags: () => 'posts/tags/',
  tag: (tagSlug: string) => `posts/tags/${tagSlug}/`,
  postsFeed: () => 'posts/atom.xml',
  personPosts: (id: string) => `people/${id}/posts/`,
  personPost: (id: string, year: string, postSlug: string) => `people/${id}/posts/${year}/${slug(postSlug)}/`,
  projects: () => 'projects/',
  project: (id: string) => `projects/${slug(id)}/`,
};

/** The event's own folder name: its id is "<series>/<file name>". */
export function eventSlug(eventId: string): string {
  return slug(eventId.split('/').pop() ?? eventId);
}

/** Person by id; the graph guarantees the ids it hands out exist. */
export function personOf(site: Site, id: string): Person {
  const p = site.graph.people.get(id);
  if (!p) throw new Error(`no person "${id}" in the graph`);
  return p;
}

/** The people who get their own pages: everyone in the record (co-authors without pages would be links to nowhere). */
export function hasPage(site: Site, id: string | undefined): id is string {
  return id !== undefined && site.graph.people.has(id);
}

/** Slugs of keys already seen: a key's slug never changes, and `vita dev` makes every site again after each edit. */
const slugs = new Map<string, string>();

function slugOnce(key: string): string {
  let s = slugs.get(key);
  if (s === undefined) {
    if (slugs.size > 1_000_000) slugs.clear();
    slugs.set(key, (s = slug(key)));
  }
  return s;
}

/** One folder per publication: keys slugified, clashes ("Wu2023" and "wu2023") told apart by a counter. */
export function publicationSlugs(graph: Graph): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of [...graph.publications.keys()].sort()) {
    // A key that looks like a year would take the folder of that year's page of a long list.
    const base = /^\d{4}$/.test(slugOnce(key)) ? `${slugOnce(key)}-paper` : slugOnce(key);
    let s = base;
    for (let i = 2; taken.has(s); i++) s = `${base}-${i}`;
    taken.add(s);
    out.set(key, s);
  }
  return out;
}
