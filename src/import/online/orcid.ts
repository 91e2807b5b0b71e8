/**
 * ORCID's public API v3.0 (pub.orcid.org): the person (/person, for the name), the works list (/works: groups of
 * summaries, one group per work whatever the number of sources that claim it), then the works in full, 100 put-codes a
 * request (/works/<put-code>,<put-code>,...), which is where the co-authors and the abstract are. A work whose full
 * record gives no co-authors is read with the person as its only known author and matched on its title alone.
 */
import type { PublicationType } from '../../schema/publication.js';
import type { OnlineIo, ServiceResult } from './io.js';
import { markupText } from './markup.js';
import { arxivOf, dateFromParts, doiOf, givenFamily, personName, type Draft, type Parsed } from './records.js';
import type { OnlineQuery } from './spec.js';
import { latexToUnicode } from '../../text/latex.js';

const API = 'https://pub.orcid.org/v3.0';
/** ORCID answers at most 100 put-codes in one bulk request. */
const BULK = 100;

type Json = Record<string, unknown>;

export const orcidUrls = {
  person: (orcid: string) => `${API}/${orcid}/person`,
  works: (orcid: string) => `${API}/${orcid}/works`,
  bulk: (orcid: string, putCodes: number[]) => `${API}/${orcid}/works/${putCodes.join(',')}`,
};

export async function readOrcid(query: Extract<OnlineQuery, { kind: 'orcid' }>, io: OnlineIo): Promise<ServiceResult> {
  const { orcid } = query;
  const ref = `orcid:${orcid}`;
  const label = `orcid-${orcid}`;
  const personBody = await io.text(orcidUrls.person(orcid), ref, { notFound: `ORCID has no record ${orcid}` });
  if (personBody === undefined) return { drafts: [], label };
  const name = parseOrcidPerson(personBody);
  const person = name ? { name, links: { orcid: `https://orcid.org/${orcid}` } } : undefined;

  const listUrl = orcidUrls.works(orcid);
  const listBody = await io.text(listUrl, ref);
  if (listBody === undefined) return { drafts: [], person, label };
  const list = parseOrcidWorks(listBody);
  if ('error' in list) {
    io.malformed(ref, listUrl, list.error);
    return { drafts: [], person, label };
  }
  const drafts: Draft[] = [];
  const batches: number[][] = [];
  const size = Math.min(io.pageSize(BULK), BULK);
  for (let i = 0; i < list.putCodes.length; i += size) batches.push(list.putCodes.slice(i, i + size));
  io.progress.start('ORCID', batches.length);
  for (const [n, codes] of batches.entries()) {
    const url = orcidUrls.bulk(orcid, codes);
    const body = await io.text(url, ref);
    io.progress.tick(n + 1);
    if (body === undefined) break;
    const page = parseOrcidBulk(body, name);
    if ('error' in page) {
      io.malformed(ref, url, page.error);
      break;
    }
    for (const p of page.problems) io.problem(p.ref, p.message, 'info');
    drafts.push(...page.drafts);
  }
  io.progress.done();
  return { drafts, person, label };
}

/** The name on an ORCID record: the credit name the person chose, else given and family names; undefined when private. */
export function parseOrcidPerson(json: string): string | undefined {
  let data: Json;
  try {
    data = JSON.parse(json) as Json;
  } catch {
    return undefined;
  }
  const name = (data?.name ?? undefined) as Json | undefined;
  if (!name) return undefined;
  const value = (x: unknown) => (x && typeof x === 'object' ? str((x as Json).value) : undefined);
  return personName(value(name['credit-name'])) || givenFamily(value(name['given-names']), value(name['family-name'])) || undefined;
}

/** The works list: the put-code of one summary per group (the one the person prefers: highest display index). */
export function parseOrcidWorks(json: string): { putCodes: number[] } | { error: string } {
  let data: Json;
  try {
    data = JSON.parse(json) as Json;
  } catch {
    return { error: 'not JSON' };
  }
  if (!data || typeof data !== 'object' || !('group' in data)) return { error: 'it has no "group" list of works' };
  const putCodes: number[] = [];
  for (const group of Array.isArray(data.group) ? (data.group as Json[]) : []) {
    const summaries = Array.isArray(group?.['work-summary']) ? (group['work-summary'] as Json[]) : [];
    const best = summaries.reduce<Json | undefined>((a, s) => (!a || Number(s['display-index'] ?? 0) > Number(a['display-index'] ?? 0) ? s : a), undefined);
    const code = best?.['put-code'];
    if (typeof code === 'number') putCodes.push(code);
  }
  return { putCodes };
}

/** A bulk answer: works in full, or an error in place of one. `owner` stands in for authors ORCID does not list. */
export function parseOrcidBulk(json: string, owner?: string): Parsed | { error: string } {
  let data: Json;
  try {
    data = JSON.parse(json) as Json;
  } catch {
    return { error: 'not JSON' };
  }
  if (!data || typeof data !== 'object' || !Array.isArray(data.bulk)) return { error: 'it has no "bulk" list of works' };
  const result: Parsed = { drafts: [], problems: [], extra: {} };
  for (const item of data.bulk as Json[]) {
    if (item?.error) {
      const e = item.error as Json;
      result.problems.push({ ref: 'orcid', message: `ORCID could not give a work: ${str(e['developer-message']) ?? str(e['user-message']) ?? 'no detail'}` });
      continue;
    }
    const work = item?.work as Json | undefined;
    if (!work) continue;
    const ref = `orcid:${String(work['put-code'] ?? '?')}`;
    const type = workType(str(work.type));
    const title = workTitle(work);
    if (!type) {
      result.problems.push({ ref, message: `"${title}" is a ${str(work.type)}, not a paper: left out` });
      continue;
    }
    const draft = workDraft(work, type, title, ref, owner);
    if (draft) result.drafts.push(draft);
    else result.problems.push({ ref, message: `"${title}" names no authors and the ORCID record no name: left out` });
  }
  return result;
}

