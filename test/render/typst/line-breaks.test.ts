// Inline math never parts from the text it touches in a PDF: "$n$-gram" is never "n" at a line's end and
// "-gram" at the next one's start, at any width, in titles (inlineToTypst), the poster's prose and the CV's prose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
