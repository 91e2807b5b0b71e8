/**
 * How an online source is named on the command line: `<service>:<what>`, or a service's own address.
 *
 *   arxiv:2011.13456,1904.04326        arxiv:author:"Lei Wu"         arxiv:@ids.txt
 *   openalex:orcid:0000-0002-1825-0097 openalex:A5023888391 (or openalex:author:A5023888391)
 *   crossref:10.1137/19M1234567,10.5555/x   crossref:@dois.txt       crossref:orcid:0000-...
 *   dblp:pid/123/4567 (or dblp:123/4567, or a dblp.org/pid/... address)
 *   orcid:0000-0002-1825-0097 (or https://orcid.org/0000-0002-1825-0097)
 *
 * `@file` reads identifiers from a file: one or more a line, separated by spaces or commas, `#` starting a comment.
 * A path that exists is never read as one of these: detection treats it as a file or folder first.
 */
import { readFileSync } from 'node:fs';

export const ONLINE_KINDS = ['arxiv', 'openalex', 'crossref', 'dblp', 'orcid'] as const;
export type OnlineKind = (typeof ONLINE_KINDS)[number];

export type OnlineQuery =
  | { kind: 'arxiv'; by: 'ids'; ids: string[] }
  | { kind: 'arxiv'; by: 'author'; name: string }
  | { kind: 'openalex'; by: 'orcid'; orcid: string }
  | { kind: 'openalex'; by: 'author'; author: string }
  | { kind: 'crossref'; by: 'dois'; dois: string[] }
  | { kind: 'crossref'; by: 'orcid'; orcid: string }
  | { kind: 'dblp'; by: 'pid'; pid: string }
  | { kind: 'orcid'; by: 'orcid'; orcid: string };

export type SpecResult = { query: OnlineQuery } | { error: string; hint: string };

