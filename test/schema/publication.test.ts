import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Venue } from '../../src/schema/publication.js';

describe('publication schema', () => {
  it('takes volume, number and pages that YAML read as numbers, as the text written', () => {
    const venue = Venue.parse({ name: 'Journal of Machine Learning Research', volume: 34, number: 2, pages: 12 });
    assert.deepEqual([venue.volume, venue.number, venue.pages], ['34', '2', '12']);
  });
});
