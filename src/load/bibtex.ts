/**
 * Reads BibTeX files into publication records, with the line of every field, so that schema errors point into the .bib file.
 *
 * The file is scanned here rather than with @retorquere/bibtex-parser: that parser runs every field through a full
 * LaTeX grammar (about 1.4 s per MB, so 14 s for a 10 MB file), turns math into HTML (`$L^\infty$` -> `L<sup>∞</sup>`),
 * lets a control word swallow the " and " after it (`Wang\dag and Li` is one author), and gives no positions.
 * BibTeX's own grammar is small; the LaTeX that matters in a publication list (accents, braces, a few commands) is
 * converted by `latexToText` below, and math is kept as `$...$` for the site to render.
 */
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
import { AUTHOR_ROLES, parseAuthorMarks, type AuthorRole } from '../schema/author-marks.js';
import type { DataPath, RawRecord } from './record.js';

export function readBibtex(file: string, text: string, diagnostics: Diagnostics): RawRecord[] {
  try {
    const lines = new LineIndex(text);
    const scanner = new Scanner(text, lines);
    scanner.scan();
    reportProblems(file, text, scanner, lines, diagnostics);
    return toRecords(file, text, scanner.entries, lines, diagnostics);
  } catch (err) {
    // A bug here must not stop the whole build: report it against the file and go on without it.
    diagnostics.error(file, { line: 1, column: 1 }, 'load/bibtex-syntax', `the BibTeX file could not be read (${(err as Error).message})`, {
      hint: 'this is likely a bug in vita; please report it with the file.',
    });
    return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Positions

/** Turns offsets into 1-based lines and columns. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  span(offset: number): Span {
    const line = this.line(offset);
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Scanning: BibTeX's grammar, with offsets

/** A field as written: its value has @strings resolved and `#` parts joined. */
interface RawField {
  name: string;
  /** Offset of the field name. */
  at: number;
  value: string;
  /** Offset of the value's first character, when the value is one literal, so offsets inside the value map to the file. */
  valueAt?: number;
}

interface RawEntry {
  type: string;
  key: string;
  /** Offset of the `@`. */
  start: number;
  keyAt: number;
  /** Offset just after the closing brace. */
  end: number;
  fields: Map<string, RawField>;
}

interface Problem {
  at: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  hint?: string;
}

/** Stops reading the current entry; scanning resumes at the next one. */
class BibtexSyntaxError extends Error {
  constructor(
    readonly at: number,
    message: string,
    readonly hint?: string,
    /** Where to go on, when it is known better than "the next entry after `at`". */
    readonly resumeAt?: number,
  ) {
    super(message);
  }
}

/** BibTeX predefines the month macros; `month = jan` is the classic form. */
const MONTH_STRINGS: [string, string][] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
].map((m) => [m.slice(0, 3).toLowerCase(), m]);

const DIRECTIVE = /@[ \t]*([A-Za-z][\w-]*)/y;
/** What an entry looks like where it starts; used to tell a runaway value from text. */
const ENTRY_OPENING = /[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t\r\n]*[{(]/y;
const KEY = /[^\s,{}()="#%]+/y;
const FIELD_NAME = /[A-Za-z_][\w\-:.+/]*/y;
const STRING_NAME = /[A-Za-z_][^\s,{}()="#%]*/y;
const DIGITS = /\d+/y;

class Scanner {
  readonly entries: RawEntry[] = [];
  readonly problems: Problem[] = [];
  /** How many @-directives were found: a non-empty file without any is not BibTeX. */
  directives = 0;
  private pos = 0;
  private readonly strings = new Map<string, string>(MONTH_STRINGS);

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  scan(): void {
    for (let at = this.nextDirective(0); at !== -1; at = this.nextDirective(this.pos)) {
      this.pos = at;
      try {
        this.directive();
      } catch (err) {
        if (!(err instanceof BibtexSyntaxError)) throw err;
        this.problems.push({ at: err.at, severity: 'error', code: 'load/bibtex-syntax', message: err.message, hint: err.hint });
        this.pos = err.resumeAt ?? Math.max(err.at, at + 1);
      }
    }
  }

  /**
   * The next `@` that starts something. Text outside entries is a comment in BibTeX, so an `@` in the middle of a line
   * (an e-mail address) counts only when an entry clearly follows, and a line commented out with `%` never counts.
   */
  private nextDirective(from: number): number {
    const { text } = this;
    for (let at = text.indexOf('@', from); at !== -1; at = text.indexOf('@', at + 1)) {
      // Only what follows the previous entry counts: a `%` in its URL does not comment out the next one.
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const before = text.slice(Math.max(lineStart, from), at);
      if (before.includes('%')) continue;
      if ((lineStart >= from && before.trim() === '') || matchAt(ENTRY_OPENING, text, at)) return at;
    }
    return -1;
  }

  private directive(): void {
    const start = this.pos;
    DIRECTIVE.lastIndex = start;
    const m = DIRECTIVE.exec(this.text);
    if (!m) {
      throw new BibtexSyntaxError(start, 'a line that starts with `@` must start an entry', 'write `@article{key,` (or another type); outside entries, a line commented out starts with `%`.');
    }
    this.directives++;
    const type = m[1]!.toLowerCase();
    this.pos = start + m[0].length;
    if (type === 'comment') return this.skipComment();
    this.skipSpace();
    const open = this.text[this.pos];
    if (open !== '{' && open !== '(') {
      throw new BibtexSyntaxError(this.pos, `expected \`{\` after \`@${type}\`, found ${this.describe(this.pos)}`, `an entry is written \`@${type}{key, field = {value}, ...}\`.`);
    }
    const close = open === '{' ? '}' : ')';
    this.pos++;
    if (type === 'preamble') {
      this.readValue('@preamble');
      this.skipSpace();
      return this.expect(close, 'after the @preamble');
    }
    if (type === 'string') return this.readStrings(close);
    this.readEntry(type, start, close);
  }

  private readEntry(type: string, start: number, close: string): void {
    this.skipSpace();
    const keyAt = this.pos;
    const key = matchAt(KEY, this.text, keyAt);
    if (!key) {
      throw new BibtexSyntaxError(keyAt, `the @${type} entry has no citation key`, `write the key right after the brace: \`@${type}{song2021score,\`.`);
    }
    this.pos += key.length;
    this.skipSpace();
    if (this.text[this.pos] === ',') this.pos++;
    else if (this.text[this.pos] !== close) {
      throw new BibtexSyntaxError(this.pos, `expected \`,\` after the citation key \`${key}\`, found ${this.describe(this.pos)}`, 'a citation key cannot contain spaces or braces.');
    }
    const entry: RawEntry = { type, key, start, keyAt, end: start, fields: new Map() };
    this.readFields(entry, close);
    entry.end = this.pos;
    this.entries.push(entry);
  }

  private readFields(entry: RawEntry, close: string): void {
    let last: RawField | undefined;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return;
      }
      this.checkNotRunaway(entry, close);
      const nameAt = this.pos;
      const name = matchAt(FIELD_NAME, this.text, nameAt);
      if (!name) {
        throw new BibtexSyntaxError(nameAt, `expected a field name, found ${this.describe(nameAt)}`, last ? `fields are written \`name = {value},\`; check the line after \`${last.name}\`.` : undefined);
      }
      this.pos += name.length;
      this.skipSpace();
      if (this.text[this.pos] !== '=') {
        throw new BibtexSyntaxError(this.pos, `expected \`=\` after the field name \`${name}\`, found ${this.describe(this.pos)}`, 'fields are written `name = {value},`.');
      }
      this.pos++;
      const field: RawField = { name: name.toLowerCase(), at: nameAt, ...this.readValue(name) };
      this.addField(entry, field);
      last = field;
      const valueEnd = this.pos;
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.text[this.pos] === close) {
        this.pos++;
        return;
      }
      this.checkNotRunaway(entry, close);
      throw new BibtexSyntaxError(this.pos, `expected \`,\` or \`${close}\` after the value of \`${name}\`, found ${this.describe(this.pos)}`, `is a comma missing at the end of line ${this.lines.line(valueEnd)}?`);
    }
  }

  /** An entry that meets the end of the file or the next entry before its closing brace. */
  private checkNotRunaway(entry: RawEntry, close: string): void {
    if (this.pos >= this.text.length) {
      throw new BibtexSyntaxError(entry.start, `the entry \`${entry.key}\` is not closed: \`${close}\` is missing at the end of the file`, 'add the closing brace, or balance the braces of its values.', this.text.length);
    }
    if (this.text[this.pos] === '@') {
      throw new BibtexSyntaxError(
        entry.start,
        `the entry \`${entry.key}\` is not closed before the next entry (line ${this.lines.line(this.pos)})`,
        `add \`${close}\` at its end, or balance the braces of its values.`,
        this.pos,
      );
    }
  }

  private addField(entry: RawEntry, field: RawField): void {
    const first = entry.fields.get(field.name);
    if (!first) {
      entry.fields.set(field.name, field);
      return;
    }
    this.problems.push({
      at: field.at,
      severity: 'warning',
      code: 'load/bibtex-duplicate-field',
      message: `the field \`${field.name}\` is written twice in \`${entry.key}\``,
      hint: `the first one, on line ${this.lines.line(first.at)}, is used; remove one of them.`,
    });
  }

  private readStrings(close: string): void {
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return;
      }
      const name = matchAt(STRING_NAME, this.text, this.pos);
      if (!name) throw new BibtexSyntaxError(this.pos, `expected a name in @string, found ${this.describe(this.pos)}`, 'an abbreviation is written `@string{icml = {International Conference on Machine Learning}}`.');
      this.pos += name.length;
      this.skipSpace();
      this.expect('=', `after \`${name}\` in @string`);
      this.strings.set(name.toLowerCase(), this.readValue(name).value);
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
    }
  }

  /** A value: literals in braces or quotes, numbers and @string names, joined with `#`. */
  private readValue(field: string): { value: string; valueAt?: number } {
    const parts: { value: string; at?: number }[] = [];
    for (;;) {
      this.skipSpace();
      parts.push(this.readPart(field));
      const end = this.pos;
      this.skipSpace();
      if (this.text[this.pos] !== '#') {
        // Stop right after the value, so that what follows is reported where the value ends.
        this.pos = end;
        break;
      }
      this.pos++;
    }
    const only = parts.length === 1 ? parts[0] : undefined;
    return { value: parts.map((p) => p.value).join(''), valueAt: only?.at };
  }

  private readPart(field: string): { value: string; at?: number } {
    const at = this.pos;
    const c = this.text[at];
    if (c === '{' || c === '"') {
      const end = this.delimitedEnd(field, at);
      this.pos = end + 1;
      return { value: this.text.slice(at + 1, end), at: at + 1 };
    }
    const digits = matchAt(DIGITS, this.text, at);
    if (digits) {
      this.pos += digits.length;
      return { value: digits, at };
    }
    const name = matchAt(STRING_NAME, this.text, at);
    if (name) {
      this.pos += name.length;
      return { value: this.resolveString(name, at) };
    }
    throw new BibtexSyntaxError(at, `expected a value for \`${field}\`, found ${this.describe(at)}`, `write the value in braces: \`${field} = {...}\`.`);
  }

  private resolveString(name: string, at: number): string {
    const value = this.strings.get(name.toLowerCase());
    if (value !== undefined) return value;
    this.problems.push({
      at,
      severity: 'error',
      code: 'load/bibtex-syntax',
      message: `\`${name}\` is not a defined @string`,
      hint: `put the value in braces (\`{${name}}\`), or define it before its first use: \`@string{${name} = {...}}\`.`,
    });
    return name;
  }

  /**
   * The offset of the brace or quote that closes the value opened at `open`. Braces nest; a backslash escapes the next
   * character. A value still open when a line starts the next entry is reported here, at its opening brace.
   */
  private delimitedEnd(field: string, open: number): number {
    const { text } = this;
    const quoted = text[open] === '"';
    let depth = 0;
    for (let i = open + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) i++;
      else if (c === 123 /* { */) depth++;
      else if (c === 125 /* } */) {
        if (depth === 0 && !quoted) return i;
        depth--;
      } else if (c === 34 /* " */ && quoted && depth <= 0) return i;
      else if (c === 10 /* \n */ && matchAt(ENTRY_OPENING, text, i + 1)) {
        throw new BibtexSyntaxError(open, `the value of \`${field}\` is not closed before the next entry (line ${this.lines.line(i + 1)})`, `a \`${quoted ? '"' : '}'}\` is missing: count the braces of this value.`, i + 1);
      }
    }
    throw new BibtexSyntaxError(open, `the value of \`${field}\` is not closed`, `a \`${quoted ? '"' : '}'}\` is missing: count the braces of this value.`, text.length);
  }

  private expect(char: string, where: string): void {
    if (this.text[this.pos] !== char) throw new BibtexSyntaxError(this.pos, `expected \`${char}\` ${where}, found ${this.describe(this.pos)}`);
    this.pos++;
  }

  /** `@comment{...}` or `@comment` up to the end of the line. */
  private skipComment(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
    const open = this.text[this.pos];
    if (open === '{' || open === '(') {
      const close = open === '{' ? '}' : ')';
      let depth = 0;
      for (; this.pos < this.text.length; this.pos++) {
        const c = this.text[this.pos];
        if (c === open) depth++;
        else if (c === close && --depth === 0) break;
      }
      this.pos++;
      return;
    }
    const eol = this.text.indexOf('\n', this.pos);
    this.pos = eol === -1 ? this.text.length : eol;
  }

  /** Whitespace, and `%` comments, which many tools write between fields. */
  private skipSpace(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (c === '%') {
        const eol = text.indexOf('\n', this.pos);
        this.pos = eol === -1 ? text.length : eol;
      } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff') {
        this.pos++;
      } else return;
    }
  }

  private describe(at: number): string {
    if (at >= this.text.length) return 'the end of the file';
    if (this.text[at] === '@') return 'the next entry';
    const word = /\S{1,20}/y;
    word.lastIndex = at;
    return `\`${word.exec(this.text)?.[0] ?? this.text[at]}\``;
  }
}

