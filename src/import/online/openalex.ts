/**
 * OpenAlex (api.openalex.org/works): an author's works, by ORCID or OpenAlex author id, paged with a cursor. Only the
 * fields vita uses are asked for (`select`), which keeps the cached answers small. OpenAlex merges a preprint and its
 * published version into one work; the arXiv id is then found among its locations.
 */
import type { PublicationType } from '../../schema/publication.js';
import type { OnlineIo, ServiceResult } from './io.js';
import { markupText } from './markup.js';
import { arxivOf, dateFromParts, doiOf, pages, personName, yearOf, type AuthorDetail, type Draft, type Parsed } from './records.js';
import type { OnlineQuery } from './spec.js';

const API = 'https://api.openalex.org/works';
const FIELDS = 'id,doi,title,display_name,publication_year,publication_date,type,authorships,primary_location,locations,biblio,abstract_inverted_index';
/** Stop after this many works: an author id that collects tens of thousands is not one person's list. */
const MAX_WORKS = 2000;

type Json = Record<string, unknown>;

export function openalexUrl(query: Extract<OnlineQuery, { kind: 'openalex' }>, cursor: string, size: number): string {
  const filter = query.by === 'orcid' ? `author.orcid:${query.orcid}` : `author.id:${query.author}`;
  return `${API}?filter=${filter}&select=${FIELDS}&per_page=${size}&cursor=${encodeURIComponent(cursor)}`;
}

export async function readOpenalex(query: Extract<OnlineQuery, { kind: 'openalex' }>, io: OnlineIo): Promise<ServiceResult> {
  const size = io.pageSize(100);
  const drafts: Draft[] = [];
  let person: ServiceResult['person'];
  let cursor: string | null = '*';
  let seen = 0;
  io.progress.start('OpenAlex', 1);
  for (let n = 1; cursor && seen < MAX_WORKS; n++) {
    const url = openalexUrl(query, cursor, size);
    const body = await io.text(url, 'openalex');
    if (body === undefined) break;
    const page = parseOpenalex(body, query.by === 'orcid' ? { orcid: query.orcid } : { author: query.author });
    if ('error' in page) {
      io.malformed('openalex', url, page.error);
      break;
    }
    for (const p of page.problems) io.problem(p.ref, p.message, 'info');
    drafts.push(...page.drafts);
    person ??= page.extra.person;
    seen += page.extra.results;
    io.progress.start('OpenAlex', Math.max(1, Math.ceil(Math.min(page.extra.count ?? 0, MAX_WORKS) / size)));
    io.progress.tick(n);
    // The last page is short; asking again would only fetch an empty page.
    cursor = page.extra.results < size ? null : page.extra.nextCursor;
  }
  io.progress.done();
  const who = query.by === 'orcid' ? query.orcid : query.author;
  if (seen >= MAX_WORKS) io.problem(`openalex:${who}`, `OpenAlex has more than ${MAX_WORKS} works for ${who}; the first ${MAX_WORKS} were read`);
  return { drafts, person, label: `openalex-${who}` };
}

interface PageExtra {
  count?: number;
  results: number;
  nextCursor: string | null;
  person?: ServiceResult['person'];
}

/** A page of OpenAlex works; `who` picks the author among the authorships, for the person the import is about. */
export function parseOpenalex(json: string, who: { orcid?: string; author?: string } = {}): Parsed<PageExtra> | { error: string } {
  let data: Json;
  try {
    data = JSON.parse(json) as Json;
  } catch (err) {
    return { error: `not JSON (${(err as Error).message})` };
  }
  if (!data || typeof data !== 'object' || !Array.isArray(data.results)) {
    const message = typeof data?.message === 'string' ? data.message : typeof data?.error === 'string' ? data.error : undefined;
    return { error: message ? `OpenAlex says: ${message}` : 'it has no "results" list' };
  }
  const meta = (data.meta ?? {}) as Json;
  const result: Parsed<PageExtra> = {
    drafts: [],
    problems: [],
    extra: { count: typeof meta.count === 'number' ? meta.count : undefined, results: data.results.length, nextCursor: typeof meta.next_cursor === 'string' ? meta.next_cursor : null },
  };
  for (const work of data.results as Json[]) {
    if (!work || typeof work !== 'object') continue;
    const ref = `openalex:${String(work.id ?? '?').replace(/^https:\/\/openalex\.org\//, '')}`;
    const type = workType(work);
    if (!type) {
      result.problems.push({ ref, message: `"${markupText(String(work.title ?? work.display_name ?? ''))}" is ${String(work.type)}, not a paper: left out` });
      continue;
    }
    result.drafts.push(workDraft(work, type, ref));
    result.extra.person ??= personOf(work, who);
  }
  return result;
}

