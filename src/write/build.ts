/**
 * open -> render -> write for the website, streamed: a worker thread opens the project, renders each page
 * and writes it at once, so no more than one page is held; the main thread checks every path before
 * anything is written, then writes the manifest from what the worker reports. With more workers, each opens
 * the project itself (renderers are pure functions of the graph) and takes the next few files of the plan
 * when free. After the pages, the first worker makes what needs the whole site or the graph (sitemap, assets,
 * calendars, CV PDFs). Search records go to the main thread with the pages, which come shard by shard: each
 * shard is indexed by Pagefind as soon as its pages are done (search-shards.ts). A small record is opened and
 * rendered in the main thread instead, by the same code (build-thread.ts, MainThreadBuild below).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteOptions } from '../render/site/index.js';
import type { ImageVariant } from '../render/site/parts/picture.js';
import { SearchIndexer, SHARD_SIZE } from '../render/site/search-index.js';
import { THEME_MODULES } from '../render/site/theme.js';
import { ShardedSearch, type SentRecord, type ShardsMade } from './search-shards.js';
import { cvCacheDir, CvPdfQueue, noteRecordLooks, recordLooks, startTypesetter, typesettingLikely, type CvPdfJob, type KeptCvPdf } from './cv-pdfs.js';
import { SiteWriter, WriteError, type WriteResult } from './index.js';
import { vitaThreadFile } from '../load/vita-folder.js';
import { recordOver } from '../load/files.js';
import type { MainPort } from './build-thread.js';
import { buildCacheDir, buildKey, forgetBuildState, writeBuildState, type EncodedBuildState, type SearchShard } from './build-cache.js';

export interface SiteBuild {
  pages: number;
  files: number;
  bytes: number;
  written: number;
  /** Errors in the record: when there are any, nothing is written. */
  errors: number;
  /** Worker threads that rendered and wrote. */
  workers: number;
  /** Where the pages were rendered: in the main thread (a small record, see SMALL_RECORD_BYTES) or on worker threads. */
  renderedIn: 'main' | 'worker';
  /** What `vita check` would say of the record (errors and warnings). */
  diagnostics: Diagnostic[];
  /** Warnings of the extras (a CV missing glyphs ...) and of search (Pagefind missing ...). */
  warnings: string[];
  /** Pages indexed for search (0 when search is off or could not be built). */
  searchPages: number;
  /** Shards of the search index made by Pagefind in this build, and shards kept from the last one. */
  searchShards?: { indexed: number; kept: number };
  /** Resized images: made now, and taken from the cache. */
  images: { made: number; reused: number };
  /** Pages and feeds not rendered again: the last build's files still hold (see build-cache.ts). */
  kept: number;
  /** Pages and feeds rendered by this build. */
  rendered: number;
  /** The CVs (one per person with a CV and language): planned now, or kept from the last build; PDFs typeset now. */
  cvs?: { planned: number; kept: number; typeset: number };
  /** The write's own figures: changed paths, files removed, stale files kept. */
  write?: WriteResult;
}

/** What the build makes besides the pages: on by default. */
export interface BuildExtras {
  /** Seminar calendars (.ics). */
  calendars?: boolean;
  /** CV PDFs of everyone with a CV. */
  cv?: boolean;
  /** The Pagefind index of the pages. */
  search?: boolean;
  /** Where resized images are kept between builds (default `<project>/.vita-cache/images`); null for no cache. */
  imageCache?: string | null;
}

