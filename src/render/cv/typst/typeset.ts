/**
 * A CV's Typst source typeset: on its own, with nothing but the compiler behind it, so that a typesetting thread
 * (write/cv-pdf-worker.ts) loads in milliseconds rather than the whole CV renderer.
 */
import type { FontSet } from '../../typst/fonts.js';
import { compileTypst } from '../../typst/compile.js';

/**
 * A CV's Typst source typeset: the PDF and the compiler's warnings. Apart from `cvTypst` so that a build can
 * typeset on other threads, and skip sources it typeset before (see write/cv-pdfs.ts).
 */
export function typesetCv(typst: { source: string; fonts: FontSet }): { pdf: Uint8Array; warnings: string[] } {
  const warnings: string[] = [];
  const pdf = compileTypst(typst.source, {
    fonts: typst.fonts,
    onWarning: (d) => {
      // The missing CJK glyphs are reported by the caller from `missingGlyphs`, with the characters named.
      if (/no font for \d+ CJK/.test(d.message)) return;
      warnings.push(d.line !== undefined ? `line ${d.line}: ${d.message}` : d.message);
    },
  });
  return { pdf, warnings };
}
