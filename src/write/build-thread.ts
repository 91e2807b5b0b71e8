/**
 * The rendering side of `buildSite` (./build.ts): opens the project, then renders the next files of the plan until
 * none is left, and hands their bytes to the main thread, which writes them while this one renders the next ones.
 * Runs on a worker thread (./build-worker.ts), or, for a small record without theme code, in the main thread itself.
 */
import { openProject } from '../index.js';
import { calendarJobs } from '../render/calendar/index.js';
import { hasCv, planCv, publicationsCutWarning } from '../render/cv/index.js';
import { treeLanguages } from '../strings/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../render/output.js';
import type { Graph } from '../resolve/graph.js';
import { siteFileJobs, siteTail, siteTrees, summarize, type PagesSummary } from '../render/site/index.js';
import { loadTheme } from '../render/site/theme.js';
import type { MainMessage, WorkerData, WorkerMessage } from './build.js';
import { SEARCH_BACKLOG, shardsInTurn, type SentRecord } from './search-shards.js';
import { CV_BACKLOG, cvCacheDir, cvPdfKey, hasCachedPdf, type CvPdfJob, type KeptCvPdf } from './cv-pdfs.js';
import { BatchEncoder } from './batch.js';
import { makeImages } from './images.js';
import { checkRelativePath, WriteError } from './index.js';
import type { RenderedPage } from '../render/site/index.js';
import type { Site } from '../render/site/context.js';
import { pageShard, recordHash, shardCount } from '../render/site/search-index.js';
import { publicationSlugs } from '../render/site/context.js';
import { editedPaperPages } from './edited-papers.js';
import { factValues, factsToKeep, reading, trackedFiles, trackedGraph, trackedNow, trackedSlugs, type Reads } from '../render/site/reads.js';
import { buildStateTime, cvFontsDigest, encodeBuildState, readBuildState, unchangedOnDisk, type BuildState, type CvEntry, type OutputEntry, type SearchShard } from './build-cache.js';
import { manifestFiles } from './index.js';
import { recordCacheIn } from './record-cache.js';

/** PDFs sent to the main thread at a time while the CVs are planned: the first goes at once. */
const CV_GROUP = 4;

/** How far (KiB) rendering may run ahead of writing: bounds the memory of files on their way. */
export const IN_FLIGHT_KIB = 32 * 1024;

/** Files a thread takes at a time: consecutive files share publications (a person's home, list and CV). */
export const CHUNK = 16;

/**
 * The main thread, as the build's thread sees it: a worker's `parentPort`, or, for a build in the main thread
 * itself (a small record, see build.ts), a direct line to it, over which nothing may wait (`mayWait` false): the
 * main thread writes and feeds Pagefind only when this one yields, so waiting for it would wait forever.
 */
export interface MainPort {
  postMessage(message: WorkerMessage, transfer: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: MainMessage) => void): unknown;
  readonly mayWait: boolean;
}

/** What the thread sends the main thread: messages, files in batches, and search records a shard at a time. */
class Outbox {
  readonly batch: BatchEncoder;
  /** Search records on their way to the main thread, of one shard, sent a few hundred at a time (only when search is asked for). */
  private records: SentRecord[] = [];
  private recordsShard = 0;

  constructor(private readonly port: MainPort, data: WorkerData) {
    /** KiB handed to the main thread and not yet written: rendering waits when the writer is this far behind. */
    const inFlight = new Int32Array(data.inFlight);
    this.batch = new BatchEncoder((b) => {
      if (port.mayWait) for (let held = Atomics.load(inFlight, 0); held > IN_FLIGHT_KIB; held = Atomics.load(inFlight, 0)) Atomics.wait(inFlight, 0, held, 50);
      Atomics.add(inFlight, 0, b.kib);
      this.send({ type: 'files', batch: b }, [b.buffer]);
    });
  }

