/**
 * The BibTeX a visitor copies to cite a paper: the entry as the record wrote it, cleaned of the fields
 * that only drive the site (abbr, selected, award, code, keywords ...) and of author marks (`Wang, Mingze*$^\dagger$`),
 * or, when the record has no BibTeX of its own, an entry generated from the publication's fields.
 */
import { bibtexName, entryType } from '../export/bibtex.js';
import type { Publication } from '../../resolve/graph.js';
import { parseAuthorMarks } from '../../schema/author-marks.js';

/** Fields al-folio and vita read for the site; a citer's .bib has no use for them. */
const SITE_ONLY = new Set([
  'abbr', 'selected', 'award', 'award_name', 'code', 'slides', 'video', 'poster', 'pdf', 'html', 'blog', 'website', 'project',
  'supplement', 'data', 'status', 'pubtype', 'keywords', 'abstract', 'alphabetical', 'equal', 'lead', 'corresponding',
  'preview', 'bibtex_show', 'google_scholar_id', 'dimensions', 'altmetric', 'topics', 'note_site', 'openreview', 'additional_info',
]);

interface Field {
  name: string;
  /** The value as written, delimiters included: "{...}", "\"...\"", 2024, a macro. */
  raw: string;
}

/** Splits "@type{key, name = value, ...}" into its parts; undefined when it is not one plain entry. */
function parseEntry(text: string): { type: string; key: string; fields: Field[] } | undefined {
  const head = /^\s*@(\w+)\s*\{\s*([^,\s]+)\s*,/.exec(text);
  if (!head) return undefined;
  const fields: Field[] = [];
  let i = head[0].length;
  const n = text.length;
  for (;;) {
    while (i < n && /[\s,]/.test(text[i]!)) i++;
    if (i >= n) return undefined;
    if (text[i] === '}') break;
    const name = /^[A-Za-z][\w:.+-]*/.exec(text.slice(i));
    if (!name) return undefined;
    i += name[0].length;
    while (i < n && /\s/.test(text[i]!)) i++;
    if (text[i] !== '=') return undefined;
    i++;
    const start = i;
    // A value: pieces joined by #, each braced, quoted or a bare word; ends at a comma or the closing brace.
    let depth = 0;
    let quoted = false;
    for (; i < n; i++) {
      const c = text[i]!;
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === '"' && depth === 0) quoted = !quoted;
      else if (c === ',' && depth === 0 && !quoted) break;
    }
    fields.push({ name: name[0].toLowerCase(), raw: text.slice(start, i).trim() });
  }
  return { type: head[1]!.toLowerCase(), key: head[2]!, fields };
}

/** "Wang, Mingze*$^\dagger$ and E, Weinan" -> "Wang, Mingze and E, Weinan". */
function cleanAuthors(raw: string): string {
  const inner = raw.startsWith('{') && raw.endsWith('}') ? raw.slice(1, -1) : raw.startsWith('"') ? raw.slice(1, -1) : raw;
  const names = inner.split(/\s+and\s+/).map((a) => parseAuthorMarks(a).name);
  return `{${names.join(' and ')}}`;
}

function format(type: string, key: string, fields: Field[]): string {
  const width = Math.max(...fields.map((f) => f.name.length), 0);
  const lines = fields.map((f) => `  ${f.name.padEnd(width)} = ${f.raw}`);
  return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}

/** The entry written in the record, without site-only fields and author marks; undefined if it cannot be read. */
export function cleanBibtex(text: string): string | undefined {
  const entry = parseEntry(text);
  if (!entry) return undefined;
  const type = entry.type === 'misc' && entry.fields.some((f) => f.name === 'eprint') ? 'misc' : entry.type;
  const fields = entry.fields
    .filter((f) => !SITE_ONLY.has(f.name))
    .map((f) => (f.name === 'author' || f.name === 'editor' ? { name: f.name, raw: cleanAuthors(f.raw) } : f));
  return format(type, entry.key, fields);
}

/** BibTeX text inside braces: the characters BibTeX or LaTeX would read as commands are escaped. */
function braced(text: string): string {
  return `{${text.replace(/[&%#]/g, (c) => `\\${c}`).replace(/–/g, '--').replace(/—/g, '---')}}`;
}

/** A clean entry from the publication's fields. */
export function generateBibtex(pub: Publication): string {
  const type = entryType(pub.type);
  const fields: Field[] = [];
  const add = (name: string, value: string | number | undefined) => {
    if (value === undefined || value === '') return;
    fields.push({ name, raw: typeof value === 'number' ? String(value) : braced(value) });
  };
  const authors = pub.authors.map((a) => bibtexName(a.name));
  if (pub.etal) authors.push('others');
  add('author', authors.join(' and '));
  add('title', pub.title);
  const venue = pub.venue?.name ?? pub.venue?.short;
  if (type === 'article') add('journal', venue);
  else if (type === 'inproceedings' || type === 'incollection') add('booktitle', venue);
  else if (type === 'techreport') add('institution', venue);
  else if (type === 'phdthesis') add('school', venue);
  add('volume', pub.venue?.volume);
  add('number', pub.venue?.number);
  add('pages', pub.venue?.pages);
  add('publisher', pub.venue?.publisher);
  add('year', pub.year);
  if (pub.month) add('month', pub.month);
  add('doi', pub.doi);
  if (pub.arxiv) {
    add('eprint', pub.arxiv);
    add('archiveprefix', 'arXiv');
  }
  add('url', pub.url ?? (pub.doi ? `https://doi.org/${pub.doi}` : pub.arxiv ? `https://arxiv.org/abs/${pub.arxiv}` : undefined));
  if (pub.status === 'accepted') add('note', 'To appear');
  else if (type === 'misc' && !pub.arxiv && pub.status !== 'published') add('note', pub.status === 'in-preparation' ? 'In preparation' : pub.status === 'preprint' ? 'Preprint' : pub.status === 'under-review' ? 'Under review' : 'Submitted');
  return format(type, pub.id, fields);
}

/** What the site shows and copies. */
export function bibtexFor(pub: Publication): string {
  return (pub.bibtex && cleanBibtex(pub.bibtex)) || generateBibtex(pub);
}
