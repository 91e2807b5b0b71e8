import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  NameIndex,
  nameKeys,
  normalizeName,
  splitName,
  type NameIndexEntry,
} from '../../src/resolve/names.js';

describe('normalizeName', () => {
  it('decodes LaTeX and Unicode accents to the same form', () => {
    assert.equal(normalizeName("Th{\\'e}o Dupont"), 'theo dupont');
    assert.equal(normalizeName('Théo Dupont'), 'theo dupont');
    assert.equal(normalizeName('The\u0301o Dupont'), 'theo dupont'); // decomposed input
    assert.equal(normalizeName('J{\\"o}rg M\\"{u}ller'), 'jorg muller');
    assert.equal(normalizeName('François'), normalizeName('Fran\\c{c}ois'));
  });

  it('folds letters that are not accented forms', () => {
    assert.equal(normalizeName('Søren Kierkegaard'), 'soren kierkegaard');
    assert.equal(normalizeName('S{\\o}ren Kierkegaard'), 'soren kierkegaard');
    assert.equal(normalizeName('Łukasz Kaiser'), 'lukasz kaiser');
    assert.equal(normalizeName('Erdal Arıkan'), 'erdal arikan');
    assert.equal(normalizeName('Stra\\ss e'), 'strasse');
  });

  it('reorders "Last, First"', () => {
    assert.equal(normalizeName('Wu, Lei'), 'lei wu');
    assert.equal(normalizeName('E, Weinan'), 'weinan e');
    assert.equal(normalizeName('Su, W. J.'), 'w j su');
    assert.equal(normalizeName('van der Waals, Johannes'), 'johannes van der waals');
  });

  it('keeps suffixes at the end', () => {
    assert.equal(normalizeName('King, Jr., Martin Luther'), 'martin luther king jr');
    assert.equal(normalizeName('King, Martin Luther, Jr.'), 'martin luther king jr');
    assert.equal(normalizeName('Martin Luther King, Jr.'), 'martin luther king jr');
  });

  it('does not take a single initial for a suffix', () => {
    assert.equal(normalizeName('Le, V.'), 'v le');
  });

  it('unifies punctuation, hyphens, case and whitespace', () => {
    assert.equal(normalizeName('W.J. Su'), 'w j su');
    assert.equal(normalizeName('W. J.  Su'), 'w j su');
    assert.equal(normalizeName('Y.-A. Ma'), 'y-a ma');
    assert.equal(normalizeName('Y. -A. Ma'), 'y-a ma');
    assert.equal(normalizeName('Yi\u2010An Ma'), 'yi-an ma'); // Unicode hyphen
    assert.equal(normalizeName('Yi\u2013An Ma'), 'yi-an ma'); // en dash
    assert.equal(normalizeName('MINGZE WANG'), 'mingze wang');
    assert.equal(normalizeName('  Lei\u00a0\u00a0Wu \t'), 'lei wu');
    assert.equal(normalizeName('Lei\u200bWu'), 'leiwu'); // zero-width space is not a word break
    assert.equal(normalizeName("O'Brien"), normalizeName('O’Brien'));
    assert.equal(normalizeName('Lei Wu*'), 'lei wu');
    assert.equal(normalizeName('Lei Wu†'), 'lei wu');
    assert.equal(normalizeName('ＬＥＩ ＷＵ'), 'lei wu'); // full-width
  });

  it('removes braces', () => {
    assert.equal(normalizeName('{Weinan E}'), 'weinan e');
    assert.equal(normalizeName('{van der Waals}, J. D.'), 'j d van der waals');
  });

  it('keeps CJK as is, without spaces', () => {
    assert.equal(normalizeName('吴磊'), '吴磊');
    assert.equal(normalizeName('吴 磊'), '吴磊');
    assert.equal(normalizeName('吴\u3000磊'), '吴磊');
    assert.equal(normalizeName('山田 太郎'), '山田太郎');
    assert.equal(normalizeName('김철수'), '김철수'); // Hangul survives NFKD
    assert.equal(normalizeName('ガブリエル'), 'ガブリエル'); // voiced kana are not "accents"
  });

  it('is idempotent', () => {
    const samples = ["Th{\\'e}o Dupont", 'Wu, Lei', 'Y.-A. Ma', 'King, Jr., Martin Luther', '吴 磊', "O'Brien"];
    for (const s of samples) assert.equal(normalizeName(normalizeName(s)), normalizeName(s), s);
  });

  it('returns "" for empty input', () => {
    assert.equal(normalizeName(''), '');
    assert.equal(normalizeName('  '), '');
    assert.equal(normalizeName('{}'), '');
  });
});

