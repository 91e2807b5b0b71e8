/** The build-time SVG charts: their structure, the numbers they carry, the same bytes on every build, nothing drawn from too little. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { citationsPerYearChart } from '../../../src/render/site/charts/citations-per-year.js';
import { coauthorNetworkChart, type JointPapers, type NetworkPerson } from '../../../src/render/site/charts/coauthor-network.js';
import { labelledYears, num, ticks, yearSpan } from '../../../src/render/site/charts/frame.js';
import { publicationsPerYearChart, type PaperYear } from '../../../src/render/site/charts/publications-per-year.js';
import { CATALOGUES, strings } from '../../../src/strings/index.js';
import type { Graph, Person } from '../../../src/resolve/graph.js';
import { createSite } from '../../../src/render/site/context.js';
import { groupPage } from '../../../src/render/site/pages/group.js';
import { personPublicationsPage } from '../../../src/render/site/pages/publications.js';
import { exampleGraph, exampleSite, NOW, page } from './helpers.js';

const en = strings('en');

/** The text of every <title> in the markup, entities as written. */
const titles = (svg: string) => [...svg.matchAll(/<title[^>]*>([^<]*)<\/title>/g)].map((m) => m[1]!);
const count = (s: string, needle: string | RegExp) => (typeof needle === 'string' ? s.split(needle).length - 1 : [...s.matchAll(needle)].length);

/** Opening tags must be closed in order: a cheap check that the SVG and the HTML around it are well nested. */
function assertNested(markup: string): void {
  const stack: string[] = [];
  const VOID = new Set(['br', 'img', 'input', 'meta', 'link']);
  for (const m of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (selfClosing || VOID.has(name!)) continue;
    if (close) assert.equal(stack.pop(), name, `</${name}> closes something else`);
    else stack.push(name!);
  }
  assert.deepEqual(stack, [], 'every element is closed');
}

const PAPERS: PaperYear[] = [
  { year: 2018, type: 'article' },
  { year: 2018, type: 'conference' },
  { year: 2018, type: 'conference' },
  { year: 2021, type: 'preprint' },
  { year: 2021, type: 'article' },
  { year: 2022, type: 'conference' },
];

describe('publications per year by type', () => {
  const svg = publicationsPerYearChart(PAPERS, en, { id: 'pubs' });

  it('is an SVG image named and described by its title and desc, inside a figure with its caption', () => {
    assertNested(svg);
    assert.match(svg, /^<figure class="chart chart-publications" id="pubs" data-pagefind-ignore>/);
    assert.match(svg, /<figcaption>Publications per year<\/figcaption>/);
    assert.match(svg, /<svg class="chart-svg" viewBox="0 0 480 \d+" role="img" aria-labelledby="pubs-title" aria-describedby="pubs-desc"/);
    assert.match(svg, /<title id="pubs-title">Publications per year<\/title>/);
    assert.match(svg, /<desc id="pubs-desc">6 publications from 2018 to 2022, stacked by type: Journal article 2, Conference paper 3, Preprint 1\.<\/desc>/);
  });

  it('draws one bar piece per year and type, each with its count on hover', () => {
    assert.equal(count(svg, /<rect x=/g), 5);
    const t = titles(svg);
    for (const expected of ['2018 · Conference paper: 2 papers', '2018 · Journal article: 1 paper', '2021 · Preprint: 1 paper', '2022 · Conference paper: 1 paper', '2018: 3 papers'])
      assert.ok(t.includes(expected), `${expected} in ${t.join(' | ')}`);
  });

  it('keeps the years without papers on the axis and in the table', () => {
    for (const year of [2018, 2019, 2020, 2021, 2022]) assert.ok(svg.includes(`<th scope="row">${year}</th>`), `${year} has a row`);
    assert.match(svg, /<th scope="row">2019<\/th><td>0<\/td><td>0<\/td><td>0<\/td><td>0<\/td>/);
    // Five slots of (472 - 30) / 5 units: 2021 is labelled under the middle of the fourth.
    assert.match(svg, /<text x="339\.4" y="[\d.]+">2021<\/text>/);
  });

  it('gives each type its own texture and names it in the legend, in the order of the schema', () => {
    assert.deepEqual([...svg.matchAll(/<pattern id="pubs-(\w+)"/g)].map((m) => m[1]), ['article', 'conference', 'preprint']);
    assert.equal(count(svg, '<path class="chart-mark"'), 2, 'every type but the first has a texture over its colour');
    assert.match(svg, /<ul class="chart-legend"><li><svg[^>]*aria-hidden="true"[^>]*><rect[^>]*fill="url\(#pubs-article\)"\/><\/svg>Journal article<\/li>/);
  });

  it('draws the same bytes whatever order the papers come in', () => {
    assert.equal(publicationsPerYearChart([...PAPERS].reverse(), en, { id: 'pubs' }), svg);
    assert.equal(publicationsPerYearChart(PAPERS, en, { id: 'pubs' }), svg);
  });

  it('draws nothing for no papers or papers of one year, and a chart from two years on', () => {
    assert.equal(publicationsPerYearChart([], en), '');
    assert.equal(publicationsPerYearChart([{ year: 2020, type: 'article' }, { year: 2020, type: 'preprint' }], en), '');
    assert.notEqual(publicationsPerYearChart([{ year: 2020, type: 'article' }, { year: 2023, type: 'preprint' }], en), '');
    // A year mistyped far from the others (2202 for 2022) would stretch the axis over centuries: no chart.
    assert.equal(publicationsPerYearChart([{ year: 2020, type: 'article' }, { year: 2202, type: 'preprint' }], en), '');
    assert.notEqual(publicationsPerYearChart([{ year: 1950, type: 'article' }, { year: 2024, type: 'preprint' }], en), '');
  });

  it('speaks the page’s language', () => {
    const zh = publicationsPerYearChart(PAPERS, strings('zh'), { id: 'pubs' });
    assert.match(zh, /<title id="pubs-title">每年发表论文<\/title>/);
    assert.ok(zh.includes('</svg>期刊论文</li>'), 'the legend names the type in Chinese');
  });
});

