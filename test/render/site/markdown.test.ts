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
  it('keeps the raw HTML the owner wrote, without anything that could run', () => {
    const out = renderMarkdown('Hello <script>alert(1)</script> <b>x</b>').value;
    assert.ok(!out.includes('<script') && !out.includes('alert(1)') && out.includes('<b>x</b>'), out);
  });
  it('shows raw HTML in a one-line title as text (a title is printed as plain text too)', () => {
    assert.equal(renderInline('H<sub>2</sub>O <script>x</script>').value, 'H&lt;sub&gt;2&lt;/sub&gt;O &lt;script&gt;x&lt;/script&gt;');
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

describe('raw HTML in the owner\'s Markdown', () => {
  const rewriteUrl = (u: string) => (/^[a-z][a-z0-9+.-]*:|^#|^\/\//i.test(u) ? u : `/base/${u}`);
  const render = (md: string, newTab = false) => renderMarkdown(md, { rewriteUrl, newTab }).value;

  it('keeps inline and block HTML: links, spans, images, <details>, <figure>, tables', () => {
    const out = render('A <span class="hl">word</span>, <a href="https://x.org">a link</a>, <img src="assets/p.png" alt="P" width="80">.\n\n<details><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n<figure><img src="https://x.org/a.png" alt=""><figcaption>Cap</figcaption></figure>');
    assert.ok(out.includes('<span class="hl">word</span>'), out);
    assert.ok(out.includes('<a href="https://x.org">a link</a>'));
    assert.ok(out.includes('<img src="/base/assets/p.png" alt="P" width="80">'), 'project paths in raw HTML are rewritten like Markdown links');
    assert.ok(out.includes('<details><summary>More</summary>') && out.includes('<em>text</em>'));
    assert.ok(out.includes('<figcaption>Cap</figcaption>'));
  });
  it('removes scripts, styles, event handlers and javascript:, vbscript:, data: URLs', () => {
    const out = render([
      '<script>alert(1)</script>',
      '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
      '<style>body{display:none}</style>',
      'x <img src="assets/a.png" onerror="alert(2)"> <b onclick="alert(3)" onmouseover=alert(4)>b</b>',
      '<a href="javascript:alert(5)">j</a> <a href=" JaVaScRiPt:alert(6)">k</a> <a href="vbscript:x">v</a> <a href="data:text/html,<script>alert(7)</script>">d</a>',
      '<svg onload=alert(8)><circle r=1 /></svg> <math><mi xlink:href="javascript:alert(9)">m</mi></math>',
      '<form action="javascript:alert(10)"><input type=submit></form> <object data="x.swf"></object> <embed src="x.swf">',
      '<div style="background:url(javascript:alert(11))">s</div> <p><a href="#top" target="_top">t</a></p>',
    ].join('\n\n'));
    for (const bad of ['<script', '<style', 'onerror', 'onclick', 'onmouseover', 'onload', 'javascript:', 'vbscript:', 'data:', '<svg', '<form', '<object', '<embed', 'style=', 'target="_top"']) assert.ok(!out.toLowerCase().includes(bad.toLowerCase()), `${bad} in ${out}`);
    assert.ok(out.includes('<b>b</b>') && out.includes('<img src="/base/assets/a.png">'), 'the harmless part stays');
  });
  it('keeps <iframe> players of YouTube, Vimeo and Bilibili only, over https', () => {
    const out = render([
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315" allowfullscreen></iframe>',
      '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
      '<iframe src="https://player.vimeo.com/video/1"></iframe>',
      '<iframe src="https://player.bilibili.com/player.html?bvid=BV1"></iframe>',
      '<iframe src="https://evil.example/embed"></iframe>',
      '<iframe src="http://www.youtube.com/embed/plain-http"></iframe>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<iframe srcdoc="<script>alert(2)</script>"></iframe>',
      '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>',
    ].join('\n\n'));
    assert.equal((out.match(/<iframe/g) ?? []).length, 4, out);
    assert.ok(out.includes('src="https://www.youtube.com/embed/dQw4w9WgXcQ"') && out.includes('player.vimeo.com') && out.includes('player.bilibili.com') && out.includes('youtube-nocookie'));
    assert.ok(!out.includes('evil') && !out.includes('plain-http') && !out.includes('srcdoc') && !out.includes('javascript'));
    assert.ok(out.includes('sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"') && out.includes('loading="lazy"'));
  });
  it('typesets math beside raw HTML (KaTeX\'s own markup survives the sanitizer)', () => {
    const out = render('<span>x</span> and $x<y$ and $$\\sum_i a_i$$');
    assert.ok(out.includes('<span>x</span>') && out.includes('<span class="katex"><span class="katex-mathml"><math'), out);
    assert.ok(out.includes('style="height:'), 'KaTeX inline styles kept');
    assert.ok(!/\uE000|\uE001/.test(out));
    const joined = render('<b>x</b> the $n$-gram model');
    assert.ok(joined.includes('<span style="white-space:nowrap">') && joined.includes('<b>x</b>'), 'math kept with its word beside raw HTML');
    assert.equal(renderMarkdown('<span style="color:red" onclick="x">r</span>').value, '<p><span>r</span></p>\n', 'no other style survives');
  });
  it('opens external links in a new tab when asked, with rel="noopener noreferrer"', () => {
    assert.ok(render('[a](https://x.org) [b](assets/c.pdf) <a href="https://y.org">y</a>', true).includes('<a href="https://x.org" target="_blank" rel="noopener noreferrer">a</a>'));
    assert.ok(render('[a](https://x.org)', true).includes('target="_blank" rel="noopener noreferrer"'), 'the path without raw HTML too');
    assert.ok(!render('[b](assets/c.pdf)', true).includes('target='), 'links into the site stay in the tab');
    assert.ok(!render('[a](https://x.org)').includes('target='), 'off by default');
    assert.ok(render('<a href="https://y.org" target="_blank">y</a>').includes('rel="noopener noreferrer"'));
  });
});

describe('the Markdown people write on academic sites', () => {
  it('emoji shortcodes, but no ASCII smileys', () => {
    assert.equal(renderMarkdown('Accepted :tada: (see 8) and :-) and 10:30:00').value, '<p>Accepted 🎉 (see 8) and :-) and 10:30:00</p>\n');
  });
  it('footnotes', () => {
    const out = renderMarkdown('A claim.[^1]\n\n[^1]: The source.').value;
    assert.ok(out.includes('<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>') && out.includes('<li id="fn1" class="footnote-item"><p>The source.'), out);
  });
  it('definition lists', () => {
    assert.equal(renderMarkdown('Term\n: Its definition').value, '<dl>\n<dt>Term</dt>\n<dd>Its definition</dd>\n</dl>\n');
  });
  it('kramdown attributes {: ...}, allowlisted; a bare {...} stays text', () => {
    const out = renderMarkdown('[code](https://github.com/x){:target="_blank"} and more\n\nA lead.\n{: .lead #intro}\n\nBad {:onclick="alert(1)" style="x"}').value;
    assert.ok(out.includes('<a href="https://github.com/x" target="_blank" rel="noopener noreferrer">code</a>'), out);
    assert.ok(out.includes('<p class="lead" id="intro">A lead.</p>'), out);
    assert.ok(!out.includes('onclick') && !out.includes('style='), out);
    assert.equal(renderMarkdown('For all sets {A, B}').value, '<p>For all sets {A, B}</p>\n');
  });
});

