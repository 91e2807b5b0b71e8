import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findCitations, numberPublications, replaceCitations } from '../../src/resolve/citations.js';

describe('findCitations', () => {
  it('finds single and grouped citations in order, with line and column', () => {
    const text = 'See [@song2021score].\nAnd [@wu2024implicit; @e2017deep, @ma2019].';
    assert.deepEqual(
      findCitations(text).map((c) => [c.key, c.line, c.column]),
      [
        ['song2021score', 1, 6],
        ['wu2024implicit', 2, 6],
        ['e2017deep', 2, 23],
        ['ma2019', 2, 35],
      ],
    );
    const [first] = findCitations(text);
    assert.equal(text.slice(first!.offset, first!.offset + 14), '@song2021score');
  });

  it('finds DBLP keys, with their colons and slashes', () => {
    const cites = findCitations('As in [@DBLP:conf/iclr/WangW24] and [@DBLP:journals/corr/abs-2011-13456; @a.b+c_d].');
    assert.deepEqual(cites.map((c) => c.key), ['DBLP:conf/iclr/WangW24', 'DBLP:journals/corr/abs-2011-13456', 'a.b+c_d']);
  });

  it('leaves out what is not a citation', () => {
    assert.deepEqual(findCitations('mail me@example.org, [link](https://x.org), [not @this], [@], @bare'), []);
  });
});

describe('numberPublications', () => {
  const order = ['new', 'middle', 'old'];

  it('ascending numbers the first item 1', () => {
    assert.deepEqual([...numberPublications(order, 'ascending')], [['new', 1], ['middle', 2], ['old', 3]]);
  });

  it('descending numbers the first item N', () => {
    assert.deepEqual([...numberPublications(order, 'descending')], [['new', 3], ['middle', 2], ['old', 1]]);
  });

  it('numbers an empty list with nothing', () => {
    assert.equal(numberPublications([], 'descending').size, 0);
  });
});

describe('replaceCitations', () => {
  const numbers = numberPublications(['a', 'DBLP:conf/iclr/WangW24', 'c'], 'ascending');

  it('replaces each group with its numbers, sorted, unknown keys kept as text', () => {
    assert.equal(replaceCitations('See [@c; @a] and [@DBLP:conf/iclr/WangW24].', numbers), 'See [1][3] and [2].');
    assert.equal(replaceCitations('See [@missing, @a].', numbers), 'See [1][?missing].');
  });

  it('leaves text without citations as it is', () => {
    assert.equal(replaceCitations('No citation [here](x) @a.', numbers), 'No citation [here](x) @a.');
  });

  it('formats with the function given', () => {
    const format = (cited: { key: string; number?: number }[]) => `[${cited.map((c) => c.number ?? c.key).join(', ')}]`;
    assert.equal(replaceCitations('[@c; @DBLP:conf/iclr/WangW24; @zz]', numbers, format), '[2, 3, zz]');
  });
});
