/**
 * A file of the record as loaded (its records, prose and diagnostics) kept between builds, keyed by the file's path
 * and text: a rebuild after one edited title parses one .bib file again, not twenty. Where entries are kept is the
 * caller's (write/record-cache.ts keeps them in `.vita-cache/record/`); an entry that is missing, damaged or not of
 * this form is not used, and the file is read as usual.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { SCHEMAS } from '../schema/index.js';
import { restoredRecord } from './bibtex/record.js';
import type { DataPath, ProseSection, RawRecord } from './record.js';
import { storedForms, type StoredYaml, type YamlPlaces } from './stored.js';
import { locateIn } from './yaml.js';

export interface RecordCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** The opening is over: the entries it did not ask for can go. */
  done?(): void;
}

/** Bumped when what an entry holds changes shape or meaning. */
const FORMAT = 2;

/** The key of a file's entry: its path (records name it) and a digest of its text. */
export function recordKey(file: string, text: string): string {
  return `record-${FORMAT}\u0000${file}\u0000${createHash('sha256').update(text).digest('base64url')}`;
}

/** A file as loaded, in a form that can be kept. */
interface StoredFile {
  records: KeptRecord[];
  prose: ProseSection[];
  diagnostics: Diagnostic[];
}

/**
 * A BibTeX record as kept: its data paths joined by newlines and their offsets (a map per entry costs more to read
 * back than the rest), and, when its `bibtex` field is the entry's text as in the file, not that text again.
 */
interface KeptBibtex {
  form: 'bibtex-kept';
  id: string;
  value: Record<string, unknown>;
  paths: string;
  offsets: number[];
  start: number;
  length: number;
  at: Span;
  entryText?: true;
}

type KeptRecord = KeptBibtex | StoredYaml;

export interface LoadedFile {
  records: RawRecord[];
  prose: ProseSection[];
  diagnostics: Diagnostic[];
}

/** What to keep of a file of this text as loaded; undefined when a record does not say what it was made from. */
export function storeFile(loaded: LoadedFile, text: string): StoredFile | undefined {
  const records: KeptRecord[] = [];
  for (const record of loaded.records) {
    const form = storedForms.get(record);
    if (!form) return undefined;
    if (form.form === 'yaml') {
      // A plain copy: the places are made now, when asked for.
      records.push({ ...form, places: form.places });
      continue;
    }
    const paths = [...form.where.keys()];
    if (paths.some((p) => p.includes('\n'))) return undefined;
    const entryText = form.value.bibtex === text.slice(form.start, form.start + form.length);
    records.push({
      form: 'bibtex-kept',
      id: form.id,
      value: entryText ? { ...form.value, bibtex: 0 } : form.value,
      paths: paths.join('\n'),
      offsets: [...form.where.values()],
      start: form.start,
      length: form.length,
      at: form.at,
      ...(entryText ? { entryText: true as const } : {}),
    });
  }
  return { records, prose: loaded.prose, diagnostics: loaded.diagnostics };
}

/** The file as loaded from what was kept of it, for the file of this text; undefined when `kept` is not such a thing. */
export function restoreFile(file: string, text: string, kept: unknown): LoadedFile | undefined {
  if (!isObject(kept) || !Array.isArray(kept.records) || !Array.isArray(kept.prose) || !Array.isArray(kept.diagnostics)) return undefined;
  if (!kept.prose.every((p) => isProse(p, file)) || !kept.diagnostics.every(isDiagnostic)) return undefined;
  const records: RawRecord[] = [];
  for (const stored of kept.records as unknown[]) {
    const record = restoredOne(file, text, stored);
    if (!record) return undefined;
    records.push(record);
  }
  return { records, prose: kept.prose as ProseSection[], diagnostics: kept.diagnostics as Diagnostic[] };
}

function restoredOne(file: string, text: string, stored: unknown): RawRecord | undefined {
  if (!isObject(stored)) return undefined;
  if (stored.form === 'bibtex-kept') {
    const { id, value, paths, offsets, start, length, at, entryText } = stored;
    if (typeof id !== 'string' || !isObject(value) || typeof paths !== 'string' || !Array.isArray(offsets) || !isSpan(at)) return undefined;
    if (!Number.isInteger(start) || !Number.isInteger(length) || (start as number) < 0 || (start as number) + (length as number) > text.length) return undefined;
    const names = paths === '' ? [] : paths.split('\n');
    if (names.length !== offsets.length || !offsets.every((o) => Number.isInteger(o))) return undefined;
    if (entryText !== undefined && (entryText !== true || value.bibtex !== 0)) return undefined;
    const from = start as number;
    const to = from + (length as number);
    if (entryText) value.bibtex = text.slice(from, to);
    const where = () => new Map(names.map((name, i) => [name, offsets[i] as number]));
    return restoredRecord(file, text, { id, value, where, start: from, length: to - from, at });
  }
  if (stored.form === 'yaml') {
    const { kind, id, value, places, prefix, body } = stored;
    if (typeof kind !== 'string' || !Object.hasOwn(SCHEMAS, kind) || (id !== undefined && typeof id !== 'string') || !Array.isArray(prefix)) return undefined;
    if (!prefix.every((s) => typeof s === 'string' || typeof s === 'number')) return undefined;
    if (places !== null && !isPlaces(places)) return undefined;
    if (body !== undefined && !(isObject(body) && isSpan(body) && typeof body.field === 'string')) return undefined;
    const at = places as YamlPlaces | null;
    const start = prefix as DataPath;
    const text = body as { line: number; column: number; field: string } | undefined;
    const locate = (path: DataPath): Span => {
      if (text && path.length === 1 && path[0] === text.field) return { line: text.line, column: text.column };
      return at ? locateIn(at, start.length ? [...start, ...path] : path) : { line: 1, column: 1 };
    };
    return { kind: kind as RawRecord['kind'], file, id, value, locate };
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isSpan(v: unknown): v is Span {
  return isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.column);
}

function isProse(v: unknown, file: string): boolean {
  return isObject(v) && v.file === file && typeof v.person === 'string' && typeof v.section === 'string' && typeof v.text === 'string' && Number.isInteger(v.line);
}

function isDiagnostic(v: unknown): boolean {
  return isObject(v) && typeof v.file === 'string' && typeof v.severity === 'string' && typeof v.code === 'string' && typeof v.message === 'string';
}

function isPlaces(v: unknown): boolean {
  return isObject(v) && Number.isInteger(v.lineOffset) && (v.root === undefined || isSpan(v.root)) && (v.tree === undefined || isPlaceNode(v.tree, 0));
}

function isPlaceNode(v: unknown, depth: number): boolean {
  if (!isObject(v) || depth > 200) return false;
  const child = (c: unknown): boolean => isObject(c) && (c.span === undefined || isSpan(c.span)) && (c.node === undefined || isPlaceNode(c.node, depth + 1));
  if (v.keys !== undefined && !(v.keys instanceof Map && [...(v.keys as Map<unknown, unknown>)].every(([k, c]) => typeof k === 'string' && child(c)))) return false;
  if (v.items !== undefined && !(Array.isArray(v.items) && (v.items as unknown[]).every((c) => c === null || child(c)))) return false;
  return true;
}

