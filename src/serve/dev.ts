/** `vita dev`: serves the site from memory, rebuilds on every edit, and tells open pages to reload. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve } from 'node:path';
import { checkConsistency } from '../check/index.js';
import { findDeadLinks } from '../check/links.js';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatText } from '../diagnostics/format.js';
import { newProjectCache } from '../index.js';
import { loadProject } from '../load/project.js';
import type { Graph } from '../resolve/graph.js';
import { changedPublications, resolveProject } from '../resolve/index.js';
import { validateProject } from '../validate/index.js';
import type { SiteOptions } from '../render/site/context.js';
import { loadTheme, THEME_DIR } from '../render/site/theme.js';
import { locate, send } from './http.js';
import { LazySite } from './lazy-site.js';
import { IMAGE_FOLDER } from '../render/site/parts/picture.js';
import { makeImages } from '../write/images.js';
import { EVENTS_PATH, LIVE_PATH, LIVE_SCRIPT, withLiveReload } from './live-reload.js';
import { watchProject, type ProjectWatcher } from './watch.js';

/**
 * Edits come in bursts (an editor writes a temporary file, then renames it; `git checkout` replaces many files):
 * this long without one, the burst is over.
 */
const SETTLE_MS = 50;
/** After a rebuild of the files the watcher named, every file is looked at once things are quiet, in case it missed one. */
const VERIFY_MS = 1500;

export interface DevOptions {
  host?: string;
  port?: number;
  log?: (line: string) => void;
}

