/**
 * The CV PDFs of a build: typeset as they are planned on a pool of threads (one per core at most), each PDF
 * kept in the project's `.vita-cache/cv/` under a digest of what it was made from, so a rebuild typesets only
 * the CVs whose Typst source changed (and a CV not planned again keeps its PDF: KeptCvPdf). The cache only
 * saves time: a missing, partial or damaged entry is typeset again.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
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
  /** Its key in the cache (`cvPdfKey`), when the planner knows it already. */
  key?: string;
}

/**
 * A CV a rebuild did not plan again (build-cache.ts): its PDF is the one the last build wrote, made from the
 * source of cache key `key`, whose entry still holds the compiler's warnings.
 */
export interface KeptCvPdf {
  path: string;
  key: string;
  notes?: string[];
  kept: true;
}

export interface TypesetPdf {
  path: string;
  /** Its bytes; none for a kept PDF (the file the last build wrote stays). */
  pdf?: Uint8Array;
  /** The compiler's warnings, as text. */
  warnings: string[];
  /** Whether it came from the cache (a kept PDF did too). */
  cached: boolean;
  kept?: true;
}

export interface TypesetOptions {
  /** Folder of the cache (`<project>/.vita-cache/cv`); none: typeset everything, keep nothing. */
  cacheDir?: string;
  /** Threads at most; default one per core. Fewer when there is little to typeset (see PDFS_PER_THREAD). */
  threads?: number;
  /** Threads started ahead (`startTypesetter`), used first; each is ended when done, used or not. */
  started?: Worker[];
  /** Told after each PDF, cached or typeset, with the PDFs known so far (or `total`, if more). */
  onProgress?: (done: number, total: number) => void;
  /** How many PDFs are coming, when known before they are all added (for progress). */
  total?: number;
  /** Stops typesetting (a build that failed): the PDFs under way are finished, no other is begun. */
  signal?: AbortSignal;
  /**
   * Each PDF's bytes as soon as they are typeset or read from the cache, in any order (a build writes them at once):
   * `done` then holds no bytes. Without it, `done` holds every PDF's bytes.
   */
  onPdf?: (path: string, pdf: Uint8Array) => void;
  /**
   * Shared with the planner (an Int32Array over a SharedArrayBuffer, see CV_BACKLOG): [0] counts the CVs it sent
   * that no thread took yet, which it adds to before sending and the queue takes from; [1] becomes 1 once the
   * queue has stopped (a CV failed, the build stopped), so that the planner plans no more and never waits for room.
   */
  backlog?: Int32Array;
  /** CVs a thread typesets before a fresh one takes its place; default CVS_PER_TYPESETTER. */
  perThread?: number;
}

/**
 * CVs planned ahead of the typesetting threads at most: a build's worker plans the next ones when the threads have
 * taken some (its Typst sources wait in memory meanwhile, ~35 KB each for a department's), rather than all at first.
 */
export const CV_BACKLOG = 8;

/**
 * CVs a typesetting thread typesets before it is replaced by a fresh one. Typst keeps something of every document
 * it typesets (fonts' glyphs, caches that evictCache does not drop): 400 of a department's CVs on one thread took
 * its process to 683 MB, and on threads replaced every 100 to 499 MB, in the same CPU time (a thread starts in
 * 60-100 ms).
 */
export const CVS_PER_TYPESETTER = 100;

/** Memory a typesetting thread takes (the compiler, its fonts and caches), measured at about 320 MB for a department's CVs. */
export const TYPESETTER_BYTES = 320 * 1024 * 1024;

/**
 * How many more typesetting threads the memory allows: one per twice a thread's memory available (free memory, or
 * what a container's limit leaves), the other half left for the rest of the build and the machine's other work.
 * A 2 GiB machine, with the record open, typesets on one thread; at least one, however little memory is left.
 */
export function affordableTypesetters(available = availableMemory()): number {
  return Math.max(1, Math.floor(available / (2 * TYPESETTER_BYTES)));
}

