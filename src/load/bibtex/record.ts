/** One scanned entry as a publication record, and what lets `vita dev` reuse it. */
import type { Diagnostics, Span } from '../../diagnostics/diagnostic.js';
import type { DataPath, RawRecord } from '../record.js';
import { storedForms, type StoredBibtex } from '../stored.js';
import { readPublication } from './publication.js';
import type { LineIndex, RawEntry } from './scanner.js';

/**
 * `kept`: for `vita dev`, which keeps records across versions of the file: the record can be moved (`movedRecord`),
 * and `detach`: made after an edit, it must not hold on to this version of the file's text (see `detached`).
 */
export function toRecord(file: string, source: string, entry: RawEntry, lines: LineIndex, diagnostics: Diagnostics, kept?: { detach: boolean }): RawRecord {
  const read = readPublication(entry, source, file, lines, diagnostics);
  const detach = kept?.detach ?? false;
  const value = detach ? detached(read.value) : read.value;
  const text = detach ? detached(source.slice(entry.start, entry.end)) : source.slice(entry.start, entry.end);
  const p: Placed = { file, id: entry.key, value, where: read.where, start: entry.start, text, at: lines.span(entry.start) };
  const record = recordAt(p);
  if (kept) placed.set(record, p);
  else storedForms.set(record, { form: 'bibtex', id: p.id, value: p.value, where: read.where as Map<string, number>, start: entry.start, length: entry.end - entry.start, at: p.at });
  return record;
}

/**
 * The record of an entry kept between builds (see ../record-cache.ts), in the file whose text it was read from; `where`
 * is made only when a position is asked for, which few records ever are.
 */
export function restoredRecord(file: string, source: string, kept: { id: string; value: Record<string, unknown>; where: () => ReadonlyMap<string, number>; start: number; length: number; at: Span }): RawRecord {
  const text = source.slice(kept.start, kept.start + kept.length);
  let where: ReadonlyMap<string, number> | undefined;
  const lazy = { get: (path: string) => (where ??= kept.where()).get(path) };
  return recordAt({ file, id: kept.id, value: kept.value, where: lazy, start: kept.start, text, at: kept.at });
}

/** What a record's positions are computed from. */
interface Placed {
  file: string;
  id: string;
  value: Record<string, unknown>;
  /** Where each data path was written, as offsets in the file when the entry was read. */
  where: Pick<ReadonlyMap<string, number>, 'get'>;
  /** The entry's offset then, its text, and where it starts now. */
  start: number;
  text: string;
  at: Span;
}

const placed = new WeakMap<RawRecord, Placed>();

/**
 * The record of an entry that lines were added above or removed from: the same value (so that validation and
 * resolving can reuse what they made of it), its positions `lines` further down. Undefined for a record not read here.
 */
export function movedRecord(record: RawRecord, lines: number): RawRecord | undefined {
  const p = placed.get(record);
  if (!p) return undefined;
  const moved: Placed = { ...p, at: { line: p.at.line + lines, column: p.at.column } };
  const next = recordAt(moved);
  placed.set(next, moved);
  return next;
}

/**
 * `locate` keeps neither the scanned entry nor the file's line index, only the entry's own text and where it starts:
 * a graph of 50,000 papers keeps every record, and `vita dev` keeps records across versions of the file.
 */
function recordAt(p: Placed): RawRecord {
  const { where, start, text, at } = p;
  const spanAt = (offset: number): Span => {
    let line = at.line;
    let lineStart = -at.column + 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  };
  return {
    kind: 'publication',
    file: p.file,
    id: p.id,
    value: p.value,
    locate(path: DataPath): Span {
      // The longest written prefix of the path: ['authors', 2, 'name'] falls back to the author, then the field.
      for (let n = path.length; n > 0; n--) {
        const offset = where.get(path.slice(0, n).join('.'));
        if (offset !== undefined) return spanAt(offset - start);
      }
      return spanAt(0);
    },
  };
}

/** What an entry's record is made from: its text, and the values of @string abbreviations it uses, which live elsewhere. */
export function memoryKey(source: string, entry: RawEntry): string {
  let key = source.slice(entry.start, entry.end);
  for (const field of entry.fields.values()) if (field.valueAt === undefined) key += `\u0000${field.name}=${field.value}`;
  return key;
}

/**
 * A copy whose strings are flat: a slice of the file's text keeps the whole text alive in V8, and `vita dev`, which keeps
 * records across edits, would keep one copy of a large .bib file per edit. Concatenating makes a new string; the slice of
 * that is of a string no longer than the value itself.
 */
export function detached<T>(value: T): T {
  if (typeof value === 'string') return (' ' + value).slice(1) as T;
  if (Array.isArray(value)) return value.map(detached) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = detached(v);
    return out as T;
  }
  return value;
}
