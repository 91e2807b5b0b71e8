/** `vita dev`: serves the site from memory, rebuilds on every edit, and tells open pages to reload. */
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, relative, resolve, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkConsistency } from '../check/index.js';
import { findDeadLinks } from '../check/links.js';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { formatText } from '../diagnostics/format.js';
import { loadProject, type LoadCache } from '../load/project.js';
import { seminarFiles } from '../render/calendar/index.js';
import { siteAssets } from '../render/site/assets/index.js';
import type { Site } from '../render/site/context.js';
import { siteFileJobs, siteTail, siteTrees, summarize, type FileJob, type PagesSummary } from '../render/site/index.js';
import { siteName } from '../render/site/layout.js';
import type { Graph } from '../resolve/graph.js';
import { resolveProject, type ResolveCache } from '../resolve/index.js';
import { validateProject, type ValidateCache } from '../validate/index.js';
import { EVENTS_PATH, LIVE_PATH, LIVE_SCRIPT, withLiveReload } from './live-reload.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export interface DevOptions {
  host?: string;
  port?: number;
  log?: (line: string) => void;
}

export interface DevServer {
  url: string;
  /** Rebuilds now (the watcher calls this); resolves when open pages have been told. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The site of one version of the graph, made on demand: every path is known at once, a page is rendered
 * when first asked for and kept until the graph changes. An edit then costs a re-resolve and the pages
 * that are looked at, not the whole site.
 */
class LazySite {
  private readonly jobs = new Map<string, FileJob>();
  private readonly made = new Map<string, string | Uint8Array>();
  /** Project files linked from the pages rendered so far; all of them once `everything` has run. */
  private readonly links = new Set<string>();
  private calendars: Map<string, string | Uint8Array> | undefined;
  private tail: Map<string, string | Uint8Array> | undefined;
  private readonly main: Site;
  private readonly assets: Map<string, string | Uint8Array>;

  constructor(readonly graph: Graph) {
    // The dev server lives at the root of its own address, whatever baseUrl the site will have.
    const trees = siteTrees(graph, { baseUrl: '/' });
    this.main = trees[0]!;
    for (const job of siteFileJobs(trees)) if (!this.jobs.has(job.file)) this.jobs.set(job.file, job);
    // KaTeX's files are served whether or not a page has math: which pages do is not known until all are rendered.
    this.assets = new Map(siteAssets({ math: true, initial: Array.from(siteName(this.main))[0] }).map((f) => [f.path, f.content]));
  }

  /** Whether a path of the site exists, without making it. */
  has(path: string): boolean {
    return this.get(path, { peek: true }) !== undefined;
  }

  /** The content at a path, made now if need be; undefined if the site has no such file. */
  get(path: string, options: { peek?: boolean } = {}): string | Uint8Array | undefined {
    const done = this.made.get(path);
    if (done !== undefined) return done;
    const job = this.jobs.get(path);
    if (job) {
      if (options.peek) return '';
      const made = job.render();
      const content = typeof made === 'string' ? made : made.content;
      if (typeof made !== 'string') for (const l of made.links) this.links.add(l);
      this.made.set(path, content);
      return content;
    }
    const asset = this.assets.get(path);
    if (asset !== undefined) return asset;
    if (path.endsWith('.ics')) {
      this.calendars ??= new Map(seminarFiles(this.graph, { baseUrl: '/' }).map((f) => [f.path, f.content]));
      const calendar = this.calendars.get(path);
      if (calendar !== undefined) return calendar;
    }
    if (path === 'sitemap.xml' || path === 'robots.txt') return this.everything().get(path);
    // The record's own files only when the site would copy them: under assets/, or linked from a page.
    if (!this.graph.files.includes(path)) return undefined;
    if (!path.startsWith('assets/') && !this.links.has(path) && !this.everything().has(path)) return undefined;
    if (options.peek) return '';
    try {
      return new Uint8Array(readFileSync(join(this.graph.root, path)));
    } catch {
      return undefined;
    }
  }

  /** Renders every page (once per version of the graph), for what depends on all of them: the sitemap and the linked files. */
  private everything(): Map<string, string | Uint8Array> {
    if (this.tail) return this.tail;
    const summary: PagesSummary = { math: false, sitemapPaths: [], links: new Set(), produced: new Set() };
    for (const job of this.jobs.values()) summarize(summary, job.file, job.render());
    for (const l of summary.links) this.links.add(l);
    this.tail = new Map(siteTail(this.main, summary).map((f) => [f.path, f.content]));
    return this.tail;
  }

  /** Paths made so far, to be made again after an edit. */
  served(): string[] {
    return [...this.made.keys()];
  }

