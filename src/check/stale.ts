/** "In preparation" and "under review" entries that have not moved for years are probably out of date. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Graph } from '../resolve/graph.js';

const PENDING = new Set(['in-preparation', 'under-review', 'submitted']);

export function findStaleEntries(graph: Graph, diagnostics: Diagnostics, today: Date = new Date()): void {
  const limit = graph.config.staleAfterYears;
  for (const pub of graph.publications.values()) {
    if (!PENDING.has(pub.status)) continue;
    const age = today.getUTCFullYear() - pub.year;
    if (age <= limit) continue;
    diagnostics.warning(pub.source.file, pub.source.locate(['status']), 'check/stale-status', `"${pub.id}" has been ${pub.status.replace(/-/g, ' ')} since ${pub.year}`, {
      hint: 'update its status (published, preprint) or remove it; old pending entries weaken a CV.',
    });
  }
}