/** Memory the process may still take: the system's free memory, or less when a container limits it. */
function availableMemory(): number {
  const free = freemem();
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(free, Math.max(0, limit - process.memoryUsage.rss())) : free;
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
export function cvPdfKey(job: CvPdfJob): string {
  return createHash('sha256').update(JSON.stringify([TYPST_VERSION, job.fonts.fontPaths, job.fonts.families, job.source])).digest('hex');
}

interface CacheEntry {
  warnings: string[];
}

/** The warnings of a cache entry whose PDF is there (and whole, as far as a look at its end tells). */
function readCachedWarnings(dir: string, key: string): string[] | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as CacheEntry;
    if (!Array.isArray(meta.warnings) || !endsLikePdf(join(dir, `${key}.pdf`))) return undefined;
    return meta.warnings.map(String);
  } catch {
    return undefined;
  }
}

/** Whether the cache still has the entry of key `key` (a rebuild keeps a CV's PDF only then, see KeptCvPdf). */
export function hasCachedPdf(dir: string, key: string): boolean {
  return readCachedWarnings(dir, key) !== undefined;
}

function endsLikePdf(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const end = Buffer.alloc(Math.min(8, size));
    readSync(fd, end, 0, end.length, size - end.length);
    return end.toString('latin1').includes('%%EOF');
  } finally {
    closeSync(fd);
  }
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
export function typesetCvPdfs(jobs: readonly (CvPdfJob | KeptCvPdf)[], options: TypesetOptions = {}): Promise<TypesetPdf[]> {
  const queue = new CvPdfQueue(options);
  queue.add(jobs);
  queue.end();
  return queue.done;
}

/**
 * CVs typeset as they come (a build's worker sends them as it plans them, so the first is typeset at once):
 * `add` them, `end` when there are no more; `done` is every PDF in the order added. Cached PDFs are read at once,
 * the others typeset on a pool of threads that grows with the work waiting, up to `threads` (see `grow`).
 */
export class CvPdfQueue {
  /** Every PDF, in the order added, when all are made. */
  readonly done: Promise<TypesetPdf[]>;
  private readonly keys: string[] = [];
  private readonly results: (TypesetPdf | undefined)[] = [];
  /** CVs to typeset, in order (each let go once a thread takes it: its source is large); `next` is the first no thread took. */
  private readonly todo: ({ index: number; job: CvPdfJob } | undefined)[] = [];
  private next = 0;
  private running = 0;
  private most: number;
  private readonly started: Worker[];
  /** Threads waiting for a job (or for the end). */
  private waiting: (() => void)[] = [];
  private ended = false;
  private settled = false;
  private failure: Error | undefined;
  private count = 0;
  private finish!: (pdfs: TypesetPdf[]) => void;
  private fail!: (err: Error) => void;

  constructor(private readonly options: TypesetOptions = {}) {
    this.most = Math.max(1, Math.min(options.threads ?? availableParallelism(), affordableTypesetters()));
    this.started = [...(options.started ?? [])];
    this.done = new Promise((ok, fail) => {
      this.finish = ok;
      this.fail = fail;
    });
    // Awaited by whoever asks; not an unhandled rejection meanwhile.
    this.done.catch(() => undefined);
    options.signal?.addEventListener('abort', () => {
      this.wake();
      this.settle();
    });
  }

  /** More CVs, after those added before. */
  add(jobs: readonly (CvPdfJob | KeptCvPdf)[]): void {
    if (this.ended) throw new Error('CV PDFs added after the end');
    const dir = this.options.cacheDir;
    for (const job of jobs) {
      const i = this.results.length;
      const key = job.key ?? cvPdfKey(job as CvPdfJob);
      this.keys.push(key);
      this.results.push(undefined);
      if ('kept' in job) {
        // The worker found the entry there a moment ago: only another build pruning it meanwhile takes it away.
        const warnings = dir ? readCachedWarnings(dir, key) : undefined;
        if (!warnings) this.failure ??= new Error(`${job.path} could not be kept from the last build; build again with --no-cache`);
        this.results[i] = { path: job.path, warnings: [...(job.notes ?? []), ...(warnings ?? [])], cached: true, kept: true };
        this.taken();
        this.tell();
        continue;
      }
      const hit = dir ? readCached(dir, key) : undefined;
      if (hit) {
        this.made(i, job, hit.pdf, hit.warnings, true);
        this.taken();
      } else this.todo.push({ index: i, job });
    }
    this.startThreads();
    this.wake();
  }

  /** No more CVs: `done` settles when the last is made. */
  end(): void {
    this.ended = true;
    this.startThreads();
    this.wake();
    this.settle();
  }

