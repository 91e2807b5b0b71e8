import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance } from '../../src/text/distance.js';

describe('editDistance', () => {
  it('computes Levenshtein distance', () => {
    assert.equal(editDistance('', ''), 0);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('zihao wang', 'zihan wang'), 1);
    assert.equal(editDistance('flaw', 'lawn'), 2);
    assert.equal(editDistance('吴磊', '吴雷'), 1);
  });

  it('is symmetric', () => {
    assert.equal(editDistance('lei wu', 'liang wu'), editDistance('liang wu', 'lei wu'));
  });

  it('counts characters, not UTF-16 units', () => {
    assert.equal(editDistance('𠀀a', '𠀁a'), 1);
  });

  it('gives up past the limit, and answers limit + 1', () => {
    assert.equal(editDistance('kitten', 'sitting', 3), 3);
    assert.equal(editDistance('kitten', 'sitting', 2), 3);
    assert.equal(editDistance('kitten', 'sitting', 1), 2);
    assert.equal(editDistance('a', 'abcdef', 2), 3, 'lengths alone too far apart');
    assert.equal(editDistance('abcdef', 'uvwxyz', 1), 2);
    assert.equal(editDistance('same', 'same', 0), 0);
  });

  it('agrees with the full distance whenever that is within the limit', () => {
    const words = ['title', 'titel', 'abstract', 'abstrct', 'arxiv', 'arxv', 'author', 'authors', 'year', 'yaer', ''];
    for (const a of words) {
      for (const b of words) {
        const full = editDistance(a, b);
        for (const limit of [0, 1, 2, 3]) assert.equal(editDistance(a, b, limit), Math.min(full, limit + 1), `${a} ~ ${b} within ${limit}`);
      }
    }
  });
});
