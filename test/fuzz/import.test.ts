/**
 * `vita import` over mutated sources of every kind read from files (BibTeX, JSON Resume, RenderCV, Markdown CV, and
 * al-folio, academicpages, Hugo Blox and jemdoc sites, a seminar's calendar feed, talk pages and list of talks), from a seed (mutate.ts): nothing throws (exit 70 at the
 * CLI), nothing takes 30 s, every error names where it is, and what the import writes opens without a located-less
 * error either. A few go through the CLI itself.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from '../../src/index.js';
import { importSource, type SourceKind } from '../../src/import/index.js';
import { mutate, Random, SEED, toBytes } from './mutate.js';

const FIXTURES = 'test/fixtures/import';
/** Each kind: its fixture folder, and the source to import in the copy (the folder itself for sites). */
const SOURCES: { kind: SourceKind; folder: string; source: string }[] = [
  { kind: 'bibtex', folder: 'bibtex', source: 'publications.bib' },
  { kind: 'json-resume', folder: 'json-resume', source: 'resume.json' },
  { kind: 'rendercv', folder: 'rendercv', source: 'Jonas_Weber_CV.yaml' },
  { kind: 'markdown-cv', folder: 'markdown-cv', source: 'cv.md' },
  { kind: 'al-folio', folder: 'al-folio', source: '.' },
  { kind: 'academicpages', folder: 'academicpages', source: '.' },
  { kind: 'hugo-blox', folder: 'hugo-blox', source: '.' },
  { kind: 'jemdoc', folder: 'jemdoc', source: '.' },
  { kind: 'ics', folder: 'ics', source: 'seminar.ics' },
  { kind: 'seminar-site', folder: 'seminar-hugo', source: '.' },
  { kind: 'seminar-data', folder: 'seminar-data', source: '_data/seminars.yml' },
];
const ROUNDS = Number(process.env.VITA_FUZZ_ROUNDS ?? 160);
const BUDGET_MS = Number(process.env.VITA_FUZZ_BUDGET_MS ?? 25_000);
const LIMIT_MS = 30_000;

/** Codes about a source or a file as a whole, which have no line to give. */
const WHOLE = new Set(['import/cannot-import', 'import/nothing-read', 'import/not-text', 'load/unreadable', 'load/not-text', 'load/not-utf8']);

function unlocated(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .filter((d) => d.file.startsWith('/') || (!WHOLE.has(d.code) && (!d.file || d.line === undefined || d.column === undefined)))
    .map((d) => `${d.file || '(no file)'}:${d.line ?? '?'}:${d.column ?? '?'} ${d.code} ${d.message.slice(0, 120)}`);
}

function formatOf(file: string): 'yaml' | 'markdown' | 'bibtex' | 'json' | 'text' {
  if (/\.ya?ml$/.test(file)) return 'yaml';
  if (/\.md$/.test(file)) return 'markdown';
  if (/\.bib$/.test(file)) return 'bibtex';
  if (/\.json$/.test(file)) return 'json';
  return 'text';
}

const work = mkdtempSync(join(tmpdir(), 'vita-fuzz-import-'));
/** The text files of each copied source, with their original text. */
const copies = SOURCES.map((s) => {
  const root = join(work, s.kind);
  cpSync(join(FIXTURES, s.folder), root, { recursive: true });
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|md|bib|json|jemdoc|ics|toml)$|^MENU$/.test(e.name)) files.push(relative(root, p));
    }
  };
  walk(root);
  files.sort();
  return { ...s, root, files, originals: new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')])) };
});

describe(`fuzzing vita import (seed ${SEED}; VITA_FUZZ_SEED=${SEED} repeats this run)`, () => {
  after(() => rmSync(work, { recursive: true, force: true }));

  it('no mutated source throws, hangs, or gives an error without a place', async () => {
    const random = new Random(SEED ^ 0x1a2b3c);
    const started = Date.now();
    const failures: string[] = [];
    let rounds = 0;
    for (; rounds < ROUNDS && Date.now() - started < BUDGET_MS; rounds++) {
      const copy = copies[rounds % copies.length]!;
      // The source file itself most of the time; any text file of a site.
      const file = copy.source !== '.' && random.int(4) > 0 ? copy.source : random.pick(copy.files);
      let text = copy.originals.get(file)!;
      const what: string[] = [];
      for (let n = 1 + random.int(3); n > 0; n--) {
        const m = mutate(text, random, formatOf(file));
        text = m.text;
        what.push(m.what);
      }
      writeFileSync(join(copy.root, file), toBytes(text));
      const into = join(work, `project-${rounds}`);
      const name = `round ${rounds} (seed ${SEED}): ${copy.kind} ${file}: ${what.join('; ')}`;
      const t0 = Date.now();
      try {
        // Half told the kind, half detecting it; a third only planned (nothing written).
        const result = await importSource(join(copy.root, copy.source), { into, kind: random.int(2) ? copy.kind : undefined, dryRun: random.int(3) === 0, offline: true });
        for (const problem of unlocated([...result.diagnostics, ...result.check])) failures.push(`${name}\n    unlocated error: ${problem}`);
      } catch (err) {
        failures.push(`${name}\n    threw: ${(err as Error).stack?.split('\n').slice(0, 6).join('\n      ')}`);
      }
      const ms = Date.now() - t0;
      if (ms > LIMIT_MS) failures.push(`${name}\n    took ${ms} ms`);
      writeFileSync(join(copy.root, file), copy.originals.get(file)!);
      rmSync(into, { recursive: true, force: true });
    }
    assert.ok(rounds >= 24, `only ${rounds} rounds in the budget`);
    assert.deepEqual(failures, [], `${failures.length} of ${rounds} mutations failed; seed ${SEED}`);
  });

  it('the CLI: vita import of mutated sources exits 0 or 1, never 70', () => {
    const random = new Random(SEED ^ 0xc11);
    const failures: string[] = [];
    for (const copy of [copies[0]!, copies[4]!]) {
      const file = copy.source !== '.' ? copy.source : random.pick(copy.files);
      const m = mutate(copy.originals.get(file)!, random, formatOf(file));
      writeFileSync(join(copy.root, file), toBytes(m.text));
      const into = join(work, `cli-${copy.kind}`);
      const r = spawnSync(process.execPath, ['dist/cli/main.js', 'import', join(copy.root, copy.source), '--into', into, '--offline'], { encoding: 'utf8', timeout: LIMIT_MS });
      if (r.status !== 0 && r.status !== 1) failures.push(`vita import ${copy.kind} after ${file}: ${m.what} (seed ${SEED}): exit ${r.status}\n${r.stderr.slice(0, 800)}`);
      writeFileSync(join(copy.root, file), copy.originals.get(file)!);
    }
    assert.deepEqual(failures, []);
  });
});
