/**
 * Every picture of the owner's on a page (a project's image, and later photos and previews) is made here, in one
 * function, so that how pictures are served (sizes, formats, `srcset`) can change in one place. Width and height
 * are read from the file's header, so that the page keeps its place while the picture loads.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { Site } from '../context.js';
import { html, type Html } from '../html.js';
import { memoShared } from '../memo.js';
import { isProjectPath, projectFileUrl, projectPath } from './files.js';

export interface PictureOptions {
  /** What the picture shows; empty for a decoration (then `alt=""`, as the reader should skip it). */
  alt: string;
  className?: string;
  /** How wide the picture is shown, for `sizes` once there are several widths: "(min-width: 60rem) 20rem, 100vw". */
  sizes?: string;
  /** Pictures above the fold load at once; the rest when scrolled to. */
  eager?: boolean;
}

/** An <img> for a picture of the project (or a web address), with its width and height when they can be read. */
export function pictureFor(site: Site, src: string, options: PictureOptions): Html {
  const local = isProjectPath(src) ? projectPath(src) : undefined;
  const size = local ? memoShared(site, 'picture-size', local, () => imageSize(join(site.graph.root, local)) ?? null) : null;
  return html`<img${options.className ? html` class="${options.className}"` : ''} src="${projectFileUrl(site, src)}" alt="${options.alt}"${
    size ? html` width="${size.width}" height="${size.height}"` : ''
  }${options.eager ? '' : html` loading="lazy"`} decoding="async">`;
}

export interface ImageSize {
  width: number;
  height: number;
}

/** The pixel size of a PNG, GIF, JPEG or WebP file, or an SVG's declared size: undefined if it cannot be told. */
export function imageSize(path: string): ImageSize | undefined {
  let head: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      head = Buffer.alloc(64 * 1024);
      head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  return sizeOf(head);
}

/** The size from the first bytes of an image file. */
export function sizeOf(b: Buffer): ImageSize | undefined {
  const ok = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : undefined);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('ascii', 12, 16) === 'IHDR') return ok(b.readUInt32BE(16), b.readUInt32BE(20));
  if (b.length >= 10 && b.toString('ascii', 0, 3) === 'GIF') return ok(b.readUInt16LE(6), b.readUInt16LE(8));
  if (b.length >= 30 && b.toString('ascii', 0, 4) === 'RIFF' && b.toString('ascii', 8, 12) === 'WEBP') {
    const kind = b.toString('ascii', 12, 16);
    if (kind === 'VP8 ') return ok(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
    if (kind === 'VP8L') {
      const bits = b.readUInt32LE(21);
      return ok((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
    }
    if (kind === 'VP8X') return ok(1 + b.readUIntLE(24, 3), 1 + b.readUIntLE(27, 3));
    return undefined;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // JPEG: walk the segments to the first start-of-frame.
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        i += 2;
        continue;
      }
      const length = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return ok(b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
      i += 2 + length;
    }
    return undefined;
  }
  const text = b.toString('utf8', 0, Math.min(b.length, 4096));
  const svg = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (svg) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)\\s*(px)?\\s*["']`, 'i').exec(svg);
    const w = attr('width');
    const h = attr('height');
    if (w && h) return ok(Math.round(Number(w[1])), Math.round(Number(h[1])));
    const box = /\sviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["']/i.exec(svg);
    if (box) return ok(Math.round(Number(box[1])), Math.round(Number(box[2])));
  }
  return undefined;
}