  /** Allows up to `threads` threads from now on (a build's pages are done: their core is free), as the memory allows. */
  grow(threads: number): void {
    this.most = Math.max(this.most, Math.min(threads, this.running + affordableTypesetters()));
    this.startThreads();
  }

  private tell(): void {
    this.count++;
    this.options.onProgress?.(this.count, Math.max(this.results.length, this.options.total ?? 0));
  }

  /** A PDF made or read: its bytes go to `onPdf` at once when there is one, else they are kept for `done`. */
  private made(i: number, job: CvPdfJob, pdf: Uint8Array, warnings: string[], cached: boolean): void {
    this.options.onPdf?.(job.path, pdf);
    this.results[i] = { path: job.path, pdf: this.options.onPdf ? undefined : pdf, warnings: [...(job.notes ?? []), ...warnings], cached };
    this.tell();
  }

  /** A CV the planner sent needs no more waiting: it may plan another. */
  private taken(): void {
    const backlog = this.options.backlog;
    if (!backlog) return;
    Atomics.sub(backlog, 0, 1);
    Atomics.notify(backlog, 0);
  }

  private wake(): void {
    for (const w of this.waiting.splice(0)) w();
    // No thread takes CVs any more: the planner must not wait for room, nor plan more.
    const backlog = this.options.backlog;
    if (this.stopped && backlog) {
      Atomics.store(backlog, 1, 1);
      Atomics.notify(backlog, 0);
    }
  }

  private get stopped(): boolean {
    return this.failure !== undefined || this.options.signal?.aborted === true;
  }

  /** As many threads as the waiting work is worth (PDFS_PER_THREAD each), `most` at most. */
  private startThreads(): void {
    if (this.stopped) return;
    // As for a list given at once: by the PDFs to typeset so far, which grow as they come.
    const wanted = typesettingThreads(this.todo.length, this.most);
    while (this.next < this.todo.length && this.running < wanted) {
      this.running++;
      void this.work(this.started.shift() ?? startTypesetter());
    }
  }

  /** The next CV for a thread, once there is one; undefined when there will be none. */
  private async take(): Promise<{ index: number; job: CvPdfJob } | undefined> {
    for (;;) {
      if (this.stopped) return undefined;
      if (this.next < this.todo.length) {
        const next = this.todo[this.next]!;
        this.todo[this.next++] = undefined;
        this.taken();
        return next;
      }
      if (this.ended) return undefined;
      await new Promise<void>((ok) => this.waiting.push(ok));
    }
  }

  private async work(worker: Worker): Promise<void> {
    let typeset = 0;
    try {
      for (let next = await this.take(); next !== undefined; next = await this.take()) {
        if (typeset++ === (this.options.perThread ?? CVS_PER_TYPESETTER)) {
          // A fresh thread: Typst's memory grows with every CV a thread typesets (see CVS_PER_TYPESETTER).
          typeset = 1;
          await worker.terminate();
          worker = startTypesetter();
        }
        const { pdf, warnings } = await typesetOn(worker, next.job);
        if (this.options.cacheDir) writeCached(this.options.cacheDir, this.keys[next.index]!, pdf, warnings);
        this.made(next.index, next.job, pdf, warnings, false);
      }
    } catch (err) {
      this.failure ??= err as Error;
      this.wake();
    } finally {
      await worker.terminate();
      this.running--;
      this.settle();
    }
  }

  /** Once the end is told and no thread runs: the threads started ahead and unused end, and `done` settles. */
  private settle(): void {
    if ((!this.ended && !this.stopped) || this.running > 0 || this.settled) return;
    this.settled = true;
    for (const w of this.started.splice(0)) void w.terminate();
    if (this.failure) return this.fail(this.failure);
    if (this.options.signal?.aborted) return this.fail(new Error('typesetting the CV PDFs was stopped'));
    if (this.options.cacheDir) {
      const used = new Set(this.keys);
      pruneCacheFolder(this.options.cacheDir, (name) => name === RECORD_NOTE || used.has(name.replace(/\.(pdf|json|pdf\.\d+\.tmp)$/, '')));
    }
    this.finish(this.results as TypesetPdf[]);
  }
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
  const script = vitaThreadFile('write', 'cv-pdf-worker', fromSources);
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
