// A build into a fresh folder, with the build cache of an earlier build (CI keeps .vita-cache/, not the site): it can
// keep nothing, so it is a cold build, whose search index is made beside the pages rather than after them.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildProgress, type BuildSiteOptions } from '../../src/write/build.js';
import { contentsUnder as tree } from '../files.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-fresh-folder-'));
const project = join(dir, 'project');
cpSync('test/fixtures/frozen-project/2026-11-26-person', project, { recursive: true });
after(() => rmSync(dir, { recursive: true, force: true }));

/** Whether the search index grew while the pages rendered (a cold build's), from the progress told. */
async function searchBesidePages(out: string, options: BuildSiteOptions): Promise<boolean> {
  const told: BuildProgress[] = [];
  const built = await buildSite(project, out, { ...options, onProgress: (p) => told.push({ ...p }) });
  assert.equal(built.errors, 0);
  const pagesDone = told.findIndex((p) => p.phase === 'pages' && p.total > 0 && p.done === p.total);
  return told.slice(0, pagesDone).some((p) => p.phase === 'search' && p.growing === true);
}

describe('a build into a fresh folder with the last build\'s cache', () => {
  for (const renderIn of ['main', 'worker'] as const) {
    it(`is a cold one (rendering ${renderIn === 'main' ? 'in the main thread' : 'on a worker'}), and makes the same site`, async () => {
      const options: BuildSiteOptions = { baseUrl: 'https://example.org/', extras: { search: true, calendars: true }, renderIn };
      const out = join(dir, `${renderIn}-site`);
      assert.ok(await searchBesidePages(out, options), 'the first build is cold');
      const first = tree(out);
      // The same folder, deleted (the cache's state is that of a build into it).
      rmSync(out, { recursive: true });
      assert.ok(await searchBesidePages(out, options), 'the build into the folder made anew is cold too');
      assert.deepEqual(tree(out), first);
      // Into the folder it built: a rebuild, which keeps its files.
      const again = await buildSite(project, out, options);
      assert.ok(again.kept > 0, `kept ${again.kept}`);
    });
  }
});
