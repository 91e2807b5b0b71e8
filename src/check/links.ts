/** Links from the record to files of the project (photos, PDFs, Markdown links) must point at files that exist. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { DataPath } from '../load/record.js';
import type { Graph } from '../resolve/graph.js';
import { posix } from 'node:path';

export function findDeadLinks(graph: Graph, diagnostics: Diagnostics): void {
  const files = new Set(graph.files);
  const check = (file: string, target: string | undefined, at: () => { line: number; column: number } | undefined, path: DataPath, base = '') => {
    if (!target || !isLocal(target)) return;
    const clean = decodeURI(target.split(/[?#]/)[0]!);
    if (!clean) return;
    const resolved = clean.startsWith('/') ? clean.slice(1) : posix.normalize(posix.join(base, clean));
    if (files.has(resolved)) return;
    diagnostics.error(file, at(), 'check/dead-link', `the link "${target}" points to a file the project does not have`, {
      path,
      input: target,
      hint: `add ${resolved} to the project, or correct the path (paths are relative to the project folder).`,
    });
  };

  for (const person of graph.people.values()) {
    const src = person.data;
    check(person.file, src.photo, () => person.source.locate(['photo']), ['photo']);
    for (const [k, v] of Object.entries(src.links ?? {})) check(person.file, v, () => person.source.locate(['links', k]), ['links', k]);
    for (const section of Object.values(person.sections)) {
      for (const link of markdownLinks(section.text)) {
        check(section.file, link.target, () => ({ line: section.line + link.line - 1, column: link.column }), [], posix.dirname(section.file));
      }
    }
  }
  for (const pub of graph.publications.values()) {
    for (const [k, v] of Object.entries(pub.links ?? {})) check(pub.source.file, v, () => pub.source.locate(['links', k]), ['links', k]);
  }
  for (const s of graph.series.values()) check(s.file, s.logo, () => undefined, ['logo']);
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
