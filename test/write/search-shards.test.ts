// The search index in shards (VITA_SEARCH_SHARD_SIZE splits the small example as a department is split): each shard
// is a bundle of its own, a rebuild runs Pagefind only for the shards whose records changed, and the site is then
// byte for byte the one a cold build makes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildSiteOptions, type SiteBuild } from '../../src/write/build.js';
import { ShardedSearch, shardsInTurn } from '../../src/write/search-shards.js';
import { SearchIndexer } from '../../src/render/site/search-index.js';
import { SiteWriter } from '../../src/write/index.js';
import { contentsUnder } from '../files.js';
import { assertSameTree, coldBuild } from '../cold-build.js';
import { projectEdits } from '../project-edits.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-shards-'));
const project = join(dir, 'project');
const site = join(dir, 'site');
// On a worker, as a department's build (whose index has shards) always is.
const options: BuildSiteOptions = { now: new Date('2026-03-01T00:00:00Z'), extras: { search: true }, renderIn: 'worker' };
const edits = projectEdits(project);
/** About 150 records in shards of at most 10. */
const SIZE = 10;
const was = process.env.VITA_SEARCH_SHARD_SIZE;
after(() => {
  if (was === undefined) delete process.env.VITA_SEARCH_SHARD_SIZE;
  else process.env.VITA_SEARCH_SHARD_SIZE = was;
  rmSync(dir, { recursive: true, force: true });
});

async function build(out = site, cache = true): Promise<SiteBuild> {
  const built = await buildSite(project, out, { ...options, cache });
  assert.equal(built.errors, 0);
  return built;
}

/** The shard folders (pagefind/, pagefind-3/ ...) with a file that differs between two trees. */
function shardsDiffering(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => p.startsWith('pagefind') && p !== 'pagefind/vita-shards.json' && a.get(p) !== b.get(p));
  return [...new Set(paths.map((p) => p.split('/')[0]!))].sort();
}

describe('the search index in shards', () => {
  let shards = 0;
  before(async () => {
    process.env.VITA_SEARCH_SHARD_SIZE = String(SIZE);
    cpSync('examples/pku-group', project, { recursive: true, filter: (src) => !src.includes('_site') && !src.includes('.vita-cache') });
    const first = await build();
    shards = (JSON.parse(readFileSync(join(site, 'pagefind/vita-shards.json'), 'utf8')) as { shards: number }).shards;
    assert.ok(shards >= 10, `shards: ${shards}`);
    assert.deepEqual(first.searchShards, { indexed: shards, kept: 0 }, 'a cold build indexes every shard');
  });

  it('writes a bundle per shard, each with its part of the records, and says how many there are', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(site, 'pagefind/vita-shards.json'), 'utf8')), { shards });
    for (let k = 1; k < shards; k++) assert.ok(existsSync(join(site, `pagefind-${k}`, 'pagefind-entry.json')), `pagefind-${k}/`);
    assert.ok(!existsSync(join(site, `pagefind-${shards}`)));
    const manifest = readFileSync(join(site, '.vita-manifest.json'), 'utf8');
    assert.ok(manifest.includes(`pagefind-${shards - 1}/pagefind-entry.json`), 'the manifest lists the shards\' files');
  });

  it('runs Pagefind for no shard when nothing changed', async () => {
    const built = await build();
    assert.deepEqual(built.searchShards, { indexed: 0, kept: shards });
    assert.equal(built.written, 0);
  });

  it('after a title is edited, runs Pagefind only for the shards whose records show it, and matches a cold build', async () => {
    const before = contentsUnder(site);
    edits.edit('publications/conferences.bib', (t) => t.replace('Functional Scaling Laws in Kernel Regression', 'Functional Scaling Laws Revisited'));
    const built = await build();
    const after = contentsUnder(site);
    const touched = shardsDiffering(before, after);
    assert.ok(touched.length > 0 && touched.length < shards, touched.join(' '));
    assert.deepEqual(built.searchShards, { indexed: touched.length, kept: shards - touched.length }, touched.join(' '));
    assertSameTree(after, await coldBuild(project, join(dir, 'cold'), options));
  });

  it('a small site keeps one index where it always was, with no shard folders', async () => {
    delete process.env.VITA_SEARCH_SHARD_SIZE;
    const out = join(dir, 'one');
    const built = await build(out, false);
    assert.deepEqual(built.searchShards, { indexed: 1, kept: 0 });
    assert.ok(existsSync(join(out, 'pagefind/pagefind-entry.json')) && !existsSync(join(out, 'pagefind-1')));
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'pagefind/vita-shards.json'), 'utf8')), { shards: 1 });
    process.env.VITA_SEARCH_SHARD_SIZE = String(SIZE);
  });
});

describe('the order in which the files are taken', () => {
  // Eight files over three shards: 0 1 2 0 1 2 1 1.
  const shardOfJob = [0, 1, 2, 0, 1, 2, 1, 1];

  it('is shard after shard, in the plan\'s order within each', () => {
    assert.deepEqual(shardsInTurn(shardOfJob, 3), { sequence: [0, 1, 2], order: [0, 3, 1, 4, 6, 7, 2, 5] });
  });

  it('on a rebuild, takes first the shards with a file likely to be rendered again, so that Pagefind starts on them early', () => {
    const again = [false, false, false, false, false, true, false, false];
    assert.deepEqual(shardsInTurn(shardOfJob, 3, again), { sequence: [2, 0, 1], order: [2, 5, 0, 3, 1, 4, 6, 7] });
    const none = again.map(() => false);
    assert.deepEqual(shardsInTurn(shardOfJob, 3, none).sequence, [0, 1, 2], 'nothing to render: the usual order');
  });

  it('refuses a record that comes after every worker has passed its shard, rather than leave it out of the index', async () => {
    const search = new ShardedSearch(new SearchIndexer(), new SiteWriter(join(dir, 'late-site'), { projectRoot: dir }), 1, undefined);
    // A rebuild with no shards of the last build: passing a shard indexes nothing yet (no Pagefind here).
    search.plan(2, true);
    search.add(0, [{ index: 0, url: '/a/', hash: 'h' }]);
    search.passed(0);
    assert.throws(() => search.add(0, [{ index: 1, url: '/b/', hash: 'h' }]), /shard 0 came after every worker had passed it \(\/b\/\)/);
    search.add(1, [{ index: 2, url: '/c/', hash: 'h' }]);
    await search.closeAll();
  });

  it('keeps the plan\'s order with one shard', () => {
    assert.deepEqual(shardsInTurn([0, 0, 0], 1, [false, true, false]), { sequence: [0], order: [0, 1, 2] });
  });
});