const LEFT_OUT = new Set(['paratext', 'erratum', 'retraction', 'peer-review', 'grant', 'supplementary-materials', 'libguides', 'dataset', 'software']);

function workType(work: Json): PublicationType | undefined {
  const type = String(work.type ?? 'article');
  if (LEFT_OUT.has(type)) return undefined;
  const location = (work.primary_location ?? {}) as Json;
  const source = (location.source ?? {}) as Json;
  if (type === 'preprint' || source.type === 'repository' || location.version === 'submittedVersion') return 'preprint';
  if (type === 'article' || type === 'review' || type === 'letter' || type === 'editorial') return source.type === 'conference' ? 'conference' : 'article';
  return ({ book: 'book', 'book-chapter': 'chapter', dissertation: 'thesis', report: 'report', standard: 'report' } as Record<string, PublicationType>)[type] ?? 'other';
}

function workDraft(work: Json, type: PublicationType, ref: string): Draft {
  const location = (work.primary_location ?? {}) as Json;
  const source = (location.source ?? {}) as Json;
  const biblio = (work.biblio ?? {}) as Json;
  const when = dateFromParts(typeof work.publication_date === 'string' ? work.publication_date.split('-') : undefined);
  const locations = [location, ...(Array.isArray(work.locations) ? (work.locations as Json[]) : [])];
  const arxiv =
    arxivOf(typeof work.doi === 'string' ? work.doi : undefined) ??
    locations.map((l) => arxivOf(str(l?.landing_page_url)) ?? arxivOf(str(l?.pdf_url))).find((x) => x !== undefined);
  const venueName = type === 'preprint' ? undefined : markupText(str(source.display_name));
  const authorships = Array.isArray(work.authorships) ? (work.authorships as Json[]) : [];
  return {
    ref,
    type,
    title: markupText(str(work.title) ?? str(work.display_name)),
    authors: authorships.map((a) => personName(str((a?.author as Json | undefined)?.display_name) ?? str(a?.raw_author_name))),
    authorDetails: authorships.map(authorDetail),
    year: yearOf(work.publication_year) ?? when.year,
    month: when.month,
    date: when.date,
    venue: venueName ? { name: venueName, volume: str(biblio.volume), number: str(biblio.issue), pages: pages(str(biblio.first_page), str(biblio.last_page)) } : undefined,
    doi: doiOf(str(work.doi)),
    arxiv,
    url: str(location.landing_page_url),
    abstract: abstractText(work.abstract_inverted_index),
  };
}

/** An authorship's ORCID and institutions, as the author's own ORCID record or the paper states them. */
function authorDetail(a: Json | undefined): AuthorDetail | undefined {
  const orcid = str((a?.author as Json | undefined)?.orcid)?.replace(/^https?:\/\/orcid\.org\//i, '').toUpperCase();
  const institutions = (Array.isArray(a?.institutions) ? (a.institutions as Json[]) : []).map((i) => str(i?.display_name)).filter((x): x is string => x !== undefined);
  const raw = Array.isArray(a?.raw_affiliation_strings) ? (a.raw_affiliation_strings as unknown[]).map(str).filter((x): x is string => x !== undefined) : [];
  const all = [...new Set([...institutions, ...raw])];
  return orcid || all.length ? { ...(orcid ? { orcid } : {}), ...(all.length ? { institutions: all } : {}) } : undefined;
}

/** OpenAlex keeps abstracts as word -> positions; the words put back in order. */
export function abstractText(index: unknown): string | undefined {
  if (!index || typeof index !== 'object') return undefined;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index as Record<string, unknown>)) {
    if (!Array.isArray(positions)) continue;
    for (const p of positions) if (Number.isInteger(p) && p >= 0 && p < 100_000) words[p as number] = word;
  }
  const text = words.filter((w) => w !== undefined).join(' ');
  return text ? markupText(text, 'abstract') : undefined;
}

function personOf(work: Json, who: { orcid?: string; author?: string }): ServiceResult['person'] {
  for (const a of Array.isArray(work.authorships) ? (work.authorships as Json[]) : []) {
    const author = (a?.author ?? {}) as Json;
    const orcid = str(author.orcid);
    const id = str(author.id);
    const mine = (who.orcid && orcid?.endsWith(who.orcid)) || (who.author && id?.endsWith(`/${who.author}`));
    if (!mine) continue;
    const name = personName(str(author.display_name));
    if (!name) return undefined;
    const links: Record<string, string> = {};
    if (orcid) links.orcid = orcid.startsWith('http') ? orcid : `https://orcid.org/${orcid}`;
    if (id) links.openalex = id;
    return { name, links };
  }
  return undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}
