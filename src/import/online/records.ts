/**
 * What every online parser produces: drafts of publications in vita's terms, then checked and given citation keys in
 * one place, so that every service is held to the same rules (a title, authors, a year; DOIs and arXiv ids as vita
 * writes them; names as "Given Family").
 */
import type { PublicationType } from '../../schema/publication.js';
import { leaveOut, note, type ImportBundle, type ImportedPublication, type PublicationValue } from '../bundle.js';
import { publicationId, safeUrl, uniqueId } from '../text.js';
import { bareDoi } from './spec.js';

export interface Draft {
  /** Where it came from, for notes: "arxiv:2011.13456", "dblp:journals/corr/abs-2011-13456". */
  ref: string;
  type: PublicationType;
  title: string;
  authors: string[];
  year?: number;
  month?: number;
  date?: string;
  venue?: PublicationValue['venue'];
  doi?: string;
  arxiv?: string;
  url?: string;
  pdf?: string;
  abstract?: string;
  /** What the service says of each author, by position: how `vita sync` tells a person from a namesake. */
  authorDetails?: (AuthorDetail | undefined)[];
  /** The service names no co-authors: the person is the only author known, and the paper is matched on its title. */
  authorsUnknown?: boolean;
}

export interface AuthorDetail {
  /** The bare iD, 0000-0002-1825-0097. */
  orcid?: string;
  institutions?: string[];
}

/** What a parser gives: drafts, notes on what it could not read, and paging information. */
export interface Parsed<Extra = object> {
  drafts: Draft[];
  problems: { ref: string; message: string }[];
  extra: Extra;
}

/** Drafts into the bundle: incomplete ones left out with a note, keys made like Google Scholar's and unique. */
export function addDrafts(bundle: ImportBundle, drafts: Draft[], ids: Set<string>): void {
  for (const d of drafts) {
    const origin = { file: d.ref };
    const title = d.title.trim();
    const authors = d.authors.map((a) => a.trim()).filter(Boolean);
    const missing = [!title && 'a title', authors.length === 0 && 'authors', d.year === undefined && 'a year'].filter(Boolean);
    if (missing.length) {
      leaveOut(bundle, 'publications', `the service gives no ${missing.join(' and no ')}`);
      note(bundle, 'warning', origin, 'skipped', `${title ? `"${clip(title)}"` : 'an entry'} was not imported: the service gives no ${missing.join(' and no ')}`, 'add it by hand if it is yours.');
      continue;
    }
    const value: PublicationValue = {
      id: uniqueId(publicationId(authors[0], d.year!, title), ids),
      type: d.type,
      title,
      authors: authors.map((name) => ({ name, roles: [] })),
      year: d.year!,
    };
    if (d.venue && Object.values(d.venue).some((v) => v !== undefined)) value.venue = Object.fromEntries(Object.entries(d.venue).filter(([, v]) => v !== undefined));
    if (d.month && d.month >= 1 && d.month <= 12) value.month = d.month;
    // A date that says no more than the year is left out.
    if (d.date && /^\d{4}-\d{2}(-\d{2})?$/.test(d.date) && d.date.startsWith(String(d.year))) value.date = d.date;
    if (d.doi) value.doi = d.doi;
    if (d.arxiv) value.arxiv = d.arxiv;
    const url = safeUrl(d.url);
    if (url && /^https?:/.test(url) && !isIdentifierUrl(url, value)) value.url = url;
    const pdf = safeUrl(d.pdf);
    if (pdf && /^https?:/.test(pdf)) value.links = { pdf };
    if (d.abstract) value.abstract = d.abstract;
    if (d.authorsUnknown) value.etal = true;
    bundle.publications.push({ value, origin, ...(d.authorsUnknown ? { authorsUnknown: true } : {}) } satisfies ImportedPublication);
  }
}

/** A link that only repeats the DOI or the arXiv id is not worth keeping: vita links those itself. */
function isIdentifierUrl(url: string, v: PublicationValue): boolean {
  const u = url.toLowerCase();
  return (v.doi !== undefined && u.includes(v.doi.toLowerCase())) || (v.arxiv !== undefined && u.includes(`arxiv.org/abs/${v.arxiv.toLowerCase()}`));
}

/** A DOI as vita writes it, or undefined; arXiv's own DOIs (10.48550/arXiv.*) are arXiv ids, not DOIs of a paper. */
export function doiOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const doi = bareDoi(text);
  if (!doi || /^10\.48550\/arxiv\./i.test(doi)) return undefined;
  return doi;
}

/** An arXiv id without its version, from an id, an abs/pdf address or an arXiv DOI. */
export function arxivOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m =
    /(?:arxiv\.org\/(?:abs|pdf)\/|^arxiv:|10\.48550\/arxiv\.|^)(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?$/i.exec(text.trim());
  if (!m) return undefined;
  const id = m[1]!;
  return /\//.test(id) ? id.replace(/^[a-z-]+/i, (p) => p.toLowerCase()) : id;
}

/** "Wu, Lei" -> "Lei Wu"; "Lei Wu 0002" (DBLP's homonym number) -> "Lei Wu"; spaces tidied. */
export function personName(text: string | undefined): string {
  if (!text) return '';
  let name = text.replace(/\s+/g, ' ').trim().replace(/\s+\d{4}$/, '');
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma && !/\b(?:jr|sr|ii|iii|iv)\.?$/i.test(comma[2]!)) name = `${comma[2]} ${comma[1]}`;
  return name;
}

export function givenFamily(given: string | undefined, family: string | undefined): string {
  return [given, family].map((s) => s?.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
}

/** A year from a number or text, when plausible. */
export function yearOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{4}/.test(value) ? Number(value.trim().slice(0, 4)) : NaN;
  return Number.isInteger(n) && n >= 1000 && n <= 9999 ? n : undefined;
}

/** [2021, 3, 5] -> "2021-03-05"; [2021] -> "2021". */
export function dateFromParts(parts: unknown): { year?: number; month?: number; date?: string } {
  if (!Array.isArray(parts)) return {};
  const [y, m, d] = parts.map((x) => (typeof x === 'string' ? Number(x) : x)) as (number | undefined)[];
  const year = yearOf(y);
  if (!year) return {};
  const month = Number.isInteger(m) && m! >= 1 && m! <= 12 ? m : undefined;
  const day = month && Number.isInteger(d) && d! >= 1 && d! <= 31 ? d : undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { year, month, date: [String(year), month && pad(month), day && pad(day)].filter(Boolean).join('-') };
}

export function pages(first?: string, last?: string): string | undefined {
  const a = first?.trim();
  const b = last?.trim();
  if (!a) return undefined;
  return b && b !== a ? `${a}–${b}` : a;
}

export function clip(text: string, n = 60): string {
  return text.length > n ? `${text.slice(0, n - 3)}...` : text;
}