/** The match of a sticky regular expression at `at`, or ''. */
function matchAt(pattern: RegExp, text: string, at: number): string {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? '';
}

function reportProblems(file: string, text: string, scanner: Scanner, lines: LineIndex, diagnostics: Diagnostics): void {
  const errors = scanner.problems.filter((p) => p.severity === 'error');
  if (scanner.entries.length === 0 && errors.length > 1) {
    // Nothing could be read: one error for the file, not one per `@` in what is probably not BibTeX at all.
    const first = errors[0]!;
    diagnostics.error(file, lines.span(first.at), 'load/bibtex-syntax', `${first.message} (and ${errors.length - 1} more syntax errors; no entry could be read)`, {
      hint: first.hint ?? 'is this a BibTeX file? Entries are written `@article{key, field = {value}, ...}`.',
    });
    return;
  }
  for (const p of scanner.problems) {
    diagnostics.add({ file, ...lines.span(p.at), severity: p.severity, code: p.code, message: p.message, ...(p.hint ? { hint: p.hint } : {}) });
  }
  if (scanner.directives === 0 && hasContent(text)) {
    diagnostics.error(file, { line: 1, column: 1 }, 'load/bibtex-syntax', 'the file holds no BibTeX entry', {
      hint: 'entries are written `@article{key, field = {value}, ...}`; delete the file if it is not needed.',
    });
  }
}

