// buildSite in the main thread (a small record) makes the same site, and fails the same way, as on a worker thread.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, SMALL_RECORD_BYTES, type BuildSiteOptions, type SiteBuild } from '../../src/write/build.js';
import { recordOver } from '../../src/load/files.js';
import { MANIFEST } from '../../src/write/index.js';
import { contentsUnder as tree } from '../files.js';

const FIXTURE = 'test/fixtures/frozen-project/2026-11-26-person';
const dir = mkdtempSync(join(tmpdir(), 'vita-build-in-main-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh copy of the one-person fixture (each build its own, so that no cache is shared), edited by `edit`. */
function project(name: string, edit?: (root: string) => void): string {
  const root = join(dir, name);
  cpSync(FIXTURE, root, { recursive: true, filter: (src) => !src.includes('.vita-cache') });
  edit?.(root);
  return root;
}

/** What a build reports, but for where it rendered; the files it changed as a set (a PDF is written when typeset). */
function report(b: SiteBuild): Omit<SiteBuild, 'renderedIn'> {
  const { renderedIn: _, ...rest } = b;
  return rest.write ? { ...rest, write: { ...rest.write, changed: [...rest.write.changed].sort() } } : rest;
}

/** The same project built both ways, each from a copy of its own; the result of each, or its error. */
async function bothWays(name: string, options: BuildSiteOptions, edit?: (root: string) => void, before?: (root: string, out: string) => Promise<void>) {
  const ways = {} as Record<'main' | 'worker', { root: string; out: string; built?: SiteBuild; error?: Error }>;
  for (const renderIn of ['worker', 'main'] as const) {
    const root = project(`${name}-${renderIn}`, edit);
    const out = join(dir, `${name}-${renderIn}-site`);
    await before?.(root, out);
    try {
      ways[renderIn] = { root, out, built: await buildSite(root, out, { ...options, renderIn }) };
    } catch (error) {
      ways[renderIn] = { root, out, error: error as Error };
    }
  }
  return ways;
}

describe('buildSite in the main thread', () => {
  it('is where a small record is built by default, and a large one on a worker', async () => {
    const root = project('default');
    assert.equal(recordOver(root, SMALL_RECORD_BYTES), false);
    assert.equal(recordOver(root, 1000), true);
    const built = await buildSite(root, join(dir, 'default-site'), { baseUrl: 'https://example.org/' });
    assert.equal(built.renderedIn, 'main');
    // Past the bound: a file of the project as large as it.
    const large = project('large', (r) => writeFileSync(join(r, 'notes.txt'), 'x'.repeat(SMALL_RECORD_BYTES + 1)));
    assert.equal(recordOver(large, SMALL_RECORD_BYTES), true);
    assert.equal((await buildSite(large, join(dir, 'large-site'), { baseUrl: 'https://example.org/', extras: {} })).renderedIn, 'worker');
  });

  it('is not where a record with a theme\'s code is built: a component that ends its thread would end vita unsaid', () => {
    const root = project('theme-exit', (r) => {
      mkdirSync(join(r, 'theme'));
      writeFileSync(join(r, 'theme/components.mjs'), 'export function footer() {\n  process.exit(0);\n}\n');
    });
    assert.equal(recordOver(root, SMALL_RECORD_BYTES), false);
    const out = join(dir, 'theme-exit-site');
    // In its own process: in the main thread, the component would end this one too, with status 0.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'build', root, '--out', out, '--no-pdf', '--no-search'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.notEqual(run.status, 0, `vita build said nothing of it: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, /stopped/);
    assert.throws(() => readFileSync(join(out, MANIFEST)), 'nothing written');
  });

  it('counts the record\'s files only: not a site vita built inside the project, nor hidden folders', () => {
    const root = project('inside', (r) => {
      for (const folder of ['site', '.vita-cache']) {
        mkdirSync(join(r, folder));
        writeFileSync(join(r, folder, 'big.bin'), 'x'.repeat(SMALL_RECORD_BYTES + 1));
      }
      writeFileSync(join(r, 'site', MANIFEST), '{"version":1,"files":{}}');
    });
    assert.equal(recordOver(root, SMALL_RECORD_BYTES), false);
    rmSync(join(root, 'site', MANIFEST));
    assert.equal(recordOver(root, SMALL_RECORD_BYTES), true);
  });

  it('writes the same bytes as a worker, with calendars, CV PDFs and search, and says the same', async () => {
    // A talk, for a calendar (people/<id>/talks.ics) among the files that are no pages.
    const talk = (root: string) => writeFileSync(join(root, 'people/ada-lovelace.yaml'), readFileSync(join(root, 'people/ada-lovelace.yaml'), 'utf8') + '\ntalks:\n  - title: On the Analytical Engine\n    event: A seminar\n    date: 2025-03-04\n');
    const ways = await bothWays('full', { baseUrl: 'https://example.org/', extras: { calendars: true, cv: true, search: true } }, talk);
    assert.equal(ways.worker.error, undefined, ways.worker.error?.stack);
    assert.equal(ways.main.error, undefined, ways.main.error?.stack);
    assert.equal(ways.worker.built!.renderedIn, 'worker');
    assert.equal(ways.main.built!.renderedIn, 'main');
    const one = tree(ways.worker.out);
    const two = tree(ways.main.out);
    assert.ok([...one.keys()].some((p) => p.endsWith('.pdf')) && [...one.keys()].some((p) => p.startsWith('pagefind/')) && [...one.keys()].some((p) => p.endsWith('.ics')), 'PDFs, search and calendars are made');
    assert.deepEqual([...two.keys()], [...one.keys()]);
    for (const [path, content] of one) assert.ok(two.get(path) === content, `${path} differs`);
    assert.deepEqual(report(ways.main.built!), report(ways.worker.built!));
  });

  it('rebuilds after an edited title as a worker does: the same pages rendered again, the same bytes', async () => {
    const options: BuildSiteOptions = { baseUrl: 'https://example.org/', extras: { calendars: true, cv: true, search: true } };
    // Built once on a worker (the last build's state is the same either way), then a title edited.
    const first = async (root: string, out: string) => {
      await buildSite(root, out, { ...options, renderIn: 'worker' });
      const bib = join(root, 'publications/papers.bib');
      writeFileSync(bib, readFileSync(bib, 'utf8').replace('An Example Journal Article', 'An Edited Journal Article'));
    };
    const ways = await bothWays('rebuild', options, undefined, first);
    assert.equal(ways.main.error, undefined, ways.main.error?.stack);
    const main = ways.main.built!;
    assert.ok(main.kept > 0 && main.rendered > 0, `kept ${main.kept}, rendered ${main.rendered}`);
    assert.deepEqual(report(main), report(ways.worker.built!));
    assert.deepEqual(tree(ways.main.out), tree(ways.worker.out));
    assert.match(readFileSync(join(ways.main.out, 'people/ada-lovelace/publications/index.html'), 'utf8'), /An Edited Journal Article/);
  });

  it('reports a record\'s errors the same way, and writes nothing', async () => {
    const ways = await bothWays('broken', {}, (root) => writeFileSync(join(root, 'vita.yaml'), readFileSync(join(root, 'vita.yaml'), 'utf8') + '\nlanguages: [\n'));
    assert.ok(ways.main.built!.errors > 0);
    assert.deepEqual(report(ways.main.built!), report(ways.worker.built!));
    assert.throws(() => readFileSync(join(ways.main.out, MANIFEST)));
  });

  it('reports a theme component that throws the same way', async () => {
    const theme = (root: string) => {
      mkdirSync(join(root, 'theme'));
      writeFileSync(join(root, 'theme/components.mjs'), 'export function footer() {\n  throw new Error("no footer today");\n}\n');
    };
    const ways = await bothWays('theme', { extras: {} }, theme);
    const codes = ways.main.built!.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('theme/component-failed'), codes.join(' '));
    assert.deepEqual(report(ways.main.built!), report(ways.worker.built!));
    assert.deepEqual(tree(ways.main.out), tree(ways.worker.out));
  });

  it('fails a write as a worker\'s build does (a file vita did not write is in the way), and leaves the output as it was', async () => {
    // A site built once, then a page of it that the manifest no longer lists, with other bytes: the next build refuses to replace it.
    const inTheWay = async (root: string, out: string) => {
      await buildSite(root, out, { extras: {}, cache: false });
      const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: Record<string, string> };
      delete manifest.files['news/index.html'];
      writeFileSync(join(out, MANIFEST), JSON.stringify(manifest));
      writeFileSync(join(out, 'news/index.html'), 'mine');
      writeFileSync(join(root, 'vita.yaml'), readFileSync(join(root, 'vita.yaml'), 'utf8').replace(/^title: .*$/m, 'title: Another title'));
    };
    const ways = await bothWays('in-the-way', { extras: {}, cache: false }, undefined, inTheWay);
    assert.match(ways.worker.error?.message ?? '', /refusing to replace "news\/index\.html"/);
    assert.equal(ways.main.error?.message.replace(ways.main.out, 'OUT'), ways.worker.error?.message.replace(ways.worker.out, 'OUT'));
    assert.equal(ways.main.error?.constructor, ways.worker.error?.constructor);
    assert.equal(readFileSync(join(ways.main.out, 'news/index.html'), 'utf8'), 'mine');
    assert.doesNotMatch(readFileSync(join(ways.main.out, 'index.html'), 'utf8'), /Another title/);
  });
});
