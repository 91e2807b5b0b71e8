// `runImport`: the report on stdout, the exit status, --dry-run writing nothing, --kind overriding detection.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runImport } from '../../src/cli/import.js';
import { capture, FIXTURES, tempDir } from './helpers.ts';


describe('vita import (runImport)', () => {
  it('--dry-run prints the plan and writes nothing', async () => {
    const into = join(tempDir(), 'site');
    const { code, out } = await capture(() => runImport(`${FIXTURES}/markdown-cv/cv.md`, { into, dryRun: true }));
    assert.equal(code, 0);
    assert.match(out, /would import into/);
    assert.match(out, /\+ people\/nadia-haddad\.yaml/);
    assert.match(out, /Dry run: nothing was written\./);
    assert.equal(existsSync(into), false);
  });

  it('imports and reports counts per kind', async () => {
    const into = tempDir();
    const { code, out } = await capture(() => runImport(`${FIXTURES}/hugo-blox`, { into }));
    assert.equal(code, 0);
    assert.match(out, /publications {2}3 new/);
    assert.match(out, /talks {9}1 new/);
    assert.ok(existsSync(join(into, 'vita.yaml')));
  });

  it('exits 1 with a diagnostic for a source it cannot read, never a stack', async () => {
    const { code, out } = await capture(() => runImport(`${FIXTURES}/does-not-exist.bib`, { into: tempDir() }));
    assert.equal(code, 1);
    assert.match(out, /error: the source ".*does-not-exist\.bib" does not exist \[import\/cannot-import\]/);
    const unknown = await capture(() => runImport('package.json', { into: tempDir() }));
    assert.equal(unknown.code, 1);
    assert.match(unknown.out, /cannot tell what kind of source/);
    assert.match(unknown.out, /--kind/);
  });

  it('--kind reads a file as the kind given', async () => {
    const { code, out } = await capture(() => runImport(`${FIXTURES}/jemdoc/publications.jemdoc`, { into: tempDir(), kind: 'jemdoc', dryRun: true }));
    assert.equal(code, 0);
    assert.match(out, /\(jemdoc\) would import/);
  });
});