export interface BuildSiteOptions extends SiteOptions {
  /**
   * Worker threads; default 1. Each opens the project and keeps its own graph and caches, so a second one
   * costs memory and repeated work: measured on 2 cores, it did not make a build faster (see bench/run.ts).
   */
  workers?: number;
  /**
   * Where the pages are rendered, with one worker: on a thread of their own (`'worker'`), which renders while the
   * main thread writes, or in the main thread (`'main'`), which saves starting a thread and loading vita into it a
   * second time. Default: in the main thread when the record is small (SMALL_RECORD_BYTES) and has no theme code
   * (see hasThemeCode), else on a thread.
   */
  renderIn?: 'worker' | 'main';
  /** Calendars, CV PDFs and search; none unless asked for (the benchmark times pages alone). */
  extras?: BuildExtras;
  /**
   * Keep CV PDFs in `<project>/.vita-cache/cv/` and typeset only those whose source changed, and what each page
   * and feed read in `<project>/.vita-cache/build/` so that a rebuild renders only those whose reads changed
   * (with one worker); default true. A missing or damaged cache only costs time.
   */
  cache?: boolean;
  /** Write into a non-empty folder vita did not build, replacing files of the same names (`--force`). */
  force?: boolean;
  /** Told as the build goes: each phase's start, then its counts. */
  onProgress?: (progress: BuildProgress) => void;
}

/** Where a build is: the phase, and how much of it is done (`total` 0 while unknown). */
export interface BuildProgress {
  phase: 'opening' | 'pages' | 'search' | 'pdfs';
  done: number;
  total: number;
  /** `total` is what is known so far and grows (a cold build's search records, sent as the pages render). */
  growing?: boolean;
}

/** What a worker says, in order: `opened` (worker 0 adds the plan), `done` with its files, then worker 0's `tail`. */
export type WorkerMessage =
  /**
   * `shards`: how many shards the search index has, the pages coming shard after shard (search-index.ts pageShard);
   * `searchShards`: a rebuild's shards as the last build left them.
   */
  | { type: 'opened'; errors: number; plan?: string[]; diagnostics?: Diagnostic[]; incremental?: boolean; shards: number; searchShards?: SearchShard[] }
  /** Worker 0's memory of this build's outputs, for the next one (when the build cache is on), after its pages. */
  | { type: 'state'; state: EncodedBuildState; kept: number }
  | { type: 'files'; batch: SentBatch }
  /** Search records of pages just rendered or kept, all of one shard. */
  | { type: 'search'; shard: number; records: SentRecord[] }
  /** The worker has sent all its records of this shard. */
  | { type: 'searched'; shard: number }
  /** Worker 0's answer to `records`. */
  | { type: 'records'; records: SentRecord[] }
  /** A theme component failed on a page: reported, and vita's own rendering used instead. */
  | { type: 'theme'; diagnostic: Diagnostic }
  | { type: 'done'; math: boolean; sitemapPaths: [number, string][]; links: string[]; images: ImageVariant[] }
  /**
   * Worker 0's CV PDFs to typeset, sent a few at a time as it plans them (a few ahead of the pool while it renders
   * its pages, see CV_BACKLOG; the others after them), `total` in the first, `end` on the last: the main thread's
   * pool typesets them meanwhile. A kept one is the last build's PDF.
   */
  | { type: 'pdfs'; pdfs: (CvPdfJob | KeptCvPdf)[]; total?: number; end?: true }
  /** Worker 0's files after the pages are sent, and how many CVs it planned (the others were kept). */
  | { type: 'tail'; warnings: string[]; images: { made: number; reused: number }; cvs?: { planned: number; kept: number } }
  | { type: 'failed'; message: string; write: boolean };

/** What the main thread says: go ahead (or stop), and, to worker 0, what the tail needs of every page. */
export type MainMessage =
  | { type: 'go' }
  | { type: 'stop' }
  /** To worker 0, after the pages: the search records of these pages of the plan, which the cache lacks. */
  | { type: 'records'; indices: number[] }
  | { type: 'tail'; math: boolean; sitemapPaths: string[]; links: string[]; produced: string[]; images: ImageVariant[] };

/** A rendered file on its way to the writer: its bytes are `start` to `end` of its batch's buffer. */
export interface SentFile {
  /** Index of the file in the plan (-1 for the tail, which follows the plan in the order sent). */
  index: number;
  path: string;
  start: number;
  end: number;
  page: boolean;
  /** Not rendered again: the file the last build wrote stays (see build-cache.ts). */
  kept?: true;
}

/** A few files encoded one after the other into one buffer, which is moved to the main thread, not copied. */
export interface SentBatch {
  buffer: ArrayBuffer;
  files: SentFile[];
  /** The buffer's size against IN_FLIGHT_KIB (build-thread.ts). */
  kib: number;
}

