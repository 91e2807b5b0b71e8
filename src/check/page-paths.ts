/**
 * Pages written by hand whose address another page has: pages/publications.md would be /publications/, which vita
 * makes; two posts named alike in one year would share theirs. The site keeps the first; each other is reported here.
 */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { createSite } from '../render/site/context.js';
import { sitePageJobs, type PathClash } from '../render/site/index.js';
import { hasNewsPage } from '../render/site/parts/news.js';
import type { Graph } from '../resolve/graph.js';

export function findPathClashes(graph: Graph, diagnostics: Diagnostics): void {
  const report = pathClashReporter(graph, diagnostics);
  if (!report) return;
  const site = createSite(graph, graph.config.languages[0] ?? 'en', { baseUrl: '/' });
  sitePageJobs(site, report);
}

/**
 * What reports each clash of the main language's page plan; none when nothing is written by hand (nothing to clash).
 * Given to the plan of every output file (output-paths.ts) when a build makes that plan anyway: one plan, not two.
 */
export function pathClashReporter(graph: Graph, diagnostics: Diagnostics): ((clash: PathClash) => void) | undefined {
  // Nothing written by hand, nothing to clash: a department's 50,000 pages are not listed for nothing.
  if (!graph.pages.length && !graph.posts.length && !graph.projects.length && !graph.news.some(hasNewsPage)) return undefined;
  return (clash) => {
    const address = `/${clash.path}`;
    diagnostics.error(clash.file, { line: 1, column: 1 }, 'check/page-path-taken', `this page would be at ${address}, which ${clash.takenBy ? `${clash.takenBy} already has` : 'is a page vita makes itself'}`, {
      hint: clash.takenBy ? 'rename one of the two files.' : 'rename the file: the address is that of one of vita\'s own pages.',
    });
  };
}
