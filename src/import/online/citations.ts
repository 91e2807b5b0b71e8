/**
 * How often a publication is cited, asked of OpenAlex (by DOI, by arXiv id through arXiv's DOI 10.48550/arXiv.<id>, or
 * by a confident title match) and of Crossref (is-referenced-by-count, by DOI, as a cross-check and a fallback).
 * A paper found under two ids (its preprint and its published version, which OpenAlex may keep as two works or merge
 * into one) is counted once: the merged work's count, or the larger of the two, never their sum.
 */
import { latexToUnicode } from '../../text/latex.js';
import { crossrefDoiUrl } from './crossref.js';
import type { HttpAnswer, HttpClient } from './http.js';

const WORKS = 'https://api.openalex.org/works';
const FIELDS = 'id,doi,display_name,publication_year,cited_by_count,counts_by_year,authorships';

type Json = Record<string, unknown>;

/** What is asked about one publication of the record. */
export interface PaperQuery {
  id: string;
  title: string;
  year: number;
  /** Names as the record writes them; the first one's family name confirms a title match. */
  authors: string[];
  doi?: string;
  arxiv?: string;
}

/** One OpenAlex work as vita keeps it. */
export interface FoundWork {
  /** https://openalex.org/W... */
  url: string;
  count: number;
  perYear: { year: number; count: number }[];
  /** How it was found. */
  by: 'doi' | 'arxiv' | 'title';
}

export interface PaperCount {
  /** The work whose count is kept (the merged work, or the most cited of two). */
  work?: FoundWork;
  /** Every OpenAlex work found for the paper (two when the preprint and the published version are apart). */
  works: FoundWork[];
  crossref?: number;
  /** What could not be asked or read, for the report; `failed` when nothing could be learnt because of it. */
  problems: string[];
  failed: boolean;
}

export function openalexWorkUrl(id: string): string {
  return `${WORKS}/${id}?select=${FIELDS}`;
}

/** A DOI as a path of OpenAlex's: lower case (DOIs are case-insensitive), each part escaped (some hold < > # ;). */
export function doiPath(doi: string): string {
  return doi.toLowerCase().split('/').map(encodeURIComponent).join('/');
}

/** arXiv's DOIs are DataCite's, and OpenAlex knows its preprints by them. */
export function arxivDoi(arxiv: string): string {
  return `10.48550/arxiv.${arxiv.replace(/v\d+$/, '')}`;
}

export function openalexTitleUrl(title: string, year: number): string {
  // Commas separate OpenAlex's filters: the title goes as its words only.
  return `${WORKS}?filter=title.search:${encodeURIComponent(normalTitle(title))},publication_year:${year}&select=${FIELDS}&per_page=10`;
}

/** Lower case, accents and LaTeX gone, punctuation as spaces: two writings of one title compare equal. */
export function normalTitle(title: string): string {
  return latexToUnicode(title)
    .replace(/\$[^$]*\$/g, (m) => m.replace(/[\\{}^_$]/g, ' '))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The family name of "Lei Wu", "Wu, Lei" or "L. Wu", normalised: what a title match must share. */
export function familyName(name: string): string {
  const plain = latexToUnicode(name).trim();
  const family = plain.includes(',') ? plain.slice(0, plain.indexOf(',')) : (plain.split(/\s+/).pop() ?? '');
  return normalTitle(family);
}

export async function countCitations(paper: PaperQuery, openalex: HttpClient, crossref: HttpClient): Promise<PaperCount> {
  const out: PaperCount = { works: [], problems: [], failed: false };
  const asked: [FoundWork['by'], string][] = [];
  const doi = paper.doi && !/^10\.48550\//i.test(paper.doi) ? paper.doi : undefined;
  if (doi) asked.push(['doi', `doi:${doiPath(doi)}`]);
  const arxiv = paper.arxiv ?? (paper.doi && /^10\.48550\/arxiv\./i.test(paper.doi) ? paper.doi.replace(/^10\.48550\/arxiv\./i, '') : undefined);
  if (arxiv) asked.push(['arxiv', `doi:${doiPath(arxivDoi(arxiv))}`]);
  let reached = 0;
  let tried = 0;
  for (const [by, id] of asked) {
    tried++;
    const answer = await openalex.get(openalexWorkUrl(id));
    if (!answered(answer, out, 'OpenAlex')) continue;
    reached++;
    if (!answer.ok) continue;
    const work = readWork(answer.body, by);
    if (typeof work === 'string') out.problems.push(`OpenAlex's answer for ${id} could not be read: ${work}`);
    else if (!out.works.some((w) => w.url === work.url)) out.works.push(work);
  }
  if (asked.length === 0) {
    tried++;
    const answer = await openalex.get(openalexTitleUrl(paper.title, paper.year));
    if (answered(answer, out, 'OpenAlex')) {
      reached++;
      if (answer.ok) {
        const work = titleMatch(answer.body, paper);
        if (typeof work === 'string') out.problems.push(work);
        else if (work) out.works.push(work);
      }
    }
  }
  if (doi) {
    tried++;
    const answer = await crossref.get(crossrefDoiUrl(doi));
    if (answered(answer, out, 'Crossref')) {
      reached++;
      if (answer.ok) out.crossref = referencedBy(answer.body);
    }
  }
  // The merged work when there is one; of two works, the more cited (the other is the same paper, counted apart).
  out.work = [...out.works].sort((a, b) => b.count - a.count)[0];
  out.failed = tried > 0 && reached === 0;
  return out;
}

/** Whether the service answered (a "not found" is an answer); a failure is noted. */
function answered(answer: HttpAnswer, out: PaperCount, service: string): boolean {
  if (answer.ok || answer.reason === 'not-found') return true;
  out.problems.push(`${service}: ${answer.message}`);
  return false;
}

function parse(body: string): Json | string {
  try {
    const data = JSON.parse(body) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Json) : 'not a JSON object';
  } catch (err) {
    return `not JSON (${(err as Error).message})`;
  }
}

