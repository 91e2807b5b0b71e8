/**
 * Citation counts put on the graph: each publication's count (from metrics/citations.yaml, validated) and each
 * person's totals, h-index and i10-index over their publications in the record. A work that two entries of the record
 * name (a preprint and its published version that the source counts as one work, by the same address) is counted
 * once, with the larger count: never the sum.
 */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { CitationCount, ValidMetrics } from '../validate/index.js';
import type { Person, PersonMetrics, Publication } from './graph.js';

/** The largest h such that h of the counts are h or more (Hirsch 2005). */
export function hIndex(counts: readonly number[]): number {
  const sorted = [...counts].sort((a, b) => b - a);
  let h = 0;
  while (h < sorted.length && sorted[h]! >= h + 1) h++;
  return h;
}

/** How many counts are 10 or more (Google Scholar's i10-index). */
export function i10Index(counts: readonly number[]): number {
  return counts.filter((c) => c >= 10).length;
}

/**
 * Puts each publication's count on it (and takes away one no longer in the file: in `vita dev` the publications are
 * the last build's objects), and reports counts for publications the record does not have.
 */
export function attachCitations(publications: Map<string, Publication>, metrics: ValidMetrics | undefined, diagnostics: Diagnostics): void {
  const citations = metrics?.citations;
  for (const pub of publications.values()) {
    const c = citations?.get(pub.id);
    if (c) pub.citations = { count: c.count, source: c.source, asOf: c.asOf, ...(c.url ? { url: c.url } : {}) };
    else if (pub.citations) delete pub.citations;
  }
  if (!metrics) return;
  for (const [id, c] of metrics.citations) {
    if (publications.has(id)) continue;
    diagnostics.warning(metrics.file, c.at, 'resolve/metrics-unknown-publication', `the record has no publication "${id}", so its citation count is not shown`, {
      path: ['publications', id],
      input: id,
      hint: 'run `vita metrics` again: it counts the publications the record has and drops the others.',
    });
  }
}

/** A person's metrics over the publications they authored, or undefined when none of them has a count. */
export function personMetrics(keys: readonly string[], citations: ReadonlyMap<string, CitationCount> | undefined): PersonMetrics | undefined {
  if (!citations) return undefined;
  // One work per address at the source; entries without an address are works of their own.
  const works = new Map<string, CitationCount>();
  for (const key of keys) {
    const c = citations.get(key);
    if (!c) continue;
    const work = c.url ?? `key:${key}`;
    const seen = works.get(work);
    if (!seen || c.count > seen.count) works.set(work, c);
  }
  if (works.size === 0) return undefined;
  const counts = [...works.values()].map((c) => c.count);
  const perYear = new Map<number, number>();
  for (const c of works.values()) for (const y of c.perYear) perYear.set(y.year, (perYear.get(y.year) ?? 0) + y.count);
  return {
    citations: counts.reduce((a, b) => a + b, 0),
    hIndex: hIndex(counts),
    i10Index: i10Index(counts),
    asOf: [...works.values()].map((c) => c.asOf).sort()[0]!,
    perYear: [...perYear].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count })),
  };
}

/** Each person's metrics set (or taken away), from their list of publications. */
export function attachPersonMetrics(people: Map<string, Person>, metrics: ValidMetrics | undefined): void {
  for (const person of people.values()) {
    const m = personMetrics(person.publications, metrics?.citations);
    if (m) person.metrics = m;
    else if (person.metrics) delete person.metrics;
  }
}