const TYPES: Record<string, PublicationType> = {
  'journal-article': 'article',
  'conference-paper': 'conference',
  preprint: 'preprint',
  'working-paper': 'preprint',
  book: 'book',
  'edited-book': 'book',
  'book-chapter': 'chapter',
  'dissertation-thesis': 'thesis',
  dissertation: 'thesis',
  report: 'report',
  'research-technique': 'report',
};

/** Works that are not publications: ORCID lists talks, data and software beside papers. */
const LEFT_OUT = new Set(['data-set', 'software', 'lecture-speech', 'public-speech', 'patent', 'website', 'online-resource', 'research-tool', 'physical-object', 'artistic-performance', 'trademark', 'license', 'spin-off-company', 'technical-standard', 'invention', 'cartographic-material', 'registered-copyright', 'disclosure', 'test', 'data-management-plan']);

function workType(type: string | undefined): PublicationType | undefined {
  if (type && LEFT_OUT.has(type)) return undefined;
  return (type && TYPES[type]) || 'other';
}

function workTitle(work: Json): string {
  const t = (work.title ?? {}) as Json;
  const title = markupText(str((t.title as Json | undefined)?.value));
  const subtitle = markupText(str((t.subtitle as Json | undefined)?.value));
  return subtitle ? `${title}: ${subtitle}` : title;
}

function workDraft(work: Json, type: PublicationType, title: string, ref: string, owner: string | undefined): Draft | undefined {
  const date = (work['publication-date'] ?? {}) as Json;
  const part = (k: string) => str(((date[k] ?? {}) as Json).value);
  const when = dateFromParts([part('year'), part('month'), part('day')].filter((x) => x !== undefined));
  const ids = externalIds(work);
  const contributors = (((work.contributors ?? {}) as Json).contributor ?? []) as Json[];
  const authors = (Array.isArray(contributors) ? contributors : [])
    .filter((c) => {
      const role = str(((c?.['contributor-attributes'] ?? {}) as Json)['contributor-role']);
      return !role || role === 'author' || /^http.*author/.test(role);
    })
    .map((c) => personName(str(((c?.['credit-name'] ?? {}) as Json).value)))
    .filter(Boolean);
  const fromCitation = authors.length ? [] : bibtexAuthors(work.citation as Json | undefined);
  const names = authors.length ? authors : fromCitation;
  const journal = markupText(str(((work['journal-title'] ?? {}) as Json).value));
  const draft: Draft = {
    ref,
    type,
    title,
    authors: names.length ? names : owner ? [owner] : [],
    year: when.year,
    month: when.month,
    date: when.date,
    venue: journal && type !== 'preprint' ? { name: journal } : undefined,
    doi: ids.doi,
    arxiv: ids.arxiv,
    url: str(((work.url ?? {}) as Json).value),
    abstract: markupText(str(work['short-description']), 'abstract') || undefined,
  };
  if (!names.length) {
    if (!owner) return undefined;
    draft.authorsUnknown = true;
  }
  return draft;
}

/** The work's own DOI and arXiv id (relationship "self"; a "part-of" DOI is the journal's, "version-of" another version's). */
function externalIds(work: Json): { doi?: string; arxiv?: string } {
  const list = (((work['external-ids'] ?? {}) as Json)['external-id'] ?? []) as Json[];
  const out: { doi?: string; arxiv?: string } = {};
  for (const id of Array.isArray(list) ? list : []) {
    const type = str(id?.['external-id-type'])?.toLowerCase();
    const relationship = str(id?.['external-id-relationship']) ?? 'self';
    const value = str(((id?.['external-id-normalized'] ?? {}) as Json).value) ?? str(id?.['external-id-value']);
    if (!value) continue;
    if (type === 'arxiv' && relationship !== 'part-of') out.arxiv ??= arxivOf(value);
    if (type === 'doi' && relationship === 'self') {
      out.arxiv ??= arxivOf(value);
      out.doi ??= doiOf(value);
    }
  }
  return out;
}

/** Authors from the BibTeX citation some works carry instead of contributors. */
function bibtexAuthors(citation: Json | undefined): string[] {
  if (str(citation?.['citation-type'])?.toLowerCase() !== 'bibtex') return [];
  const field = /\bauthor\s*=\s*(?:\{((?:[^{}]|\{[^{}]*\})*)\}|"([^"]*)")/i.exec(str(citation?.['citation-value']) ?? '');
  const value = field?.[1] ?? field?.[2];
  if (!value) return [];
  return value
    .split(/\s+and\s+/i)
    .map((a) => personName(latexToUnicode(a)))
    .filter((a) => a && a.toLowerCase() !== 'others');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}
