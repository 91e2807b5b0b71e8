/**
 * The bad-input suite of `vita check`: each folder of test/fixtures/check/ is a small broken project with the report
 * it must produce (expected.txt, the text report; expected.json, the JSON one). `UPDATE=1 npm test` rewrites them after
 * an intended change; read the diff as a researcher would before committing it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '../../src/diagnostics/catalogue.js';
import { formatJson, formatText, openProject, type Diagnostic } from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'test', 'fixtures', 'check');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
/** Fixed, so that "stale" findings never depend on the day the tests run. */
const TODAY = new Date('2026-06-01');
const UPDATE = process.env.UPDATE === '1';

/** Codes about a whole file or the whole project: the only ones allowed without a line. */
const WHOLE_FILE = new Set(['load/no-project', 'load/no-config', 'load/unreadable', 'load/not-text', 'load/not-utf8', 'check/unknown-file']);

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function check(dir: string): Diagnostic[] {
  // openProject must not throw, whatever the input: a bad record is a diagnostic, never an exception.
  // The expected reports beside each fixture are the suite's, not the fixture project's: vita rightly reports them.
  return openProject(dir, { today: TODAY }).diagnostics.list.filter((d) => !(d.code === 'check/unknown-file' && /^expected\.(txt|json)$/.test(d.file)));
}

function assertWellFormed(name: string, list: readonly Diagnostic[]): void {
  assert.ok(
    list.some((d) => d.severity === 'error' || d.severity === 'warning'),
    `${name} reports no error or warning: the fixture is broken, or the check it tests no longer fires`,
  );
  for (const d of list) {
    const where = `${name}: ${d.file}:${d.line ?? '?'} [${d.code}] ${d.message}`;
    assert.ok(d.code in CATALOGUE, `${where}: the code is not in src/diagnostics/catalogue.ts`);
    assert.equal(d.severity, CATALOGUE[d.code]!.severity, `${where}: the severity differs from the catalogue's`);
    assert.ok(d.message.trim(), `${where}: no message`);
    if (d.line !== undefined) {
      assert.ok(!new RegExp(String.raw`\bline ${d.line}\b|:${d.line}:`).test(d.message), `${where}: the message repeats the position (the formatter adds it)`);
    }
    assert.doesNotMatch(d.message, /(^|: )Invalid |expected \w+, received/, `${where}: a raw zod message reached the user`);
    if (WHOLE_FILE.has(d.code)) continue;
    assert.ok(d.file, `${where}: no file`);
    assert.ok(Number.isInteger(d.line) && d.line! >= 1, `${where}: no line`);
    assert.ok(Number.isInteger(d.column) && d.column! >= 1, `${where}: no column`);
  }
}

for (const name of cases) {
  test(`check fixture: ${name}`, () => {
    const dir = join(FIXTURES, name);
    const list = check(dir);
    const text = formatText(list);
    const json = formatJson(list);
    const textFile = join(dir, 'expected.txt');
    const jsonFile = join(dir, 'expected.json');
    if (UPDATE) {
      writeFileSync(textFile, text);
      writeFileSync(jsonFile, json);
    }
    assertWellFormed(name, list);
    assert.ok(existsSync(textFile), `${name} has no expected.txt: run UPDATE=1 npm test and read the report`);
    assert.equal(text, readFileSync(textFile, 'utf8'), `${name}: the text report changed (UPDATE=1 npm test rewrites it)`);
    assert.equal(json, readFileSync(jsonFile, 'utf8'), `${name}: the JSON report changed (UPDATE=1 npm test rewrites it)`);
  });
}

test('there are enough fixtures', () => {
  assert.ok(cases.length >= 30, `only ${cases.length} fixtures`);
});

test('a folder that does not exist is a diagnostic, not an exception', () => {
  const list = check(join(tmpdir(), 'vita-no-such-project-8c1f'));
  assert.deepEqual(
    list.map((d) => [d.code, d.severity]),
    [['load/no-project', 'error']],
  );
});

test('a file given as the project is a diagnostic, not an exception', () => {
  const list = check(join(FIXTURES, 'venue-year', 'vita.yaml'));
  assert.deepEqual(
    list.map((d) => d.code),
    ['load/no-project'],
  );
});

