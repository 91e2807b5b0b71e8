// Citation metrics from hand-made counts: h-index and i10-index, one work counted once, and never a count without its date.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { hIndex, i10Index, personMetrics } from '../../src/resolve/metrics.js';
import { validateMetrics, type CitationCount } from '../../src/validate/index.js';

const count = (n: number, asOf = '2026-11-01', url?: string): CitationCount => ({ count: n, source: 'OpenAlex', asOf, url, perYear: [] });

describe('h-index and i10-index', () => {
  it('are what Hirsch and Google Scholar define', () => {
    assert.equal(hIndex([10, 8, 5, 4, 3]), 4);
    assert.equal(hIndex([25, 8, 5, 3, 3]), 3);
    // Ties: five papers cited five times each.
    assert.equal(hIndex([5, 5, 5, 5, 5]), 5);
    assert.equal(hIndex([4, 4, 4, 4, 4, 4]), 4);
    // Zeros, and nothing.
    assert.equal(hIndex([0, 0, 0]), 0);
    assert.equal(hIndex([]), 0);
    assert.equal(hIndex([1, 0]), 1);
    assert.equal(hIndex([100]), 1);
    assert.equal(i10Index([10, 9, 100, 0]), 2);
    assert.equal(i10Index([]), 0);
  });

  it('count one work once over a person\'s list, with the oldest date of the counts used', () => {
    const counts = new Map([
      ['a', count(10, '2026-11-03', 'https://openalex.org/W1')],
      ['a-preprint', count(12, '2026-11-01', 'https://openalex.org/W1')],
      ['b', count(8, '2026-11-02')],
      ['c', count(0, '2026-11-04')],
    ]);
    const m = personMetrics(['a', 'a-preprint', 'b', 'c', 'not-counted'], counts)!;
    assert.equal(m.citations, 20);
    assert.equal(m.hIndex, 2);
    assert.equal(m.i10Index, 1);
    assert.equal(m.asOf, '2026-11-01');
    assert.equal(personMetrics(['not-counted'], counts), undefined);
  });
});

describe('metrics/citations.yaml', () => {
  const loaded = (value: unknown) => ({ file: 'metrics/citations.yaml', value, locate: () => ({ line: 3, column: 3 }) });

  it('never keeps a count without a date: a located warning, and the entry is left out', () => {
    const diagnostics = new Diagnostics();
    const valid = validateMetrics(
      loaded({
        publications: {
          dated: { count: 5, source: 'OpenAlex', asOf: '2026-11-01', perYear: { 2025: 2, 2026: 3 } },
          undated: { count: 50, source: 'OpenAlex' },
          'not-a-day': { count: 50, source: 'OpenAlex', asOf: '2026-02-30' },
          'no-source': { count: 50, asOf: '2026-11-01' },
          negative: { count: -1, source: 'OpenAlex', asOf: '2026-11-01' },
        },
      }),
      diagnostics,
    )!;
    assert.deepEqual([...valid.citations.keys()], ['dated']);
    assert.deepEqual(valid.citations.get('dated')!.perYear, [
      { year: 2025, count: 2 },
      { year: 2026, count: 3 },
    ]);
    assert.deepEqual(
      diagnostics.list.map((d) => [d.code, d.line, d.severity]),
      [
        ['validate/metrics-undated', 3, 'warning'],
        ['validate/metrics-undated', 3, 'warning'],
        ['validate/metrics-entry', 3, 'warning'],
        ['validate/metrics-entry', 3, 'warning'],
      ],
    );
  });

  it('reads whatever the file holds without throwing: a warning for what is not counts, nothing dropped in silence', () => {
    for (const value of [null, 'text', [1, 2], { publications: [1, 2] }, { publications: { a: null, b: [], c: { count: '12', source: 'X', asOf: '2026-01-01' } } }, { publications: { d: { count: 1, source: 'X', asOf: '2026-01-01', perYear: 'abc', url: 'javascript:alert(1)' } } }]) {
      const diagnostics = new Diagnostics();
      const valid = validateMetrics(loaded(value), diagnostics);
      const kept = valid ? [...valid.citations.keys()] : [];
      assert.ok(kept.length <= 1, JSON.stringify(value));
      if (value !== null) assert.ok(diagnostics.list.length > 0, JSON.stringify(value));
      if (kept.length) assert.equal(valid!.citations.get('d')!.url, undefined, 'an unsafe address is not kept');
    }
  });
});
