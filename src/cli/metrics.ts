/** `vita metrics [project] [--offline] [--dry-run] [--mailto email]`: counts citations, prints what changed; exit 1 on errors. */
import { METRICS_FILE } from '../load/metrics.js';
import { updateMetrics, type MetricsResult } from '../import/metrics.js';
import { progressBar } from '../import/progress.js';

export interface MetricsCommandOptions {
  offline?: boolean;
  dryRun?: boolean;
  mailto?: string;
}

export async function runMetrics(project: string, options: MetricsCommandOptions = {}): Promise<number> {
  const result = await updateMetrics(project, { ...options, progress: progressBar(process.stderr) });
  process.stdout.write(formatMetrics(result, options));
  return result.ok ? 0 : 1;
}

/** The summary: how many papers have a count, which counts moved, each person's totals, what was written. */
export function formatMetrics(result: MetricsResult, options: MetricsCommandOptions = {}): string {
  const lines: string[] = [];
  for (const n of result.notes) {
    const where = n.file ? `${n.file}${n.line ? `:${n.line}` : ''}: ` : '';
    lines.push(`${where}${n.severity}: ${n.message}${n.hint ? `\n  hint: ${n.hint}` : ''}`);
  }
  if (!result.ok) return lines.join('\n') + '\n';
  const sources = Object.entries(result.sources)
    .sort()
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  lines.push(`${result.counted} of ${result.publications} publications have a citation count${sources ? ` (${sources})` : ''}${result.offline ? `, as ${METRICS_FILE} holds them (--offline: nothing asked)` : ''}.`);
  const unmatched = `${result.unmatched.slice(0, 12).join(', ')}${result.unmatched.length > 12 ? ', ...' : ''}`;
  if (result.unmatched.length && result.offline) lines.push(`${METRICS_FILE} has no count for ${result.unmatched.length}: ${unmatched} (run vita metrics without --offline to count them).`);
  else if (result.unmatched.length) lines.push(`No count found for ${result.unmatched.length}: ${unmatched} (a DOI or an arXiv id in the record helps).`);
  if (!result.offline) {
    if (result.changes.length === 0) lines.push('No count changed.');
    else {
      lines.push(`Changed (${result.changes.length}):`);
      const width = Math.min(40, Math.max(...result.changes.map((c) => c.id.length)));
      for (const c of result.changes) {
        const what = c.before === undefined ? `new: ${c.after}` : c.after === undefined ? `dropped (was ${c.before})` : `${c.before} -> ${c.after} (${c.after - c.before >= 0 ? '+' : ''}${c.after - c.before})`;
        lines.push(`  ${c.id.padEnd(width)}  ${what}`);
      }
    }
  }
  for (const p of result.people) {
    const m = p.metrics;
    lines.push(`${p.name}: ${m.citations} citations, h-index ${m.hIndex}, i10-index ${m.i10Index} (counted ${m.asOf} or later)`);
  }
  if (result.wrote) lines.push(`Wrote ${METRICS_FILE}: commit it with the record (builds read it and never go online).`);
  else if (options.dryRun && result.changes.length) lines.push(`--dry-run: ${METRICS_FILE} was not written.`);
  return lines.join('\n') + '\n';
}