export interface WorkerData {
  root: string;
  out: string;
  options: SiteOptions;
  extras: BuildExtras;
  index: number;
  count: number;
  /** The next file of the plan to take, shared by the workers (an Int32Array over it): whoever is free takes the next few. */
  next: SharedArrayBuffer;
  /** KiB sent to the main thread and not yet written (an Int32Array over it). */
  inFlight: SharedArrayBuffer;
  /** Search records sent and not yet taken by Pagefind (an Int32Array over it; search-shards.ts SEARCH_BACKLOG). */
  searchBacklog: SharedArrayBuffer;
  /** CVs sent and not yet taken by a typesetting thread, and whether typesetting stopped (two Int32s; cv-pdfs.ts CV_BACKLOG). */
  cvBacklog: SharedArrayBuffer;
  /** The build cache (see build-cache.ts): its folder and the key of this build; none without. */
  cache?: { dir: string; key: string };
  /** Search records per shard at most (search-index.ts SHARD_SIZE, unless a test says otherwise). */
  shardSize: number;
}

/**
 * A build makes garbage fast and keeps a large graph alive: by default V8 lets the heap grow to about four times
 * what survived the last full collection before collecting again, which took a department's build to 1.6 GiB.
 * Growing by half at most was measured at 0.87 GiB, in the same time (the flag holds for the whole process).
 */
const HEAP_GROWTH = '--heap-growing-percent=50';
const HEAP_GROWTH_DEFAULT = '--heap-growing-percent=0';

