// Helpers for the Typst tests: run poppler's pdftotext / pdftoppm on PDF bytes.
// CI installs them with `apt-get install -y poppler-utils`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

export interface PdfWord {
  text: string;
  page: number;
  /** In points from the page's top left corner. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, via `pdftotext -bbox`. */
export function pdfWords(pdf: Uint8Array): PdfWord[] {
  const html = withPdf(pdf, (_dir, file) => run('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-']));
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page') page++;
    else words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decodeEntities(m[5]!) });
  }
  return words;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

/** A page rasterised in grey (0 black .. 255 white), `dpi` pixels per inch. */
export interface GreyPage {
  width: number;
  height: number;
  dpi: number;
  pixels: Uint8Array;
}

/** The first page in grey, via `pdftoppm -gray` (a PGM file: a short header, then one byte a pixel). */
export function pdfGrey(pdf: Uint8Array, dpi = 150): GreyPage {
  return withPdf(pdf, (dir, file) => {
    run('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
    const bytes = readFileSync(join(dir, 'page.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm gave no PGM image');
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, dpi, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
  });
}

/** Whether anything is drawn in a rectangle given in points: its pixels are not all of one shade. */
export function inked(page: GreyPage, x0: number, y0: number, x1: number, y1: number): boolean {
  const k = page.dpi / 72;
  let min = 255;
  let max = 0;
  for (let y = Math.max(0, Math.floor(y0 * k)); y < Math.min(page.height, Math.ceil(y1 * k)); y++) {
    for (let x = Math.max(0, Math.floor(x0 * k)); x < Math.min(page.width, Math.ceil(x1 * k)); x++) {
      const v = page.pixels[y * page.width + x]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return max - min > 60;
}