/** Text other than blank lines and `%` comments. */
function hasContent(text: string): boolean {
  return text.split('\n').some((line) => line.trim() !== '' && !line.trimStart().startsWith('%'));
}

// ---------------------------------------------------------------------------------------------------------------------
// Records

function toRecords(file: string, source: string, entries: RawEntry[], lines: LineIndex, diagnostics: Diagnostics): RawRecord[] {
  const records: RawRecord[] = [];
  const seen = new Map<string, RawEntry>();
  for (const entry of entries) {
    // BibTeX compares keys without case: `Song2021` and `song2021` are the same key to it.
    const first = seen.get(entry.key.toLowerCase());
    if (first) {
      diagnostics.error(file, lines.span(entry.keyAt), 'load/duplicate-key', `the citation key \`${entry.key}\` is used twice in this file`, {
        hint: `the first \`${first.key}\` is on line ${lines.line(first.start)}; rename or remove one of the two (this one is skipped).`,
        input: entry.key,
      });
      continue;
    }
    seen.set(entry.key.toLowerCase(), entry);
    try {
      records.push(toRecord(file, source, entry, lines, diagnostics));
    } catch (err) {
      diagnostics.error(file, lines.span(entry.start), 'load/bibtex-syntax', `the entry \`${entry.key}\` could not be read (${(err as Error).message})`, {
        hint: 'this is likely a bug in vita; please report it with the entry.',
      });
    }
  }
  return records;
}

