// Ids from names: ASCII, lower case, hyphens; nothing from a name without Latin letters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessLanguage, isId, slugify } from '../../src/new/slug.js';

describe('slugify', () => {
  it('folds accents and letters of their own to ASCII', () => {
    assert.equal(slugify('Théo Dupont'), 'theo-dupont');
    assert.equal(slugify('Søren Kierkegaard'), 'soren-kierkegaard');
    assert.equal(slugify('Łukasz Kaiser'), 'lukasz-kaiser');
    assert.equal(slugify('Gauß'), 'gauss');
    assert.equal(slugify('Đặng Thái Sơn'), 'dang-thai-son');
    assert.equal(slugify('Ørjan Æsir'), 'orjan-aesir');
  });

  it('drops apostrophes and joins the rest with single hyphens', () => {
    assert.equal(slugify("Jean-Luc O'Neill"), 'jean-luc-oneill');
    assert.equal(slugify('  Dr. Ada   Lovelace, PhD  '), 'dr-ada-lovelace-phd');
    assert.equal(slugify('Ada_Lovelace'), 'ada-lovelace');
  });

  it('gives nothing for a name without Latin letters or digits', () => {
    assert.equal(slugify('吴磊'), undefined);
    assert.equal(slugify('山田 太郎'), undefined);
    assert.equal(slugify('---'), undefined);
    assert.equal(slugify('吴磊 Lei Wu'), 'lei-wu');
  });

  it('cuts a long name at a hyphen', () => {
    const id = slugify('Pablo Diego José Francisco de Paula Juan Nepomuceno María de los Remedios')!;
    assert.ok(id.length <= 48);
    assert.ok(!id.endsWith('-'));
    assert.ok(id.startsWith('pablo-diego-jose-francisco'));
  });

  it('always makes ids the schema accepts', () => {
    for (const name of ['Théo Dupont', '1st Author', 'A', "O'Brien", 'x—y', 'Ǆemal Bijedić']) {
      const id = slugify(name);
      assert.ok(id && isId(id), `${name} -> ${id}`);
    }
  });
});

describe('guessLanguage', () => {
  it('reads the script of a name', () => {
    assert.equal(guessLanguage('吴磊'), 'zh');
    assert.equal(guessLanguage('やまだ たろう'), 'ja');
    assert.equal(guessLanguage('김연아'), 'ko');
    assert.equal(guessLanguage('Андрей Колмогоров'), 'ru');
    assert.equal(guessLanguage('Lei Wu'), undefined);
  });
});
