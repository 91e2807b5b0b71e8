/**
 * The build's state as written by the main thread from the bytes the worker moved to it (write/build-cache.ts): the
 * worker's JSON, then the size and date of each output it did not know them of, then the search index's shards.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeBuildState, readBuildState, writeBuildState, type BuildState } from '../../src/write/build-cache.js';

describe('the build state', () => {
  let dir: string;
  let cache: string;
  let out: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vita-build-state-'));
    cache = join(dir, 'cache');
    out = join(dir, 'site');
    mkdirSync(join(out, 'b'), { recursive: true });
    writeFileSync(join(out, 'b', 'index.html'), 'made now');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const state = (): BuildState => ({
    format: 0,
    key: 'k',
    facts: [['pub:a', 'v1']],
    outputs: {
      // Kept from the last build: its size and date as found then.
      'a/index.html': { reads: [0], size: 3, mtime: 1000 },
      // Rendered now: its size and date are the main thread's, once written.
      'b/index.html': { reads: [0], page: true },
      // Rendered, but gone from the disk before the end (removed meanwhile): left out.
      'c/index.html': { reads: [] },
    },
  });

  it('holds the worker\'s outputs, the sizes and dates of those it rendered as on disk, and the shards', () => {
    const encoded = encodeBuildState(state());
    assert.deepEqual(encoded.unsized, ['b/index.html', 'c/index.html']);
    assert.ok(encoded.parts.every((part) => part.byteOffset === 0 && part.byteLength === part.buffer.byteLength), 'each piece its own buffer, to be moved');
    writeBuildState(cache, out, encoded, [{ digest: 'd', files: ['pagefind/x'] }]);
    const read = readBuildState(cache, 'k');
    assert.ok(read);
    const st = statSync(join(out, 'b', 'index.html'));
    assert.deepEqual(read.outputs, {
      'a/index.html': { reads: [0], size: 3, mtime: 1000 },
      'b/index.html': { reads: [0], page: true, size: st.size, mtime: st.mtimeMs },
    });
    assert.deepEqual(read.searchShards, [{ digest: 'd', files: ['pagefind/x'] }]);
    assert.equal('disk' in read, false);
    assert.equal(readBuildState(cache, 'another key'), undefined);
  });

  it('reads back as it was when its JSON comes in several pieces (a department\'s)', () => {
    const big: BuildState = { format: 0, key: 'big', facts: [], outputs: {} };
    for (let i = 0; i < 25_001; i++) {
      big.facts.push([`pub:p${i}`, `v${i}`]);
      big.outputs[`p${i}/index.html`] = { reads: [i], size: i, mtime: i };
    }
    const encoded = encodeBuildState(big);
    assert.ok(encoded.parts.length > 4);
    writeBuildState(join(dir, 'big'), out, encoded, undefined);
    const read = readBuildState(join(dir, 'big'), 'big');
    assert.ok(read);
    assert.deepEqual({ ...read, format: 0 }, big);
  });

  it('is not trusted when its sizes name an output it does not hold, or are not numbers', () => {
    const text = readFileSync(join(cache, 'state.json'), 'utf8');
    for (const disk of ['{"z/index.html":[1,2]}', '{"b/index.html":"big"}', '[]']) {
      writeFileSync(join(cache, 'state.json'), text.replace(/"disk":\{[^}]*\}/, `"disk":${disk}`));
      assert.equal(readBuildState(cache, 'k'), undefined, disk);
    }
  });

  it('is forgotten rather than written when the worker\'s bytes are no JSON object', () => {
    writeBuildState(cache, out, { parts: [new TextEncoder().encode('[1')], unsized: [] }, undefined);
    assert.equal(existsSync(join(cache, 'state.json')), false);
  });
});
