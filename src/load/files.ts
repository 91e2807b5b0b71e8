/** The project folder on disk: which files it has, whether one changed, and a file's text. */
import { decodeAgain, decodeKept, KEEP_FROM_BYTES, type DecodedText } from './decoded.js';
import { isUtf8 } from 'node:buffer';
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { isWithin, OutsideError, readInside, realRoot } from './inside.js';

/** vita's manifest in a folder it built: such a folder is a site, never part of a record. */
export const SITE_MANIFEST = '.vita-manifest.json';

/** A symbolic link of the project that leads out of it (or nowhere): not read, and reported. */
export interface SkippedLink {
  file: string;
  /** Where it leads; undefined when nowhere. */
  target?: string;
}

/** Folders that are never part of the record. */
const IGNORED = new Set(['node_modules', '.git', '_site', 'out', 'dist', '.vita-cache', '.cache']);

/**
 * Whether the project's files hold more than `limit` bytes, told after as few of them as that takes (a large record's
 * first few): what listFiles would list, save that links are not followed (a guess of the record's size, not its list).
 */
export function recordOver(root: string, limit: number): boolean {
  let bytes = 0;
  const walk = (dir: string, top: boolean): boolean => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    if (!top && entries.some((e) => e.name === SITE_MANIFEST)) return false;
    for (const entry of entries) {
      if (entry.name.startsWith('.') && entry.name !== '.well-known') continue;
      const path = dir + sep + entry.name;
      if (entry.isDirectory()) {
        if (!IGNORED.has(entry.name) && walk(path, false)) return true;
      } else if (entry.isFile()) {
        bytes += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
        if (bytes > limit) return true;
      }
    }
    return false;
  };
  return walk(root, true);
}

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
    if (!isListed(path, skipOutput) || inBuiltSite(root, path)) continue;
    let st;
    try {
      st = lstatSync(join(root, path), { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    // A folder, a link (where it leads is for the listing to say) or a file added or removed: list them all again.
    if (st?.isDirectory() || st?.isSymbolicLink() || (st?.isFile() ?? false) !== known.has(path)) return undefined;
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

/** Whether a folder on the way to a file holds vita's manifest: the file is part of a site vita built. */
function inBuiltSite(root: string, path: string): boolean {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (existsSync(join(root, ...parts.slice(0, i), SITE_MANIFEST))) return true;
  return false;
}

/** A file's text (UTF-8, byte order mark removed), or undefined with the reason reported. */
export function readText(root: string, file: string, diagnostics: Diagnostics): string | undefined {
  return readTextKept(root, file, diagnostics)?.text;
}

/** A file's text, and for a large one what its next reading needs to decode only what changed. */
export interface KeptText {
  text: string;
  decoded?: DecodedText;
}

/**
 * `readText`, for `vita dev`: given the last reading of a large file, the same bytes give the same text without
 * decoding, and changed ones are decoded only around the change (see ./decoded.ts).
 */
export function readTextKept(root: string, file: string, diagnostics: Diagnostics, previous?: KeptText): KeptText | undefined {
  let bytes: Buffer;
  try {
    bytes = readInside(root, file);
  } catch (err) {
    if (err instanceof OutsideError) {
      reportLink(diagnostics, { file, target: err.target });
      return undefined;
    }
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
  const marked = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!marked && previous?.decoded) return bytes.equals(previous.decoded.bytes) ? previous : decodeAgain(bytes, previous.text, previous.decoded);
  if (!marked && bytes.length >= KEEP_FROM_BYTES) return decodeKept(bytes);
  // Up to two byte order marks, as a strict TextDecoder (which drops one) followed by removing one did.
  return { text: bytes.toString('utf8').replace(/^\uFEFF{1,2}/, '') };
}

/** A link of the project that leads out of it, as a diagnostic of its file. */
export function reportLink(diagnostics: Diagnostics, link: SkippedLink): void {
  diagnostics.warning(link.file, undefined, 'load/link-outside', link.target === undefined ? 'the file is a symbolic link that leads nowhere: it was skipped' : `the file is a symbolic link to ${link.target}, outside the project: it was not read, and is not published`, {
    hint: 'a project publishes only what it holds: copy the file into the project (or link to a file inside it) if it belongs to the record, else delete the link.',
  });
}

/**
 * Every file of the project, as sorted project-relative POSIX paths, skipping output and tool folders and any folder
 * holding vita's manifest (a site it built). Symbolic links are followed while they stay inside the project; those
 * that lead out of it (or nowhere) are left out and added to `skipped`.
 */
export function listFiles(root: string, output?: string, skipped?: SkippedLink[]): string[] {
  const out: string[] = [];
  const skipOutput = output ? relative(root, join(root, output)).split(sep).join('/') : undefined;
  const base = realRoot(root);
  // Folders reached through a link, by real path: a link to a folder that holds it must not loop.
  const followed = new Set<string>();
  // Paths are made as the folders are walked: `vita dev` lists the project at every rebuild that looks at all files.
  const walk = (dir: string, prefix: string, real: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (prefix !== '' && entries.some((e) => e.name === SITE_MANIFEST)) return;
    for (const entry of entries) {
      if (entry.name.startsWith('.') && entry.name !== '.well-known') continue;
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        if (IGNORED.has(entry.name) || rel === skipOutput) continue;
        walk(dir + sep + entry.name, rel + '/', real + sep + entry.name);
      } else if (entry.isFile()) out.push(rel);
      else if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(dir + sep + entry.name);
        } catch {
          skipped?.push({ file: rel });
          continue;
        }
        if (!isWithin(target, base)) {
          skipped?.push({ file: rel, target });
          continue;
        }
        let st;
        try {
          st = statSync(target);
        } catch {
          continue;
        }
        if (st.isFile()) out.push(rel);
        else if (st.isDirectory() && !IGNORED.has(entry.name) && rel !== skipOutput && !isWithin(real, target) && !followed.has(target)) {
          followed.add(target);
          walk(dir + sep + entry.name, rel + '/', target);
        }
      }
    }
  };
  walk(root, '', base);
  return out.sort();
}
