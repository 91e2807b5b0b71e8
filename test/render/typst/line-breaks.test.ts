// Inline math never parts from the text it touches in a PDF: "$n$-gram" is never "n" at a line's end and
// "-gram" at the next one's start, at any width, in titles (inlineToTypst), the poster's prose and the CV's prose;
// and what keeps them together leaves nothing in the PDF's text (a word joiner, U+2060, did: "n\u2060-gram").
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openProject } from '../../../src/index.js';
import { cvModel } from '../../../src/render/cv/model.js';
import { cvPdf } from '../../../src/render/cv/typst/document.js';
import { proseToTypst } from '../../../src/render/announce/prose.js';
import { markdownToTypst } from '../../../src/render/cv/typst/markdown.js';
import { compileTypst, typstMathCompiles } from '../../../src/render/typst/compile.js';
import { inlineToTypst } from '../../../src/render/typst/escape.js';
import { pdfText } from './pdf-tools.js';

const TEXT = 'We compare an $n$-gram model with a $k$-nearest rule, bound the $L^2$-norm of the error ($x$) and the $n$-th iterate.';

/** The markup set in blocks of every width from 20 to 110 mm; the lines of the PDF's text, as laid out. */
function linesAtEveryWidth(markup: string): string[] {
  const blocks = [];
  for (let width = 20; width <= 110; width += 1) blocks.push(`#block(width: ${width}mm)[${markup}]`);
  const pdf = compileTypst(`#set page(width: 130mm, height: auto, margin: 5mm)\n${blocks.join('\n')}\n`);
  return pdfText(pdf).split('\n');
}

describe('inline math and its word in PDFs', () => {
  for (const [where, markup] of [
    ['a title', inlineToTypst(TEXT, { validateMath: typstMathCompiles })],
    ['the poster prose', proseToTypst(TEXT, typstMathCompiles)],
    ['the CV prose', markdownToTypst(TEXT, { numbers: new Map() })],
  ] as const) {
    it(where, () => {
      const lines = linesAtEveryWidth(markup);
      assert.ok(lines.some((l) => l.includes('gram')), 'the text is there');
      const parted = lines.filter((l) => /^\s*(-gram|-nearest|-norm|-th|\)|\.)/.test(l) || /\(\s*$/.test(l));
      assert.deepEqual(parted.slice(0, 5), [], `${parted.length} lines start with the rest of a word joined to math`);
    });
  }
});

/** Invisible characters that would end up in what a reader copies or searches. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]/u;

describe('the text of math joined to a word', () => {
  for (const [where, markup] of [
    ['a title', inlineToTypst(TEXT, { validateMath: typstMathCompiles })],
    ['the poster prose', proseToTypst(TEXT, typstMathCompiles)],
    ['the CV prose', markdownToTypst(TEXT, { numbers: new Map() })],
  ] as const) {
    it(`${where}: "n-gram", nothing between`, () => {
      const text = pdfText(compileTypst(`#set page(width: 200mm, height: auto)\n${markup}\n`));
      assert.doesNotMatch(text, INVISIBLE);
      // Typst writes math letters as mathematical italic (U+1D45B for n); NFKC reads them as letters.
      const letters = text.normalize('NFKC');
      for (const word of ['n-gram', 'k-nearest', '(x)', 'n-th']) assert.ok(letters.includes(word), `"${word}" in: ${letters}`);
    });
  }

  it('text after the grouping that Typst could read as more arguments stays text', () => {
    const markup = inlineToTypst('bad $\\foo$(x) and $n$-gram; then $n$[1] and $n$ (y)', { validateMath: typstMathCompiles });
    const text = pdfText(compileTypst(`${markup}\n`)).normalize('NFKC');
    assert.ok(text.includes('bad $\\foo$(x) and n-gram; then n[1] and n (y)'), text);
  });

  it('math, emphasis and strong text followed by any markup character compile, and read as written', () => {
    const tails = ['#', '*', '_', '`', '<', '=', "'s", '"', ';', '(1)', '[1]', '.x', ')', '-', '...', '@k', '~', ':'];
    for (const tail of tails) {
      for (const source of [`a $x$${tail} b`, `$a$${tail}$b$`, `**$x$**${tail}`, `*a $x$*${tail}`, `$\\foo$${tail}`]) {
        for (const [where, markup] of [
          ['a title', inlineToTypst(source, { validateMath: typstMathCompiles })],
          ['the poster prose', proseToTypst(source, typstMathCompiles)],
          ['the CV prose', markdownToTypst(source, { numbers: new Map() })],
        ] as const) {
          assert.doesNotThrow(() => compileTypst(`${markup}\n`), `${where}: ${JSON.stringify(source)} as ${JSON.stringify(markup)}`);
        }
      }
    }
  });

  it('a CV with a publication titled "$n$-gram": pdftotext finds "n-gram"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vita-ngram-'));
    try {
      cpSync('test/fixtures/frozen-project/2026-11-26-person', dir, { recursive: true });
      appendFileSync(
        join(dir, 'publications/papers.bib'),
        '\n@article{lovelace2025ngram,\n  author = {Ada Lovelace},\n  title = {Smoothing $n$-gram Language Models},\n  journal = {Journal of Examples},\n  year = {2025},\n}\n',
      );
      const { graph, diagnostics } = openProject(dir);
      assert.equal(diagnostics.errorCount, 0, diagnostics.list.map((d) => d.message).join('\n'));
      const text = pdfText(cvPdf(cvModel(graph, 'ada-lovelace')).pdf);
      assert.doesNotMatch(text, INVISIBLE);
      assert.match(text, /\u{1d45b}-gram Language Models/u, 'the math n, then "-gram", nothing between');
      assert.ok(text.normalize('NFKC').includes('Smoothing n-gram Language Models'), text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
