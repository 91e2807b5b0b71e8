/** Consistency findings over the resolved graph: what is valid alone but wrong together. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Graph } from '../resolve/graph.js';
import { findDuplicatePublications } from './duplicates.js';
import { findDeadLinks } from './links.js';
import { findStaleEntries } from './stale.js';
import { findVenueYearMismatches } from './venue-year.js';

export function checkConsistency(graph: Graph, diagnostics: Diagnostics, options: { today?: Date } = {}): void {
  findDuplicatePublications(graph, diagnostics);
  findVenueYearMismatches(graph, diagnostics);
  findStaleEntries(graph, diagnostics, options.today);
  findDeadLinks(graph, diagnostics);
}
