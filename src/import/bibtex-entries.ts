/**
 * BibTeX entries as written, field by field, for rewriting them: what the project's reader (src/load/bibtex) gives is
 * the meaning of an entry; an import also needs its text, to resolve @string macros, inherit `crossref` fields, rename
 * keys and add fields, and otherwise copy the entry unchanged.
 */
import { LineIndex } from '../text/lines.js';
import type { Publication } from '../schema/publication.js';
import type { BibEntry, BibField, PublicationValue } from './bundle.js';

export interface ScannedField {
  /** Lower-case name. */
  name: string;
  /** The value as written, delimiters included. */
  raw: string;
  /** The value's text with macros expanded and `#` parts joined, without outer delimiters. */
  text: string;
  /** True when the value is one literal or a number: `raw` stands alone. */
  literal: boolean;
}

export interface ScannedEntry {
  type: string;
  key: string;
  /** Offsets of the `@` and just after the closing delimiter. */
  start: number;
  end: number;
  line: number;
  fields: ScannedField[];
}

export interface ScanResult {
  entries: ScannedEntry[];
  /** @string definitions, lower-case name -> text. */
  strings: Map<string, string>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Scans every entry it can; a broken entry is skipped (the project's reader reports it with its line). */
export function scanBibtex(text: string): ScanResult {
  const strings = new Map<string, string>(MONTHS.map((m, i) => [m, MONTH_NAMES[i]!]));
  const entries: ScannedEntry[] = [];
  const lines = new LineIndex(text);
  let pos = 0;
  const next = (from: number) => {
    // An entry starts with `@` at the start of a line (after blanks), or `@word{` anywhere outside a `%` comment.
    const re = /@[ \t]*[A-Za-z][\w-]*[ \t\r\n]*[{(]/g;
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      if (!text.slice(Math.max(lineStart, from), m.index).includes('%')) return m.index;
    }
    return -1;
  };
  for (let at = next(0); at !== -1; at = next(pos)) {
    pos = at + 1;
    try {
      const r = new Reader(text, at, strings);
      const got = r.directive();
      pos = r.pos;
      if (got) entries.push({ ...got, line: lines.line(got.start) });
    } catch {
      // Broken: go on at the next entry.
    }
  }
  return { entries, strings };
}

class Reader {
  pos: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly strings: Map<string, string>,
  ) {
    this.pos = start;
  }

  directive(): Omit<ScannedEntry, 'line'> | undefined {
    const start = this.pos;
    const m = /@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])/y;
    m.lastIndex = start;
    const head = m.exec(this.text);
    if (!head) throw new Error('not an entry');
    const type = head[1]!.toLowerCase();
    const close = head[2] === '{' ? '}' : ')';
    this.pos = m.lastIndex;
    if (type === 'comment') {
      this.skipBalanced(close);
      return undefined;
    }
    if (type === 'preamble') {
      this.value();
      this.space();
      if (this.text[this.pos] === close) this.pos++;
      return undefined;
    }
    if (type === 'string') {
      for (;;) {
        this.space();
        if (this.text[this.pos] === close) {
          this.pos++;
          return undefined;
        }
        const name = this.match(/[A-Za-z_][^\s,{}()="#%]*/y);
        if (!name) throw new Error('bad @string');
        this.space();
        if (this.text[this.pos] !== '=') throw new Error('bad @string');
        this.pos++;
        this.strings.set(name.toLowerCase(), this.value().text);
        this.space();
        if (this.text[this.pos] === ',') this.pos++;
      }
    }
    this.space();
    const key = this.match(/[^\s,{}()="#%]+/y);
    if (!key) throw new Error('no key');
    this.space();
    const fields: ScannedField[] = [];
    const seen = new Set<string>();
    if (this.text[this.pos] === ',') this.pos++;
    for (;;) {
      this.space();
      if (this.text[this.pos] === close) {
        this.pos++;
        break;
      }
      if (this.pos >= this.text.length || this.text[this.pos] === '@') throw new Error('not closed');
      const name = this.match(/[A-Za-z_][\w\-:.+/]*/y);
      if (!name) throw new Error('no field name');
      this.space();
      if (this.text[this.pos] !== '=') throw new Error('no =');
      this.pos++;
      const value = this.value();
      const lower = name.toLowerCase();
      // The first of a repeated field is the one BibTeX (and vita) use.
      if (!seen.has(lower)) fields.push({ name: lower, ...value });
      seen.add(lower);
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== close) throw new Error('no comma');
    }
    return { type, key, start, end: this.pos, fields };
  }

  private value(): { raw: string; text: string; literal: boolean } {
    const parts: { raw: string; text: string; literal: boolean }[] = [];
    for (;;) {
      this.space();
      const at = this.pos;
      const c = this.text[at];
      if (c === '{' || c === '"') {
        const end = this.delimitedEnd(at);
        this.pos = end + 1;
        parts.push({ raw: this.text.slice(at, end + 1), text: this.text.slice(at + 1, end), literal: true });
      } else {
        const digits = this.match(/\d+/y);
        if (digits) parts.push({ raw: digits, text: digits, literal: true });
        else {
          const name = this.match(/[A-Za-z_][^\s,{}()="#%]*/y);
          if (!name) throw new Error('no value');
          parts.push({ raw: name, text: this.strings.get(name.toLowerCase()) ?? name, literal: false });
        }
      }
      const end = this.pos;
      this.space();
      if (this.text[this.pos] !== '#') {
        this.pos = end;
        break;
      }
      this.pos++;
    }
    const only = parts.length === 1 ? parts[0]! : undefined;
    return {
      raw: only ? only.raw : parts.map((p) => p.raw).join(' # '),
      text: parts.map((p) => p.text).join(''),
      literal: only?.literal ?? false,
    };
  }

  private delimitedEnd(open: number): number {
    const quoted = this.text[open] === '"';
    let depth = 0;
    for (let i = open + 1; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0 && !quoted) return i;
        depth--;
      } else if (c === '"' && quoted && depth <= 0) return i;
      else if (c === '\n' && /^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t\r\n]*[{(]/.test(this.text.slice(i + 1, i + 80))) throw new Error('runaway value');
    }
    throw new Error('value not closed');
  }

  private skipBalanced(close: string): void {
    let depth = 1;
    const open = close === '}' ? '{' : '(';
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.pos++;
        return;
      }
    }
  }

  private space(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === '%') {
        const eol = this.text.indexOf('\n', this.pos);
        this.pos = eol === -1 ? this.text.length : eol;
      } else if (c !== undefined && /\s|\ufeff/.test(c)) this.pos++;
      else return;
    }
  }

