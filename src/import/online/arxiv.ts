/**
 * arXiv's API (export.arxiv.org/api/query): an Atom feed of entries, by id list or by a search (`au:"Lei Wu"`), paged
 * with start and max_results. An entry the authors gave a journal reference or a DOI is a published paper; the others
 * are preprints. Errors come as a feed with one entry titled "Error".
 */
import { typeFromVenue } from '../text.js';
import type { OnlineIo, ServiceResult } from './io.js';
import { latexAbstract, latexTitle } from './markup.js';
import { arxivOf, dateFromParts, doiOf, personName, type Draft, type Parsed } from './records.js';
import type { OnlineQuery } from './spec.js';
import { asList, attr, parseXml, textOf, type XmlNode } from './xml.js';

const API = 'https://export.arxiv.org/api/query';
/** An author search stops here: beyond it the name is too common to be one person's list. */
const MAX_RESULTS = 1000;

export function arxivQueryUrl(query: Extract<OnlineQuery, { kind: 'arxiv' }>, start: number, size: number): string {
  if (query.by === 'ids') return `${API}?id_list=${query.ids.join(',')}&max_results=${size}`;
  const search = encodeURIComponent(`au:"${query.name}"`);
  return `${API}?search_query=${search}&start=${start}&max_results=${size}&sortBy=submittedDate&sortOrder=descending`;
}

export async function readArxiv(query: Extract<OnlineQuery, { kind: 'arxiv' }>, io: OnlineIo): Promise<ServiceResult> {
  const drafts: Draft[] = [];
  const size = io.pageSize(100);
  if (query.by === 'ids') {
    const batches: string[][] = [];
    for (let i = 0; i < query.ids.length; i += size) batches.push(query.ids.slice(i, i + size));
    io.progress.start('arXiv', batches.length);
    for (const [n, ids] of batches.entries()) {
      const url = arxivQueryUrl({ ...query, ids }, 0, ids.length);
      const page = await fetchPage(url, io);
      io.progress.tick(n + 1);
      if (!page) break;
      drafts.push(...page.drafts);
      for (const id of ids) if (!page.drafts.some((d) => d.arxiv === id)) io.problem(`arxiv:${id}`, `arXiv has no paper ${id}`);
    }
    io.progress.done();
    return { drafts, label: 'arxiv' };
  }
  let total = size;
  io.progress.start('arXiv', 1);
  for (let start = 0; start < Math.min(total, MAX_RESULTS); start += size) {
    const url = arxivQueryUrl(query, start, size);
    const page = await fetchPage(url, io);
    if (!page) break;
    total = page.extra.total ?? 0;
    io.progress.start('arXiv', Math.ceil(Math.min(total, MAX_RESULTS) / size));
    io.progress.tick(start / size + 1);
    drafts.push(...page.drafts);
    if (page.drafts.length + page.problems.length === 0) break;
  }
  io.progress.done();
  if (total > MAX_RESULTS) io.problem(`arxiv:author:${query.name}`, `arXiv has ${total} papers for "${query.name}"; the first ${MAX_RESULTS} were read`, 'warning', 'a name this common finds other people too: import by ids (arxiv:2011.13456,...) or by ORCID instead.');
  return { drafts, label: `arxiv-${query.name}`, title: query.name };
}

async function fetchPage(url: string, io: OnlineIo): Promise<Parsed<{ total?: number }> | undefined> {
  const body = await io.text(url, 'arxiv');
  if (body === undefined) return undefined;
  const page = parseArxiv(body);
  if ('error' in page) {
    io.malformed('arxiv', url, page.error);
    return undefined;
  }
  for (const p of page.problems) io.problem(p.ref, p.message);
  return page;
}

/** An arXiv Atom feed as drafts, with the total the feed announces. */
export function parseArxiv(xml: string): Parsed<{ total?: number }> | { error: string } {
  const parsed = parseXml(xml, { arrays: ['entry', 'author', 'link', 'category'] });
  if ('error' in parsed) return { error: /rate exceeded/i.test(xml) ? 'arXiv answered "Rate exceeded." (too many requests)' : parsed.error };
  const feed = parsed.doc.feed as XmlNode | undefined;
  if (!feed || typeof feed !== 'object') return { error: 'it is not an Atom feed (no <feed>)' };
  const totalText = textOf(feed.totalResults)?.trim();
  const result: Parsed<{ total?: number }> = { drafts: [], problems: [], extra: { total: totalText && /^\d+$/.test(totalText) ? Number(totalText) : undefined } };
  for (const entry of asList(feed.entry) as XmlNode[]) {
    const idUrl = textOf(entry.id)?.trim() ?? '';
    if (/\/api\/errors/.test(idUrl) || textOf(entry.title)?.trim() === 'Error') {
      return { error: `arXiv reports an error: ${textOf(entry.summary)?.trim() ?? 'no detail'}` };
    }
    const arxiv = arxivOf(idUrl);
    const ref = `arxiv:${arxiv ?? (idUrl || '?')}`;
    if (!arxiv) {
      result.problems.push({ ref, message: `an entry without an arXiv id (${idUrl || 'no <id>'}) was left out` });
      continue;
    }
    result.drafts.push(entryDraft(entry, arxiv, ref));
  }
  return result;
}

function entryDraft(entry: XmlNode, arxiv: string, ref: string): Draft {
  const published = textOf(entry.published)?.trim() ?? '';
  const when = dateFromParts(/^(\d{4})-(\d{2})-(\d{2})/.exec(published)?.slice(1));
  const journal = textOf(entry.journal_ref)?.replace(/\s+/g, ' ').trim();
  const doi = doiOf(textOf(entry.doi)?.trim().split(/\s+/)[0]);
  const pdf = (asList(entry.link) as XmlNode[]).find((l) => attr(l, 'title') === 'pdf');
  const draft: Draft = {
    ref,
    type: 'preprint',
    title: latexTitle(textOf(entry.title)),
    authors: (asList(entry.author) as XmlNode[]).map((a) => personName(latexTitle(textOf(a.name)))),
    // <arxiv:affiliation>, which some authors give: evidence for `vita sync` that a name search found the right person.
    authorDetails: (asList(entry.author) as XmlNode[]).map((a) => {
      const institutions = asList(a.affiliation).map((x) => textOf(x)?.trim()).filter((x): x is string => !!x);
      return institutions.length ? { institutions } : undefined;
    }),
    year: when.year,
    month: when.month,
    date: when.date,
    arxiv,
    abstract: latexAbstract(textOf(entry.summary)) || undefined,
    pdf: pdf ? `https://arxiv.org/pdf/${arxiv}` : undefined,
  };
  if (journal || doi) {
    // The authors say where it appeared: the published paper, dated by the journal reference's year when it has one.
    draft.type = journal ? typeFromVenue(journal) : 'article';
    if (draft.type === 'preprint') draft.type = 'article';
    if (journal) draft.venue = { name: journal };
    const year = [...(journal ?? '').matchAll(/\b(19\d{2}|20\d{2})\b/g)].pop()?.[1];
    if (year && Number(year) >= (draft.year ?? 0)) {
      draft.year = Number(year);
      draft.month = undefined;
      draft.date = undefined;
    }
    draft.doi = doi;
  }
  return draft;
}
