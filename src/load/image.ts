/**
 * What a page needs to know of an image of the project before it is resized: its format, its size in pixels (so the
 * page reserves its box and nothing jumps) and a hash of its bytes (so its resized copies are named by content and
 * never resized twice). Read from the file's header, synchronously: renderers are synchronous, and sharp is not.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Formats vita resizes; an SVG is copied as it is (it is sharp at every width already). */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'svg';

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
  /** The first 16 hex digits of the SHA-256 of the file's bytes. */
  hash: string;
}

/** Why an image cannot be shown: it is not there, cannot be read, or is not an image vita knows. */
export interface ImageProblem {
  problem: string;
}

/** Facts of files already read, by path, with the size and time that made them (an edited photo is read again). */
const known = new Map<string, { size: number; mtimeMs: number; info: ImageInfo | ImageProblem }>();

/** The facts of an image of the project, or why there are none. */
export function readImage(root: string, path: string): ImageInfo | ImageProblem {
  const file = join(root, path);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return { problem: 'the file does not exist' };
  }
  if (!stat.isFile()) return { problem: 'it is a folder, not a file' };
  const seen = known.get(file);
  if (seen && seen.size === stat.size && seen.mtimeMs === stat.mtimeMs) return seen.info;
  let info: ImageInfo | ImageProblem;
  try {
    info = imageOf(readFileSync(file));
  } catch (err) {
    info = { problem: `it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  known.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, info });
  return info;
}

/** The facts of an image from its bytes. */
export function imageOf(bytes: Uint8Array): ImageInfo | ImageProblem {
  const size = dimensions(bytes);
  if ('problem' in size) return size;
  return { ...size, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
}

type Size = { format: ImageFormat; width: number; height: number };

function dimensions(b: Uint8Array): Size | ImageProblem {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const ascii = (at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
  const ok = (format: ImageFormat, width: number, height: number): Size | ImageProblem =>
    width > 0 && height > 0 ? { format, width, height } : { problem: `its ${format.toUpperCase()} header gives no size` };
  if (b.length >= 24 && b[0] === 0x89 && ascii(1, 3) === 'PNG') return ok('png', v.getUint32(16), v.getUint32(20));
  if (b.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return ok('gif', v.getUint16(6, true), v.getUint16(8, true));
  if (b.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8X') return ok('webp', 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)));
    if (chunk === 'VP8L') {
      const bits = v.getUint32(21, true);
      return ok('webp', 1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
    }
    if (chunk === 'VP8 ') return ok('webp', v.getUint16(26, true) & 0x3fff, v.getUint16(28, true) & 0x3fff);
    return { problem: 'it is a WebP file of a kind vita does not know' };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpeg(b, v);
  const head = new TextDecoder().decode(b.subarray(0, 1024)).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return svg(new TextDecoder().decode(b));
  return { problem: 'it is not a JPEG, PNG, GIF, WebP or SVG image' };
}

/**
 * A JPEG's size is in its start-of-frame segment, after any number of others (EXIF, ICC profiles ...). A phone's
 * photo taken upright is often stored on its side with an EXIF orientation: its size is given as it is shown.
 */
function jpeg(b: Uint8Array, v: DataView): Size | ImageProblem {
  let at = 2;
  let turned = false;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return { problem: 'its JPEG data is damaged' };
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = v.getUint16(at + 2);
    if (marker === 0xe1 && at + 18 < b.length && String.fromCharCode(...b.subarray(at + 4, at + 10)) === 'Exif\0\0') turned = exifTurned(v, at + 10, Math.min(b.length, at + 2 + length));
    // SOF0-SOF15, but not DHT (C4), JPG (C8) or DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = v.getUint16(at + 5);
      const width = v.getUint16(at + 7);
      if (!(width > 0 && height > 0)) return { problem: 'its JPEG header gives no size' };
      return turned ? { format: 'jpeg', width: height, height: width } : { format: 'jpeg', width, height };
    }
    at += 2 + length;
  }
  return { problem: 'its JPEG data ends before its size is given' };
}

/** Whether an EXIF block (TIFF header at `tiff`) says the image is shown turned a quarter (orientations 5-8). */
function exifTurned(v: DataView, tiff: number, end: number): boolean {
  try {
    const little = v.getUint16(tiff) === 0x4949;
    const ifd = tiff + v.getUint32(tiff + 4, little);
    const count = v.getUint16(ifd, little);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (entry + 12 > end) break;
      if (v.getUint16(entry, little) === 0x0112) return v.getUint16(entry + 8, little) >= 5;
    }
  } catch {
    // A damaged EXIF block: the image is taken as stored.
  }
  return false;
}

/** An SVG's size from its width and height, or its viewBox: the box the page reserves. */
function svg(text: string): Size | ImageProblem {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)(px)?\\s*["']`, 'i').exec(tag)?.[1];
  let width = Number(attr('width'));
  let height = Number(attr('height'));
  if (!(width > 0 && height > 0)) {
    const box = /\sviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["']/i.exec(tag);
    width = Number(box?.[1]);
    height = Number(box?.[2]);
  }
  if (!(width > 0 && height > 0)) return { format: 'svg', width: 0, height: 0 };
  return { format: 'svg', width: Math.round(width), height: Math.round(height) };
}

/** Where al-folio keeps publication thumbnails: `preview = {x.png}` in its BibTeX names a file there. */
export const PREVIEW_FOLDER = 'assets/img/publication_preview';

/** The project path of a publication's preview: as written, or a bare file name in al-folio's folder when that is where it is. */
export function previewPath(value: string, has: (path: string) => boolean): string {
  const clean = value.replace(/^\/+/, '');
  if (has(clean) || clean.includes('/')) return value;
  const alFolio = `${PREVIEW_FOLDER}/${clean}`;
  return has(alFolio) ? alFolio : value;
}
