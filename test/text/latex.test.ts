import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { latexToUnicode } from '../../src/text/latex.js';

describe('latexToUnicode', () => {
  const cases: [string, string][] = [
    ["Th{\\'e}o Dupont", 'Théo Dupont'],
    ["\\'{E}mile Borel", 'Émile Borel'],
    ["Jos\\'e", 'José'],
    ['M{\\"u}ller', 'Müller'],
    ['M\\"{u}ller', 'Müller'],
    ['Fran\\c{c}ois', 'François'],
    ['Fran\\c cois', 'François'],
    ['Stra{\\ss}e', 'Straße'],
    ['S{\\o}ren', 'Søren'],
    ['S\\o ren', 'Søren'],
    ['{\\AA}str{\\"o}m', 'Åström'],
    ['\\L{}ukasz', 'Łukasz'],
    ["Jos{\\'\\i}as", 'Josías'],
    ["Jos\\'{\\i}as", 'Josías'],
    ['Ar{\\i}kan', 'Arıkan'],
    ['\\v{S}ediv\\`{y}', 'Šedivỳ'],
    ['Erd\\H{o}s', 'Erdős'],
    ['Pe\\~{n}a', 'Peña'],
    ['\\k{A}', 'Ą'],
    ['D.~E. Knuth', 'D. E. Knuth'],
    ['{Weinan E}', 'Weinan E'],
    ['\\textsc{Wu}, Lei', 'Wu, Lei'],
    ['AT\\&T', 'AT&T'],
  ];
  for (const [input, expected] of cases) {
    it(`decodes ${input}`, () => assert.equal(latexToUnicode(input), expected));
  }

  it('returns composed (NFC) text', () => {
    assert.equal(latexToUnicode("Th{\\'e}o"), 'Th\u00e9o');
    assert.equal(latexToUnicode('The\u0301o'), 'Th\u00e9o');
  });

  it('leaves plain and CJK text alone', () => {
    assert.equal(latexToUnicode('Lei Wu'), 'Lei Wu');
    assert.equal(latexToUnicode('吴磊'), '吴磊');
  });

  it('leaves math untouched', () => {
    assert.equal(latexToUnicode('$x^{2}$ on {GPU}s'), '$x^{2}$ on GPUs');
  });
});

describe('latexToUnicode: what BibTeX fields hold', () => {
  const r = String.raw;

  it('turns dashes and quotes into their characters', () => {
    assert.equal(latexToUnicode('Actor--Critic Methods---A Survey'), 'Actor–Critic Methods—A Survey');
    assert.equal(latexToUnicode("``Deep'' and `shallow'"), "“Deep” and ‘shallow'");
  });

  it('reduces formatting commands to their text and drops font switches and sort keys', () => {
    assert.equal(latexToUnicode(r`\emph{Friends} and \textbf{{BERT}}`), 'Friends and BERT');
    assert.equal(latexToUnicode(r`{\em Deep} learning`), 'Deep learning');
    assert.equal(latexToUnicode(r`{\noopsort{a}}Zhang`), 'Zhang');
    assert.equal(latexToUnicode(r`\enquote{quoted}`), '“quoted”');
  });

  it('writes symbols as characters', () => {
    assert.equal(latexToUnicode(r`Wang\dag{} and \S 3 \ldots`), 'Wang† and § 3 …');
  });

  it('keeps math in dollars, turning \\( \\) and \\[ \\] into dollars', () => {
    assert.equal(latexToUnicode(r`The {$L^\infty$} norm`), r`The $L^\infty$ norm`);
    assert.equal(latexToUnicode(r`Rates in \(W_2\) and \[x\]`), 'Rates in $W_2$ and $$x$$');
    assert.equal(latexToUnicode(r`\ensuremath{\alpha}-stable`), r`$\alpha$-stable`);
    assert.equal(latexToUnicode(r`Costs of \$5`), r`Costs of \$5`, 'an escaped dollar stays escaped');
  });

  it('keeps an unknown command as written rather than lose it', () => {
    assert.equal(latexToUnicode(r`a \foo b`), r`a \foo b`);
  });

  it('collapses spaces and line breaks', () => {
    assert.equal(latexToUnicode('  A title\n    spread over   lines '), 'A title spread over lines');
  });

  it('accents a dotless i or j as a plain one, and composes the rarer accents', () => {
    assert.equal(latexToUnicode(r`na{\"\i}ve \'{\j}`), 'naïve j\u0301');
    assert.equal(latexToUnicode(r`\G{a}`), 'ȁ');
  });
});
