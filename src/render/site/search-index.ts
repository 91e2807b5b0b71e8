/**
 * Site search: Pagefind indexes the rendered pages in memory (no second pass over the disk) and hands back
 * its bundle as files under pagefind/, which the write stage writes like any other. Only content inside
 * `data-pagefind-body` (each page's <main>) is indexed; Pagefind splits the index by the pages' `lang`.
 */
import type { OutputFile } from '../output.js';

export interface SearchIndexResult {
  files: OutputFile[];
  pages: number;
  /** Set when search could not be built (Pagefind missing for this platform ...): the site works without it. */
  problem?: string;
}

/**
 * URLs in the index are relative to the site's root ("/people/lei-wu/"): Pagefind's interface prefixes the
 * folder it was loaded from, so the same index works at a domain root and under a sub-path.
 */
export async function searchIndex(files: readonly OutputFile[]): Promise<SearchIndexResult> {
  const pages = new Map<string, string>();
  for (const f of files) if (typeof f.content === 'string') pages.set(f.path, f.content);
  return searchIndexOf([...pages.keys()], (path) => pages.get(path)!);
}

/** The index of pages read one at a time (from memory or from the disk), so no more than one is held here. */
export async function searchIndexOf(paths: readonly string[], read: (path: string) => string): Promise<SearchIndexResult> {
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (err) {
    return { files: [], pages: 0, problem: `Pagefind is not installed (${(err as Error).message})` };
  }
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return { files: [], pages: 0, problem: errors.join('; ') || 'Pagefind could not start' };
    let pages = 0;
    for (const path of paths) {
      if (!path.endsWith('.html') || path === '404.html') continue;
      const content = read(path);
      if (!content.includes('data-pagefind-body')) continue;
      const url = '/' + path.replace(/index\.html$/, '');
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length === 0) pages++;
    }
    const out = await index.getFiles();
    await index.deleteIndex();
    if (out.errors.length) return { files: [], pages: 0, problem: out.errors.join('; ') };
    return { files: out.files.map((f) => ({ path: `pagefind/${f.path.replace(/^\/+/, '')}`, content: f.content })), pages };
  } catch (err) {
    return { files: [], pages: 0, problem: `Pagefind failed: ${(err as Error).message}` };
  } finally {
    await pagefind.close().catch(() => undefined);
  }
}
