import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Graph } from '../../../src/resolve/graph.js';
import { renderSite } from '../../../src/render/site/index.js';
import { exampleGraph, NOW, page, text, toMap } from './helpers.js';

/** The example's graph with some records changed (copies: the shared graph stays as it is). */
function changed(change: (g: Graph) => void): Graph {
  const g = exampleGraph();
  const copy: Graph = {
    ...g,
    config: structuredClone(g.config),
    people: new Map([...g.people].map(([k, p]) => [k, { ...p, data: { ...p.data, links: { ...p.data.links } }, sections: { ...p.sections } }])),
    publications: new Map([...g.publications].map(([k, p]) => [k, { ...p, links: { ...p.links }, venue: p.venue ? { ...p.venue } : undefined }])),
    news: g.news.map((n) => ({ ...n })),
    events: new Map([...g.events].map(([k, e]) => [k, { ...e }])),
    pages: g.pages.map((p) => ({ ...p, body: { ...p.body } })),
    posts: g.posts.map((p) => ({ ...p, body: { ...p.body } })),
    projects: g.projects.map((p) => ({ ...p, links: { ...p.links }, body: { ...p.body } })),
  };
  change(copy);
  return copy;
}

function allHtml(files: Map<string, string | Uint8Array>): string {
  return [...files].filter(([p]) => p.endsWith('.html')).map(([, c]) => c as string).join('\n');
}

