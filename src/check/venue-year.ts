/** A venue that names a year other than the entry's ("ICML 2024" on a 2025 paper) is one of the two wrong. */
import type { Diagnostic, Diagnostics } from '../diagnostics/diagnostic.js';
import type { Graph, Publication } from '../resolve/graph.js';

/** Findings per publication, for `vita dev`: the same publication object, the same finding. */
export type VenueYearCache = WeakMap<Publication, Diagnostic | null>;

export function findVenueYearMismatches(graph: Graph, diagnostics: Diagnostics, cache?: VenueYearCache): void {
  for (const pub of graph.publications.values()) {
    const known = cache?.get(pub);
    if (known !== undefined) {
      if (known) diagnostics.add(known);
      continue;
    }
    const before = diagnostics.list.length;
    check(pub, diagnostics);
    cache?.set(pub, diagnostics.list.length > before ? diagnostics.list[diagnostics.list.length - 1]! : null);
  }
}

function check(pub: Publication, diagnostics: Diagnostics): void {
  const written = writtenYear(pub);
  if (!written || written.year === pub.year) return;
  diagnostics.warning(pub.source.file, pub.source.locate(written.path), 'check/venue-year', `the venue says ${written.year} but the publication's year is ${pub.year}`, {
    hint: 'one of the two is wrong: a paper appears in the year of its venue.',
    input: written.year,
  });
}

/** The year the venue states: its year, else a year in its short name, else in its name (looked for in that order). */
function writtenYear(pub: Publication): { year: number; path: string[] } | undefined {
  const venue = pub.venue;
  if (venue?.year !== undefined) return { year: venue.year, path: ['venue', 'year'] };
  const short = yearIn(venue?.short);
  if (short !== undefined) return { year: short, path: ['venue', 'short'] };
  const name = yearIn(venue?.name);
  if (name !== undefined) return { year: name, path: ['venue', 'name'] };
  return undefined;
}

function yearIn(text: string | undefined): number | undefined {
  const m = text ? /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(text) : null;
  return m ? Number(m[1]) : undefined;
}
