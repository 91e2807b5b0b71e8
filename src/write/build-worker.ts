/** One thread of `buildSite` (./build.ts): opens the project, then renders and writes the next files of the plan until none is left. */
import { parentPort, workerData } from 'node:worker_threads';
import { openProject } from '../index.js';
import { seminarFiles } from '../render/calendar/index.js';
import { hasCv, renderCv } from '../render/cv/index.js';
import type { OutputFile } from '../render/output.js';
import { siteFileJobs, siteTail, siteTrees, summarize, type PagesSummary } from '../render/site/index.js';
import { CHUNK, type MainMessage, type WorkerData, type WorkerMessage, type WrittenFile } from './build.js';
import { checkRelativePath, PieceEncoder, writeOutputFile, WriteError, type FolderCache } from './index.js';
import type { RenderedPage } from '../render/site/index.js';

const data = workerData as WorkerData;
const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);
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

const folders: FolderCache = new Map();
const encoder = new PieceEncoder();
function write(index: number, path: string, content: string | Uint8Array | RenderedPage, page: boolean): WrittenFile {
  const bytes = typeof content === 'string' ? encoder.encode([content]) : content instanceof Uint8Array ? content : encoder.encode(content.pieces);
  const { hash, written } = writeOutputFile(data.out, path, bytes, folders);
  return { index, path, hash, written, bytes: bytes.length, page };
}

try {
  const { graph, diagnostics } = openProject(data.root);
  const trees = diagnostics.errorCount ? [] : siteTrees(graph, data.options);
  const jobs = siteFileJobs(trees);
  const first = data.index === 0;
  send({ type: 'opened', errors: diagnostics.errorCount, plan: first ? jobs.map((j) => j.file) : undefined, diagnostics: first ? diagnostics.list : undefined });
  if ((await next()).type === 'go') {
    const files: WrittenFile[] = [];
    const summary: PagesSummary = { math: false, sitemapPaths: [], links: new Set(), produced: new Set() };
    const sitemapPaths: [number, string][] = [];
    const counter = new Int32Array(data.next);
    for (let start = Atomics.add(counter, 0, CHUNK); start < jobs.length; start = Atomics.add(counter, 0, CHUNK)) {
      for (let i = start; i < Math.min(start + CHUNK, jobs.length); i++) files.push(make(i));
    }
    function make(i: number): WrittenFile {
      const job = jobs[i]!;
      const made = job.render();
      const before = summary.sitemapPaths.length;
      summarize(summary, job.file, made);
      if (summary.sitemapPaths.length > before) sitemapPaths.push([i, summary.sitemapPaths[before]!]);
      return write(i, job.file, made, typeof made !== 'string');
    }
    send({ type: 'done', files, math: summary.math, sitemapPaths, links: [...summary.links] });
    if (data.index === 0) {
      const m = await next();
      if (m.type === 'tail') {
        const tail = siteTail(trees[0]!, { math: m.math, sitemapPaths: m.sitemapPaths, links: new Set(m.links), produced: new Set(m.produced) });
        const warnings: string[] = [];
        tail.push(...extraFiles(graph, warnings));
        for (const f of tail) checkRelativePath(f.path);
        send({ type: 'tail', files: tail.map((f) => write(-1, f.path, f.content, false)), warnings });
      }
    }
  }
} catch (err) {
  send({ type: 'failed', message: (err as Error).message, write: err instanceof WriteError });
}

/** Calendars and CV PDFs, as asked: they need the graph, which only the workers hold. */
function extraFiles(graph: ReturnType<typeof openProject>['graph'], warnings: string[]): OutputFile[] {
  const files: OutputFile[] = [];
  if (data.extras.calendars) files.push(...seminarFiles(graph, { baseUrl: data.options.baseUrl }));
  if (data.extras.cv) {
    for (const person of graph.people.values()) {
      if (!hasCv(graph, person)) continue;
      const cv = renderCv(graph, person.id);
      for (const w of cv.warnings) warnings.push(`${person.id}'s CV: ${w}`);
      files.push(...cv.files);
    }
  }
  return files;
}
