/**
 * The write stage: puts rendered files into the output folder, and nowhere else.
 *
 * - refuses an output folder that is the project itself, one of its ancestors, or the root of the disk;
 * - refuses paths that would leave the folder (`..`, absolute paths, symlinked folders pointing out);
 * - replaces each file atomically (a temporary file in the same folder, then a rename: a reader or a crash
 *   sees the old file or the new one, never half of one; no fsync, a site is cheap to rebuild); a file that
 *   did not exist is written in place;
 * - leaves files whose bytes are unchanged alone, so their dates stay and rsync/deploys stay small;
 * - removes files a previous build wrote that this build no longer makes, as listed in `.vita-manifest.json`,
 *   and never a file vita did not write (nor one changed by hand since vita wrote it).
 */
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, parse, posix, relative, resolve, sep } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { OutputFile } from '../render/output.js';

export const MANIFEST = '.vita-manifest.json';

export interface WriteResult {
  written: number;
  unchanged: number;
  removed: number;
  /** Stale files left in place because they were changed after vita wrote them. */
  kept: string[];
  /** Paths written (changed or new), for the summary and for live reload. */
  changed: string[];
}

/** A problem that stops writing before anything is written: the message says what and how to fix it. */
export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

interface Manifest {
  version: 1;
  /** Path inside the output folder -> sha256 of the bytes vita wrote. */
  files: Record<string, string>;
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

/** The real path of a folder, or of its nearest existing ancestor joined with the rest. */
function realish(path: string): string {
  const missing: string[] = [];
  let p = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(p), ...missing.reverse());
    } catch {
      const parent = dirname(p);
      if (parent === p) return resolve(path);
      missing.push(p.slice(parent.length).replace(/^[\\/]+/, ''));
      p = parent;
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Refuses an output folder that could destroy the project or the system. */
export function checkOutputFolder(outDir: string, projectRoot: string): string {
  const out = realish(outDir);
  const project = realish(projectRoot);
  if (out === parse(out).root) throw new WriteError(`refusing to write the site into "${outDir}": it is the root of the file system. Choose an empty folder such as "_site".`);
  if (out === project) throw new WriteError(`refusing to write the site into "${outDir}": it is the project folder itself, and the build would mix with your record. Use a folder inside it, such as "_site".`);
  if (isInside(project, out)) throw new WriteError(`refusing to write the site into "${outDir}": it contains the project folder ${projectRoot}. Use a folder inside the project (such as "_site") or somewhere else.`);
  let stat: Stats | undefined;
  try {
    stat = lstatSync(out);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) throw new WriteError(`cannot write the site into "${outDir}": it is a file, not a folder.`);
  return out;
}

/** A file's path inside the output folder, checked: relative, POSIX, no `..`, nothing odd. */
export function checkRelativePath(path: string): string {
  if (path === '' || path.includes('\0') || path.includes('\\')) throw new WriteError(`refusing to write "${path}": not a plain relative path`);
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw new WriteError(`refusing to write "${path}": absolute paths are not allowed inside the output folder`);
  const parts = path.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) throw new WriteError(`refusing to write "${path}": the path must stay inside the output folder (no "..", ".", or empty parts)`);
  if (path === MANIFEST) throw new WriteError(`refusing to write "${path}": the name is vita's own manifest`);
  return posix.normalize(path);
}

function readManifest(out: string): Manifest {
  try {
    const data = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Manifest;
    if (data && data.version === 1 && typeof data.files === 'object') return data;
  } catch {
    // No manifest (first build) or an unreadable one: then vita knows of no file it wrote.
  }
  return { version: 1, files: {} };
}

/** Makes a file's folder, checking that no folder on the way is a symlink leading out of the output folder. */
function ensureFolder(out: string, rel: string): string {
  const folder = join(out, dirname(rel));
  mkdirSync(folder, { recursive: true });
  const real = realpathSync(folder);
  if (real !== out && !isInside(real, out)) throw new WriteError(`refusing to write "${rel}": its folder leads outside the output folder (through a symbolic link)`);
  return folder;
}

