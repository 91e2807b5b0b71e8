/**
 * The record's files as loaded (see load/record-cache.ts), kept in `<project>/.vita-cache/record/`, one file per
 * source file: a checksum of what follows (CRC-32: it is for damage, not for attacks), then the entry's key and value (v8 serialization). An entry made by
 * other code than this vita's loading code, cut short or garbled is not used; an opening removes what it did not use.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { RecordCache } from '../load/record-cache.js';
import { pruneCacheFolder } from './cache-folder.js';

/** The folder of the kept record inside a project. */
export function recordCacheDir(projectRoot: string): string {
  return join(projectRoot, '.vita-cache', 'record');
}

const EXTENSION = '.v8';

/** A cache of the project's files as loaded; with `stats`, what it was asked for and what it kept (for tests). */
export function recordCacheIn(projectRoot: string, stats?: { hits: number; misses: number; writes: number }): RecordCache {
  const dir = recordCacheDir(projectRoot);
  const used = new Set<string>();
  let made = false;
  const name = (key: string) => createHash('sha256').update(`${codeDigest()}\0${key}`).digest('hex').slice(0, 40) + EXTENSION;
  return {
    get(key) {
      const file = name(key);
      used.add(file);
      const value = readEntry(join(dir, file), key);
      if (stats) value === undefined ? stats.misses++ : stats.hits++;
      return value;
    },
    set(key, value) {
      const file = name(key);
      used.add(file);
      try {
        const body = serialize([`${codeDigest()}\0${key}`, value]);
        const digest = Buffer.alloc(4);
        digest.writeUInt32LE(crc32(body));
        if (!made) mkdirSync(dir, { recursive: true });
        made = true;
        const temporary = join(dir, `${file}.${process.pid}.tmp`);
        writeFileSync(temporary, Buffer.concat([digest, body]));
        renameSync(temporary, join(dir, file));
        if (stats) stats.writes++;
      } catch {
        // A cache only saves time: the next opening parses the file again.
      }
    },
    done() {
      // What another opening is writing at this moment may go too: it is only made again.
      pruneCacheFolder(dir, (file) => used.has(file));
    },
  };
}

/** The value kept under `key`, or undefined when there is none that can be trusted. */
function readEntry(path: string, key: string): unknown {
  try {
    const bytes = readFileSync(path);
    if (bytes.length <= 4) return undefined;
    const body = bytes.subarray(4);
    if (crc32(body) !== bytes.readUInt32LE(0)) return undefined;
    const entry = deserialize(body) as unknown;
    if (!Array.isArray(entry) || entry.length !== 2 || entry[0] !== `${codeDigest()}\0${key}`) return undefined;
    return entry[1];
  } catch {
    return undefined;
  }
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

/** The files under a folder of vita's code, sorted. */
function filesOf(dir: URL, prefix: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) out.push(...filesOf(new URL(`${e.name}/`, dir), `${prefix}${e.name}/`));
    else if (e.isFile()) out.push(`${prefix}${e.name}`);
  }
  return out;
}
