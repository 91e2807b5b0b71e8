/**
 * The citation counts `vita metrics` fetched, kept in the project as metrics/citations.yaml and committed with the
 * record: a build reads them here and never goes online (the counts are as old as the file says, and a diff shows
 * what changed). Only read; what the entries must be is validate/metrics.ts's business.
 */
import { join } from 'node:path';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readText, stampOf } from './files.js';
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

/** The file as last read, for `vita dev`: read again only when its date changes. */
export interface MetricsMemory {
  stamp: string;
  loaded: LoadedMetrics | undefined;
  diagnostics: Diagnostic[];
}

/**
 * loadMetrics for `vita dev`: the last reading when the file did not change; otherwise read again, and named among
 * the changed files (`changed`), so that an edit of the counts alone rebuilds the pages.
 */
export function loadMetricsCached(root: string, files: readonly string[], memory: { metrics?: MetricsMemory; changed: string[] }, diagnostics: Diagnostics): LoadedMetrics | undefined {
  const stamp = files.includes(METRICS_FILE) ? (stampOf(join(root, METRICS_FILE)) ?? 'unreadable') : 'none';
  let held = memory.metrics;
  if (!held || held.stamp !== stamp || stamp === 'unreadable') {
    const own = new Diagnostics();
    held = memory.metrics = { stamp, loaded: loadMetrics(root, files, own), diagnostics: own.list };
    if (!memory.changed.includes(METRICS_FILE)) memory.changed.push(METRICS_FILE);
  }
  for (const d of held.diagnostics) diagnostics.add(d);
  return held.loaded;
}
