// Citation counts on the site and the CVs, from a hand-made metrics/citations.yaml: dated counts shown with their
// source and date, undated ones and zeros never, nothing at all without the file.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openProject } from '../../../src/index.js';
import { cvMarkdown } from '../../../src/render/cv/markdown.js';
import { cvModel } from '../../../src/render/cv/model.js';
import { renderSite } from '../../../src/render/site/index.js';
import { page, text, toMap } from './helpers.ts';

const NOW = new Date('2026-12-05T00:00:00Z');
const COUNTS = `# Citation counts, written by \`vita metrics\`
publications:
  wu2018ritz:
    count: 900
    source: OpenAlex
    asOf: 2026-12-01
    url: https://openalex.org/W2001
    perYear: { 2025: 400, 2026: 500 }
  wu2020merged:
    count: 0
    source: OpenAlex
    asOf: 2026-12-01
  wu2021title:
    count: 50
    source: OpenAlex
  wu2023crossref:
    count: 12
    source: Crossref
    asOf: 2026-11-20
    url: https://doi.org/10.5555/only.crossref
`;

function project(counts: string | undefined, cvMetrics = false): string {
  const root = mkdtempSync(join(tmpdir(), 'vita-metrics-site-'));
  cpSync('test/fixtures/metrics/project', root, { recursive: true });
  if (counts !== undefined) {
    mkdirSync(join(root, 'metrics'));
    writeFileSync(join(root, 'metrics/citations.yaml'), counts);
  }
  if (cvMetrics) writeFileSync(join(root, 'people/lei-wu.yaml'), readFileSync(join(root, 'people/lei-wu.yaml'), 'utf8') + 'cv:\n  metrics: true\n');
  return root;
}

function build(root: string) {
  const result = openProject(root, { today: NOW });
  return { result, site: toMap(renderSite(result.graph, { now: NOW })) };
}

const pubPage = (site: Map<string, string | Uint8Array>, key: string) => page(site, `publications/${key}/index.html`);

describe('citation counts on the site', () => {
  it('each paper shows its dated count, linked to the source, with who counted and when on hover', () => {
    const { result, site } = build(project(COUNTS));
    const ritz = pubPage(site, 'wu2018ritz');
    assert.match(ritz, /<a class="action cited-by" href="https:\/\/openalex.org\/W2001" title="Counted by OpenAlex on 1 Dec 2026">Cited by 900<\/a>/);
    assert.match(pubPage(site, 'wu2023crossref'), /title="Counted by Crossref on 20 Nov 2026">Cited by 12</);
    // A count without a date is never shown, and a located warning says why.
    assert.doesNotMatch(pubPage(site, 'wu2021title'), /Cited by/);
    const undated = result.diagnostics.list.find((d) => d.code === 'validate/metrics-undated');
    assert.equal(undated?.file, 'metrics/citations.yaml');
    assert.equal(undated?.line, 13);
    // The file is part of the record: `vita check` does not call it a file vita does nothing with.
    assert.deepEqual(result.diagnostics.list.filter((d) => d.code === 'check/unknown-file').map((d) => d.file), []);
    // No "Cited by 0", as Google Scholar shows none.
    assert.doesNotMatch(pubPage(site, 'wu2020merged'), /Cited by/);
    const home = page(site, 'index.html');
    assert.doesNotMatch(text(home), /Cited by 50/);
  });

  it("a person's citations, h-index and i10-index over their dated counts, with the oldest date", () => {
    const { site } = build(project(COUNTS));
    const list = page(site, 'people/lei-wu/publications/index.html');
    const home = page(site, 'index.html');
    const block = /<section id="citation-metrics"[\s\S]*?<\/section>/.exec(home)?.[0] ?? '';
    assert.equal(text(block).trim(), 'Citation metrics Citations 912 h-index 2 i10-index 2 Counted by Crossref, OpenAlex on 20 Nov 2026');
    // The list's items carry their counts for "most cited first", and the filter bar offers it.
    assert.match(list, /data-key="wu2018ritz"[^>]*data-cites="900"/);
    assert.match(list, /<select name="sort"><option value="">Newest first<\/option><option value="cited">Most cited first<\/option><\/select>/);
  });

  it('without metrics/citations.yaml, nothing is shown', () => {
    const { result, site } = build(project(undefined));
    assert.equal(result.diagnostics.list.filter((d) => d.code.includes('metrics')).length, 0);
    for (const [path, content] of site) {
      if (typeof content !== 'string' || !path.endsWith('.html')) continue;
      assert.doesNotMatch(content, /cited-by|citation-metrics|data-cites|name="sort"/, path);
    }
  });

  it('a count for a publication the record lacks is a located warning', () => {
    const { result } = build(project(COUNTS + '  gone2019:\n    count: 3\n    source: OpenAlex\n    asOf: 2026-12-01\n'));
    const gone = result.diagnostics.list.find((d) => d.code === 'resolve/metrics-unknown-publication');
    assert.equal(gone?.line, 21);
  });
});

describe('citation counts on the CV', () => {
  it('with cv.metrics: the figures with their date, and each paper\'s count; a date of its own when it differs', () => {
    const { result } = build(project(COUNTS, true));
    const md = cvMarkdown(cvModel(result.graph, 'lei-wu'));
    assert.match(md, /\*Citations 912 · h-index 2 · i10-index 2 \(Counted by Crossref, OpenAlex on 2026-11-20\)\*/);
    assert.match(md, /The Deep Ritz Method\. .*Cited by 900 \(Counted by OpenAlex on 2026-12-01\)\./);
    assert.match(md, /Only Crossref Knows\. .*Cited by 12\./);
    assert.doesNotMatch(md, /Cited by 0|Cited by 50/);
    const { site } = build(project(COUNTS, true));
    const web = [...site].find(([path]) => /cv\/index\.html$/.test(path))?.[1] as string;
    assert.match(web, /<p class="metrics-note">Citations 912 · h-index 2/);
    assert.match(web, /class="cited-by"[^>]*>Cited by 900</);
  });

  it('without it, no count is printed', () => {
    const { result } = build(project(COUNTS));
    assert.doesNotMatch(cvMarkdown(cvModel(result.graph, 'lei-wu')), /Cited by|h-index/);
  });
});
