import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { containsMath, plainText, renderInline, renderMarkdown } from '../../../src/render/markdown.js';
import { escapeHtml, html, isSafeHref, jsonLd, safeHref, trustedHtml } from '../../../src/render/site/html.js';
import { cleanBibtex, generateBibtex } from '../../../src/render/site/bibtex.js';
import { slug } from '../../../src/render/site/context.js';
import { exampleGraph } from './helpers.js';

describe('html`...`', () => {
  it('escapes every interpolated value', () => {
    assert.equal(html`<p>${'<script>"&\''}</p>`.value, '<p>&lt;script&gt;&quot;&amp;&#39;</p>');
  });
  it('keeps its own output and trusted output as they are, joins arrays, drops empty values', () => {
    const inner = html`<b>${'x'}</b>`;
    assert.equal(html`<p>${inner}${[html`<i>1</i>`, '<2>']}${null}${undefined}${false}</p>`.value, '<p><b>x</b><i>1</i>&lt;2&gt;</p>');
    assert.equal(html`${trustedHtml('<hr>')}`.value, '<hr>');
  });
  it('checks values put in URL attributes', () => {
    assert.equal(html`<a href="${'javascript:alert(1)'}">x</a>`.value, '<a href="#">x</a>');
    assert.equal(html`<img src="${' data:image/png;base64,AA'}">`.value, '<img src="#">');
    assert.equal(html`<a href="${'https://a.b/?x=1&y=2'}">x</a>`.value, '<a href="https://a.b/?x=1&amp;y=2">x</a>');
    assert.equal(html`<a title="${'javascript:x'}">x</a>`.value, '<a title="javascript:x">x</a>', 'other attributes are only escaped');
  });
  it('knows safe and unsafe links', () => {
    for (const ok of ['https://x.org', 'mailto:a@b.c', '/people/', 'cv.pdf', '#pub-1', 'doi:10.1/x']) assert.ok(isSafeHref(ok), ok);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:x', 'java\nscript:x', ' javascript:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '']) assert.ok(!isSafeHref(bad), bad);
    assert.equal(safeHref('javascript:x'), '#');
  });
  it('writes JSON-LD that no "</script>" can close early', () => {
    const out = jsonLd({ name: '</script><script>alert(1)</script>' }).value;
    assert.ok(!out.slice(0, -'</script>'.length).includes('</'));
    assert.equal(JSON.parse(out.replace(/^<script[^>]*>|<\/script>$/g, '')).name, '</script><script>alert(1)</script>');
    assert.equal(escapeHtml('a<b'), 'a&lt;b');
  });
});

describe('Markdown', () => {
  it('escapes the HTML the user wrote', () => {
    const out = renderMarkdown('Hello <script>alert(1)</script> <b>x</b>').value;
    assert.ok(out.includes('&lt;script&gt;') && !out.includes('<script>') && !out.includes('<b>'));
  });
  it('refuses unsafe link schemes and keeps safe ones', () => {
    const out = renderMarkdown('[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,x) [d](file:///etc/passwd) [e](https://ok.org) ![i](data:image/png;base64,AA)').value;
    assert.ok(!/href="(javascript|vbscript|data|file):/i.test(out) && !/src="data:/.test(out), out);
    assert.ok(out.includes('<a href="https://ok.org">e</a>'));
  });
  it('typesets $...$ and $$...$$ at build time, as HTML and MathML', () => {
    const inline = renderInline('The $L^\\infty$ Learnability').value;
    assert.ok(inline.startsWith('The <span class="katex">'));
    assert.ok(inline.includes('<annotation encoding="application/x-tex">L^\\infty</annotation>'));
    assert.ok(containsMath(renderMarkdown('$$\\sum_i x_i$$').value));
    assert.ok(!containsMath(renderMarkdown('costs $5 and $6').value), 'prices are not math');
  });
  it('never lets \\href in math make a javascript: link', () => {
    const out = renderInline('$\\href{javascript:alert(1)}{x}$').value;
    assert.ok(!/href="javascript/i.test(out));
  });
  it('linkifies bare addresses, rewrites project paths, and shifts headings', () => {
    assert.ok(renderMarkdown('see https://example.org').value.includes('<a href="https://example.org">'));
    assert.ok(renderMarkdown('[cv](assets/cv.pdf)', { rewriteUrl: (u) => `/base/${u}` }).value.includes('href="/base/assets/cv.pdf"'));
    assert.ok(renderMarkdown('# Title', { headingStart: 3 }).value.includes('<h3>Title</h3>'));
  });
  it('plain text of a line keeps the words', () => {
    assert.equal(plainText('A **bold** [link](https://x) and `code`'), 'A bold link and code');
  });
});

describe('BibTeX shown on the site', () => {
  it('cleans an entry of site-only fields and author marks', () => {
    const out = cleanBibtex('@inproceedings{k,\n  author = {Wang, Jinbo* and Wang, Mingze*$^\\dagger$},\n  title = {T {ReLU}},\n  abbr = {ICML},\n  year = {2025},\n  abstract = {a, b {c}},\n  selected = {true}\n}')!;
    assert.equal(out, '@inproceedings{k,\n  author = {Wang, Jinbo and Wang, Mingze},\n  title  = {T {ReLU}},\n  year   = {2025}\n}');
  });
  it('generates a clean entry when the record has none', () => {
    const pub = { ...exampleGraph().publications.get('wang2024rich')!, bibtex: undefined };
    const out = generateBibtex(pub);
    assert.match(out, /^@misc\{wang2024rich,/);
    assert.ok(out.includes('author        = {Wang, Mingze and Yu, Ruoxi and E, Weinan and Wu, Lei}'));
    assert.ok(out.includes('eprint        = {2410.11474}'));
    assert.ok(out.includes('pages         = {1--47}'));
  });
});

describe('slug', () => {
  it('makes any key a safe folder name', () => {
    assert.equal(slug('conf/icml/WuS23'), 'conf-icml-wus23');
    assert.equal(slug('DBLP:journals/corr/abs-2006-14450'), 'dblp-journals-corr-abs-2006-14450');
    assert.equal(slug('../../etc'), 'etc');
    assert.equal(slug('Émile:Ünïcode'), 'emile-unicode');
    assert.equal(slug('...'), 'item');
  });
});