describe('everything the user wrote is escaped', () => {
  const graph = changed((g) => {
    const pub = g.publications.get('li2025functional')!;
    pub.title = 'Scaling <script>alert("title")</script> & <b>bold</b>';
    pub.abstract = 'An abstract with <img src=x onerror=alert(1)> and [a link](javascript:alert(2)).';
    pub.links = { code: 'javascript:alert(3)', pdf: ' JaVaScRiPt:alert(4)', slides: 'data:text/html,<script>alert(5)</script>' };
    pub.award = '<i>Oral</i>';
    const lei = g.people.get('lei-wu')!;
    lei.data.homepage = 'javascript:alert(6)';
    lei.data.links = { ...lei.data.links, github: 'vbscript:msgbox(7)', orcid: 'java\tscript:alert(8)' };
    lei.sections.about = { ...lei.sections.about!, text: 'Hi <script>alert(9)</script> [x](javascript:alert(10)) [y](file:///etc/passwd) ![z](data:image/png;base64,AAAA)' };
    g.news[0]!.body = '<iframe src="https://evil.example"></iframe> news';
    const event = [...g.events.values()][0]!;
    event.title = '</script><script>alert(11)</script>';
    // Every kind of page the owner writes: hand-written pages (the site's and a person's), posts, projects, a long news item.
    const join = g.pages.find((p) => p.id === 'join')!;
    join.title = '<script>alert("page")</script>';
    join.menu = '<b onmouseover=alert(12)>menu</b>';
    join.description = '"><script>alert(13)</script>';
    join.body.text = 'Page <script>alert(14)</script> [x](javascript:alert(15)) <img src=x onerror=alert(16)>';
    const software = g.pages.find((p) => p.person === 'lei-wu')!;
    software.title = '<img src=x onerror=alert(17)>';
    software.body.text = '<iframe src="javascript:alert(18)"></iframe>';
    for (const post of g.posts) {
      post.title = '<script>alert("post")</script>';
      post.summary = '<svg onload=alert(19)>';
      post.tags = ['<script>alert("tag")</script>', '"><img src=x onerror=alert(20)>'];
      post.body.text = 'Post <script>alert(21)</script> [y](vbscript:alert(22))';
    }
    for (const project of g.projects) {
      project.title = '<script>alert("project")</script>';
      project.summary = '<img src=x onerror=alert(23)>';
      project.image = 'javascript:alert(24)';
      project.imageAlt = '"><script>alert(25)</script>';
      project.links = { code: 'javascript:alert(26)', '<b>kind</b>': 'https://example.org/' };
      project.tags = ['<script>alert("ptag")</script>'];
      project.body.text = 'Project <script>alert(27)</script>';
    }
    // A talk's links that the schema would refuse, put in the record anyway.
    const talk = g.events.get('ml-theory-seminar/2025-03-14-mingze-wang')!;
    talk.links = { page: 'javascript:alert(30)', slides: ' JaVaScRiPt:alert(31)', video: 'data:text/html,<script>alert(32)</script>', paper: 'https://example.org/paper-30' };
    const retreat = g.news.find((n) => n.id === '2026-03-group-retreat')!;
    retreat.title = '<script>alert("news")</script>';
    // Long enough for a page of its own, with the iframe of the first item (which it now is) kept.
    retreat.body = `<iframe src="https://evil.example"></iframe> news\n\n${'A long report. '.repeat(40)}\n\n<script>alert(28)</script>`;
  });
  const files = toMap(renderSite(graph, { now: NOW }));
  const html = allHtml(files);

  it('shows a <script> in a title as text', () => {
    assert.ok(!/<script>alert/i.test(html), 'no script from the record reaches the page');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;'));
    assert.ok(text(page(files, 'publications/li2025functional/index.html')).includes('Scaling <script>alert("title")</script> & <b>bold</b>'));
    assert.ok(!html.includes('<img src=x') && !html.includes('<iframe') && !html.includes('<i>Oral</i>'));
  });

  it('escapes what is written in pages, posts, projects and long news items, on their own pages and in lists', () => {
    const pages = ['join/', 'people/lei-wu/software/', 'posts/', 'posts/2026/spring-reading-group/', 'posts/tags/', 'people/mingze-wang/posts/', 'projects/', 'projects/implicit-regularization/', 'news/', 'news/2026-03-group-retreat/', 'people/lei-wu/'];
    for (const path of pages) {
      const markup = page(files, `${path}index.html`);
      // Every payload holds "alert": a tag holding one holds it as an escaped attribute value of vita's own tag,
      // never as an element or an attribute of the record's (an event handler, an attribute that broke out of its quotes).
      const tags = [...markup.matchAll(/<[^>]*>/g)].map((m) => m[0]).filter((tag) => /alert/i.test(tag));
      const wellFormed = /^<(meta|a|img|link|h1|span|time|li)(\s+[\w:-]+="[^"<>]*")*\s*>$/;
      const handler = (tag: string) => [...tag.matchAll(/\s([\w:-]+)="[^"]*"/g)].some((m) => /^on/i.test(m[1]!));
      assert.deepEqual(tags.filter((tag) => !wellFormed.test(tag) || handler(tag)), [], `${path}: markup from the record`);
      assert.ok(!/<script>[^<]*alert/i.test(markup), `${path}: a script from the record`);
    }
    assert.ok(text(page(files, 'join/index.html')).includes('<script>alert("page")</script>'), 'the title is shown as text');
    assert.ok(text(page(files, 'projects/index.html')).includes('<script>alert("project")</script>'));
    const tags = [...files.keys()].filter((k) => k.startsWith('posts/tags/') && k !== 'posts/tags/index.html');
    assert.ok(tags.length >= 2 && tags.every((k) => /^posts\/tags\/[a-z0-9._-]+\/index\.html$/.test(k)), tags.join(', '));
    const feed = files.get('posts/atom.xml') as string;
    assert.ok(!feed.includes('<script>'), 'the feed holds the post escaped');
  });

  it('never lets an unsafe scheme reach an href or src', () => {
    const values = [...html.matchAll(/\s(?:href|src|content)="([^"]*)"/g)].map((m) => m[1]!.replace(/&#9;|\s/g, '').toLowerCase());
    for (const v of values) assert.ok(!/^(javascript|vbscript|data|file):/.test(v), v);
    assert.ok(!/href="\s*java/i.test(html));
    // A talk's unsafe links are left out, on its page and in the series' list; its safe one is shown.
    for (const path of ['seminars/ml-theory-seminar/2025-03-14-mingze-wang/index.html', 'seminars/ml-theory-seminar/index.html']) {
      const markup = page(files, path);
      assert.ok(markup.includes('href="https://example.org/paper-30"'), `${path}: the paper`);
      assert.ok(!/alert\(3[012]\)/.test(markup), `${path}: no unsafe link of the talk`);
    }
  });

  it('escapes `</script>` inside JSON-LD blocks, which stay valid JSON', () => {
    const event = page(files, 'seminars/ml-theory-seminar/2025-03-14-mingze-wang/index.html');
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(event)![1]!;
    assert.ok(!block.includes('</'));
    assert.equal((JSON.parse(block) as { name: string }).name, '</script><script>alert(11)</script>');
  });
});

describe('email', () => {
  it('is a mailto: link only when vita.yaml turns obfuscation off', () => {
    const graph = changed((g) => {
      g.config.email = { obfuscate: false };
    });
    const html = page(toMap(renderSite(graph, { now: NOW })), 'people/lei-wu/index.html');
    assert.ok(html.includes('href="mailto:leiwu@math.pku.edu.cn"'));
  });
});

describe('identifiers and odd keys', () => {
  const graph = changed((g) => {
    const pub = g.publications.get('wu2022spectral')!;
    const dblp = { ...pub, id: 'journals/jmlr/WuL22:x', doi: '10.5555/3586589.3586620', openreview: 'abc123' };
    g.publications.set(dblp.id, dblp);
    g.publications.set('Journals-JMLR-WuL22-x', { ...pub, id: 'Journals-JMLR-WuL22-x' });
  });
  const files = toMap(renderSite(graph, { now: NOW }));

  it('gives DBLP keys a safe folder, and tells clashing keys apart', () => {
    const a = page(files, 'publications/journals-jmlr-wul22-x/index.html');
    const b = page(files, 'publications/journals-jmlr-wul22-x-2/index.html');
    assert.ok(a.includes('data-key') || a.includes('citation_title'));
    assert.ok(b.length > 0);
  });

  it('links DOI and OpenReview, and tags the DOI for Google Scholar', () => {
    const html = [...files].find(([p, c]) => p.startsWith('publications/journals-jmlr') && String(c).includes('citation_doi'))?.[1] as string;
    assert.ok(html, 'a page with citation_doi');
    assert.ok(html.includes('<meta name="citation_doi" content="10.5555/3586589.3586620">'));
    assert.ok(html.includes('href="https://doi.org/10.5555/3586589.3586620"'));
    assert.ok(html.includes('href="https://openreview.net/forum?id=abc123"'));
  });
});

describe('theme', () => {
  it('vita.yaml theme colors and fonts override the stylesheet, and cannot inject markup', () => {
    const graph = changed((g) => {
      g.config.theme = { colors: { accent: '#0a6', bad: 'red}</style><script>alert(1)</script>' }, fonts: { 'font-body': 'Georgia, serif' } };
    });
    const html = page(toMap(renderSite(graph, { now: NOW })), 'index.html');
    assert.ok(html.includes('<style>:root{--accent:#0a6;--font-body:Georgia, serif}</style>'), 'light colours and fonts; the dark theme keeps its own colours');
    assert.ok(!html.includes('alert(1)'));
  });

  it('darkColors set the dark theme, whether the reader or the system chose it', () => {
    const graph = changed((g) => {
      g.config.theme = { colors: { accent: '#8c1515' }, darkColors: { accent: '#f28b8b' } };
    });
    const html = page(toMap(renderSite(graph, { now: NOW })), 'index.html');
    assert.ok(
      html.includes('<style>:root{--accent:#8c1515}:root[data-theme=dark]{--accent:#f28b8b}@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--accent:#f28b8b}}</style>'),
    );
  });
});

describe('photos, previews and alumni', () => {
  it('shows a photo as a resized <picture>, copies the original for Open Graph', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const sharp = (await import('sharp')).default;
    const root = mkdtempSync(join(tmpdir(), 'vita-photo-'));
    try {
      mkdirSync(join(root, 'assets'));
      const jpeg = await sharp({ create: { width: 320, height: 400, channels: 3, background: '#884422' } }).jpeg().toBuffer();
      writeFileSync(join(root, 'assets/lei wu.jpg'), jpeg);
      const graph = changed((g) => {
        g.root = root;
        // The root is another folder: of the example's files under assets/ (copied into every site), none is there.
        g.files = [...g.files.filter((f) => !f.startsWith('assets/')), 'assets/lei wu.jpg'];
        g.people.get('lei-wu')!.data.photo = 'assets/lei wu.jpg';
      });
      const files = toMap(renderSite(graph, { now: NOW }));
      const html = page(files, 'people/lei-wu/index.html');
      assert.match(html, /<img class="photo" src="\/pku-ml\/img\/lei-wu-[0-9a-f]{16}-304\.jpg" srcset="[^"]+" sizes="[^"]+" alt="Lei Wu" width="152" height="190"/);
      assert.ok(html.includes('<meta property="og:image" content="https://example.org/pku-ml/assets/lei%20wu.jpg">'));
      assert.deepEqual(Buffer.from(files.get('assets/lei wu.jpg') as Uint8Array), jpeg);
      assert.ok(!files.has('people/lei-wu.yaml'), 'the record itself is not published');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never lets a photo or preview path make markup or an unsafe URL', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const sharp = (await import('sharp')).default;
    const root = mkdtempSync(join(tmpdir(), 'vita-photo-'));
    const odd = 'assets/"><svg onload=alert(1)><img src=x onerror=alert(2) x=".png';
    try {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, odd), await sharp({ create: { width: 200, height: 100, channels: 3, background: '#000' } }).png().toBuffer());
      const graph = changed((g) => {
        g.root = root;
        g.files = [...g.files.filter((f) => !f.startsWith('assets/')), odd];
        g.people.get('lei-wu')!.data.photo = odd;
        g.people.get('mingze-wang')!.data.photo = 'javascript:alert(3)';
        g.publications.get('li2025functional')!.preview = odd;
        g.publications.get('wang2025sharpness')!.preview = 'data:image/svg+xml,<svg onload=alert(4)>';
      });
      const html = allHtml(toMap(renderSite(graph, { now: NOW })));
      const bad = /<svg onload|<img src=x|javascript:alert|data:image/i.exec(html);
      assert.ok(!bad, `nothing of the paths runs: ${html.slice(Math.max(0, (bad?.index ?? 0) - 200), (bad?.index ?? 0) + 60)}`);
      assert.ok(html.includes('<div class="pub-preview"><picture>'), 'the odd but real file is still shown, under a safe name');
      const values = [...html.matchAll(/\s(?:src|srcset)="([^"]*)"/g)].map((m) => m[1]!);
      for (const v of values) assert.ok(!/["<>]/.test(v) && !/^\s*(javascript|data):/i.test(v), v);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lists former members with their years and where they went next', () => {
    const graph = changed((g) => {
      const m = g.people.get('mingze-wang')!;
      m.data.member = { role: 'phd', start: '2021-09', end: '2025-06', next: 'Postdoc at MIT' };
    });
    const body = text(page(toMap(renderSite(graph, { now: NOW })), 'group/index.html'));
    assert.match(body, /Alumni Mingze Wang Ph\.D\. Students, 2021–2025 → Postdoc at MIT/);
  });
});
