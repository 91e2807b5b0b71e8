import { describe, it } from 'node:test';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject } from '../../../src/index.js';
import assert from 'node:assert/strict';
import { findCitations } from '../../../src/resolve/citations.js';
import { byDateDescending } from '../../../src/resolve/publications.js';
import { renderSite } from '../../../src/render/site/index.js';
import { exampleGraph, exampleSite, ids, jsonLdBlocks, NOW, page, text, toMap } from './helpers.js';

describe('person homepage (seed 000)', () => {
  const html = page(exampleSite(), 'people/lei-wu/index.html');
  const body = text(html);

  it('shows who Lei Wu is and how to reach him', () => {
    assert.match(html, /Lei Wu <span class="other-script" lang="zh">吴磊<\/span>/);
    assert.ok(body.includes('Assistant Professor'));
    assert.ok(body.includes('静园6院 205'));
    assert.ok(body.includes('School of Mathematical Sciences'));
    assert.ok(html.includes('href="https://www.math.pku.edu.cn/"'), 'affiliations link to their sites');
    assert.ok(body.includes('Google Scholar') && body.includes('GitHub'));
    assert.ok(html.includes('href="/pku-ml/people/lei-wu/cv/"'), 'the CV link leads to the CV page');
  });

  it('shows the email obfuscated, never as a mailto: link', () => {
    assert.ok(body.includes('leiwu (at) math (dot) pku (dot) edu (dot) cn'));
    assert.ok(!html.includes('mailto:leiwu'));
    assert.ok(!html.includes('leiwu@math.pku.edu.cn'));
  });

  it('no page of the site carries a mailto: link while vita.yaml obfuscates emails', () => {
    for (const [path, content] of exampleSite()) if (path.endsWith('.html')) assert.ok(!String(content).includes('mailto:'), path);
  });

  it('has About, the research vision with its three themes, selected publications, recruiting and news', () => {
    assert.ok(body.includes('advised by Prof. Weinan E'));
    for (const theme of ['Approximation and representation', 'Learning dynamics', 'Scaling laws']) assert.ok(body.includes(theme), theme);
    assert.ok(body.includes('Functional Scaling Laws'));
    assert.ok(body.includes('actively seeking self-motivated postdocs'));
    assert.ok(body.includes('Constant-depth network with smooth activations released on arXiv.'));
  });

  it('carries schema.org Person data and Open Graph tags', () => {
    const person = jsonLdBlocks(html).find((d) => (d as { '@type': string })['@type'] === 'Person') as Record<string, unknown>;
    assert.equal(person.name, 'Lei Wu');
    assert.deepEqual(person.alternateName, ['吴磊']);
    assert.equal(person.email, undefined, 'an obfuscated email is not handed to harvesters in JSON-LD');
    assert.match(html, /<meta property="og:title" content="Lei Wu">/);
    assert.match(html, /<link rel="canonical" href="https:\/\/example.org\/pku-ml\/people\/lei-wu\/">/);
  });
});

