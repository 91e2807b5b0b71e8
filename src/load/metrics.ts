/**
 * The citation counts `vita metrics` fetched, kept in the project as metrics/citations.yaml and committed with the
 * record: a build reads them here and never goes online (the counts are as old as the file says, and a diff shows
 * what changed). Only read; what the entries must be is validate/metrics.ts's business.
 */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { readText } from './files.js';
import type { LoadedMetrics } from './record.js';
import { readYaml } from './yaml.js';

/** Where the counts live, project-relative. */
export const METRICS_FILE = 'metrics/citations.yaml';

/** The project's metrics file, parsed with its positions, when the project has one. */
export function loadMetrics(root: string, files: readonly string[], diagnostics: Diagnostics): LoadedMetrics | undefined {
  if (!files.includes(METRICS_FILE)) return undefined;
  const text = readText(root, METRICS_FILE, diagnostics);
  if (text === undefined) return undefined;
  const parsed = readYaml(METRICS_FILE, text, diagnostics);
  if (!parsed.ok) return undefined;
  return { file: METRICS_FILE, value: parsed.value, locate: parsed.locate };
}
