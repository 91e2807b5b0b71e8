/**
 * An image of the project on a page: a <picture> of AVIF and WebP copies at a few widths, with a JPEG or PNG for the
 * browsers that know neither, `srcset` and `sizes` so each reader loads the copy their screen needs, width and height
 * so the page keeps the image's box while it loads, and lazy loading. Rendering only plans the copies (which
 * file, which width, which format): the build's write stage makes them (src/write/images.ts), `vita dev` on demand.
 * Every kind of page shows its images through `picture`, so all share one markup.
 */
import { posix } from 'node:path';
import { imageOf, previewPath, readImage, type ImageInfo } from '../../../load/image.js';
import type { Publication } from '../../../resolve/graph.js';
import { html, type Html } from '../html.js';
import { absoluteUrl, slug, url, type Site } from '../context.js';
import { projectFileUrl, projectPath } from './files.js';
import { noteFact, noteImage } from '../reads.js';

/** The formats of the resized copies: the fallback is the source's own kind (JPEG for photos, PNG for drawings). */
export type VariantFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/** One resized copy of an image, as planned by a page: made by the write stage. */
export interface ImageVariant {
  /** Path of the source image in the project. */
  source: string;
  /** Path of the copy in the site: "img/lei-wu-3f2a9c1b-320.avif". */
  path: string;
  width: number;
  format: VariantFormat;
}

/** Where the resized copies live in the site, shared by every language. */
export const IMAGE_FOLDER = 'img';

export interface PictureOptions {
  /** Text for readers who cannot see the image; "" for an image that only decorates (the name is beside it). */
  alt: string;
  /** The widest the image is shown, in CSS pixels: copies are made at 1x, 2x (and 3x when `dense`) of it, never wider than the source. */
  width: number;
  /** The `sizes` attribute: how wide the image is shown at each screen width (defaults to `width` px). */
  sizes?: string;
  class?: string;
  /** Above the fold (a homepage photo): loaded at once rather than lazily. */
  eager?: boolean;
}

const MIME: Record<VariantFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };
const EXTENSION: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };

/**
 * The markup of an image of the project (`target` as the record writes it: "assets/photo.jpg"), or undefined when
 * it cannot be shown (missing, unreadable, not an image: `vita check` reports it, and the page goes without).
 */
export function picture(site: Site, target: string, options: PictureOptions): Html | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) {
    // An image on another site is shown as it is: it cannot be resized at build time. A javascript: or data: one is not.
    if (!/^https?:\/\//i.test(target)) return undefined;
    return html`<img${options.class ? html` class="${options.class}"` : ''} src="${target}" alt="${options.alt}" width="${options.width}"${options.eager ? '' : html` loading="lazy"`} decoding="async">`;
  }
  const path = projectPath(target);
  if (path === undefined) return undefined;
  const info = imageFacts(site, path);
  if (!info) return undefined;
  const shown = Math.min(options.width, info.width || options.width);
  const height = info.width ? Math.round((shown * info.height) / info.width) : undefined;
  const lazy = options.eager ? '' : html` loading="lazy"`;
  const cls = options.class ? html` class="${options.class}"` : '';
  if (info.format === 'svg') {
    // Drawn at every size already: linked as it is (and so copied into the site).
    return html`<img${cls} src="${url(site, path, { asset: true })}" alt="${options.alt}" width="${shown}"${height ? html` height="${height}"` : ''}${lazy} decoding="async">`;
  }
  const widths = variantWidths(info.width, options.width);
  const fallback: VariantFormat = info.format === 'jpeg' ? 'jpeg' : 'png';
  const sizes = options.sizes ?? `${shown}px`;
  const srcset = (format: VariantFormat) => widths.map((w) => `${url(site, plan(site, path, info, w, format), { asset: true })} ${w}w`).join(', ');
  const src = url(site, plan(site, path, info, widths[Math.min(1, widths.length - 1)]!, fallback), { asset: true });
  return html`<picture><source type="${MIME.avif}" srcset="${srcset('avif')}" sizes="${sizes}"><source type="${MIME.webp}" srcset="${srcset('webp')}" sizes="${sizes}"><img${cls} src="${src}" srcset="${srcset(fallback)}" sizes="${sizes}" alt="${options.alt}" width="${shown}" height="${height}"${lazy} decoding="async"></picture>`;
}

