/**
 * `vita serve`: a built site served from its folder, under the path it was built for (its base URL), as GitHub Pages
 * or a university server would serve it. For looking at a build, not for production.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { locate, send } from './http.js';

export interface StaticOptions {
  /** The path the site was built for: "/" or "/repo/". */
  base?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Answers a request before the site does (a test serving a script of its own); true when it did. */
  before?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface StaticServer {
  /** The site's address: origin and base. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startStaticServer(folder: string, options: StaticOptions = {}): Promise<StaticServer> {
  const root = resolve(folder);
  const base = normaliseBase(options.base ?? '/');
  const isFile = (path: string) => {
    const full = join(root, path);
    if (full !== root && !full.startsWith(root + sep)) return false;
    try {
      return statSync(full).isFile();
    } catch {
      return false;
    }
  };
  const server = createServer((req, res) => {
    if (options.before?.(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '.txt', 'method not allowed');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const located = locate(url.pathname, base, isFile);
    if (located.kind === 'bad') return send(res, 400, '.txt', 'bad request');
    if (located.kind === 'redirect') {
      res.writeHead(301, { location: located.location + url.search });
      return res.end();
    }
    if (located.kind === 'missing') return send(res, 404, '.html', isFile('404.html') ? readFileSync(join(root, '404.html')) : '<!doctype html><title>Not found</title><p>Not found.</p>');
    let body: Buffer;
    try {
      body = readFileSync(join(root, located.path));
    } catch {
      return send(res, 404, '.txt', 'not found');
    }
    send(res, 200, extname(located.path) || '.html', body);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4321, options.host ?? '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${base}`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** "/repo/" from "repo", "/repo" or "https://you.github.io/repo/". */
export function normaliseBase(base: string): string {
  let path = /^[a-z][a-z0-9+.-]*:\/\//i.test(base) ? new URL(base).pathname : base;
  if (!path.startsWith('/')) path = '/' + path;
  if (!path.endsWith('/')) path += '/';
  return path;
}

/**
 * The path a built site was made for, from the canonical link of its home page (vita writes one when the site has an
 * absolute address) or from its stylesheet's address; "/" when neither says.
 */
export function builtBase(folder: string): string {
  let html: string;
  try {
    html = readFileSync(join(folder, 'index.html'), 'utf8');
  } catch {
    return '/';
  }
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  if (canonical && /^https?:\/\//.test(canonical)) return normaliseBase(canonical);
  const stylesheet = /href="([^"]*)assets\/vita\.css"/.exec(html)?.[1];
  return stylesheet && stylesheet.startsWith('/') ? normaliseBase(stylesheet) : '/';
}
