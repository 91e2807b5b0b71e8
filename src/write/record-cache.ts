/**
 * The record's files as loaded (see load/record-cache.ts), kept in `<project>/.vita-cache/record/`: a large one
 * (a .bib file) in a file of its own, small ones together in one file. Each file is a CRC-32 of what follows (it is
 * for damage, not attacks), then its key(s) and value(s) (v8 serialization). An entry made by other code than this
 * vita's loading code, cut short or garbled is not used; an opening removes what it did not use.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { RecordCache } from '../load/record-cache.js';
import { filesOf } from './build-cache.js';
import { pruneCacheFolder } from './cache-folder.js';

/** The folder of the kept record inside a project. */
export function recordCacheDir(projectRoot: string): string {
  return join(projectRoot, '.vita-cache', 'record');
}

const EXTENSION = '.v8';
/** Small entries (a person's YAML file, a news item) share one file: creating 3,000 files cost more than parsing them. */
const PACK = 'small.pack';
const PACK_BELOW = 64 * 1024;

export interface RecordCacheOptions {
  /** What it was asked for and what it kept (for tests). */
  stats?: { hits: number; misses: number; writes: number };
  /** Entries smaller than this many bytes go into the shared file (default 64 KiB; 0 for none, in tests). */
  packBelow?: number;
}

/** A cache of the project's files as loaded. */
export function recordCacheIn(projectRoot: string, options: RecordCacheOptions = {}): RecordCache {
  const { stats, packBelow = PACK_BELOW } = options;
  const dir = recordCacheDir(projectRoot);
  const used = new Set<string>();
  let made = false;
  // The shared file's entries (serialized values by key), read at the first look; `changed` when it must be written.
  let pack: Map<string, Uint8Array> | undefined;
  let changed = false;
  const packed = () => (pack ??= readPack(join(dir, PACK)));
  const name = (key: string) => createHash('sha256').update(`${codeDigest()}\0${key}`).digest('hex').slice(0, 40) + EXTENSION;
  const write = (file: string, body: Uint8Array): void => {
    if (!made) mkdirSync(dir, { recursive: true });
    made = true;
    const temporary = join(dir, `${file}.${process.pid}.tmp`);
    const digest = Buffer.alloc(4);
    digest.writeUInt32LE(crc32(body));
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, digest);
      writeSync(fd, body);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, join(dir, file));
  };
  return {
    get(key) {
      let value: unknown;
      const small = packed().get(key);
      if (small) {
        used.add(key);
        value = valueOf(small);
      } else {
        const file = name(key);
        used.add(file);
        value = readEntry(join(dir, file), key);
      }
      if (stats) value === undefined ? stats.misses++ : stats.hits++;
      return value;
    },
    set(key, value) {
      try {
        const body = serialize(value);
        if (body.length < packBelow) {
          packed().set(key, body);
          used.add(key);
          changed = true;
        } else {
          const file = name(key);
          used.add(file);
          write(file, serialize([`${codeDigest()}\0${key}`, body]));
        }
        if (stats) stats.writes++;
      } catch {
        // A cache only saves time: the next opening parses the file again.
      }
    },
    done() {
      const entries = [...packed()].filter(([key]) => used.has(key));
      if (changed || entries.length !== packed().size) {
        try {
          if (entries.length) write(PACK, serialize([codeDigest(), entries]));
          used.add(PACK);
        } catch {
          // left as it was, or not at all: the next opening parses those files again
        }
      } else if (entries.length) used.add(PACK);
      // What another opening is writing at this moment may go too: it is only made again.
      pruneCacheFolder(dir, (file) => used.has(file));
    },
  };
}

/**
 * A file's checked bytes (after its CRC-32), or undefined when it is missing, cut short or damaged. With `reuse`, read
 * into one buffer kept for the next file: the bytes are only good until then, and twenty .bib files' worth of new
 * buffers (100 MB) set off collections of the whole heap.
 */
function checked(path: string, reuse = false): Buffer | undefined {
  try {
    let bytes: Buffer;
    if (reuse) {
      const fd = openSync(path, 'r');
      try {
        const size = fstatSync(fd).size;
        if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
        let read = 0;
        while (read < size) {
          const n = readSync(fd, scratch, read, size - read, read);
          if (n === 0) break;
          read += n;
        }
        bytes = scratch.subarray(0, read);
      } finally {
        closeSync(fd);
      }
    } else bytes = readFileSync(path);
    if (bytes.length <= 4) return undefined;
    const body = bytes.subarray(4);
    return crc32(body) === bytes.readUInt32LE(0) ? body : undefined;
  } catch {
    return undefined;
  }
}

let scratch = Buffer.alloc(0);

function valueOf(body: Uint8Array): unknown {
  try {
    return deserialize(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The value kept under `key` in a file of its own, or undefined when there is none that can be trusted. */
function readEntry(path: string, key: string): unknown {
  const body = checked(path, true);
  const entry = body && valueOf(body);
  if (!Array.isArray(entry) || entry.length !== 2 || entry[0] !== `${codeDigest()}\0${key}` || !(entry[1] instanceof Uint8Array)) return undefined;
  return valueOf(entry[1]);
}

/** The shared file's entries, or none when it is missing, damaged or made by other code. */
function readPack(path: string): Map<string, Uint8Array> {
  const body = checked(path);
  const pack = body && valueOf(body);
  const entries = Array.isArray(pack) && pack.length === 2 && pack[0] === codeDigest() && Array.isArray(pack[1]) ? (pack[1] as unknown[]) : [];
  const out = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && entry[1] instanceof Uint8Array) out.set(entry[0], entry[1]);
  }
  return out;
}

let digest: string | undefined;

/**
 * vita's version and the code that makes an entry (loading, and the text, schema and diagnostics code it uses):
 * an entry made by other code is not used, even when a version number was not raised.
 */
function codeDigest(): string {
  if (digest !== undefined) return digest;
  const hash = createHash('sha256');
  const code = new URL('../', import.meta.url);
  for (const path of ['../package.json', ...['load', 'text', 'schema', 'diagnostics'].flatMap((folder) => filesOf(new URL(`${folder}/`, code), `${folder}/`))]) {
    hash.update(`\0${path}\0`);
    try {
      hash.update(readFileSync(new URL(path, code)));
    } catch {
      hash.update('-');
    }
  }
  return (digest = hash.digest('hex'));
}

