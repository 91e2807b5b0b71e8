// The seminar poster: one A4 page holding every fact of seed 004, the same bytes every time, user text inert.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { openProject } from '../../../src/index.js';
import { posterPdf, posterSource } from '../../../src/render/announce/poster.js';
import { findCjkFont } from '../../../src/render/typst/fonts.js';
import { inked, pdfGrey, pdfText, pdfWords, squash, type PdfWord } from '../typst/pdf-tools.js';
import { projectFrom, SEMINAR_PROJECT } from '../calendar/project.js';

const SCMS = 'scms-colloquium/2025-07-23-weijie-su';
const { graph } = openProject('examples/pku-group', { today: new Date('2026-11-01') });

function pages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}

/** pdftotext breaks lines where the layout does; compare with single spaces. */
function textOf(pdf: Uint8Array): string {
  return squash(pdfText(pdf));
}

describe('the poster of seed 004', () => {
  const pdf = posterPdf(graph, SCMS);
  const text = textOf(pdf);

  it('is one A4 page', () => {
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
    assert.equal(pages(pdf), 1);
    assert.match(Buffer.from(pdf).toString('latin1'), /\/MediaBox\s*\[\s*0 0 595\.2\d* 841\.8\d*\s*\]/);
  });

  it('holds every fact of the seed', () => {
    if (!findCjkFont()) throw new Error('no CJK font found: install one (apt-get install -y fonts-noto-cjk) or set VITA_FONT_PATHS');
    for (const fact of [
      'SCMS Colloquium',
      'Toward a Mathematical Theory of Deep Learning: Lessons from Personal Research',
      'Weijie Su',
      'University of Pennsylvania',
      'Wed, Jul 23, 2025 · 10:30–11:30 (Asia/Shanghai)',
      'Rm 102, SCMS',
      'Abstract',
      'A century ago, breakthroughs like relativity and quantum mechanics emerged',
      'approaches—including toy models, phenomenological models, and conditional-theory approaches—and explore',
      'theoretical foundations of deep learning.',
      'About the speaker',
      'Prof. Weijie Su is an Associate Professor in the Department of Statistics and Data Science',
      'the SIAM Activity Group on Data Science Early Career Prize in 2022.',
      '上海数学中心',
      'SHANGHAI CENTER FOR MATHEMATICAL SCIENCES',
      'Shanghai Center for Mathematical Sciences, No.2005 Songhu Road, Shanghai, China',
      'Tel: 021-31243880',
      'Fax: 021-31244000',
      'Postcode: 200438',
      'Email: scms@fudan.edu.cn',
    ]) {
      assert.ok(text.includes(fact), `missing "${fact}" in:\n${text}`);
    }
  });

  it('gives the same bytes on every render', () => {
    assert.ok(Buffer.from(posterPdf(graph, SCMS)).equals(Buffer.from(pdf)));
  });
});

