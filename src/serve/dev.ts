/** `vita dev`: serves the site from memory, rebuilds on every edit, and tells open pages to reload. */
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, relative, resolve, sep } from 'node:path';
import { formatText } from '../diagnostics/format.js';
import { openProject } from '../index.js';
import { seminarFiles } from '../render/calendar/index.js';
import type { OutputFile } from '../render/output.js';
import { renderSite } from '../render/site/index.js';
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

export async function startDevServer(root: string, options: DevOptions = {}): Promise<DevServer> {
  const log = options.log ?? ((line: string) => void process.stderr.write(line + '\n'));
  const projectRoot = resolve(root);
  let pages = new Map<string, string | Uint8Array>();
  let errors: string | undefined;
  const clients = new Set<ServerResponse>();

  const build = (): { changed: string[] | '*'; ms: number } => {
    const t0 = performance.now();
    const { graph, diagnostics } = openProject(projectRoot);
    if (diagnostics.errorCount > 0) {
      errors = formatText(diagnostics.list);
      log(errors.trimEnd());
      return { changed: [], ms: performance.now() - t0 };
    }
    errors = undefined;
    // The dev server lives at the root of its own address, whatever baseUrl the site will have.
    const files: OutputFile[] = [...renderSite(graph, { baseUrl: '/' }), ...seminarFiles(graph, { baseUrl: '/' })];
    const next = new Map(files.map((f) => [f.path, f.content]));
    const changed: string[] = [];
    for (const [path, content] of next) if (!same(pages.get(path), content)) changed.push('/' + path.replace(/index\.html$/, ''));
    for (const path of pages.keys()) if (!next.has(path)) changed.push('/' + path);
    pages = next;
    return { changed, ms: performance.now() - t0 };
  };

  const announce = (changed: string[] | '*') => {
    const data = JSON.stringify({ changed, errors: errors ?? null });
    for (const c of clients) c.write(`event: built\ndata: ${data}\n\n`);
  };

  const first = build();
  log(errors ? 'vita dev: the record has errors; fix them and the site appears.' : `vita dev: built ${pages.size} files in ${first.ms.toFixed(0)} ms`);

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
    const found = [path, path ? `${path.replace(/\/$/, '')}/index.html` : 'index.html'].find((p) => pages.has(p));
    if (found === undefined) {
      if (pages.has(`${path}/index.html`) && !path.endsWith('/')) {
        res.writeHead(301, { location: url.pathname + '/' });
        return res.end();
      }
      const missing = pages.get('404.html');
      return send(res, 404, '.html', withLiveReload(typeof missing === 'string' ? missing : '<!doctype html><title>Not found</title><p>Not found.</p>'));
    }
    const content = pages.get(found)!;
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
