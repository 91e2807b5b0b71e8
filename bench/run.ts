/**
 * `npm run bench`: builds the website of a generated department and sets each figure beside its floor.
 *
 * The floor of a build is writing the same bytes with no rendering at all: the files of the built site,
 * already in memory, written into a fresh folder by the same writer (atomic writes, digests, manifest).
 * Each phase runs in a process of its own (bench/phase.ts), so each peak memory is that phase's alone.
 * CV PDFs and the Pagefind index are not part of the build figures; they are timed apart, on a sample.
 *
 * Timings on a shared machine vary between runs (the same build was seen to take 30 s and 44 s): the cold build and
 * its floor are run RUNS times each, alternately, and the fastest run of each is compared, as benchmark tools do.
 *
 * PEOPLE=… PUBLICATIONS=… RUNS=… npm run bench    (defaults: the department, 1,000 people and 50,000
 * publications, 3 runs)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDepartment } from './generate.js';
import type { Figures } from './phase.js';

const size = { people: Number(process.env.PEOPLE ?? 1000), publications: Number(process.env.PUBLICATIONS ?? 50000), news: 2000, events: 500 };
const SAMPLE = { cvs: 20, searchPages: 2000 };
const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const root = mkdtempSync(join(tmpdir(), 'vita-bench-'));
const project = join(root, 'project');
const site = join(root, 'site');
const floorSite = join(root, 'floor');
const phaseScript = fileURLToPath(new URL('./phase.ts', import.meta.url));

function phase(name: string, args: Record<string, string | number>): Figures {
  const run = spawnSync(process.execPath, [...process.execArgv, phaseScript, name, JSON.stringify(args)], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`bench phase "${name}" failed (exit ${run.status})`);
  const figures = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Figures;
  console.log(`  ${name.padEnd(8)} ${JSON.stringify(figures, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
  return figures;
}

/** Changes the title of one publication in one .bib file, as a user editing the record would. */
function editTitle(bib: string, key: string, title: string): void {
  const file = join(project, bib);
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('title = {', text.indexOf(`@inproceedings{${key},`)) + 'title = {'.length;
  writeFileSync(file, text.slice(0, start) + title + text.slice(text.indexOf('},', start)));
}

/** The fastest of several runs, with the highest peak memory of them all. */
function fastest(runs: Figures[]): Figures {
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, peakRss: Math.max(...runs.map((r) => r.peakRss)) };
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const mib = (x: number) => `${(x / 2 ** 20).toFixed(0)} MiB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

try {
  console.log(`generating ${size.people} people, ${size.publications} publications, ${size.news} news, ${size.events} events in ${root} ...`);
  generateDepartment(project, size);
  // The edited publication: one in the middle of the middle file, with authors of the department.
  const key = `pub${Math.floor(size.publications / 2)}`;
  const bib = `publications/group-${Math.floor(Math.floor(size.publications / 2) / Math.ceil(size.publications / 20))}.bib`;

  console.log('phases (one process each; ms, bytes):');
  const colds: Figures[] = [];
  const floors: Figures[] = [];
  for (let run = 0; run < RUNS; run++) {
    rmSync(site, { recursive: true, force: true });
    rmSync(floorSite, { recursive: true, force: true });
    colds.push(phase('build', { project, out: site }));
    floors.push(phase('floor', { site, out: floorSite }));
  }
  const cold = fastest(colds);
  const floor = fastest(floors);
  const parallel = phase('build', { project, out: join(root, 'parallel'), workers: 2 });
  rmSync(join(root, 'parallel'), { recursive: true, force: true });
  editTitle(bib, key, 'An edited title');
  const rebuild = phase('build', { project, out: site });
  const rebuildFloor = phase('floor', { site, out: floorSite });
  const dev = phase('dev', { project, bib, key, slug: key, edits: Number(process.env.DEV_EDITS ?? 5) });
  const extras = phase('extras', { project, site, ...SAMPLE });

  const rows: [string, string, string, string][] = [
    [`cold build (open + render + write, fresh folder; ${cold.workers} worker)`, ms(cold.ms), ms(floor.ms), ratio(cold.ms, floor.ms)],
    ['  CPU time, all threads', ms(cold.cpuMs), ms(floor.cpuMs), ratio(cold.cpuMs, floor.cpuMs)],
    ['  pages per second', (cold.pages! / (cold.ms / 1000)).toFixed(0), (floor.pages! / (floor.ms / 1000)).toFixed(0), ratio(floor.ms, cold.ms)],
    ['  peak memory (RSS)', mib(cold.peakRss), mib(floor.peakRss), ratio(cold.peakRss, floor.peakRss)],
    [`the same with ${parallel.workers} worker threads`, ms(parallel.ms), ms(floor.ms), ratio(parallel.ms, floor.ms)],
    ['  CPU time, all threads', ms(parallel.cpuMs), ms(floor.cpuMs), ratio(parallel.cpuMs, floor.cpuMs)],
    ['  peak memory (RSS)', mib(parallel.peakRss), mib(floor.peakRss), ratio(parallel.peakRss, floor.peakRss)],
    ['rebuild after one edited title', ms(rebuild.ms), ms(rebuildFloor.ms), ratio(rebuild.ms, rebuildFloor.ms)],
    ['  files rewritten', String(rebuild.written), String(rebuildFloor.written), ''],
    ['  peak memory (RSS)', mib(rebuild.peakRss), mib(rebuildFloor.peakRss), ratio(rebuild.peakRss, rebuildFloor.peakRss)],
    ['vita dev: edit -> page servable (median)', ms(dev.ms), '', ''],
    ['  the rebuild alone, no watcher delay', ms(dev.rebuildMs!), '', ''],
    ['  first build at start', ms(dev.startupMs!), '', ''],
    ['  peak memory (RSS)', mib(dev.peakRss), '', ''],
  ];
  const w = [Math.max(...rows.map((r) => r[0].length)), 10, 10, 7];
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[0]!) : c.padStart(w[i]!))).join('  ');
  console.log(`\n${cold.pages} pages, ${cold.files} files, ${mib(cold.bytes!)} (${size.people} people, ${size.publications} publications, ${size.news} news, ${size.events} events)`);
  console.log(`cold build and floor: the fastest of ${RUNS} runs each (${colds.map((r) => ms(r.ms)).join(', ')} and ${floors.map((r) => ms(r.ms)).join(', ')}); other rows: one run.`);
  console.log('CV PDFs and the Pagefind index are not in the build figures; they are timed apart below.\n');
  console.log(line(['', 'vita', 'floor', 'ratio']));
  for (const r of rows) console.log(line(r));
  console.log(`\nnot in the build: ${extras.cvCount} CV PDFs in ${ms(extras.cvMs!)} (${ms(extras.cvMs! / extras.cvCount!)} each); Pagefind over ${extras.searchCount} pages in ${ms(extras.searchMs!)}`);
  console.log(`targets: cold build within 2.5x the floor (${ratio(cold.ms, floor.ms)}), peak memory under 1 GiB (${mib(Math.max(cold.peakRss, rebuild.peakRss))}), dev edit under 100 ms (${ms(dev.ms)})`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
