// What the fuzz tests found, kept as fixtures (test/fixtures/fuzz/): each one gives located errors, never a throw.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importSource } from '../../src/import/index.js';

const FIXTURES = 'test/fixtures/fuzz';

describe('fuzz findings', () => {
  it('a RenderCV file without cv.name: the error is at `cv:`', async () => {
    const into = mkdtempSync(join(tmpdir(), 'vita-fuzz-regression-'));
    try {
      const result = await importSource(join(FIXTURES, 'rendercv-no-name/cv.yaml'), { into, kind: 'rendercv', dryRun: true });
      const error = result.diagnostics.find((d) => d.code === 'import/no-name');
      assert.ok(error, 'reported');
      assert.deepEqual([error.file, error.line, error.column], ['cv.yaml', 1, 1]);
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  });
});