  send(m: WorkerMessage, transfer: ArrayBuffer[] = []): void {
    this.port.postMessage(m, transfer);
  }

  /** Encodes a file into the batch on its way to the main thread. */
  emit(index: number, path: string, content: string | Uint8Array | RenderedPage, page: boolean): void {
    this.batch.add(index, path, typeof content === 'string' ? [content] : content instanceof Uint8Array ? content : content.pieces, page);
  }

  /** Adds a search record of shard `shard`, sending those of the last shard first. */
  record(shard: number, record: SentRecord): void {
    if (shard !== this.recordsShard) this.sendRecords();
    this.recordsShard = shard;
    this.records.push(record);
    if (this.records.length >= 256) this.sendRecords();
  }

  sendRecords(): void {
    if (this.records.length) this.send({ type: 'search', shard: this.recordsShard, records: this.records });
    this.records = [];
  }
}

/**
 * What worker 0 knows of the last build (build-cache.ts) and learns of this one: which outputs are unchanged (every
 * fact they read has its old value, and their file is as written), and the facts and entries of this build.
 */
class BuildMemory {
  private readonly last: BuildState | undefined;
  private readonly written: Set<string>;
  private readonly value: (fact: string) => string;
  /** Whether each fact of the last build still has its value, found when first asked. */
  private readonly same: (boolean | undefined)[] = [];
  private readonly facts: [string, string][] = [];
  private readonly factIndex = new Map<string, number>();
  /** Each fact of the last build's index in this build's facts, plus one (0: not yet known): kept outputs' reads are many (millions). */
  private readonly lastIndex: Int32Array;
  private readonly outputs: Record<string, OutputEntry> = {};
  private readonly cvs: Record<string, CvEntry> = {};
  private cvFonts: string | undefined;
  /** When the last build's state was written. */
  private readonly since: number | undefined;
  private readonly slugs: Map<string, string>;
  kept = 0;

  constructor(
    private readonly cache: { dir: string; key: string },
    private readonly out: string,
    graph: ReturnType<typeof openProject>['graph'],
    now: Date,
  ) {
    this.last = readBuildState(cache.dir, cache.key);
    this.since = this.last ? buildStateTime(cache.dir) : undefined;
    this.written = this.last ? manifestFiles(out) : new Set();
    this.slugs = publicationSlugs(graph);
    this.value = factValues(graph, this.slugs, now);
    this.lastIndex = new Int32Array(this.last?.facts.length ?? 0);
  }

  /**
   * Whether this build can keep anything of the last one: not when the output folder holds none of its files (a
   * fresh folder, as in CI with the cache kept): it is then a cold build, whose search is indexed beside the pages.
   */
  get incremental(): boolean {
    return this.last !== undefined && this.written.size > 0;
  }

  /** The search index's shards as the last build left them (for a build that can keep them). */
  get lastSearchShards(): SearchShard[] | undefined {
    return this.incremental ? this.last?.searchShards : undefined;
  }

  /** Which of `files` are the pages of papers edited since the last build (a hint for the order: edited-papers.ts). */
  editedPapers(graph: Graph, files: readonly string[]): boolean[] | undefined {
    if (!this.last || this.since === undefined || !this.incremental) return undefined;
    return editedPaperPages(graph, files, { facts: this.last.facts, since: this.since }, this.value, this.slugs);
  }

  /** The last build's entry for an output that need not be rendered again, if it is one. */
  unchanged(file: string): OutputEntry | undefined {
    const last = this.last;
    const entry = last && Object.hasOwn(last.outputs, file) ? last.outputs[file] : undefined;
    if (!entry || !this.written.has(file) || !unchangedOnDisk(this.out, file, entry)) return undefined;
    for (const r of entry.reads) {
      let same = this.same[r];
      if (same === undefined) same = this.same[r] = this.value(last!.facts[r]![0]) === last!.facts[r]![1];
      if (!same) return undefined;
    }
    this.kept++;
    this.outputs[file] = { ...entry, reads: entry.reads.map((r) => this.lastFact(r)) };
    return entry;
  }

