/**
 * The example built in four languages: a tree per language with its own interface words, hreflang links between
 * the trees (and x-default to the main one), a menu to switch past two languages, and a CV per language.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderSite } from '../../../src/render/site/index.js';
import { renderCv } from '../../../src/render/cv/index.js';
import { exampleGraph, NOW, page, text, toMap } from './helpers.js';

const LANGS = ['en', 'zh', 'de', 'fr'];
const g = exampleGraph();
const graph = { ...g, config: { ...g.config, languages: LANGS } };
const site = toMap(renderSite(graph, { now: NOW }));
const prefix = (l: string) => (l === 'en' ? '' : `${l}/`);

/** Words of each tree's interface, as they must appear on Lei Wu's pages. */
const WORDS: Record<string, { nav: string[]; home: string[]; cv: string[]; pubs: string[] }> = {
  en: { nav: ['Group', 'Publications', 'News', 'Seminars'], home: ['Selected Publications', 'Research Vision'], cv: ['Education', 'Professional Experience', 'CV (PDF)'], pubs: ['All years', 'Preprints'] },
  zh: { nav: ['课题组', '论文', '新闻', '讨论班'], home: ['代表性论文', '研究愿景'], cv: ['教育经历', '工作经历', '简历（PDF）'], pubs: ['全部年份', '预印本'] },
  de: { nav: ['Arbeitsgruppe', 'Publikationen', 'Neuigkeiten', 'Seminare'], home: ['Ausgewählte Publikationen', 'Forschungsvision'], cv: ['Ausbildung', 'Beruflicher Werdegang', 'Lebenslauf (PDF)'], pubs: ['Alle Jahre', 'Preprints'] },
  fr: { nav: ['Équipe', 'Publications', 'Actualités', 'Séminaires'], home: ['Publications choisies', 'Projet de recherche'], cv: ['Formation', 'Parcours professionnel', 'CV (PDF)'], pubs: ['Toutes les années', 'Prépublications'] },
};

describe('the example in English, Chinese, German and French', () => {
  for (const lang of LANGS) {
    it(`${lang}: a tree of its own, in its own words`, () => {
      const home = page(site, `${prefix(lang)}people/lei-wu/index.html`);
      assert.match(home, new RegExp(`<html lang="${lang}">`));
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(home)![0];
      for (const w of WORDS[lang]!.nav) assert.ok(text(nav).includes(w), `${lang} nav: ${w}`);
      for (const w of WORDS[lang]!.home) assert.ok(text(home).includes(w), `${lang} home: ${w}`);
      const cv = page(site, `${prefix(lang)}people/lei-wu/cv/index.html`);
      for (const w of WORDS[lang]!.cv) assert.ok(text(cv).includes(w), `${lang} CV: ${w}`);
      const pubs = page(site, `${prefix(lang)}publications/index.html`);
      for (const w of WORDS[lang]!.pubs) assert.ok(text(pubs).includes(w), `${lang} publications: ${w}`);
      // No other tree's words in the interface (the record's own text may be in any language).
      for (const other of LANGS.filter((l) => l !== lang)) {
        const own = WORDS[other]!.home.filter((w) => !WORDS[lang]!.home.includes(w));
        for (const w of own) assert.ok(!text(home).includes(w), `${lang} home shows ${other}'s "${w}"`);
      }
    });

    it(`${lang}: hreflang links to every tree and x-default to the main one`, () => {
      for (const path of ['people/lei-wu/index.html', 'publications/index.html', 'group/index.html']) {
        const html = page(site, prefix(lang) + path);
        const dir = path.replace(/index\.html$/, '');
        const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
        const base = 'https://leiwu0.github.io/pku-ml/';
        const expected = [...LANGS.map((l) => [l, `${base}${prefix(l)}${dir}`]), ['x-default', `${base}${dir}`]];
        const relative = alternates.map(([l, href]) => [l, href!.replace(/^https?:\/\/[^/]+\/pku-ml\//, base)]);
        assert.deepEqual(relative, expected, `${lang} ${path}`);
      }
    });

    it(`${lang}: a language menu naming every language in its own words`, () => {
      const home = page(site, `${prefix(lang)}people/lei-wu/index.html`);
      const menu = /<details class="lang-menu">[\s\S]*?<\/details>/.exec(home)?.[0];
      assert.ok(menu, 'a menu, not a toggle, for four languages');
      for (const [l, name] of [['en', 'English'], ['zh', '中文'], ['de', 'Deutsch'], ['fr', 'Français']] as const) {
        assert.ok(menu.includes(`href="/pku-ml/${prefix(l)}people/lei-wu/" hreflang="${l}" lang="${l}"${l === lang ? ' aria-current="page"' : ''}>${name}</a>`), `${lang}: ${l}`);
      }
    });
  }

  it('links each CV page to the CV PDF of its language, which is made in that language', () => {
    for (const lang of LANGS) {
      const cv = page(site, `${prefix(lang)}people/lei-wu/cv/index.html`);
      assert.ok(cv.includes(`href="/pku-ml/${prefix(lang)}people/lei-wu/cv.pdf" hreflang="${lang}"`), lang);
    }
    const zh = renderCv(graph, 'lei-wu', { language: 'zh', format: 'md' });
    assert.deepEqual(zh.files.map((f) => f.path), ['zh/people/lei-wu/cv.md']);
    const md = String(zh.files[0]!.content);
    for (const heading of ['## 教育经历', '## 工作经历', '## 论文与预印本']) assert.ok(md.includes(heading), heading);
    assert.ok(md.startsWith('# 吴磊'), 'the name in Chinese first');
    const de = String(renderCv(graph, 'lei-wu', { language: 'de', format: 'md' }).files[0]!.content);
    assert.ok(de.includes('## Ausbildung') && de.includes('heute'), 'German headings and "present"');
  });

  it('gives a language without a catalogue its tree, with English words', () => {
    const sw = toMap(renderSite({ ...g, config: { ...g.config, languages: ['en', 'sw'] } }, { now: NOW }));
    const home = page(sw, 'sw/people/lei-wu/index.html');
    assert.match(home, /<html lang="sw">/);
    assert.ok(text(home).includes('Selected Publications'));
    assert.ok(page(sw, 'people/lei-wu/index.html').includes('hreflang="sw" lang="sw">Kiswahili</a>'), 'named by Intl in its own words');
  });
});
