/** The same paper entered twice: same DOI or arXiv id, or a near-identical title with the same first author. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Graph, Publication } from '../resolve/graph.js';
import { normalizeName } from '../resolve/names.js';

/**
 * The identity keys of publications seen before, for `vita dev`: the keys are what costs (titles normalized), and a
 * publication that is the same object has the same keys.
 */
export type DuplicateCache = WeakMap<Publication, string[]>;

export function findDuplicatePublications(graph: Graph, diagnostics: Diagnostics, cache?: DuplicateCache): void {
  const seen = new Map<string, Publication>();
  for (const pub of graph.publications.values()) {
    let keys = cache?.get(pub);
    if (!keys) {
      keys = identityKeys(pub);
      cache?.set(pub, keys);
    }
    const shared = keys.find((k) => seen.get(k) !== undefined && seen.get(k)!.id !== pub.id);
    const match = shared === undefined ? undefined : seen.get(shared);
    if (shared !== undefined && match) {
      const where = match.source.locate([]);
      const why = shared.startsWith('doi:') ? `the same DOI, ${pub.doi}` : shared.startsWith('arxiv:') ? `the same arXiv id, ${shared.slice(6)}` : 'the same title and first author';
      diagnostics.warning(pub.source.file, pub.source.locate([]), 'check/duplicate-publication', `"${pub.id}" looks like the same paper as "${match.id}" (${why})`, {
        hint: `${match.id} is in ${match.source.file}${where ? `:${where.line}` : ''}; keep one entry (a preprint and its published version are one paper: keep the published one with its arxiv field).`,
      });
      continue;
    }
    for (const k of keys) seen.set(k, pub);
  }
}

function identityKeys(pub: Publication): string[] {
  const keys: string[] = [];
  if (pub.doi) keys.push(`doi:${pub.doi.toLowerCase()}`);
  if (pub.arxiv) keys.push(`arxiv:${pub.arxiv.replace(/v\d+$/, '')}`);
  const first = pub.authors[0] ? normalizeName(pub.authors[0].name).split(' ').pop() : '';
  keys.push(`title:${titleKey(pub.title)}|${first}`);
  return keys;
}

/** Titles compared without case, punctuation, math markup or braces. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[{}$\\]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
