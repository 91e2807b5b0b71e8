/**
 * BibTeX as Google Scholar, DBLP, arXiv, Zotero and al-folio users write it, mess included: Jekyll front matter,
 * @string macros, crossref, duplicate keys, DBLP keys vita cannot use as ids, unescaped `&`. Every entry is normalised
 * into one that stands alone (macros resolved, crossref fields inherited) and then read with the project's own reader,
 * so what the import writes is exactly what `vita check` will read.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { OutsideError, readInside } from '../../load/inside.js';
import { Diagnostics } from '../../diagnostics/diagnostic.js';
import { readBibtex } from '../../load/bibtex/index.js';
import { Publication } from '../../schema/publication.js';
import { braced, formatEntry, scanBibtex, toValue, type ScannedEntry } from '../bibtex-entries.js';
import { mendEntry } from '../bibtex-repairs.js';

export { toValue } from '../bibtex-entries.js';
import { emptyBundle, leaveOut, note, type BibEntry, type BibField, type ImportBundle, type ImportSource, type ImportedPublication, type Origin, type SourceContext } from '../bundle.js';
import { slug, uniqueId } from '../text.js';

export const bibtexSource: ImportSource = {
  kind: 'bibtex',
  description: 'a BibTeX file, or a folder of them (Google Scholar, DBLP, arXiv, Zotero, al-folio exports)',
  read: (path, context) => readBibtexSource(path, context),
};

export function readBibtexSource(path: string, context?: SourceContext): ImportBundle {
  const isDir = statSync(path).isDirectory();
  const files = isDir ? listBibFiles(path) : [path];
  const label = slug(isDir ? basename(path) : basename(path).replace(/\.[^.]+$/, '')) || 'bibtex';
  const bundle = emptyBundle('bibtex', label);
  const ids = new Set<string>();
  for (const file of files) {
    const name = isDir ? relative(path, file).split('\\').join('/') : basename(file);
    const text = readText(file, name, bundle, isDir ? path : undefined);
    if (text === undefined) continue;
    bundle.publications.push(...publicationsFromBibtex(name, text, bundle, { ids, progress: context?.progress }));
  }
  if (files.length === 0) note(bundle, 'error', { file: basename(path) }, 'no-source', 'the folder holds no .bib file', 'give a .bib file, or a folder with .bib files in it.');
  bundle.title = mainAuthor(bundle.publications);
  return bundle;
}

function listBibFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listBibFiles(p));
    else if (entry.name.toLowerCase().endsWith('.bib')) out.push(p);
  }
  return out.sort();
}

/**
 * Reads a source file as UTF-8 text (a BOM removed), or notes why it cannot be read. With `root` (the source
 * folder), a file that is a symbolic link out of it is not read: it is noted, naming the file.
 */