  /** Notes what an output rendered now read and what the tail needs of it. */
  rendered(file: string, made: string | RenderedPage, reads: Reads, searchHash: string | undefined): void {
    const entry: OutputEntry = { reads: factsToKeep(reads).map((f) => this.fact(f)) };
    if (typeof made !== 'string') {
      entry.page = true;
      if (made.math) entry.math = true;
      if (made.sitemapPath !== undefined) entry.sitemap = made.sitemapPath;
      if (made.links.length) entry.links = made.links;
      if (made.images.length) entry.images = made.images;
      if (made.search) {
        entry.search = made.search.url;
        entry.searchHash = searchHash ?? recordHash(made.search.content);
      }
    }
    this.outputs[file] = entry;
  }

  /**
   * The last build's entry for a CV (`id`: person and language) that need not be planned again: the fonts it could
   * use are the same, every fact it read holds, its Markdown and PDF are as written, and `cached(key)` says the CV
   * cache still has its PDF's entry (whose warnings are told again).
   */
  unchangedCv(id: string, cached: (key: string) => boolean): CvEntry | undefined {
    const last = this.last?.cvs;
    const entry = last && Object.hasOwn(last.entries, id) ? last.entries[id] : undefined;
    if (!entry || last!.fonts !== (this.cvFonts ??= cvFontsDigest())) return undefined;
    for (const file of [entry.markdown, entry.pdf]) {
      const output = Object.hasOwn(this.last!.outputs, file) ? this.last!.outputs[file] : undefined;
      if (!output || !this.written.has(file) || !unchangedOnDisk(this.out, file, output)) return undefined;
    }
    for (const r of entry.reads) if (!this.holds(r)) return undefined;
    if (!cached(entry.key)) return undefined;
    this.notedCv(id, { ...entry, reads: entry.reads.map((r) => this.lastFact(r)) });
    return entry;
  }

  /** Notes what a CV planned now read, and its files. */
  plannedCv(id: string, files: Omit<CvEntry, 'reads'>, reads: Reads): void {
    this.notedCv(id, { ...files, reads: factsToKeep(reads).map((f) => this.fact(f)) });
  }

  private notedCv(id: string, entry: CvEntry): void {
    this.cvs[id] = entry;
    // Its files are outputs too, so that their size and date are kept; what they read is the CV's.
    this.outputs[entry.markdown] = { reads: [] };
    this.outputs[entry.pdf] = { reads: [] };
  }

  /** Whether fact `r` of the last build still has its value. */
  private holds(r: number): boolean {
    const last = this.last!;
    return (this.same[r] ??= this.value(last.facts[r]![0]) === last.facts[r]![1]);
  }

  /** The index in this build's facts of the last build's fact `r`. */
  private lastFact(r: number): number {
    return (this.lastIndex[r] ||= this.fact(this.last!.facts[r]![0]) + 1) - 1;
  }

  private fact(name: string): number {
    let i = this.factIndex.get(name);
    if (i === undefined) {
      i = this.facts.length;
      this.facts.push([name, this.value(name)]);
      this.factIndex.set(name, i);
    }
    return i;
  }

  /** This build's state (the last build's search shards went with the `opened` message). */
  finish(): { state: BuildState; kept: number } {
    const state: BuildState = { format: 0, key: this.cache.key, facts: this.facts, outputs: this.outputs };
    if (Object.keys(this.cvs).length) state.cvs = { fonts: (this.cvFonts ??= cvFontsDigest()), entries: this.cvs };
    return { state, kept: this.kept };
  }
}

