// Shared by the import tests: a fresh folder, an import into it, the tree's bytes, the project opened.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSource, type ImportOptions, type ImportResult } from '../../src/import/index.js';
import { openProject, type Graph } from '../../src/index.js';
import { cvMarkdown, cvModel } from '../../src/render/cv/index.js';
import { renderSite } from '../../src/render/site/index.js';

export const FIXTURES = 'test/fixtures/import';
/** Every file under a folder with its bytes, for "nothing changed" comparisons. */
export { contentsUnder as tree } from '../files.js';

export function tempDir(prefix = 'vita-import-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function run(source: string, into: string, options: Partial<ImportOptions> = {}): Promise<ImportResult> {
  return importSource(source, { into, ...options });
}

export function errorsOf(root: string) {
  const { graph, diagnostics } = openProject(root, { today: new Date('2026-11-01') });
  return { graph, errors: diagnostics.list.filter((d) => d.severity === 'error') };
}

/** "Name[equal,lead]" per author: roles at a glance. */
export function authorsOf(pub: { authors: { name: string; roles: readonly string[] }[] }): string[] {
  return pub.authors.map((a) => (a.roles.length ? `${a.name}[${a.roles.join(',')}]` : a.name));
}

/** What a command printed on stdout while it ran, and its exit status. */
export async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    return { code: await fn(), out };
  } finally {
    process.stdout.write = write;
  }
}

/** The site's pages as text by path, and a person's full CV as Markdown: where an imported item must show. */
export function builtSite(graph: Graph): Map<string, string> {
  const pages = new Map<string, string>();
  for (const f of renderSite(graph)) if (f.path.endsWith('.html')) pages.set(f.path, typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8'));
  return pages;
}

export function cvOf(graph: Graph, person: string): string {
  return cvMarkdown(cvModel(graph, person));
}

/** Text as it shows on a page: tags dropped, entities decoded, spaces single. */
export function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&nbsp;|&#160;/g, ' ')
    .replace(/\s+/g, ' ');
}