/** Writes one file so that no reader ever sees half of it (a temporary file, then a rename); makes its folder. */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  atomicWrite(target, bytesOf(content));
}

/** Temporary files are named by process, thread and a count: unique without asking for random bytes per file. */
let temporaries = 0;

/** Opens a new temporary file beside the target; a name left over by a crashed build is skipped, never reused. */
function openTemporary(target: string): { fd: number; path: string } {
  for (;;) {
    const path = join(dirname(target), `.${parse(target).base}.${process.pid}-${threadId}-${temporaries++}.tmp`);
    try {
      return { fd: openSync(path, 'wx', 0o644), path };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** All the bytes, however many calls the system takes. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

function atomicWrite(target: string, bytes: Uint8Array): void {
  const { fd, path: tmp } = openTemporary(target);
  try {
    writeAll(fd, bytes);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file is already gone
    }
    throw err;
  }
}

/** The sha256 of the regular file at a path; undefined when there is none (or it is a link or a folder). */
function digestOnDisk(path: string): string | undefined {
  try {
    const st = lstatSync(path);
    if (!st.isFile()) return undefined;
    return digest(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** Removes folders left empty, from `folder` up to (not including) the output folder. */
function pruneEmpty(out: string, folder: string): void {
  let dir = folder;
  while (dir !== out && isInside(dir, out)) {
    try {
      if (readdirSync(dir).length > 0) return;
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

/**
 * Writes a site file by file, so a build can hand over each page as soon as it is rendered rather than
 * holding them all: `check` every path first (nothing is written if one is bad), `put` each file, `finish`
 * to remove what a previous build wrote and this one did not, and to write the manifest.
 */
export class SiteWriter {
  readonly out: string;
  private previous: Manifest | undefined;
  /** Path -> sha256 of every file of this build, in the order they were planned. */
  private readonly hashes = new Map<string, string | undefined>();
  private readonly folders: FolderCache = new Map();
  private readonly result: WriteResult = { written: 0, unchanged: 0, removed: 0, kept: [], changed: [] };

  constructor(outDir: string, options: { projectRoot: string }) {
    this.out = checkOutputFolder(outDir, options.projectRoot);
  }

  /** Makes the output folder (on the first write, so refused paths leave nothing behind) and reads the last manifest. */
  private start(): Manifest {
    if (!this.previous) {
      mkdirSync(this.out, { recursive: true });
      this.previous = readManifest(this.out);
    }
    return this.previous;
  }

  /** Plans a file: its path is checked, and must not be planned twice. Returns the clean relative path. */
  check(path: string): string {
    const rel = checkRelativePath(path);
    if (this.hashes.has(rel)) throw new WriteError(`two files of the site have the same path "${rel}"`);
    this.hashes.set(rel, undefined);
    return rel;
  }

  /** Writes a planned file, unless the bytes on disk are already these. */
  put(rel: string, content: string | Uint8Array): void {
    this.start();
    const { hash, written } = writeOutputFile(this.out, rel, bytesOf(content), this.folders);
    this.record(rel, hash, written);
  }

  /** Takes note of a planned file that was written elsewhere (by `writeOutputFile` in another thread). */
  record(rel: string, hash: string, written: boolean): void {
    this.start();
    this.hashes.set(rel, hash);
    if (written) {
      this.result.written++;
      this.result.changed.push(rel);
    } else this.result.unchanged++;
  }

  finish(): WriteResult {
    const out = this.out;
    const previous = this.start();
    const result = this.result;
    const next: Manifest = { version: 1, files: {} };
    for (const [rel, hash] of this.hashes) {
      if (hash === undefined) throw new Error(`the site's file "${rel}" was planned but never written`);
      next.files[rel] = hash;
    }
    for (const [rel, hash] of Object.entries(previous.files)) {
      if (this.hashes.has(rel)) continue;
      let safe: string;
      try {
        safe = checkRelativePath(rel);
      } catch {
        continue; // a tampered manifest cannot make vita delete outside the folder
      }
      const target = join(out, ...safe.split('/'));
      const real = realish(dirname(target));
      if (real !== out && !isInside(real, out)) continue;
      const onDisk = digestOnDisk(target);
      if (onDisk === undefined) continue;
      if (onDisk !== hash) {
        // Changed by hand since vita wrote it: not vita's to delete any more.
        result.kept.push(rel);
        continue;
      }
      unlinkSync(target);
      result.removed++;
      pruneEmpty(out, dirname(target));
    }
    atomicWrite(join(out, MANIFEST), Buffer.from(JSON.stringify(next, null, 1) + '\n'));
    return result;
  }
}

/** Folders of the output already made and checked during one build: relative path -> real path. */
export type FolderCache = Map<string, string>;

/**
 * Writes one file (relative path already checked) into a checked output folder, atomically, unless the
 * same bytes are there already. Safe to call from several threads for different files.
 */
export function writeOutputFile(out: string, rel: string, bytes: Uint8Array, folders: FolderCache = new Map()): { hash: string; written: boolean } {
  const hash = digest(bytes);
  const dir = posix.dirname(rel);
  checkedFolder(out, dir, folders);
  const target = join(out, rel);
  const before = onDisk(target, bytes);
  if (before === 'same') return { hash, written: false };
  // A new file has no old version for a reader to see instead: it is written in place, in one syscall fewer
  // than through a temporary file and a rename (a cold build makes tens of thousands). Made exclusively, so a
  // file or link that appeared meanwhile is never written through; it is then replaced as any other.
  if (before === 'absent' && writeNew(target, bytes)) return { hash, written: true };
  atomicWrite(target, bytes);
  return { hash, written: true };
}

/** Writes a file that does not exist yet; false if something is there after all. */
function writeNew(target: string, bytes: Uint8Array): boolean {
  let fd: number;
  try {
    fd = openSync(target, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeAll(fd, bytes);
  } catch (err) {
    closeSync(fd);
    try {
      unlinkSync(target); // never half a file left behind
    } catch {
      // already gone
    }
    throw err;
  }
  closeSync(fd);
  return true;
}

/**
 * Makes a folder of the output (relative path) and checks that it does not lead outside through a symbolic
 * link: a folder this build has just made, inside a checked one, needs no further look.
 */
function checkedFolder(out: string, dir: string, folders: FolderCache): string {
  if (dir === '.' || dir === '') return out;
  const known = folders.get(dir);
  if (known !== undefined) return known;
  const parent = checkedFolder(out, posix.dirname(dir), folders);
  const path = join(parent, posix.basename(dir));
  let real: string | undefined;
  try {
    mkdirSync(path);
    real = path;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      try {
        if (lstatSync(path).isDirectory()) real = path;
      } catch {
        real = undefined;
      }
    }
  }
  // Anything else (a symbolic link, a file in the way): the full check, as for any folder.
  real ??= realpathSync(ensureFolder(out, `${dir}/x`));
  folders.set(dir, real);
  return real;
}

/** Whether the path holds a regular file with exactly these bytes, something else, or nothing. */
function onDisk(path: string, bytes: Uint8Array): 'same' | 'different' | 'absent' {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'different';
  }
  if (!st.isFile() || st.size !== bytes.length) return 'different';
  try {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(readFileSync(path)) ? 'same' : 'different';
  } catch {
    return 'different';
  }
}

export function writeSite(outDir: string, files: readonly OutputFile[], options: { projectRoot: string }): WriteResult {
  const writer = new SiteWriter(outDir, options);
  // Check every path before writing any: a bad one must not leave half a site.
  const rels = files.map((f) => writer.check(f.path));
  files.forEach((f, i) => writer.put(rels[i]!, f.content));
  return writer.finish();
}
