/**
 * Links from the record to files of the project (photos, PDFs, Markdown links) must point at files that exist, and
 * the images (a person's photo, a publication's preview) at images vita can show.
 */
import { Diagnostics, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import type { DataPath } from '../load/record.js';
import type { Graph, Publication } from '../resolve/graph.js';
import { posix } from 'node:path';
import { decodePath } from '../text/uri.js';
import { previewPath, readImage } from '../load/image.js';

/**
 * Dead links found before, for `vita dev`: a person, publication or series that is the same object as last time,
 * checked against the same files, has the same dead links.
 */
export interface LinkCache {
  files?: readonly string[];
  found: WeakMap<object, Diagnostic[]>;
  /** The publications with a dead link, by key, with their place in the map: the few to report, in order. */
  publications?: Map<string, { at: number; diagnostics: Diagnostic[] }>;
}

export function newLinkCache(): LinkCache {
  return { found: new WeakMap() };
}

/** The places in the map of publications (and what they hold) that changed since the last check; see Bibliography.changed. */
export type ChangedPublications = readonly { at: number; pub: Publication }[];

type Check = (file: string, target: string | undefined, at: () => Span | undefined, path: DataPath, base?: string, image?: boolean) => void;

/**
 * With a cache and the publications that changed, only those are checked: looking at each of 50,000 publications
 * costs more than a page takes to make, even to find that it links to nothing.
 */
export function findDeadLinks(graph: Graph, diagnostics: Diagnostics, cache?: LinkCache, changed?: ChangedPublications): void {
  if (cache && !sameList(cache.files, graph.files)) {
    cache.files = graph.files;
    cache.found = new WeakMap();
    cache.publications = undefined;
  }
  let files: Set<string> | undefined;
  const checkInto = (into: Diagnostics): Check => (file, target, at, path, base = '', image = false) => {
    if (!target || !isLocal(target)) return;
    const clean = decodePath(target.split(/[?#]/)[0]!);
    // A folder is a page of the site ("/join/", "../posts/"), not a file of the project.
    if (!clean || clean.endsWith('/')) return;
    const resolved = clean.startsWith('/') ? clean.slice(1) : posix.normalize(posix.join(base, clean));
    files ??= new Set(graph.files);
    if (files.has(resolved)) {
      const read = image ? readImage(graph.root, resolved) : undefined;
      if (read && 'problem' in read) {
        into.error(file, at(), 'check/not-an-image', `"${target}" cannot be shown as an image: ${read.problem}`, {
          path,
          input: target,
          hint: 'give a JPEG, PNG, GIF, WebP or SVG file; vita resizes it for the site.',
        });
      }
      return;
    }
    into.error(file, at(), 'check/dead-link', `the link "${target}" points to a file the project does not have`, {
      path,
      input: target,
      hint: `add ${resolved} to the project, or correct the path (paths are relative to the project folder).`,
    });
  };
  const direct = checkInto(diagnostics);
  const each = (of: object, find: (check: Check) => void) => {
    if (!cache) return find(direct);
    let found = cache.found.get(of);
    if (!found) {
      const own = new Diagnostics();
      find(checkInto(own));
      cache.found.set(of, (found = own.list));
    }
    for (const d of found) diagnostics.add(d);
  };

  for (const person of graph.people.values()) {
    each(person, (check) => {
      const src = person.data;
      check(person.file, src.photo, () => person.source.locate(['photo']), ['photo'], '', true);
      for (const [k, v] of Object.entries(src.links ?? {})) check(person.file, v, () => person.source.locate(['links', k]), ['links', k]);
      for (const section of Object.values(person.sections)) {
        for (const link of markdownLinks(section.text)) {
          check(section.file, link.target, () => ({ line: section.line + link.line - 1, column: link.column }), [], posix.dirname(section.file));
        }
      }
    });
  }
  const ofPublication = (pub: Publication, into: Diagnostics) => {
    const check = checkInto(into);
    for (const [k, v] of Object.entries(pub.links ?? {})) check(pub.source.file, v, () => pub.source.locate(['links', k]), ['links', k]);
    if (pub.preview) {
      files ??= new Set(graph.files);
      const has = files;
      check(pub.source.file, previewPath(pub.preview, (p) => has.has(p)), () => pub.source.locate(['preview']), ['preview'], '', true);
    }
  };
  if (!cache) for (const pub of graph.publications.values()) ofPublication(pub, diagnostics);
  else {
    let found = cache.publications;
    if (found && changed) {
      for (const { at, pub } of changed) {
        const own = new Diagnostics();
        ofPublication(pub, own);
        if (own.list.length) found.set(pub.id, { at, diagnostics: own.list });
        else found.delete(pub.id);
      }
    } else {
      cache.publications = found = new Map();
      let at = 0;
      for (const pub of graph.publications.values()) {
        // Most publications link to nothing.
        if (pub.links || pub.preview) {
          const own = new Diagnostics();
          ofPublication(pub, own);
          if (own.list.length) found.set(pub.id, { at, diagnostics: own.list });
        }
        at++;
      }
    }
    for (const f of [...found.values()].sort((a, b) => a.at - b.at)) for (const d of f.diagnostics) diagnostics.add(d);
  }
  for (const s of graph.series.values()) each(s, (check) => check(s.file, s.logo, () => undefined, ['logo']));
  // A talk's slides or paper kept as a file of the project.
  for (const e of graph.events.values()) {
    if (Object.values(e.links).some((v) => v && isLocal(v))) each(e, (check) => Object.entries(e.links).forEach(([k, v]) => check(e.file, v, () => undefined, ['links', k])));
  }
  // What the owner writes: a person's pages are their sections, checked above.
  const writing = [...graph.pages.filter((p) => !p.person), ...graph.posts, ...graph.projects];
  for (const w of writing) {
    each(w, (check) => {
      if ('image' in w) check(w.file, w.image, () => w.source.locate(['image']), ['image']);
      if ('links' in w) for (const [k, v] of Object.entries(w.links)) check(w.file, v, () => w.source.locate(['links', k]), ['links', k]);
      for (const link of markdownLinks(w.body.text)) check(w.file, link.target, () => ({ line: w.body.line + link.line - 1, column: link.column }), [], posix.dirname(w.file));
    });
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (a === b) return true;
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isLocal(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('//');
}

/** Inline Markdown links and images: [text](target) and ![alt](target). */
function markdownLinks(text: string): { target: string; line: number; column: number }[] {
  const out: { target: string; line: number; column: number }[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      out.push({ target: m[1]!, line: i + 1, column: m.index! + 1 });
    }
  });
  return out;
}