describe('splitName', () => {
  it('splits "First Middle Last"', () => {
    assert.deepEqual(splitName('Weijie J. Su'), { given: ['Weijie', 'J.'], family: 'Su' });
    assert.deepEqual(splitName('lei wu'), { given: ['lei'], family: 'wu' });
  });

  it('splits "Last, First"', () => {
    assert.deepEqual(splitName('Wu, Lei'), { given: ['Lei'], family: 'Wu' });
    assert.deepEqual(splitName('E, Weinan'), { given: ['Weinan'], family: 'E' });
    assert.deepEqual(splitName('Su, W. J.'), { given: ['W.', 'J.'], family: 'Su' });
  });

  it('keeps particles with the family name', () => {
    assert.deepEqual(splitName('Johannes Diderik van der Waals'), {
      given: ['Johannes', 'Diderik'],
      family: 'van der Waals',
    });
    assert.deepEqual(splitName('van der Waals, J. D.'), { given: ['J.', 'D.'], family: 'van der Waals' });
    assert.deepEqual(splitName('Ludwig von Mises'), { given: ['Ludwig'], family: 'von Mises' });
    assert.deepEqual(splitName('Ennio De Giorgi'), { given: ['Ennio'], family: 'De Giorgi' });
    assert.deepEqual(splitName('Giulia Di Nunno'), { given: ['Giulia'], family: 'Di Nunno' });
  });

  it('drops suffixes', () => {
    assert.deepEqual(splitName('Martin Luther King Jr.'), { given: ['Martin', 'Luther'], family: 'King' });
    assert.deepEqual(splitName('Martin Luther King, Jr.'), { given: ['Martin', 'Luther'], family: 'King' });
    assert.deepEqual(splitName('King, Jr., Martin Luther'), { given: ['Martin', 'Luther'], family: 'King' });
    assert.deepEqual(splitName('King, Martin Luther, Jr.'), { given: ['Martin', 'Luther'], family: 'King' });
  });

  it('handles single-token names', () => {
    assert.deepEqual(splitName('Madonna'), { given: [], family: 'Madonna' });
    assert.deepEqual(splitName('  '), { given: [], family: '' });
  });

  it('decodes LaTeX and keeps diacritics', () => {
    assert.deepEqual(splitName("Th{\\'e}o Dupont"), { given: ['Théo'], family: 'Dupont' });
    assert.deepEqual(splitName('{Weinan E}'), { given: ['Weinan'], family: 'E' });
  });

  it('reads a spaced CJK name family-first', () => {
    assert.deepEqual(splitName('吴 磊'), { given: ['磊'], family: '吴' });
  });
});

describe('nameKeys', () => {
  it('lists full, first-initial and all-initials keys', () => {
    assert.deepEqual(nameKeys(['Lei Wu']), ['lei wu', 'l wu']);
    assert.deepEqual(nameKeys(['Weijie J. Su']), ['weijie j su', 'w su', 'w j su']);
  });

  it('includes hyphen-free forms and every script and alias', () => {
    const keys = nameKeys(['Yi-An Ma', '马一安', 'Ma, Yian']);
    for (const k of ['yi-an ma', 'yian ma', 'y ma', 'y-a ma', '马一安']) assert.ok(keys.includes(k), k);
    assert.equal(new Set(keys).size, keys.length, 'no duplicates');
  });

  it('gives a single-token name only its full key', () => {
    assert.deepEqual(nameKeys(['Madonna']), ['madonna']);
  });
});

/** A small project with the classic traps. */
const people: NameIndexEntry[] = [
  { id: 'lei-wu', names: ['Lei Wu', '吴磊'] },
  { id: 'jingfeng-wu', names: ['Jingfeng Wu'] },
  { id: 'zihao-wang', names: ['Zihao Wang'] },
  { id: 'zihan-wang', names: ['Zihan Wang'] },
  { id: 'chao-ma', names: ['Chao Ma', '马超'] },
  { id: 'yian-ma', names: ['Yi-An Ma'] },
  { id: 'weijie-su', names: ['Weijie J. Su'] },
  { id: 'weinan-e', names: ['Weinan E', '鄂维南'], aliases: ['E Weinan'] },
  { id: 'theo-dupont', names: ['Théo Dupont'] },
  { id: 'mingze-wang', names: ['Mingze Wang'] },
  { id: 'zhiqin-xu', names: ['Zhi-Qin John Xu', '许志钦'] },
  { id: 'jvdw', names: ['Johannes D. van der Waals'] },
];
const index = new NameIndex(people);

