/**
 * The CV PDFs of a build: typeset on a pool of threads (one per core), each PDF kept in the project's
 * `.vita-cache/cv/` under a digest of what it was made from, so a rebuild typesets only the CVs whose Typst
 * source changed. The cache only saves time: a missing, partial or damaged entry is typeset again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { listFiles } from '../load/files.js';
import { TYPST_VERSION } from '../render/typst/compile.js';
import { pruneCacheFolder } from './cache-folder.js';
import { vitaThreadFile } from '../load/vita-folder.js';

/** A CV to typeset: where its PDF goes in the site, and its Typst source with the fonts to set it in. */
export interface CvPdfJob {
  path: string;
  source: string;
  fonts: { fontPaths: string[]; families: string[] };
  /** What to tell of it besides the compiler's warnings (a list cut short). */
  notes?: string[];
}

export interface TypesetPdf {
  path: string;
  pdf: Uint8Array;
  /** The compiler's warnings, as text. */
  warnings: string[];
  /** Whether it came from the cache. */
  cached: boolean;
}

export interface TypesetOptions {
  /** Folder of the cache (`<project>/.vita-cache/cv`); none: typeset everything, keep nothing. */
  cacheDir?: string;
  /** Threads at most; default one per core. Fewer when there is little to typeset (see PDFS_PER_THREAD). */
  threads?: number;
  /** Threads started ahead (`startTypesetter`), used first; each is ended when done, used or not. */
  started?: Worker[];
  /** Told after each PDF, cached or typeset. */
  onProgress?: (done: number, total: number) => void;
  /** Stops typesetting (a build that failed): the PDFs under way are finished, no other is begun. */
  signal?: AbortSignal;
}

/**
 * PDFs worth a thread of their own: a thread takes about as long to start, load the compiler and scan the fonts
 * (60-100 ms) as typesetting a few CVs, so a one-person site typesets on one thread, and a department on all.
 */
export const PDFS_PER_THREAD = 4;

/** How many threads typeset `pdfs` PDFs with at most `most` threads. */
export function typesettingThreads(pdfs: number, most: number): number {
  return Math.max(1, Math.min(most, Math.ceil(pdfs / PDFS_PER_THREAD)));
}

/** The folder of the CV cache inside a project. */
export function cvCacheDir(projectRoot: string): string {
  return join(projectRoot, '.vita-cache', 'cv');
}

/** The file of the CV cache that tells what the record looked like when its PDFs were last made or found. */
export const RECORD_NOTE = 'record.txt';

/**
 * What the record's files look like, cheaply: each one's path and size (not its time, which every copy of a project
 * changes). Listed while the record is opened, to guess whether any CV will need typesetting.
 */
export function recordLooks(root: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(root)) {
    const size = statSync(join(root, file), { throwIfNoEntry: false })?.size ?? -1;
    hash.update(`${file}\u0000${size}\n`);
  }
  return hash.digest('hex');
}

/**
 * Whether a build will likely typeset a CV, guessed before the record is open (only then are the CVs' sources, and
 * so the cache's keys, known): yes unless the record looks as it did when the last build's CVs were done. A wrong
 * guess only costs time: a thread loading the compiler for nothing, or the first CV waiting for its thread to start.
 */
export function typesettingLikely(cacheDir: string, looks: string): boolean {
  try {
    return readFileSync(join(cacheDir, RECORD_NOTE), 'utf8') !== looks;
  } catch {
    return true;
  }
}

/** Notes what the record looked like when every CV of a build was in the cache, for the next build's guess. */
export function noteRecordLooks(cacheDir: string, looks: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, RECORD_NOTE), looks);
  } catch {
    // Not noted: the next build starts a thread ahead, as if the record had changed.
  }
}

/** What a PDF is a function of: its source, its fonts and the Typst inside the compiler package. */
function cacheKey(job: CvPdfJob): string {
  return createHash('sha256').update(JSON.stringify([TYPST_VERSION, job.fonts.fontPaths, job.fonts.families, job.source])).digest('hex');
}

interface CacheEntry {
  warnings: string[];
}

function readCached(dir: string, key: string): { pdf: Uint8Array; warnings: string[] } | undefined {
  try {
    const pdf = readFileSync(join(dir, `${key}.pdf`));
    const meta = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as CacheEntry;
    // A PDF cut short by a crash is no PDF: it ends with %%EOF (and a line end).
    if (!Array.isArray(meta.warnings) || !pdf.subarray(-8).toString('latin1').includes('%%EOF')) return undefined;
    return { pdf, warnings: meta.warnings.map(String) };
  } catch {
    return undefined;
  }
}

