/**
 * The site of one version of the graph, made on demand for `vita dev`: a page is rendered when first asked for and
 * kept until the graph changes. After an edit, the pages asked for are found by their path where that is known to
 * give the site's own page (see site-jobs.ts), and the whole site is listed only when something else is asked for.
 */
import { readInside } from '../load/inside.js';
import { join } from 'node:path';
import { seminarFiles } from '../render/calendar/index.js';
import { siteAssets } from '../render/site/assets/index.js';
import type { Site, SiteOptions } from '../render/site/context.js';
import { hasCv, renderCv } from '../render/cv/index.js';
import { treeLanguages } from '../strings/index.js';
import { siteFileJobs, siteTail, summarize, type FileJob, type PagesSummary } from '../render/site/index.js';
import { siteName } from '../render/site/layout.js';
import type { ImageVariant } from '../render/site/parts/picture.js';
import type { Graph } from '../resolve/graph.js';
import { canMakeNextTrees, checkShortcuts, devTrees, nextTrees, shortcutJob } from './site-jobs.js';

type Content = string | Uint8Array;

/** Publication keys by folder name, once per set of folders (they change only when keys do). */
const keysBySlug = new WeakMap<Map<string, string>, Map<string, string>>();

export class LazySite {
  /** Jobs by file: every one once `listed`, else those found so far. */
  private jobs = new Map<string, FileJob>();
  private listed = false;
  private readonly made = new Map<string, Content>();
  /** Project files linked from the pages rendered so far; all of them once `everything` has run. */
  private readonly links = new Set<string>();
  /** Resized images planned by the pages rendered so far; all of them once `everything` has run. */
  private readonly images = new Map<string, ImageVariant>();
  private calendars: Map<string, Content> | undefined;
  /** CV files by person, made when asked for. */
  private cvs: Map<string, Map<string, Content>> | undefined;
  private tail: Map<string, Content> | undefined;
  private readonly trees: Site[];
  private readonly assets: Map<string, Content>;
  /** The kinds of page found by their path (see site-jobs.ts): checked on the first version, kept by the next ones. */
  private readonly shortcuts: ReadonlySet<string>;
  /** Whether a version's contexts can be made from the last version's (see `nextTrees`): checked the same way. */
  private readonly derive: boolean;

  constructor(
    readonly graph: Graph,
    previous?: LazySite,
    /** The theme and where its problems go; a new object when the theme changed. */
    options: SiteOptions = {},
  ) {
    this.keys = previous?.keys ?? new Map();
    this.trees = (previous?.derive && nextTrees(previous.trees, graph, options)) || devTrees(graph, options);
    this.derive = previous ? previous.derive : canMakeNextTrees(this.trees, options);
    // KaTeX's files are served whether or not a page has math: which pages do is not known until all are rendered.
    const initial = this.initial;
    this.assets = previous && previous.initial === initial ? previous.assets : new Map(siteAssets({ math: true, initial }).map((f) => [f.path, f.content]));
    this.shortcuts = previous ? previous.shortcuts : checkShortcuts(this.trees, this.list(), this.publicationOf, (made) => this.note(made));
  }

  private get main(): Site {
    return this.trees[0]!;
  }

  private get initial(): string | undefined {
    return Array.from(siteName(this.main))[0];
  }

  /** Whether a path of the site exists, without making it. */
  has(path: string): boolean {
    return this.get(path, { peek: true }) !== undefined;
  }

  /** The content at a path, made now if need be; undefined if the site has no such file. */
  get(path: string, options: { peek?: boolean } = {}): Content | undefined {
    const done = this.made.get(path);
    if (done !== undefined) return done;
    // Folders are not files: no need to list the site to know.
    if (path === '' || path.endsWith('/')) return undefined;
    let job = this.jobs.get(path) ?? this.shortcut(path);
    if (!job) {
      const other = this.other(path, options);
      if (other !== undefined || this.listed) return other;
      job = this.list().get(path);
    }
    if (!job) return undefined;
    if (options.peek) return '';
    const made = job.render();
    this.note(made);
    const content = typeof made === 'string' ? made : made.content;
    this.made.set(path, content);
    return content;
  }

