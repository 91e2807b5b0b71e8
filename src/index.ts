/** vita's library API: the same stages the command line runs, one function each. */
import { resolve as resolvePath } from 'node:path';
import { checkConsistency } from './check/index.js';
import { Diagnostics } from './diagnostics/diagnostic.js';
import { loadProject } from './load/project.js';
import type { Graph } from './resolve/graph.js';
import { resolveProject } from './resolve/index.js';
import { validateProject } from './validate/index.js';

export { Diagnostics, sortDiagnostics, type Diagnostic, type Severity, type Span } from './diagnostics/diagnostic.js';
export { formatJson, formatText, summary } from './diagnostics/format.js';
export { loadProject, roleOf } from './load/project.js';
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

/** load -> validate -> resolve -> consistency findings, with every diagnostic collected. */
export function openProject(root: string, options: { today?: Date } = {}): ProjectResult {
  const diagnostics = new Diagnostics();
  const loaded = loadProject(resolvePath(root), diagnostics);
  const valid = validateProject(loaded, diagnostics);
  const graph = resolveProject(valid, diagnostics);
  checkConsistency(graph, diagnostics, options);
  return { graph, diagnostics };
}
