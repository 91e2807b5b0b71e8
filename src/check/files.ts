/**
 * Nothing in the project is ignored in silence: every file is a record (its place in the layout says which:
 * load/project.ts `roleOf`, the one list of what lives where), a file the site publishes as it is (assets/,
 * the theme's files), a file some record links to (a photo, a PDF), a file of the repository around the
 * record (README, package.json ...), or it is reported here with what vita does with it: nothing.
 */
import { posix } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { METRICS_FILE } from '../load/metrics.js';
import { roleOf } from '../load/project.js';
import type { Graph } from '../resolve/graph.js';

/** Folders whose files the site copies as they are, linked or not. */
const PUBLISHED_FOLDERS = ['assets/'];
/** Files of the project's theme (see render/site/theme.ts). */
const THEME_FILES = new Set(['theme/style.css', 'theme/components.js', 'theme/components.mjs']);
/** Where `vita import` keeps what online services answered, to run again offline; and where `vita sync` says what
 * it proposes for the owner's own entries (its report says so at every run). */
const IMPORT_CACHE = 'imports/cache/';
const SYNC_PROPOSALS = 'imports/sync/';
/** Files of the repository around the record, at its top: vita has nothing to do with them, rightly. */
const REPOSITORY_FILES = /^(readme|license|licence|copying|changelog|contributing|citation|code_of_conduct|security|authors|notice)(\.[a-z]+)?$|^(package\.json|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb|tsconfig\.json|cname|makefile|justfile|flake\.nix|flake\.lock|netlify\.toml|vercel\.json|wrangler\.toml|_redirects|_headers|robots\.txt|favicon\.ico)$/i;

/** What a file outside the record is, for the message. */
function describe(file: string): { message: string; hint: string } {
  const ext = posix.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') {
    return {
      message: `vita does not read this Markdown file: ${file} is not where any record lives, so it is neither a page nor part of one`,
      hint: 'a person\'s sections are people/<id>/<section>.md, news items news/<id>.md, seminar talks seminars/<series>/<event>.md (docs/reference lists every place); move it there, or delete it.',
    };
  }
  if (ext === '.yaml' || ext === '.yml' || ext === '.bib') {
    return {
      message: `vita does not read ${file}: records of this kind live elsewhere, so what it holds is in no page, CV or export`,
      hint: 'people are people/<id>.yaml, publications publications/*.bib or publications/*.yaml, news news/<id>.yaml, seminars seminars/<series>/series.yaml (docs/reference lists every place); move it there, or delete it.',
    };
  }
  return {
    message: `no record links to ${file}: vita neither reads it nor copies it into the site`,
    hint: 'link it from a record (a photo, a link, a Markdown link), move it under assets/ to publish it as it is, or delete it.',
  };
}

export function findUnknownFiles(graph: Graph, diagnostics: Diagnostics): void {
  const candidates = graph.files.filter(
    (f) => roleOf(f) === undefined && !PUBLISHED_FOLDERS.some((d) => f.startsWith(d)) && !THEME_FILES.has(f) && !f.startsWith(IMPORT_CACHE) && !f.startsWith(SYNC_PROPOSALS) && f !== METRICS_FILE && !(f.indexOf('/') === -1 && REPOSITORY_FILES.test(f)),
  );
  if (candidates.length === 0) return;
  const linked = linkedFiles(graph, new Set(candidates));
  for (const file of candidates) {
    if (linked.has(file)) continue;
    const { message, hint } = describe(file);
    diagnostics.warning(file, undefined, 'check/unknown-file', message, { hint });
  }
}

/**
 * Which of `wanted` some record names: a string of a record that is the file's path (from the project folder or
 * from the record's own folder), or a Markdown or HTML link in a string of it. Every string of every record is
 * looked at, so that no field that may hold a path (photo, links, logo, slides, a body) is forgotten.
 */
function linkedFiles(graph: Graph, wanted: Set<string>): Set<string> {
  const found = new Set<string>();
  const note = (target: string, base: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) return;
    let clean = target.split(/[?#]/)[0]!;
    try {
      clean = decodeURI(clean);
    } catch {
      // a stray "%": the path as written
    }
    if (!clean) return;
    for (const path of clean.startsWith('/') ? [clean.slice(1)] : [posix.normalize(clean), posix.normalize(posix.join(base, clean))]) {
      if (wanted.has(path)) found.add(path);
    }
  };
  const walk = (value: unknown, base: string, depth: number): void => {
    if (depth > 8 || found.size === wanted.size) return;
    if (typeof value === 'string') {
      if (value.length < 300 && !/\s/.test(value)) note(value, base);
      if (value.includes('](') || value.includes('src=') || value.includes('href=')) {
        for (const m of value.matchAll(/\]\(\s*<?([^)\s>]+)>?|(?:src|href)\s*=\s*["']([^"']+)["']/g)) note((m[1] ?? m[2])!, base);
      }
      return;
    }
    if (Array.isArray(value)) for (const v of value) walk(v, base, depth + 1);
    else if (value && typeof value === 'object' && !(value instanceof Map) && !(value instanceof Set)) {
      for (const v of Object.values(value)) walk(v, base, depth + 1);
    }
  };
  const dir = (file: string) => posix.dirname(file);
  for (const person of graph.people.values()) {
    walk(person.data, dir(person.file), 0);
    for (const section of Object.values(person.sections)) walk(section.text, dir(section.file), 0);
  }
  for (const pub of graph.publications.values()) walk(pub.source.value, dir(pub.source.file), 0);
  for (const n of graph.news) walk(n, dir(n.file), 0);
  for (const s of graph.series.values()) walk(s, dir(s.file), 0);
  for (const e of graph.events.values()) walk(e, dir(e.file), 0);
  return found;
}