/**
 * The CVs' Markdown files, handed to the writer as they are made, and their PDFs sent to the main thread's pool as
 * they are planned (they need the graph, which only the workers hold): `ahead` plans the next ones while the pool has
 * fewer than CV_BACKLOG waiting (between chunks of pages), `rest` plans the others after the pages.
 * With the build cache, a CV is planned under `tracked`, so that its reads are noted; one whose reads all hold,
 * with its files as written and its PDF in the CV cache, is not planned again.
 */
class CvPlanner {
  readonly counts = { planned: 0, kept: 0 };
  private readonly wanted: [string, string][] = [];
  private next = 0;
  private group: (CvPdfJob | KeptCvPdf)[] = [];
  private sent = false;
  private readonly cvCache: string | undefined;
  /** CVs sent and not yet taken by a typesetting thread, and whether the pool stopped (see CvPdfQueue's `backlog`). */
  private readonly backlog: Int32Array;

  constructor(
    private readonly outbox: Outbox,
    data: WorkerData,
    private readonly graph: Graph,
    private readonly tracked: Graph | undefined,
    private readonly memory: BuildMemory | undefined,
  ) {
    this.backlog = new Int32Array(data.cvBacklog);
    for (const person of graph.people.values()) {
      // One CV per language of the site, beside that language's CV page.
      if (hasCv(graph, person)) for (const language of treeLanguages(graph.config.languages)) this.wanted.push([person.id, language]);
    }
    this.cvCache = data.cache ? cvCacheDir(data.root) : undefined;
  }

  /** Plans CVs until CV_BACKLOG wait for the pool, and sends them (none once the pool has stopped: the build fails). */
  ahead(): void {
    while (this.next < this.wanted.length && this.room()) this.plan();
    this.flush();
  }

  /**
   * Plans the CVs not planned yet, at once, and tells the pool it has them all: after the pages, the graph (a
   * department's is ~350 MB) goes as soon as possible, and the CVs' Typst sources it leaves (~35 KB each) wait.
   * Waiting for the pool here instead kept the graph beside two typesetting threads: a higher peak.
   */
  rest(): void {
    if (!this.wanted.length) return;
    while (this.next < this.wanted.length && !this.stopped) this.plan();
    this.flush(true);
  }

  private get stopped(): boolean {
    return Atomics.load(this.backlog, 1) !== 0;
  }

  private room(): boolean {
    return !this.stopped && Atomics.load(this.backlog, 0) + this.group.length < CV_BACKLOG;
  }

  /** Sends the CVs planned and not sent (all of them when `end`, to say there are no more). */
  private flush(end = false): void {
    if (!this.group.length && !end) return;
    Atomics.add(this.backlog, 0, this.group.length);
    this.outbox.send({ type: 'pdfs', pdfs: this.group, total: this.sent ? undefined : this.wanted.length, end: end || undefined });
    this.sent = true;
    this.group = [];
  }

  private plan(): void {
    const [person, language] = this.wanted[this.next++]!;
    const id = `${person} ${language}`;
    const memory = this.memory;
    const cvCache = this.cvCache;
    const last = cvCache ? memory?.unchangedCv(id, (key) => hasCachedPdf(cvCache, key)) : undefined;
    if (last) {
      // Handed to the writer at once rather than held to the end (a department's CVs are ~150 MB of text).
      this.outbox.batch.keep(-1, last.markdown, false);
      this.group.push({ path: last.pdf, key: last.key, notes: last.notes, kept: true });
      this.counts.kept++;
    } else {
      const { value: cv, reads } = memory ? reading(() => planCv(this.tracked!, person, { language })) : { value: planCv(this.graph, person, { language }), reads: undefined };
      this.counts.planned++;
      if (cv.markdown) {
        checkRelativePath(cv.markdown.path);
        this.outbox.emit(-1, cv.markdown.path, cv.markdown.content, false);
      }
      if (cv.pdf) {
        checkRelativePath(cv.pdf.path);
        const notes = cv.pdf.cut ? [publicationsCutWarning(cv.pdf.cut)] : undefined;
        const job: CvPdfJob = { path: cv.pdf.path, source: cv.pdf.source, fonts: { fontPaths: cv.pdf.fonts.fontPaths, families: cv.pdf.fonts.families }, notes };
        job.key = cvPdfKey(job);
        this.group.push(job);
        if (reads && cv.markdown) memory!.plannedCv(id, { markdown: cv.markdown.path, pdf: cv.pdf.path, key: job.key, notes }, reads);
      }
    }
    // The first goes at once, the others a few at a time.
    if (this.group.length >= CV_GROUP || !this.sent) this.flush();
  }
}