  get size(): number {
    return this.jobs.size;
  }
}

export async function startDevServer(root: string, options: DevOptions = {}): Promise<DevServer> {
  const log = options.log ?? ((line: string) => void process.stderr.write(line + '\n'));
  const projectRoot = resolve(root);
  let site: LazySite | undefined;
  let errors: string | undefined;
  const clients = new Set<ServerResponse>();
  // What is kept between rebuilds: files that did not change are neither read, parsed nor validated again.
  const loadCache: LoadCache = new Map();
  const validateCache: ValidateCache = new WeakMap();
  /** What the browser was last sent at each path, to tell which open pages an edit changed. */
  let sent = new Map<string, string | Uint8Array>();

  const resolveCache: ResolveCache = { publications: new WeakMap() };
  /** openProject, reusing what did not change; and since only errors are shown, the checks that only warn run only with an error to show. */
  const open = () => {
    const diagnostics = new Diagnostics();
    const loaded = loadProject(projectRoot, diagnostics, { cache: loadCache });
    const valid = validateProject(loaded, diagnostics, { cache: validateCache });
    const graph = resolveProject(valid, diagnostics, { cache: resolveCache });
    const links = new Diagnostics();
    findDeadLinks(graph, links);
    // With an error to show, the report is the whole one, in the order `vita check` gives it.
    if (diagnostics.errorCount > 0 || links.errorCount > 0) checkConsistency(graph, diagnostics);
    return { graph, diagnostics };
  };

  const build = (): { changed: string[] | '*'; ms: number } => {
    const t0 = performance.now();
    const { graph, diagnostics } = open();
    if (diagnostics.errorCount > 0) {
      errors = formatText(diagnostics.list);
      log(errors.trimEnd());
      return { changed: [], ms: performance.now() - t0 };
    }
    errors = undefined;
    const previous = site;
    site = new LazySite(graph);
    // Only what was served can be open in a browser: make those again, and announce the ones that differ.
    const changed: string[] = [];
    const next = new Map<string, string | Uint8Array>();
    for (const path of previous?.served() ?? []) {
      const content = site.get(path);
      if (content === undefined) changed.push('/' + path);
      else {
        next.set(path, content);
        if (!same(sent.get(path), content)) changed.push('/' + path.replace(/index\.html$/, ''));
      }
    }
    sent = next;
    return { changed, ms: performance.now() - t0 };
  };

  const serve = (path: string): string | Uint8Array | undefined => {
    const content = site?.get(path);
    if (content !== undefined) sent.set(path, content);
    return content;
  };

  const announce = (changed: string[] | '*') => {
    const data = JSON.stringify({ changed, errors: errors ?? null });
    for (const c of clients) c.write(`event: built\ndata: ${data}\n\n`);
  };

  const first = build();
  log(errors ? 'vita dev: the record has errors; fix them and the site appears.' : `vita dev: ready with ${site?.size ?? 0} pages in ${first.ms.toFixed(0)} ms (each is rendered when first asked for)`);

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`event: built\ndata: ${JSON.stringify({ changed: [], errors: errors ?? null })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === LIVE_PATH) return send(res, 200, '.js', LIVE_SCRIPT);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      return send(res, 400, '.txt', 'bad request');
    }
    const found = [path, path ? `${path.replace(/\/$/, '')}/index.html` : 'index.html'].find((p) => site?.has(p));
    if (found === undefined) {
      if (site?.has(`${path}/index.html`) && !path.endsWith('/')) {
        res.writeHead(301, { location: url.pathname + '/' });
        return res.end();
      }
      const missing = serve('404.html');
      return send(res, 404, '.html', withLiveReload(typeof missing === 'string' ? missing : '<!doctype html><title>Not found</title><p>Not found.</p>'));
    }
    const content = serve(found)!;
    const type = extname(found) || '.html';
    send(res, 200, type, type === '.html' && typeof content === 'string' ? withLiveReload(content) : content);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4321, options.host ?? '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/`;

  // Edits come in bursts (an editor writes a temp file, then renames it): settle, then rebuild once.
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rebuild = () => {
    running = running.then(() => {
      const { changed, ms } = build();
      if (!errors) log(`vita dev: rebuilt in ${ms.toFixed(0)} ms, ${changed.length} file${changed.length === 1 ? '' : 's'} changed`);
      announce(changed);
    });
    return running;
  };
  const ignored = (file: string) => file.split(sep).some((part) => part.startsWith('.') || part === 'node_modules' || part === '_site' || part === 'dist');
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(projectRoot, { recursive: true }, (_event, file) => {
      if (!file || ignored(relative('.', String(file)))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void rebuild(), 40);
    });
  } catch (err) {
    log(`vita dev: cannot watch the project (${(err as Error).message}); edits will not be picked up.`);
  }

  return {
    url,
    rebuild,
    close: async () => {
      clearTimeout(timer);
      watcher?.close();
      for (const c of clients) c.end();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

function same(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

function send(res: ServerResponse, status: number, ext: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(body);
}
