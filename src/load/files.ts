/** The project folder on disk: which files it has, whether one changed, and a file's text. */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.js';

/** Folders that are never part of the record. */
const IGNORED = new Set(['node_modules', '.git', '_site', 'out', 'dist', '.vita-cache', '.cache']);

/** Size, inode and modification/change times: any write to the file changes one of them. */
export function stampOf(path: string): string | undefined {
  // Times in milliseconds with their fractions (a fraction of a microsecond apart): faster than asking for nanoseconds.
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? `${st.size}:${st.ino}:${st.mtimeMs}:${st.ctimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files to look at, from the paths a watcher gave: those of the project, and the whole list again
 * when one was added or removed (or is a folder: a folder renamed, its files with it).
 */
export function namedFiles(root: string, files: string[], paths: Iterable<string>, output?: string): { files: string[]; look: Set<string> } | undefined {
  const known = new Set(files);
  const look = new Set<string>();
  const skipOutput = output ? relative(root, join(root, output)).split(sep).join('/') : undefined;
  for (const raw of paths) {
    const path = raw.split(sep).join('/').replace(/^\.\//, '');
    if (!isListed(path, skipOutput)) continue;
    let st;
    try {
      st = statSync(join(root, path), { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (st?.isDirectory() || (st?.isFile() ?? false) !== known.has(path)) return undefined;
    if (st) look.add(path);
  }
  return { files, look };
}

/** Whether `listFiles` would list a path (if it is a file): no hidden or tool folder on the way, not in the output. */
function isListed(path: string, skipOutput?: string): boolean {
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '' || (part.startsWith('.') && part !== '.well-known')) return false;
    if (i < parts.length - 1 && IGNORED.has(part)) return false;
    if (skipOutput !== undefined && parts.slice(0, i + 1).join('/') === skipOutput) return false;
  }
  return true;
}

/** A file's text (UTF-8, byte order mark removed), or undefined with the reason reported. */
export function readText(root: string, file: string, diagnostics: Diagnostics): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, file));
  } catch (err) {
    diagnostics.error(file, undefined, 'load/unreadable', `the file could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
      hint: 'check that the file exists and that you may read it.',
    });
    return undefined;
  }
  if (bytes.includes(0)) {
    diagnostics.error(file, undefined, 'load/not-text', 'the file is binary, not text', {
      hint: 'records are UTF-8 text (YAML, Markdown, BibTeX); move images and PDFs to assets/.',
    });
    return undefined;
  }
  if (!isUtf8(bytes)) {
    diagnostics.error(file, undefined, 'load/not-utf8', 'the file is not valid UTF-8', {
      hint: 'save it as UTF-8 (most editors offer "Save with encoding").',
    });
    return undefined;
  }
  // Up to two byte order marks, as a strict TextDecoder (which drops one) followed by removing one did.
  return bytes.toString('utf8').replace(/^\uFEFF{1,2}/, '');
}

/** Every file of the project, as sorted project-relative POSIX paths, skipping output and tool folders. */
export function listFiles(root: string, output?: string): string[] {
  const out: string[] = [];
  const skipOutput = output ? relative(root, join(root, output)).split(sep).join('/') : undefined;
  // Paths are made as the folders are walked: `vita dev` lists the project at every rebuild that looks at all files.
  const walk = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') && entry.name !== '.well-known') continue;
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        if (IGNORED.has(entry.name) || rel === skipOutput) continue;
        walk(dir + sep + entry.name, rel + '/');
      } else if (entry.isFile()) out.push(rel);
    }
  };
  walk(root, '');
  return out.sort();
}
