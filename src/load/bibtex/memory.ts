/**
 * A BibTeX file read again after an edit, for `vita dev`: a large file (a group's 2,500 entries) is scanned only
 * around what changed, and an entry whose text did not change keeps its record, the same object, so that the later
 * stages reuse what they made of it.
 */
import { Diagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RawRecord } from '../record.js';
import { detached, memoryKey, movedRecord, toRecord } from './record.js';
import { LineIndex, scanBetween, type RawEntry } from './scanner.js';

interface Remembered {
  record: RawRecord;
  diagnostics: Diagnostic[];
  line: number;
  column: number;
}

/** The last reading of a file, entry by entry, when the file can be read again around an edit. */
export interface Reading {
  text: string;
  /** Each entry's key in `BibtexMemory.entries`. */
  remembered: string[];
  starts: number[];
  ends: number[];
  keys: string[];
  records: RawRecord[];
  diagnostics: Diagnostic[][];
}

export interface BibtexMemory {
  /** Entries read before, by their text (see `memoryKey`). */
  entries: Map<string, Remembered>;
  /** The last reading, when nothing in the file reaches from one entry to another: no @string, no syntax problem, no key twice. */
  last?: Reading;
}

export function newBibtexMemory(): BibtexMemory {
  return { entries: new Map() };
}

/**
 * The record of an entry: the one made before when its text is the same and it starts at the same line and column.
 * `update`: made after an edit, what is kept must not hold on to this version of the file's text (see `detached`).
 */
export function remembered(file: string, source: string, entry: RawEntry, lines: LineIndex, memory: BibtexMemory, previous: Map<string, Remembered>, update: boolean): { key: string; known: Remembered } {
  let key = memoryKey(source, entry);
  const { line, column } = lines.span(entry.start);
  let known = previous.get(key);
  if (!known || known.line !== line || known.column !== column) {
    const own = new Diagnostics();
    const record = toRecord(file, source, entry, lines, own, { detach: update });
    known = { record, diagnostics: update ? own.list.map(detached) : own.list, line, column };
  }
  if (update) key = detached(key);
  memory.entries.set(key, known);
  return { key, known };
}

/**
 * The records of the file's new text, scanning only from the end of the last entry before the edit to the start of
 * the first one after it, when that one starts a line; otherwise undefined (the caller reads the whole file). The
 * text before and after is the same, so the entries there are the same: a full scan reaches the start of the edit
 * in the same state (no @string), and reads on from its end as before. The entries after it may have moved by lines.
 */
export function readAgain(file: string, text: string, memory: BibtexMemory, diagnostics: Diagnostics): RawRecord[] | undefined {
  const last = memory.last!;
  const old = last.text;
  const n = last.starts.length;
  const shortest = Math.min(old.length, text.length);
  const p = common(shortest, (a, b) => old.slice(a, b) === text.slice(a, b));
  const s = common(shortest - p, (a, b) => old.slice(old.length - b, old.length - a) === text.slice(text.length - b, text.length - a));
  // Entries [0, i) end before the edit; entries [j, n) start after it.
  let i = 0;
  while (i < n && last.ends[i]! <= p) i++;
  let j = i;
  while (j < n && last.starts[j]! < old.length - s) j++;
  const from = i > 0 ? last.ends[i - 1]! : 0;
  const to = j < n ? last.starts[j]! : old.length;
  const shift = text.length - old.length;
  const newTo = to + shift;
  if (j < n && newTo > 0 && text[newTo - 1] !== '\n') return undefined;
  // Lines added or removed move the entries after the edit: their records are moved, their values kept.
  const moved = newlines(text, from, newTo) - newlines(old, from, to);
  const tail = { records: last.records.slice(j), diagnostics: last.diagnostics.slice(j) };
  if (moved !== 0) {
    const records = tail.records.map((r) => movedRecord(r, moved));
    if (records.some((r) => r === undefined)) return undefined;
    tail.records = records as RawRecord[];
    tail.diagnostics = tail.diagnostics.map((list) => list.map((d) => movedDiagnostic(d, moved)));
  }
  const lines = new LineIndex(text);
  const region = scanBetween(text, lines, from, newTo);
  if (!region.clean || /@\s*string\s*[{(]/i.test(text.slice(from, newTo))) return undefined;

  // No key twice in the file, BibTeX's way (without case).
  const keys = new Set<string>();
  for (const key of [...last.keys.slice(0, i), ...region.entries.map((e) => e.key), ...last.keys.slice(j)]) {
    const folded = key.toLowerCase();
    if (keys.has(folded)) return undefined;
    keys.add(folded);
  }

  const made = region.entries.map((entry) => remembered(file, text, entry, lines, memory, memory.entries, true));
  // Entries of the old text that are gone are forgotten; those still there were set again.
  const kept = new Set(made.map((m) => m.key));
  for (let k = i; k < j; k++) if (!kept.has(last.remembered[k]!)) memory.entries.delete(last.remembered[k]!);
  if (moved !== 0) {
    tail.records.forEach((record, k) => {
      const key = last.remembered[j + k]!;
      const was = memory.entries.get(key)!;
      memory.entries.set(key, { record, diagnostics: tail.diagnostics[k]!, line: was.line + moved, column: was.column });
    });
  }

  const next: Reading = {
    text,
    remembered: [...last.remembered.slice(0, i), ...made.map((m) => m.key), ...last.remembered.slice(j)],
    starts: [...last.starts.slice(0, i), ...region.entries.map((e) => e.start), ...last.starts.slice(j).map((x) => x + shift)],
    ends: [...last.ends.slice(0, i), ...region.entries.map((e) => e.end), ...last.ends.slice(j).map((x) => x + shift)],
    keys: [...last.keys.slice(0, i), ...region.entries.map((e) => detached(e.key)), ...last.keys.slice(j)],
    records: [...last.records.slice(0, i), ...made.map((m) => m.known.record), ...tail.records],
    diagnostics: [...last.diagnostics.slice(0, i), ...made.map((m) => m.known.diagnostics), ...tail.diagnostics],
  };
  memory.last = next;
  for (const list of next.diagnostics) for (const d of list) diagnostics.add(d);
  return next.records;
}

function movedDiagnostic(d: Diagnostic, lines: number): Diagnostic {
  const out = { ...d };
  if (out.line !== undefined) out.line += lines;
  if (out.endLine !== undefined) out.endLine += lines;
  return out;
}

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * How long the common part is (at most `limit`), where `same(a, b)` says whether characters a to b are the same:
 * compared a block at a time, then halving the block that differs. Slices are compared natively; a loop over the
 * characters of a 1 MB file costs tens of milliseconds.
 */
function common(limit: number, same: (a: number, b: number) => boolean): number {
  const BLOCK = 1 << 14;
  let at = 0;
  while (at + BLOCK <= limit && same(at, at + BLOCK)) at += BLOCK;
  // The common part ends within the next block (or the text): halve the step.
  for (let size = BLOCK >> 1; size > 0; size >>= 1) if (at + size <= limit && same(at, at + size)) at += size;
  return at;
}