/** Widths of the copies: the shown width at 1x, 2x and 3x screens, none wider than the source (never upscaled). */
export function variantWidths(source: number, shown: number): number[] {
  const out = [1, 2, 3].map((x) => Math.round(shown * x)).filter((w) => w <= source);
  if (out.length < 3 && !out.includes(source)) out.push(source);
  return out;
}

/** Notes a copy for the write stage and gives its path in the site: named by the source's content, so a changed photo gets new URLs. */
function plan(site: Site, source: string, info: ImageInfo, width: number, format: VariantFormat): string {
  const stem = slug(posix.basename(source).replace(/\.[^.]+$/, '')).slice(0, 40);
  const path = `${IMAGE_FOLDER}/${stem}-${info.hash}-${width}.${EXTENSION[format]}`;
  let variant = site.images.get(path);
  if (!variant) site.images.set(path, (variant = { source, path, width, format }));
  noteImage(variant);
  return path;
}

/** The facts of an image of the project, once per site; undefined when it is not a usable image of the project. */
export function imageFacts(site: Site, path: string): ImageInfo | undefined {
  if (!site.files.has(path)) return undefined;
  // The image's size and format are read from its file: a page showing it depends on that file.
  noteFact(`file:${path}`);
  let facts = site.imageFacts.get(path);
  if (facts === undefined) {
    const read = readImage(site.graph.root, path);
    facts = 'problem' in read ? null : read;
    site.imageFacts.set(path, facts);
  }
  return facts ?? undefined;
}

/** A publication's thumbnail (`preview`): beside it on lists (`list`), or on its own page. */
export function publicationPreview(site: Site, pub: Publication, where: 'list' | 'page'): Html | undefined {
  if (!pub.preview) return undefined;
  const path = previewPath(pub.preview, (p) => site.files.has(p));
  const image = where === 'list' ? picture(site, path, { alt: '', width: 144, sizes: '(max-width: 40rem) 96px, 144px', class: 'pub-thumb' }) : picture(site, path, { alt: '', width: 480, sizes: '(max-width: 40rem) 100vw, 480px', class: 'pub-figure' });
  return image && (where === 'list' ? html`<div class="pub-preview">${image}</div>` : html`<figure class="pub-preview-figure">${image}</figure>`);
}

/**
 * The address of an image for other sites (Open Graph, JSON-LD): the original file of the project, absolute when the
 * site's address is known; an image on the web as it is; nothing for any other scheme.
 */
export function imageAddress(site: Site, target: string): string | undefined {
  if (/^https?:\/\//i.test(target)) return target;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) return undefined;
  const path = projectPath(target);
  if (path === undefined) return undefined;
  return absoluteUrl(site, path, { asset: true }) ?? url(site, path, { asset: true });
}

/** What `pictureFor` takes: the pages of projects and posts name their pictures so. */
export interface PictureForOptions {
  /** What the picture shows; empty for a decoration (then `alt=""`, as the reader should skip it). */
  alt: string;
  className?: string;
  /** How wide the picture is shown at each screen width: "(min-width: 60rem) 20rem, 100vw". */
  sizes?: string;
  /** The widest it is shown, in CSS pixels (default 688, a page's text column). */
  width?: number;
  /** Pictures above the fold load at once; the rest when scrolled to. */
  eager?: boolean;
}

/**
 * A picture of the project (a project's image) through `picture`; a file that cannot be read as an image is linked
 * as it is (`vita check` reports it), so the page still names it.
 */
export function pictureFor(site: Site, src: string, options: PictureForOptions): Html {
  const made = picture(site, src, { alt: options.alt, class: options.className, sizes: options.sizes, width: options.width ?? 688, eager: options.eager });
  if (made) return made;
  return html`<img${options.className ? html` class="${options.className}"` : ''} src="${projectFileUrl(site, src)}" alt="${options.alt}"${options.eager ? '' : html` loading="lazy"`} decoding="async">`;
}

/** The pixel size of an image from its first bytes, or undefined if it is not an image vita knows. */
export function sizeOf(bytes: Uint8Array): { width: number; height: number } | undefined {
  const info = imageOf(bytes);
  return 'problem' in info || !info.width || !info.height ? undefined : { width: info.width, height: info.height };
}
