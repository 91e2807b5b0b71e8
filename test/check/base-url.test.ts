// A site address written without its scheme ("ada.example.io/lab/", as Jekyll configs often have it) is a path to
// a browser: vita check says so where it is written.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openProject } from '../../src/index.js';

describe('vita check: the site address', () => {
  it('warns on a baseUrl without a scheme, at its line, with the fixed address as the hint', () => {
    const { diagnostics } = openProject(join('test', 'fixtures', 'check', 'base-url'), { today: new Date('2026-11-01') });
    const found = diagnostics.list.filter((d) => d.code === 'validate/base-url-scheme');
    assert.deepEqual(found.map((d) => `${d.file}:${d.line} ${d.severity}`), ['vita.yaml:3 warning']);
    assert.match(found[0]!.hint!, /https:\/\/ada\.example\.io\/lab\//);
  });
});
