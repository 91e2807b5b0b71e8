// Helpers for the Typst tests: run poppler's pdftotext / pdftoppm on PDF bytes.
// CI installs them with `apt-get install -y poppler-utils`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${tool} is not installed: install poppler-utils (apt-get install -y poppler-utils)`);
  }
  if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function withPdf<T>(pdf: Uint8Array, f: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'vita-typst-test-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return f(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of a PDF, via `pdftotext -enc UTF-8`. */
export function pdfText(pdf: Uint8Array): string {
  return withPdf(pdf, (_dir, file) => run('pdftotext', ['-enc', 'UTF-8', file, '-']));
}

/** Renders page PNGs with `pdftoppm -png -r <dpi>` into `outDir`, returns their file names. */
export function pdfToPng(pdf: Uint8Array, outDir: string, dpi = 80, prefix = 'page'): string[] {
  return withPdf(pdf, (_dir, file) => {
    run('pdftoppm', ['-png', '-r', String(dpi), file, join(outDir, prefix)]);
    return readdirSync(outDir).filter((f) => f.startsWith(prefix) && f.endsWith('.png')).sort();
  });
}

/** Collapses runs of whitespace to single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
