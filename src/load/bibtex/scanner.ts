/**
 * BibTeX's grammar, with offsets: entries and their fields, @string abbreviations and `#` concatenation, @comment and
 * @preamble, and the syntax errors found on the way, reported where they are and read past.
 */
import { LineIndex } from '../../text/lines.js';
import type { Diagnostics } from '../../diagnostics/diagnostic.js';

/** The entries of a BibTeX file, its syntax errors reported; `lines` turns the entries' offsets into lines. */
export function scan(file: string, text: string, diagnostics: Diagnostics): { entries: RawEntry[]; lines: LineIndex } {
  const lines = new LineIndex(text);
  const scanner = new Scanner(text, lines);
  scanner.scan();
  reportProblems(file, text, scanner, lines, diagnostics);
  return { entries: scanner.entries, lines };
}

/**
 * The entries between two offsets of a text, read as a full scan reads them when it gets to `from` right after an
 * entry (or at the start): with no @string, nothing read before matters. Whether anything was wrong is all that is
 * told of problems: the caller then scans the whole text.
 */
export function scanBetween(text: string, lines: LineIndex, from: number, to: number): { entries: RawEntry[]; clean: boolean } {
  // A text that ends at `to`: what comes after cannot be read into the last entry.
  const scanner = new Scanner(text.slice(0, to), lines);
  scanner.scan(from);
  return { entries: scanner.entries, clean: scanner.problems.length === 0 && scanner.strings.size === MONTH_STRINGS.length };
}

// ---------------------------------------------------------------------------------------------------------------------
// Scanning: BibTeX's grammar, with offsets

/** A field as written: its value has @strings resolved and `#` parts joined. */
export interface RawField {
  name: string;
  /** Offset of the field name. */
  at: number;
  value: string;
  /** Offset of the value's first character, when the value is one literal, so offsets inside the value map to the file. */
  valueAt?: number;
}

export interface RawEntry {
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
  readonly strings = new Map<string, string>(MONTH_STRINGS);

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  scan(from = 0): void {
    for (let at = this.nextDirective(from); at !== -1; at = this.nextDirective(this.pos)) {
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
      const { value, valueAt } = this.readValue(name);
      const field: RawField = { name: name.toLowerCase(), at: nameAt, value, valueAt };
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
    this.skipSpace();
    const first = this.readPart(field);
    let value = first.value;
    let joined = false;
    for (;;) {
      const end = this.pos;
      this.skipSpace();
      if (this.text[this.pos] !== '#') {
        // Stop right after the value, so that what follows is reported where the value ends.
        this.pos = end;
        break;
      }
      this.pos++;
      this.skipSpace();
      value += this.readPart(field).value;
      joined = true;
    }
    return { value, valueAt: joined ? undefined : first.at };
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
export function matchAt(pattern: RegExp, text: string, at: number): string {
  pattern.lastIndex = at;
  // test, not exec: the match is where the pattern stuck, and no array of groups is made for each field name.
  return pattern.test(text) ? text.slice(at, pattern.lastIndex) : '';
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

export { LineIndex };