export async function buildSite(root: string, outDir: string, options: BuildSiteOptions = {}): Promise<SiteBuild> {
  const growth = !process.execArgv.some((a) => a.startsWith('--heap-growing-percent')) && !process.env.NODE_OPTIONS?.includes('--heap-growing-percent');
  if (growth) setFlagsFromString(HEAP_GROWTH);
  const writer = new SiteWriter(outDir, { projectRoot: root, force: options.force });
  const count = Math.max(1, Math.min(options.workers ?? 1, availableParallelism()));
  // A theme is imported by each worker (functions cannot be sent to a thread); reports come back as messages.
  const { workers: _, renderIn: _renderIn, extras = {}, theme: _theme, onDiagnostic: _report, cache = true, onProgress, force: _force, ...siteOptions } = options;
  onProgress?.({ phase: 'opening', done: 0, total: 0 });
  const next = new SharedArrayBuffer(4);
  const inFlight = new SharedArrayBuffer(4);
  const held = new Int32Array(inFlight);
  const searchBacklog = new SharedArrayBuffer(4);
  const cvBacklog = new SharedArrayBuffer(8);
  // What every output depends on besides what it reads: vita, vita.yaml, the theme, the options of this build.
  const cacheDir = buildCacheDir(root);
  const buildCache = cache && count === 1 ? { dir: cacheDir, key: buildKey(root, { out: writer.out, options: siteOptions, extras }) } : undefined;
  const shardSize = searchShardSize();
  const renderedIn = count === 1 ? (options.renderIn ?? (recordOver(root, SMALL_RECORD_BYTES) || hasThemeCode(root) ? 'worker' : 'main')) : 'worker';
  const shortBuild = renderedIn === 'main' && !flagGiven('opt') && !flagGiven('max-opt');
  const workers = Array.from({ length: count }, (_x, index) => {
    const data: WorkerData = { root, out: writer.out, options: siteOptions, extras, index, count, next, inFlight, searchBacklog, cvBacklog, cache: buildCache, shardSize };
    return renderedIn === 'main' ? new MainThreadBuild(data) : startWorker(data);
  });
  // Typst and Pagefind load while the record is opened, on the cores the opening leaves idle, rather than after it.
  // Not Typst when the record looks as it did when the last build's CVs were done: they will come from the cache
  // (whether they do is known only once the record is open), and loading the compiler for nothing slows the opening.
  const looks = extras.cv && cache ? recordLooks(root) : undefined;
  const typesetters = extras.cv && (!looks || typesettingLikely(cvCacheDir(root), looks)) ? [startTypesetter()] : [];
  // The main thread writes what the workers render, as it arrives: the disk works while they render on.
  let pages = 0;
  let bytes = 0;
  let files = 0;
  let planned = 0;
  /** Files of the plan written (the CVs' Markdown, the tail's files come besides). */
  let fromPlan = 0;
  let kept = 0;
  let rendered = 0;
  const write = (m: SentBatch) => {
    for (const f of m.files) {
      if (f.kept) {
        // The worker kept it only if the last manifest lists it and it is on disk as then written (a page or feed
        // of the plan was just found so by the worker: it is not looked at again).
        if (!writer.keep(f.index < 0 ? writer.check(f.path) : f.path, f.index >= 0)) throw new Error(`${f.path} could not be kept from the last build; build again with --no-cache`);
        // Pages and feeds; a CV's Markdown (in the tail) is told with the CVs.
        if (f.index >= 0) kept++;
      } else {
        if (f.index >= 0) rendered++;
        writer.put(f.index < 0 ? writer.check(f.path) : f.path, new Uint8Array(m.buffer, f.start, f.end - f.start));
      }
      if (f.page) pages++;
      if (f.index >= 0) fromPlan++;
      bytes += f.end - f.start;
      files++;
    }
    if (planned) onProgress?.({ phase: 'pages', done: fromPlan, total: planned });
    Atomics.sub(held, 0, m.kib);
    Atomics.notify(held, 0);
  };
  // Problems of the theme's components while pages render: each once, whichever worker met it first.
  const themeProblems = new Map<string, Diagnostic>();
  const note = (d: Diagnostic) => {
    const key = `${d.code}\u0000${d.path?.[0] ?? ''}\u0000${d.message}`;
    if (!themeProblems.has(key)) themeProblems.set(key, d);
  };
  // Pagefind starts while the record opens; the shards are indexed as the pages come (search-shards.ts).
  const indexer = extras.search ? new SearchIndexer() : undefined;
  indexer?.start();
  const searchProgress = (done: number, total: number, growing: boolean) => onProgress?.({ phase: 'search', done, total, growing });
  const search = indexer ? new ShardedSearch(indexer, writer, count, buildCache ? cacheDir : undefined, new Int32Array(searchBacklog), searchProgress) : undefined;
  // The CV PDFs, typeset on a pool of threads from when worker 0 sends the first (before its pages) to the end.
  let typesetting: CvPdfQueue | undefined;
  const stopTypesetting = new AbortController();
  const typeset = (m: Extract<WorkerMessage, { type: 'pdfs' }>) => {
    if (!typesetting) {
      onProgress?.({ phase: 'pdfs', done: 0, total: m.total ?? 0 });
      typesetting = new CvPdfQueue({
        cacheDir: cache ? cvCacheDir(root) : undefined,
        // While pages render, one core is theirs.
        threads: Math.max(1, availableParallelism() - 1),
        started: typesetters,
        total: m.total,
        onProgress: (done, total) => onProgress?.({ phase: 'pdfs', done, total }),
        signal: stopTypesetting.signal,
        // Written as they come, not held to the end (a department's PDFs are ~150 MB).
        onPdf: (path, pdf) => writer.put(path, pdf),
        backlog: new Int32Array(cvBacklog),
      });
    }
    typesetting.add(m.pdfs.map((f) => ({ ...f, path: writer.check(f.path) })));
    if (m.end) typesetting.end();
  };
  const inbox = workers.map((w) => messages(w, { files: write, theme: note, search: (shard, records) => search?.add(shard, records), searched: (shard) => search?.passed(shard), pdfs: typeset }));
  let finished = false;
  // Before the main thread loads the renderers (on its next turn).
  if (shortBuild) setFlagsFromString('--no-opt');
  try {
    const opened = await Promise.all(inbox.map((next) => next()));
    const first = opened[0]!;
    if (first.type === 'failed') throw failure(first);
    const diagnostics = first.type === 'opened' ? (first.diagnostics ?? []) : [];
    const errors = Math.max(...opened.map((m) => (m.type === 'opened' ? m.errors : 0)));
    if (errors > 0) {
      for (const w of workers) w.postMessage({ type: 'stop' } satisfies MainMessage);
      return { pages: 0, files: 0, bytes: 0, written: 0, errors, workers: count, renderedIn, diagnostics, warnings: [], searchPages: 0, images: { made: 0, reused: 0 }, kept: 0, rendered: 0 };
    }
    const incremental = first.type === 'opened' && first.incremental === true;
    if (first.type !== 'opened' || !first.plan) throw new Error('the first worker sent no plan');
    // Every path is checked before any file is written.
    const plan = first.plan.map((p) => writer.check(p));
    planned = plan.length;
    // The pages first: the progress line shows the phases in the order they started.
    onProgress?.({ phase: 'pages', done: 0, total: planned });
    search?.plan(first.shards, incremental, first.searchShards);
    for (const w of workers) w.postMessage({ type: 'go' } satisfies MainMessage);

    let state: Extract<WorkerMessage, { type: 'state' }> | undefined;
    if (buildCache) {
      const m = await inbox[0]!();
      if (m.type !== 'state') throw failure(m);
      state = m;
    }
    const done = await Promise.all(inbox.map((next) => next()));
    const sitemap: [number, string][] = [];
    const links = new Set<string>();
    const images = new Map<string, ImageVariant>();
    let math = false;
    for (const m of done) {
      if (m.type !== 'done') throw failure(m);
      sitemap.push(...m.sitemapPaths);
      for (const l of m.links) links.add(l);
      for (const v of m.images) images.set(v.path, v);
      math ||= m.math;
    }
    sitemap.sort((a, b) => a[0] - b[0]);
    // A rebuild indexes the shards whose records changed now, while worker 0 can render records the cache lacks;
    // a cold build has had its shards indexed while the pages rendered, and finishes the last ones after the tail.
    const searching = (): Promise<ShardsMade> =>
      search!.finish(async (indices) => {
        workers[0]!.postMessage({ type: 'records', indices } satisfies MainMessage);
        const m = await inbox[0]!();
        if (m.type !== 'records') throw failure(m);
        return m.records;
      });
    const indexedFirst = search && incremental ? await searching() : undefined;
    workers[0]!.postMessage({ type: 'tail', math, sitemapPaths: sitemap.map(([, p]) => p), links: [...links], produced: plan, images: [...images.values()] } satisfies MainMessage);
    const tail = await inbox[0]!();
    if (tail.type !== 'tail') throw failure(tail);
    // The workers have said all they will: their memory (the opened record) goes before the last shards are indexed.
    await Promise.all(workers.map((w) => w.terminate()));
    // The pages' core is free, and their memory: PDFs still to typeset are typeset on every core, as the memory allows.
    typesetting?.grow(availableParallelism());

    // Search (Pagefind's own process) finishes while the CV PDFs' threads go on.
    const warnings: string[] = [...tail.warnings];
    let searchPages = 0;
    let searchShards: SearchShard[] | undefined;
    let shardRuns: SiteBuild['searchShards'];
    if (search) {
      const made = indexedFirst ?? (await searching());
      if (made.problem) warnings.push(`site search was not built: ${made.problem}`);
      else searchShards = made.shards;
      searchPages = made.pages;
      shardRuns = { indexed: made.indexed, kept: made.kept };
      files += made.files;
    }
    let cvs: SiteBuild['cvs'];
    for (const pdf of typesetting ? await typesetting.done : []) {
      for (const w of pdf.warnings) warnings.push(`${pdf.path}: ${w}`);
      // Those made now were written as they came (`onPdf`).
      if (pdf.kept && !writer.keep(pdf.path)) throw new Error(`${pdf.path} could not be kept from the last build; build again with --no-cache`);
      files++;
      cvs ??= { ...(tail.cvs ?? { planned: 0, kept: 0 }), typeset: 0 };
      if (!pdf.cached) cvs.typeset++;
    }
    if (looks) noteRecordLooks(cvCacheDir(root), looks);
    // Every file was written in the order of the plan (then the tail's), so the manifest lists them so.
    const result = writer.finish();
    finished = true;
    // A theme's problem is reported while the page that meets it renders: the next build renders everything, to report it again.
    if (state && themeProblems.size === 0) {
      writeBuildState(cacheDir, writer.out, state.state, searchShards);
    } else if (buildCache) forgetBuildState(cacheDir);
    return { pages, files, bytes, written: result.written, errors: 0, workers: count, renderedIn, diagnostics: [...diagnostics, ...themeProblems.values()], warnings, searchPages, searchShards: shardRuns, images: tail.images, write: result, kept, rendered, cvs };
  } finally {
    // V8's flags as they were: a compile cache made after the build under other flags would be refused (launch.ts).
    if (shortBuild) setFlagsFromString('--opt');
    if (growth) setFlagsFromString(HEAP_GROWTH_DEFAULT);
    stopTypesetting.abort();
    await Promise.all(typesetters.map((w) => w.terminate()));
    await Promise.all(workers.map((w) => w.terminate()));
    await search?.closeAll();
    // A build that failed leaves the output as it was: what it wrote is thrown away.
    if (!finished) writer.abort();
  }
}

