/**
 * Which font families a CV theme can use here: the fonts built into the Typst compiler, plus the
 * families found in the system font directories and VITA_FONT_PATHS (the compiler scans the same
 * places). A theme lists families most preferred first; asking Typst for a family it does not have
 * gives a warning per family, so the list is cut to what exists, with a built-in font last.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { BUILTIN_FAMILIES, systemFontDirs } from '../../typst/fonts.js';
import { isFontFile, readFontFaces } from '../../typst/sfnt.js';

let cache: Set<string> | undefined;

function envFontPaths(): string[] {
  const raw = process.env.VITA_FONT_PATHS;
  if (!raw) return [];
  const parts = process.platform === 'win32' ? raw.split(delimiter) : raw.split(/[:;]/);
  return parts.map((p) => p.trim()).filter((p) => p !== '').map((p) => resolve(p));
}

function walk(dir: string, out: string[], depth = 0): void {
  if (depth > 8 || out.length > 20000) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out, depth + 1);
    else if (isFontFile(e.name)) out.push(p);
  }
}

/** Lower-cased family names available to the compiler (memoized for the process). */
export function availableFamilies(): Set<string> {
  if (cache) return cache;
  const families = new Set<string>(Object.values(BUILTIN_FAMILIES).map((f) => f.toLowerCase()));
  const files: string[] = [];
  for (const d of [...envFontPaths(), ...systemFontDirs()]) {
    if (!existsSync(d)) continue;
    if (statSync(d).isFile()) files.push(d);
    else walk(d, files);
  }
  for (const f of files) {
    try {
      for (const face of readFontFaces(f)) for (const fam of face.families) families.add(fam.toLowerCase());
    } catch {
      // unreadable font: the compiler skips it too
    }
  }
  cache = families;
  return families;
}

/** The families of `wanted` that exist, in order; `fallback` (a built-in family) when none does. */
export function usableFamilies(wanted: readonly string[], fallback: string = BUILTIN_FAMILIES.serif): string[] {
  const have = availableFamilies();
  const found = wanted.filter((f) => have.has(f.toLowerCase()));
  return found.length ? found : [fallback];
}

export function hasFamily(family: string): boolean {
  return availableFamilies().has(family.toLowerCase());
}