  private match(re: RegExp): string {
    re.lastIndex = this.pos;
    const m = re.exec(this.text)?.[0] ?? '';
    this.pos += m.length;
    return m;
  }
}

/** A field value in braces, as vita writes values it sets. */
export function braced(text: string): string {
  return `{${text}}`;
}

/** Writes an entry: the verbatim text when there is one, else one field per line. */
export function formatEntry(entry: BibEntry): string {
  if (entry.verbatim !== undefined) return entry.verbatim;
  const width = Math.max(0, ...entry.fields.map((f) => f.name.length));
  const lines = entry.fields.map((f) => `  ${f.name.padEnd(width)} = ${f.raw}`);
  return `@${entry.type}{${entry.key},\n${lines.join(',\n')}\n}`;
}

export function getField(entry: { fields: BibField[] }, name: string): BibField | undefined {
  return entry.fields.find((f) => f.name === name);
}

/** Sets a field (replacing one of the same name), and drops the verbatim text: the entry is now rewritten. */
export function setField(entry: BibEntry, name: string, raw: string): void {
  const existing = entry.fields.find((f) => f.name === name);
  if (existing) existing.raw = raw;
  else entry.fields.push({ name, raw });
  entry.verbatim = undefined;
}

/** A publication as the schema gives it back, in the bundle's shape (unset fields left out). */
export function toValue(data: ReturnType<typeof Publication.parse>): PublicationValue {
  const { authors, ...rest } = data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
  out.authors = authors.map((a) => (a.person ? { name: a.name, roles: a.roles, person: a.person } : { name: a.name, roles: a.roles }));
  return out as PublicationValue;
}
