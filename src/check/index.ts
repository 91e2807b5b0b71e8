/** Consistency findings over the resolved graph: what is valid alone but wrong together. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Graph } from '../resolve/graph.js';
import type { Site } from '../render/site/context.js';
import { findDuplicatePublications, type DuplicateCache } from './duplicates.js';
import { findDeadLinks, newLinkCache, type ChangedPublications, type LinkCache } from './links.js';
import { findPathClashes, pathClashReporter } from './page-paths.js';
import { findOutputCollisions } from './output-paths.js';
import { findUnknownFiles } from './files.js';
import { findOverdueMembers } from './members.js';
import { findStaleEntries } from './stale.js';
import { findVenueYearMismatches, type VenueYearCache } from './venue-year.js';

/** What the checks found per person or publication, for `vita dev`: what did not change is not checked again. */
export interface CheckCache {
  duplicates: DuplicateCache;
  venueYear: VenueYearCache;
  links: LinkCache;
}

export function newCheckCache(): CheckCache {
  return { duplicates: new WeakMap(), venueYear: new WeakMap(), links: newLinkCache() };
}

export interface CheckOptions {
  today?: Date;
  cache?: CheckCache;
  /** With a cache: the publications changed since the last check with it (see resolve's changedPublications). */
  changed?: ChangedPublications;
  /** The site's language trees as a build will render them: planned once, for the check and the build (see output-paths.ts). */
  siteTrees?: (graph: Graph) => Site[];
}

export function checkConsistency(graph: Graph, diagnostics: Diagnostics, options: CheckOptions = {}): void {
  const cache = options.cache;
  findDuplicatePublications(graph, diagnostics, cache?.duplicates);
  findVenueYearMismatches(graph, diagnostics, cache?.venueYear);
  findStaleEntries(graph, diagnostics, options.today);
  findDeadLinks(graph, diagnostics, cache?.links, options.changed);
  // Planned without a cache only (check, build): `vita dev` serves from memory, where no page overwrites another file.
  // That plan of every file tells the clashes of hand-written pages too: the site is planned once, not twice.
  if (cache) findPathClashes(graph, diagnostics);
  else findOutputCollisions(graph, diagnostics, pathClashReporter(graph, diagnostics), options.siteTrees?.(graph));
  findOverdueMembers(graph, diagnostics, options.today);
  findUnknownFiles(graph, diagnostics);
}
