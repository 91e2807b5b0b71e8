/** vita's library API: the same stages the command line runs, one function each. */
import { resolve as resolvePath } from 'node:path';
import { checkConsistency, newCheckCache, type CheckCache } from './check/index.js';
import { Diagnostics } from './diagnostics/diagnostic.js';
import { loadProject, newLoadCache, type LoadCache } from './load/project.js';
import type { RecordCache } from './load/record-cache.js';
import type { Graph } from './resolve/graph.js';
import type { Site } from './render/site/context.js';
import { changedPublications, newResolveCache, resolveProject, type ResolveCache } from './resolve/index.js';
import { newValidateCache, validateProject, type ValidateCache } from './validate/index.js';

export { Diagnostics, sortDiagnostics, type Diagnostic, type Severity, type Span } from './diagnostics/diagnostic.js';
export { formatJson, formatText, summary } from './diagnostics/format.js';
export { loadProject, roleOf } from './load/project.js';
export type { RecordCache } from './load/record-cache.js';
export { validateProject, type ValidRecord, type Located } from './validate/index.js';
export { resolveProject } from './resolve/index.js';
export { checkConsistency } from './check/index.js';
export { findCitations, numberPublications, replaceCitations } from './resolve/citations.js';
export { legend, marksUsed, byDateDescending } from './resolve/publications.js';
export type * from './resolve/graph.js';

export interface ProjectResult {
  graph: Graph;
  diagnostics: Diagnostics;
}

/**
 * What each stage keeps between two openings of the same project, so that the second one redoes only what the
 * edits in between changed (`vita dev`). The result is the one a fresh opening gives; the graph's map of publications
 * is updated in place when its keys stay the same, so a graph opened with a cache holds until the next opening.
 */
export interface ProjectCache {
  load: LoadCache;
  validate: ValidateCache;
  resolve: ResolveCache;
  check: CheckCache;
}

export function newProjectCache(): ProjectCache {
  return { load: newLoadCache(), validate: newValidateCache(), resolve: newResolveCache(), check: newCheckCache() };
}

export interface OpenOptions {
  /** "Now", for the checks that depend on it (entries pending for years). */
  today?: Date;
  /** Kept from the last opening of this project; updated. */
  cache?: ProjectCache;
  /** With a cache: the files changed since the last opening (a watcher's paths); without, every file is looked at. */
  changed?: Iterable<string>;
  /** Where each file as loaded is kept between openings, so that only changed files are parsed (load/record-cache.ts). */
  recordCache?: RecordCache;
  /**
   * The site's language trees as the caller will render them (a build): the check plans every file of the site from
   * them, and what it works out on the way (the group's list by year, each person's ...) is kept for the rendering.
   */
  siteTrees?: (graph: Graph) => Site[];
}

/** load -> validate -> resolve -> consistency findings, with every diagnostic collected. */
export function openProject(root: string, options: OpenOptions = {}): ProjectResult {
  const { cache, today } = options;
  const diagnostics = new Diagnostics();
  const loaded = loadProject(resolvePath(root), diagnostics, { cache: cache?.load, changed: options.changed, recordCache: options.recordCache });
  const valid = validateProject(loaded, diagnostics, { cache: cache?.validate });
  const graph = resolveProject(valid, diagnostics, { cache: cache?.resolve });
  checkConsistency(graph, diagnostics, { today, cache: cache?.check, changed: cache && changedPublications(cache.resolve), siteTrees: options.siteTrees });
  return { graph, diagnostics };
}
