/**
 * The example's YAML, Markdown (front matter and prose) and BibTeX, mutated at random from a seed (mutate.ts), opened
 * as `vita check`, `vita dev` and `vita build` open them (load, validate, resolve, check; and the site rendered for
 * some): nothing throws (what the CLI reports as exit 70), nothing takes 30 s, and every error names its file, with
 * a line and column unless the fault is the whole file's. A few mutations also go through the CLI itself.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { newProjectCache, openProject, type Diagnostic } from '../../src/index.js';
import { renderSite } from '../../src/render/site/index.js';
import { mutate, Random, SEED, toBytes } from './mutate.js';

const EXAMPLE = 'examples/pku-group';
const FILES: [string, 'yaml' | 'markdown' | 'bibtex'][] = [
  ['vita.yaml', 'yaml'],
  ['people/lei-wu.yaml', 'yaml'],
  ['people/mingze-wang.yaml', 'yaml'],
  ['people/chao-ma.yaml', 'yaml'],
  ['seminars/scms-colloquium/series.yaml', 'yaml'],
  ['seminars/scms-colloquium/2025-07-23-weijie-su.yaml', 'yaml'],
  ['seminars/ml-theory-seminar/2025-03-14-mingze-wang.yaml', 'yaml'],
  ['news/2025-09-functional-scaling-laws-neurips.md', 'markdown'],
  ['news/2024-12-nsfc-young-scientists-fund.md', 'markdown'],
  ['people/lei-wu/about.md', 'markdown'],
  ['people/mingze-wang/research.md', 'markdown'],
  ['publications/conferences.bib', 'bibtex'],
  ['publications/journals.bib', 'bibtex'],
  ['publications/preprints.bib', 'bibtex'],
];
/** Mutated projects opened in-process; every RENDER_EVERY-th is opened afresh and its site rendered. */
const ROUNDS = Number(process.env.VITA_FUZZ_ROUNDS ?? 120);
const RENDER_EVERY = 8;
/** Stop early past this (slow machine): the rounds done are still a fair sample. */
const BUDGET_MS = Number(process.env.VITA_FUZZ_BUDGET_MS ?? 30_000);
const LIMIT_MS = 30_000;

/** Codes about a file as a whole (it cannot be read as text at all), which have no line to give. */
export const FILE_LEVEL = new Set(['load/unreadable', 'load/not-text', 'load/not-utf8']);

/** What is wrong with the errors of one run: unlocated ones, or ones naming no file of the project. */
export function unlocated(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .filter((d) => !d.file || d.file.startsWith('/') || ((d.line === undefined || d.column === undefined) && !FILE_LEVEL.has(d.code)))
    .map((d) => `${d.file || '(no file)'}:${d.line ?? '?'}:${d.column ?? '?'} ${d.code} ${d.message.slice(0, 120)}`);
}

const dir = mkdtempSync(join(tmpdir(), 'vita-fuzz-record-'));
cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('_site') });
const originals = new Map(FILES.map(([f]) => [f, readFileSync(join(dir, f), 'utf8')]));

describe(`fuzzing the record (seed ${SEED}; VITA_FUZZ_SEED=${SEED} repeats this run)`, () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('no mutation throws, hangs, or gives an error without a place', () => {
    const random = new Random(SEED);
    const cache = newProjectCache();
    openProject(dir, { cache });
    const started = Date.now();
    const failures: string[] = [];
    let previous: string | undefined;
    let rounds = 0;
    for (; rounds < ROUNDS && Date.now() - started < BUDGET_MS; rounds++) {
      const [file, format] = random.pick(FILES);
      let text = originals.get(file)!;
      const what: string[] = [];
      for (let n = 1 + random.int(3); n > 0; n--) {
        const m = mutate(text, random, format);
        text = m.text;
        what.push(m.what);
      }
      if (previous && previous !== file) writeFileSync(join(dir, previous), originals.get(previous)!);
      writeFileSync(join(dir, file), toBytes(text));
      const name = `round ${rounds} (seed ${SEED}): ${file}: ${what.join('; ')}`;
      const t0 = Date.now();
      try {
        const fresh = rounds % RENDER_EVERY === 0;
        const result = fresh ? openProject(dir) : openProject(dir, { cache, changed: previous && previous !== file ? [previous, file] : [file] });
        if (fresh && result.diagnostics.errorCount === 0) renderSite(result.graph, {});
        for (const problem of unlocated(result.diagnostics.list)) failures.push(`${name}\n    unlocated error: ${problem}`);
      } catch (err) {
        failures.push(`${name}\n    threw: ${(err as Error).stack?.split('\n').slice(0, 6).join('\n      ')}`);
        // What was kept may be half-updated: start again from a fresh cache.
        Object.assign(cache, newProjectCache());
      }
      const ms = Date.now() - t0;
      if (ms > LIMIT_MS) failures.push(`${name}\n    took ${ms} ms`);
      previous = file;
    }
    if (previous) writeFileSync(join(dir, previous), originals.get(previous)!);
    assert.ok(rounds >= 20, `only ${rounds} rounds in the budget`);
    assert.deepEqual(failures, [], `${failures.length} of ${rounds} mutations failed; seed ${SEED}`);
  });

  it('the CLI: check and build of mutated projects exit 0 or 1, never 70', () => {
    const random = new Random(SEED ^ 0x5eed);
    const failures: string[] = [];
    for (let round = 0; round < 3; round++) {
      const [file, format] = random.pick(FILES);
      const m = mutate(originals.get(file)!, random, format);
      writeFileSync(join(dir, file), toBytes(m.text));
      for (const command of round === 0 ? ['check', 'build'] : ['check']) {
        const args = command === 'build' ? ['build', dir, '--out', join(dir, '_site')] : ['check', dir];
        const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', timeout: LIMIT_MS });
        if (r.status !== 0 && r.status !== 1) failures.push(`vita ${command} after ${file}: ${m.what} (seed ${SEED}): exit ${r.status}\n${r.stderr.slice(0, 800)}`);
      }
      writeFileSync(join(dir, file), originals.get(file)!);
    }
    assert.deepEqual(failures, []);
  });
});
