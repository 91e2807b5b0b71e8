/** Writes a new project: only into a folder that is new or empty, never over a file, and nothing left half-made. */
import { lstatSync, mkdirSync, readdirSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Entries a folder may hold and still count as empty: a fresh `git init` or clone of an empty repository. */
const HARMLESS = new Set(['.git', '.DS_Store', 'Thumbs.db']);

export type FolderProblem = { message: string; hint: string };

/** Why a project cannot be made in `dir`, or undefined when it can (it does not exist, or it is empty). */
export function folderProblem(dir: string, shown: string): FolderProblem | undefined {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { message: `the folder "${shown}" cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'choose another folder.' };
  }
  if (!stat.isDirectory()) {
    return { message: `"${shown}" exists and is not a folder`, hint: 'give the name of a new folder for the project.' };
  }
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    return { message: `the folder "${shown}" cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'choose another folder.' };
  }
  const present = entries.filter((e) => !HARMLESS.has(e));
  if (present.length === 0) return undefined;
  const some = present.sort().slice(0, 3).join(', ') + (present.length > 3 ? ', ...' : '');
  return {
    message: `the folder "${shown}" exists and is not empty (it holds ${some})`,
    hint: 'vita new only writes into a new or empty folder, so that nothing is overwritten: give the name of a new folder.',
  };
}

/**
 * Writes the files (project-relative path -> text or bytes) under `dir`. Each file is created, never replaced; if one cannot be
 * written, what this call made is removed again and the error is thrown.
 */
export function writeProject(dir: string, files: Record<string, string | Uint8Array>): void {
  const existed = exists(dir);
  const written: string[] = [];
  const madeDirs: string[] = [];
  try {
    if (!existed) mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) {
      const path = join(dir, file);
      const parent = dirname(path);
      if (!exists(parent)) {
        mkdirSync(parent, { recursive: true });
        madeDirs.push(parent);
      }
      writeFileSync(path, text, { flag: 'wx' });
      written.push(path);
    }
  } catch (err) {
    if (!existed) rmSync(dir, { recursive: true, force: true });
    else {
      for (const path of written) unlinkSync(path);
      for (const d of madeDirs.reverse()) removeEmptyDirs(d, dir);
    }
    throw err;
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

/** Removes `from` and its empty parents, up to (not including) `root`. */
function removeEmptyDirs(from: string, root: string): void {
  for (let d = from; d !== root && d.startsWith(root); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}