function toRecord(file: string, source: string, entry: RawEntry, lines: LineIndex, diagnostics: Diagnostics): RawRecord {
  const pub = new PublicationBuilder(entry, source, file, lines, diagnostics);
  const value = pub.build();
  const where = pub.where;
  return {
    kind: 'publication',
    file,
    id: entry.key,
    value,
    locate(path: DataPath): Span {
      // The longest written prefix of the path: ['authors', 2, 'name'] falls back to the author, then the field.
      for (let n = path.length; n > 0; n--) {
        const at = where.get(path.slice(0, n).join('.'));
        if (at !== undefined) return lines.span(at);
      }
      return lines.span(entry.start);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// From BibTeX fields to the Publication schema's input

/** Fields vita reads. A misspelt field is suggested from these. */
const USED_FIELDS = [
  'author', 'title', 'subtitle', 'year', 'month', 'date', 'journal', 'journaltitle', 'booktitle', 'eventtitle', 'school',
  'institution', 'howpublished', 'publisher', 'volume', 'number', 'issue', 'pages', 'abbr', 'selected', 'award',
  'award_name', 'pdf', 'code', 'slides', 'video', 'poster', 'html', 'website', 'project', 'blog', 'supp', 'supplement',
  'supplementary', 'data', 'dataset', 'arxiv', 'eprint', 'archiveprefix', 'eprinttype', 'doi', 'url', 'abstract',
  'keywords', 'topics', 'status', 'pubstate', 'note', 'openreview', 'equal', 'co_first', 'lead', 'project_lead',
  'corresponding', 'alphabetical', 'pubtype', 'type',
];
/** Fields that reference managers and site generators write and vita has no use for: ignored without a word. */
const IGNORED_FIELDS = [
  'bibtex_show', 'preview', 'google_scholar_id', 'dimensions', 'altmetric', 'inspirehep_id', 'annotation', 'additional_info',
  'biburl', 'bibsource', 'timestamp', 'primaryclass', 'eprintclass', 'address', 'location', 'editor', 'edition', 'series',
  'chapter', 'isbn', 'issn', 'language', 'langid', 'hyphenation', 'organization', 'file', 'annote', 'crossref', 'key', 'day',
  'urldate', 'shorttitle', 'shortjournal', 'eid', 'articleno', 'numpages', 'copyright', 'ids', 'groups', 'owner',
  'creationdate', 'modificationdate', 'mendeley-groups', 'mendeley-tags', 'pmid', 'pmcid', 'lccn', 'mrclass', 'mrnumber',
  'mrreviewer', 'fjournal', 'zbl', 'acmid', 'affiliation', 'author+an', 'editora', 'editorb', 'translator', 'venue',
];
const KNOWN_FIELDS = new Set([...USED_FIELDS, ...IGNORED_FIELDS]);

const LINK_FIELDS: [kind: string, fields: string[]][] = [
  ['pdf', ['pdf']],
  ['code', ['code']],
  ['slides', ['slides']],
  ['video', ['video']],
  ['poster', ['poster']],
  ['project', ['website', 'project']],
  ['html', ['html']],
  ['blog', ['blog']],
  ['supplement', ['supp', 'supplement', 'supplementary']],
  ['data', ['data', 'dataset']],
];

/** Fields giving 1-based author positions that have a role: `equal = {1,2}`. */
const ROLE_FIELDS: [field: string, role: AuthorRole][] = [
  ['equal', 'equal'],
  ['co_first', 'equal'],
  ['lead', 'lead'],
  ['project_lead', 'lead'],
  ['corresponding', 'corresponding'],
];

const STATUSES: Record<string, string> = {
  published: 'published',
  accepted: 'accepted',
  'to-appear': 'accepted',
  'in-press': 'accepted',
  inpress: 'accepted',
  forthcoming: 'accepted',
  preprint: 'preprint',
  prepublished: 'preprint',
  'under-review': 'under-review',
  'in-review': 'under-review',
  submitted: 'submitted',
  'under-submission': 'submitted',
  'in-preparation': 'in-preparation',
  inpreparation: 'in-preparation',
  'in-prep': 'in-preparation',
};

const UNPUBLISHED = ['preprint', 'under-review', 'submitted', 'in-preparation'];

const PUBTYPES: Record<string, string> = {
  article: 'article',
  journal: 'article',
  conference: 'conference',
  inproceedings: 'conference',
  proceedings: 'conference',
  workshop: 'workshop',
  preprint: 'preprint',
  book: 'book',
  chapter: 'chapter',
  thesis: 'thesis',
  report: 'report',
  other: 'other',
};

const ENTRY_TYPES: Record<string, string> = {
  article: 'article',
  inproceedings: 'conference',
  conference: 'conference',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  book: 'book',
  incollection: 'chapter',
  inbook: 'chapter',
  techreport: 'report',
  report: 'report',
};

const ARXIV_ID = /(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/;

class PublicationBuilder {
  readonly value: Record<string, unknown> = {};
  /** Offset where each data path ("title", "authors.2", "venue.short") was written. */
  readonly where = new Map<string, number>();

  constructor(
    private readonly entry: RawEntry,
    private readonly source: string,
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly diagnostics: Diagnostics,
  ) {}

  build(): Record<string, unknown> {
    this.put(['id'], this.entry.key, this.entry.keyAt);
    this.readType();
    this.readTitle();
    this.readAuthors();
    this.readVenue();
    this.readDate();
    this.readIdentifiers();
    this.readLinks();
    this.readText();
    this.checkUnknownFields();
    // The entry exactly as written, for the "BibTeX" button of the site.
    this.value.bibtex = this.source.slice(this.entry.start, this.entry.end);
    return this.value;
  }

  // --- the fields, in the order of the schema

  private readType(): void {
    const pubtype = this.field('pubtype');
    const declared = pubtype ? PUBTYPES[plain(pubtype.value).toLowerCase()] : undefined;
    const type = declared ?? this.typeFromEntry();
    this.put(['type'], type, pubtype && declared ? pubtype.at : this.entry.start);
  }

  private typeFromEntry(): string {
    const { type } = this.entry;
    const subtype = plain(this.field('type')?.value ?? '');
    const booktitle = plain(this.field('booktitle')?.value ?? '');
    if (/workshop/i.test(subtype) || (/\bworkshops?\b/i.test(booktitle) && type !== 'article')) return 'workshop';
    if (this.isPreprint()) return 'preprint';
    return ENTRY_TYPES[type] ?? 'other';
  }

  /**
   * arXiv exports are @misc with eprint; Google Scholar writes @article{journal = {arXiv preprint arXiv:...}}; DBLP
   * journal = {CoRR}. A @misc or @unpublished whose status says it is not published yet is a preprint too.
   */
  private isPreprint(): boolean {
    const type = this.entry.type;
    if (type === 'article') return this.arxivJournal()?.name.startsWith('journal') ?? false;
    if (!['misc', 'unpublished', 'online', 'electronic', 'preprint'].includes(type)) return false;
    const status = this.status();
    return this.arxivId() !== undefined || (status !== undefined && UNPUBLISHED.includes(status));
  }

  private readTitle(): void {
    const title = this.field('title');
    if (!title) return;
    const subtitle = this.field('subtitle');
    const main = latexToText(title.value);
    this.put(['title'], subtitle ? `${main}: ${latexToText(subtitle.value)}` : main, title.at);
  }

  private readAuthors(): void {
    const field = this.field('author');
    if (!field) return;
    const authors: { name: string; roles: AuthorRole[] }[] = [];
    for (const part of splitAuthors(field.value)) {
      const author = readAuthor(part.text);
      if (!author) continue;
      const at = field.valueAt === undefined ? field.at : field.valueAt + part.offset;
      this.where.set(`authors.${authors.length}`, at);
      if (author.commas > 2) {
        this.diagnostics.warning(this.file, this.lines.span(at), 'load/bibtex-author-separator', `"${author.name}" looks like several authors separated by commas`, {
          hint: 'BibTeX separates authors with `and`: `Song, Yang and Ermon, Stefano`.',
          input: part.text,
        });
      }
      authors.push({ name: author.name, roles: author.roles });
    }
    this.addPositionalRoles(authors);
    for (const a of authors) a.roles = AUTHOR_ROLES.filter((r) => a.roles.includes(r));
    this.put(['authors'], authors, field.at);
    const alphabetical = this.field('alphabetical');
    if (alphabetical) this.put(['alphabetical'], flag(alphabetical.value), alphabetical.at);
  }

  /** `equal = {1,2}`, `lead = {3}`, `corresponding = {4}`: roles by 1-based position, for those who keep names clean. */
  private addPositionalRoles(authors: { roles: AuthorRole[] }[]): void {
    for (const [name, role] of ROLE_FIELDS) {
      const field = this.field(name);
      if (!field) continue;
      for (const position of positions(field.value)) {
        const author = typeof position === 'number' ? authors[position - 1] : undefined;
        if (author) {
          if (!author.roles.includes(role)) author.roles.push(role);
          continue;
        }
        const message =
          typeof position === 'number'
            ? `\`${name}\` names author ${position}, but the entry has ${authors.length} author${authors.length === 1 ? '' : 's'}`
            : `\`${name}\` should list author positions, and \`${position}\` is not a number`;
        this.diagnostics.warning(this.file, this.lines.span(field.at), 'load/bibtex-author-position', message, {
          hint: `\`${name}\` lists author positions, counted from 1: \`${name} = {1,2}\`.`,
          input: field.value,
        });
      }
    }
  }

  private readVenue(): void {
    const name = this.venueNameField();
    if (name) this.put(['venue', 'name'], latexToText(name.value), name.at);
    const abbr = this.field('abbr');
    if (abbr) {
      // al-folio's badge often carries the edition: "ICML 2024" is the short name "ICML" of the 2024 venue.
      const short = latexToText(abbr.value);
      const year = /(?:^|\s)((?:1[89]|2\d)\d{2})(?=\s|$)/.exec(short);
      const rest = year ? `${short.slice(0, year.index)} ${short.slice(year.index + year[0].length)}`.replace(/\s+/g, ' ').trim() : short;
      if (rest) this.put(['venue', 'short'], rest, abbr.at);
      if (year) this.put(['venue', 'year'], Number(year[1]), abbr.at);
    }
    for (const [key, names] of [['volume', ['volume']], ['number', ['number', 'issue']], ['pages', ['pages']]] as const) {
      const field = this.field(...names);
      // DBLP's arXiv entries have volume = {abs/2011.13456}: an identifier, not a volume.
      if (field && !(key === 'volume' && this.arxivJournal() !== undefined)) this.put(['venue', key], latexToText(field.value), field.at);
    }
    const publisher = this.field('publisher');
    if (publisher) this.put(['venue', 'publisher'], latexToText(publisher.value), publisher.at);
  }

  /** The field naming where the work appeared; which one depends on the kind of work. */
  private venueNameField(): RawField | undefined {
    const type = this.value.type;
    const candidates =
      type === 'article' ? ['journal', 'journaltitle', 'booktitle']
      : type === 'thesis' ? ['school', 'institution']
      : type === 'report' ? ['institution']
      : type === 'book' ? []
      : ['booktitle', 'eventtitle', 'journal', 'journaltitle', 'howpublished'];
    for (const name of candidates) {
      const field = this.field(name);
      if (!field || !field.value.trim()) continue;
      if (field === this.arxivJournal()) continue;
      if (name === 'howpublished' && /\\url|https?:/.test(field.value)) continue;
      return field;
    }
    return undefined;
  }

  private readDate(): void {
    const year = this.field('year');
    const date = this.field('date');
    const written = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(plain(date.value)) : null;
    if (year) this.put(['year'], number(plain(year.value), /^\d{4}$/), year.at);
    else if (date) this.put(['year'], written ? Number(written[1]) : plain(date.value), date.at);
    if (date && written) this.put(['date'], written[0], date.at);
    const month = this.field('month');
    if (month) this.put(['month'], parseMonth(plain(month.value)), month.at);
    else if (date && written?.[2]) this.put(['month'], Number(written[2]), date.at);
  }

  private readIdentifiers(): void {
    const doi = this.field('doi');
    if (doi) this.put(['doi'], verbatim(doi.value).replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, ''), doi.at);
    const arxiv = this.arxivId();
    if (arxiv) this.put(['arxiv'], arxiv.id, arxiv.at);
    const url = this.field('url') ?? this.urlInHowpublished();
    if (url) this.put(['url'], verbatim(url.value), url.at);
    const openreview = this.field('openreview');
    if (openreview) this.put(['openreview'], openReviewId(verbatim(openreview.value)), openreview.at);
    else if (url && /openreview\.net\/(?:forum|pdf)\?id=/.test(url.value)) this.put(['openreview'], openReviewId(verbatim(url.value)), url.at);
  }

  /** Google Scholar puts the link of a @misc in `howpublished = {\url{...}}`. */
  private urlInHowpublished(): RawField | undefined {
    const field = this.field('howpublished');
    return field && /^\s*\\url\{/.test(field.value) ? field : undefined;
  }

  /** The arXiv id, from wherever the exporter put it. */
  private arxivId(): { id: string; at: number } | undefined {
    const fromField = (field: RawField | undefined) => {
      const m = field ? ARXIV_ID.exec(verbatim(field.value)) : null;
      return m && field ? { id: m[0], at: field.at } : undefined;
    };
    const explicit = this.field('arxiv');
    if (explicit) return fromField(explicit) ?? { id: verbatim(explicit.value).replace(/^arxiv:\s*/i, ''), at: explicit.at };
    const eprint = this.field('eprint');
    const prefix = plain(this.field('archiveprefix', 'eprinttype')?.value ?? '');
    if (eprint && (/arxiv/i.test(prefix) || (!prefix && /^\s*(?:arxiv:)?\d{4}\.\d{4,5}/i.test(eprint.value)))) return fromField(eprint);
    const journal = this.arxivJournal();
    if (journal) return fromField(journal) ?? fromField(this.field('volume'));
    const url = this.field('url');
    if (url && /arxiv\.org\/(?:abs|pdf)\//i.test(url.value)) return fromField(url);
    return undefined;
  }

  /** A journal (or howpublished) that says "arXiv" (Google Scholar) or "CoRR" (DBLP): the work is a preprint. */
  private arxivJournal(): RawField | undefined {
    const journal = this.field('journal', 'journaltitle', 'howpublished');
    return journal && /^\s*(?:arxiv\b|corr\s*$)/i.test(plain(journal.value)) ? journal : undefined;
  }

  private readLinks(): void {
    for (const [kind, names] of LINK_FIELDS) {
      const field = this.field(...names);
      if (field && field.value.trim()) this.put(['links', kind], verbatim(field.value), field.at);
    }
  }

  private readText(): void {
    const award = this.field('award_name', 'award');
    if (award) this.put(['award'], latexToText(award.value), award.at);
    const abstract = this.field('abstract');
    if (abstract) this.put(['abstract'], latexToText(abstract.value), abstract.at);
    const topics = [this.field('keywords'), this.field('topics')].filter((f): f is RawField => f !== undefined);
    if (topics.length) {
      const list = topics.flatMap((f) => latexToText(f.value).split(/[,;]/)).map((t) => t.trim()).filter((t) => t);
      this.put(['topics'], [...new Set(list)], topics[0]!.at);
    }
    const selected = this.field('selected');
    if (selected) this.put(['selected'], flag(selected.value), selected.at);
    const note = this.field('note');
    if (note) this.put(['note'], latexToText(note.value), note.at);
    const status = this.field('status', 'pubstate');
    if (status) this.put(['status'], this.status(), status.at);
  }

  /** The status as the schema names it ("Under Review" -> "under-review"); an unknown one as written, for validation. */
  private status(): string | undefined {
    const field = this.field('status', 'pubstate');
    if (!field) return undefined;
    const written = plain(field.value).toLowerCase().replace(/[\s_]+/g, '-');
    return STATUSES[written] ?? written;
  }

  /** Custom fields are the norm (al-folio invents many), so only near misses of fields vita reads are worth a word. */
  private checkUnknownFields(): void {
    for (const field of this.entry.fields.values()) {
      if (KNOWN_FIELDS.has(field.name)) continue;
      const limit = field.name.length <= 4 ? 1 : 2;
      const match = USED_FIELDS.map((known) => ({ known, distance: editDistance(field.name, known, limit) })).filter((c) => c.distance <= limit).sort((a, b) => a.distance - b.distance)[0];
      if (!match) continue;
      this.diagnostics.warning(this.file, this.lines.span(field.at), 'load/bibtex-unknown-field', `unknown field \`${field.name}\` in \`${this.entry.key}\``, {
        hint: `did you mean \`${match.known}\`?`,
        input: field.name,
      });
    }
  }

  // --- helpers

  /** The first of the named fields that is written. */
  private field(...names: string[]): RawField | undefined {
    for (const name of names) {
      const f = this.entry.fields.get(name);
      if (f) return f;
    }
    return undefined;
  }

  /** Sets a value at a path and remembers where it was written; parents are remembered at their first child. */
  private put(path: string[], value: unknown, at: number): void {
    let target = this.value;
    for (const [i, step] of path.entries()) {
      const key = path.slice(0, i + 1).join('.');
      if (!this.where.has(key)) this.where.set(key, at);
      if (i === path.length - 1) target[step] = value;
      else target = (target[step] ??= {}) as Record<string, unknown>;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Authors

const AND = /\s+and\s+/iy;

/** Splits an author list at " and " outside braces, keeping where each name starts in the value. */
function splitAuthors(value: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  const push = (start: number, end: number) => {
    const raw = value.slice(start, end);
    const text = raw.trim();
    if (text) parts.push({ text, offset: start + raw.length - raw.trimStart().length });
  };
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
      const and = matchAt(AND, value, i);
      if (!and) continue;
      push(start, i);
      start = i + and.length;
      i = start - 1;
    }
  }
  push(start, value.length);
  return parts;
}

/**
 * One author as written ("Wang, Mingze#", "Th{\'e}o Ryffel$^\dagger$") as a display name and roles; undefined for "others".
 * `commas` counts the separating commas: more than two means a list of authors that should have been joined with "and".
 */
function readAuthor(raw: string): { name: string; roles: AuthorRole[]; commas: number } | undefined {
  if (/^others$/i.test(raw)) return undefined;
  const whole = parseAuthorMarks(raw);
  const roles = new Set(whole.roles);
  // "Last, First" and "Last, Jr, First"; a mark may also follow the last name ("Wang*, Mingze").
  const parts = splitTopLevel(whole.name, ',').map((part) => {
    const marked = parseAuthorMarks(part);
    for (const role of marked.roles) roles.add(role);
    return latexToText(marked.name);
  });
  const [last = '', second = '', third = ''] = parts;
  const display =
    parts.length === 1 ? last
    : parts.length === 2 ? `${second} ${last}`
    : parts.length === 3 ? `${third} ${last} ${second}`
    : parts.join(', '); // not a name: kept as written, and reported
  // DBLP tells namesakes apart with a number: "Wei Chen 0001".
  const name = display.replace(/\s+\d{4}$/, '').replace(/\s+/g, ' ').trim();
  return name ? { name, roles: [...roles], commas: parts.length - 1 } : undefined;
}

/** Splits at a separator outside braces. */
function splitTopLevel(value: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === separator && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** "1,2", "1-3", "1 and 3": author positions, or the tokens that are not numbers. */
function positions(value: string): (number | string)[] {
  const out: (number | string)[] = [];
  for (const token of plain(value).split(/[\s,;&]+/)) {
    if (!token || token.toLowerCase() === 'and') continue;
    const range = /^(\d+)[-–](\d+)$/.exec(token);
    if (range) {
      for (let i = Number(range[1]); i <= Number(range[2]) && i - Number(range[1]) < 100; i++) out.push(i);
    } else out.push(/^\d+$/.test(token) ? Number(token) : token);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Values

/** Field text as plain text; the short name reads better where the value is not prose. */
function plain(value: string): string {
  return latexToText(value);
}

/** `{true}`, `{yes}`: a boolean; anything else is passed on as written for the schema to report. */
function flag(value: string): boolean | string {
  const v = plain(value).toLowerCase();
  if (['true', 'yes', 'y', '1', 'on'].includes(v)) return true;
  if (['false', 'no', 'n', '0', 'off'].includes(v)) return false;
  return plain(value);
}

/** A number when the text looks like one, else the text, so that validation reports it as written. */
function number(text: string, pattern: RegExp): number | string {
  return pattern.test(text) ? Number(text) : text;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "jan", "January", "1", "01", "25--28 Feb": the month's number; anything else as written. */
function parseMonth(written: string): number | string {
  if (/^\d{1,2}$/.test(written)) return Number(written);
  const name = /(?:^|[^a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.exec(written);
  return name ? MONTHS.indexOf(name[1]!.toLowerCase()) + 1 : written;
}

/** A URL or identifier as written: no LaTeX conversion, but `\url{}`, braces, escapes and line breaks removed. */
function verbatim(value: string): string {
  let v = value.trim();
  const wrapped = /^\\(?:url|href)\s*\{([^{}]*)\}/.exec(v);
  if (wrapped) v = wrapped[1]!;
  return v
    .replace(/\\([_%#&~$])/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/\s*\n\s*/g, '')
    .trim();
}

function openReviewId(value: string): string {
  return /[?&]id=([^&#\s]+)/.exec(value)?.[1] ?? value;
}

/** Levenshtein distance, giving up (limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------------------------------------------------------------
// LaTeX to text

/** Accent commands and the combining character each puts on the next letter. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331', t: '\u0361', G: '\u030F',
};
/** Letters with their own command; like any control word they swallow the spaces after them (`\o rjan` is "ørjan"). */
const LETTERS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ',
};
const SYMBOLS: Record<string, string> = {
  textendash: '–', textemdash: '—', ldots: '…', dots: '…', textellipsis: '…', textquoteleft: '‘', textquoteright: '’',
  textquotedblleft: '“', textquotedblright: '”', guillemotleft: '«', guillemotright: '»', textregistered: '®',
  texttrademark: '™', textcopyright: '©', copyright: '©', S: '§', P: '¶', dag: '†', dagger: '†', ddag: '‡', ddagger: '‡',
  textdagger: '†', textdaggerdbl: '‡', textbullet: '•', textasciitilde: '~', textasciicircum: '^', textbackslash: '\\',
  textunderscore: '_', textbar: '|', textless: '<', textgreater: '>', textdegree: '°', textperiodcentered: '·',
  LaTeX: 'LaTeX', TeX: 'TeX', LaTeXe: 'LaTeX2ε', BibTeX: 'BibTeX', euro: '€', texteuro: '€', pounds: '£', textsterling: '£',
};
/** Formatting commands whose argument is the text: the site styles titles itself. */
const KEEP_ARGUMENT = new Set([
  'emph', 'textit', 'textbf', 'textsc', 'texttt', 'textrm', 'textsf', 'textsl', 'textup', 'textmd', 'textnormal', 'mbox',
  'hbox', 'text', 'mkbibemph', 'mkbibbold', 'NoCaseChange', 'nocase', 'url', 'uline', 'underline', 'textsuperscript',
  'textsubscript', 'MakeUppercase', 'MakeLowercase', 'uppercase', 'lowercase',
]);
/** Font switches and spacing commands that leave nothing in plain text. */
const DROP = new Set([
  'em', 'it', 'bf', 'sc', 'tt', 'rm', 'sf', 'sl', 'up', 'md', 'bfseries', 'itshape', 'scshape', 'slshape', 'upshape',
  'mdseries', 'rmfamily', 'sffamily', 'ttfamily', 'normalfont', 'relax', 'protect', 'unskip', 'nobreak', 'allowbreak',
  'xspace', 'null',
]);
/** Commands whose argument is not text either (sort keys, invisible boxes). */
const DROP_WITH_ARGUMENT = new Set(['noopsort', 'vphantom', 'hphantom', 'phantom', 'label', 'footnote']);

/**
 * LaTeX as written in BibTeX fields, as plain Unicode text: accents composed, case-protecting braces removed,
 * `--` as a dash, formatting commands reduced to their text. Math (`$...$`, `$$...$$`, `\(...\)`) is kept as written,
 * in dollars, for the site's math renderer; an unknown command is kept as written too, rather than lost.
 */
function latexToText(tex: string): string {
  return convert(tex).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A run of characters that stand for themselves, copied in one piece. */
const ORDINARY = /[^$\\{}~\-`']+/y;

function convert(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const run = matchAt(ORDINARY, tex, i);
    if (run) {
      out += run;
      i += run.length;
      continue;
    }
    const c = tex[i]!;
    if (c === '$') {
      const end = mathEnd(tex, i);
      out += tex.slice(i, end);
      i = end;
    } else if (c === '\\') {
      const command = readCommand(tex, i);
      out += command.text;
      i = command.end;
    } else if (c === '{' || c === '}') i++;
    else if (c === '~') {
      out += ' ';
      i++;
    } else if (c === '-' && tex.startsWith('---', i)) {
      out += '—';
      i += 3;
    } else if (c === '-' && tex[i + 1] === '-') {
      out += '–';
      i += 2;
    } else if (c === '`') {
      out += tex[i + 1] === '`' ? '“' : '‘';
      i += tex[i + 1] === '`' ? 2 : 1;
    } else if (c === "'" && tex[i + 1] === "'") {
      out += '”';
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Where the math that starts at `start` ends; an unclosed `$` runs to the end, kept as written. */
function mathEnd(tex: string, start: number): number {
  const close = tex[start + 1] === '$' ? '$$' : '$';
  for (let i = start + close.length; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex.startsWith(close, i)) return i + close.length;
  }
  return tex.length;
}

interface Converted {
  text: string;
  end: number;
}

/** The command at `start` (a backslash) and what it stands for. */
function readCommand(tex: string, start: number): Converted {
  const next = tex[start + 1];
  if (next === undefined) return { text: '\\', end: start + 1 };
  if (ACCENTS[next] && !/[A-Za-z]/.test(next)) return accent(next, readArgument(tex, start + 2));
  // A dollar sign stays escaped: the text is Markdown with `$math$`, where `\$` is a dollar.
  if (next === '$') return { text: '\\$', end: start + 2 };
  if ('&%#_{}'.includes(next)) return { text: next, end: start + 2 };
  if (next === '(' || next === '[') return inlineMath(tex, start);
  if (next === '\\' || /\s/.test(next) || next === ',' || next === ';' || next === ':') return { text: ' ', end: start + 2 };
  if ('-/@!'.includes(next)) return { text: '', end: start + 2 };
  const name = /[A-Za-z]+/y;
  name.lastIndex = start + 1;
  const word = name.exec(tex)?.[0];
  if (!word) return { text: `\\${next}`, end: start + 2 };
  return controlWord(tex, word, start + 1 + word.length);
}

function controlWord(tex: string, word: string, end: number): Converted {
  if (ACCENTS[word]) return accent(word, readArgument(tex, end));
  const letter = LETTERS[word];
  if (letter) return { text: letter, end: skipEmptyGroup(tex, skipSpaces(tex, end)) };
  const symbol = SYMBOLS[word];
  if (symbol) return { text: symbol, end: skipEmptyGroup(tex, end) };
  if (KEEP_ARGUMENT.has(word)) return readArgument(tex, end);
  if (word === 'href') {
    const url = readArgument(tex, end);
    return readArgument(tex, url.end);
  }
  if (word === 'ensuremath') {
    const group = rawGroup(tex, skipSpaces(tex, end));
    return { text: `$${group.text}$`, end: group.end };
  }
  if (word === 'enquote' || word === 'mkbibquote') {
    const quoted = readArgument(tex, end);
    return { text: `“${quoted.text}”`, end: quoted.end };
  }
  if (DROP.has(word)) return { text: '', end: skipSpaces(tex, end) };
  if (DROP_WITH_ARGUMENT.has(word)) return { text: '', end: readArgument(tex, end).end };
  return { text: `\\${word}`, end };
}

/** The argument of a command, converted: a group, a command (`\'\i`) or one character. */
function readArgument(tex: string, from: number): Converted {
  const at = skipSpaces(tex, from);
  const c = tex[at];
  if (c === undefined) return { text: '', end: at };
  if (c === '{') {
    const group = rawGroup(tex, at);
    return { text: convert(group.text), end: group.end };
  }
  if (c === '\\') return readCommand(tex, at);
  const char = String.fromCodePoint(tex.codePointAt(at)!);
  return { text: char, end: at + char.length };
}

/** The text inside the group that opens at `open`, unconverted. */
function rawGroup(tex: string, open: number): Converted {
  if (tex[open] !== '{') return { text: '', end: open };
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}' && --depth === 0) return { text: tex.slice(open + 1, i), end: i + 1 };
  }
  return { text: tex.slice(open + 1), end: tex.length };
}

function accent(command: string, argument: Converted): Converted {
  const [first, ...rest] = argument.text;
  if (first === undefined) return { text: '', end: argument.end };
  // An accent on a dotless i or j (`\'{\i}`) is an accent on i or j.
  const base = first === 'ı' ? 'i' : first === 'ȷ' ? 'j' : first;
  return { text: base + ACCENTS[command] + rest.join(''), end: argument.end };
}

/** `\(x\)` and `\[x\]` as `$x$` and `$$x$$`, the one form of math the site reads. */
function inlineMath(tex: string, start: number): Converted {
  const display = tex[start + 1] === '[';
  const close = display ? '\\]' : '\\)';
  const end = tex.indexOf(close, start + 2);
  const body = tex.slice(start + 2, end === -1 ? tex.length : end);
  const dollars = display ? '$$' : '$';
  return { text: `${dollars}${body}${dollars}`, end: end === -1 ? tex.length : end + 2 };
}

function skipSpaces(tex: string, from: number): number {
  let i = from;
  while (i < tex.length && /\s/.test(tex[i]!)) i++;
  return i;
}

function skipEmptyGroup(tex: string, from: number): number {
  return tex.startsWith('{}', from) ? from + 2 : from;
}
