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
  });
  const files = toMap(renderSite(graph, { now: NOW }));
  const html = allHtml(files);

  it('shows a <script> in a title as text', () => {
    assert.ok(!/<script>alert/i.test(html), 'no script from the record reaches the page');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;'));
    assert.ok(text(page(files, 'publications/li2025functional/index.html')).includes('Scaling <script>alert("title")</script> & <b>bold</b>'));
    assert.ok(!html.includes('<img src=x') && !html.includes('<iframe') && !html.includes('<i>Oral</i>'));
  });

  it('never lets an unsafe scheme reach an href or src', () => {
    const values = [...html.matchAll(/\s(?:href|src|content)="([^"]*)"/g)].map((m) => m[1]!.replace(/&#9;|\s/g, '').toLowerCase());
    for (const v of values) assert.ok(!/^(javascript|vbscript|data|file):/.test(v), v);
    assert.ok(!/href="\s*java/i.test(html));
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

describe('photos and alumni', () => {
  it('shows a photo, copies it into the site, and uses it for Open Graph', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'vita-photo-'));
    try {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'assets/lei wu.jpg'), 'JPEG');
      const graph = changed((g) => {
        g.root = root;
        g.files = [...g.files, 'assets/lei wu.jpg'];
        g.people.get('lei-wu')!.data.photo = 'assets/lei wu.jpg';
      });
      const files = toMap(renderSite(graph, { now: NOW }));
      const html = page(files, 'people/lei-wu/index.html');
      assert.ok(html.includes('<img class="photo" src="/pku-ml/assets/lei%20wu.jpg" alt="Lei Wu"'));
      assert.ok(html.includes('<meta property="og:image" content="https://example.org/pku-ml/assets/lei%20wu.jpg">'));
      assert.equal(Buffer.from(files.get('assets/lei wu.jpg') as Uint8Array).toString(), 'JPEG');
      assert.ok(!files.has('people/lei-wu.yaml'), 'the record itself is not published');
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