describe('research page (seed 002)', () => {
  const html = page(exampleSite(), 'people/mingze-wang/research/index.html');
  const anchors = ids(html);

  it('numbers every citation after the list it links to', () => {
    const cites = [...html.matchAll(/<a href="#pub-(\d+)">\[(\d+)\]<\/a>/g)];
    assert.ok(cites.length > 50, `citations found: ${cites.length}`);
    for (const [, target, shown] of cites) {
      assert.equal(target, shown);
      assert.ok(anchors.has(`pub-${target}`), `#pub-${target} exists`);
    }
  });

  it('each citation group links to exactly the papers it cites', () => {
    const source = exampleGraph().people.get('mingze-wang')!.sections.research!.text;
    const groups = [...source.matchAll(/\[(@[^\]]+)\]/g)].map((g) => new Set(findCitations(g[0]).map((c) => c.key)));
    const keyAt = new Map([...html.matchAll(/<li class="pub" id="pub-(\d+)" data-key="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    const rendered = [...html.matchAll(/(?:<a href="#pub-\d+">\[\d+\]<\/a>)+/g)].map(
      (run) => new Set([...run[0].matchAll(/#pub-(\d+)/g)].map((m) => keyAt.get(m[1]!))),
    );
    assert.equal(rendered.length, groups.length);
    groups.forEach((keys, i) => assert.deepEqual(rendered[i], keys, `citation group ${i + 1}`));
  });

  it('numbers descending, as Mingze Wang’s CV does: the first item shown has the highest number', () => {
    const numbers = [...html.matchAll(/<span class="pub-number">\[(\d+)\]<\/span>/g)].map((m) => Number(m[1]));
    assert.equal(numbers[0], numbers.length);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a));
  });

  it('lists co-authors of the project with their affiliations', () => {
    const co = text(html.slice(html.indexOf('id="coauthors"')));
    for (const who of ['Weinan E', 'Chao Ma', 'Lei Wu', 'Weijie Su']) assert.ok(co.includes(who), who);
    assert.ok(co.includes('Department of Mathematics, Stanford University'));
  });

  it('shows the legend, since equal contribution and project lead are marked', () => {
    assert.match(text(html), /\* indicates equal contribution; † means project lead\./);
  });
});

describe('publication lists', () => {
  const site = exampleSite();
  it('groups by status then year, badges venues, highlights awards, bolds the owner', () => {
    const html = page(site, 'people/lei-wu/publications/index.html');
    const order = ['id="published"', 'id="preprints"', 'id="inPreparation"'].map((s) => html.indexOf(s));
    assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!);
    assert.match(html, /<span class="badge" title="Advances in Neural Information Processing Systems">NeurIPS<\/span>/);
    assert.match(html, /<span class="award">Spotlight<\/span>/);
    assert.match(html, /<strong class="me">Lei Wu<\/strong>/);
    assert.ok(html.includes('<a href="/pku-ml/people/mingze-wang/">Mingze Wang</a>'), 'co-authors of the project are linked');
    assert.match(html, /<form class="filters"[^>]*hidden data-filters>/, 'the filter bar waits for the script');
    assert.match(html, /\* indicates equal contribution or alphabetical author order/);
  });

  it('links arXiv and code, and offers abstract and BibTeX per item', () => {
    const html = page(site, 'people/lei-wu/publications/index.html');
    assert.ok(html.includes('href="https://arxiv.org/abs/2310.00692"'));
    assert.ok(html.includes('href="https://github.com/wmz9/IRE"'));
    assert.ok(html.includes('<summary>Abstract</summary>'));
    assert.ok(html.includes('<summary>BibTeX</summary>'));
  });

  it('shows the legend only where a mark is used', () => {
    const plain = page(site, 'publications/li2025functional/index.html');
    assert.ok(!plain.includes('class="legend"'));
    const marked = page(site, 'publications/wang2025sharpness/index.html');
    assert.match(text(marked), /\* indicates equal contribution; † means project lead\./);
  });

  it('prints "et al." for a cut-short author list', () => {
    assert.match(text(page(site, 'publications/wang2025gradpower/index.html')), /Mingze Wang †? ?, et al\.|Mingze Wang†, et al\./);
  });

  it('cleans the BibTeX it shows of site-only fields and author marks', () => {
    const html = page(site, 'publications/wang2025sharpness/index.html');
    const bib = text(html.slice(html.indexOf('<pre><code>'), html.indexOf('</code></pre>')));
    assert.ok(bib.includes('author = {Wang, Jinbo and Wang, Mingze and Zhou, Zhanpeng'), bib);
    assert.ok(!/abbr|keywords|abstract|\$\^\\dagger\$/.test(bib), bib);
  });
});

describe('one page per publication', () => {
  const html = page(exampleSite(), 'publications/wang2024rich/index.html');
  it('has Google Scholar citation_* meta tags', () => {
    assert.match(html, /<meta name="citation_title" content="How Transformers Get Rich: Approximation and Dynamics Analysis">/);
    const authors = [...html.matchAll(/<meta name="citation_author" content="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(authors, ['Mingze Wang', 'Ruoxi Yu', 'Weinan E', 'Lei Wu']);
    assert.match(html, /<meta name="citation_publication_date" content="2024">/);
    assert.match(html, /<meta name="citation_pdf_url" content="https:\/\/arxiv.org\/pdf\/2410.11474">/);
    assert.match(html, /<meta name="citation_arxiv_id" content="2410.11474">/);
  });

  it('names the conference or the journal', () => {
    assert.match(page(exampleSite(), 'publications/wang2025sharpness/index.html'), /<meta name="citation_conference_title" content="International Conference on Machine Learning">/);
    assert.match(page(exampleSite(), 'publications/wu2022spectral/index.html'), /<meta name="citation_journal_title" content="Journal of Machine Learning Research">/);
  });

  it('has valid ScholarlyArticle JSON-LD', () => {
    const [data] = jsonLdBlocks(html) as Record<string, unknown>[];
    assert.equal(data!['@type'], 'ScholarlyArticle');
    assert.equal((data!.author as unknown[]).length, 4);
  });

  it('typesets math in titles at build time and loads KaTeX CSS only where there is math', () => {
    const math = page(exampleSite(), 'publications/chen2023learnability/index.html');
    assert.ok(math.includes('class="katex"'));
    assert.ok(math.includes('<math xmlns="http://www.w3.org/1998/Math/MathML">'), 'MathML for screen readers');
    assert.ok(math.includes('assets/katex/katex.min.css'));
    assert.ok(!page(exampleSite(), 'publications/zhu2025single/index.html').includes('katex.min.css'));
    assert.match(math, /<title>The L\^\\infty Learnability|<title>The \$L\^\\infty\$ Learnability/);
  });
});

describe('seminars', () => {
  const site = exampleSite();
  const html = page(site, 'seminars/scms-colloquium/2025-07-23-weijie-su/index.html');
  it('shows everything on the poster, in the event’s time zone', () => {
    const body = text(html);
    assert.ok(body.includes('Wed 23 July 2025, 10:30–11:30 (Asia/Shanghai)'));
    assert.ok(body.includes('Toward a Mathematical Theory of Deep Learning'));
    assert.ok(body.includes('Prof. Weijie Su') && body.includes('University of Pennsylvania'));
    assert.ok(body.includes('Rm 102, SCMS'));
    assert.ok(body.includes('Shanghai Center for Mathematical Sciences') && body.includes('上海数学中心'));
    assert.ok(body.includes('scms (at) fudan (dot) edu (dot) cn'));
    assert.ok(body.includes('Stanford Theodore W. Anderson Dissertation Award'));
    assert.ok(html.includes('href="/pku-ml/seminars/scms-colloquium/2025-07-23-weijie-su/event.ics"'));
    assert.ok(html.includes('href="/pku-ml/seminars/scms-colloquium/calendar.ics"'));
  });

  it('has schema.org Event data with the local time and its offset', () => {
    const [data] = jsonLdBlocks(html) as Record<string, unknown>[];
    assert.equal(data!['@type'], 'Event');
    assert.equal(data!.startDate, '2025-07-23T10:30:00+08:00');
    assert.equal(data!.endDate, '2025-07-23T11:30:00+08:00');
  });

  it('splits a series into upcoming and past talks', () => {
    const series = text(page(site, 'seminars/ml-theory-seminar/index.html'));
    assert.ok(series.indexOf('Past') > series.indexOf('Upcoming'));
    assert.ok(series.includes('No talks are scheduled at the moment.'));
    const colloquium = page(site, 'seminars/scms-colloquium/index.html');
    assert.ok(colloquium.indexOf('2025-07-23-weijie-su') < colloquium.indexOf('<h2>Host'));
  });

  it('shows a talk’s links on its page and in the series’ list', () => {
    const event = page(site, 'seminars/ml-theory-seminar/2025-04-11-anna-keller/index.html');
    assert.match(event, /<a class="action link-video" href="https:\/\/video\.example\.org\/ml-theory\/2025-04-11-keller">Video<\/a>/);
    assert.match(event, /<a class="action link-paper" href="https:\/\/example\.org\/~akeller\/uniform-guarantees\.pdf">Paper<\/a>/);
    const list = page(site, 'seminars/ml-theory-seminar/index.html');
    assert.match(list, /<p class="pub-links event-links"><a href="https:\/\/video\.example\.org\/ml-theory\/2025-04-11-keller" class="link-video">Video<\/a> <a href="https:\/\/example\.org\/~akeller\/uniform-guarantees\.pdf" class="link-paper">Paper<\/a><\/p>/);
  });

  it('typesets the abstract’s math', () => {
    assert.ok(page(site, 'seminars/ml-theory-seminar/2025-04-11-anna-keller/index.html').includes('class="katex"'));
  });

  it('lists seminar talks among the speaker’s talks, linking the event', () => {
    const talks = page(site, 'people/mingze-wang/talks/index.html');
    assert.ok(talks.includes('href="/pku-ml/seminars/ml-theory-seminar/2025-03-14-mingze-wang/"'));
  });
});

describe('group, news, CV, teaching', () => {
  const site = exampleSite();
  it('the landing page names the group in both scripts, its lead, members, news, papers, seminars', () => {
    const html = page(site, 'index.html');
    assert.match(html, /Machine Learning Theory Group <span class="other-script" lang="zh">机器学习理论课题组<\/span>/);
    const body = text(html);
    for (const s of ['Group lead', 'Lei Wu', 'Mingze Wang', 'Recent News', 'Selected Publications', 'Seminars']) assert.ok(body.includes(s), s);
  });

  it('the group page lists members by role, from `member` and from the lead’s students', () => {
    const body = text(page(site, 'group/index.html'));
    assert.ok(body.includes('Ph.D. Students'));
    assert.ok(body.includes('Mingze Wang') && body.includes('Shan Jiang') && body.includes('Kaizhao Liu'));
  });

  it('the news page lists every item, with links to the papers', () => {
    const html = page(site, 'news/index.html');
    assert.equal([...html.matchAll(/<li class="news-item"/g)].length, exampleGraph().news.length);
    assert.ok(html.includes('href="/pku-ml/publications/li2025functional/"'));
  });

  it('the CV page renders the CV model: advisors linked, awards with amounts, service with years, link to the PDF', () => {
    const html = page(site, 'people/mingze-wang/cv/index.html');
    const body = text(html);
    assert.ok(html.includes('<a href="/pku-ml/people/weinan-e/">Weinan E</a>'));
    assert.ok(body.includes('National Scholarship') && body.includes('¥30,000'));
    assert.ok(body.includes('Young Scientists (Ph.D) Fund') && body.includes('¥300,000'));
    assert.ok(html.includes('href="/pku-ml/people/mingze-wang/cv.pdf"'));
    const lei = text(page(site, 'people/lei-wu/cv/index.html'));
    assert.ok(lei.includes('NeurIPS (2019–2022)'));
    assert.ok(lei.includes('Mathematical Introduction to Machine Learning'));
  });

  it("the CV page cites each paper in one sentence, as the PDF does: no abstract or BibTeX, the title leading to the paper's page", () => {
    const html = page(site, 'people/lei-wu/cv/index.html');
    const items = [...html.matchAll(/<li class="pub compact" id="pub-(\d+)">([\s\S]*?)<\/li>/g)];
    const mine = exampleGraph().people.get('lei-wu')!.publications.length;
    assert.equal(items.length, mine, 'every paper of the CV, once');
    assert.deepEqual(items.map((m) => Number(m[1])).sort((a, b) => a - b), Array.from({ length: mine }, (_, i) => i + 1));
    assert.ok(!html.includes('class="abstract"') && !html.includes('class="bibtex"'));
    const nips = items.find((m) => m[2]!.includes('Theoretical Analysis of Inductive Biases'))![2]!;
    assert.match(nips, /<strong class="me">Lei Wu<\/strong>/);
    assert.match(nips, /<a class="cite-title" href="\/pku-ml\/publications\/[^"]+\/">Theoretical Analysis of Inductive Biases in Deep Convolutional Networks<\/a>\./);
    assert.match(nips, /<em class="venue-name">Advances in Neural Information Processing Systems \(NeurIPS\)<\/em>, 2023\./);
    // The research section's citations ([3]) lead to these entries.
    for (const [, n] of html.matchAll(/href="#pub-(\d+)"/g)) assert.ok(items.some((m) => m[1] === n), `#pub-${n} is an entry`);
  });

  it('the teaching page groups courses by role', () => {
    const body = text(page(site, 'people/lei-wu/teaching/index.html'));
    assert.ok(body.indexOf('Instructor') < body.indexOf('Teaching assistant'));
    assert.ok(body.includes('Convex Optimization'));
  });
});

describe('languages', () => {
  const site = exampleSite();
  it('marks Chinese names with lang="zh" on English pages', () => {
    assert.match(page(site, 'people/weinan-e/index.html'), /<span class="other-script" lang="zh">鄂维南<\/span>/);
  });
  it('renders the Chinese tree with its interface and links between the two', () => {
    const zh = page(site, 'zh/people/lei-wu/index.html');
    assert.match(zh, /<html lang="zh">/);
    assert.ok(zh.includes('<h1>吴磊 <span class="other-script" lang="en">Lei Wu</span></h1>'));
    assert.ok(text(zh).includes('研究愿景'));
    assert.ok(zh.includes('hreflang="en" lang="en">English</a>'));
    assert.ok(page(site, 'people/lei-wu/index.html').includes('href="/pku-ml/zh/people/lei-wu/" hreflang="zh" lang="zh">中文</a>'));
  });
});

describe('the order of lists', () => {
  it("orders papers of the same date the same way on the group's list and on an author's", () => {
    const g = exampleGraph();
    const lei = g.people.get('lei-wu')!;
    const [a, b] = lei.publications.filter((k) => g.publications.get(k)!.status === 'published');
    // Two papers of one day whose titles sort differently by locale ("alpha" first) and by code point ("Zeta" first).
    const publications = new Map(g.publications);
    publications.set(a!, { ...g.publications.get(a!)!, sortDate: '2024-05-01', title: 'alpha: a paper' });
    publications.set(b!, { ...g.publications.get(b!)!, sortDate: '2024-05-01', title: 'Zeta: another paper' });
    // As the resolver would order Lei Wu's list after such an edit.
    const people = new Map(g.people);
    people.set('lei-wu', { ...lei, publications: [...lei.publications].sort((x, y) => byDateDescending(publications.get(x)!, publications.get(y)!)) });
    const site = toMap(renderSite({ ...g, publications, people }, { now: NOW }));
    const order = (path: string) => [...page(site, path).matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]).filter((k) => k === a || k === b);
    assert.deepEqual(order('people/lei-wu/publications/index.html'), order('publications/index.html'));
  });
});

describe('long publication lists: a page per year', () => {
  // The example's lists are short; with a page size of 10 they are long.
  const g = exampleGraph();
  const graph = { ...g, config: { ...g.config, publications: { ...g.config.publications!, pageSize: 10 } } };
  const site = toMap(renderSite(graph, { now: NOW }));
  const years = [...new Set([...g.publications.values()].map((p) => p.year))].sort((a, b) => b - a);

  it('gives every year of the group list its own page, with all of that year’s papers', () => {
    for (const year of years) {
      const html = page(site, `publications/${year}/index.html`);
      const count = [...g.publications.values()].filter((p) => p.year === year).length;
      assert.equal((html.match(/<li class="pub"/g) ?? []).length, count, `${year}: ${count} papers`);
      assert.match(html, new RegExp(`<a href="/pku-ml/publications/${year}/" aria-current="page">`));
    }
  });

  it('shows the newest years on the first page, and links to every year', () => {
    const html = page(site, 'publications/index.html');
    const shown = (html.match(/<li class="pub"/g) ?? []).length;
    const newest = [...g.publications.values()].filter((p) => p.year === years[0]).length;
    assert.ok(shown >= newest && shown < g.publications.size, `${shown} of ${g.publications.size} shown`);
    for (const year of years) assert.ok(html.includes(`<a href="/pku-ml/publications/${year}/">`), `links to ${year}`);
  });

  it('splits a person’s long list the same way, and leaves short lists whole', () => {
    const lei = [...g.people.values()].find((p) => p.id === 'lei-wu')!;
    assert.ok(lei.publications.length > 10);
    const first = page(site, 'people/lei-wu/publications/index.html');
    assert.match(first, /class="year-pages"/);
    const own = [...new Set(lei.publications.map((k) => g.publications.get(k)!.year))];
    for (const year of own) assert.ok(site.has(`people/lei-wu/publications/${year}/index.html`), `Lei Wu's ${year}`);
    assert.ok(!exampleSite().has('publications/2024/index.html'), 'the example itself keeps one page');
  });
});

describe('a seminar’s own site (no owner, no group, no papers)', () => {
  it('has no empty group or publication pages, and its home shows its talks', () => {
    const root = mkdtempSync(join(tmpdir(), 'vita-seminar-site-'));
    try {
      const series = join(root, 'seminars', 'scms-colloquium');
      mkdirSync(series, { recursive: true });
      writeFileSync(join(root, 'vita.yaml'), 'title: SCMS Colloquium\ndescription: Talks at the Shanghai Center for Mathematical Sciences.\nbaseUrl: https://example.org/colloquium/\n');
      cpSync('examples/pku-group/seminars/scms-colloquium/series.yaml', join(series, 'series.yaml'));
      const event = readFileSync('examples/pku-group/seminars/scms-colloquium/2025-07-23-weijie-su.yaml', 'utf8').replace('person: weijie-su', 'name: Weijie Su');
      writeFileSync(join(series, '2025-07-23-weijie-su.yaml'), event);
      const opened = openProject(root, { today: NOW });
      assert.equal(opened.diagnostics.errorCount, 0);
      const site = toMap(renderSite(opened.graph, { now: NOW }));
      const pages = [...site.keys()].filter((p) => p.endsWith('.html'));
      assert.ok(!pages.some((p) => p.startsWith('group/') || p.startsWith('publications/')), pages.join(', '));
      const home = page(site, 'index.html');
      const nav = home.slice(home.indexOf('<nav class="site-nav"'), home.indexOf('</nav>'));
      assert.deepEqual([...nav.matchAll(/<a href="[^"]*"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]), ['Home', 'Seminars']);
      const body = text(home);
      for (const s of ['SCMS Colloquium', 'Talks at the Shanghai Center', 'Toward a Mathematical Theory of Deep Learning', 'Prof. Weijie Su']) assert.ok(body.includes(s), s);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
