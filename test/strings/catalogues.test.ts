/** Every language vita speaks has every word: a catalogue missing a key would show English in the middle of a page. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUES, catalogueFor, hasStrings, isLanguageTag, strings } from '../../src/strings/index.js';

/** Paths of every leaf of a catalogue: "cvWords.sections.bio", "yearCount" ... */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, x] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, x);
  } else out.set(prefix, value);
  return out;
}

const COMPLETE = ['en', 'zh', 'de', 'fr', 'es', 'ja', 'ko'];

describe('the catalogues of interface words', () => {
  const english = leaves(CATALOGUES.en);

  it('has the seven languages the issue asks for', () => {
    assert.deepEqual(Object.keys(CATALOGUES).sort(), [...COMPLETE].sort());
  });

  for (const lang of COMPLETE) {
    it(`${lang}: every key of the English catalogue, of the same kind, and nothing else`, () => {
      const own = leaves(CATALOGUES[lang]);
      const missing = [...english.keys()].filter((k) => !own.has(k));
      const extra = [...own.keys()].filter((k) => !english.has(k));
      assert.deepEqual(missing, [], `${lang} lacks ${missing.join(', ')}`);
      assert.deepEqual(extra, [], `${lang} has keys English does not: ${extra.join(', ')}`);
      for (const [k, v] of own) {
        assert.equal(typeof v, typeof english.get(k), `${lang}.${k}`);
        if (typeof v === 'string') assert.ok(v.trim() !== '' || k.endsWith('join'), `${lang}.${k} is empty`);
      }
    });
  }

  it('translates what is not a name: the words of German, French, Spanish, Japanese and Korean differ from English', () => {
    for (const lang of ['de', 'fr', 'es', 'ja', 'ko', 'zh']) {
      const t = strings(lang);
      for (const key of ['publications', 'selectedPublications', 'inPreparation', 'talks', 'teaching'] as const) {
        if (lang === 'fr' && key === 'publications') continue; // "Publications" is French too
        assert.notEqual(t[key], strings('en')[key], `${lang}.${key}`);
      }
      assert.notEqual(t.legend.equal, strings('en').legend.equal, `${lang}: equal contribution`);
    }
    assert.equal(strings('de').selectedPublications, 'Ausgewählte Publikationen');
    assert.equal(strings('ja').inPreparation, '準備中');
    assert.match(strings('ko').legend.equal, /동등 기여/);
  });

  it('looks a tag up along its chain, and falls back to English for a language it does not speak', () => {
    assert.equal(catalogueFor('de-AT'), CATALOGUES.de);
    assert.equal(catalogueFor('zh-Hant-TW'), CATALOGUES.zh);
    assert.equal(catalogueFor('pt-BR'), undefined);
    assert.equal(strings('pt-BR'), CATALOGUES.en);
    assert.ok(hasStrings('fr-CA') && !hasStrings('sw'));
    assert.ok(isLanguageTag('zh-Hant') && isLanguageTag('sw') && !isLanguageTag('english please'));
  });
});