/**
 * A record of at most this many bytes (its files') is built in the main thread: a one-person site's (~200 KB) is
 * rendered in less time than a worker takes to start and load vita, and little is lost by rendering, writing and
 * feeding Pagefind in turn rather than at once. Measured (compare.sh's generator, 2 cores, cold builds): in the main
 * thread 0.79 s against 0.91 s at 185 KB (5 people, 100 papers), 2.0 s against 2.4 s at 520 KB (300 papers); on a
 * worker 2.9 s against 3.7 s at 1 MB (12 people, 600 papers), 5.8 s against 7.7 s at 2.6 MB.
 */
export const SMALL_RECORD_BYTES = 512 * 1024;

/**
 * Whether the project's theme has code (theme/components.js): it runs in the build's thread, and one that ends its
 * thread (process.exit) or brings it down ends a worker, which is reported, but in the main thread would end vita
 * with nothing said. A small record with a theme's code is built on a worker.
 */
function hasThemeCode(root: string): boolean {
  return THEME_MODULES.some((file) => existsSync(join(root, file)));
}

/**
 * Whether node was started with a V8 flag (as `--name` or `--no-name`), which vita then leaves alone.
 * A build in the main thread (a small record) is over in well under a second: V8's optimizing compiler (TurboFan)
 * would compile, on the other core, code that has mostly run by then, taking it from the typesetting thread and
 * Pagefind. It is off for such a build only (`--no-opt`): the flag holds for the whole process (a worker's build
 * running in it meanwhile goes without too), and is set back after it; node's own --opt or --max-opt is left alone.
 */
