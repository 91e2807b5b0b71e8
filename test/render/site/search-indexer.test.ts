import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SearchIndexer } from '../../../src/render/site/search-index.js';

it('a search index asked for its bundle twice (a build starts it early) makes it once and gives it to both', async () => {
  const indexer = new SearchIndexer();
  indexer.add({ url: '/people/ada/', content: '<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Ada Lovelace</h1><p>Notes on the analytical engine.</p></main></body></html>' });
  const early = indexer.finish();
  const [first, again] = await Promise.all([early, indexer.finish()]);
  assert.equal(first.problem, undefined);
  assert.equal(first.pages, 1);
  assert.ok(first.files.some((f) => f.path === 'pagefind/pagefind-entry.json'));
  assert.equal(again, first);
  await indexer.close();
});
