/**
 * A publication as a BibTeX entry that keeps everything vita holds: author roles as `equal`/`lead`/`corresponding`
 * positions, the al-folio fields (abbr, award, selected, links), status and type. Reading the entry back with vita's
 * BibTeX reader gives the same publication; this is the export for moving a record, not the citer's copy (that one,
 * without the site's fields, is src/render/site/bibtex.ts).
 */
import { splitName } from '../../resolve/names.js';
import type { AuthorRole } from '../../schema/author-marks.js';
import type { PublicationInput } from '../../schema/publication.js';

/** What the exporter reads: the schema's publication, or the resolved one (whose status is always set). */
export type ExportablePublication = Omit<PublicationInput, 'authors' | 'type'> & {
  type?: PublicationInput['type'];
  authors: readonly { name: string; roles: readonly AuthorRole[] }[];
};

export interface ExportField {
  name: string;
  /** The value as BibTeX text, delimiters included. */
  raw: string;
}

const ENTRY_TYPES: Record<string, string> = {
  article: 'article',
  conference: 'inproceedings',
  workshop: 'inproceedings',
  preprint: 'misc',
  book: 'book',
  chapter: 'incollection',
  thesis: 'phdthesis',
  report: 'techreport',
  other: 'misc',
};

const LINK_FIELDS: Record<string, string> = {
  pdf: 'pdf',
  code: 'code',
  slides: 'slides',
  video: 'video',
  poster: 'poster',
  project: 'website',
  html: 'html',
  blog: 'blog',
  supplement: 'supp',
  data: 'data',
};

const ROLE_FIELDS: [AuthorRole, string][] = [
  ['equal', 'equal'],
  ['lead', 'lead'],
  ['corresponding', 'corresponding'],
];

const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

/** The BibTeX entry type a publication type is written as. */
export function entryType(type: string | undefined): string {
  return ENTRY_TYPES[type ?? 'article'] ?? 'misc';
}

/** One entry, fields aligned, in the order a reader expects them. */
export function toBibtex(pub: ExportablePublication): string {
  return formatEntry(entryType(pub.type), pub.id, bibtexFields(pub));
}

/** Several entries, one blank line apart. */
export function toBibtexFile(pubs: readonly ExportablePublication[]): string {
  return pubs.map(toBibtex).join('\n\n') + (pubs.length ? '\n' : '');
}

export function formatEntry(type: string, key: string, fields: readonly ExportField[]): string {
  const width = Math.max(0, ...fields.map((f) => f.name.length));
  return `@${type}{${key},\n${fields.map((f) => `  ${f.name.padEnd(width)} = ${f.raw}`).join(',\n')}\n}`;
}

/**
 * Which fields an entry carries. `export`: everything vita holds (roles, links, status, abstract), read back unchanged
 * by vita's reader. `citation`: what a citer's .bib needs (authors, title, venue, numbers, year, identifiers, a URL and
 * a note on the status), escaped only where BibTeX would stumble. One walk over the publication makes both.
 */
export type FieldSet = 'export' | 'citation';