describe('citations per year', () => {
  const perYear = [
    { year: 2019, count: 4 },
    { year: 2021, count: 12 },
    { year: 2022, count: 30 },
    { year: 2020, count: 0 },
  ];
  const svg = citationsPerYearChart(perYear, en, { id: 'cites', asOf: '2025-06-30' });

  it('is a named, described SVG image whose bars carry their counts', () => {
    assertNested(svg);
    assert.match(svg, /role="img" aria-labelledby="cites-title" aria-describedby="cites-desc"/);
    assert.equal(count(svg, /<rect class="chart-c1"/g), 3, 'a year with no citations has no bar');
    assert.deepEqual(titles(svg).slice(1), ['2019: 4 citations', '2021: 12 citations', '2022: 30 citations']);
  });

  it('never shows its numbers without the date they were counted', () => {
    assert.match(svg, /<figcaption>Citations per year <span class="muted">\(as of 2025-06-30\)<\/span><\/figcaption>/);
    assert.match(svg, /<desc id="cites-desc">46 citations from 2019 to 2022\. as of 2025-06-30<\/desc>/);
  });

  it('keeps the years in between, and lists every year in the table', () => {
    assert.match(svg, /<th scope="row">2020<\/th><td>0<\/td>/);
    assert.equal(count(svg, '<th scope="row">'), 4);
  });

  it('draws nothing with fewer than two years of citations, and ignores counts that are not numbers of citations', () => {
    assert.equal(citationsPerYearChart([], en), '');
    assert.equal(citationsPerYearChart([{ year: 2024, count: 10 }], en), '');
    assert.equal(citationsPerYearChart([{ year: 2024, count: 10 }, { year: 2023, count: 0 }, { year: 2022, count: -3 }, { year: 2021, count: Number.NaN }], en), '');
  });

  it('leaves room on the left for five-digit counts', () => {
    const big = citationsPerYearChart([{ year: 2023, count: 9000 }, { year: 2024, count: 12000 }], en);
    assert.match(big, /<text x="54" y="[\d.]+">15000<\/text>/);
    assert.ok(54 - '15000'.length * 16 * 0.56 >= 0, 'the label starts inside the frame');
  });

  it('is the same bytes on every call', () => {
    assert.equal(citationsPerYearChart([...perYear].reverse(), en, { id: 'cites', asOf: '2025-06-30' }), svg);
  });
});

