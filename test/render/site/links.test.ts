import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exampleSite, ids, links, page } from './helpers.js';

/**
 * Files other stages add to the site (the lead's build step): the CV PDFs and the iCalendar feeds, checked on the
 * built site in test/cli/build.test.ts; resized images, made by the write stage (test/write/images.test.ts).
 */
const ADDED_LATER = [/\/cv\.(pdf|md)$/, /\.ics$/, /(^|\/)img\/[^/]+-[0-9a-f]{16}-\d+\.(avif|webp|jpg|png)$/];

function checkLinks(baseUrl: string, basePath: string): void {
  const site = exampleSite(baseUrl);
  const pages = [...site.keys()].filter((p) => p.endsWith('.html'));
  const problems: string[] = [];
  for (const path of pages) {
    const html = site.get(path) as string;
    const anchors = ids(html);
    for (const link of links(html)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
      if (link.startsWith('#')) {
        if (link !== '#' && !anchors.has(decodeURIComponent(link.slice(1)))) problems.push(`${path}: ${link} (no such anchor)`);
        continue;
      }
      if (!link.startsWith(basePath)) {
        problems.push(`${path}: ${link} (not under the base path ${basePath})`);
        continue;
      }
      const [target, hash] = link.slice(basePath.length).split('#') as [string, string?];
      const file = decodeURI(target.split('?')[0]!);
      if (ADDED_LATER.some((r) => r.test(file))) continue;
      const resolved = file === '' || file.endsWith('/') ? `${file}index.html` : file;
      if (!site.has(resolved)) {
        problems.push(`${path}: ${link} (no file ${resolved})`);
        continue;
      }
      if (hash && resolved.endsWith('.html') && !ids(site.get(resolved) as string).has(hash)) problems.push(`${path}: ${link} (no anchor #${hash})`);
    }
  }
  assert.deepEqual(problems, []);
}

describe('internal links', () => {
  it('every href and src resolves to a file of the site (vita.yaml’s base URL, a sub-path)', () => checkLinks('', '/pku-ml/'));
  it('... at a domain root', () => checkLinks('/', '/'));
  it('... under another sub-path, as on GitHub Pages', () => checkLinks('https://user.github.io/repo/', '/repo/'));

  it('the 404 page links absolutely, with the base path, since it is served at any address', () => {
    const html = page(exampleSite('https://user.github.io/repo/'), '404.html');
    assert.ok(links(html).filter((l) => !/^(https?:|#)/.test(l)).every((l) => l.startsWith('/repo/')));
    assert.match(html, /<meta name="robots" content="noindex">/);
  });
});

describe('sitemap, robots, feeds', () => {
  const site = exampleSite();
  it('the sitemap lists every page but the 404', () => {
    const map = site.get('sitemap.xml') as string;
    const listed = new Set([...map.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    const pages = [...site.keys()].filter((p) => p.endsWith('.html') && !p.endsWith('404.html'));
    for (const p of pages) assert.ok(listed.has(`https://example.org/pku-ml/${p.replace(/index\.html$/, '')}`), p);
    assert.equal(listed.size, pages.length);
  });

  it('robots.txt points at the sitemap', () => {
    assert.match(site.get('robots.txt') as string, /Sitemap: https:\/\/example.org\/pku-ml\/sitemap.xml/);
  });

  it('the site and each person with news have an Atom feed', () => {
    const feed = site.get('news/atom.xml') as string;
    assert.match(feed, /^<\?xml/);
    assert.match(feed, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.equal([...feed.matchAll(/<entry>/g)].length, 7);
    // A long item has a page of its own, which its entry links.
    assert.ok(feed.includes('<link href="https://example.org/pku-ml/news/2026-03-group-retreat/"/>'));
    assert.ok(feed.includes('<link href="https://example.org/pku-ml/news/#news-2025-09-functional-scaling-laws-neurips"/>'));
    const lei = site.get('people/lei-wu/atom.xml') as string;
    assert.equal([...lei.matchAll(/<entry>/g)].length, 5);
    assert.ok(!/<updated>20(2[7-9]|[3-9]\d)/.test(feed), 'dates come from the news, not the build clock');
  });

  it('ships one CSS, one JS and, since the example has math, KaTeX with woff2 fonts only', () => {
    assert.ok(site.has('assets/vita.css') && site.has('assets/vita.js'));
    const katex = site.get('assets/katex/katex.min.css') as string;
    assert.ok(katex.includes('format("woff2")') && !katex.includes('.ttf') && !katex.includes('.woff)'));
    const fonts = [...katex.matchAll(/url\(([^)]+)\)/g)].map((m) => `assets/katex/${m[1]}`);
    for (const f of fonts) assert.ok(site.has(f), f);
  });
});

describe('weight', () => {
  it('the homepage’s HTML + CSS + JS stay under 60 KB', () => {
    const site = exampleSite();
    const size = ['index.html', 'assets/vita.css', 'assets/vita.js'].reduce((n, p) => n + Buffer.byteLength(site.get(p) as string), 0);
    assert.ok(size < 60 * 1024, `${size} bytes`);
    const person = ['people/lei-wu/index.html', 'assets/vita.css', 'assets/vita.js'].reduce((n, p) => n + Buffer.byteLength(site.get(p) as string), 0);
    assert.ok(person < 60 * 1024, `${person} bytes`);
  });

  it('pages load no search code; only the search page asks for Pagefind, through the site script', () => {
    const site = exampleSite();
    for (const [p, c] of site) if (p.endsWith('.html')) assert.ok(!String(c).includes('pagefind-ui.js'), p);
    assert.ok((site.get('assets/vita.js') as string).includes("'pagefind-ui.js'"));
  });
});

describe('a personal site', () => {
  it('puts the owner’s homepage at the root, and every link still resolves', async () => {
    const { renderSite } = await import('../../../src/render/site/index.js');
    const { exampleGraph, NOW, toMap } = await import('./helpers.js');
    const g = exampleGraph();
    const graph = { ...g, config: { ...structuredClone(g.config), owner: 'mingze-wang', group: undefined } };
    const site = toMap(renderSite(graph, { now: NOW, baseUrl: 'https://wmz9.github.io/' }));
    const home = site.get('index.html') as string;
    assert.ok(home.includes('<h1>Mingze Wang</h1>'));
    assert.ok(!site.has('people/mingze-wang/index.html'), 'the owner’s page is the root, not a second copy');
    assert.ok(site.has('people/mingze-wang/research/index.html'));
    const problems: string[] = [];
    for (const [path, content] of site) {
      if (!path.endsWith('.html')) continue;
      for (const link of links(content as string)) {
        if (!link.startsWith('/') || ADDED_LATER.some((r) => r.test(link))) continue;
        const file = decodeURI(link.slice(1).split('#')[0]!);
        if (!site.has(file === '' || file.endsWith('/') ? `${file}index.html` : file)) problems.push(`${path}: ${link}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