/** The fields of the entry for a publication, in the order a reader expects them. */
export function bibtexFields(pub: ExportablePublication, set: FieldSet = 'export'): ExportField[] {
  const all = set === 'export';
  const fields: ExportField[] = [];
  const escape = all ? escapeText : citerText;
  const text = (name: string, value: string | number | undefined) => {
    if (value === undefined || value === '') return;
    // The citer's copy writes numbers bare (`year = 2024`).
    fields.push({ name, raw: typeof value === 'number' && !all ? String(value) : `{${typeof value === 'number' ? value : escape(value)}}` });
  };
  const verbatim = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') fields.push({ name, raw: all ? `{${escapeVerbatim(value)}}` : `{${citerText(value)}}` });
  };
  const type = pub.type ?? 'article';
  const bibType = entryType(type);
  const names = pub.authors.map((a) => bibtexName(a.name));
  if (pub.etal) names.push('others');
  if (all) fields.push({ name: 'author', raw: `{${names.join(' and ')}}` });
  else text('author', names.join(' and '));
  if (all) {
    for (const [role, name] of ROLE_FIELDS) {
      const positions = pub.authors.flatMap((a, i) => (a.roles.includes(role) ? [i + 1] : []));
      if (positions.length) fields.push({ name, raw: `{${positions.join(',')}}` });
    }
    if (pub.alphabetical !== undefined) fields.push({ name: 'alphabetical', raw: `{${pub.alphabetical}}` });
  }
  text('title', pub.title);
  // The citer's copy names a venue by its short name when it has no other, and gives a @misc none.
  const venueName = all ? pub.venue?.name : (pub.venue?.name ?? pub.venue?.short);
  const venueField =
    bibType === 'article' ? 'journal'
    : bibType === 'phdthesis' ? 'school'
    : bibType === 'techreport' ? 'institution'
    : bibType === 'misc' ? (all ? 'howpublished' : undefined)
    : bibType === 'book' ? undefined
    : bibType === 'inproceedings' || bibType === 'incollection' || all ? 'booktitle' : undefined;
  if (venueField) text(venueField, venueName);
  if (all && (pub.venue?.short || pub.venue?.year)) text('abbr', [pub.venue!.short, pub.venue!.year].filter((x) => x !== undefined).join(' '));
  text('volume', pub.venue?.volume);
  text('number', pub.venue?.number);
  text('pages', pub.venue?.pages);
  text('publisher', pub.venue?.publisher);
  text('year', pub.year);
  if (pub.month) {
    if (all) fields.push({ name: 'month', raw: `{${pub.month}}` });
    else text('month', pub.month);
  }
  if (all) {
    if (pub.date) fields.push({ name: 'date', raw: `{${pub.date}}` });
    if (needsPubtype(type, bibType, pub.venue?.name)) fields.push({ name: 'pubtype', raw: `{${type}}` });
    const status = pub.status;
    if (status && status !== (type === 'preprint' ? 'preprint' : 'published')) fields.push({ name: 'status', raw: `{${status}}` });
  }
  verbatim('doi', pub.doi);
  if (all) {
    verbatim('arxiv', pub.arxiv);
    verbatim('openreview', pub.openreview);
    verbatim('url', pub.url);
    for (const [kind, field] of Object.entries(LINK_FIELDS)) verbatim(field, pub.links?.[kind as keyof NonNullable<typeof pub.links>]);
    text('award', pub.award);
    if (pub.selected !== undefined) fields.push({ name: 'selected', raw: `{${pub.selected}}` });
    if (pub.topics?.length) text('keywords', pub.topics.join(', '));
    text('note', pub.note);
    text('abstract', pub.abstract);
    return fields;
  }
  // The citer's copy: arXiv as eprint, a URL where there is any, and the status as a note.
  if (pub.arxiv) {
    verbatim('eprint', pub.arxiv);
    verbatim('archiveprefix', 'arXiv');
  }
  verbatim('url', pub.url ?? (pub.doi ? `https://doi.org/${pub.doi}` : pub.arxiv ? `https://arxiv.org/abs/${pub.arxiv}` : undefined));
  if (pub.status === 'accepted') text('note', 'To appear');
  else if (bibType === 'misc' && !pub.arxiv && pub.status !== 'published') text('note', pub.status === 'in-preparation' ? 'In preparation' : pub.status === 'preprint' ? 'Preprint' : pub.status === 'under-review' ? 'Under review' : 'Submitted');
  return fields;
}

/** The citer's escaping: the characters BibTeX or LaTeX would read as commands, and dashes as TeX writes them. */
function citerText(text: string): string {
  return text.replace(/[&%#]/g, (c) => `\\${c}`).replace(/–/g, '--').replace(/—/g, '---');
}

/** When the entry type alone would be read as another publication type. */
function needsPubtype(type: string, bibType: string, venueName: string | undefined): boolean {
  if (type === 'workshop' || type === 'preprint' || type === 'other') return true;
  if (type === 'article') return venueName !== undefined && /^\s*(?:arxiv\b|corr\s*$)/i.test(venueName);
  if (type === 'conference') return venueName !== undefined && /\bworkshops?\b/i.test(venueName);
  return bibType === 'misc';
}

/** "Lei Wu" -> "Wu, Lei"; "Martin Luther King Jr." -> "King, Jr., Martin Luther"; a name BibTeX would split is braced. */
export function bibtexName(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const suffix = words.length > 2 && SUFFIX.test(last) ? last : undefined;
  const { given, family } = splitName(suffix ? words.slice(0, -1).join(' ') : name);
  if (/,|\s+and\s+|[{}]/i.test(name) || !family) return `{${escapeText(name)}}`;
  const fam = escapeText(family);
  const giv = escapeText(given.join(' '));
  if (suffix) return `${fam}, ${suffix}, ${giv}`;
  return given.length ? `${fam}, ${giv}` : fam;
}

/**
 * Text as a BibTeX value vita reads back unchanged: math (`$...$`) kept as written; outside it, the characters BibTeX or
 * LaTeX would read as syntax are escaped. Commands already in the text (`\$`, an unknown `\foo`) are left as they are.
 */
export function escapeText(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '$') {
      const close = text[i + 1] === '$' ? '$$' : '$';
      let end = text.indexOf(close, i + close.length);
      while (end !== -1 && text[end - 1] === '\\') end = text.indexOf(close, end + 1);
      if (end !== -1 && balanced(text.slice(i, end))) {
        out += text.slice(i, end + close.length);
        i = end + close.length;
        continue;
      }
      out += '\\$';
      i++;
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next !== undefined && /[A-Za-z$&%#_{}]/.test(next)) {
        out += c + next;
        i += 2;
      } else {
        out += '\\textbackslash{}';
        i++;
      }
    } else if (c === '{' || c === '}' || c === '&' || c === '%' || c === '#') {
      out += `\\${c}`;
      i++;
    } else if (c === '~') {
      out += '\\textasciitilde{}';
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      out += '-{}';
      i++;
    } else if (c === "'" && text[i + 1] === "'") {
      out += "'{}";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** URLs and identifiers: only what would break the entry is escaped. */
function escapeVerbatim(value: string): string {
  return value.replace(/[{}]/g, '').replace(/%/g, '\\%');
}
