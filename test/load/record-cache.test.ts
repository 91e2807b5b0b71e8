// Opening the record with the files as loaded kept between builds (.vita-cache/record/): the same graph and the same
// diagnostics, at the same positions, as an opening without; after an edit only the edited file is parsed again; a
// damaged or foreign entry costs a parse, never a wrong result; `--no-cache` keeps nothing there.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { openProject, type Graph } from '../../src/index.js';
import { loadProject } from '../../src/load/project.js';
import { recordKey, restoreFile, type RecordCache } from '../../src/load/record-cache.js';
import type { DataPath, RawRecord } from '../../src/load/record.js';
import { buildSite } from '../../src/write/build.js';
import { recordCacheDir, recordCacheIn } from '../../src/write/record-cache.js';
import { projectEdits } from '../project-edits.js';
import { snapshot } from '../graph-snapshot.js';

const TODAY = new Date('2026-06-01');
const dir = mkdtempSync(join(tmpdir(), 'vita-record-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Stats = { hits: number; misses: number; writes: number };
/** A cache with its counts; `packBelow: 0` keeps each file's entry in a file of its own. */
const counted = (root: string, packBelow?: number): { cache: RecordCache; stats: Stats } => {
  const stats = { hits: 0, misses: 0, writes: 0 };
  return { cache: recordCacheIn(root, { stats, packBelow }), stats };
};

/** Every data path of a value, and a path under each that is not written (a missing field reports its parent). */
function pathsOf(value: unknown, at: DataPath = [], out: DataPath[] = []): DataPath[] {
  out.push(at, [...at, 'not-written'], [...at, 7]);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

/** Raw records as plain data: their value, and the position of every path of it. */
function plainRecords(records: RawRecord[]): unknown {
  return records.map((r) => ({ kind: r.kind, file: r.file, id: r.id, value: r.value, at: pathsOf(r.value).map((p) => [p.join('.'), r.locate(p)]) }));
}

/** Loads and opens `root` without the cache, then twice with it (keeping, then kept): all three must agree. */
function sameThreeWays(root: string): { first: Stats; second: Stats } {
  const plainDiagnostics = new Diagnostics();
  const expected = plainRecords(loadProject(root, plainDiagnostics).records);
  const fresh = openProject(root, { today: TODAY });
  const runs = [1, 2].map(() => {
    const { cache, stats } = counted(root);
    const diagnostics = new Diagnostics();
    const records = plainRecords(loadProject(root, diagnostics, { recordCache: cache }).records);
    assert.deepEqual(records, expected, `records of ${root}`);
    assert.deepEqual(diagnostics.list, plainDiagnostics.list, `load diagnostics of ${root}`);
    const opened = openProject(root, { today: TODAY, recordCache: counted(root).cache });
    assert.deepEqual(opened.diagnostics.list, fresh.diagnostics.list, `diagnostics of ${root}`);
    assert.deepEqual(snapshot(opened.graph), snapshot(fresh.graph), `graph of ${root}`);
    return stats;
  });
  return { first: runs[0]!, second: runs[1]! };
}

function copy(from: string, name: string): string {
  const to = join(dir, name);
  cpSync(from, to, { recursive: true, filter: (src) => !src.includes('_site') && !src.includes('.vita-cache') });
  return to;
}

/** The record files of a project (those the cache keeps an entry for). */
const RECORD_FILES = /^(vita\.yaml|people\/.*\.(yaml|md)|publications\/.*\.(bib|yaml)|news\/.*|seminars\/.*\.(yaml|md)|pages\/.*\.md|posts\/.*\.md|projects\/.*\.md)$/;

describe('the record kept between builds', () => {
  const example = copy('examples/pku-group', 'example');

  it('opens the example project as an opening without it does, parsing nothing the second time', () => {
    const { first, second } = sameThreeWays(example);
    assert.ok(first.misses > 10 && first.writes === first.misses, `the first opening keeps each file (${JSON.stringify(first)})`);
    assert.equal(second.misses, 0, 'the second opening parses nothing');
    assert.equal(second.hits, first.misses);
  });

  it('keeps the diagnostics and their positions of every checked fixture (BibTeX and YAML errors included)', () => {
    const fixtures = readdirSync('test/fixtures/check').filter((name) => existsSync(join('test/fixtures/check', name, 'vita.yaml')));
    assert.ok(fixtures.length > 50);
    let located = 0;
    for (const name of fixtures) {
      const root = copy(join('test/fixtures/check', name), `fixture-${name}`);
      sameThreeWays(root);
      located += openProject(root, { today: TODAY }).diagnostics.list.filter((d) => d.file.endsWith('.bib') && d.line !== undefined).length;
    }
    assert.ok(located > 5, 'BibTeX diagnostics with positions were compared');
  });

  it('parses again only the file that was edited, and forgets the entry of a file removed', () => {
    const root = copy('examples/pku-group', 'edited');
    const { edit } = projectEdits(root);
    openProject(root, { recordCache: counted(root, 0).cache });
    edit('publications/journals.bib', (text) => text.replace(/(title\s*=\s*\{)/, '$1Edited '));
    const { cache, stats } = counted(root, 0);
    const opened = openProject(root, { today: TODAY, recordCache: cache });
    assert.equal(stats.misses, 1, 'one file parsed again');
    assert.equal(stats.writes, 1);
    assert.ok(stats.hits > 10);
    const fresh = openProject(root, { today: TODAY });
    assert.deepEqual(snapshot(opened.graph), snapshot(fresh.graph));
    assert.ok([...fresh.graph.publications.values()].some((p) => p.title.startsWith('Edited ')));
    const kept = () => readdirSync(recordCacheDir(root)).length;
    const before = kept();
    rmSync(join(root, 'publications/preprints.bib'));
    openProject(root, { recordCache: counted(root, 0).cache });
    assert.equal(kept(), before - 1, 'the removed file has no entry left');
  });

  it('parses a file again when its entry is cut short, garbled, or another file\'s, and gives the same record', () => {
    const root = copy('examples/pku-group', 'damaged');
    openProject(root, { recordCache: counted(root, 0).cache });
    const folder = recordCacheDir(root);
    const names = readdirSync(folder).sort();
    const sizes = names.map((n) => readFileSync(join(folder, n)).length);
    const big = names.filter((_, i) => sizes[i]! > 200);
    assert.ok(big.length >= 4);
    const [cut, flipped, foreign, empty] = big;
    writeFileSync(join(folder, cut!), readFileSync(join(folder, cut!)).subarray(0, 100));
    const bytes = readFileSync(join(folder, flipped!));
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x01;
    writeFileSync(join(folder, flipped!), bytes);
    writeFileSync(join(folder, foreign!), readFileSync(join(folder, big[4] ?? names[0]!)));
    writeFileSync(join(folder, empty!), '');
    const { cache, stats } = counted(root, 0);
    const opened = openProject(root, { today: TODAY, recordCache: cache });
    assert.equal(stats.misses, 4, 'the four damaged entries were not used');
    const fresh = openProject(root, { today: TODAY });
    assert.deepEqual(opened.diagnostics.list, fresh.diagnostics.list);
    assert.deepEqual(snapshot(opened.graph), snapshot(fresh.graph));
  });

  it('parses the small files again when the file they share is damaged, and keeps them again', () => {
    const root = copy('examples/pku-group', 'damaged-pack');
    const first = counted(root);
    openProject(root, { recordCache: first.cache });
    const folder = recordCacheDir(root);
    assert.deepEqual(readdirSync(folder), ['small.pack'], "the example's files are all small");
    const pack = readFileSync(join(folder, 'small.pack'));
    for (const damaged of [pack.subarray(0, pack.length - 9), Buffer.concat([pack.subarray(0, 40), Buffer.from([pack[40]! ^ 4]), pack.subarray(41)])]) {
      writeFileSync(join(folder, 'small.pack'), damaged);
      const { cache, stats } = counted(root);
      const opened = openProject(root, { today: TODAY, recordCache: cache });
      assert.deepEqual(stats, { hits: 0, misses: first.stats.misses, writes: first.stats.misses });
      const fresh = openProject(root, { today: TODAY });
      assert.deepEqual(opened.diagnostics.list, fresh.diagnostics.list);
      assert.deepEqual(snapshot(opened.graph), snapshot(fresh.graph));
      const again = counted(root);
      openProject(root, { recordCache: again.cache });
      assert.equal(again.stats.hits, first.stats.misses, 'kept again whole');
    }
  });

  it('does not use a kept value that is not a file as loaded', () => {
    const text = '@article{a1, title = {T}, author = {Wu, Lei}, journal = {J}, year = {2020}}\n';
    const good = { records: [{ form: 'bibtex-kept', id: 'a1', value: { id: 'a1', title: 'T' }, paths: 'title', offsets: [10], start: 0, length: text.length - 1, at: { line: 1, column: 1 } }], prose: [], diagnostics: [] };
    assert.ok(restoreFile('publications/a.bib', text, good), 'the well-formed value is used');
    const bad: unknown[] = [
      undefined,
      null,
      'text',
      { records: 'no', prose: [], diagnostics: [] },
      { ...good, records: [{ ...good.records[0], start: text.length }] },
      { ...good, records: [{ ...good.records[0], offsets: [] }] },
      { ...good, records: [{ ...good.records[0], form: 'other' }] },
      { ...good, records: [{ form: 'yaml', kind: 'constructor', value: {}, places: null, prefix: [] }] },
      { ...good, records: [{ form: 'yaml', kind: 'person', value: {}, places: { lineOffset: 0, tree: { keys: 'x' } }, prefix: [] }] },
      { ...good, diagnostics: [{ file: 'x' }] },
      { ...good, prose: [{ file: 'other.md', person: 'p', section: 'bio', text: '', line: 1 }] },
    ];
    for (const value of bad) assert.equal(restoreFile('publications/a.bib', text, value), undefined, JSON.stringify(value));
    // An entry is found by its file's path and text: the same text in another file, or other text, has another key.
    assert.notEqual(recordKey('publications/a.bib', text), recordKey('publications/b.bib', text));
    assert.notEqual(recordKey('publications/a.bib', text), recordKey('publications/a.bib', text + ' '));
  });

  it('is used by a build with its cache, and left alone by one without (--no-cache)', async () => {
    const root = copy('examples/pku-group', 'built');
    await buildSite(root, join(dir, 'built-site-plain'), { cache: false });
    assert.equal(existsSync(recordCacheDir(root)), false, 'nothing kept without the cache');
    await buildSite(root, join(dir, 'built-site'), {});
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => RECORD_FILES.test(f.split('\\').join('/')));
    const { cache, stats } = counted(root);
    openProject(root, { recordCache: cache });
    assert.deepEqual(stats, { hits: files.length, misses: 0, writes: 0 }, 'the build kept every file of the record');
  });
});
