/** A venue that names a year other than the entry's ("ICML 2024" on a 2025 paper) is one of the two wrong. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Graph } from '../resolve/graph.js';

export function findVenueYearMismatches(graph: Graph, diagnostics: Diagnostics): void {
  for (const pub of graph.publications.values()) {
    const written = [
      { year: pub.venue?.year, path: ['venue', 'year'] },
      { year: yearIn(pub.venue?.short), path: ['venue', 'short'] },
      { year: yearIn(pub.venue?.name), path: ['venue', 'name'] },
    ].find((w) => w.year !== undefined);
    if (!written || written.year === pub.year) continue;
    diagnostics.warning(pub.source.file, pub.source.locate(written.path), 'check/venue-year', `the venue says ${written.year} but the publication's year is ${pub.year}`, {
      hint: 'one of the two is wrong: a paper appears in the year of its venue.',
      input: written.year,
    });
  }
}

function yearIn(text: string | undefined): number | undefined {
  const m = text ? /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(text) : null;
  return m ? Number(m[1]) : undefined;
}
