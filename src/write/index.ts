/**
 * The write stage: puts rendered files into the output folder, and nowhere else.
 *
 * - refuses an output folder that is the project itself, one of its ancestors, or the root of the disk;
 * - refuses paths that would leave the folder (`..`, absolute paths, symlinked folders pointing out);
 * - writes into a non-empty folder only when vita built it (it holds `.vita-manifest.json`), and never replaces a
 *   file vita did not write, unless forced (`--force`);
 * - makes the site in a staging folder beside the output and moves it in only once complete, so that the output
 *   holds the previous complete site or the new one, never half of one (see SiteWriter);
 * - leaves files whose bytes are unchanged alone, so their dates stay and rsync/deploys stay small;
 * - removes files a previous build wrote that this build no longer makes, as listed in `.vita-manifest.json`,
 *   and never a file vita did not write (nor one changed by hand since vita wrote it).
 */
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, unlinkSync, writeSync, type Stats } from 'node:fs';
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

/** The manifest of the last build; an empty one when it cannot be read; undefined when there is none. */
function readManifest(out: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(join(out, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const data = JSON.parse(text) as Manifest;
    if (data && data.version === 1 && typeof data.files === 'object' && data.files !== null) return data;
  } catch {
    // unreadable: vita knows of no file it wrote
  }
  return { version: 1, files: {} };
}

/** The files the last build into a folder wrote, as its manifest lists them (none when it cannot be read). */
export function manifestFiles(out: string): Set<string> {
  return new Set(Object.keys(readManifest(out)?.files ?? {}));
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

/** The folder beside the output where a build is made before it is put in place, and its parts. */
const STAGING_SITE = 'site';
const STAGING_JOURNAL = 'commit.json';

/** What a build moves into the output once it is complete: written down first, so a crash half-way is finished next time. */
interface Journal {
  /** Files made in the staging folder, to move into the output. */
  moves: string[];
  /** Files of the previous build to remove. */
  removals: string[];
  manifest: Manifest;
}

/** The staging folder of an output folder: beside it, so on the same file system (a rename moves a file, never copies it). */
export function stagingFolder(out: string): string {
  return join(dirname(out), `.${parse(out).base}.vita-staging`);
}

/** The manifest's text: keys sorted, so that two builds of the same record give the same bytes. */
function manifestText(manifest: Manifest): string {
  const files: Record<string, string> = {};
  for (const rel of Object.keys(manifest.files).sort()) files[rel] = manifest.files[rel]!;
  return JSON.stringify({ version: 1, files }, null, 1) + '\n';
}

/**
 * Writes a site file by file, so a build can hand over each page as soon as it is rendered rather than
 * holding them all: `check` every path first (nothing is written if one is bad), `put` each file, `finish`
 * to put the new files in place, remove what a previous build wrote and this one did not, and write the manifest.
 *
 * A build never leaves half a site: what it writes goes to a staging folder beside the output, and only a build
 * that finished is moved into place (`finish`); one that failed is thrown away (`abort`). A first build renames
 * its whole folder into place; a later one moves in only the files that changed, after writing down the moves, so
 * that a crash while they are made (seconds at most) is completed by the next build. Files whose bytes did not
 * change are never touched, so their dates stay and deploys stay small.
 *
 * Into a folder that is not empty vita writes only when the folder holds its manifest (a site it built) or with
 * `force`; and it never replaces a file it did not write (one not in the manifest) without `force`.
 */
export class SiteWriter {
  readonly out: string;
  private readonly staging: string;
  private readonly force: boolean;
  /** `fresh`: the output is empty or absent, the whole site is made in the staging folder; `update`: changed files only. */
  private mode: 'fresh' | 'update' | undefined;
  private previous: Manifest = { version: 1, files: {} };
  /** Files written to the staging folder in an update, to move into the output. */
  private readonly staged: string[] = [];
  private readonly stagedSet = new Set<string>();
  /** Path -> sha256 of every file of this build, in the order they were planned. */
  private readonly hashes = new Map<string, string | undefined>();
  /** Folders made in the staging folder, and folders of the output checked, each by relative path. */
  private readonly stagedFolders: FolderCache = new Map();
  private readonly folders: FolderCache = new Map();
  private readonly result: WriteResult = { written: 0, unchanged: 0, removed: 0, kept: [], changed: [] };

  constructor(outDir: string, options: { projectRoot: string; force?: boolean }) {
    this.out = checkOutputFolder(outDir, options.projectRoot);
    this.staging = stagingFolder(this.out);
    this.force = options.force ?? false;
  }

  /** On the first write (so refused paths leave nothing behind): finishes or clears what a stopped build left, looks at the output. */
  private start(): void {
    if (this.mode) return;
    recoverStaging(this.out);
    let entries: string[];
    try {
      entries = readdirSync(this.out);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      entries = [];
    }
    if (entries.length > 0) {
      const manifest = readManifest(this.out);
      if (!manifest && !this.force) {
        throw new WriteError(`refusing to write the site into "${this.out}": the folder is not empty and vita did not build it (it has no ${MANIFEST}). Choose an empty or new folder, or build with --force to write into it anyway (files of the same names are then replaced).`);
      }
      this.previous = manifest ?? { version: 1, files: {} };
    }
    this.mode = entries.length > 0 ? 'update' : 'fresh';
    try {
      mkdirSync(join(this.staging, STAGING_SITE), { recursive: true });
    } catch (err) {
      throw new WriteError(`cannot make the staging folder "${this.staging}" beside the output folder (${(err as NodeJS.ErrnoException).code ?? 'error'}): vita builds the site there and moves it into place once it is complete.`);
    }
  }

  /** Plans a file: its path is checked, and must not be planned twice. Returns the clean relative path. */
  check(path: string): string {
    const rel = checkRelativePath(path);
    if (this.hashes.has(rel)) throw new WriteError(`two files of the site have the same path "${rel}"`);
    this.hashes.set(rel, undefined);
    return rel;
  }

  /** Writes a planned file to the staging folder, unless the output already has these bytes. */
  put(rel: string, content: string | Uint8Array): void {
    this.start();
    const bytes = bytesOf(content);
    const site = join(this.staging, STAGING_SITE);
    if (this.mode === 'fresh') {
      const { hash } = writeOutputFile(site, rel, bytes, this.stagedFolders);
      this.record(rel, hash, true);
      return;
    }
    const target = join(this.out, rel);
    const before = onDisk(target, bytes);
    if (before === 'same') {
      this.record(rel, digest(bytes), false);
      return;
    }
    if (before === 'different' && !this.force && !Object.hasOwn(this.previous.files, rel) && exists(target)) {
      throw new WriteError(`refusing to replace "${rel}" in "${this.out}": vita did not write it (${MANIFEST} does not list it). Move it away, or build with --force to replace it.`);
    }
    const { hash } = writeOutputFile(site, rel, bytes, this.stagedFolders);
    this.staged.push(rel);
    this.stagedSet.add(rel);
    this.record(rel, hash, true);
  }

  /**
   * Keeps a planned file as the last build wrote it, without its bytes (a rebuild that did not render it again):
   * only in a folder vita built, for a file its manifest lists and that is there. False when it cannot be kept.
   * `seen`: the caller has just found the file as the last build left it (build-cache.ts unchangedOnDisk), so it is
   * not looked at again (a rebuild keeps 50,000 pages).
   */
  keep(rel: string, seen = false): boolean {
    if (!(seen ? this.listed(rel) : this.canKeep(rel))) return false;
    this.record(rel, this.previous.files[rel]!, false);
    return true;
  }

  /** Whether `keep` would keep a file: a plain relative path the last manifest lists, and a file there. */
  canKeep(rel: string): boolean {
    return this.listed(rel) && exists(join(this.out, rel));
  }

  /** Whether the last manifest lists a file (a plain relative path) of the folder this build updates. */
  private listed(rel: string): boolean {
    this.start();
    try {
      checkRelativePath(rel);
    } catch {
      return false;
    }
    return this.mode === 'update' && Object.hasOwn(this.previous.files, rel) && typeof this.previous.files[rel] === 'string';
  }

  /** Takes note of a planned file that was written. */
  private record(rel: string, hash: string, written: boolean): void {
    this.hashes.set(rel, hash);
    if (written) {
      this.result.written++;
      this.result.changed.push(rel);
    } else this.result.unchanged++;
  }

  /** Throws away what this build wrote: the output stays as the previous build left it. */
  abort(): void {
    if (!this.mode) return;
    this.mode = undefined;
    // Once its moves are written down the build is complete: the next one finishes moving it in.
    if (!exists(join(this.staging, STAGING_JOURNAL))) rmSync(this.staging, { recursive: true, force: true });
  }

  finish(): WriteResult {
    this.start();
    const out = this.out;
    const result = this.result;
    const next: Manifest = { version: 1, files: {} };
    for (const [rel, hash] of this.hashes) {
      if (hash === undefined) throw new Error(`the site's file "${rel}" was planned but never written`);
      next.files[rel] = hash;
    }
    if (this.mode === 'fresh') {
      const site = join(this.staging, STAGING_SITE);
      atomicWrite(join(site, MANIFEST), Buffer.from(manifestText(next)));
      // The output folder is absent or empty: the whole site takes its place in one rename.
      try {
        rmdirSync(out);
      } catch {
        // absent (or, if something appeared meanwhile, the rename below says so)
      }
      try {
        renameSync(site, out);
      } catch {
        // A folder that cannot be replaced (a mount point, one kept open elsewhere): its files are moved in instead.
        commit(out, this.staging, { moves: listTree(site), removals: [], manifest: next });
        return result;
      }
      rmSync(this.staging, { recursive: true, force: true });
      return result;
    }
    const removals: string[] = [];
    for (const [rel, hash] of Object.entries(this.previous.files)) {
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
      removals.push(safe);
    }
    result.removed = removals.length;
    // Every folder a changed file goes to is made and checked (no link out, no file in the way) before anything moves.
    for (const rel of this.staged) checkedFolder(out, posix.dirname(rel), this.folders);
    const journal: Journal = { moves: this.staged, removals, manifest: next };
    atomicWrite(join(this.staging, STAGING_JOURNAL), Buffer.from(JSON.stringify(journal)));
    commit(out, this.staging, journal, this.folders);
    return result;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Every file under a folder, as relative POSIX paths. */
function listTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  walk(root, '');
  return out;
}

/**
 * Moves a finished build into the output as its journal says: the changed files (each a rename, which a reader
 * sees as the old file or the new one), then the removals, then the manifest; finally the staging folder goes.
 * Done again from the start after a crash, it only finishes what is left.
 */
function commit(out: string, staging: string, journal: Journal, folders: FolderCache = new Map()): void {
  const site = join(staging, STAGING_SITE);
  mkdirSync(out, { recursive: true });
  for (const rel of journal.moves) {
    let safe: string;
    try {
      safe = rel === MANIFEST ? rel : checkRelativePath(rel);
    } catch {
      continue;
    }
    if (safe === MANIFEST) continue;
    const from = join(site, safe);
    if (!exists(from)) continue; // moved already, before a crash
    const folder = checkedFolder(out, posix.dirname(safe), folders);
    renameSync(from, join(folder, posix.basename(safe)));
  }
  for (const rel of journal.removals) {
    let safe: string;
    try {
      safe = checkRelativePath(rel);
    } catch {
      continue;
    }
    const target = join(out, ...safe.split('/'));
    const real = realish(dirname(target));
    if (real !== out && !isInside(real, out)) continue;
    try {
      if (lstatSync(target).isFile()) unlinkSync(target);
    } catch {
      continue;
    }
    pruneEmpty(out, dirname(target));
  }
  atomicWrite(join(out, MANIFEST), Buffer.from(manifestText(journal.manifest)));
  rmSync(staging, { recursive: true, force: true });
}

/**
 * What a stopped build left beside the output: with its journal written, it was complete and is moved in now (the
 * output then holds that build); without, it was not, and is thrown away (the output holds the build before it).
 */
function recoverStaging(out: string): void {
  const staging = stagingFolder(out);
  if (!exists(staging)) return;
  let journal: Journal | undefined;
  try {
    const data = JSON.parse(readFileSync(join(staging, STAGING_JOURNAL), 'utf8')) as Journal;
    if (Array.isArray(data.moves) && Array.isArray(data.removals) && data.manifest?.version === 1) journal = data;
  } catch {
    journal = undefined;
  }
  if (journal) commit(out, staging, journal);
  else rmSync(staging, { recursive: true, force: true });
}

/**
 * Marks a site folder as vita's when another command writes into it (`vita cv`, `vita announce` without --out):
 * its manifest is made if there is none, and lists `own`, files the build also makes (a CV), which the build may
 * then replace. Other files written there (announcements) stay unlisted, so a build leaves them alone.
 */
export function claimSiteFolder(outDir: string, own: readonly OutputFile[] = []): void {
  mkdirSync(outDir, { recursive: true });
  const manifest = readManifest(outDir) ?? { version: 1, files: {} };
  for (const f of own) manifest.files[checkRelativePath(f.path)] = digest(bytesOf(f.content));
  atomicWrite(join(outDir, MANIFEST), Buffer.from(manifestText(manifest)));
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

export function writeSite(outDir: string, files: readonly OutputFile[], options: { projectRoot: string; force?: boolean }): WriteResult {
  const writer = new SiteWriter(outDir, options);
  // Check every path before writing any: a bad one must not leave half a site.
  const rels = files.map((f) => writer.check(f.path));
  try {
    files.forEach((f, i) => writer.put(rels[i]!, f.content));
    return writer.finish();
  } catch (err) {
    writer.abort();
    throw err;
  }
}
