/**
 * The resized copies of the project's images that the pages planned (src/render/site/parts/picture.ts), made with
 * sharp and kept in `.vita-cache/images/` under their content-addressed names, so an unchanged photo is resized
 * once, not at every build. sharp is imported only when a site shows an image: a site without any builds as fast
 * as before. Without a working sharp (a platform with no prebuilt binary), each copy is the original's bytes,
 * which browsers still show (they read an image's format from its bytes), and the build says so once.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../render/output.js';
import { emptySummary, siteFiles, type SiteOptions } from '../render/site/index.js';
import type { Graph } from '../resolve/graph.js';
import type { ImageVariant } from '../render/site/parts/picture.js';
import { pruneCacheFolder } from './cache-folder.js';

/** Part of every cached copy's name: bumped when the encoding below changes, so no copy of an older one is reused. */
export const ENCODING = 'e1';

/** What the copies are encoded with: small files that look like the original on a screen. */
const SETTINGS = {
  avif: { quality: 55, effort: 4 },
  webp: { quality: 78, effort: 4 },
  jpeg: { quality: 82, mozjpeg: true },
  png: { compressionLevel: 9, effort: 7 },
} as const;

/** Copies made at once: sharp works on libuv's threads (4 by default), a few jobs keep them busy. */
const PARALLEL = 4;

export interface ImageResult {
  files: OutputFile[];
  /** Copies resized now. */
  made: number;
  /** Copies taken from the cache. */
  reused: number;
  warnings: string[];
}

export interface ImageOptions {
  /** Where copies are kept between builds (default: `<project>/.vita-cache/images`); null for none. */
  cacheDir?: string | null;
  /**
   * These are all the copies the site shows (a whole build): the cache keeps only them, so copies of photos since
   * replaced do not pile up. Off for `vita dev`, which makes copies one at a time.
   */
  prune?: boolean;
}

type Sharp = typeof import('sharp').default;
let loaded: Promise<Sharp | Error> | undefined;

/** sharp, imported when first needed; an Error when it cannot be loaded here. */
export function loadSharp(): Promise<Sharp | Error> {
  loaded ??= import('sharp').then(
    (m) => ((m as unknown as { default?: Sharp }).default ?? (m as unknown as Sharp)),
    (err: Error) => err,
  );
  return loaded;
}

/** Makes (or takes from the cache) every planned copy. */
export async function makeImages(root: string, variants: Iterable<ImageVariant>, options: ImageOptions = {}): Promise<ImageResult> {
  const list = [...variants].sort((a, b) => (a.path < b.path ? -1 : 1));
  const result: ImageResult = { files: [], made: 0, reused: 0, warnings: [] };
  const cacheDir = options.cacheDir === undefined ? join(root, '.vita-cache', 'images') : options.cacheDir;
  if (!list.length) {
    if (cacheDir && options.prune) pruneCacheFolder(cacheDir, () => false);
    return result;
  }
  const sources = new Map<string, Uint8Array | Error>();
  const source = (path: string) => {
    let bytes = sources.get(path);
    if (bytes === undefined) {
      try {
        bytes = new Uint8Array(readFileSync(join(root, path)));
      } catch (err) {
        bytes = err as Error;
      }
      sources.set(path, bytes);
    }
    return bytes;
  };
  const out = new Array<OutputFile | undefined>(list.length);
  let sharpProblem: string | undefined;
  let next = 0;
  const work = async () => {
    for (let i = next++; i < list.length; i = next++) {
      const v = list[i]!;
      const cached = cacheDir ? readCached(cacheDir, v) : undefined;
      if (cached) {
        out[i] = { path: v.path, content: cached };
        result.reused++;
        continue;
      }
      const bytes = source(v.source);
      if (bytes instanceof Error) {
        result.warnings.push(`the image ${v.source} could not be read for ${v.path}: ${bytes.message}`);
        continue;
      }
      const made = await encode(bytes, v);
      if (made instanceof Error) {
        sharpProblem ??= made.message;
        out[i] = { path: v.path, content: bytes };
        continue;
      }
      out[i] = { path: v.path, content: made };
      result.made++;
      if (cacheDir) writeCached(cacheDir, v, made);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, work));
  if (cacheDir && options.prune) {
    const used = new Set(list.map(cacheName));
    pruneCacheFolder(cacheDir, (name) => used.has(name));
  }
  if (sharpProblem) result.warnings.push(`images were copied without resizing: ${sharpProblem} (npm install sharp to resize them)`);
  result.files = out.filter((f): f is OutputFile => f !== undefined);
  return result;
}

/** One copy, resized and encoded; an Error when sharp is missing or the image cannot be decoded. */
export async function encode(bytes: Uint8Array, v: ImageVariant): Promise<Uint8Array | Error> {
  const sharp = await loadSharp();
  if (sharp instanceof Error) return new Error(`sharp could not be loaded (${sharp.message.split('\n')[0]})`);
  try {
    // `rotate()` turns a phone photo upright by its EXIF orientation; metadata (GPS included) is not carried over.
    const image = sharp(bytes, { failOn: 'error' }).rotate().resize({ width: v.width, withoutEnlargement: true });
    const buffer = await image.toFormat(v.format, SETTINGS[v.format]).toBuffer();
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (err) {
    return new Error(`${v.source} could not be resized (${(err as Error).message})`);
  }
}

/** A copy's name in the cache: its name in the site (the source's content hash, the width, the format) and the encoding. */
function cacheName(v: ImageVariant): string {
  return `${ENCODING}-${v.path.slice(v.path.lastIndexOf('/') + 1)}`;
}


function readCached(dir: string, v: ImageVariant): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(join(dir, cacheName(v))));
  } catch {
    return undefined;
  }
}

function writeCached(dir: string, v: ImageVariant, bytes: Uint8Array): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so a build stopped half-way never leaves half a copy to be reused.
    const file = join(dir, cacheName(v));
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written costs time at the next build, nothing else.
  }
}

/** The whole site in memory with its resized images, in one thread: what `buildSite` writes, for tests and the API. */
export async function renderSiteWithImages(graph: Graph, options: SiteOptions & ImageOptions = {}): Promise<OutputFile[]> {
  const summary = emptySummary();
  const files = [...siteFiles(graph, options, summary)];
  const images = await makeImages(graph.root, summary.images.values(), options);
  return [...files, ...images.files];
}
