// metrics/citations.yaml in `vita dev`: an edit of the counts alone is a change, read again; no edit, no reading.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { loadProject, newLoadCache } from '../../src/load/project.js';
import { newValidateCache, validateProject } from '../../src/validate/index.js';

const counts = (n: number) => `# Citation counts, written by \`vita metrics\`\npublications:\n  wu2018ritz:\n    count: ${n}\n    source: OpenAlex\n    asOf: 2026-12-01\n`;

describe('metrics/citations.yaml, loaded again', () => {
  it('is read again when it changes, and then counts as a changed file', () => {
    const root = mkdtempSync(join(tmpdir(), 'vita-metrics-load-'));
    cpSync('test/fixtures/metrics/project', root, { recursive: true });
    mkdirSync(join(root, 'metrics'));
    const file = join(root, 'metrics/citations.yaml');
    writeFileSync(file, counts(5));
    const cache = newLoadCache();
    const validate = newValidateCache();
    const open = (changed?: string[]) => {
      const d = new Diagnostics();
      const loaded = loadProject(root, d, { cache, changed });
      return validateProject(loaded, d, { cache: validate }).metrics?.citations.get('wu2018ritz')?.count;
    };
    assert.equal(open(), 5);
    assert.equal(open(['publications/papers.yaml']), 5);
    assert.deepEqual(cache.changed, []);
    writeFileSync(file, counts(7));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(open(['metrics/citations.yaml']), 7);
    assert.deepEqual(cache.changed, ['metrics/citations.yaml']);
  });
});