/** Builds what `data` says, talking to the main thread through `port`; every failure is sent as a `failed` message. */
export async function runBuildThread(port: MainPort, data: WorkerData): Promise<void> {
  const outbox = new Outbox(port, data);
  const inbox: MainMessage[] = [];
  let wake: (() => void) | undefined;
  port.on('message', (m: MainMessage) => {
    inbox.push(m);
    wake?.();
  });
  const next = async (): Promise<MainMessage> => {
    while (!inbox.length) await new Promise<void>((ok) => (wake = ok));
    return inbox.shift()!;
  };
  /**
   * In the main thread, after each file, it handles what came meanwhile (a typesetting thread done with a CV and
   * waiting for the next, Pagefind taking records), which would otherwise wait for the last page; the file's search
   * record goes to Pagefind at once, so that it indexes beside the pages rather than after them.
   */
  const inMain = !port.mayWait;
  const breathe = (): Promise<void> => new Promise((ok) => setImmediate(ok));
  /** Search records not yet taken by Pagefind: a cold build's rendering waits when Pagefind is this far behind (not in the main thread). */
  const backlog = new Int32Array(data.searchBacklog);
  try {
    // Each worker imports the theme itself: its components are functions, which cannot be sent to a thread.
    const theme = await loadTheme(data.root);
    const first = data.index === 0;
    // One "now" for every tree, so that what a page read of it is one fact.
    const now = data.options.now ?? new Date();
    const options = { ...data.options, now, theme, onDiagnostic: (d: Diagnostic) => outbox.send({ type: 'theme', diagnostic: d }) };
    // With the build cache, pages are rendered from a graph that notes what each one reads (render/site/reads.ts).
    // The trees are made while the project opens: its check plans every file from them, once for both.
    const planTrees = (graph: Graph): { shown: Graph; trees: Site[] } => {
      const shown = data.cache ? trackedGraph(graph) : graph;
      const trees = siteTrees(shown, options);
      if (data.cache) {
        for (const site of trees) {
          site.now = trackedNow(site.now);
          site.files = trackedFiles(site.files);
          site.pubSlugs = trackedSlugs(site.pubSlugs);
        }
      }
      return { shown, trees };
    };
    let made = undefined as ReturnType<typeof planTrees> | undefined;
    const { graph, diagnostics } = openProject(data.root, { ...(data.cache ? { recordCache: recordCacheIn(data.root) } : {}), siteTrees: (graph) => (made = planTrees(graph)).trees });
    const { shown, trees: planned } = made ?? planTrees(graph);
    const memory = data.cache && !diagnostics.errorCount ? new BuildMemory(data.cache, data.out, graph, now) : undefined;
    const trees = diagnostics.errorCount ? [] : planned;
    const jobs = siteFileJobs(trees);
    // The seminars' and people's calendars, like feeds: a rebuild makes again only those whose data changed.
    if (data.extras.calendars && !diagnostics.errorCount) jobs.push(...calendarJobs(shown, { baseUrl: data.options.baseUrl }));
    // With search, the pages are rendered shard by shard (search-index.ts pageShard), in the plan's order within each,
    // so that the main thread can have a shard indexed while the next ones render.
    const shards = data.extras.search ? shardCount(jobs.reduce((n, j) => n + (j.file.endsWith('.html') ? 1 : 0), 0), data.shardSize) : 1;
    const shardOfJob = jobs.map((j) => pageShard(j.file, shards));
    const reported = first ? [...diagnostics.list, ...(theme?.diagnostics ?? [])] : undefined;
    outbox.send({ type: 'opened', errors: diagnostics.errorCount, plan: first ? jobs.map((j) => j.file) : undefined, diagnostics: reported, incremental: memory?.incremental, shards, searchShards: memory?.lastSearchShards });
    if ((await next()).type === 'go') {
      // The CVs first: their PDFs are typeset on other threads, from the first one planned, while this one plans
      // the others and renders the pages.
      const cvs = first && data.extras.cv ? new CvPlanner(outbox, data, graph, memory && shown, memory) : undefined;
      // A rebuild of a site with search shards looks at each shard's files in turn (those with an edited paper's page
      // first), and the main thread has a shard with a file rendered again indexed as soon as it is passed. Its CVs
      // are planned once such a shard is passed (or after the pages): their check (a digest of every paper they list)
      // would otherwise come before it.
      const cvsLater = memory?.incremental === true && shards > 1 && data.extras.search === true;
      let touched = false;
      const renderedIn = new Set<number>();
      if (!cvsLater) cvs?.ahead();
      if (inMain) await breathe();
      const summary: PagesSummary = { math: false, sitemapPaths: [], links: new Set(), produced: new Set(), images: new Map() };
      const sitemapPaths: [number, string][] = [];
      const counter = new Int32Array(data.next);
      const { sequence, order } = shardsInTurn(shardOfJob, shards, cvsLater ? memory?.editedPapers(graph, jobs.map((j) => j.file)) : undefined);
      // In the main thread, with one shard, the files that are no pages (feeds, calendars) come after the pages, as if
      // after the last shard: Pagefind makes the index while they render, rather than after them.
      const pagesFirst = inMain && shards === 1 && data.extras.search === true;
      const afterSearch = (i: number) => pagesFirst && !jobs[i]!.file.endsWith('.html');
      if (pagesFirst) order.sort((a, b) => Number(afterSearch(a)) - Number(afterSearch(b)) || a - b);
      const rank = new Int32Array(shards);
      sequence.forEach((shard, k) => (rank[shard] = k));
      // Shards before this one in `sequence` have all their records sent by this worker (it takes positions in increasing order).
      let passed = 0;
      const pass = (position: number) => {
        const next = position < order.length && !afterSearch(order[position]!) ? rank[shardOfJob[order[position]!]!]! : shards;
        if (next <= passed) return;
        outbox.sendRecords();
        for (; passed < next; passed++) {
          touched ||= renderedIn.has(sequence[passed]!);
          outbox.send({ type: 'searched', shard: sequence[passed]! });
        }
      };
      for (let start = Atomics.add(counter, 0, CHUNK); start < jobs.length; start = Atomics.add(counter, 0, CHUNK)) {
        for (let p = start; p < Math.min(start + CHUNK, jobs.length); p++) {
          pass(p);
          make(order[p]!);
          if (inMain) {
            outbox.sendRecords();
            await breathe();
          }
        }
        if (!cvsLater || touched) cvs?.ahead();
      }
      pass(order.length);
      // The CVs the pool has not had yet, planned before the graph goes.
      cvs?.rest();
      function make(i: number): void {
        const job = jobs[i]!;
        const before = summary.sitemapPaths.length;
        const last = memory?.unchanged(job.file);
        if (last) {
          // Not rendered again: what the tail needs of it comes from the last build.
          summary.produced.add(job.file);
          summary.math ||= last.math === true;
          if (last.sitemap !== undefined) summary.sitemapPaths.push(last.sitemap);
          for (const l of last.links ?? []) summary.links.add(l);
          for (const v of last.images ?? []) summary.images.set(v.path, v);
          if (summary.sitemapPaths.length > before) sitemapPaths.push([i, summary.sitemapPaths[before]!]);
          outbox.batch.keep(i, job.file, last.page === true);
          // The record itself is kept with its shard's (build-cache.ts): the main thread reads it only if the shard is indexed again.
          if (last.search !== undefined && last.searchHash !== undefined) addRecord(i, { index: i, url: last.search, hash: last.searchHash });
          return;
        }
        renderedIn.add(shardOfJob[i]!);
        const { value: made, reads } = memory ? reading(() => job.render()) : { value: job.render(), reads: undefined };
        summarize(summary, job.file, made);
        if (summary.sitemapPaths.length > before) sitemapPaths.push([i, summary.sitemapPaths[before]!]);
        outbox.emit(i, job.file, made, typeof made !== 'string');
        const record = typeof made !== 'string' && made.search && data.extras.search ? { index: i, url: made.search.url, hash: recordHash(made.search.content), content: made.search.content } : undefined;
        if (reads) memory!.rendered(job.file, made, reads, record?.hash);
        if (record) addRecord(i, record);
      }
      function addRecord(i: number, record: SentRecord): void {
        if (!data.extras.search) return;
        // A cold build's records go to Pagefind as they come: when it lags, the pages wait for it (search-shards.ts).
        if (!memory?.incremental) {
          if (port.mayWait && Atomics.load(backlog, 0) >= SEARCH_BACKLOG) {
            outbox.sendRecords();
            for (let n = Atomics.load(backlog, 0); n >= SEARCH_BACKLOG; n = Atomics.load(backlog, 0)) Atomics.wait(backlog, 0, n, 50);
          }
          Atomics.add(backlog, 0, 1);
        }
        outbox.record(shardOfJob[i]!, record);
      }
      outbox.batch.send();
      outbox.sendRecords();
      if (memory) {
        const { state, kept } = memory.finish();
        const encoded = encodeBuildState(state);
        outbox.send({ type: 'state', state: encoded, kept }, encoded.parts.map((part) => part.buffer as ArrayBuffer));
      }
      outbox.send({ type: 'done', math: summary.math, sitemapPaths, links: [...summary.links], images: [...summary.images.values()] });
      if (data.index === 0) {
        let m = await next();
        // Records of pages not rendered again whose shard is to be indexed again, when the cache lacks them.
        for (; m.type === 'records'; m = await next()) {
          const again: SentRecord[] = [];
          for (const i of m.indices) {
            const made = jobs[i]!.render();
            if (typeof made !== 'string' && made.search) again.push({ index: i, url: made.search.url, hash: recordHash(made.search.content), content: made.search.content });
          }
          outbox.send({ type: 'records', records: again });
        }
        if (m.type === 'tail') {
          const images = new Map(m.images.map((v) => [v.path, v]));
          const tail: (OutputFile | KeptFile)[] = siteTail(trees[0]!, { math: m.math, sitemapPaths: m.sitemapPaths, links: new Set(m.links), produced: new Set(m.produced), images });
          // The images the pages planned, resized here (or taken from the cache): the write stage's part of a picture.
          const resized = await makeImages(graph.root, images.values(), { cacheDir: data.extras.imageCache, prune: true });
          tail.push(...resized.files);
          for (const f of tail) checkRelativePath(f.path);
          for (const f of tail) {
            if ('kept' in f) outbox.batch.keep(-1, f.path, false);
            else outbox.emit(-1, f.path, f.content, false);
          }
          outbox.batch.send();
          outbox.send({ type: 'tail', warnings: resized.warnings, images: { made: resized.made, reused: resized.reused }, cvs: cvs?.counts });
        }
      }
    }
  } catch (err) {
    outbox.send({ type: 'failed', message: (err as Error).message, write: err instanceof WriteError });
  }
}

/** A file of the last build that this one keeps as it is (see BatchEncoder.keep). */
interface KeptFile {
  path: string;
  kept: true;
}
