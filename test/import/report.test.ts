// The report and the write: a source that gives nothing, or is read as the wrong kind, is an error; a dry run says it
// would stop; a failed write leaves nothing behind; a note said many times is shown once with its count and places.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { collapseRepeats, exitStatus, formatReport } from '../../src/import/report.js';
import { applyPlan } from '../../src/import/write.js';
import { FIXTURES, run, tempDir } from './helpers.ts';

describe('import report: nothing read is an error', () => {
  it('a .bib with no entry stops the import, and nothing is written', async () => {
    const src = tempDir();
    writeFileSync(join(src, 'empty.bib'), '@comment{nothing here}\n% just a comment\n');
    const into = join(tempDir(), 'site');
    const result = await run(join(src, 'empty.bib'), into);
    assert.equal(exitStatus(result), 1);
    assert.ok(result.diagnostics.some((d) => d.code === 'import/nothing-read' && d.severity === 'error'));
    assert.equal(result.aborted, true);
    assert.equal(existsSync(into), false, 'not even vita.yaml');
    assert.doesNotMatch(formatReport(result), /nothing to report/);
  });

  it('a --kind that does not match the source is an error naming the kind it looks like', async () => {
    const into = join(tempDir(), 'site');
    const result = await run(`${FIXTURES}/jemdoc-site`, into, { kind: 'al-folio' });
    const error = result.diagnostics.find((d) => d.code === 'import/nothing-read')!;
    assert.match(error.message, /not al-folio \(it looks like jemdoc/);
    assert.match(error.hint!, /--kind jemdoc/);
    assert.equal(existsSync(into), false);
  });

  it('a dry run of an import that would stop says so', async () => {
    const into = join(tempDir(), 'site');
    const result = await run(`${FIXTURES}/jemdoc-site`, into, { kind: 'hugo-blox', dryRun: true });
    assert.equal(result.aborted, true);
    const report = formatReport(result);
    assert.match(report, /would not be imported/);
    assert.match(report, /Dry run: the import would stop at the errors above and write nothing/);
    assert.doesNotMatch(report, /Files it would write/);
  });
});

describe('import write: all or nothing', () => {
  it('a file that cannot be written takes back the ones written before it', () => {
    const root = tempDir();
    writeFileSync(join(root, 'blocker'), 'a file where a folder is needed');
    const plan = {
      files: [
        { path: 'people/ana.yaml', content: 'name: Ana\n', what: 'person' },
        { path: 'news/2024-01-a.md', content: '---\ndate: 2024-01-01\n---\nA\n', what: 'news' },
        { path: 'blocker/b.yaml', content: 'x', what: 'test' },
      ],
      notes: [],
      counts: { publications: 0, people: 0, news: 0, talks: 0, teaching: 0, events: 0, pages: 0 },
    };
    assert.throws(() => applyPlan(root, plan));
    assert.deepEqual(readdirSync(root), ['blocker'], 'no file and no folder left behind');
  });

  it('a file it owns (under imports/) is put back as it was', () => {
    const root = tempDir();
    mkdirSync(join(root, 'imports/x'), { recursive: true });
    writeFileSync(join(root, 'imports/x/a.yaml'), 'before');
    writeFileSync(join(root, 'blocker'), '');
    const plan = {
      files: [
        { path: 'imports/x/a.yaml', content: 'after', what: 'test', own: true },
        { path: 'blocker/b.yaml', content: 'x', what: 'test' },
      ],
      notes: [],
      counts: { publications: 0, people: 0, news: 0, talks: 0, teaching: 0, events: 0, pages: 0 },
    };
    assert.throws(() => applyPlan(root, plan));
    assert.equal(readFileSync(join(root, 'imports/x/a.yaml'), 'utf8'), 'before');
    assert.deepEqual(readdirSync(join(root, 'imports/x')), ['a.yaml'], 'no staged file left');
  });
});

describe('import report: repeated notes', () => {
  it('shows a note said many times once, with its count and first places; a few stay as they are', () => {
    const many: Diagnostic[] = Array.from({ length: 40 }, (_, i) => ({ file: 'papers.bib', line: 10 + i, severity: 'warning', code: 'import/escaped-ampersand', message: `"Paper ${i}" has a bare & in its title` }));
    const few: Diagnostic[] = [1, 2].map((i) => ({ file: 'cv.md', line: i, severity: 'info', code: 'import/not-carried', message: `the section "S${i}" was not imported` }));
    const shown = collapseRepeats([...many, ...few]);
    assert.equal(shown.length, 3);
    assert.match(shown[0]!.message, /40 times; first at papers\.bib:10, papers\.bib:11, papers\.bib:12/);
    assert.deepEqual(shown.slice(1), few);
  });
});
