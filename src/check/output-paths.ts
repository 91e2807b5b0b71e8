/**
 * Every file the site will be made of, planned from the graph before anything is written: two records whose pages
 * would take the same file, or a file where another page needs a folder (the citation key `index.html` against the
 * list `publications/index.html`), are reported at each record that takes part, as Eleventy and Zola list every
 * colliding input. Paths that differ only in case collide too: they are one file on macOS and Windows.
 */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { eventCalendarPath, seriesCalendarPath } from '../render/announce/facts.js';
import { jobFile, siteFeedJobs, sitePageJobs, siteTrees, type PageOrigin, type PathClash } from '../render/site/index.js';
import type { Site } from '../render/site/context.js';
import type { Graph } from '../resolve/graph.js';

interface Planned {
  path: string;
  origin?: PageOrigin;
}

/**
 * `onPathClash`: told each page of the main language whose path another has (see page-paths.ts). `trees`: the
 * site's language trees as the build will render them (see OpenOptions.siteTrees), planned here.
 */
export function findOutputCollisions(graph: Graph, diagnostics: Diagnostics, onPathClash?: (clash: PathClash) => void, trees: Site[] = siteTrees(graph)): void {
  const planned: Planned[] = [];
  for (const [i, site] of trees.entries()) {
    for (const job of sitePageJobs(site, i === 0 ? onPathClash : undefined)) planned.push({ path: jobFile(job), origin: job.origin });
    for (const job of siteFeedJobs(site)) planned.push({ path: job.file });
  }
  for (const series of graph.series.values()) planned.push({ path: seriesCalendarPath(series.id), origin: { file: series.file } });
  for (const event of graph.events.values()) planned.push({ path: eventCalendarPath(event), origin: { file: event.file } });

  const byKey = new Map<string, Planned[]>();
  for (const p of planned) {
    const key = fileKey(p.path);
    const same = byKey.get(key);
    if (same) same.push(p);
    else byKey.set(key, [p]);
  }
  const groups: Planned[][] = [];
  for (const same of byKey.values()) if (same.length > 1) groups.push(same);
  // A file where a folder is needed: `publications/index.html` is a page, `publications/index.html/index.html` another.
  for (const p of planned) {
    const parts = fileKey(p.path).split('/');
    for (let i = 1; i < parts.length; i++) {
      const file = byKey.get(parts.slice(0, i).join('/'));
      if (file) groups.push([...file, p]);
    }
  }
  const reported = new Set<string>();
  for (const group of groups) {
    if (!group.some((p) => p.origin)) continue;
    const names = group.map((p) => (p.origin ? `${p.origin.file} (${p.path})` : `vita's own ${p.path}`));
    for (const p of group) {
      if (!p.origin) continue;
      const others0 = group.filter((q) => q !== p).map((q) => q.origin?.file ?? q.path).sort();
      const once = `${p.origin.file}\n${others0.join('\n')}`;
      if (reported.has(once)) continue;
      reported.add(once);
      const others = group.filter((q) => q !== p).map((q) => (q.origin ? q.origin.file : `vita's own page ${q.path}`));
      const at = (p.origin.path && p.origin.locate?.(p.origin.path)) || { line: 1, column: 1 };
      diagnostics.error(p.origin.file, at, 'check/output-collision', `its page in the site (${p.path}) collides with ${[...new Set(others)].join(', ')}`, {
        hint: `give it another citation key, id or file name; the site is not written while two of its files share a path (${names.join('; ')}).`,
        ...(p.origin.path ? { path: p.origin.path } : {}),
      });
    }
  }
}

/** The same key for paths that are one file on a case-insensitive file system. */
function fileKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
