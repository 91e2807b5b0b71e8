/**
 * A project's theme: theme/style.css linked and copied, theme/components.js overriding page components, and
 * every way a theme can go wrong reported without breaking the build.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { Graph } from '../../../src/resolve/graph.js';
import { openProject } from '../../../src/index.js';
import { COMPONENT_NAMES, COMPONENTS, componentsMarkdown, DOC_END, DOC_START, SHAPES } from '../../../src/render/site/components.js';
import { createSite } from '../../../src/render/site/context.js';
import { renderSite } from '../../../src/render/site/index.js';
import { loadTheme, type SiteTheme } from '../../../src/render/site/theme.js';
import { NOW, page, text, toMap } from './helpers.js';

const COMPONENTS_JS = `// A theme as a user writes it: every component, some wrapping vita's own.
const seen = (globalThis.__vitaThemeProps ??= {});
const note = (name, props) => { (seen[name] ??= []).push(props); };

export function head(props, h) {
  note('head', props);
  return h.html\`<meta name="x-theme" content="\${props.page.title}">\`;
}
export function header(props, h) {
  note('header', props);
  return h.html\`<div class="above-header">\${props.nav.length} links</div>\${h.default}\`;
}
export function footer(props, h) {
  note('footer', props);
  return h.html\`<footer class="my-footer">© \${props.year} \${props.siteName}\${props.feedUrl ? h.html\` · <a href="\${props.feedUrl}">feed</a>\` : ''}</footer>\`;
}
export function publicationItem(props, h) {
  note('publicationItem', props);
  const p = props.publication;
  return h.html\`<li class="pub my-pub" id="\${props.id}" data-key="\${p.key}">\${props.number !== undefined ? h.html\`<b>[\${props.number}]</b> \` : ''}<a href="\${p.url}">\${p.title}</a> \${h.join(p.authors.map((a) => a.person === props.owner ? h.html\`<strong>\${a.name}</strong>\` : a.name), ', ')}\${props.ownerIsAuthor ? h.raw(' <em class="mine">mine</em>') : ''}</li>\`;
}
export function personHero(props, h) {
  note('personHero', props);
  return h.html\`<div class="hero-wrap">\${h.default}<p class="hero-extra">\${props.person.name}: \${props.person.links.length} links</p></div>\`;
}
export function newsItem(props, h) {
  note('newsItem', props);
  if (props.news.id.includes('iclr')) {
    throw new Error('boom');
  }
  if (props.news.id.includes('nsfc')) return '<b>plain string</b>';
  return h.html\`<li class="my-news">\${props.news.date}: \${props.news.titleHtml ?? ''}\${h.default}</li>\`;
}
export function personCard(props, h) {
  note('personCard', props);
  // forgot to return
}
export function pageEnd(props, h) {
  note('pageEnd', props);
  return h.raw('<script>window.analyticsLoaded = true;</script>');
}
export function fotter() {}
export const helperThing = 3;
`;

/** The line of the module where newsItem throws. */
const THROW_LINE = COMPONENTS_JS.split('\n').findIndex((l) => l.includes("throw new Error('boom')")) + 1;

const STYLE_CSS = ':root { --accent: rebeccapurple; }\n.my-footer { font-style: italic; }\n';

let root: string;
let theme: SiteTheme;
let files: Map<string, string | Uint8Array>;
let graph: Graph;
const problems: Diagnostic[] = [];

function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vita-theme-'));
  cpSync('examples/pku-group', dir, { recursive: true, filter: (src) => !/[\\/]_site(?:[\\/]|$)/.test(src) });
  return dir;
}

function htmlPages(): [string, string][] {
  return [...files].filter(([p]) => p.endsWith('.html')).map(([p, c]) => [p, c as string]);
}

