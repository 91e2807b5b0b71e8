/**
 * Crossref's REST API (api.crossref.org): one work per DOI (/works/<doi>), or the works carrying an ORCID
 * (/works?filter=orcid:...), paged with a cursor and `rows`. Titles and abstracts carry the publisher's HTML, JATS and
 * MathML. Crossref records DOIs of publishers; arXiv's own DOIs (10.48550) are DataCite's and are not there.
 */
import type { PublicationType } from '../../schema/publication.js';
import type { OnlineIo, ServiceResult } from './io.js';
import { markupText } from './markup.js';
import { arxivOf, dateFromParts, doiOf, givenFamily, personName, type Draft, type Parsed } from './records.js';
import type { OnlineQuery } from './spec.js';

const API = 'https://api.crossref.org/works';
const MAX_WORKS = 2000;

type Json = Record<string, unknown>;

export function crossrefDoiUrl(doi: string): string {
  return `${API}/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

export function crossrefOrcidUrl(orcid: string, cursor: string, rows: number): string {
  return `${API}?filter=orcid:${orcid}&rows=${rows}&cursor=${encodeURIComponent(cursor)}`;
}

export async function readCrossref(query: Extract<OnlineQuery, { kind: 'crossref' }>, io: OnlineIo): Promise<ServiceResult> {
  const drafts: Draft[] = [];
  if (query.by === 'dois') {
    io.progress.start('Crossref', query.dois.length);
    for (const [n, doi] of query.dois.entries()) {
      const url = crossrefDoiUrl(doi);
      const arxiv = /^10\.48550\/arxiv\.(.+)$/i.exec(doi)?.[1];
      const body = await io.text(url, `crossref:${doi}`, { notFound: arxiv ? `${doi} is an arXiv DOI, which Crossref does not hold: import it with arxiv:${arxiv}` : `Crossref has no DOI ${doi}` });
      io.progress.tick(n + 1);
      if (body === undefined) continue;
      const page = parseCrossref(body);
      if ('error' in page) io.malformed(`crossref:${doi}`, url, page.error);
      else take(page, drafts, io);
    }
    io.progress.done();
    return { drafts, label: 'crossref' };
  }
  const rows = io.pageSize(100);
  let cursor: string | null = '*';
  let seen = 0;
  io.progress.start('Crossref', 1);
  for (let n = 1; cursor && seen < MAX_WORKS; n++) {
    const url = crossrefOrcidUrl(query.orcid, cursor, rows);
    const body = await io.text(url, `crossref:orcid:${query.orcid}`);
    if (body === undefined) break;
    const page = parseCrossref(body);
    if ('error' in page) {
      io.malformed(`crossref:orcid:${query.orcid}`, url, page.error);
      break;
    }
    take(page, drafts, io);
    seen += page.extra.items;
    io.progress.start('Crossref', Math.max(1, Math.ceil(Math.min(page.extra.total ?? 0, MAX_WORKS) / rows)));
    io.progress.tick(n);
    cursor = page.extra.items < rows || seen >= (page.extra.total ?? Infinity) ? null : page.extra.nextCursor;
  }
  io.progress.done();
  return { drafts, label: `crossref-${query.orcid}` };
}

function take(page: Parsed<CrossrefExtra>, drafts: Draft[], io: OnlineIo): void {
  drafts.push(...page.drafts);
  for (const p of page.problems) io.problem(p.ref, p.message, 'info');
}

interface CrossrefExtra {
  total?: number;
  items: number;
  nextCursor: string | null;
}

/** A Crossref answer: one work (`message-type: work`) or a list (`work-list`). */
export function parseCrossref(json: string): Parsed<CrossrefExtra> | { error: string } {
  let data: Json;
  try {
    data = JSON.parse(json) as Json;
  } catch {
    return { error: /resource not found/i.test(json) ? 'Crossref says "Resource not found."' : 'not JSON' };
  }
  const message = data?.message as Json | undefined;
  if (data?.status !== 'ok' || !message || typeof message !== 'object') {
    const why = Array.isArray(data?.message) ? (data.message as Json[]).map((m) => String(m?.message ?? '')).join('; ') : '';
    return { error: why ? `Crossref says: ${why}` : 'it is not a Crossref answer (no "status": "ok" with a "message")' };
  }
  const works = data['message-type'] === 'work-list' ? (Array.isArray(message.items) ? (message.items as Json[]) : []) : [message];
  const result: Parsed<CrossrefExtra> = {
    drafts: [],
    problems: [],
    extra: { total: typeof message['total-results'] === 'number' ? message['total-results'] : undefined, items: works.length, nextCursor: typeof message['next-cursor'] === 'string' ? message['next-cursor'] : null },
  };
  for (const work of works) {
    const ref = `crossref:${String(work.DOI ?? '?')}`;
    const type = workType(work);
    if (!type) {
      result.problems.push({ ref, message: `${ref} is a ${String(work.type)}, not a paper: left out` });
      continue;
    }
    result.drafts.push(workDraft(work, type, ref));
  }
  return result;
}

const TYPES: Record<string, PublicationType> = {
  'journal-article': 'article',
  'proceedings-article': 'conference',
  'posted-content': 'preprint',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  'reference-book': 'book',
  'book-chapter': 'chapter',
  'book-part': 'chapter',
  'book-section': 'chapter',
  'reference-entry': 'chapter',
  dissertation: 'thesis',
  report: 'report',
  'report-component': 'report',
};

const LEFT_OUT = new Set(['journal', 'journal-issue', 'journal-volume', 'proceedings', 'book-series', 'book-set', 'report-series', 'component', 'dataset', 'peer-review', 'grant', 'database']);

function workType(work: Json): PublicationType | undefined {
  const type = String(work.type ?? '');
  if (LEFT_OUT.has(type)) return undefined;
  return TYPES[type] ?? 'other';
}

function workDraft(work: Json, type: PublicationType, ref: string): Draft {
  const title = markupText(first(work.title));
  const subtitle = markupText(first(work.subtitle));
  const issued = dateFromParts(((work.issued as Json | undefined)?.['date-parts'] as unknown[][] | undefined)?.[0]);
  const authors = (Array.isArray(work.author) ? (work.author as Json[]) : []).map((a) => givenFamily(str(a?.given), str(a?.family)) || personName(str(a?.name)));
  const container = markupText(first(work['container-title']));
  const relation = (work.relation ?? {}) as Json;
  const preprints = Array.isArray(relation['has-preprint']) ? (relation['has-preprint'] as Json[]) : [];
  const arxiv = preprints.map((r) => arxivOf(str(r?.id))).find((x) => x !== undefined);
  return {
    ref,
    type,
    title: subtitle && !title.toLowerCase().includes(subtitle.toLowerCase()) ? `${title}: ${subtitle}` : title,
    authors,
    year: issued.year,
    month: issued.month,
    date: issued.date,
    venue: {
      name: container || undefined,
      volume: str(work.volume),
      number: str(work.issue),
      pages: str(work.page)?.replace(/-+/g, '–'),
      publisher: type === 'book' || type === 'chapter' || type === 'thesis' || type === 'report' ? str(work.publisher) : undefined,
    },
    doi: doiOf(str(work.DOI)),
    arxiv,
    abstract: markupText(str(work.abstract), 'abstract') || undefined,
  };
}

function first(value: unknown): string | undefined {
  return Array.isArray(value) ? str(value[0]) : str(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}
