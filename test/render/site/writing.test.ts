/** Pages, posts and projects the owner writes, as the example's site shows them; and the pictures' sizes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Graph, Post } from '../../../src/resolve/graph.js';
import { renderSite } from '../../../src/render/site/index.js';
import { sizeOf } from '../../../src/render/site/parts/picture.js';
import { readingMinutes } from '../../../src/render/site/parts/writing.js';
import { exampleGraph, exampleSite, NOW, page, text, toMap } from './helpers.js';

describe('a page written by hand (pages/join.md)', () => {
  const site = exampleSite();
  const join = page(site, 'join/index.html');

  it('is at its path, in the navigation of every page, in both languages', () => {
    assert.match(join, /<h1>Join us<\/h1>/);
    assert.match(join, /<a href="\/pku-ml\/join\/" aria-current="page">Join us<\/a>/);
    assert.match(page(site, 'people/lei-wu/index.html'), /<a href="\/pku-ml\/join\/">Join us<\/a>/);
    const zh = page(site, 'zh/join/index.html');
    assert.match(zh, /<h1>加入我们<\/h1>/);
    assert.match(zh, /<a href="\/pku-ml\/zh\/join\/" aria-current="page">加入我们<\/a>/);
    // A link to a page of the site stays in the page's language.
    assert.match(zh, /href="\/pku-ml\/zh\/posts\/2026\/spring-reading-group\/"/);
  });

  it('numbers its citations in the order first cited, linked to the references under it, and typesets its math', () => {
    assert.match(join, /<a href="#pub-1">\[1\]<\/a>/);
    assert.match(join, /<section id="references" class="references"><h2>References<\/h2>/);
    assert.match(join, /id="pub-1"[^>]*>[\s\S]*?How SGD selects the global minima/i);
    assert.match(join, /class="katex"/);
    assert.match(join, /<meta name="description" content="Openings for postdocs/);
    assert.ok(page(site, 'search/index.html') && join.includes('data-pagefind-body'), 'searchable');
  });

  it('is in the sitemap', () => {
    const map = site.get('sitemap.xml') as string;
    for (const p of ['join/', 'people/lei-wu/software/', 'posts/', 'posts/tags/scaling-laws/', 'projects/scaling-laws/', 'news/2026-03-group-retreat/']) {
      assert.ok(map.includes(`<loc>https://example.org/pku-ml/${p}</loc>`), p);
    }
  });
});

describe("a person's own page (people/lei-wu/software.md)", () => {
  const site = exampleSite();
  it('is a tab beside About, Publications and CV, on each of their pages', () => {
    const software = page(site, 'people/lei-wu/software/index.html');
    assert.match(software, /<a href="\/pku-ml\/people\/lei-wu\/software\/" aria-current="page">Software<\/a>/);
    assert.match(software, /<p class="kicker"><a href="\/pku-ml\/people\/lei-wu\/">Lei Wu/);
    assert.match(page(site, 'people/lei-wu/cv/index.html'), /<a href="\/pku-ml\/people\/lei-wu\/software\/">Software<\/a>/);
    assert.match(software, /<a href="#pub-3">\[3\]<\/a>/);
  });
  it("is in the navigation of a personal site whose owner it is", () => {
    const g = exampleGraph();
    const files = toMap(renderSite({ ...g, config: { ...g.config, owner: 'lei-wu', group: undefined } }, { now: NOW }));
    const home = page(files, 'index.html');
    assert.match(home, /<a href="\/pku-ml\/people\/lei-wu\/software\/">Software<\/a>/);
    assert.match(page(files, 'people/lei-wu/software/index.html'), /<a href="\/pku-ml\/people\/lei-wu\/software\/" aria-current="page">Software<\/a>/);
  });

  it('stays a section of theirs, for a CV variant that names it', () => {
    assert.match(exampleGraph().people.get('lei-wu')!.sections.software!.text, /Code for our papers/);
  });
});

describe('posts', () => {
  const site = exampleSite();
  it('have a page each with date, reading time, tags, authors, and the posts before and after', () => {
    const post = page(site, 'posts/2026/spring-reading-group/index.html');
    assert.match(post, /<time datetime="2026-03-02">2026-03-02<\/time> · 1 min read · By <a href="\/pku-ml\/people\/lei-wu\/">Lei Wu<\/a>/);
    assert.match(post, /<a class="tag" href="\/pku-ml\/posts\/tags\/scaling-laws\/">scaling laws<\/a>/);
    // The blog is read in its order (every post); a person's post among theirs.
    assert.match(post, /<a rel="next" href="\/pku-ml\/people\/mingze-wang\/posts\/2025\/sharpness-disparity-explained\/"><span class="muted">Older post<\/span> Why the blocks/);
    assert.ok(!post.includes('rel="prev"'));
    assert.match(post, /"@type":"BlogPosting"/);
    const mine = page(site, 'people/mingze-wang/posts/2025/sharpness-disparity-explained/index.html');
    // The publications it is about come first in its list, and its citations are numbered to match.
    assert.match(mine, /<h2>Publications<\/h2>/);
    assert.match(mine, /href="#pub-1"/);
    assert.ok(!mine.includes('class="post-nav"'), 'his only post');
  });

  it("are listed on the blog, on the person's Blog tab, and per tag", () => {
    const blog = page(site, 'posts/index.html');
    assert.ok(blog.indexOf('Spring 2026 reading group') < blog.indexOf('Why the blocks of a Transformer'), 'newest first');
    assert.match(page(site, 'people/mingze-wang/posts/index.html'), /Why the blocks of a Transformer/);
    assert.match(page(site, 'people/mingze-wang/index.html'), /<a href="\/pku-ml\/people\/mingze-wang\/posts\/">Blog<\/a>/);
    const tag = page(site, 'posts/tags/optimization/index.html');
    assert.match(tag, /Posts tagged “optimization”/);
    assert.ok(!tag.includes('Spring 2026 reading group'));
    assert.match(page(site, 'posts/tags/index.html'), /<a href="\/pku-ml\/posts\/tags\/transformers\/">transformers<\/a> <span class="muted">1<\/span>/);
  });

  it('have an Atom feed with each post whole and absolute links', () => {
    const feed = site.get('posts/atom.xml') as string;
    assert.equal([...feed.matchAll(/<entry>/g)].length, 2);
    assert.ok(feed.includes('<link href="https://example.org/pku-ml/posts/2026/spring-reading-group/"/>'));
    assert.match(page(site, 'posts/index.html'), /<link rel="alternate" type="application\/atom\+xml" title="Blog" href="\/pku-ml\/posts\/atom.xml">/);
  });

  it('are listed ten to a page, each page linking the next and the one before', () => {
    const g = exampleGraph();
    const base = g.posts[0]!;
    const posts: Post[] = Array.from({ length: 23 }, (_, i) => ({ ...base, id: `2024-01-${String(i + 1).padStart(2, '0')}-p${i}`, slug: `p${i}`, date: `2024-01-${String(i + 1).padStart(2, '0')}`, title: `Post ${i}`, person: undefined })).reverse();
    const files = toMap(renderSite({ ...g, posts } satisfies Graph, { now: NOW }));
    assert.ok(files.has('posts/index.html') && files.has('posts/page/2/index.html') && files.has('posts/page/3/index.html') && !files.has('posts/page/4/index.html'));
    const second = page(files, 'posts/page/2/index.html');
    assert.match(second, /rel="prev" href="\/pku-ml\/posts\/"/);
    assert.match(second, /rel="next" href="\/pku-ml\/posts\/page\/3\/"/);
    assert.match(second, /Page 2 of 3/);
    assert.equal([...second.matchAll(/class="post-item"/g)].length, 10);
    assert.equal([...page(files, 'posts/page/3/index.html').matchAll(/class="post-item"/g)].length, 3);
    const middle = page(files, 'posts/2024/p10/index.html');
    assert.match(middle, /rel="prev" href="\/pku-ml\/posts\/2024\/p11\/"/);
    assert.match(middle, /rel="next" href="\/pku-ml\/posts\/2024\/p9\/"/);
  });

  it('count reading time in words, and in characters for Chinese, Japanese and Korean', () => {
    assert.equal(readingMinutes('word '.repeat(1100)), 5);
    assert.equal(readingMinutes('字'.repeat(2000)), 5);
    assert.equal(readingMinutes('short'), 1);
  });
});

describe('projects', () => {
  const site = exampleSite();
  it('are a grid of cards with their pictures sized, and a page each', () => {
    const grid = page(site, 'projects/index.html');
    assert.match(grid, /<main id="main" class="wide"/);
    assert.match(grid, /<img class="project-image" src="\/pku-ml\/assets\/projects\/implicit-regularization.svg" alt="" width="640" height="360" loading="lazy" decoding="async">/);
    assert.ok(grid.indexOf('Implicit regularization of SGD') < grid.indexOf('Functional scaling laws'), 'in their order');
    assert.ok(site.has('assets/projects/implicit-regularization.svg'), 'the picture is copied');
    const project = page(site, 'projects/implicit-regularization/index.html');
    assert.match(project, /alt="A loss landscape with a sharp and a flat valley/);
    assert.match(project, /<a href="\/pku-ml\/people\/chao-ma\/">Chao Ma<\/a>/);
    assert.match(project, /<a class="action" href="https:\/\/github.com\/leiwu0\/sgd-flat-minima">Code<\/a>/);
    assert.match(project, /2018 – present/);
    assert.match(project, /<meta property="og:image" content="https:\/\/example.org\/pku-ml\/assets\/projects\/implicit-regularization.svg">/);
  });

  it("are linked from their people's and their publications' pages", () => {
    assert.match(page(site, 'people/mingze-wang/index.html'), /<section id="projects"><h2>Projects<\/h2>[\s\S]*Implicit regularization of SGD/);
    assert.match(page(site, 'publications/wu2018sgd/index.html'), /<span class="label">Projects<\/span> <a href="\/pku-ml\/projects\/implicit-regularization\/">Implicit regularization of SGD<\/a>/);
    assert.ok(!page(site, 'people/weinan-e/index.html').includes('id="projects"'));
  });

  it('move to past projects when they have ended', () => {
    const g = exampleGraph();
    const projects = g.projects.map((p, i) => (i === 0 ? { ...p, end: '2020' } : p));
    const grid = page(toMap(renderSite({ ...g, projects }, { now: NOW })), 'projects/index.html');
    assert.ok(grid.indexOf('Current projects') < grid.indexOf('Functional scaling laws'));
    assert.ok(grid.indexOf('Past projects') < grid.indexOf('Implicit regularization of SGD'));
    // Headings in order: the cards' titles are h3 under the two h2, and h2 when the grid is alone under the h1.
    assert.match(grid, /<h3 class="project-title">/);
    assert.match(page(site, 'projects/index.html'), /<h2 class="project-title">/);
  });
});

describe('news items', () => {
  const site = exampleSite();
  it('have a page of their own only when their text goes on beyond a headline', () => {
    const item = page(site, 'news/2026-03-group-retreat/index.html');
    assert.match(item, /<h1>Spring retreat at Yanqi Lake<\/h1>/);
    assert.match(text(item), /We thank the Center for Machine Learning Research/);
    const list = page(site, 'news/index.html');
    assert.match(list, /<a href="\/pku-ml\/news\/2026-03-group-retreat\/">Spring retreat at Yanqi Lake<\/a>/);
    assert.ok(!text(list).includes('We thank the Center'), 'the list shows the beginning');
    assert.ok(![...site.keys()].some((k) => k.startsWith('news/2025-09')), 'a short item has none');
  });
});

describe('picture sizes, read from the files', () => {
  it('of PNG, GIF, JPEG, WebP and SVG', () => {
    const png = Buffer.alloc(33);
    png.writeUInt32BE(0x89504e47, 0);
    png.write('IHDR', 12, 'ascii');
    png.writeUInt32BE(800, 16);
    png.writeUInt32BE(600, 20);
    assert.deepEqual(sizeOf(png), { width: 800, height: 600 });
    const gif = Buffer.from('GIF89a\x20\x03\x58\x02', 'latin1');
    assert.deepEqual(sizeOf(gif), { width: 800, height: 600 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(sizeOf(jpeg), { width: 800, height: 600 });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'ascii');
    webp.write('WEBPVP8X', 8, 'ascii');
    webp.writeUIntLE(799, 24, 3);
    webp.writeUIntLE(599, 27, 3);
    assert.deepEqual(sizeOf(webp), { width: 800, height: 600 });
    assert.deepEqual(sizeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360">')), { width: 640, height: 360 });
    assert.deepEqual(sizeOf(Buffer.from('<?xml version="1.0"?><svg width="100px" height="50" xmlns="http://www.w3.org/2000/svg">')), { width: 100, height: 50 });
    assert.equal(sizeOf(Buffer.from('not an image')), undefined);
  });
});
