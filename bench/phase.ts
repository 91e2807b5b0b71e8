/**
 * One phase of `npm run bench`, run in a process of its own so that its peak memory is its own:
 * `node --import tsx bench/phase.ts <phase> <json args>` prints one JSON line of figures.
 *
 *   build   open the project + render every page + write into a folder (cold into a fresh one, or a rebuild)
 *   floor   the same bytes, already in memory, written by the same writer: the pure I/O cost
 *   dev     vita dev: an edited publication, from the file change to its page being servable
 *
 * vita is measured as `vita build` runs it, compiled (dist/, which `npm run bench` builds first), not from its
 * TypeScript sources: compiling them on the fly cost the build's worker a few hundred milliseconds more.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { openProject } from '../dist/index.js';
import type { OutputFile } from '../dist/render/output.js';
import { startDevServer } from '../dist/serve/dev.js';
import { buildSite } from '../dist/write/build.js';
import { MANIFEST, writeSite } from '../dist/write/index.js';

export interface Figures {
  ms: number;
  /** CPU time of the whole process (all threads), user + system. */
  cpuMs: number;
  peakRss: number;
  pages?: number;
  files?: number;
  bytes?: number;
  written?: number;
  [more: string]: number | undefined;
}

/** Peak resident memory: a timer samples it while the event loop turns; the kernel's maximum covers synchronous stretches. */
function memorySampler(): () => number {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  };
}

async function timed(fn: () => Promise<Partial<Figures>> | Partial<Figures>): Promise<Figures> {
  const peak = memorySampler();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const extra = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRss: peak(), ...extra };
}

/** The files of a built site (its manifest aside), or the first `limit` that `keep` wants. */
function readSite(dir: string, keep: (path: string) => boolean = () => true, limit = Infinity): OutputFile[] {
  const files: OutputFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (files.length >= limit) return;
      const p = join(d, e.name);
      const path = relative(dir, p).split(sep).join('/');
      if (e.isDirectory()) walk(p);
      else if (e.name !== MANIFEST && keep(path)) files.push({ path, content: new Uint8Array(readFileSync(p)) });
    }
  };
  walk(dir);
  return files;
}

function readSitePaths(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
}

const phases: Record<string, (args: Record<string, string>) => Promise<Figures>> = {
  build: ({ project, out, workers }) =>
    timed(async () => {
      const r = await buildSite(project!, out!, { workers: workers ? Number(workers) : undefined });
      return { pages: r.pages, files: r.files, bytes: r.bytes, written: r.written, workers: r.workers };
    }),

  floor: async ({ site, out }) => {
    const files = readSite(site!); // not timed: the floor starts with every byte rendered and in memory
    return timed(() => {
      const r = writeSite(out!, files, { projectRoot: site! });
      const bytes = files.reduce((n, f) => n + f.content.length, 0);
      return { files: files.length, pages: files.filter((f) => f.path.endsWith('.html')).length, bytes, written: r.written };
    });
  },

  dev: async ({ project, bib, key, slug, edits }) => {
    const file = join(project!, bib!);
    let server: Awaited<ReturnType<typeof startDevServer>> | undefined;
    const startup = await timed(async () => {
      server = await startDevServer(project!, { port: 0, log: () => {} });
      return {};
    });
    const page = new URL(`publications/${slug}/`, server!.url);
    // A connection may be dropped while the server is busy rebuilding: ask again.
    const get = async (): Promise<string> => {
      for (;;) {
        try {
          return await (await fetch(page)).text();
        } catch {
          await new Promise((r) => setTimeout(r, 1));
        }
      }
    };
    await get(); // the page is open in a browser
    const times: number[] = [];
    const direct: number[] = [];
    const named: number[] = [];
    for (let i = 0; i < Number(edits ?? 5); i++) {
      // Through the watcher: write the file, then ask until the page shows the new title.
      const title = `Edited title number ${i} for ${key}`;
      const text = readFileSync(file, 'utf8');
      const at = text.indexOf(`@inproceedings{${key},`);
      const start = text.indexOf('title = {', at) + 'title = {'.length;
      const end = text.indexOf('},', start);
      const t0 = performance.now();
      writeFileSync(file, text.slice(0, start) + title + text.slice(end));
      await waitFor(async () => (await get()).includes(title));
      times.push(performance.now() - t0);
      // Without the watcher: the rebuild itself, looking at every file, then one request.
      const again = `${title} again`;
      const t1 = performance.now();
      writeFileSync(file, text.slice(0, start) + again + text.slice(end));
      await server!.rebuild();
      if (!(await get()).includes(again)) throw new Error('the rebuilt page does not show the edit');
      direct.push(performance.now() - t1);
      await new Promise((r) => setTimeout(r, 200)); // let the watcher's own rebuild pass
      // Told the edited file, as the watcher tells it, but without the watcher's delays.
      const told = `${title} told`;
      const t2 = performance.now();
      writeFileSync(file, text.slice(0, start) + told + text.slice(end));
      await server!.rebuild([bib!]);
      if (!(await get()).includes(told)) throw new Error('the rebuilt page does not show the edit');
      named.push(performance.now() - t2);
      await new Promise((r) => setTimeout(r, 200));
    }
    await server!.close();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      ms: median(times),
      cpuMs: 0,
      peakRss: process.resourceUsage().maxRSS * 1024,
      startupMs: startup.ms,
      rebuildMs: median(direct),
      namedMs: median(named),
      worstMs: Math.max(...times),
    };
  },

};

const [name, args] = process.argv.slice(2);
const figures = await phases[name!]!(JSON.parse(args ?? '{}') as Record<string, string>);
process.stdout.write(JSON.stringify(figures) + '\n');
