/**
 * The build's memory of its outputs, in `<project>/.vita-cache/build/`: for each page and feed, the facts of the
 * record it read (render/site/reads.ts), what the tail of the site needs of it (sitemap path, linked files,
 * images, math), the digest of its search record and the size and date of its file as written; beside it, the
 * search records of each shard of the search index (`search-<digest>.json`), read only to index a shard again. A
 * rebuild renders again only the outputs whose facts changed, or whose file is not as vita left it.
 *
 * Everything is thrown away when vita's version, the theme's files, vita.yaml or the build's options change.
 * The cache only saves time: one that is missing, cut short, garbled or from another build is not used.
 */
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { VITA_ROOT } from '../load/vita-folder.js';
import { availableFamilies } from '../render/cv/typst/fonts.js';
import type { ImageVariant } from '../render/site/parts/picture.js';

/** Bumped when what the cache holds changes shape or meaning. */
const FORMAT = 4;

/** What vita is: a cache made by another version is not used. */
const VITA_VERSION = ((): string => {
  try {
    return (JSON.parse(readFileSync(new URL('package.json', VITA_ROOT), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

/** What a rebuild needs to know of an output it does not render again. */
export interface OutputEntry {
  /** Indices into the state's facts. */
  reads: number[];
  /** Size and modification time of the file as written: anything else means it was changed (or removed) since. */
  size?: number;
  mtime?: number;
  page?: true;
  math?: true;
  sitemap?: string;
  links?: string[];
  images?: ImageVariant[];
  /** The address of the page's search record, when it has one. */
  search?: string;
  /** Its record's digest (search-index.ts recordHash): the record itself is kept with its shard's. */
  searchHash?: string;
}

export interface BuildState {
  format: number;
  key: string;
  /** Each fact read by some output, with its value when the outputs were made. */
  facts: [string, string][];
  outputs: Record<string, OutputEntry>;
  /** The search bundle's shards (search-index.ts): each one's records' digest and its files, kept while it matches. */
  searchShards?: SearchShard[];
  /** The CVs, by person and language ("lei-wu en"), and the fonts they could use (`cvFontsDigest`). */
  cvs?: { fonts: string; entries: Record<string, CvEntry> };
}

/**
 * What a rebuild needs to know of a CV it does not plan again: the facts it read, its two files (each also an
 * output, with its size and date) and its PDF's key in the CV cache (write/cv-pdfs.ts) with the notes told of it.
 */
export interface CvEntry {
  reads: number[];
  markdown: string;
  pdf: string;
  key: string;
  notes?: string[];
}

/** One shard of the search index as last written. */
export interface SearchShard {
  digest: string;
  files: string[];
}

/** The folder of the build's cache inside a project. */
export function buildCacheDir(projectRoot: string): string {
  return join(projectRoot, '.vita-cache', 'build');
}

const STATE = 'state.json';
/** The search records of one shard, by the shard's digest. */
const shardRecordsFile = (digest: string) => `search-${digest}.json`;

/** Every file under a folder, sorted, links not followed (a theme's helpers are part of it; vita's code). */
export function filesOf(dir: string | URL, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) out.push(...filesOf(typeof dir === 'string' ? join(dir, e.name) : new URL(`${e.name}/`, dir), `${prefix}${e.name}/`));
    else if (e.isFile()) out.push(`${prefix}${e.name}`);
  }
  return out;
}

/**
 * What every output depends on and no page's reads say: vita's version, vita.yaml, the theme's files and the
 * build's options (output folder, address, extras). Any change makes a cold build.
 */
export function buildKey(root: string, options: unknown): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, VITA_VERSION, options]));
  for (const file of ['vita.yaml', ...filesOf(join(root, 'theme')).map((f) => 'theme/' + f)]) {
    hash.update(`\0${file}\0`);
    try {
      hash.update(readFileSync(join(root, file)));
    } catch {
      hash.update('-');
    }
  }
  return hash.digest('hex');
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** When the last build's state was written (undefined: none). */
export function buildStateTime(dir: string): number | undefined {
  try {
    return statSync(join(dir, STATE)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The state of the last build with this key; undefined when there is none that can be trusted. */
export function readBuildState(dir: string, key: string): BuildState | undefined {
  const data = readJson(join(dir, STATE)) as (BuildState & { disk?: unknown }) | undefined;
  if (!data || typeof data !== 'object' || data.format !== FORMAT || data.key !== key) return undefined;
  if (!Array.isArray(data.facts) || typeof data.outputs !== 'object' || data.outputs === null) return undefined;
  if (!withSizes(data.outputs, data.disk)) return undefined;
  delete data.disk;
  const facts = data.facts.length;
  for (const f of data.facts) if (!Array.isArray(f) || typeof f[0] !== 'string' || typeof f[1] !== 'string') return undefined;
  for (const entry of Object.values(data.outputs)) {
    if (!entry || !Array.isArray(entry.reads) || typeof entry.size !== 'number' || typeof entry.mtime !== 'number') return undefined;
    for (const r of entry.reads) if (!Number.isInteger(r) || r < 0 || r >= facts) return undefined;
    if (entry.links !== undefined && !(Array.isArray(entry.links) && entry.links.every((l) => typeof l === 'string'))) return undefined;
    if (entry.images !== undefined && !(Array.isArray(entry.images) && entry.images.every(isVariant))) return undefined;
    if (entry.sitemap !== undefined && typeof entry.sitemap !== 'string') return undefined;
    if (entry.search !== undefined && (typeof entry.search !== 'string' || typeof entry.searchHash !== 'string')) return undefined;
  }
  if (data.searchShards !== undefined && !(Array.isArray(data.searchShards) && data.searchShards.every(isShard))) return undefined;
  if (data.cvs !== undefined && !isCvs(data.cvs, facts)) return undefined;
  return data;
}

/**
 * The sizes and dates the main thread wrote after the worker's state (`writeBuildState`): each output's, or null
 * for one that was not on disk then (it is left out). False when they do not fit the outputs.
 */
function withSizes(outputs: Record<string, OutputEntry>, disk: unknown): boolean {
  if (disk === undefined) return true;
  if (typeof disk !== 'object' || disk === null || Array.isArray(disk)) return false;
  for (const [path, value] of Object.entries(disk as Record<string, unknown>)) {
    const entry = Object.hasOwn(outputs, path) ? outputs[path] : undefined;
    if (!entry) return false;
    if (value === null) delete outputs[path];
    else if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
      entry.size = value[0];
      entry.mtime = value[1];
    } else return false;
  }
  return true;
}

function isCvs(cvs: unknown, facts: number): cvs is BuildState['cvs'] {
  const x = cvs as BuildState['cvs'];
  if (!x || typeof x !== 'object' || typeof x.fonts !== 'string' || !x.entries || typeof x.entries !== 'object') return false;
  const strings = (a: unknown) => Array.isArray(a) && a.every((s) => typeof s === 'string');
  return Object.values(x.entries).every(
    (e) =>
      !!e &&
      typeof e.markdown === 'string' &&
      typeof e.pdf === 'string' &&
      typeof e.key === 'string' &&
      (e.notes === undefined || strings(e.notes)) &&
      Array.isArray(e.reads) &&
      e.reads.every((r) => Number.isInteger(r) && r >= 0 && r < facts),
  );
}

/**
 * What a CV's Typst source depends on besides the record: the font families it may ask for are those installed
 * (render/cv/typst/fonts.ts), so a CV is planned again when they change.
 */
export function cvFontsDigest(): string {
  return createHash('sha256').update(JSON.stringify([process.env.VITA_FONT_PATHS ?? '', [...availableFamilies()].sort()])).digest('hex');
}

function isShard(s: unknown): s is SearchShard {
  const x = s as SearchShard;
  return !!x && typeof x === 'object' && typeof x.digest === 'string' && Array.isArray(x.files) && x.files.every((f) => typeof f === 'string');
}

function isVariant(v: unknown): v is ImageVariant {
  const x = v as ImageVariant;
  return !!x && typeof x === 'object' && typeof x.path === 'string' && typeof x.source === 'string' && typeof x.width === 'number' && typeof x.format === 'string';
}

/** The search records of the shard with this digest, by address (none when they cannot be read). */
export function readShardRecords(dir: string, digest: string): Map<string, string> {
  const data = readJson(join(dir, shardRecordsFile(digest))) as { digest?: string; records?: Record<string, unknown> } | undefined;
  const out = new Map<string, string>();
  if (!data || data.digest !== digest || typeof data.records !== 'object' || data.records === null) return out;
  for (const [url, content] of Object.entries(data.records)) if (typeof content === 'string') out.set(url, content);
  return out;
}

/**
 * Writes a shard's search records, a record at a time (a department's shard is ~15 MB, never held as one string),
 * under the shard's digest: the last build's state still names its own files, so a build stopped half-way
 * leaves a cache that is right, or costs time.
 */
export function writeShardRecords(dir: string, digest: string, records: Iterable<{ url: string; content: string | Uint8Array }>): void {
  try {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, shardRecordsFile(digest));
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      let chunk = `{"digest":${JSON.stringify(digest)},"records":{`;
      let first = true;
      const decoder = new TextDecoder();
      for (const r of records) {
        const content = typeof r.content === 'string' ? r.content : decoder.decode(r.content);
        chunk += `${first ? '' : ','}${JSON.stringify(r.url)}:${JSON.stringify(content)}`;
        first = false;
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk + '}}');
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch {
    // A cache that cannot be written costs time on the next build, nothing else.
  }
}

/** Whether the output file is as the last build left it (same size and date). */
export function unchangedOnDisk(out: string, path: string, entry: OutputEntry): boolean {
  try {
    const st = lstatSync(join(out, path));
    return st.isFile() && st.size === entry.size && st.mtimeMs === entry.mtime;
  } catch {
    return false;
  }
}

/**
 * The state as the build's worker hands it to the main thread: its JSON as bytes, moved rather than copied (a
 * department's state is ~120 MB as objects, held to the end of the build), in pieces of a few MB so that the worker
 * never holds the whole text twice, and without its closing brace; and the outputs whose size and date are added
 * once they are on disk (`writeBuildState`).
 */
export interface EncodedBuildState {
  parts: Uint8Array[];
  unsized: string[];
}

/** Entries per piece of the state's JSON. */
const PIECE = 10_000;

export function encodeBuildState(state: BuildState): EncodedBuildState {
  const { facts, outputs, cvs } = state;
  const paths = Object.keys(outputs);
  const unsized = paths.filter((path) => outputs[path]!.size === undefined || outputs[path]!.mtime === undefined);
  // Each its own buffer (not a shared pool's), so that it can be moved to another thread.
  const encoder = new TextEncoder();
  const parts = [encoder.encode(`{"format":${FORMAT},"key":${JSON.stringify(state.key)}${cvs ? `,"cvs":${JSON.stringify(cvs)}` : ''},"facts":[`)];
  for (let i = 0; i < facts.length; i += PIECE) parts.push(encoder.encode(`${i ? ',' : ''}${JSON.stringify(facts.slice(i, i + PIECE)).slice(1, -1)}`));
  parts.push(encoder.encode('],"outputs":{'));
  for (let i = 0; i < paths.length; i += PIECE) {
    const piece = JSON.stringify(Object.fromEntries(paths.slice(i, i + PIECE).map((path) => [path, outputs[path]])));
    parts.push(encoder.encode(`${i ? ',' : ''}${piece.slice(1, -1)}`));
  }
  parts.push(encoder.encode('}'));
  return { parts, unsized };
}

/**
 * Writes the state after a build: the worker's JSON, then the size and date of each output it did not know them of
 * (as now on disk) and the search index's shards, and removes the search records of shards it no longer names. A
 * file kept from the last build has the size and date found while this build ran, and was not written since (one
 * changed meanwhile by someone else then differs from what is noted, and is made again next time). The state goes
 * last and by a rename, so a build stopped half-way leaves the previous state (whose sizes and dates then no longer
 * match what changed) or none.
 */
export function writeBuildState(dir: string, out: string, state: EncodedBuildState, searchShards: SearchShard[] | undefined): void {
  try {
    mkdirSync(dir, { recursive: true });
    rmSync(join(dir, STATE), { force: true });
    const { parts, unsized } = state;
    // The worker's JSON is an object without its closing brace: what follows goes there.
    if (parts[0]?.[0] !== 0x7b) throw new Error('not a state');
    const disk: Record<string, [number, number] | null> = {};
    for (const path of unsized) {
      try {
        const st = statSync(join(out, path));
        disk[path] = [st.size, st.mtimeMs];
      } catch {
        disk[path] = null;
      }
    }
    const named = new Set((searchShards ?? []).map((s) => shardRecordsFile(s.digest)));
    for (const name of readdirSync(dir)) {
      if ((name.startsWith('search-') || name === 'search.json') && !named.has(name)) rmSync(join(dir, name), { force: true });
    }
    const end = `,"disk":${JSON.stringify(disk)}${searchShards ? `,"searchShards":${JSON.stringify(searchShards)}` : ''}}`;
    atomic(join(dir, STATE), [...parts, new TextEncoder().encode(end)]);
  } catch {
    // A cache that cannot be written costs time on the next build, nothing else.
    forgetBuildState(dir);
  }
}

/** Removes the state: the next build renders everything (after a build that failed, or whose theme had problems). */
export function forgetBuildState(dir: string): void {
  try {
    rmSync(join(dir, STATE), { force: true });
  } catch {
    // nothing to forget
  }
}

/** Writes `parts` one after the other into a temporary file, then renames it to `path`. */
function atomic(path: string, parts: Uint8Array[]): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (const part of parts) for (let off = 0; off < part.length; ) off += writeSync(fd, part, off, part.length - off);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
