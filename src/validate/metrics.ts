/**
 * The entries of metrics/citations.yaml checked: each publication's count needs its source and the date it was
 * counted, since a number without a date misleads (counts only grow). An entry that is not right is reported where
 * it is written and left out, never shown; the build goes on.
 */
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
import type { LoadedMetrics } from '../load/record.js';

/** One publication's citation count as the file keeps it. */
export interface CitationCount {
  count: number;
  /** The service that counted: "OpenAlex", "Crossref", "Semantic Scholar", "INSPIRE". */
  source: string;
  /** YYYY-MM-DD: the day it was counted. */
  asOf: string;
  /** The work's page at the source: also what tells two entries of the record that are one work there. */
  url?: string;
  /** Crossref's is-referenced-by-count, kept as a cross-check (not shown). */
  crossref?: number;
  /** Semantic Scholar's and INSPIRE's counts, when vita.yaml asks for them (metrics.crossCheck): cross-checks too. */
  semanticScholar?: number;
  inspire?: number;
  /** Citations per year, oldest first, as the source gives them (OpenAlex: the last ten years or so). */
  perYear: { year: number; count: number }[];
  /** Where the entry is written, for what later stages say about it. */
  at?: Span;
}

export interface ValidMetrics {
  file: string;
  /** By publication id. */
  citations: Map<string, CitationCount>;
}

type Json = Record<string, unknown>;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function validateMetrics(loaded: LoadedMetrics | undefined, diagnostics: Diagnostics): ValidMetrics | undefined {
  if (!loaded) return undefined;
  const { file } = loaded;
  const out: ValidMetrics = { file, citations: new Map() };
  const root = loaded.value;
  if (root === null || root === undefined) return out;
  if (typeof root !== 'object' || Array.isArray(root) || !isObject((root as Json).publications)) {
    if (typeof root === 'object' && !Array.isArray(root) && (root as Json).publications === undefined) return out;
    diagnostics.warning(file, loaded.locate(['publications']), 'validate/metrics-entry', 'metrics/citations.yaml should hold `publications:`, a mapping from publication ids to their counts', {
      hint: 'run `vita metrics` to write it again, or see "Citation metrics" in the README for its format.',
    });
    return out;
  }
  for (const [id, entry] of Object.entries((root as Json).publications as Json)) {
    const at = loaded.locate(['publications', id]);
    const problem = (path: (string | number)[], message: string, hint: string, code = 'validate/metrics-entry') =>
      diagnostics.warning(file, loaded.locate(['publications', id, ...path]), code, message, { path: ['publications', id, ...path], hint });
    if (!isObject(entry)) {
      problem([], `the count of "${id}" should be a mapping (count, source, asOf), so it is left out`, 'run `vita metrics` to write it again.');
      continue;
    }
    const asOf = entry.asOf;
    if (asOf === undefined || asOf === null || asOf === '') {
      problem([], `the count of "${id}" has no date (asOf), so it is not shown`, 'a count is only shown with the day it was counted: add `asOf: YYYY-MM-DD`, or run `vita metrics` again.', 'validate/metrics-undated');
      continue;
    }
    if (typeof asOf !== 'string' || !isDate(asOf)) {
      problem(['asOf'], `the date of "${id}"'s count is not a date (YYYY-MM-DD): ${JSON.stringify(asOf)}, so the count is not shown`, 'write it as YYYY-MM-DD, e.g. asOf: 2026-12-01.', 'validate/metrics-undated');
      continue;
    }
    const count = entry.count;
    if (!isCount(count)) {
      problem(['count'], `the count of "${id}" should be a whole number of citations, 0 or more, so it is left out`, 'run `vita metrics` to count again.');
      continue;
    }
    const source = entry.source;
    if (typeof source !== 'string' || !source.trim()) {
      problem(['source'], `the count of "${id}" does not say which service counted (source), so it is left out`, 'add `source: OpenAlex` (or the service it came from).');
      continue;
    }
    const value: CitationCount = { count, source: source.trim(), asOf, perYear: [], at };
    if (typeof entry.url === 'string' && /^https?:\/\/\S+$/.test(entry.url)) value.url = entry.url;
    else if (entry.url !== undefined) problem(['url'], `the address of "${id}"'s count is not a web address, so no link is made to it`, 'write the work\'s https:// address at the source, or remove the line.');
    if (isCount(entry.crossref)) value.crossref = entry.crossref;
    if (isCount(entry.semanticScholar)) value.semanticScholar = entry.semanticScholar;
    if (isCount(entry.inspire)) value.inspire = entry.inspire;
    if (isObject(entry.perYear)) {
      for (const [year, n] of Object.entries(entry.perYear)) {
        if (/^\d{4}$/.test(year) && isCount(n)) value.perYear.push({ year: Number(year), count: n });
        else problem(['perYear', year], `"${year}: ${JSON.stringify(n)}" is not a year and a count, so it is left out of "${id}"'s citations per year`, 'write one line per year: `2024: 12`.');
      }
      value.perYear.sort((a, b) => a.year - b.year);
    } else if (entry.perYear !== undefined) problem(['perYear'], `the citations per year of "${id}" should be a mapping from years to counts, so they are left out`, 'write them as `perYear: { 2023: 4, 2024: 12 }`.');
    out.citations.set(id, value);
  }
  return out;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A real calendar day: 2026-02-30 is not one. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
