// The response cache online sources will use: kept in the project (imports/cache/), so an import repeats offline.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CACHE_FOLDER, FileCache } from '../../src/import/cache.js';
import { applyPlan } from '../../src/import/write.js';
import { tempDir } from './helpers.ts';

describe('import cache and writing', () => {
  it('stores responses under imports/cache/<source>/ and reads them back', () => {
    const root = tempDir();
    const cache = new FileCache(root, 'crossref');
    assert.equal(cache.get('https://api.crossref.org/works/10.5555/x'), undefined);
    cache.put('https://api.crossref.org/works/10.5555/x', '{"title":"X"}');
    assert.equal(new FileCache(root, 'crossref').get('https://api.crossref.org/works/10.5555/x'), '{"title":"X"}');
    const files = readdirSync(join(root, CACHE_FOLDER, 'crossref'));
    assert.equal(files.length, 1);
    assert.match(files[0]!, /^api\.crossref\.org_works_10\.5555_x-[0-9a-f]{16}\.json$/);
  });

  it('a dry run keeps responses in memory only', () => {
    const root = tempDir();
    const cache = new FileCache(root, 'dblp', false);
    cache.put('k', 'v');
    assert.equal(cache.get('k'), 'v');
    assert.equal(existsSync(join(root, CACHE_FOLDER)), false);
  });

  it('never writes outside the project, never overwrites a file it does not own', () => {
    const root = tempDir();
    const plan = (path: string, own = false) => ({ files: [{ path, content: 'x', what: 'test', own }], notes: [], counts: { publications: 0, people: 0, news: 0, talks: 0, teaching: 0, events: 0, pages: 0 } });
    assert.throws(() => applyPlan(root, plan('../escape.txt')), /outside the project/);
    applyPlan(root, plan('people/a.yaml'));
    const again = applyPlan(root, plan('people/a.yaml'));
    assert.deepEqual([again.written, again.unchanged], [[], ['people/a.yaml']]);
    assert.throws(() => applyPlan(root, { ...plan('people/a.yaml'), files: [{ path: 'people/a.yaml', content: 'changed', what: 'test' }] }), /refusing to overwrite/);
    assert.deepEqual(applyPlan(root, { ...plan('imports/x/a.yaml', true) }).written, ['imports/x/a.yaml']);
    assert.deepEqual(applyPlan(root, { ...plan('imports/x/a.yaml', true), files: [{ path: 'imports/x/a.yaml', content: 'new', what: 'test', own: true }] }).written, ['imports/x/a.yaml']);
  });
});
