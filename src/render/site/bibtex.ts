/**
 * The BibTeX a visitor copies to cite a paper: the entry as the record wrote it, cleaned of the fields
 * that only drive the site (abbr, selected, award, code, keywords ...) and of author marks (`Wang, Mingze*$^\dagger$`),
 * or, when the record has no BibTeX of its own, an entry generated from the publication's fields.
 */
import { bibtexFields, entryType, formatEntry } from '../export/bibtex.js';
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

/** The entry written in the record, without site-only fields and author marks; undefined if it cannot be read. */
export function cleanBibtex(text: string): string | undefined {
  const entry = parseEntry(text);
  if (!entry) return undefined;
  const type = entry.type === 'misc' && entry.fields.some((f) => f.name === 'eprint') ? 'misc' : entry.type;
  const fields = entry.fields
    .filter((f) => !SITE_ONLY.has(f.name))
    .map((f) => (f.name === 'author' || f.name === 'editor' ? { name: f.name, raw: cleanAuthors(f.raw) } : f));
  return formatEntry(type, entry.key, fields);
}

/** A clean entry from the publication's fields: the citation's field set of the one BibTeX generator. */
export function generateBibtex(pub: Publication): string {
  return formatEntry(entryType(pub.type), pub.id, bibtexFields(pub, 'citation'));
}

/** What the site shows and copies. */
export function bibtexFor(pub: Publication): string {
  return (pub.bibtex && cleanBibtex(pub.bibtex)) || generateBibtex(pub);
}
