/**
 * What `vita dev` and `vita serve` answer alike: the content type of a file, and which file (or redirect, or 404) a
 * request path means, the way GitHub Pages answers: `/a/` and `/a` are `a/index.html` (the second redirected to the
 * first), anything else missing gets the site's 404 page.
 */
import type { ServerResponse } from 'node:http';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** The content type for a file name's extension (".html"), or a byte stream. */
export function contentType(ext: string): string {
  return CONTENT_TYPES[ext.toLowerCase()] ?? 'application/octet-stream';
}

export function send(res: ServerResponse, status: number, ext: string, body: string | Uint8Array, cache = 'no-store'): void {
  res.writeHead(status, { 'content-type': contentType(ext), 'cache-control': cache });
  res.end(body);
}

/** What a request path means for a site served under `base`. */
export type Located =
  | { kind: 'file'; path: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' }
  | { kind: 'bad' };

/**
 * The site file (relative, POSIX) a request's path names, for a site whose files answer `has(path)` and that lives
 * under `base` ("/" or "/repo/"). A folder without its final slash is redirected to it; the site's root asked
 * without the base is redirected to the base, so that `http://127.0.0.1:4321/` leads to a site built for `/repo/`.
 */
export function locate(pathname: string, base: string, has: (path: string) => boolean): Located {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad' };
  }
  if (decoded.includes('\0')) return { kind: 'bad' };
  if (base !== '/' && (decoded === '/' || decoded === '/index.html' || decoded === base.slice(0, -1))) return { kind: 'redirect', location: base };
  if (!decoded.startsWith(base)) return { kind: 'missing' };
  const path = decoded.slice(base.length);
  // Nothing outside the site: no ".." segment, however written.
  if (path.split(/[\\/]/).includes('..')) return { kind: 'bad' };
  if (path === '' || path.endsWith('/')) {
    const index = `${path}index.html`;
    return has(index) ? { kind: 'file', path: index } : { kind: 'missing' };
  }
  if (has(path)) return { kind: 'file', path };
  if (has(`${path}/index.html`)) return { kind: 'redirect', location: `${pathname}/` };
  return { kind: 'missing' };
}
