import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assertNoPackageImports,
  compileTypst,
  TypstCompileError,
  typstPreamble,
  type TypstDiagnostic,
} from '../../../src/render/typst/compile.js';
import { escapeText, inlineToTypst } from '../../../src/render/typst/escape.js';
import { BUILTIN_FAMILIES, findCjkFont, fontSetFor, type FontSet } from '../../../src/render/typst/fonts.js';
import { pdfText, pdfToPng, squash } from './pdf-tools.js';

const SAMPLE = [
  '= Research record',
  '',
  '- Lei Wu (' + escapeText('吴磊') + '), Peking University',
  '- ' + escapeText('上海数学中心') + ' (Shanghai Center for Mathematical Sciences)',
  '- ' + inlineToTypst('Sharp bounds in $L^\\infty$ with cost $\\mathcal{O}(n^2)$ in $\\ell_p$'),
  '',
  'English paragraph with *bold* and _italic_ text, then display math:',
  '$ sum_(i=1)^n x_i^2 <= C $',
].join('\n');

function requireCjkFont(): void {
  if (!findCjkFont()) throw new Error('no CJK font found: install one (apt-get install -y fonts-noto-cjk) or set VITA_FONT_PATHS');
}

describe('compileTypst', () => {
  it('compiles heading, list, English, Chinese and math to a PDF', () => {
    requireCjkFont();
    const pdf = compileTypst(SAMPLE);
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
    const text = squash(pdfText(pdf));
    assert.match(text, /Research record/);
    assert.match(text, /Lei Wu \(吴磊\), Peking University/);
    assert.match(text, /上海数学中心 \(Shanghai Center/);
    assert.match(text, /𝐿 ?∞/u);
    assert.match(text, /∑/u);
    assert.match(text, /bold and italic/);
  });

  it('gives byte-identical PDFs for the same source, with no dates in them', () => {
    const a = compileTypst(SAMPLE);
    const b = compileTypst(SAMPLE);
    assert.ok(Buffer.from(a).equals(Buffer.from(b)));
    const raw = Buffer.from(a).toString('latin1');
    assert.doesNotMatch(raw, /CreationDate|ModDate|xmp:CreateDate/);
    // ... even when the document asks for the current date.
    const c = compileTypst('#set document(date: auto)\nHi');
    assert.ok(Buffer.from(c).equals(Buffer.from(compileTypst('#set document(date: auto)\nHi'))));
    assert.match(Buffer.from(c).toString('latin1'), /CreationDate \(D:19700101/);
  });

  it('gives the same bytes in a fresh process', () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const script = [
      `import { compileTypst } from ${JSON.stringify(join(here, '../../../src/render/typst/compile.ts'))};`,
      `process.stdout.write(Buffer.from(compileTypst(${JSON.stringify(SAMPLE)})).toString('base64'));`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Buffer.from(r.stdout, 'base64').equals(Buffer.from(compileTypst(SAMPLE))));
  });

  it('uses the CJK font from the font set', () => {
    requireCjkFont();
    const fonts = fontSetFor('吴磊');
    assert.match(typstPreamble(fonts), new RegExp(`"${fonts.cjk!.family}"`));
    const text = pdfText(compileTypst('#set text(font: vita-fonts)\n吴磊', { fonts }));
    assert.equal(squash(text), '吴磊');
  });

  it('warns about CJK characters no font can draw', () => {
    const noCjk: FontSet = { fontPaths: [], families: [BUILTIN_FAMILIES.serif], cjk: undefined };
    const warnings: TypstDiagnostic[] = [];
    compileTypst('Lei Wu 吴磊', { fonts: noCjk, onWarning: (w) => warnings.push(w) });
    assert.ok(warnings.some((w) => w.message.includes('吴磊')), JSON.stringify(warnings));
  });

  it('reports errors with file, line and column (preamble not counted)', () => {
    assert.throws(
      () => compileTypst('= Title\n\nSome text\n#foo(1)\n'),
      (e: unknown) => {
        assert.ok(e instanceof TypstCompileError);
        const d = e.diagnostics.find((x) => x.severity === 'error')!;
        assert.equal(d.message, 'unknown variable: foo');
        assert.equal(d.path, 'main.typ');
        assert.equal(d.line, 4);
        assert.equal(d.column, 2);
        assert.match(e.message, /main\.typ:4:2: error: unknown variable: foo/);
        return true;
      },
    );
  });

  it('reads only the files it is given', () => {
    const pdf = compileTypst('#import "lib.typ": greet\n#greet(read("name.txt"))', {
      files: { 'lib.typ': '#let greet(n) = [Hello, #n!]', 'name.txt': new TextEncoder().encode('Lei') },
    });
    assert.equal(squash(pdfText(pdf)), 'Hello, Lei!');
    // every file can get the font list
    const withFonts = compileTypst('#import "lib.typ": fam\n#fam', {
      fonts: { fontPaths: [], families: ['Libertinus Serif', 'Some CJK'], cjk: undefined },
      files: { 'lib.typ': '#import "/vita.typ": vita-fonts\n#let fam = vita-fonts.join("+")' },
    });
    assert.equal(squash(pdfText(withFonts)), 'Libertinus Serif+Some CJK');
    // files do not leak into the next document
    assert.throws(() => compileTypst('#read("name.txt")'), /file not found/);
    // nothing outside the virtual root is visible
    assert.throws(() => compileTypst('#read("/etc/hostname")'), TypstCompileError);
    assert.throws(() => compileTypst('#read("../../../../etc/hostname")'), TypstCompileError);
    assert.throws(() => compileTypst('x', { files: { '../x.typ': 'y' } }), /invalid Typst file name/);
  });

  it('refuses package imports instead of downloading them', () => {
    assert.throws(() => compileTypst('#import "@preview/cetz:0.3.0": canvas\nHi'), /never downloads/);
    assert.throws(() => compileTypst('x', { files: { 'a.typ': '#include "@preview/x:1.0.0"' } }), /never downloads/);
    assert.throws(() => assertNoPackageImports('#let p = "@local/mine:0.1.0"'), TypstCompileError);
    // escaped user text that merely mentions a package is fine
    assert.doesNotThrow(() => compileTypst(escapeText('#import "@preview/cetz:0.3.0"')));
  });

  it('renders to PNG (pdftoppm)', () => {
    requireCjkFont();
    const dir = mkdtempSync(join(tmpdir(), 'vita-png-'));
    try {
      const pages = pdfToPng(compileTypst(SAMPLE), dir, 80);
      assert.equal(pages.length, 1);
      const png = readFileSync(join(dir, pages[0]!));
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.ok(statSync(join(dir, pages[0]!)).size > 1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
