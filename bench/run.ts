/**
 * `npm run bench`: builds a generated department as a user does (`vita build`, with search, CV PDFs and
 * calendars: the headline), then the website's pages alone, setting each figure beside its floor.
 *
 * The headline runs the compiled CLI in a process of its own, under GNU time when the machine has it, so its
 * peak memory is the largest process's, Pagefind's included; its phases' times are read from what it prints.
 *
 * The floor of a build is writing the same bytes with no rendering at all: the files of the built site,
 * already in memory, written into a fresh folder by the same writer (atomic writes, digests, manifest).
 * Each phase runs in a process of its own (bench/phase.ts), so each peak memory is that phase's alone.
 * The pages-only rows are the render-and-write engine, against the floor.
 *
 * Timings on a shared machine vary between runs (the same build was seen to take 30 s and 44 s): the cold build and
 * its floor are run RUNS times each, alternately, and the fastest run of each is compared, as benchmark tools do.
 *
 * `vita dev` is timed on that department and on one shaped like the shared comparison's (generate.ts's `long` entries:
 * .bib files of 2,500 entries with abstracts of ten sentences), where an edit's file is larger.
 *
 * PEOPLE=… PUBLICATIONS=… RUNS=… npm run bench    (defaults: the issue's department, 1,000 people and 50,000
 * publications, 3 runs)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDepartment, LONG_PER_FILE } from './generate.js';
import type { Figures } from './phase.js';

const size = { people: Number(process.env.PEOPLE ?? 1000), publications: Number(process.env.PUBLICATIONS ?? 50000), news: 2000, events: 500 };
const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const root = mkdtempSync(join(tmpdir(), 'vita-bench-'));
const project = join(root, 'project');
const site = join(root, 'site');
const floorSite = join(root, 'floor');
const phaseScript = fileURLToPath(new URL('./phase.ts', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** A `vita build` as a user runs it: wall time, the largest process's peak memory (0 when unknown), and its phases' times. */
interface CliFigures {
  ms: number;
  peakRss: number;
  phases: Record<string, string>;
  output: string;
}

function vitaBuild(out: string, ...flags: string[]): CliFigures {
  const args = [cli, 'build', project, '--out', out, ...flags];
  const started = performance.now();
  const run = gnuTime
    ? spawnSync(gnuTime, ['-f', 'peak-kib %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`vita build failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  const phases: Record<string, string> = {};
  for (const m of run.stderr.matchAll(/^vita: (.+?) (?:(\d+) )?in ([\d.]+ s)$/gm)) phases[m[1]!] = m[2] ? `${m[3]} (${m[2]})` : m[3]!;
  const peak = /peak-kib (\d+)/.exec(run.stderr);
  const figures = { ms, peakRss: peak ? Number(peak[1]) * 1024 : 0, phases, output: run.stdout.trim() };
  console.log(`  vita build ${flags.join(' ')}: ${Math.round(ms)} ms, ${figures.peakRss ? mib(figures.peakRss) : 'peak unknown'}; ${JSON.stringify(phases)}`);
  return figures;
}

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

  console.log('vita build, as a user runs it (pages, search, CV PDFs, calendars):');
  const userSite = join(root, 'user-site');
  rmSync(join(project, '.vita-cache'), { recursive: true, force: true });
  const full = vitaBuild(userSite);
  editTitle(bib, key, 'A title edited before the rebuild');
  const fullRebuild = vitaBuild(userSite);
  rmSync(userSite, { recursive: true, force: true });

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
  // vita dev again on a department shaped like the shared comparison's: .bib files of 2,500 long entries each.
  const longProject = join(root, 'project-long');
  console.log(`generating the same department with ${LONG_PER_FILE}-entry .bib files and long abstracts in ${longProject} ...`);
  generateDepartment(longProject, size, 'long');
  const longKey = `pub${LONG_PER_FILE + Math.floor(LONG_PER_FILE / 2)}`;
  const devLong = phase('dev', { project: longProject, bib: 'publications/group-1.bib', key: longKey, slug: longKey, edits: Number(process.env.DEV_EDITS ?? 5) });

  const phaseRow = (name: string): [string, string, string, string] => [`  ${name}`, full.phases[name] ?? '-', '', ''];
  const rows: [string, string, string, string][] = [
    ['vita build (pages, search, CV PDFs, calendars; cold, no cache)', ms(full.ms), '', ''],
    ['  largest process (Pagefind included)', full.peakRss ? mib(full.peakRss) : '-', '', ''],
    ...['opening the record', 'pages and feeds', 'search index', 'CV PDFs'].map(phaseRow),
    ['  rebuild after one edited title', ms(fullRebuild.ms), '', ''],
    ['    of the full build', `${((fullRebuild.ms / full.ms) * 100).toFixed(0)}%`, '', ''],
    ['the pages alone (in-process, against the floor):', '', '', ''],
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
    ['  told the edited file, no watcher delay', ms(dev.namedMs!), '', ''],
    ['  first build at start', ms(dev.startupMs!), '', ''],
    ['  peak memory (RSS)', mib(dev.peakRss), '', ''],
    [`vita dev, ${LONG_PER_FILE}-entry .bib files with long abstracts`, ms(devLong.ms), '', ''],
    ['  the rebuild alone, no watcher delay', ms(devLong.rebuildMs!), '', ''],
    ['  told the edited file, no watcher delay', ms(devLong.namedMs!), '', ''],
    ['  first build at start', ms(devLong.startupMs!), '', ''],
    ['  peak memory (RSS)', mib(devLong.peakRss), '', ''],
  ];
  const w = [Math.max(...rows.map((r) => r[0].length)), 10, 10, 7];
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[0]!) : c.padStart(w[i]!))).join('  ');
  console.log(`\n${cold.pages} pages, ${cold.files} files, ${mib(cold.bytes!)} (${size.people} people, ${size.publications} publications, ${size.news} news, ${size.events} events)`);
  console.log(`cold build and floor: the fastest of ${RUNS} runs each (${colds.map((r) => ms(r.ms)).join(', ')} and ${floors.map((r) => ms(r.ms)).join(', ')}); other rows: one run.`);
  console.log(`vita build: ${full.output}; search and CV PDFs go side by side, so their phases overlap.\n`);
  console.log(line(['', 'vita', 'floor', 'ratio']));
  for (const r of rows) console.log(line(r));
  console.log(`\ntargets: vita build's largest process under 2 GiB (${full.peakRss ? mib(full.peakRss) : 'unknown'}), its rebuild after one edit within 5% (${((fullRebuild.ms / full.ms) * 100).toFixed(0)}%);`);
  console.log(`pages within 2.5x the floor (${ratio(cold.ms, floor.ms)}), their peak memory under 1 GiB (${mib(Math.max(cold.peakRss, rebuild.peakRss))}), dev edit under 100 ms (${ms(dev.ms)}; ${ms(devLong.ms)} with long .bib files)`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