/** An OpenAlex work: its id, cited_by_count and counts_by_year. */
export function readWork(body: string | Json, by: FoundWork['by']): FoundWork | string {
  const data = typeof body === 'string' ? parse(body) : body;
  if (typeof data === 'string') return data;
  const url = typeof data.id === 'string' ? data.id : undefined;
  const count = data.cited_by_count;
  if (!url || typeof count !== 'number' || !Number.isInteger(count) || count < 0) return 'it has no id or no cited_by_count';
  const perYear: FoundWork['perYear'] = [];
  for (const y of Array.isArray(data.counts_by_year) ? (data.counts_by_year as Json[]) : []) {
    const year = y?.year;
    const n = y?.cited_by_count;
    if (typeof year === 'number' && Number.isInteger(year) && typeof n === 'number' && Number.isInteger(n) && n >= 0) perYear.push({ year, count: n });
  }
  perYear.sort((a, b) => a.year - b.year);
  return { url, count, perYear, by };
}

/**
 * The one work of a title search that is the paper: the same title (normalised), the same year and the same first
 * author's family name. A work with the same title by other people is not it; two that fit are too many to choose.
 */
export function titleMatch(body: string, paper: PaperQuery): FoundWork | undefined | string {
  const data = parse(body);
  if (typeof data === 'string') return `OpenAlex's title search for "${paper.title}" could not be read: ${data}`;
  const title = normalTitle(paper.title);
  const family = paper.authors[0] ? familyName(paper.authors[0]) : '';
  const fits: FoundWork[] = [];
  for (const work of Array.isArray(data.results) ? (data.results as Json[]) : []) {
    if (!work || typeof work !== 'object') continue;
    if (normalTitle(String(work.display_name ?? '')) !== title || work.publication_year !== paper.year) continue;
    const first = Array.isArray(work.authorships) ? ((work.authorships as Json[])[0]?.author as Json | undefined)?.display_name : undefined;
    if (!family || typeof first !== 'string' || familyName(first) !== family) continue;
    const found = readWork(work, 'title');
    if (typeof found !== 'string' && !fits.some((f) => f.url === found.url)) fits.push(found);
  }
  if (fits.length > 1) return `OpenAlex has ${fits.length} works titled "${paper.title}" (${paper.year}) by ${paper.authors[0]}: add the paper's DOI or arXiv id to choose`;
  return fits[0];
}

/** Crossref's is-referenced-by-count. */
export function referencedBy(body: string): number | undefined {
  const data = parse(body);
  if (typeof data === 'string') return undefined;
  const n = (data.message as Json | undefined)?.['is-referenced-by-count'];
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The services a project may ask besides OpenAlex and Crossref (vita.yaml `metrics.crossCheck`). */
export type CrossCheckKind = 'semanticscholar' | 'inspire';

/** Where a cross-check service has the paper, by its DOI (not arXiv's) or else its arXiv id; undefined without either. */
export function crossCheckUrl(kind: CrossCheckKind, paper: Pick<PaperQuery, 'doi' | 'arxiv'>): string | undefined {
  const doi = paper.doi && !/^10\.48550\//i.test(paper.doi) ? paper.doi : undefined;
  const arxiv = paper.arxiv?.replace(/v\d+$/, '') ?? (paper.doi && /^10\.48550\/arxiv\./i.test(paper.doi) ? paper.doi.replace(/^10\.48550\/arxiv\./i, '') : undefined);
  if (!doi && !arxiv) return undefined;
  if (kind === 'semanticscholar') return `https://api.semanticscholar.org/graph/v1/paper/${doi ? `DOI:${doiPath(doi)}` : `ARXIV:${arxiv}`}?fields=citationCount`;
  return `https://inspirehep.net/api/literature?q=${encodeURIComponent(doi ? `doi:${doi}` : `arxiv:${arxiv}`)}&fields=citation_count&size=2`;
}

/** A cross-check service's count of the paper: a number, nothing (it does not have it), or why it could not be read. */
export async function crossCheckCount(kind: CrossCheckKind, paper: PaperQuery, client: HttpClient<CrossCheckKind>): Promise<{ count?: number; problem?: string }> {
  const url = crossCheckUrl(kind, paper);
  if (!url) return {};
  const answer = await client.get(url);
  if (!answer.ok) return answer.reason === 'not-found' ? {} : { problem: `${kind}: ${answer.message}` };
  const data = parse(answer.body);
  if (typeof data === 'string') return { problem: `${kind}'s answer for ${url} could not be read: ${data}` };
  const n =
    kind === 'semanticscholar'
      ? data.citationCount
      : (() => {
          const hits = (data.hits as Json | undefined)?.hits;
          // One record or none: two for one DOI are two works, and neither is taken.
          return Array.isArray(hits) && hits.length === 1 ? ((hits[0] as Json | undefined)?.metadata as Json | undefined)?.citation_count : undefined;
        })();
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? { count: n } : {};
}