export interface DevServer {
  url: string;
  /**
   * Rebuilds now (the watcher rebuilds by itself); resolves when open pages have been told. `changed`: the files that
   * changed, project-relative, as a watcher names them; without it, every file is looked at.
   */
  rebuild(changed?: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startDevServer(root: string, options: DevOptions = {}): Promise<DevServer> {
  const log = options.log ?? ((line: string) => void process.stderr.write(line + '\n'));
  const projectRoot = resolve(root);
  let site: LazySite | undefined;
  /** Whether the project was opened once: after that, a look that finds no file changed does nothing. */
  let opened = false;
  let errors: string | undefined;
  const clients = new Set<ServerResponse>();
  /** What the browser was last sent at each path, to tell which open pages an edit changed. */
  let sent = new Map<string, string | Uint8Array>();
  // What is kept between rebuilds: what did not change is neither read, parsed, validated, resolved nor checked again.
  let cache = newProjectCache();
  /** The last graph without errors, for a theme edit (which changes no record). */
  let graph: Graph | undefined;
  /** The theme, imported again after each edit of theme/; a new options object reports its problems afresh. */
  let siteOptions: SiteOptions = {};
  let themeChanged = false;
  const reloadTheme = async () => {
    const theme = await loadTheme(projectRoot);
    const report = (d: Diagnostic) => log(formatText([d]).trimEnd());
    for (const d of theme?.diagnostics ?? []) report(d);
    siteOptions = { theme, onDiagnostic: report };
    themeChanged = true;
  };
  await reloadTheme();

  /**
   * openProject, reusing what did not change (`changed`: the files the watcher named; undefined: look at all). Since
   * only errors are shown, the checks that only warn run only with an error to show. Undefined if nothing changed.
   */
  const open = (changed?: Iterable<string>): { graph: Graph; diagnostics: Diagnostics } | undefined => {
    const diagnostics = new Diagnostics();
    const loaded = loadProject(projectRoot, diagnostics, { cache: cache.load, changed });
    if (opened && cache.load.changed.length === 0) return undefined;
    opened = true;
    const valid = validateProject(loaded, diagnostics, { cache: cache.validate });
    const graph = resolveProject(valid, diagnostics, { cache: cache.resolve });
    const links = new Diagnostics();
    const publications = changedPublications(cache.resolve);
    findDeadLinks(graph, links, cache.check.links, publications);
    // With an error to show, the report is the whole one, in the order `vita check` gives it.
    if (diagnostics.errorCount > 0 || links.errorCount > 0) checkConsistency(graph, diagnostics, { cache: cache.check, changed: publications });
    return { graph, diagnostics };
  };

  const build = (changed?: Iterable<string>): { changed: string[]; ms: number } | undefined => {
    const t0 = performance.now();
    const opened = open(changed);
    const result = opened ?? (themeChanged && graph && !errors ? { graph, diagnostics: new Diagnostics() } : undefined);
    themeChanged = false;
    if (!result) return undefined;
    const { diagnostics } = result;
    graph = result.graph;
    if (diagnostics.errorCount > 0) {
      errors = formatText(diagnostics.list);
      log(errors.trimEnd());
      return { changed: [], ms: performance.now() - t0 };
    }
    errors = undefined;
    const previous = site;
    site = new LazySite(graph, previous, siteOptions);
    // Only what was served can be open in a browser: make those again, and announce the ones that differ.
    const differ: string[] = [];
    const next = new Map<string, string | Uint8Array>();
    for (const path of previous?.served() ?? []) {
      const content = site.get(path);
      if (content === undefined) differ.push('/' + path);
      else {
        next.set(path, content);
        if (!same(sent.get(path), content)) differ.push('/' + path.replace(/index\.html$/, ''));
      }
    }
    sent = next;
    return { changed: differ, ms: performance.now() - t0 };
  };

  const serve = (path: string): string | Uint8Array | undefined => {
    const content = site?.get(path);
    if (content !== undefined) sent.set(path, content);
    return content;
  };

  const announce = (changed: string[]) => {
    const data = JSON.stringify({ changed, errors: errors ?? null });
    for (const c of clients) c.write(`event: built\ndata: ${data}\n\n`);
  };

  /**
   * A rebuild that threw (a bug in vita, or input it did not foresee): shown in the terminal and over the page like
   * the record's errors, the last good site stays served, and the next rebuild starts afresh (what was kept may be
   * half-updated).
   */
  const failed = (err: unknown, when: string) => {
    errors = internalError(err, when);
    log(errors.trimEnd());
    cache = newProjectCache();
    opened = false;
  };

  let first: ReturnType<typeof build>;
  try {
    first = build();
  } catch (err) {
    failed(err, 'building the site');
  }
  log(errors ? 'vita dev: the site cannot be made yet; fix what is shown above and it appears.' : `vita dev: ready with ${site?.size ?? 0} pages in ${first?.ms.toFixed(0)} ms (each is rendered when first asked for)`);

  const server: Server = createServer((req, res) => {
    try {
      respond(req.url, req, res);
    } catch (err) {
      // A page is rendered when first asked for: what throws then is shown on that page, and the server goes on.
      const report = internalError(err, `making ${req.url}`);
      log(report.trimEnd());
      if (!res.headersSent) send(res, 500, '.html', withLiveReload(`<!doctype html><meta charset="utf-8"><title>vita dev: error</title><pre>${escapeHtml(report)}</pre>`));
      else res.end();
    }
  });

  const respond = (target: string | undefined, req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(target ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`event: built\ndata: ${JSON.stringify({ changed: [], errors: errors ?? null })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === LIVE_PATH) return send(res, 200, '.js', LIVE_SCRIPT);
    // The site is rendered for the domain root while previewing.
    const located = locate(url.pathname, '/', (p) => site?.has(p) ?? false);
    if (located.kind === 'bad') return send(res, 400, '.txt', 'bad request');
    if (located.kind === 'redirect') {
      res.writeHead(301, { location: located.location });
      res.end();
      return;
    }
    if (located.kind === 'missing') {
      // A resized image the pages show: made when first asked for (kept in .vita-cache/images), as the build would.
      const path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const variant = path.startsWith(`${IMAGE_FOLDER}/`) && graph ? site?.image(path) : undefined;
      if (variant && graph) {
        void makeImages(graph.root, [variant]).then(
          (made) => (made.files[0] ? send(res, 200, extname(path), made.files[0].content) : send(res, 404, '.txt', made.warnings.join('\n') || 'not found')),
          (err: Error) => send(res, 500, '.txt', err.message),
        );
        return;
      }
      const missing = serve('404.html');
      return send(res, 404, '.html', withLiveReload(typeof missing === 'string' ? missing : '<!doctype html><title>Not found</title><p>Not found.</p>'));
    }
    const content = serve(located.path)!;
    const type = extname(located.path) || '.html';
    send(res, 200, type, type === '.html' && typeof content === 'string' ? withLiveReload(content) : content);
  };

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4321, options.host ?? '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/`;

  let running = Promise.resolve();
  /** Runs a task once the ones queued are done; one that throws is shown and does not stop the ones after it. */
  const queue = (task: () => void | Promise<void>, when: string) => {
    running = running.then(task).catch((err: unknown) => {
      failed(err, when);
      announce([]);
    });
    return running;
  };
  /** Rebuilds once the ones queued are done: with the files named (the watcher's), or looking at all. */
  const rebuild = (changed?: Iterable<string>, quiet = false) =>
    queue(() => {
      const built = build(changed);
      if (!built && quiet) return;
      if (!errors) log(`vita dev: rebuilt in ${(built?.ms ?? 0).toFixed(0)} ms, ${built?.changed.length ?? 0} file${built?.changed.length === 1 ? '' : 's'} changed`);
      announce(built?.changed ?? []);
    }, 'rebuilding the site');
  const isTheme = (f: string) => f === THEME_DIR || f.startsWith(THEME_DIR + '/');

  // The files the watcher named since the last rebuild; `undefined` once one could not be named (then all are looked at).
  let named: Set<string> | undefined = new Set();
  let timer: NodeJS.Timeout | undefined;
  let verify: NodeJS.Timeout | undefined;
  const saw = (file: string) => {
    if (file) named?.add(file);
    else named = undefined;
    clearTimeout(timer);
    clearTimeout(verify);
    timer = setTimeout(() => {
      const files = named;
      named = new Set();
      // An edit of theme/ (or one the watcher could not name) imports the theme again before the rebuild.
      if (files === undefined || [...files].some(isTheme)) void queue(reloadTheme, 'importing the theme');
      void rebuild(files, true);
      verify = setTimeout(() => void rebuild(undefined, true), VERIFY_MS);
    }, SETTLE_MS);
  };
  let watcher: ProjectWatcher | undefined;
  try {
    watcher = await watchProject(projectRoot, saw, (message) => log(`vita dev: ${message}`));
  } catch (err) {
    log(`vita dev: cannot watch the project (${(err as Error).message}); edits will not be picked up.`);
  }

  return {
    url,
    rebuild: (changed?: string[]) => {
      // Looking at every file covers what the watcher named so far.
      if (!changed) named = new Set();
      if (!changed || changed.some((f) => isTheme(f.replaceAll('\\', '/')))) void queue(reloadTheme, 'importing the theme');
      return rebuild(changed);
    },
    close: async () => {
      clearTimeout(timer);
      clearTimeout(verify);
      await watcher?.close();
      for (const c of clients) c.end();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** What an exception says, for the terminal and the overlay: a bug in vita, to report. */
function internalError(err: unknown, when: string): string {
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  return `vita dev: internal error while ${when} (this is a bug in vita; please report it with the text below). The last good site is still served; the next save rebuilds from scratch.\n${detail}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function same(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