function matchId(author: string): string | undefined {
  return index.match(author).id;
}

describe('NameIndex.match: exact forms', () => {
  it('matches the display name in any spelling', () => {
    assert.deepEqual(index.match('Lei Wu'), { id: 'lei-wu', how: 'exact' });
    assert.equal(matchId('LEI WU'), 'lei-wu');
    assert.equal(matchId('Lei\u00a0Wu'), 'lei-wu');
    assert.equal(matchId('  Lei   Wu '), 'lei-wu');
    assert.equal(matchId('MINGZE WANG'), 'mingze-wang');
  });

  it('matches "Last, First" with a comma', () => {
    assert.equal(matchId('Wu, Lei'), 'lei-wu');
    assert.equal(matchId('E, Weinan'), 'weinan-e');
    assert.equal(matchId('{E}, Weinan'), 'weinan-e');
    assert.equal(matchId('{Weinan E}'), 'weinan-e');
  });

  it('matches accents written in LaTeX, Unicode or not at all', () => {
    assert.equal(matchId("Th{\\'e}o Dupont"), 'theo-dupont');
    assert.equal(matchId("Th\\'{e}o Dupont"), 'theo-dupont');
    assert.equal(matchId('Théo Dupont'), 'theo-dupont');
    assert.equal(matchId('Theo Dupont'), 'theo-dupont');
    assert.equal(matchId('Dupont, Th{\\\'e}o'), 'theo-dupont');
  });

  it('matches names in other scripts', () => {
    assert.deepEqual(index.match('吴磊'), { id: 'lei-wu', how: 'script' });
    assert.equal(matchId('吴 磊'), 'lei-wu');
    assert.equal(matchId('鄂维南'), 'weinan-e');
  });

  it('matches declared aliases', () => {
    assert.deepEqual(index.match('E Weinan'), { id: 'weinan-e', how: 'alias' });
  });

  it('treats hyphenated and joined given names alike', () => {
    assert.deepEqual(index.match('Yi-An Ma'), { id: 'yian-ma', how: 'exact' });
    assert.equal(matchId('Yian Ma'), 'yian-ma');
    assert.equal(matchId('YiAn Ma'), 'yian-ma');
    assert.equal(matchId('Yi\u2013An Ma'), 'yian-ma');
    assert.equal(matchId('Ma, Yi-An'), 'yian-ma');
  });

  it('keeps particles in the family name', () => {
    assert.equal(matchId('van der Waals, J. D.'), 'jvdw');
    assert.equal(matchId('J. D. van der Waals'), 'jvdw');
    assert.equal(matchId('Johannes van der Waals'), 'jvdw');
  });
});

describe('NameIndex.match: initials and middle names', () => {
  it('matches an abbreviated given name when only one person fits', () => {
    assert.deepEqual(index.match('L. Wu'), { id: 'lei-wu', how: 'initials' });
    assert.equal(matchId('L Wu'), 'lei-wu');
    assert.equal(matchId('Wu, L.'), 'lei-wu');
    assert.equal(matchId('J. Wu'), 'jingfeng-wu');
    assert.equal(matchId('C. Ma'), 'chao-ma');
    assert.equal(matchId('T. Dupont'), 'theo-dupont');
    assert.equal(matchId('W. E'), 'weinan-e');
    assert.equal(matchId('E, W.'), 'weinan-e');
  });

  it('matches hyphenated initials', () => {
    assert.equal(matchId('Y.-A. Ma'), 'yian-ma');
    assert.equal(matchId('Y.A. Ma'), 'yian-ma'); // "A." read as an (optional) middle initial
    assert.equal(matchId('Y. Ma'), 'yian-ma');
    assert.equal(matchId('Ma, Y.-A.'), 'yian-ma');
    assert.equal(matchId('Z.-Q. J. Xu'), 'zhiqin-xu');
    assert.equal(matchId('Z. Xu'), 'zhiqin-xu');
  });

  it('treats middle initials as optional on either side', () => {
    assert.deepEqual(index.match('Weijie Su'), { id: 'weijie-su', how: 'exact' });
    assert.equal(matchId('Weijie J. Su'), 'weijie-su');
    assert.equal(matchId('W. J. Su'), 'weijie-su');
    assert.equal(matchId('W.J. Su'), 'weijie-su');
    assert.equal(matchId('W. Su'), 'weijie-su');
    assert.equal(matchId('Su, Weijie J.'), 'weijie-su');
    assert.equal(matchId('Lei J. Wu'), 'lei-wu');
  });

  it('lets the author leave out spelled-out middle names', () => {
    assert.equal(matchId('Zhi-Qin Xu'), 'zhiqin-xu');
    assert.equal(matchId('Zhiqin Xu'), 'zhiqin-xu');
    assert.equal(matchId('Zhi-Qin J. Xu'), 'zhiqin-xu');
  });

  it('rejects conflicting middle initials', () => {
    assert.equal(matchId('Weijie K. Su'), undefined);
    assert.equal(matchId('W. K. Su'), undefined);
    assert.equal(matchId('Zhi-Qin K. Xu'), undefined);
  });
});

