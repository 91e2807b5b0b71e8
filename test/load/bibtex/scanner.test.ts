/** BibTeX syntax: @string, comments, syntax errors reported where they are, and reading past them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { read, readOne } from './read.js';

test('@string abbreviations and # concatenation', () => {
  const value = readOne(`@string{icml = "International Conference on Machine Learning"}
@STRING(pmlr = {PMLR})
@inproceedings{s,
  booktitle = "Proceedings of the " # ICML # { 2024},
  publisher = pmlr,
  month = feb,
  year = 2024,
}`);
  assert.equal(value.venue.name, 'Proceedings of the International Conference on Machine Learning 2024');
  assert.equal(value.venue.publisher, 'PMLR');
  assert.equal(value.month, 2);
  assert.equal(value.year, 2024);
});

test('an undefined @string is an error at its use', () => {
  const { diagnostics, values } = read('@article{s,\n  journal = jmlr,\n}');
  assert.equal(values.length, 1);
  assert.equal(diagnostics.list[0]!.code, 'load/bibtex-syntax');
  assert.equal(diagnostics.list[0]!.line, 2);
  assert.equal(diagnostics.list[0]!.column, 13);
});

test('a syntax error is reported at its line, and the entries around it are still read', () => {
  const { values, diagnostics } = read(`@article{good1, title = {One}}

@article{bad,
  title = {Two},
  year 2020,
}

@article{good2, title = {Three}}
`);
  assert.deepEqual(values.map((v) => v.id), ['good1', 'good2']);
  assert.equal(diagnostics.list.length, 1);
  const [error] = diagnostics.list;
  assert.equal(error!.code, 'load/bibtex-syntax');
  assert.equal(error!.severity, 'error');
  assert.equal(error!.line, 5);
  assert.match(error!.message, /expected `=` after the field name `year`/);
  assert.ok(error!.hint);
});

test('a missing comma between fields is reported at the line where it is missing', () => {
  const { diagnostics } = read('@article{a,\n  title = {One}\n  year = 2020,\n}');
  assert.equal(diagnostics.list.length, 1);
  assert.equal(diagnostics.list[0]!.line, 3);
  assert.match(diagnostics.list[0]!.hint!, /comma missing at the end of line 2/);
});

test('an entry left open is reported at its start, and the next entry is still read', () => {
  const { values, diagnostics } = read('@article{open,\n  title = {One},\n  year = 2020\n\n@article{next, title = {Two}}\n');
  assert.deepEqual(values.map((v) => v.id), ['next']);
  assert.equal(diagnostics.list.length, 1);
  assert.equal(diagnostics.list[0]!.line, 1);
  assert.match(diagnostics.list[0]!.message, /`open` is not closed before the next entry \(line 5\)/);
});

test('a value left open is reported at its brace, and the next entry is still read', () => {
  const { values, diagnostics } = read('@article{open,\n  title = {One,\n  year = 2020,\n\n@article{next, title = {Two}}\n');
  assert.deepEqual(values.map((v) => v.id), ['next']);
  assert.equal(diagnostics.list.length, 1);
  assert.deepEqual([diagnostics.list[0]!.line, diagnostics.list[0]!.column], [2, 11]);
  assert.match(diagnostics.list[0]!.message, /value of `title` is not closed/);
});

test('a `%` in a URL does not comment out the entry after it on the same line', () => {
  const { values } = read('@misc{a, url = {https://x.org/a%20b}} @misc{b, title = {B}}');
  assert.deepEqual(values.map((v) => v.id), ['a', 'b']);
  assert.equal(values[0]!.url, 'https://x.org/a%20b');
});

test('comments, @comment, @preamble and commented-out entries are skipped', () => {
  const { values, diagnostics } = read(`This file lists my papers. Write to me at someone@example.org.
@comment{jabref-meta: databaseType:bibtex;}
@preamble{"\\newcommand{\\noopsort}[1]{}"}
% @article{old, title = {Old}}
@article{kept, title = {Kept}}
`);
  assert.deepEqual(diagnostics.list, []);
  assert.deepEqual(values.map((v) => v.id), ['kept']);
});

test('an empty file gives no records and no diagnostics', () => {
  for (const text of ['', '\n\n  \n', '% only a comment\n']) {
    const { records, diagnostics } = read(text);
    assert.deepEqual(records, []);
    assert.deepEqual(diagnostics.list, []);
  }
});

test('a file that is not BibTeX at all gives one diagnostic', () => {
  for (const text of ['title: My paper\nauthors: [Lei Wu]\n', '@@@ @@@\n@ not bibtex\n@{\n@x\n', '\u0000\u0001 garbage {{{ @article']) {
    const { records, diagnostics } = read(text);
    assert.deepEqual(records, []);
    assert.equal(diagnostics.list.length, 1, JSON.stringify(diagnostics.list));
    assert.equal(diagnostics.list[0]!.code, 'load/bibtex-syntax');
  }
});