export function readText(path: string, name: string, bundle: ImportBundle, root?: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = root === undefined ? readFileSync(path) : readInside(root, resolve(path));
  } catch (err) {
    if (err instanceof OutsideError) {
      noteLink(bundle, name, err);
      return undefined;
    }
    note(bundle, 'error', { file: name }, 'unreadable', `the file could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
  if (bytes.includes(0)) {
    note(bundle, 'error', { file: name }, 'not-text', 'the file is binary, not text');
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Old exports are often Latin-1: read them as such rather than give up, and say so.
    note(bundle, 'warning', { file: name }, 'not-utf8', 'the file is not UTF-8; it was read as Latin-1', 'check accented names in the result.');
    return new TextDecoder('latin1').decode(bytes);
  }
}

export interface BibtexOptions {
  /** Ids already taken (by earlier files of the same import). */
  ids?: Set<string>;
  /** Entries to leave out, with the reason (al-folio's demo papers). */
  skip?: (entry: ScannedEntry) => string | undefined;
  progress?: SourceContext['progress'];
}

/** Fields whose values are addresses or identifiers: an `&` there is not text. */
const VERBATIM_FIELDS = new Set(['url_pdf', 'url_code', 'url_slides', 'url_poster', 'url_video', 'url_supplemental', 'url_project', 'link', 'url', 'doi', 'pdf', 'code', 'html', 'website', 'slides', 'video', 'poster', 'blog', 'supp', 'eprint', 'arxiv', 'openreview', 'file', 'howpublished', 'biburl', 'preview']);
/** Fields a crossref child never takes from its parent. */
const NOT_INHERITED = new Set(['crossref', 'key', 'ids', 'title', 'subtitle', 'author', 'abstract', 'doi', 'url', 'eprint', 'pages']);
const VALID_KEY = /^[A-Za-z0-9][A-Za-z0-9_:.+-]*$/;

/** The publications of one BibTeX text; what is skipped or changed is noted in `bundle`. */
export function publicationsFromBibtex(file: string, source: string, bundle: Pick<ImportBundle, 'notes' | 'leftOut'>, options: BibtexOptions = {}): ImportedPublication[] {
  const text = blankFrontMatter(source);
  if (text !== source) note(bundle, 'info', { file, line: 1 }, 'front-matter', 'the Jekyll front matter at the top of the file was left out');
  // The project's reader, on the file as it is: its syntax diagnostics, with lines in the source.
  const syntax = new Diagnostics();
  // Its records serve entries that need no change (most of them): no need to read those twice.
  const asWritten = new Map<string, Record<string, unknown>>();
  for (const r of readBibtex(file, text, syntax)) if (r.id !== undefined && !asWritten.has(r.id)) asWritten.set(r.id, r.value as Record<string, unknown>);
  for (const d of syntax.list) {
    if (d.code === 'load/duplicate-key') continue; // handled below, with what is done about it
    bundle.notes.push({ ...d, severity: d.severity === 'error' ? 'warning' : d.severity, hint: d.severity === 'error' ? `${d.hint ? `${d.hint} ` : ''}(what could not be read was not imported)` : d.hint });
  }
  const { entries } = scanBibtex(text);
  const byKey = new Map(entries.map((e) => [e.key.toLowerCase(), e]));
  const crossrefTargets = new Set(entries.flatMap((e) => e.fields.filter((f) => f.name === 'crossref').map((f) => f.text.trim().toLowerCase())));
  const ids = options.ids ?? new Set<string>();
  const seen = new Map<string, ScannedEntry>();
  const out: ImportedPublication[] = [];
  const skipped = new Map<string, string[]>();
  let escaped = 0;
  options.progress?.start(`reading ${file}`, entries.length);
  for (const [i, scanned] of entries.entries()) {
    if (i % 200 === 0) options.progress?.tick(i);
    const origin: Origin = { file, line: scanned.line };
    const hasAuthor = scanned.fields.some((f) => f.name === 'author' && f.text.trim());
    if (!hasAuthor && (scanned.type === 'proceedings' || scanned.type === 'book' || scanned.type === 'collection') && crossrefTargets.has(scanned.key.toLowerCase())) {
      leaveOut(bundle, 'publications', 'a volume other entries cross-reference');
      note(bundle, 'info', origin, 'crossref-volume', `\`${scanned.key}\` is the volume other entries cross-reference: its fields went into them, and it is not a publication of its own`);
      continue;
    }
    const why = options.skip?.(scanned);
    if (why) {
      (skipped.get(why) ?? skipped.set(why, []).get(why)!).push(scanned.key);
      continue;
    }
    const previous = seen.get(scanned.key.toLowerCase());
    if (previous && sameText(text, previous, scanned)) {
      leaveOut(bundle, 'publications', 'written twice, identically');
      note(bundle, 'info', origin, 'duplicate-entry', `\`${scanned.key}\` is written twice, identically (first on line ${previous.line}); it is imported once`);
      continue;
    }
    const entry = normalise(text, scanned, byKey, bundle, origin);
    if (entry.escapedAmpersand) escaped++;
    const key = validKey(scanned.key);
    const id = uniqueId(key, ids);
    if (id !== scanned.key) {
      entry.bib.key = id;
      entry.bib.verbatim = undefined;
      if (previous) note(bundle, 'warning', origin, 'duplicate-key', `the key \`${scanned.key}\` is used twice (first on line ${previous.line}) for different entries; this one is imported as \`${id}\``, 'cite it with the new key.');
      else if (key !== scanned.key) note(bundle, 'info', origin, 'key-renamed', `the key \`${scanned.key}\` is not a valid id in vita; it is imported as \`${id}\``, 'ids are letters, digits and _:.+- ; cite it with the new key.');
      else note(bundle, 'info', origin, 'key-renamed', `the key \`${scanned.key}\` is already taken by another imported file; this one is imported as \`${id}\``);
    }
    if (!previous) seen.set(scanned.key.toLowerCase(), scanned);
    const pub = readEntry(entry.bib, file, origin, bundle, entry.bib.verbatim !== undefined && !previous ? asWritten.get(scanned.key) : undefined);
    if (pub) {
      // Habits of hand-kept bibliographies (`equal = {12}`, `journal = {preprint}`, an arXiv PDF), wherever the BibTeX is from.
      mendEntry(pub, bundle);
      out.push(pub);
    } else ids.delete(id);
  }
  options.progress?.done();
  for (const [why, keys] of skipped) {
    leaveOut(bundle, 'publications', why, keys.length);
    note(bundle, 'info', { file }, 'skipped', `${keys.length} entr${keys.length === 1 ? 'y was' : 'ies were'} left out: ${why} (${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ' ...' : ''})`);
  }
  if (escaped) note(bundle, 'info', { file }, 'escaped-ampersand', `an unescaped \`&\` was written \`\\&\` in ${escaped} entr${escaped === 1 ? 'y' : 'ies'}, as LaTeX needs it`);
  return out;
}