describe('NameIndex.match: what must not match', () => {
  it('does not match a different given name with the same family name', () => {
    assert.deepEqual(index.match('Liang Wu'), {});
    assert.equal(matchId('Jingfeng Wu'), 'jingfeng-wu');
    assert.equal(matchId('Lei Wu'), 'lei-wu');
    assert.equal(matchId('Yi Ma'), undefined);
    assert.equal(matchId('Chao Wu'), undefined);
  });

  it('keeps near-identical names apart', () => {
    assert.equal(matchId('Zihao Wang'), 'zihao-wang');
    assert.equal(matchId('Zihan Wang'), 'zihan-wang');
    assert.equal(matchId('Zihai Wang'), undefined);
  });

  it('reports an abbreviation shared by several people as ambiguous', () => {
    assert.deepEqual(index.match('Z. Wang'), { ambiguous: ['zihan-wang', 'zihao-wang'] });
    assert.deepEqual(index.match('M. Wang'), { id: 'mingze-wang', how: 'initials' });
  });

  it('does not match reversed order without a comma', () => {
    assert.deepEqual(index.match('Wu Lei'), {});
    assert.deepEqual(index.match('Ma Chao'), {});
    assert.deepEqual(index.match('Su Weijie'), {});
  });

  it('does not let a reversed alias match by initials', () => {
    const idx = new NameIndex([{ id: 'lei', names: ['Lei Wu'], aliases: ['Wu Lei'] }]);
    assert.deepEqual(idx.match('Wu Lei'), { id: 'lei', how: 'alias' });
    assert.deepEqual(idx.match('W. Lei'), {});
    assert.deepEqual(idx.match('Wu L.'), {});
  });

  it('does not match hyphenated initials against a shorter given name', () => {
    const twoMas = new NameIndex([
      { id: 'yi-ma', names: ['Yi Ma'] },
      { id: 'yian-ma', names: ['Yi-An Ma'] },
    ]);
    assert.equal(twoMas.match('Yi Ma').id, 'yi-ma');
    assert.equal(twoMas.match('Yi-An Ma').id, 'yian-ma');
    assert.equal(twoMas.match('Yian Ma').id, 'yian-ma');
    assert.equal(twoMas.match('Y.-A. Ma').id, 'yian-ma');
    assert.deepEqual(twoMas.match('Y. Ma'), { ambiguous: ['yi-ma', 'yian-ma'] });
    // A spelled-out extra given name may be half of a two-syllable given name: not Yi Ma.
    assert.equal(twoMas.match('Yi An Ma').id, undefined);
  });

  it('hands out answers that callers may change', () => {
    const first = index.match('Z. Wang');
    first.ambiguous?.push('someone');
    first.id = 'x';
    assert.deepEqual(index.match('Z. Wang'), { ambiguous: ['zihan-wang', 'zihao-wang'] });
  });

  it('does not match when the author only has a family name or is empty', () => {
    assert.deepEqual(index.match('Wu'), {});
    assert.deepEqual(index.match(''), {});
    assert.deepEqual(index.match('   '), {});
  });

  it('does not match a romanized name against a CJK-only name', () => {
    const cjkOnly = new NameIndex([{ id: 'x', names: ['吴磊'] }]);
    assert.deepEqual(cjkOnly.match('Lei Wu'), {});
    assert.deepEqual(cjkOnly.match('吴雷'), {});
  });
});