function flagGiven(name: string): boolean {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return given.some((a) => a.replace(/^--(no-)?/, '').replace(/_/g, '-').split('=')[0] === name);
}

/** Records per search shard: tests set VITA_SEARCH_SHARD_SIZE to split a small site (never meant for users). */
function searchShardSize(): number {
  const n = Number(process.env.VITA_SEARCH_SHARD_SIZE);
  return Number.isInteger(n) && n > 0 ? n : SHARD_SIZE;
}

/**
 * Room for young objects in a worker, in MiB (V8's default is 48 on 64-bit machines). Rendering makes garbage
 * fast and most of it dies within a page; with twice the room, half as many young collections ran, and the
 * department's pages rendered about 12% faster (CPU time), for about 50 MiB more memory.
 */
const YOUNG_MIB = 96;

/**
 * A build worker; when vita runs from its TypeScript sources (tests, bench), the worker loads them the same way.
 * No heap ceiling (maxOldGenerationSizeMb): one close to what a large record needs was measured to abort the
 * whole process with a fatal out-of-memory error rather than fail the worker, so V8's own limits stay.
 */
function startWorker(workerData: WorkerData): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_MIB };
  const fromSources = import.meta.url.endsWith('.ts');
  if (!fromSources) return new Worker(vitaThreadFile('write', 'build-worker', false), { workerData, resourceLimits });
  const script = vitaThreadFile('write', 'build-worker', true).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`, { eval: true, workerData, resourceLimits });
}

/**
 * The build's thread run in the main thread itself (a small record): build-thread.ts, loaded when first needed,
 * talking to buildSite as a worker would, by calls rather than messages. It renders when the main thread is idle
 * (waiting for its messages); its files are written as it hands them over, in the same order as from a worker.
 */
class MainThreadBuild implements BuildThread {
  private readonly listeners = { message: [] as ((m: WorkerMessage) => void)[], error: [] as ((e: Error) => void)[] };
  private toThread: ((m: MainMessage) => void) | undefined;
  private stopped = false;

  constructor(data: WorkerData) {
    const port: MainPort = {
      postMessage: (m) => {
        // Once stopped (the build failed), the thread's next message ends its work: it renders nothing more.
        if (this.stopped) throw new Error('the build stopped');
        for (const f of this.listeners.message) f(m);
      },
      on: (_event, listener) => (this.toThread = listener),
      mayWait: false,
    };
    // Started on the next turn, once buildSite listens to it.
    setImmediate(() => {
      import('./build-thread.js')
        .then((thread) => thread.runBuildThread(port, data))
        .catch((err: Error) => {
          if (!this.stopped) for (const f of this.listeners.error) f(err);
        });
    });
  }

  postMessage(m: MainMessage): void {
    if (!this.stopped) this.toThread?.(m);
  }

  on(event: string, listener: (value: never) => void): this {
    // A worker's 'exit' never comes: this thread is the process's.
    if (event === 'message') this.listeners.message.push(listener as (m: WorkerMessage) => void);
    else if (event === 'error') this.listeners.error.push(listener as (e: Error) => void);
    return this;
  }

  terminate(): Promise<number> {
    this.stopped = true;
    return Promise.resolve(0);
  }
}

/** What buildSite asks of the build's thread: a Worker, or the same in the main thread. */
interface BuildThread {
  postMessage(m: MainMessage): void;
  // A Worker's own signature for any event.
  on(event: string, listener: (...args: any[]) => void): unknown;
  terminate(): Promise<number>;
}

function failure(m: WorkerMessage): Error {
  if (m.type === 'failed') return m.write ? new WriteError(m.message) : new Error(`building the site failed: ${m.message}`);
  return new Error(`a build worker said "${m.type}" out of turn`);
}

/** The messages of a worker, one per call, files aside (written at once); a crash, an early exit or a failed write becomes an error. */
/** What the main thread does at once with a worker's messages, rather than in turn. */
interface Handlers {
  files: (m: SentBatch) => void;
  theme: (d: Diagnostic) => void;
  search: (shard: number, records: SentRecord[]) => void;
  searched: (shard: number) => void;
  pdfs: (m: Extract<WorkerMessage, { type: 'pdfs' }>) => void;
}

function messages(worker: BuildThread, on: Handlers): () => Promise<WorkerMessage> {
  const queue: WorkerMessage[] = [];
  const waiting: { ok: (m: WorkerMessage) => void; fail: (e: Error) => void }[] = [];
  let failure: Error | undefined;
  worker.on('message', (m: WorkerMessage) => {
    try {
      if (m.type === 'files') return on.files(m.batch);
      if (m.type === 'theme') return on.theme(m.diagnostic);
      if (m.type === 'search') return on.search(m.shard, m.records);
      if (m.type === 'searched') return on.searched(m.shard);
      if (m.type === 'pdfs') return on.pdfs(m);
    } catch (err) {
      fail(err as Error);
      void worker.terminate();
      return;
    }
    const w = waiting.shift();
    if (w) w.ok(m);
    else queue.push(m);
  });
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.fail(e);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a build worker stopped (exit code ${code})`)));
  return () => {
    const m = queue.shift();
    if (m) return Promise.resolve(m);
    if (failure) return Promise.reject(failure);
    return new Promise((ok, fail) => waiting.push({ ok, fail }));
  };
}