before(async () => {
  root = copyExample();
  mkdirSync(join(root, 'theme'));
  writeFileSync(join(root, 'theme', 'components.js'), COMPONENTS_JS);
  writeFileSync(join(root, 'theme', 'style.css'), STYLE_CSS);
  theme = (await loadTheme(root))!;
  const opened = openProject(root, { today: NOW });
  assert.equal(opened.diagnostics.errorCount, 0);
  graph = opened.graph;
  // A title with markup, which must reach the page as text even through an override.
  graph.publications.get('li2025functional')!.title = 'Scaling <script>alert("title")</script> & more';
  graph.config.theme = { colors: { accent: '#8c1515' }, fonts: { body: '"Source Serif 4", serif', ui: 'Source Sans 3, system-ui' } };
  files = toMap(renderSite(graph, { now: NOW, theme, onDiagnostic: (d) => problems.push(d) }));
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('theme/style.css', () => {
  it('is linked after vita.css on every page', () => {
    const pages = htmlPages();
    assert.ok(pages.length > 20);
    for (const [path, html] of pages) {
      const vita = html.indexOf('/assets/vita.css"');
      const mine = html.search(/<link rel="stylesheet" href="\/pku-ml\/theme\/style\.css\?v=[0-9a-f]{12}">/);
      assert.ok(vita > 0 && mine > vita, `${path}: theme/style.css is linked after vita.css`);
      assert.ok(mine < html.indexOf('</head>'), path);
    }
  });

  it('comes after vita.yaml\'s colours and fonts, which set vita.css\'s properties', () => {
    const home = page(files, 'index.html');
    const style = '<style>:root{--accent:#8c1515;--font-body:"Source Serif 4", serif;--font-ui:"Source Sans 3", system-ui}</style>';
    assert.ok(home.includes(style), 'fonts are named by role (body sets --font-body); a family whose name is not identifiers is quoted');
    assert.ok(home.indexOf(style) < home.indexOf('/theme/style.css'));
  });

  it('is copied into the site as it is; theme/components.js is not published', () => {
    assert.equal(String(Buffer.from(files.get('theme/style.css') as Uint8Array)), STYLE_CSS);
    assert.ok(!files.has('theme/components.js'));
    assert.ok(![...files.keys()].some((p) => p.includes('components.js')));
    assert.equal(theme.style?.file, 'theme/style.css');
    assert.deepEqual(theme.files, ['theme/style.css', 'theme/components.js']);
  });
});

describe('theme/components.js', () => {
  it('loads the components and reports exports that are not components, with "did you mean"', () => {
    assert.deepEqual(Object.keys(theme.components).sort(), [...COMPONENT_NAMES].sort());
    assert.equal(theme.componentsFile, 'theme/components.js');
    const unknown = theme.diagnostics.filter((d) => d.code === 'theme/unknown-component');
    assert.deepEqual(unknown.map((d) => d.input).sort(), ['fotter', 'helperThing']);
    const typo = unknown.find((d) => d.input === 'fotter')!;
    assert.match(typo.message, /did you mean "footer"\?/);
    assert.equal(typo.file, 'theme/components.js');
    assert.equal(typo.line, COMPONENTS_JS.split('\n').findIndex((l) => l.includes('function fotter')) + 1);
    assert.equal(typo.severity, 'warning');
    assert.equal(theme.diagnostics.length, 2);
  });

  it('replaces the footer and wraps the header on every page, in every language', () => {
    for (const [path, html] of htmlPages()) {
      assert.ok(!html.includes('class="site-footer"'), `${path} has vita's footer`);
      assert.match(html, /<footer class="my-footer">© 2025 /, path);
      assert.match(html, /<div class="above-header">\d+ links<\/div>\s*<header class="site-header">/, `${path}: the default header is passed and wrapped`);
      assert.match(html, /<meta name="x-theme" content="[^"]*">\s*<\/head>/, `${path}: head's tags end the head`);
      assert.match(html, /<script>window\.analyticsLoaded = true;<\/script>\s*<\/body>/, `${path}: pageEnd is just before </body>`);
    }
    assert.match(page(files, 'zh/index.html'), /<footer class="my-footer">© 2025 机器学习理论课题组/);
  });

  it('overrides every publication item, with its number and whether the owner is an author', () => {
    for (const [path, html] of htmlPages()) assert.ok(!html.includes('<li class="pub" id='), `${path} still has vita's item`);
    const list = page(files, 'people/lei-wu/publications/index.html');
    assert.ok(list.includes('class="pub my-pub"'));
    assert.match(list, /<strong>Lei Wu<\/strong>/);
    assert.ok(list.includes('<em class="mine">mine</em>'));
    const research = page(files, 'people/mingze-wang/research/index.html');
    assert.match(research, /<b>\[\d+\]<\/b>/, 'numbered lists pass the number');
    // Citations [12] in the text still find their item, through the id the item is given.
    const cited = [...research.matchAll(/href="#(pub-\d+)"/g)].map((m) => m[1]!);
    assert.ok(cited.length > 0);
    for (const id of cited) assert.ok(research.includes(`<li class="pub my-pub" id="${id}"`), id);
    // The list around the items is vita's, memoised parts and all.
    assert.ok(list.includes('class="pub-list"'));
  });

  it('passes the default to personHero, which wraps it', () => {
    const home = page(files, 'people/lei-wu/index.html');
    assert.match(home, /<div class="hero-wrap"><header class="person-head[^"]*">[\s\S]*?<\/header><p class="hero-extra">Lei Wu: \d+ links<\/p><\/div>/);
  });

  it('keeps what the user wrote escaped through an override; a returned string is text, raw() is the way to markup', () => {
    const all = htmlPages().map(([, h]) => h).join('\n');
    assert.ok(!all.includes('<script>alert'), 'the title reaches no page as markup');
    assert.ok(all.includes('Scaling &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; more'));
    const news = page(files, 'news/index.html');
    assert.ok(news.includes('&lt;b&gt;plain string&lt;/b&gt;'));
    assert.ok(!news.includes('<b>plain string</b>'));
    assert.ok(text(page(files, 'publications/li2025functional/index.html')).includes('Scaling <script>alert("title")</script> & more'));
  });

  it('uses the default where a component throws, and reports it once, naming the component, the page and the line', () => {
    const failed = problems.filter((d) => d.code === 'theme/component-failed');
    assert.equal(failed.length, 1, JSON.stringify(problems, null, 2));
    const d = failed[0]!;
    assert.equal(d.file, 'theme/components.js');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /^newsItem threw on \/pku-ml\/\S* \(news \S*iclr\S*\): Error: boom; vita's own newsItem is used/);
    assert.equal(d.line, THROW_LINE);
    assert.deepEqual(d.path, ['newsItem']);
    const news = page(files, 'news/index.html');
    assert.match(news, /<li class="news-item" id="news-[^"]*iclr[^"]*"/, 'the default item is there instead');
    assert.ok(news.includes('class="my-news"'), 'the other items are overridden');
  });

  it('uses the default where a component returns no markup, and says so', () => {
    const bad = problems.filter((d) => d.code === 'theme/bad-result');
    assert.equal(bad.length, 1);
    assert.match(bad[0]!.message, /^personCard returned nothing \(undefined\) on \/pku-ml\/\S* \(person \S+\), not markup/);
    assert.equal(bad[0]!.line, COMPONENTS_JS.split('\n').findIndex((l) => l.includes('function personCard')) + 1);
    assert.match(page(files, 'group/index.html'), /<li class="card">/);
    assert.equal(problems.length, 2);
  });

  it('gives each component the props docs/theming.md lists, and nothing else', () => {
    const seen = (globalThis as { __vitaThemeProps?: Record<string, Record<string, unknown>[]> }).__vitaThemeProps!;
    assert.deepEqual(Object.keys(seen).sort(), [...COMPONENT_NAMES].sort(), 'every component was drawn in the example');
    for (const name of COMPONENT_NAMES) for (const props of seen[name]!) assert.deepEqual(Object.keys(props).sort(), Object.keys(COMPONENTS[name].props).sort(), name);
    const all = (name: string, prop: string) => seen[name]!.map((p) => p[prop] as Record<string, unknown>);
    const shapes: [keyof typeof SHAPES, Record<string, unknown>[]][] = [
      ['PageInfo', all('footer', 'page')],
      ['PersonInfo', [...all('personHero', 'person'), ...all('personCard', 'person')]],
      ['PublicationInfo', all('publicationItem', 'publication')],
      ['NewsInfo', all('newsItem', 'news')],
      ['LinkInfo', [...all('personHero', 'person'), ...all('publicationItem', 'publication')].flatMap((x) => x.links as Record<string, unknown>[])],
    ];
    for (const [shape, values] of shapes) {
      assert.ok(values.length > 0, shape);
      for (const value of values) assert.deepEqual(Object.keys(value).sort(), Object.keys(SHAPES[shape].fields).sort(), shape);
    }
    assert.ok(Object.isFrozen(seen.publicationItem![0]!.publication), 'props are frozen: an override cannot change what other pages show');
    const pub = [...graph.publications.values()].find((p) => p.topics?.length)!;
    const person = [...graph.people.values()].find((p) => p.data.address?.length)!;
    assert.ok(!Object.isFrozen(pub.topics) && !Object.isFrozen(pub.authors[0]!.roles) && !Object.isFrozen(person.data.address), 'the graph itself is left as it was');
  });
});

describe('problems loading a theme', () => {
  it('reports an export that is not a function, or is async, and keeps the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vita-theme-bad-'));
    try {
      mkdirSync(join(dir, 'theme'));
      writeFileSync(join(dir, 'theme', 'components.mjs'), "export const footer = '<p>hi</p>';\nexport async function header(props, h) { return h.default; }\nexport function pageEnd(props, h) { return h.html`<p>end</p>`; }\n");
      const t = (await loadTheme(dir))!;
      assert.deepEqual(Object.keys(t.components), ['pageEnd']);
      assert.deepEqual(
        t.diagnostics.map((d) => [d.code, d.line]),
        [
          ['theme/not-a-function', 1],
          ['theme/not-a-function', 2],
        ],
      );
      assert.match(t.diagnostics[0]!.message, /"footer" as a string, not a function/);
      assert.match(t.diagnostics[1]!.message, /"header" as an async function/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a module that cannot be imported, with its line, and the site is still made', async () => {
    const dir = copyExample();
    try {
      mkdirSync(join(dir, 'theme'));
      writeFileSync(join(dir, 'theme', 'components.mjs'), 'export function footer(props, h) {\n  return h.html`ok`;\n}\nexport function header(props {\n');
      const t = (await loadTheme(dir))!;
      assert.equal(t.diagnostics.length, 1);
      const d = t.diagnostics[0]!;
      assert.equal(d.code, 'theme/import-failed');
      assert.equal(d.severity, 'error');
      assert.equal(d.line, 4);
      assert.equal(d.file, 'theme/components.mjs');
      assert.match(d.message, /^theme\/components\.mjs cannot be imported: (SyntaxError|TransformError)/);
      assert.deepEqual(t.components, {});
      const { graph } = openProject(dir, { today: NOW });
      const site = toMap(renderSite(graph, { now: NOW, theme: t }));
      assert.ok(page(site, 'index.html').includes('class="site-footer"'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is no theme at all without a theme folder; a theme without components costs pages nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vita-theme-none-'));
    try {
      assert.equal(await loadTheme(dir), undefined);
      mkdirSync(join(dir, 'theme'));
      assert.equal(await loadTheme(dir), undefined, 'an empty theme folder is no theme');
      writeFileSync(join(dir, 'theme', 'style.css'), 'body { color: red }\n');
      const t = (await loadTheme(dir))!;
      assert.deepEqual(t.components, {});
      const { graph } = openProject('examples/pku-group', { today: NOW });
      assert.equal(createSite(graph, 'en', { theme: t }).overrides, undefined);
      assert.equal(createSite(graph, 'en', {}).overrides, undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('docs/theming.md', () => {
  it('lists exactly the registry\'s components and props (npx tsx scripts/theming-doc.ts)', () => {
    const doc = readFileSync('docs/theming.md', 'utf8');
    const start = doc.indexOf(DOC_START);
    const end = doc.indexOf(DOC_END);
    assert.ok(start >= 0 && end > start, 'docs/theming.md has the generated part');
    assert.equal(doc.slice(start + DOC_START.length, end).trim(), componentsMarkdown().trim(), 'docs/theming.md is stale: run `npx tsx scripts/theming-doc.ts`');
    const documented = [...doc.matchAll(/^### `(\w+)`/gm)].map((m) => m[1]!).filter((n) => !(n in SHAPES));
    assert.deepEqual(documented, COMPONENT_NAMES);
  });
});
