/**
 * Which files of a rebuild's plan are likely to be rendered again, known before any is looked at: the pages of the
 * papers whose data changed, among the papers of record files written since the last build. A hint for the order
 * alone (write/build-thread.ts takes their search shards first; every file is still looked at): it costs a digest
 * of a few thousand papers rather than of every paper.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Graph } from '../resolve/graph.js';
import { paths } from '../render/site/context.js';

export interface LastBuild {
  /** Each fact the last build noted, with its value then. */
  facts: readonly (readonly [string, string])[];
  /** When its state was written (ms since the epoch). */
  since: number;
}

/**
 * For each of `files`, whether it is the page of an edited paper. `value` gives a fact's value in this build's graph
 * ("pub:key": a digest of the paper), `slugs` each paper's folder name. Undefined when no paper looks edited.
 */
export function editedPaperPages(graph: Graph, files: readonly string[], last: LastBuild, value: (fact: string) => string, slugs: ReadonlyMap<string, string>): boolean[] | undefined {
  const newer = new Map<string, boolean>();
  const writtenSince = (file: string): boolean => {
    let is = newer.get(file);
    if (is === undefined) {
      try {
        is = statSync(resolve(graph.root, file)).mtimeMs >= last.since;
      } catch {
        is = true;
      }
      newer.set(file, is);
    }
    return is;
  };
  const papers = new Map<string, string>();
  for (const [key, paper] of graph.publications) if (writtenSince(paper.source.file)) papers.set(`pub:${key}`, key);
  if (!papers.size) return undefined;
  const edited = new Set<string>();
  const known = new Set<string>();
  for (const [fact, before] of last.facts) {
    const key = papers.get(fact);
    if (key === undefined) continue;
    known.add(fact);
    if (value(fact) !== before) edited.add(key);
  }
  // A paper the last build did not know has a new page.
  for (const [fact, key] of papers) if (!known.has(fact)) edited.add(key);
  if (!edited.size) return undefined;
  const pages = new Set([...edited].map((key) => `${paths.publication(slugs.get(key) ?? key)}index.html`));
  // A person's site inside a group's has pages of papers of its own, under its folder.
  return files.map((f) => pages.has(f.slice(Math.max(0, f.lastIndexOf('publications/')))));
}