test('a 10 MB BibTeX file: every entry read, the broken one reported at its line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vita-big-bib-'));
  try {
    writeFileSync(join(dir, 'vita.yaml'), 'title: A large bibliography\n');
    const { text, brokenLine, entries } = largeBibtex(10 * 1024 * 1024);
    mkdirSync(join(dir, 'publications'));
    writeFileSync(join(dir, 'publications', 'big.bib'), text);
    const started = Date.now();
    const { graph, diagnostics } = openProject(dir, { today: TODAY });
    const seconds = (Date.now() - started) / 1000;
    const problems = diagnostics.list.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
    assert.deepEqual(problems.length, 1, problems.slice(0, 10).join('\n'));
    const [broken] = diagnostics.list;
    assert.equal(broken!.file, 'publications/big.bib');
    assert.equal(broken!.code, 'load/bibtex-syntax');
    // At the end of the value that lacks its comma, or at the field after it where the reader got lost.
    assert.ok(broken!.line === brokenLine || broken!.line === brokenLine + 1, `expected line ${brokenLine} or ${brokenLine + 1}: ${problems[0]}`);
    if (process.env.SHOW) console.log(problems[0], `(${seconds} s)`);
    assert.equal(graph.publications.size, entries, 'every valid entry is read');
    assert.ok(seconds < 60, `reading 10 MB of BibTeX took ${seconds} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** About `bytes` of valid BibTeX, with one entry near the end missing the comma between two fields. */
function largeBibtex(bytes: number): { text: string; brokenLine: number; entries: number } {
  const parts: string[] = [];
  let size = 0;
  let line = 1;
  let entries = 0;
  let brokenLine = 0;
  const topics = ['Sharpness', 'Implicit Bias', 'Scaling Laws', 'Kernel Methods', 'Transformers', 'Optimization', 'Generalization'];
  for (let i = 0; size < bytes; i++) {
    const broken = brokenLine === 0 && size > bytes * 0.97;
    const fields = [
      `  title     = {${topics[i % topics.length]} in Deep Learning, Part ${i}},`,
      `  author    = {Wu, Lei and Wang, Mingze and Author${i}, Some and E, Weinan},`,
      `  booktitle = {Proceedings of the ${1 + (i % 40)}th International Conference on Machine Learning},`,
      `  year      = {${1990 + (i % 35)}},`,
      `  pages     = {${i}--${i + 12}},`,
      `  abstract  = {We study $\\eta$-stable minima of stochastic gradient descent in setting number ${i}, and show that the sharpness is bounded by $2/\\eta$ along the whole trajectory.},`,
    ];
    if (broken) {
      // `year = {...}` with no comma after it.
      fields[3] = `  year      = {${1990 + (i % 35)}}`;
      brokenLine = line + 4;
    } else entries++;
    const entry = `@inproceedings{paper${i},\n${fields.join('\n')}\n}\n\n`;
    parts.push(entry);
    size += entry.length;
    line += entry.split('\n').length - 1;
  }
  return { text: parts.join(''), brokenLine, entries };
}

// --- the command line: exit status 1 with errors, 0 with warnings only, never a stack trace

const CLI_CASES: [name: string, status: number][] = [
  ['yaml-tab', 1],
  ['binary-file', 1],
  ['missing-config', 1],
  ['dangling-citation', 1],
  ['bibtex-unclosed-brace', 1],
  ['venue-year', 0],
  ['room-clash', 0],
  ['duplicate-paper', 0],
  ['bibtex-field-warnings', 0],
];

for (const [name, status] of CLI_CASES) {
  test(`vita check ${name} exits ${status}`, (t) => {
    if (!existsSync(CLI)) {
      t.skip('dist/ is not built: npm test builds it');
      return;
    }
    for (const format of ['text', 'json']) {
      const run = spawnSync(process.execPath, [CLI, 'check', join(FIXTURES, name), '--format', format], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(run.status, status, `exit status of vita check --format ${format}\n${run.stdout}\n${run.stderr}`);
      assert.doesNotMatch(run.stderr, /\n\s+at |internal error|Error:/, `stderr has a stack trace:\n${run.stderr}`);
      if (format === 'json') {
        const rows = JSON.parse(run.stdout) as { code: string; severity: string }[];
        assert.equal(rows.some((r) => r.severity === 'error'), status === 1);
      } else {
        assert.match(run.stdout, /✖ \d+ errors?, ⚠ \d+ warnings?\n$/);
      }
    }
  });
}
