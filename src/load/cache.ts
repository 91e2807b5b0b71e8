/**
 * Loading again, for `vita dev`: a file that did not change is neither read nor parsed; one that changed is read and
 * parsed (in a BibTeX file, only its changed entries are made again, see bibtex/index.ts); and when the changed files
 * keep their number of records, the project's list of records is the last one with those records replaced, so that
 * the next stages look at what changed rather than at 50,000 records.
 */
import { join } from 'node:path';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { newBibtexMemory, type BibtexMemory } from './bibtex/index.js';
import { readTextKept, stampOf, type SkippedLink } from './files.js';
import type { MetricsMemory } from './metrics.js';
import type { DecodedText } from './decoded.js';
import type { LoadedProject, ProseSection, RawRecord } from './record.js';

export interface LoadCache {
  /** The project's files at the last load. */
  files?: string[];
  /** The symbolic links leading out of the project found when it was last listed (reported at each load). */
  links?: SkippedLink[];
  entries: Map<string, CachedFile>;
  /** The files read again, added or removed at the last load: nothing else changed. */
  changed: string[];
  /** The last list of records, and where each file's records start in it. */
  records?: RawRecord[];
  starts?: Map<string, number>;
  /** The files with prose or diagnostics: the few to look at for them. */
  noted: Set<string>;
  /** metrics/citations.yaml as last read (see metrics.ts). */
  metrics?: MetricsMemory;
}

interface CachedFile {
  stamp: string;
  /** The text read, to tell a write that changed nothing. */
  text: string | undefined;
  /** A large file's bytes and pieces: its next reading decodes only what changed. */
  decoded?: DecodedText;
  records: RawRecord[];
  prose: ProseSection[];
  diagnostics: Diagnostic[];
  bibtex?: BibtexMemory;
}

export function newLoadCache(): LoadCache {
  return { entries: new Map(), changed: [], noted: new Set() };
}

/** How a file of the record is read: into records, prose and diagnostics. */
export type ReadFile = (file: string, text: string, diagnostics: Diagnostics, bibtex: BibtexMemory | undefined) => { records: RawRecord[]; prose: ProseSection[] };

/**
 * Fills `project` (whose files are listed) from the cache and the files that changed: all files when `look` is
 * undefined, else only those in it (a watcher named them); their dates decide, or for named ones their text.
 */
export function loadCached(project: LoadedProject, cache: LoadCache, look: Set<string> | undefined, diagnostics: Diagnostics, isRecord: (file: string) => 'bibtex' | boolean, read: ReadFile): void {
  const changed = new Set<string>();
  if (cache.files !== project.files) {
    // Files added or removed, records or not: the list itself is part of the project (links are checked against it).
    const before = new Set(cache.files ?? []);
    const now = new Set(project.files);
    for (const file of project.files) if (!before.has(file)) changed.add(file);
    for (const file of before) if (!now.has(file)) changed.add(file);
    for (const file of cache.entries.keys()) {
      if (now.has(file)) continue;
      cache.entries.delete(file);
      cache.noted.delete(file);
    }
  }
  cache.files = project.files;
  const candidates = look && cache.records ? look : project.files;
  const replaced = new Map<string, RawRecord[]>();
  for (const file of candidates) {
    const kind = isRecord(file);
    if (!kind) continue;
    const entry = cache.entries.get(file);
    // A file a watcher named is read whatever its dates say: two writes within a clock tick can leave them as they were.
    const named = look?.has(file) ?? false;
    const stamp = stampOf(join(project.root, file));
    if (entry && stamp !== undefined && entry.stamp === stamp && !named) continue;
    const own = new Diagnostics();
    const kept = readTextKept(project.root, file, own, entry?.text !== undefined ? { text: entry.text, decoded: entry.decoded } : undefined);
    const text = kept?.text;
    if (entry && text !== undefined && text === entry.text) {
      entry.stamp = stamp ?? '';
      continue;
    }
    const bibtex = kind === 'bibtex' ? (entry?.bibtex ?? newBibtexMemory()) : undefined;
    const made = text === undefined ? { records: [], prose: [] } : read(file, text, own, bibtex);
    const next: CachedFile = { stamp: stamp ?? '', text, decoded: kept?.decoded, records: made.records, prose: made.prose, diagnostics: own.list, bibtex };
    if (stamp !== undefined) cache.entries.set(file, next);
    else cache.entries.delete(file);
    if (stamp !== undefined && (next.prose.length || next.diagnostics.length)) cache.noted.add(file);
    else cache.noted.delete(file);
    changed.add(file);
    replaced.set(file, entry?.records ?? []);
  }
  cache.changed = [...changed];
  assemble(project, cache, replaced, isRecord);
  // In the order of the files (which are sorted).
  for (const file of [...cache.noted].sort()) {
    const entry = cache.entries.get(file)!;
    for (const p of entry.prose) project.prose.push(p);
    for (const d of entry.diagnostics) diagnostics.add(d);
  }
}

/**
 * The project's records: the last list with the changed files' records put in their places when each changed file has
 * as many as before (and no file came or went), else a new list.
 */
function assemble(project: LoadedProject, cache: LoadCache, replaced: Map<string, RawRecord[]>, isRecord: (file: string) => unknown): void {
  const last = cache.records;
  const starts = cache.starts;
  const inPlace =
    last !== undefined &&
    starts !== undefined &&
    // No file of records came or went, and each one read again has as many records as before.
    cache.changed.every((file) => !isRecord(file) || replaced.has(file)) &&
    [...replaced].every(([file, before]) => starts.has(file) && cache.entries.get(file)?.records.length === before.length);
  if (inPlace) {
    const at: number[] = [];
    for (const file of replaced.keys()) {
      const start = starts.get(file)!;
      cache.entries.get(file)!.records.forEach((r, i) => {
        if (last[start + i] === r) return;
        last[start + i] = r;
        at.push(start + i);
      });
    }
    project.records = last;
    project.replaced = at.sort((a, b) => a - b);
    return;
  }
  const records: RawRecord[] = [];
  const nextStarts = new Map<string, number>();
  for (const file of project.files) {
    const entry = isRecord(file) ? cache.entries.get(file) : undefined;
    if (!entry) continue;
    nextStarts.set(file, records.length);
    for (const r of entry.records) records.push(r);
  }
  cache.records = project.records = records;
  cache.starts = nextStarts;
}