describe('the co-author network', () => {
  const people: NetworkPerson[] = [
    { id: 'ann', name: 'Ann Lee', href: '/people/ann/', papers: 10, member: true },
    { id: 'bob', name: 'Bob <b>&"Tables"', href: '/people/bob/', papers: 4, member: true },
    { id: 'cy', name: 'Cy Young', href: '/people/cy/', papers: 7, member: false },
    { id: 'dee', name: 'Dee', papers: 1, member: true },
  ];
  const joint: JointPapers[] = [
    { a: 'ann', b: 'bob', count: 3 },
    { a: 'ann', b: 'cy', count: 5 },
    { a: 'bob', b: 'cy', count: 1 },
  ];
  const svg = coauthorNetworkChart(people, joint, en, { id: 'net' });

  it('is a named, described SVG group whose people are links to their pages', () => {
    assertNested(svg);
    assert.match(svg, /<svg class="chart-svg" viewBox="0 0 480 \d+" role="group" aria-labelledby="net-title" aria-describedby="net-desc"/);
    assert.match(svg, /<desc id="net-desc">4 people and 3 pairs of co-authors\./);
    assert.match(svg, /<a href="\/people\/ann\/"><title>Ann Lee: 10 papers<\/title>/);
    assert.match(svg, /<a href="\/people\/cy\/"><title>Cy Young: 7 papers<\/title>/);
    assert.ok(!svg.includes('<a href="undefined"'), 'someone without a page is drawn without a link');
  });

  it('escapes names everywhere they appear', () => {
    assert.ok(!svg.includes('<b>'), 'no markup from a name');
    assert.ok(svg.includes('Bob &lt;b&gt;&amp;&quot;Tables&quot;'));
    assert.ok(svg.includes('<title>Bob &lt;b&gt;&amp;&quot;Tables&quot;: 4 papers</title>'));
  });

  it('carries the joint papers on the lines, on hover and in the table', () => {
    assert.ok(titles(svg).includes('Ann Lee – Cy Young: 5 joint papers'));
    assert.ok(titles(svg).includes('Ann Lee – Bob &lt;b&gt;&amp;&quot;Tables&quot;: 3 joint papers'));
    assert.match(svg, /<tr><td><a href="\/people\/ann\/">Ann Lee<\/a> – <a href="\/people\/cy\/">Cy Young<\/a><\/td><td>5<\/td><\/tr>/);
    assert.equal(count(svg, /<line x1=[^>]*stroke-width=/g), 3);
    // The thickest line for the most joint papers.
    assert.match(svg, /stroke-width="7\.5"><title>Ann Lee – Cy Young/);
  });

  it('puts the most prolific at the top and goes round by papers; circles grow with papers', () => {
    const circles = [...svg.matchAll(/<circle class="(chart-\w+)" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"\/><text[^>]*>([^<]*)</g)].map((m) => ({ cls: m[1], cx: +m[2]!, cy: +m[3]!, r: +m[4]!, name: m[5] }));
    assert.deepEqual(circles.map((c) => c.name), ['Ann Lee', 'Cy Young', 'Bob &lt;b&gt;&amp;&quot;Tables&quot;', 'Dee']);
    assert.equal(circles[0]!.cx, 240);
    assert.ok(circles.every((c) => c.cy >= circles[0]!.cy));
    assert.ok(circles[0]!.r > circles[1]!.r && circles[1]!.r > circles[2]!.r && circles[2]!.r > circles[3]!.r);
    assert.equal(circles[1]!.cls, 'chart-other', 'a co-author from outside the group is drawn apart');
    assert.match(svg, /<li><svg[^>]*><circle class="chart-other"[^>]*\/><\/svg>Co-author<\/li>/);
  });

  it('is the same bytes whatever order people and pairs come in', () => {
    assert.equal(coauthorNetworkChart([...people].reverse(), [...joint].reverse(), en, { id: 'net' }), svg);
  });

  it('draws nothing for one person, or people without a joint paper', () => {
    assert.equal(coauthorNetworkChart(people.slice(0, 1), [], en), '');
    assert.equal(coauthorNetworkChart(people, [], en), '');
    assert.equal(coauthorNetworkChart(people, [{ a: 'ann', b: 'nobody', count: 2 }, { a: 'ann', b: 'bob', count: 0 }], en), '');
  });

  it('with many people, circles do not overlap and names are shortened to stay inside the frame', () => {
    const many: NetworkPerson[] = Array.from({ length: 16 }, (_, i) => ({ id: `p${i}`, name: `Firstname${i} Longsurname-Doublebarrel${i}`, href: `/p${i}/`, papers: 40 - i, member: true }));
    const pairs: JointPapers[] = many.slice(1).map((p) => ({ a: 'p0', b: p.id, count: 2 }));
    const out = coauthorNetworkChart(many, pairs, en);
    const nodes = [...out.matchAll(/<circle class="chart-member" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"\/><text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)">([^<]*)</g)].map((m) => ({ cx: +m[1]!, cy: +m[2]!, r: +m[3]!, x: +m[4]!, anchor: m[5]!, label: m[6]! }));
    assert.equal(nodes.length, 16);
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i]!;
      const b = nodes[(i + 1) % nodes.length]!;
      assert.ok(Math.hypot(a.cx - b.cx, a.cy - b.cy) > a.r + b.r, `circles ${i} and ${i + 1} overlap`);
      const width = a.label.length * 16 * 0.56;
      const [left, right] = a.anchor === 'start' ? [a.x, a.x + width] : a.anchor === 'end' ? [a.x - width, a.x] : [a.x - width / 2, a.x + width / 2];
      assert.ok(left >= 0 && right <= 480, `${a.label} runs out of the frame`);
    }
    assert.ok(nodes.some((n) => /^F\. Longsurname/.test(n.label)), 'a long name becomes initial and surname');
  });

  it('never links to a javascript: URL, and cuts long names short on the drawing only', () => {
    const long = 'Maximiliana Wolkenstein-Hohenberger';
    const out = coauthorNetworkChart(
      [
        { id: 'x', name: long, href: 'javascript:alert(1)', papers: 2, member: true },
        { id: 'y', name: 'Yu', href: '/y/', papers: 1, member: true },
      ],
      [{ a: 'x', b: 'y', count: 1 }],
      en,
    );
    assert.ok(!out.includes('javascript:'));
    assert.ok(out.includes('>Maximiliana Wolkens…</text>'));
    assert.ok(out.includes(`${long}: 2 papers`));
  });
});