describe('long and hostile input', () => {
  const base = readFileSync('examples/pku-group/seminars/scms-colloquium/2025-07-23-weijie-su.yaml', 'utf8');
  const files = {
    'vita.yaml': 'title: Poster test\nbaseUrl: https://example.org/\n',
    'people/weijie-su.yaml': readFileSync('examples/pku-group/people/weijie-su.yaml', 'utf8').replace(/^photo:.*\n/m, ''), // no photo file here
    'seminars/scms-colloquium/series.yaml': readFileSync('examples/pku-group/seminars/scms-colloquium/series.yaml', 'utf8'),
  };

  it('scales a very long abstract down and stays on one page', () => {
    const abstract = base.split('abstract: >-\n')[1]!.split('bio:')[0]!;
    const long = base.replace('abstract: >-\n' + abstract, 'abstract: |-\n' + Array(6).fill(abstract.replace(/\n$/, '')).join('\n\n') + '\n');
    const { graph: g, diagnostics } = projectFrom({ ...files, 'seminars/scms-colloquium/2025-07-23-weijie-su.yaml': long });
    assert.equal(diagnostics.errorCount, 0);
    const pdf = posterPdf(g, SCMS);
    assert.equal(pages(pdf), 1);
    const text = textOf(pdf);
    assert.ok(text.includes('SHANGHAI CENTER FOR MATHEMATICAL SCIENCES'), 'the host block is still there');
    assert.ok(text.includes('Data Science Early Career Prize in 2022.'), 'the bio still ends on the page');
  });

  it('prints Typst syntax in the record as text', () => {
    const evil = base
      .replace(/^title: .*$/m, `title: '#set page(fill: red) *bold* [x] = heading <lbl> @ref $x^2$ // not a comment'`)
      .replace(/^  affiliation: .*$/m, '  affiliation: \'"); #panic("boom") //\'');
    const { graph: g, diagnostics } = projectFrom({ ...files, 'seminars/scms-colloquium/2025-07-23-weijie-su.yaml': evil });
    assert.equal(diagnostics.errorCount, 0);
    // Run as code, the title would colour the page and the affiliation would stop the compiler: printed, it is text.
    assert.match(posterSource(g, SCMS), /\\#panic\(\\"boom\\"\)/);
    const text = textOf(posterPdf(g, SCMS));
    assert.ok(text.includes('#set page(fill: red) *bold* [x] = heading <lbl> @ref'), text);
    assert.ok(text.includes('// not a comment'));
    assert.ok(text.includes('"); #panic("boom") //'));
  });

  it('typesets math, CJK and a cancelled stamp', () => {
    const { graph: g } = projectFrom(SEMINAR_PROJECT);
    const math = textOf(posterPdf(g, 'nyc-seminar/2025-03-07-ada-li'));
    assert.match(math, /Mean-field dynamics of two-layer networks/);
    assert.match(math, /Fri, Mar 7, 2025 · 14:00–15:00 \(America\/New_York\)/);
    assert.match(math, /∑/u);
    assert.match(math, /北京大学/);
    assert.match(math, /柯朗研究所/);
    const cancelled = textOf(posterPdf(g, 'nyc-seminar/2025-04-04-cancelled'));
    assert.match(cancelled, /Cancelled: this talk will not take place/);
  });
});

describe('nothing the poster prints is cut off', () => {
  /**
   * Every word pdftotext finds is drawn to both ends of its box: a glyph cut off by a clipping box (punctuation
   * hanging into the margin at a line's end, or a quote at its start) leaves the end of its box blank.
   */
  function assertDrawn(pdf: Uint8Array, what: string): number {
    const page = pdfGrey(pdf, 200);
    // Math is left out: its glyphs are placed one by one, and pdftotext's box for them is only approximate.
    const words = pdfWords(pdf).filter((w) => w.page === 1 && w.xMax - w.xMin > 4 && !/[\u{1D400}-\u{1D7FF}]/u.test(w.text));
    // The strip looked at is wider than a glyph's side bearing (which grows with the size), narrower than a period.
    const strip = (w: PdfWord) => 0.12 * (w.yMax - w.yMin);
    const cut = words.filter((w) => !inked(page, w.xMax - strip(w), w.yMin, w.xMax, w.yMax) || !inked(page, w.xMin, w.yMin, w.xMin + strip(w), w.yMax));
    assert.deepEqual(
      cut.map((w) => `${w.text} at (${w.xMin.toFixed(1)}, ${w.yMin.toFixed(1)})..(${w.xMax.toFixed(1)}, ${w.yMax.toFixed(1)})`),
      [],
      `${what}: words drawn only in part`,
    );
    return words.length;
  }

  it('seed 004 and the test seminars', () => {
    assert.ok(assertDrawn(posterPdf(graph, SCMS), 'seed 004') > 200);
    const { graph: g } = projectFrom(SEMINAR_PROJECT);
    assertDrawn(posterPdf(g, 'nyc-seminar/2025-03-07-ada-li'), 'ada-li');
  });

  it('an abstract whose lines end in punctuation', () => {
    const base = readFileSync('examples/pku-group/seminars/scms-colloquium/2025-07-23-weijie-su.yaml', 'utf8');
    const words = ['kernels', 'depth', 'width', 'noise', 'scaling', 'sharpness', 'flatness', 'margins', 'data', 'loss'];
    // Clauses of every length, so that at some size many lines end in a comma, a period, a colon or a quote.
    const sentences = Array.from({ length: 40 }, (_, i) => {
      const clause = words.slice(0, 1 + (i % words.length)).join(' ');
      return `${clause}${[',', '.', ';', ':', '”', ')'][i % 6]}`;
    });
    const abstract = `“Quoted” ` + sentences.join(' ');
    const text = base.replace(/abstract: >-\n[\s\S]*?\nbio:/, `abstract: ${JSON.stringify(abstract)}\nbio:`);
    const files = {
      'vita.yaml': 'title: Poster test\nbaseUrl: https://example.org/\n',
      'people/weijie-su.yaml': readFileSync('examples/pku-group/people/weijie-su.yaml', 'utf8').replace(/^photo:.*\n/m, ''), // no photo file here
      'seminars/scms-colloquium/series.yaml': readFileSync('examples/pku-group/seminars/scms-colloquium/series.yaml', 'utf8'),
      'seminars/scms-colloquium/2025-07-23-weijie-su.yaml': text,
    };
    const { graph: g, diagnostics } = projectFrom(files);
    assert.equal(diagnostics.errorCount, 0, diagnostics.list.map((d) => d.message).join('\n'));
    const pdf = posterPdf(g, SCMS);
    assert.match(squash(pdfText(pdf)), /Quoted/);
    assertDrawn(pdf, 'punctuation at line ends');
  });
});