describe('NameIndex.match: precedence and ambiguity', () => {
  it('prefers an exact full name over an initials match', () => {
    const idx = new NameIndex([
      { id: 'lei', names: ['Lei Wu'] },
      { id: 'lei-k', names: ['Lei K. Wu'] },
    ]);
    assert.deepEqual(idx.match('Lei Wu'), { id: 'lei', how: 'exact' });
    assert.deepEqual(idx.match('Lei K. Wu'), { id: 'lei-k', how: 'exact' });
    assert.deepEqual(idx.match('L. Wu'), { ambiguous: ['lei', 'lei-k'] });
    // "Lei Wu" may have an unrecorded middle initial K: both fit.
    assert.deepEqual(idx.match('L. K. Wu'), { ambiguous: ['lei', 'lei-k'] });
    assert.deepEqual(idx.match('L. J. Wu'), { id: 'lei', how: 'initials' });
  });

  it('matches "L. Wu" only if no other person has initial L and family Wu', () => {
    const idx = new NameIndex([
      { id: 'lei', names: ['Lei Wu'] },
      { id: 'liang', names: ['Liang Wu'] },
      { id: 'jingfeng', names: ['Jingfeng Wu'] },
    ]);
    assert.deepEqual(idx.match('L. Wu'), { ambiguous: ['lei', 'liang'] });
    assert.equal(idx.match('Lei Wu').id, 'lei');
    assert.equal(idx.match('Liang Wu').id, 'liang');
    assert.equal(idx.match('J. Wu').id, 'jingfeng');
  });

  it('lets an explicit alias settle an abbreviation', () => {
    const idx = new NameIndex([
      { id: 'lei', names: ['Lei Wu'], aliases: ['L. Wu'] },
      { id: 'liang', names: ['Liang Wu'] },
    ]);
    assert.deepEqual(idx.match('L. Wu'), { id: 'lei', how: 'alias' });
    assert.deepEqual(idx.match('Wu, L.'), { id: 'lei', how: 'alias' });
  });

  it('reports two people with the same exact name as ambiguous', () => {
    const idx = new NameIndex([
      { id: 'a', names: ['Wei Wang'] },
      { id: 'b', names: ['Wei Wang'] },
    ]);
    assert.deepEqual(idx.match('Wei Wang'), { ambiguous: ['a', 'b'] });
    assert.deepEqual(idx.match('W. Wang'), { ambiguous: ['a', 'b'] });
  });

  it('does not count one person twice', () => {
    const idx = new NameIndex([{ id: 'yian', names: ['Yi-An Ma', 'Yian Ma'], aliases: ['Ma Yi-An', 'Yian Ma'] }]);
    assert.deepEqual(idx.match('Yian Ma'), { id: 'yian', how: 'exact' });
    assert.deepEqual(idx.match('Y. Ma'), { id: 'yian', how: 'initials' });
  });

  it('accepts aliases listed among names', () => {
    const idx = new NameIndex([{ id: 'we', names: ['Weinan E', '鄂维南', 'E Weinan'] }]);
    assert.equal(idx.match('E Weinan').id, 'we');
    assert.equal(idx.match('鄂 维南').id, 'we');
  });
});

describe('NameIndex.suggest', () => {
  it('suggests close names, best first', () => {
    assert.deepEqual(index.suggest('Zihoo Wang'), ['zihao-wang', 'zihan-wang']);
    assert.equal(index.suggest('Zihao Wang')[0], 'zihao-wang');
    assert.equal(index.suggest('Theo Dupond')[0], 'theo-dupont');
  });

  it('suggests the person for a reversed name', () => {
    assert.equal(index.suggest('Wu Lei')[0], 'lei-wu');
  });

  it('suggests the candidates of an ambiguous abbreviation', () => {
    const s = index.suggest('Z. Wang', 5);
    assert.ok(s.includes('zihao-wang') && s.includes('zihan-wang'));
  });

  it('respects the limit and suggests nothing for unrelated names', () => {
    assert.equal(index.suggest('Zihoa Wang', 1).length, 1);
    assert.deepEqual(index.suggest('Alexander Grothendieck'), []);
    assert.deepEqual(index.suggest(''), []);
  });
});

// Speed is measured by `npm run bench`, never asserted here.
describe('NameIndex at scale', () => {
  it('finds people among 1,000 entries with many name forms', () => {
    const entries: NameIndexEntry[] = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, names: [`Given${i} Family${i % 97}`] }));
    const built = new NameIndex(entries);
    assert.equal(built.match('Given5 Family5').id, 'p5');
    assert.equal(built.match('Family5, Given5').id, 'p5');
    assert.equal(built.match('G5. Family5').id, undefined, 'G5. is not an initial of Given5');
  });
});