const ARXIV_NEW = /^\d{4}\.\d{4,5}(?:v\d+)?$/;
const ARXIV_OLD = /^[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?$/i;
const DOI = /^10\.\d{4,9}\/\S+$/;
const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** The service a source names, if it names one: `arxiv:...`, or an address on arxiv.org, doi.org, orcid.org ... */
export function onlineKindOf(source: string): OnlineKind | undefined {
  const prefix = /^([a-z]+):(?!\/\/)/i.exec(source.trim())?.[1]?.toLowerCase();
  if (prefix && (ONLINE_KINDS as readonly string[]).includes(prefix)) return prefix as OnlineKind;
  const host = /^https?:\/\/(?:www\.|export\.|api\.|pub\.)?([^/]+)\//i.exec(source.trim())?.[1]?.toLowerCase();
  if (host === 'arxiv.org') return 'arxiv';
  if (host === 'doi.org' || host === 'dx.doi.org') return 'crossref';
  if (host === 'orcid.org') return 'orcid';
  if (host === 'dblp.org' || host === 'dblp.uni-trier.de') return 'dblp';
  if (host === 'openalex.org') return 'openalex';
  return undefined;
}

/** Reads a source naming an online service; `kind` (from --kind) lets the prefix be left out: `--kind arxiv 2011.13456`. */
export function parseOnlineSpec(source: string, kind?: OnlineKind): SpecResult {
  const text = source.trim();
  const named = onlineKindOf(text);
  if (named && kind && named !== kind) return { error: `"${source}" names ${named}, but --kind says ${kind}`, hint: `leave --kind out, or write the source for ${kind}: ${EXAMPLES[kind]}` };
  const service = named ?? kind;
  if (!service) return { error: `"${source}" names no online service`, hint: `write it as <service>:<what>, with a service among ${ONLINE_KINDS.join(', ')}.` };
  const rest = /^[a-z]+:(?!\/\/)/i.test(text) && named ? text.slice(text.indexOf(':') + 1).trim() : text;
  const body = unquote(rest);
  if (!body) return { error: `${service}: says nothing to import`, hint: EXAMPLES[service] };
  switch (service) {
    case 'arxiv':
      return arxivSpec(body);
    case 'openalex':
      return openalexSpec(body);
    case 'crossref':
      return crossrefSpec(body);
    case 'dblp':
      return dblpSpec(body);
    case 'orcid': {
      const orcid = orcidOf(body);
      return typeof orcid === 'string' ? { query: { kind: 'orcid', by: 'orcid', orcid } } : orcid;
    }
  }
}

export const EXAMPLES: Record<OnlineKind, string> = {
  arxiv: 'for example arxiv:2011.13456,1904.04326, arxiv:author:"Lei Wu" or arxiv:@ids.txt.',
  openalex: 'for example openalex:orcid:0000-0002-1825-0097 or openalex:A5023888391.',
  crossref: 'for example crossref:10.1137/19M1234567, several DOIs separated by commas, or crossref:@dois.txt.',
  dblp: 'for example dblp:pid/123/4567 or dblp:https://dblp.org/pid/123/4567.html.',
  orcid: 'for example orcid:0000-0002-1825-0097.',
};

function arxivSpec(body: string): SpecResult {
  const author = /^(?:author|au):\s*(.+)$/i.exec(body);
  if (author) {
    const name = unquote(author[1]!).replace(/\s+/g, ' ').trim();
    if (!name || /["\\]/.test(name)) return { error: `arxiv: "${author[1]}" is not a name to search for`, hint: EXAMPLES.arxiv };
    return { query: { kind: 'arxiv', by: 'author', name } };
  }
  const items = listOf(body);
  if ('error' in items) return items;
  const ids: string[] = [];
  for (const item of items.list) {
    const id = item
      .replace(/^https?:\/\/(?:export\.)?arxiv\.org\/(?:abs|pdf)\//i, '')
      .replace(/\.pdf$/i, '')
      .replace(/^arxiv:/i, '')
      .replace(/v\d+$/, '');
    if (!ARXIV_NEW.test(id) && !ARXIV_OLD.test(id)) return { error: `arxiv: "${item}" is not an arXiv id`, hint: 'arXiv ids look like 2011.13456 (or math/0601001 for old ones); to search by name, write arxiv:author:"Lei Wu".' };
    if (!ids.includes(id)) ids.push(id);
  }
  return { query: { kind: 'arxiv', by: 'ids', ids } };
}

function openalexSpec(body: string): SpecResult {
  const orcid = /^orcid:(.+)$/i.exec(body);
  if (orcid) {
    const id = orcidOf(orcid[1]!);
    return typeof id === 'string' ? { query: { kind: 'openalex', by: 'orcid', orcid: id } } : id;
  }
  const author = body.replace(/^author:/i, '').replace(/^https?:\/\/(?:api\.)?openalex\.org\/(?:authors\/|people\/)?/i, '');
  if (/^A\d{4,}$/i.test(author)) return { query: { kind: 'openalex', by: 'author', author: author.toUpperCase() } };
  if (ORCID.test(author.toUpperCase())) {
    const id = orcidOf(author);
    return typeof id === 'string' ? { query: { kind: 'openalex', by: 'orcid', orcid: id } } : id;
  }
  return { error: `openalex: "${body}" is neither an ORCID nor an OpenAlex author id`, hint: EXAMPLES.openalex };
}

function crossrefSpec(body: string): SpecResult {
  const orcid = /^orcid:(.+)$/i.exec(body);
  if (orcid) {
    const id = orcidOf(orcid[1]!);
    return typeof id === 'string' ? { query: { kind: 'crossref', by: 'orcid', orcid: id } } : id;
  }
  const items = listOf(body);
  if ('error' in items) return items;
  const dois: string[] = [];
  for (const item of items.list) {
    const doi = bareDoi(item);
    if (!doi) return { error: `crossref: "${item}" is not a DOI`, hint: 'DOIs look like 10.1137/19M1234567 (https://doi.org/ in front is fine).' };
    if (!dois.some((d) => d.toLowerCase() === doi.toLowerCase())) dois.push(doi);
  }
  return { query: { kind: 'crossref', by: 'dois', dois } };
}

function dblpSpec(body: string): SpecResult {
  const pid = body
    .replace(/^https?:\/\/(?:www\.)?dblp\.(?:org|uni-trier\.de)\//i, '')
    .replace(/^pid\//i, '')
    .replace(/\.(?:html|xml|bib)$/i, '')
    .replace(/[?#].*$/, '');
  // Person ids: "123/4567", "61/3234-34", "e/WeinanE", "m/AndrewMcCallum".
  if (/^(?:\d+|[a-z])\/[A-Za-z0-9-]+$/i.test(pid)) return { query: { kind: 'dblp', by: 'pid', pid } };
  if (/^pers\//i.test(pid)) return { error: `dblp: "${body}" is an old-style DBLP address`, hint: "open the person's page on dblp.org and give the address it shows now (https://dblp.org/pid/...)." };
  return { error: `dblp: "${body}" is not a DBLP person id`, hint: EXAMPLES.dblp };
}

/** An ORCID iD from "0000-0002-1825-0097" or its https://orcid.org/ address, its check digit verified. */
export function orcidOf(text: string): string | { error: string; hint: string } {
  const id = unquote(text.trim())
    .replace(/^https?:\/\/(?:www\.)?orcid\.org\//i, '')
    .replace(/\/$/, '')
    .toUpperCase();
  if (!ORCID.test(id)) return { error: `"${text}" is not an ORCID iD`, hint: 'ORCID iDs look like 0000-0002-1825-0097.' };
  if (orcidCheckDigit(id.slice(0, -1).replace(/-/g, '')) !== id.slice(-1)) return { error: `"${text}" is not an ORCID iD: its last character does not check`, hint: 'copy it again from your ORCID record.' };
  return id;
}

/** ISO 7064 MOD 11-2, as ORCID computes it. */
function orcidCheckDigit(digits: string): string {
  let total = 0;
  for (const d of digits) total = (total + Number(d)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

export function bareDoi(text: string): string | undefined {
  const doi = text
    .trim()
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
  let decoded = doi;
  try {
    decoded = decodeURIComponent(doi);
  } catch {
    // a stray % : as written
  }
  return DOI.test(decoded) ? decoded : undefined;
}

/** Comma- or space-separated identifiers, or `@file` with them. */
function listOf(body: string): { list: string[] } | { error: string; hint: string } {
  let text = body;
  if (body.startsWith('@')) {
    const path = body.slice(1);
    try {
      text = readFileSync(path, 'utf8').replace(/#.*$/gm, '');
    } catch (err) {
      return { error: `the list of identifiers "${path}" could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'give the path of a text file with one identifier a line.' };
    }
  }
  const list = text.split(/[\s,;]+/).filter(Boolean);
  if (list.length === 0) return { error: `"${body}" holds no identifier`, hint: 'put one identifier a line in the file.' };
  return { list };
}

function unquote(text: string): string {
  const t = text.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1).trim() : t;
}
