import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDate, parseRange, parseTerm, personId, publicationId, slug, typeFromVenue, venueFrom } from '../../src/import/text.js';

describe('import text helpers', () => {
  it('reads dates as CVs write them', () => {
    const cases: [unknown, string | undefined][] = [
      ['2012.9', '2012-09'],
      ['2021-09-01T00:00:00Z', '2021-09-01'],
      ['2015-10-22 15:59:00-0400', '2015-10-22'],
      ['Sep 2021', '2021-09'],
      ['September 2021', '2021-09'],
      ['March 12, 2020', '2020-03-12'],
      ['12 March 2020', '2020-03-12'],
      ['09/2021', '2021-09'],
      [2021, '2021'],
      ['present', 'present'],
      ['2021-13', '2021'],
      ['soon', undefined],
    ];
    for (const [input, expected] of cases) assert.equal(parseDate(input), expected, String(input));
  });

  it('reads ranges', () => {
    assert.deepEqual(parseRange('2012.9 - 2018.7'), { start: '2012-09', end: '2018-07' });
    assert.deepEqual(parseRange('2021.12 -'), { start: '2021-12', end: 'present' });
    assert.deepEqual(parseRange('2019-2022'), { start: '2019', end: '2022' });
    assert.deepEqual(parseRange('Sep 2020 – present'), { start: '2020-09', end: 'present' });
    assert.deepEqual(parseRange('Jan. 2020 to Mar. 2021'), { start: '2020-01', end: '2021-03' });
    assert.deepEqual(parseRange('2017'), { start: '2017' });
    assert.equal(parseRange('forever'), undefined);
  });

  it('reads terms, ids and venues', () => {
    assert.equal(parseTerm('2023 Fall'), 'Fall 2023');
    assert.equal(parseTerm('autumn', 2022), 'Autumn 2022');
    assert.equal(parseTerm('2023'), undefined);
    assert.equal(slug('Théo Dupont & Co.'), 'theo-dupont-co');
    assert.equal(personId('Wu, Lei'), 'lei-wu');
    assert.match(personId('吴磊'), /^person-[a-z0-9]+$/);
    assert.equal(publicationId('Théo Dupont', 2024, 'On the Scaling of Kernels'), 'dupont2024scaling');
    assert.deepEqual(venueFrom('Conference on Uncertainty in Artificial Intelligence (UAI)'), { name: 'Conference on Uncertainty in Artificial Intelligence', short: 'UAI' });
    assert.deepEqual(venueFrom('ICML 2023'), { short: 'ICML', year: 2023 });
    assert.deepEqual(venueFrom('AISTATS'), { short: 'AISTATS' });
    assert.equal(typeFromVenue('arXiv preprint arXiv:2401.00001'), 'preprint');
    assert.equal(typeFromVenue('ICML Workshop on Theory'), 'workshop');
    assert.equal(typeFromVenue('Advances in Neural Information Processing Systems'), 'article', 'a name alone does not say');
    assert.equal(typeFromVenue('Proceedings of the 36th Conference on Learning Theory'), 'conference');
  });
});