function writeCached(dir: string, key: string, pdf: Uint8Array, warnings: string[]): void {
  try {
    mkdirSync(dir, { recursive: true });
    // The metadata first, the PDF last and by a rename: an entry is whole or absent.
    writeFileSync(join(dir, `${key}.json`), JSON.stringify({ warnings } satisfies CacheEntry));
    const tmp = join(dir, `${key}.pdf.${process.pid}.tmp`);
    writeFileSync(tmp, pdf);
    renameSync(tmp, join(dir, `${key}.pdf`));
  } catch {
    // A cache that cannot be written costs time on the next build, nothing else.
  }
}

/** Typesets the CVs, in the order given; cached PDFs are read, the others typeset on `threads` threads. */
export async function typesetCvPdfs(jobs: readonly CvPdfJob[], options: TypesetOptions = {}): Promise<TypesetPdf[]> {
  const results: (TypesetPdf | undefined)[] = new Array(jobs.length);
  const keys = jobs.map(cacheKey);
  const todo: number[] = [];
  let done = 0;
  const tell = () => options.onProgress?.(++done, jobs.length);
  for (let i = 0; i < jobs.length; i++) {
    const hit = options.cacheDir ? readCached(options.cacheDir, keys[i]!) : undefined;
    if (hit) {
      results[i] = { path: jobs[i]!.path, pdf: hit.pdf, warnings: [...(jobs[i]!.notes ?? []), ...hit.warnings], cached: true };
      tell();
    } else todo.push(i);
  }
  const threads = typesettingThreads(todo.length, options.threads ?? availableParallelism());
  const started = options.started ?? [];
  // Threads started ahead and not needed (every PDF cached, or fewer to typeset than threads) end now.
  const spare = todo.length ? started.splice(threads) : started.splice(0);
  await Promise.all(spare.map((w) => w.terminate()));
  if (todo.length) {
    let next = 0;
    await Promise.all(
      Array.from({ length: threads }, async (_x, t) => {
        const worker = started[t] ?? startTypesetter();
        try {
          for (let i = todo[next++]; i !== undefined && !options.signal?.aborted; i = todo[next++]) {
            const job = jobs[i]!;
            const { pdf, warnings } = await typesetOn(worker, job);
            results[i] = { path: job.path, pdf, warnings: [...(job.notes ?? []), ...warnings], cached: false };
            if (options.cacheDir) writeCached(options.cacheDir, keys[i]!, pdf, warnings);
            tell();
          }
        } finally {
          await worker.terminate();
        }
      }),
    );
  }
  if (options.signal?.aborted) throw new Error('typesetting the CV PDFs was stopped');
  if (options.cacheDir) {
    const used = new Set(keys);
    pruneCacheFolder(options.cacheDir, (name) => name === RECORD_NOTE || used.has(name.replace(/\.(pdf|json|pdf\.\d+\.tmp)$/, '')));
  }
  return results as TypesetPdf[];
}

/** What a typesetting thread answers: the PDF, or the compiler's error as text. */
export type TypesetAnswer = { pdf: Uint8Array; warnings: string[] } | { error: string };

function typesetOn(worker: Worker, job: CvPdfJob): Promise<{ pdf: Uint8Array; warnings: string[] }> {
  if (stopped.has(worker)) return Promise.reject(new Error(`the thread typesetting ${job.path} stopped`));
  return new Promise((ok, fail) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: TypesetAnswer) => {
      cleanup();
      if ('error' in m) fail(new Error(`${job.path}: ${m.error}`));
      else ok({ pdf: m.pdf, warnings: m.warnings });
    };
    const onError = (e: Error) => {
      cleanup();
      fail(e);
    };
    const onExit = (code: number) => {
      cleanup();
      fail(new Error(`the thread typesetting ${job.path} stopped (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ source: job.source, fonts: job.fonts });
  });
}

/**
 * A typesetting thread, which loads the compiler and scans the fonts at once: a build starts one while it opens
 * the record, so that the first CV does not wait for them. When vita runs from its TypeScript sources (tests),
 * the thread loads them the same way.
 */
export function startTypesetter(): Worker {
  const workerData = { warm: true };
  const fromSources = import.meta.url.endsWith('.ts');
  const script = vitaThreadFile('write/cv-pdf-worker', fromSources);
  const worker = !fromSources
    ? new Worker(script, { workerData })
    : new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`, { eval: true, workerData });
  // A thread that fails while it waits for work is told to the next job (`typesetOn`), not thrown.
  worker.on('error', () => undefined);
  worker.once('exit', () => stopped.add(worker));
  return worker;
}

/** Threads that have stopped: a job sent to one would wait for ever. */
const stopped = new WeakSet<Worker>();
