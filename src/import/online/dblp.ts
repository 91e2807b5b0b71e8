/**
 * DBLP's person pages as XML (dblp.org/pid/<pid>.xml): the person (name, ORCID, homepage) and every record, each in an
 * <r>. arXiv copies are CoRR "articles" (publtype informal, volume abs/<id>): preprints, merged later with their
 * published versions. Names carry DBLP's homonym numbers ("Lei Wu 0002"), titles end with a period and may hold
 * <i>, <sub>, <sup>.
 */
import type { PublicationType } from '../../schema/publication.js';
import { venueFrom } from '../text.js';
import type { OnlineIo, ServiceResult } from './io.js';
import { markupText } from './markup.js';
import { arxivOf, doiOf, personName, type Draft, type Parsed } from './records.js';
import type { OnlineQuery } from './spec.js';
import { asList, attr, parseXml, textOf, type XmlNode } from './xml.js';

const RECORDS = ['article', 'inproceedings', 'proceedings', 'incollection', 'book', 'phdthesis', 'mastersthesis', 'www', 'data'];

export function dblpUrl(pid: string): string {
  return `https://dblp.org/pid/${pid}.xml`;
}

export async function readDblp(query: Extract<OnlineQuery, { kind: 'dblp' }>, io: OnlineIo): Promise<ServiceResult> {
  const url = dblpUrl(query.pid);
  const ref = `dblp:${query.pid}`;
  io.progress.start('DBLP', 1);
  const body = await io.text(url, ref, { notFound: `DBLP has no person ${query.pid}` });
  io.progress.done();
  const label = `dblp-${query.pid}`;
  if (body === undefined) return { drafts: [], label };
  const page = parseDblp(body);
  if ('error' in page) {
    io.malformed(ref, url, page.error);
    return { drafts: [], label };
  }
  for (const p of page.problems) io.problem(p.ref, p.message, 'info');
  const person = page.extra.name ? { name: page.extra.name, homepage: page.extra.homepage, links: { dblp: `https://dblp.org/pid/${query.pid}`, ...page.extra.links } } : undefined;
  return { drafts: page.drafts, person, label };
}

interface DblpExtra {
  name?: string;
  links: Record<string, string>;
  homepage?: string;
}

export function parseDblp(xml: string): Parsed<DblpExtra> | { error: string } {
  const parsed = parseXml(xml, { arrays: ['r', 'author', 'editor', 'ee', 'url', 'note'], raw: ['title'] });
  if ('error' in parsed) return { error: parsed.error };
  const root = parsed.doc.dblpperson as XmlNode | undefined;
  if (!root || typeof root !== 'object') return { error: 'it is not a DBLP person page (no <dblpperson>)' };
  const links: Record<string, string> = {};
  let homepage: string | undefined;
  const person = (root.person ?? {}) as XmlNode;
  for (const u of asList(person.url)) {
    const url = textOf(u)?.trim();
    if (!url) continue;
    if (/orcid\.org\//.test(url)) links.orcid ??= url;
    else if (/scholar\.google\./.test(url)) links.scholar ??= url;
    else if (/^https?:\/\//.test(url) && !/wikidata|researcherid|d-nb\.info|mathgenealogy|zbmath|wikipedia|twitter|linkedin|github\.com/.test(url)) homepage ??= url;
  }
  const result: Parsed<DblpExtra> = { drafts: [], problems: [], extra: { name: personName(attr(root, 'name')) || undefined, links, homepage } };
  for (const r of asList(root.r) as XmlNode[]) {
    const kind = RECORDS.find((k) => r && typeof r === 'object' && k in r);
    if (!kind) continue;
    const record = r[kind] as XmlNode;
    const key = attr(record, 'key') ?? '?';
    const ref = `dblp:${key}`;
    const publtype = attr(record, 'publtype');
    const title = dblpTitle(textOf(record.title));
    if (kind === 'www' || kind === 'data') continue; // the person's homepage record; research data
    if (kind === 'proceedings' || publtype === 'edited') {
      result.problems.push({ ref, message: `"${title}" is a volume the person edited, not a paper: left out` });
      continue;
    }
    if (publtype === 'withdrawn') {
      result.problems.push({ ref, message: `"${title}" was withdrawn: left out` });
      continue;
    }
    result.drafts.push(recordDraft(kind, record, title, ref, publtype));
  }
  return result;
}

/** DBLP ends every title with a period; "Why?" keeps its question mark. */
function dblpTitle(raw: string | undefined): string {
  return markupText(raw).replace(/([^.])\.$/, '$1').trim();
}

function recordDraft(kind: string, record: XmlNode, title: string, ref: string, publtype: string | undefined): Draft {
  const journal = textOf(record.journal)?.trim();
  const volume = textOf(record.volume)?.trim();
  const booktitle = textOf(record.booktitle)?.trim();
  const ees = asList(record.ee).map((e) => textOf(e)?.trim()).filter((e): e is string => !!e);
  const corr = journal === 'CoRR' && volume?.startsWith('abs/');
  const arxiv = (corr ? arxivOf(volume!.slice(4)) : undefined) ?? ees.map(arxivOf).find((x) => x !== undefined);
  const doi = ees.map(doiOf).find((x) => x !== undefined);
  const type: PublicationType =
    corr || publtype === 'informal'
      ? 'preprint'
      : kind === 'inproceedings'
        ? /workshop/i.test(booktitle ?? '') ? 'workshop' : 'conference'
        : (({ article: 'article', incollection: 'chapter', book: 'book', phdthesis: 'thesis', mastersthesis: 'thesis' } as Record<string, PublicationType>)[kind] ?? 'other');
  // Journals are named in full or abbreviated with periods ("Constr. Approx."); proceedings by their short name ("ICML").
  const venueText = type === 'preprint' ? undefined : (journal ?? booktitle ?? textOf(record.school)?.trim() ?? textOf(record.publisher)?.trim());
  const named = journal ? { name: journal } : venueText ? venueFrom(venueText) : {};
  const venue = venueText ? { ...named, volume: kind === 'article' ? volume : undefined, number: textOf(record.number)?.trim(), pages: textOf(record.pages)?.trim().replace(/-+/g, '–') } : undefined;
  if (venue?.year !== undefined) delete venue.year; // "ICML 2020" read as a short name and a year: the year is the record's
  const month = textOf(record.month)?.trim();
  return {
    ref,
    type,
    title,
    authors: asList(record.author).map((a) => personName(textOf(a))),
    authorDetails: asList(record.author).map((a) => {
      const orcid = attr(a, 'orcid')?.trim().toUpperCase();
      return orcid ? { orcid } : undefined;
    }),
    year: /^\d{4}$/.test(textOf(record.year)?.trim() ?? '') ? Number(textOf(record.year)) : undefined,
    month: month && /^\d{1,2}$/.test(month) ? Number(month) : undefined,
    venue,
    doi,
    arxiv,
    url: ees.find((e) => !doiOf(e) && !arxivOf(e)),
  };
}
