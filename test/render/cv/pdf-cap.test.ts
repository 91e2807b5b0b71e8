// A PDF CV of more publications than a PDF lists (MAX_PDF_PUBLICATIONS; here a bound of 3): the most recent are
// kept, each in its group, the CV says how many of how many it shows, and the build and `vita cv` say so too.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openProject } from '../../../src/index.js';
import { cvModel, cvPdf, cvTypst, MAX_PDF_PUBLICATIONS, renderCv } from '../../../src/render/cv/index.js';
import { pdfText } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-cv-cap-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function project(): ReturnType<typeof openProject>['graph'] {
  cpSync('test/fixtures/frozen-project/2026-11-26-person', dir, { recursive: true });
  const entries = [2019, 2020, 2021, 2022, 2023].map(
    (year) => `@article{lovelace${year},\n  author = {Ada Lovelace},\n  title = {Paper Written in ${year}},\n  journal = {Journal of Examples},\n  year = {${year}},\n}\n`,
  );
  writeFileSync(join(dir, 'publications/papers.bib'), entries.join('\n'));
  const { graph, diagnostics } = openProject(dir);
  assert.equal(diagnostics.errorCount, 0, diagnostics.list.map((d) => d.message).join('\n'));
  return graph;
}

describe('a PDF CV with more publications than it lists', () => {
  const graph = project();
  const doc = cvModel(graph, 'ada-lovelace');

  it('keeps the most recent, and says how many of how many', () => {
    const typst = cvTypst(doc, { maxPublications: 3 });
    assert.deepEqual(typst.cut, { shown: 3, total: 5 });
    const text = pdfText(cvPdf(doc, { maxPublications: 3 }).pdf).replace(/\s+/g, ' ');
    for (const year of [2021, 2022, 2023]) assert.match(text, new RegExp(`Paper Written in ${year}`));
    for (const year of [2019, 2020]) assert.doesNotMatch(text, new RegExp(`Paper Written in ${year}`));
    assert.match(text, /Only the 3 most recent of 5 publications are listed here; the web and Markdown CVs list them all\./);
  });

  it('in the CV\'s language', () => {
    const zh = cvTypst(cvModel(graph, 'ada-lovelace', 'full', 'zh'), { maxPublications: 3 });
    assert.match(zh.source, /此处仅列出 5 篇论文中最新的 3 篇/);
  });

  it('the terminal is told; the Markdown CV lists them all', () => {
    const render = renderCv(graph, 'ada-lovelace', { maxPublications: 3 });
    assert.ok(render.warnings.some((w) => /lists the 3 most recent of 5 publications/.test(w)), render.warnings.join('\n'));
    const markdown = render.files.find((f) => f.path.endsWith('.md'))!;
    for (const year of [2019, 2023]) assert.match(String(markdown.content), new RegExp(`Paper Written in ${year}`));
  });

  it('a CV within the bound is whole, and says nothing', () => {
    assert.ok(MAX_PDF_PUBLICATIONS >= 5000, 'more than the most prolific author has');
    const typst = cvTypst(doc);
    assert.equal(typst.cut, undefined);
    assert.doesNotMatch(typst.source, /most recent/);
  });
});
