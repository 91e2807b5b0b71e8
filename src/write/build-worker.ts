/**
 * One thread of `buildSite` (./build.ts): opens the project, then renders the next files of the plan until none
 * is left, and hands their bytes to the main thread, which writes them while this one renders the next ones.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openProject } from '../index.js';
import { seminarFiles } from '../render/calendar/index.js';
import { hasCv, planCv, publicationsCutWarning } from '../render/cv/index.js';
import { treeLanguages } from '../strings/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../render/output.js';
import { siteFileJobs, siteTail, siteTrees, summarize, type PagesSummary } from '../render/site/index.js';
import { loadTheme } from '../render/site/theme.js';
import { CHUNK, IN_FLIGHT_KIB, type MainMessage, type WorkerData, type WorkerMessage } from './build.js';
import type { CvPdfJob } from './cv-pdfs.js';
import { BatchEncoder } from './batch.js';
import { makeImages } from './images.js';
import { checkRelativePath, WriteError } from './index.js';
import type { RenderedPage } from '../render/site/index.js';
import type { SearchRecord } from '../render/site/search-index.js';

const data = workerData as WorkerData;
const port = parentPort!;
const send = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
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

/** KiB handed to the main thread and not yet written: rendering waits when the writer is this far behind. */
const inFlight = new Int32Array(data.inFlight);
const batch = new BatchEncoder((b) => {
  for (let held = Atomics.load(inFlight, 0); held > IN_FLIGHT_KIB; held = Atomics.load(inFlight, 0)) Atomics.wait(inFlight, 0, held, 50);
  Atomics.add(inFlight, 0, b.kib);
  send({ type: 'files', batch: b }, [b.buffer]);
});

/** Search records on their way to the main thread, sent a few hundred at a time (only when search is asked for). */
let records: SearchRecord[] = [];
function sendRecords(): void {
  if (records.length) send({ type: 'search', records });
  records = [];
}

/** Encodes a file into the batch on its way to the main thread. */
function emit(index: number, path: string, content: string | Uint8Array | RenderedPage, page: boolean): void {
  batch.add(index, path, typeof content === 'string' ? [content] : content instanceof Uint8Array ? content : content.pieces, page);
}

try {
  const { graph, diagnostics } = openProject(data.root);
  // Each worker imports the theme itself: its components are functions, which cannot be sent to a thread.
  const theme = await loadTheme(data.root);
  const first = data.index === 0;
  const options = { ...data.options, theme, onDiagnostic: (d: Diagnostic) => send({ type: 'theme', diagnostic: d }) };
  const trees = diagnostics.errorCount ? [] : siteTrees(graph, options);
  const jobs = siteFileJobs(trees);
  const reported = first ? [...diagnostics.list, ...(theme?.diagnostics ?? [])] : undefined;
  send({ type: 'opened', errors: diagnostics.errorCount, plan: first ? jobs.map((j) => j.file) : undefined, diagnostics: reported });
  if ((await next()).type === 'go') {
    // The CVs first: their PDFs are typeset on other threads while this one renders the pages.
    const cvs = first && data.extras.cv ? cvFiles(graph) : { markdown: [], pdfs: [] };
    for (const f of cvs.pdfs) checkRelativePath(f.path);
    if (cvs.pdfs.length) send({ type: 'pdfs', pdfs: cvs.pdfs });
    const summary: PagesSummary = { math: false, sitemapPaths: [], links: new Set(), produced: new Set(), images: new Map() };
    const sitemapPaths: [number, string][] = [];
    const counter = new Int32Array(data.next);
    for (let start = Atomics.add(counter, 0, CHUNK); start < jobs.length; start = Atomics.add(counter, 0, CHUNK)) {
      for (let i = start; i < Math.min(start + CHUNK, jobs.length); i++) make(i);
    }
    function make(i: number): void {
      const job = jobs[i]!;
      const made = job.render();
      const before = summary.sitemapPaths.length;
      summarize(summary, job.file, made);
      if (summary.sitemapPaths.length > before) sitemapPaths.push([i, summary.sitemapPaths[before]!]);
      emit(i, job.file, made, typeof made !== 'string');
      if (data.extras.search && typeof made !== 'string' && made.search) {
        records.push(made.search);
        if (records.length >= 256) sendRecords();
      }
    }
    batch.send();
    sendRecords();
    send({ type: 'done', math: summary.math, sitemapPaths, links: [...summary.links], images: [...summary.images.values()] });
    if (data.index === 0) {
      const m = await next();
      if (m.type === 'tail') {
        const images = new Map(m.images.map((v) => [v.path, v]));
        const tail = siteTail(trees[0]!, { math: m.math, sitemapPaths: m.sitemapPaths, links: new Set(m.links), produced: new Set(m.produced), images });
        if (data.extras.calendars) tail.push(...seminarFiles(graph, { baseUrl: data.options.baseUrl }));
        tail.push(...cvs.markdown);
        // The images the pages planned, resized here (or taken from the cache): the write stage's part of a picture.
        const resized = await makeImages(graph.root, images.values(), { cacheDir: data.extras.imageCache, prune: true });
        tail.push(...resized.files);
        for (const f of tail) checkRelativePath(f.path);
        for (const f of tail) emit(-1, f.path, f.content, false);
        batch.send();
        send({ type: 'tail', warnings: resized.warnings, images: { made: resized.made, reused: resized.reused } });
      }
    }
  }
} catch (err) {
  send({ type: 'failed', message: (err as Error).message, write: err instanceof WriteError });
}

/** The CVs' Markdown files and the PDFs to typeset (on the main thread's pool): they need the graph, which only the workers hold. */
function cvFiles(graph: ReturnType<typeof openProject>['graph']): { markdown: OutputFile[]; pdfs: CvPdfJob[] } {
  const markdown: OutputFile[] = [];
  const pdfs: CvPdfJob[] = [];
  for (const person of graph.people.values()) {
    if (!hasCv(graph, person)) continue;
    // One CV per language of the site, beside that language's CV page.
    for (const language of treeLanguages(graph.config.languages)) {
      const cv = planCv(graph, person.id, { language });
      if (cv.markdown) markdown.push(cv.markdown);
      if (cv.pdf) {
        const notes = cv.pdf.cut ? [publicationsCutWarning(cv.pdf.cut)] : undefined;
        pdfs.push({ path: cv.pdf.path, source: cv.pdf.source, fonts: { fontPaths: cv.pdf.fonts.fontPaths, families: cv.pdf.fonts.families }, notes });
      }
    }
  }
  return { markdown, pdfs };
}
