import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileTypst, typstMathCompiles } from '../../../src/render/typst/compile.js';
import {
  escapeText,
  inlineToTypst,
  mathToTypst,
  texToTypstMath,
  typstString,
} from '../../../src/render/typst/escape.js';
import { pdfText, squash } from './pdf-tools.js';

describe('escapeText', () => {
  it('escapes every markup special character', () => {
    assert.equal(escapeText('Mingze Wang* #1 [draft] <x> @ref'), 'Mingze Wang\\* \\#1 \\[draft\\] \\<x\\> \\@ref');
    for (const c of '\\#$*_`<>@[]~/"\'=-+.:{}') assert.equal(escapeText(c), '\\' + c, c);
  });

  it('leaves letters, digits, spaces and CJK alone and flattens line breaks', () => {
    assert.equal(escapeText('abc 123 吴磊'), 'abc 123 吴磊');
    assert.equal(escapeText('a\n\nb\tc'), 'a  b c');
  });

  it('renders literally (compile + pdftotext)', () => {
    const cases = [
      'Mingze Wang* #1 [draft] <x> @ref',
      'back\\slash $5 and $6 _under_ `raw` ~tilde~',
      'a // not a comment /* nor this */ b',
      '"double" \'single\' -- --- ... -? x',
      '= not a heading',
      '- not a list',
      '+ not an enum',
      '1. not numbered',
      '/ term: not a term list',
      'https://example.org/a_b?c=d#e',
      'curly {braces} and \\u{41} and #let x = 1',
    ];
    const source = cases.map((c) => escapeText(c)).join('\n\n');
    const text = pdfText(compileTypst(source));
    const paragraphs = text.split('\n').map(squash).filter((p) => p !== '');
    assert.deepEqual(paragraphs, cases.map(squash));
  });
});

describe('typstString', () => {
  it('quotes and escapes', () => {
    assert.equal(typstString('a "b" \\ c\nd'), '"a \\"b\\" \\\\ c\\nd"');
    assert.equal(typstString('吴磊'), '"吴磊"');
  });

  it('round-trips through Typst', () => {
    const s = 'He said "hi" \\ #x $y$ 吴';
    const text = pdfText(compileTypst(`#text(${typstString(s)})`));
    assert.equal(squash(text), s);
  });
});

describe('texToTypstMath (tex2typst)', () => {
  it('converts the usual research notation', () => {
    assert.equal(texToTypstMath('L^\\infty'), 'L^infinity');
    assert.equal(texToTypstMath('\\ell_p'), 'ell_p');
    assert.match(texToTypstMath('\\mathcal{O}(n^2)')!, /^cal\(O\) ?\(n\^2\)$/);
    assert.equal(texToTypstMath('x \\in \\mathbb{R}^d'), 'x in RR^d');
    assert.equal(texToTypstMath('\\max_i x_i'), 'max_i x_i');
  });

  it('refuses what it cannot convert', () => {
    assert.equal(texToTypstMath('\\foo{x}'), undefined); // unknown macro
    assert.equal(texToTypstMath('\\frac{1'), undefined); // unbalanced
    assert.equal(texToTypstMath(''), undefined);
    assert.equal(texToTypstMath('\\text{a "q" b}'), undefined); // tex2typst would not escape the quotes
  });

  it('never lets Typst code through', () => {
    for (const tex of ['\\text{x" #import "a.typ": * "}', '#', '\\text{$}', 'a // b']) {
      const m = texToTypstMath(tex);
      if (m !== undefined) assert.ok(!/(^|[^\\])[#$]/.test(m.replace(/"[^"]*"/g, '')), `${tex} -> ${m}`);
    }
  });

  it('its output compiles', () => {
    for (const tex of ['L^\\infty', '\\mathcal{O}(n^2)', '\\ell_p', '\\frac{a}{b}', 'C^{1,\\alpha}', '\\|x\\|_2', '\\sum_{i=1}^n x_i']) {
      const m = texToTypstMath(tex);
      assert.ok(m !== undefined, tex);
      assert.ok(typstMathCompiles(m), `${tex} -> ${m}`);
    }
    assert.equal(typstMathCompiles('unknownvariable x'), false);
  });
});

describe('inlineToTypst', () => {
  it('converts $...$ and escapes the rest', () => {
    assert.equal(inlineToTypst('Bounds in $L^\\infty$ #1'), 'Bounds in $L^infinity$ \\#1');
    assert.equal(inlineToTypst('costs \\$5 and $6'), 'costs \\$5 and \\$6');
    assert.equal(inlineToTypst('\\(\\ell_p\\) and $$x^2$$'), '$ell_p$ and $x^2$');
  });

  it('falls back to the LaTeX source in italics', () => {
    // `;` ends the call, so that text after it starting with "(" is text.
    assert.equal(mathToTypst('\\foo{x}'), '#emph[\\$\\\\foo\\{x\\}\\$];');
    const viaValidator = inlineToTypst('$\\max x$', { validateMath: () => false });
    assert.equal(viaValidator, '#emph[\\$\\\\max x\\$];');
  });

  it('renders math in the PDF', () => {
    const src = inlineToTypst('Sharpness in $L^\\infty$, rate $\\mathcal{O}(n^2)$, $\\ell_p$ norms, bad $\\foo$.', {
      validateMath: typstMathCompiles,
    });
    const text = squash(pdfText(compileTypst(src)));
    assert.match(text, /Sharpness in 𝐿 ?∞/);
    assert.match(text, /𝒪.*𝑛 ?2/u);
    assert.match(text, /ℓ ?𝑝/u);
    assert.match(text, /bad \$\\foo\$\./);
  });
});
