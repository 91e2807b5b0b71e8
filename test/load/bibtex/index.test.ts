/** readBibtex: records, their positions, duplicate keys, large files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { read } from './read.js';

test('locate gives the exact line and column of each field and author', () => {
  const text = [
    '% my papers', //                                   1
    '', //                                              2
    '@inproceedings{first,', //                         3
    '  title = {First},', //                            4
    '  author = {Ann Lee and', //                       5
    '            Bo Li* and Cy Wu},', //                6
    '  abbr = {ICML},', //                              7
    '  year = 2024,', //                                8
    '  pdf = {a.pdf},', //                              9
    '}', //                                             10
    '', //                                              11
    '@article{second,', //                              12
    '    author = "Di Ma",', //                         13
    '    title = "Second",', //                         14
    '    journal = {JMLR}}', //                         15
  ].join('\n');
  const { records, diagnostics } = read(text);
  assert.deepEqual(diagnostics.list, []);
  const [first, second] = records;
  assert.deepEqual(first!.locate([]), { line: 3, column: 1 });
  assert.deepEqual(first!.locate(['title']), { line: 4, column: 3 });
  assert.deepEqual(first!.locate(['authors']), { line: 5, column: 3 });
  assert.deepEqual(first!.locate(['authors', 0]), { line: 5, column: 13 });
  assert.deepEqual(first!.locate(['authors', 1]), { line: 6, column: 13 });
  assert.deepEqual(first!.locate(['authors', 2, 'name']), { line: 6, column: 24 });
  assert.deepEqual(first!.locate(['venue', 'short']), { line: 7, column: 3 });
  assert.deepEqual(first!.locate(['venue']), { line: 7, column: 3 });
  assert.deepEqual(first!.locate(['year']), { line: 8, column: 3 });
  assert.deepEqual(first!.locate(['links', 'pdf']), { line: 9, column: 3 });
  assert.deepEqual(first!.locate(['id']), { line: 3, column: 16 });
  assert.deepEqual(first!.locate(['doi']), { line: 3, column: 1 }, 'a field not written: the entry');
  assert.deepEqual(second!.locate([]), { line: 12, column: 1 });
  assert.deepEqual(second!.locate(['authors', 0]), { line: 13, column: 15 });
  assert.deepEqual(second!.locate(['title']), { line: 14, column: 5 });
  assert.deepEqual(second!.locate(['venue', 'name']), { line: 15, column: 5 });
});

test('a duplicate key is an error at the second entry, naming the line of the first', () => {
  const entry = '@article{same,\n  title = {Same},\n}\n';
  const { values, diagnostics } = read(entry + '\n' + entry);
  assert.equal(values.length, 1);
  assert.equal(diagnostics.list.length, 1);
  const [error] = diagnostics.list;
  assert.equal(error!.code, 'load/duplicate-key');
  assert.equal(error!.severity, 'error');
  assert.equal(error!.line, 5);
  assert.match(error!.hint!, /line 1/);
});

test('identical entries under different keys get their own positions', () => {
  const { records } = read('@article{a, title = {T}}\n@article{b, title = {T}}\n@article{c, title = {T}}');
  assert.deepEqual(records.map((r) => r.locate(['title'])?.line), [1, 2, 3]);
});

test('a 10 MB file is read', () => {
  const entry = (i: number) => String.raw`@inproceedings{key${i},
  title = {The {$L^\infty$} Learnability of Reproducing Kernel Hilbert Spaces, part ${i}},
  author = {Song, Yang* and Shen, Liyue* and Th{\'e}o M{\"u}ller and Fran\c{c}ois Xavier\dag},
  booktitle = {International Conference on Machine Learning},
  abbr = {ICML},
  year = {2024},
  month = jan,
  pages = {1--10},
  abstract = {We show that $x^2$ is a thing, with an abstract long enough to be a realistic size for an entry of a list.},
  pdf = {https://example.com/a.pdf},
}
`;
  const parts: string[] = [];
  let size = 0;
  while (size < 10 * 1024 * 1024) {
    parts.push(entry(parts.length));
    size += parts[parts.length - 1]!.length;
  }
  const { records, diagnostics } = read(parts.join(''));
  assert.equal(records.length, parts.length);
  assert.deepEqual(diagnostics.list, []);
  const last = records[records.length - 1]!;
  assert.equal((last.value as Record<string, any>).authors[2].name, 'Théo Müller');
  assert.equal(last.locate(['title'])?.line, (parts.length - 1) * 11 + 2);
});
