/**
 * Paths inside a folder, never through a symbolic link out of it: the one way vita reads a project (when loading,
 * building and serving) or a source (when importing). A cloned project or site may hold a link such as
 * `assets/pdf/cv.pdf -> ~/.ssh/id_rsa`; followed, its target would be published. A link that stays inside the
 * folder is followed as if it were the file itself.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A path that leads out of its folder through a symbolic link (or does not exist once links are followed). */
export class OutsideError extends Error {
  constructor(
    /** The path as the folder names it (relative). */
    readonly file: string,
    /** Where it leads, or undefined when the link leads nowhere. */
    readonly target: string | undefined,
  ) {
    super(target === undefined ? `${file} is a symbolic link that leads nowhere` : `${file} is a symbolic link to ${target}, outside the folder: it was not read`);
    this.name = 'OutsideError';
  }
}

/** Real paths of folders already asked for: a build asks for the same project many times. */
const realRoots = new Map<string, string>();

/** The real path of a folder (its links resolved), or the path itself when it does not exist. */
export function realRoot(root: string): string {
  const key = resolve(root);
  let real = realRoots.get(key);
  if (real === undefined) {
    try {
      real = realpathSync(key);
    } catch {
      real = key;
    }
    if (realRoots.size > 1000) realRoots.clear();
    realRoots.set(key, real);
  }
  return real;
}

/** Whether `path` is `folder` or inside it (both real, absolute paths). */
export function isWithin(path: string, folder: string): boolean {
  if (path === folder) return true;
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * The real path of `rel` inside `root` when it stays there once symbolic links are followed; an OutsideError when
 * it leads out (or nowhere); the system's error (ENOENT ...) when the file does not exist.
 */
export function realInside(root: string, rel: string): string {
  const base = realRoot(root);
  const path = isAbsolute(rel) ? rel : join(base, rel);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (err) {
    // realpath fails on a dangling link too: tell that apart from a file that is not there.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && isLink(path)) throw new OutsideError(shown(base, path), undefined);
    throw err;
  }
  if (!isWithin(real, base)) throw new OutsideError(shown(base, path), real);
  return real;
}

/** A file's bytes, read only when its path stays inside `root` (see `realInside`). */
export function readInside(root: string, rel: string): Buffer {
  return readFileSync(realInside(root, rel));
}

/** Whether a path stays inside `root`: false for a link that leads out or nowhere, and for a missing file. */
export function staysInside(root: string, rel: string): boolean {
  try {
    realInside(root, rel);
    return true;
  } catch {
    return false;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function shown(base: string, path: string): string {
  const rel = relative(base, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
