// A publication's status reads the same on every page and in every CV: a work in preparation is "In preparation"
// (never "Preprint"), and "To appear", "Under review", "Submitted" are worded alike on the web, in the PDF and in
// the Markdown CV.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCv } from '../../../src/render/cv/index.js';
import { renderSite } from '../../../src/render/site/index.js';
import { projectFrom } from '../calendar/project.js';
import { pdfText, squash } from '../typst/pdf-tools.js';
import { page, text, toMap } from './helpers.js';

const BIB = `
@article{published2024, author = {Lovelace, Ada}, title = {A Published Paper}, journal = {Annals of Engines}, year = {2024}}
@article{accepted2025, author = {Lovelace, Ada}, title = {An Accepted Paper}, journal = {Annals of Engines}, year = {2025}, status = {accepted}}
@misc{review2025, author = {Lovelace, Ada}, title = {A Paper Under Review}, year = {2025}, eprint = {2501.00001}, archiveprefix = {arXiv}, status = {under review}}
@misc{submitted2025, author = {Lovelace, Ada}, title = {A Submitted Paper}, year = {2025}, status = {submitted}}
@misc{preprint2025, author = {Lovelace, Ada}, title = {A Plain Preprint}, year = {2025}, status = {preprint}}
@misc{draft2025, author = {Lovelace, Ada}, title = {A Draft Being Written}, year = {2025}, status = {in preparation}}
`;

const { graph, diagnostics } = projectFrom({
  'vita.yaml': 'title: Ada Lovelace\nowner: ada\nbaseUrl: https://example.org/\n',
  'people/ada.yaml': 'name: Ada Lovelace\nemail: ada@example.org\npositions:\n  - title: Professor\n    organization: Analytical Society\n    start: 2020\n',
  'publications/papers.bib': BIB,
});
const site = toMap(renderSite(graph, { now: new Date('2026-01-01') }));
const cv = renderCv(graph, 'ada');
const pdf = squash(pdfText(cv.files.find((f) => f.path.endsWith('.pdf'))!.content as Uint8Array));
const markdown = cv.files.find((f) => f.path.endsWith('.md'))!.content as string;

/** The text of a page from where a title appears to the next title (or 200 characters on). */
function entry(whole: string, title: string): string {
  const at = whole.indexOf(title);
  assert.ok(at >= 0, `"${title}" is missing`);
  const next = ['A Published Paper', 'An Accepted Paper', 'A Paper Under Review', 'A Submitted Paper', 'A Plain Preprint', 'A Draft Being Written']
    .map((t) => whole.indexOf(t, at + title.length))
    .filter((i) => i > at);
  return whole.slice(at, Math.min(at + 200, ...next));
}

const LABELS: [string, string | undefined][] = [
  ['A Published Paper', undefined],
  ['An Accepted Paper', 'To appear'],
  ['A Paper Under Review', 'Under review'],
  ['A Submitted Paper', 'Submitted'],
  ['A Plain Preprint', undefined],
  ['A Draft Being Written', 'In preparation'],
];

describe('publication status labels', () => {
  it('the record opens without errors', () => assert.equal(diagnostics.errorCount, 0, diagnostics.list.map((d) => d.message).join('\n')));

  const places = () => ({
    'the publication list': text(page(site, 'people/ada/publications/index.html')),
    'the web CV': text(page(site, 'people/ada/cv/index.html')),
    'the PDF CV': pdf,
    'the Markdown CV': markdown,
  });

  for (const [title, label] of LABELS) {
    it(`${title}: ${label ?? 'no label'} everywhere`, () => {
      for (const [where, whole] of Object.entries(places())) {
        const shown = entry(whole, title);
        for (const [, other] of LABELS) if (other && other !== label) assert.ok(!shown.includes(`(${other})`), `${where} says "${other}" for ${title}: ${shown}`);
        if (label) assert.ok(shown.includes(`(${label})`), `${where} lacks "(${label})" for ${title}: ${shown}`);
      }
    });
  }

  it('a work in preparation is never called a preprint, on its page or in a list', () => {
    for (const [where, whole] of Object.entries(places())) {
      assert.doesNotMatch(entry(whole, 'A Draft Being Written'), /\bpreprint\b/i, `${where}: ${entry(whole, 'A Draft Being Written')}`);
    }
    const own = [...site.keys()].find((p) => /draft2025\/index\.html$/.test(p));
    assert.ok(own, 'the draft has a page');
    const kicker = /<p class="kicker">([\s\S]*?)<\/p>/.exec(page(site, own))![1]!;
    assert.match(kicker, /In preparation/);
    assert.doesNotMatch(kicker, /Preprint/);
    // A preprint's page still says what it is.
    const preprint = [...site.keys()].find((p) => /preprint2025\/index\.html$/.test(p))!;
    assert.match(/<p class="kicker">([\s\S]*?)<\/p>/.exec(page(site, preprint))![1]!, /Preprint · 2025/);
  });
});