describe('the charts’ frame', () => {
  it('writes coordinates with one decimal and never -0', () => {
    assert.equal(num(1 / 3), '0.3');
    assert.equal(num(-0.01), '0');
    assert.equal(num(12), '12');
  });
  it('chooses round ticks that reach the highest value', () => {
    assert.deepEqual(ticks(0), [0, 1]);
    assert.deepEqual(ticks(9), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(ticks(30), [0, 10, 20, 30]);
    assert.deepEqual(ticks(1234), [0, 500, 1000, 1500]);
  });
  it('spans the years with gaps and labels round years when they are crowded', () => {
    assert.deepEqual(yearSpan([2024, 2020]), [2020, 2021, 2022, 2023, 2024]);
    assert.deepEqual(yearSpan([1922, 2022]), []);
    assert.equal(labelledYears(yearSpan([2000, 2004]), 80).size, 5);
    assert.deepEqual([...labelledYears(yearSpan([1991, 2024]), 12.7)], [1995, 2000, 2005, 2010, 2015, 2020]);
  });
});

describe('the charts’ words', () => {
  it('every catalogue names every chart and its parts', () => {
    for (const [lang, t] of Object.entries(CATALOGUES)) {
      for (const [key, value] of Object.entries(t.charts)) {
        const text = typeof value === 'function' ? (value as (...a: unknown[]) => string)(3, 2019, 2024, 'x') : value;
        assert.ok(typeof text === 'string' && text.length > 0, `${lang}: charts.${key}`);
        if (lang !== 'en' && typeof value === 'string' && !['total', 'person', 'citationsColumn'].includes(key)) assert.notEqual(text, (en.charts as Record<string, unknown>)[key], `${lang}: charts.${key} is translated`);
      }
    }
  });
});

describe('the charts on the example site', () => {
  const site = exampleSite();

  it('a person’s publication list opens with their papers per year by type', () => {
    const html = page(site, 'people/lei-wu/publications/index.html');
    assert.match(html, /<div class="charts"><figure class="chart chart-publications" id="publications-chart-lei-wu" data-pagefind-ignore>/);
    assert.match(html, /<desc id="publications-chart-lei-wu-desc">3\d publications from 2016 to 2026, stacked by type: Journal article \d+, Conference paper \d+, Workshop paper 2, Preprint \d+\.<\/desc>/);
    assert.ok(html.indexOf('class="charts"') < html.indexOf('class="filters'), 'the chart comes before the list');
    // Weijie Su has papers in two years: enough for a chart.
    assert.match(page(site, 'people/weijie-su/publications/index.html'), /<figure class="chart chart-publications"/);
    // The example ships recorded counts (metrics/citations.yaml): their chart comes beside, dated.
    assert.match(html, /<figure class="chart chart-citations" id="citations-chart-lei-wu" data-pagefind-ignore>\n<figcaption>Citations per year <span class="muted">\(as of \d{4}-\d\d-\d\d\)<\/span>/);
  });

  it('papers still in preparation are not counted', () => {
    const graph = exampleGraph();
    const lei = graph.people.get('lei-wu')!;
    const out = lei.publications.filter((k) => graph.publications.get(k)!.status !== 'in-preparation').length;
    assert.ok(out < lei.publications.length, 'the example has a paper in preparation');
    assert.ok(page(site, 'people/lei-wu/publications/index.html').includes(`<desc id="publications-chart-lei-wu-desc">${out} publications`));
  });

  it('the group page shows the group’s papers per year and its co-author network, each name linking to the person', () => {
    const html = page(site, 'group/index.html');
    const glance = html.slice(html.indexOf('<section id="at-a-glance">'));
    assert.match(glance, /^<section id="at-a-glance"><h2>At a glance<\/h2><div class="charts"><figure class="chart chart-publications" id="group-publications-chart" data-pagefind-ignore>/);
    assert.match(glance, /<figure class="chart chart-network" id="group-coauthors" data-pagefind-ignore>/);
    for (const [id, name] of [['lei-wu', 'Lei Wu'], ['mingze-wang', 'Mingze Wang'], ['weinan-e', 'Weinan E']])
      assert.match(glance, new RegExp(`<a href="/pku-ml/people/${id}/"><title>${name}: \\d+ papers</title>`), name);
    assert.match(glance, /<title>Lei Wu – Mingze Wang: \d+ joint papers<\/title>/);
    assert.match(glance, /<summary>The numbers as a table<\/summary>\n<table tabindex="0"><thead><tr><th scope="col">Co-authors<\/th><th scope="col">Joint papers<\/th>/);
    assert.match(page(site, 'zh/group/index.html'), /<h2>概览<\/h2>[\s\S]*<title id="group-coauthors-title">组内合作关系<\/title>/);
  });

  it('two renderings draw the same bytes', () => {
    const again = (g: Graph) => groupPage(createSite(g, 'en', { now: NOW })).body.value;
    assert.equal(again(exampleGraph()), again(exampleGraph()));
  });

  /** The example's graph with one person changed. */
  function withPerson(id: string, change: (p: Person) => Person): Graph {
    const g = exampleGraph();
    return { ...g, people: new Map([...g.people].map(([k, p]) => [k, k === id ? change(p) : p])) };
  }

  it('a person whose papers are all of one year gets no chart, and no empty box for it', () => {
    const g = exampleGraph();
    const oneYear = g.people.get('lei-wu')!.publications.filter((k) => g.publications.get(k)!.year === 2024);
    const graph = withPerson('lei-wu', (p) => ({ ...p, publications: oneYear, metrics: undefined }));
    const body = personPublicationsPage(createSite(graph, 'en', { now: NOW }), graph.people.get('lei-wu')!).body.value;
    assert.ok(oneYear.length > 1);
    assert.ok(!body.includes('class="chart'), 'no chart');
  });

  it('shows citations per year, with their date, when metrics are known', () => {
    const metrics = { citations: 120, hIndex: 5, i10Index: 3, asOf: '2025-06-30', perYear: [{ year: 2023, count: 40 }, { year: 2024, count: 80 }] };
    const graph = withPerson('lei-wu', (p) => ({ ...p, metrics }));
    const body = personPublicationsPage(createSite(graph, 'en', { now: NOW }), graph.people.get('lei-wu')!).body.value;
    assert.match(body, /<figure class="chart chart-citations" id="citations-chart-lei-wu" data-pagefind-ignore>\n<figcaption>Citations per year <span class="muted">\(as of 2025-06-30\)<\/span>/);
    assert.match(body, /<title>2024: 80 citations<\/title>/);
  });
});
