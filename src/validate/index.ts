/** Runs each raw record through its schema: typed records out, every problem reported. */
import { Diagnostics as DiagnosticList, type Diagnostics } from '../diagnostics/diagnostic.js';
import type { LoadedProject } from '../load/record.js';
import { validateCached, type ValidateCache } from './cache.js';
import { duplicatesIn, reportDuplicateEvents, reportDuplicateIds } from './duplicates.js';
import { validateMetrics, type ValidMetrics } from './metrics.js';
import { validateRecord } from './record.js';
import { emptyRecord, place, type ValidRecord } from './valid-record.js';

export { newValidateCache, type ValidateCache } from './cache.js';
export { validateRecord } from './record.js';
export { validateMetrics, type CitationCount, type ValidMetrics } from './metrics.js';
export { emptyRecord, place, type Located, type ValidRecord } from './valid-record.js';

/** validateMetrics once per reading of the file (`vita dev` reads it again only when it changes). */
function validateMetricsCached(loaded: LoadedProject['metrics'], diagnostics: Diagnostics, cache: ValidateCache): ValidMetrics | undefined {
  if (!loaded) return undefined;
  let held = cache.metrics?.loaded === loaded ? cache.metrics : undefined;
  if (!held) {
    const own = new DiagnosticList();
    held = cache.metrics = { loaded, valid: validateMetrics(loaded, own), diagnostics: own.list };
  }
  for (const d of held.diagnostics) diagnostics.add(d);
  return held.valid;
}

export function validateProject(project: LoadedProject, diagnostics: Diagnostics, options: { cache?: ValidateCache } = {}): ValidRecord {
  if (options.cache) {
    const cached = validateCached(project, diagnostics, options.cache);
    cached.metrics = validateMetricsCached(project.metrics, diagnostics, options.cache);
    return cached;
  }
  const out = emptyRecord(project);
  out.metrics = validateMetrics(project.metrics, diagnostics);
  for (const raw of project.records) {
    const valid = validateRecord(raw, diagnostics);
    if (valid) place(out, raw.kind, valid);
  }
  reportDuplicateIds(out.publications, duplicatesIn(out.publications.map((p) => p.id)), 'publication', diagnostics);
  reportDuplicateEvents(out.events, diagnostics);
  return out;
}