/** Jekyll front matter (al-folio's `---\n---` at the top of papers.bib) as blank lines, keeping line numbers. */
export function blankFrontMatter(text: string): string {
  const m = /^(\uFEFF)?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[0].replace(/[^\n]/g, '') + text.slice(m[0].length) : text;
}

function sameText(text: string, a: ScannedEntry, b: ScannedEntry): boolean {
  const norm = (e: ScannedEntry) => text.slice(e.start, e.end).replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

function validKey(key: string): string {
  if (VALID_KEY.test(key)) return key;
  const fixed = key.replace(/[^A-Za-z0-9_:.+-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/-+$/, '');
  return fixed || 'entry';
}

/** An entry that stands alone: macros expanded, crossref inherited, `&` escaped. Unchanged entries stay verbatim. */
function normalise(text: string, scanned: ScannedEntry, byKey: Map<string, ScannedEntry>, bundle: Pick<ImportBundle, 'notes' | 'leftOut'>, origin: Origin): { bib: BibEntry; escapedAmpersand: boolean } {
  let changed = false;
  let escapedAmpersand = false;
  const fields: BibField[] = [];
  for (const f of scanned.fields) {
    let raw = f.raw;
    // `month = feb` is read by every tool; other macros are expanded so that the entry stands alone.
    if (!f.literal && !(f.name === 'month' && /^[a-z]{3}$/i.test(f.raw))) {
      raw = braced(f.text);
      changed = true;
    }
    if (f.name === 'crossref') {
      changed = true;
      continue;
    }
    const plain = mathSciNetMacros(raw);
    if (plain !== raw) {
      raw = plain;
      changed = true;
    }
    if (!VERBATIM_FIELDS.has(f.name) && /(^|[^\\])&/.test(raw)) {
      raw = raw.replace(/(^|[^\\])&/g, '$1\\&').replace(/(^|[^\\])&/g, '$1\\&');
      changed = true;
      escapedAmpersand = true;
    }
    fields.push({ name: f.name, raw });
  }
  // MathSciNet gives the journal abbreviated and in full (FJOURNAL): the full name is the venue.
  const full = fields.find((f) => f.name === 'fjournal');
  const journal = fields.find((f) => f.name === 'journal');
  if (full && journal) {
    fields.splice(fields.indexOf(full), 1);
    journal.raw = full.raw;
    changed = true;
  }
  if (themeFields(fields)) changed = true;
  const crossref = scanned.fields.find((f) => f.name === 'crossref');
  if (crossref) {
    const parent = byKey.get(crossref.text.trim().toLowerCase());
    if (!parent) {
      note(bundle, 'warning', origin, 'crossref-missing', `\`${scanned.key}\` cross-references \`${crossref.text.trim()}\`, which is not in the file`, 'its venue may be missing: add the booktitle to the entry.');
    } else {
      const has = new Set(fields.map((f) => f.name));
      const parentTitle = parent.fields.find((f) => f.name === 'title');
      if (!has.has('booktitle') && parentTitle && !parent.fields.some((f) => f.name === 'booktitle')) {
        fields.push({ name: 'booktitle', raw: braced(parentTitle.text) });
        has.add('booktitle');
      }
      for (const f of parent.fields) {
        if (has.has(f.name) || NOT_INHERITED.has(f.name)) continue;
        fields.push({ name: f.name, raw: f.literal ? f.raw : braced(f.text) });
        has.add(f.name);
      }
    }
  }
  const verbatim = changed ? undefined : text.slice(scanned.start, scanned.end);
  return { bib: { type: scanned.type, key: scanned.key, fields, verbatim }, escapedAmpersand };
}

/** Link fields of site themes (Hugo Academic's and al-folio's) under the names vita reads. */
const THEME_LINKS: Record<string, string> = {
  url_pdf: 'pdf', url_code: 'code', url_slides: 'slides', url_poster: 'poster', url_video: 'video', url_supplemental: 'supp',
  url_supp: 'supp', url_project: 'website', url_dataset: 'data', url_source: 'code', link: 'html',
};
/** al-folio's award fields, the fullest first. */
const AWARD_FIELDS = ['award', 'award-long', 'award_long', 'honor', 'award-abbr', 'award_abbr', 'highlight'];

/**
 * Theme fields as vita reads them: `url_pdf` is `pdf`, `award-long` or `honor` is `award`, and a badge with a note
 * (`abbr = {ICML 2022 (Spotlight)}`) is the badge `ICML 2022` and the award `Spotlight`. True when something changed.
 */
export function themeFields(fields: BibField[]): boolean {
  let changed = false;
  const has = (name: string) => fields.some((f) => f.name === name);
  for (const f of [...fields]) {
    const to = THEME_LINKS[f.name];
    if (!to) continue;
    fields.splice(fields.indexOf(f), 1);
    if (!has(to)) fields.push({ name: to, raw: f.raw });
    changed = true;
  }
  const awards = fields.filter((f) => AWARD_FIELDS.includes(f.name));
  const text = (f: BibField) => f.raw.replace(/^[{"]|[}"]$/g, '').trim();
  const best = AWARD_FIELDS.map((n) => awards.find((f) => f.name === n)).find((f) => f && text(f) && !/^(true|yes|1)$/i.test(text(f)));
  if (awards.length && (awards.length > 1 || awards[0]!.name !== 'award')) {
    for (const f of awards) fields.splice(fields.indexOf(f), 1);
    if (best) fields.push({ name: 'award', raw: `{${text(best)}}` });
    changed = true;
  }
  const abbr = fields.find((f) => f.name === 'abbr');
  const note = abbr ? /^(.*?)\s*\(([^()]+)\)$/.exec(text(abbr)) : null;
  if (abbr && note && note[1]) {
    abbr.raw = `{${note[1]}}`;
    if (!has('award')) fields.push({ name: 'award', raw: `{${note[2]!.trim()}}` });
    changed = true;
  }
  return changed;
}

/**
 * The macros MathSciNet's exports use, as the letters they stand for: `\cprime` (the soft sign, ʹ), `\polhk{a}` (ą),
 * `\cydot` (·); `{\cyr ...}` switches to a Cyrillic font for transliterated text, which is kept as written.
 */
export function mathSciNetMacros(raw: string): string {
  if (!/\\(?:cprime|cdprime|polhk|cyr|cydot|Dbar|dbar)/.test(raw)) return raw;
  return raw
    .replace(/\{\\cprime\}|\\cprime(?![A-Za-z])\s?/g, 'ʹ')
    .replace(/\{\\cdprime\}|\\cdprime(?![A-Za-z])\s?/g, 'ʺ')
    .replace(/\{\\cydot\}|\\cydot(?![A-Za-z])\s?/g, '·')
    .replace(/\\Dbar(?![A-Za-z])\s?/g, 'Đ')
    .replace(/\\dbar(?![A-Za-z])\s?/g, 'đ')
    .replace(/\{\\polhk\s*\{?([A-Za-z])\}?\}|\\polhk\s*\{([A-Za-z])\}|\\polhk\s+([A-Za-z])/g, (_, a?: string, b?: string, c?: string) => `${a ?? b ?? c}\u0328`.normalize('NFC'))
    .replace(/\{\\cyr\s+([^{}]*)\}/g, '$1')
    .replace(/\\cyr(?![A-Za-z])\s?/g, '');
}

/** Reads the entry as the project will, and keeps it when the schema takes it. */
function readEntry(bib: BibEntry, file: string, origin: Origin, bundle: Pick<ImportBundle, 'notes' | 'leftOut'>, read?: Record<string, unknown>): ImportedPublication | undefined {
  let value = read;
  if (!value) {
    const [record] = readBibtex(file, formatEntry(bib), new Diagnostics());
    if (!record) {
      leaveOut(bundle, 'publications', 'could not be read');
      note(bundle, 'warning', origin, 'entry-skipped', `\`${bib.key}\` could not be read, and was not imported`);
      return undefined;
    }
    value = record.value as Record<string, unknown>;
  }
  let parsed = Publication.safeParse(value);
  // One bad field costs that field, never the entry: a year as exports write it ("1986/87", "[2020] © 2020",
  // "2006 2006") is read as its first year; another field that is not valid (`doi = {XX}`, an empty month before a
  // second one) is left out, with a warning.
  for (let tries = 0; !parsed.success && tries < 6; tries++) {
    const repaired = repairField(bib, parsed.error.issues[0]!.path, value, origin, bundle);
    if (!repaired) break;
    const [record] = readBibtex(file, formatEntry(bib), new Diagnostics());
    if (!record) break;
    value = record.value as Record<string, unknown>;
    parsed = Publication.safeParse(value);
  }
  if (!parsed.success) {
    const problems = [...new Set(parsed.error.issues.map((i) => describeIssue(i.path, value)))];
    leaveOut(bundle, 'publications', problems.join('; '));
    note(bundle, 'warning', origin, 'entry-skipped', `\`${bib.key}\` was not imported: ${problems.join('; ')}`, 'complete the entry in the source and import again, or add it by hand.');
    return undefined;
  }
  return { value: toValue(parsed.data), bibtex: bib, origin, checked: formatEntry(bib) };
}

/** Fields an entry keeps whatever happens: without them there is no publication, so they are never dropped. */
const ESSENTIAL = new Set(['title', 'author', 'authors', 'type']);

/** Mends or drops the field a schema issue is about; false when there is nothing it may do. */
function repairField(bib: BibEntry, path: PropertyKey[], value: Record<string, unknown>, origin: Origin, bundle: Pick<ImportBundle, 'notes'>): boolean {
  const field = String(path[0] ?? '');
  if (!field || ESSENTIAL.has(field)) return false;
  const at = bib.fields.findIndex((f) => f.name === field);
  if (at === -1) return false;
  const raw = bib.fields[at]!.raw;
  const text = raw.replace(/^[{"]|[}"]$/g, '').trim();
  bib.verbatim = undefined;
  if (field === 'year') {
    const year = /(?:^|[^\d])(1[5-9]\d\d|20\d\d)(?!\d)/.exec(text)?.[1];
    if (!year) return false;
    bib.fields[at] = { name: 'year', raw: `{${year}}` };
    note(bundle, 'warning', origin, 'field-repaired', `\`${bib.key}\`: its year "${text}" was read as ${year}`, 'check the year in the source.');
    return true;
  }
  bib.fields.splice(at, 1);
  const shown = String(path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k], value) ?? text);
  note(bundle, 'warning', origin, 'field-dropped', `\`${bib.key}\`: its ${field} "${shown}" is not valid; the field was left out and the entry imported`, `correct the ${field} in the source, or add it by hand.`);
  return true;
}

function describeIssue(path: PropertyKey[], value: Record<string, unknown>): string {
  const field = String(path[0] ?? '');
  if (value[field] === undefined) {
    if (field === 'authors') return 'it has no author';
    return `it has no ${field}`;
  }
  if (field === 'year') return `its year "${String(value.year)}" is not a year`;
  return `its ${path.join('.')} is not valid ("${String(path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k], value))}")`;
}

/** The schema's output as a plain value: no undefined keys. */
/** The name on more than half of the entries: a Google Scholar export is one person's list. */
function mainAuthor(pubs: ImportedPublication[]): string | undefined {
  if (pubs.length < 2) return undefined;
  const counts = new Map<string, number>();
  for (const p of pubs) for (const a of new Set(p.value.authors.map((x) => x.name))) counts.set(a, (counts.get(a) ?? 0) + 1);
  const [name, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return name && count! > pubs.length / 2 ? name : undefined;
}

/** A file of the source that is a symbolic link out of it (or to nothing): never read, and said so. */
export function noteLink(bundle: Pick<ImportBundle, 'notes'>, file: string, err: OutsideError): void {
  if (bundle.notes.some((n) => n.file === file && n.code.endsWith('link-outside'))) return; // linked from several places: said once
  note(
    bundle,
    'warning',
    { file },
    'link-outside',
    err.target === undefined ? 'the file is a symbolic link that leads nowhere: it was skipped' : `the file is a symbolic link to ${err.target}, outside the source: it was not read, nor copied`,
    'vita imports only what the source folder holds: copy the file into it if it belongs there.',
  );
}
