/** Renders the example once per base URL and offers small HTML look-ups for the site tests. */
import { openProject } from '../../../src/index.js';
import type { Graph } from '../../../src/resolve/graph.js';
import type { OutputFile } from '../../../src/render/output.js';
import { renderSite } from '../../../src/render/site/index.js';

export const NOW = new Date('2025-07-01T00:00:00Z');

let graph: Graph | undefined;
export function exampleGraph(): Graph {
  if (!graph) {
    const result = openProject('examples/pku-group', { today: NOW });
    if (result.diagnostics.errorCount > 0) throw new Error('the example has errors');
    graph = result.graph;
  }
  return graph;
}

const cache = new Map<string, Map<string, string | Uint8Array>>();
/** The example site as a map path -> content, for a base URL ("" = vita.yaml's). */
export function exampleSite(baseUrl = ''): Map<string, string | Uint8Array> {
  let site = cache.get(baseUrl);
  if (!site) {
    site = toMap(renderSite(exampleGraph(), { baseUrl: baseUrl || undefined, now: NOW }));
    cache.set(baseUrl, site);
  }
  return site;
}

export function toMap(files: OutputFile[]): Map<string, string | Uint8Array> {
  return new Map(files.map((f) => [f.path, f.content]));
}

export function page(site: Map<string, string | Uint8Array>, path: string): string {
  const content = site.get(path);
  if (typeof content !== 'string') throw new Error(`no page ${path}; pages: ${[...site.keys()].filter((k) => k.endsWith('.html')).slice(0, 20).join(', ')} ...`);
  return content;
}

/** Text of the HTML without tags, entities decoded (the few the renderer uses). */
export function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Every href and src value of a page, entities decoded. */
export function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

export function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

export function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}
