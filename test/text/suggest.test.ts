import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closest } from '../../src/text/suggest.js';

describe('closest', () => {
  const fields = ['title', 'authors', 'abstract', 'year', 'venue'];

  it('finds the known word a typo was meant to be, ignoring case', () => {
    assert.equal(closest('titel', fields), 'title');
    assert.equal(closest('Abstrct', fields), 'abstract');
    assert.equal(closest('AUTHORS', fields), 'authors');
  });

  it('gives nothing when no word is close enough', () => {
    assert.equal(closest('publisher', fields), undefined);
    assert.equal(closest('anything', []), undefined);
  });

  it('allows one edit per two letters of the word, and at most maxDistance', () => {
    assert.equal(closest('yr', fields), undefined, 'two edits are too many for two letters');
    assert.equal(closest('yaer', fields), 'year');
    assert.equal(closest('abstr', fields), undefined, 'three edits, and five letters allow two');
    assert.equal(closest('wu2024implict', ['wu2024implicit']), 'wu2024implicit');
    assert.equal(closest('wu2024xx', ['wu2024implicit'], 4), undefined);
    assert.equal(closest('song2021scor', ['song2021score'], 1), 'song2021score');
    assert.equal(closest('song2021sc', ['song2021score'], 1), undefined);
  });

  it('prefers the closest, then the first of equally close candidates', () => {
    assert.equal(closest('lei-wuu', ['lei-w', 'lei-wu']), 'lei-wu');
    assert.equal(closest('cat', ['bat', 'hat']), 'bat');
  });
});