  /** What is not a page nor a feed: assets, calendars, the sitemap, the project's own files. */
  private other(path: string, options: { peek?: boolean }): Content | undefined {
    const asset = this.assets.get(path);
    if (asset !== undefined) return asset;
    if (path.endsWith('.ics')) {
      this.calendars ??= new Map(seminarFiles(this.graph, { baseUrl: '/' }).map((f) => [f.path, f.content]));
      const calendar = this.calendars.get(path);
      if (calendar !== undefined) return calendar;
    }
    if (path === 'sitemap.xml' || path === 'robots.txt') return this.everything().get(path);
    const cv = /^(?:([^/]+)\/)?people\/([^/]+)\/cv\.(pdf|md)$/.exec(path);
    const cvLanguage = cv?.[1] ?? this.graph.config.languages[0] ?? 'en';
    if (cv && treeLanguages(this.graph.config.languages).includes(cvLanguage)) {
      const person = this.graph.people.get(cv[2]!);
      if (person && hasCv(this.graph, person)) {
        if (options.peek) return '';
        // Typeset when first asked for, as `vita build` would, and kept until the record changes.
        this.cvs ??= new Map();
        const key = `${cvLanguage} ${person.id}`;
        let files = this.cvs.get(key);
        if (!files) this.cvs.set(key, (files = new Map(renderCv(this.graph, person.id, { language: cvLanguage }).files.map((f) => [f.path, f.content]))));
        const file = files.get(path);
        if (file !== undefined) return file;
      }
    }
    // The record's own files only when the site would copy them: under assets/, or linked from a page.
    if (!this.graph.files.includes(path)) return undefined;
    // A page of that name comes first (pages and feeds are .html and .xml files).
    if (/\.(html|xml)$/.test(path) && this.list().has(path)) return undefined;
    if (!path.startsWith('assets/') && !this.links.has(path) && !this.everything().has(path)) return undefined;
    if (options.peek) return '';
    try {
      return new Uint8Array(readInside(this.graph.root, path));
    } catch {
      return undefined;
    }
  }

  private shortcut(path: string): FileJob | undefined {
    if (this.listed) return undefined;
    const job = shortcutJob(this.trees, path, this.shortcuts, this.publicationOf);
    if (job) this.jobs.set(path, job);
    return job;
  }

  /** The keys of the publication folders asked for so far, passed on to the next version as guesses. */
  private readonly keys: Map<string, string>;

  /** The key of a publication folder: a guess from the last version is checked (folders and keys go one to one). */
  private readonly publicationOf = (slug: string): string | undefined => {
    const slugs = this.main.pubSlugs;
    const guess = this.keys.get(slug);
    if (guess !== undefined && slugs.get(guess) === slug) return guess;
    let keys = keysBySlug.get(slugs);
    if (!keys) keysBySlug.set(slugs, (keys = new Map([...slugs].map(([key, s]) => [s, key]))));
    const key = keys.get(slug);
    if (key !== undefined) this.keys.set(slug, key);
    return key;
  };

  /** Every job of the site, listed once per version. */
  private list(): Map<string, FileJob> {
    if (this.listed) return this.jobs;
    const jobs = new Map<string, FileJob>();
    for (const job of siteFileJobs(this.trees)) if (!jobs.has(job.file)) jobs.set(job.file, job);
    this.jobs = jobs;
    this.listed = true;
    return jobs;
  }

  private note(made: string | { links: readonly string[]; images: readonly ImageVariant[] }): void {
    if (typeof made === 'string') return;
    for (const l of made.links) this.links.add(l);
    for (const v of made.images) this.images.set(v.path, v);
  }

  /** The resized image at a path of the site, as some page planned it; every page is rendered to know, if need be. */
  image(path: string): ImageVariant | undefined {
    let variant = this.images.get(path);
    if (!variant && !this.tail) {
      this.everything();
      variant = this.images.get(path);
    }
    return variant;
  }

  /** Renders every page (once per version of the graph), for what depends on all of them: the sitemap and the linked files. */
  private everything(): Map<string, Content> {
    if (this.tail) return this.tail;
    const summary: PagesSummary = { math: false, sitemapPaths: [], links: new Set(), produced: new Set(), images: new Map() };
    for (const job of this.list().values()) summarize(summary, job.file, job.render());
    for (const l of summary.links) this.links.add(l);
    for (const [p, v] of summary.images) this.images.set(p, v);
    this.tail = new Map(siteTail(this.main, summary).map((f) => [f.path, f.content]));
    return this.tail;
  }

  /** Paths made so far, to be made again after an edit. */
  served(): string[] {
    return [...this.made.keys()];
  }

  /** How many pages and feeds the site has (the site is listed to know). */
  get size(): number {
    return this.list().size;
  }
}
