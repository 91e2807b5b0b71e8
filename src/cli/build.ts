/** `vita build`: check the record, render the site, index it for search, write only what changed. */
import { relative, resolve } from 'node:path';
import { formatText } from '../diagnostics/format.js';
import { openProject } from '../index.js';
import { seminarFiles } from '../render/calendar/index.js';
import { hasCv, renderCv } from '../render/cv/index.js';
import { renderSite } from '../render/site/index.js';
import { searchIndex } from '../render/site/search-index.js';
import { writeSite, WriteError } from '../write/index.js';

export interface BuildOptions {
  /** Output folder; default: vita.yaml's `output` (`_site`) inside the project. */
  out?: string;
  /** Where the site will live, overriding vita.yaml's baseUrl ("/" to preview at a domain root). */
  baseUrl?: string;
  /** Skip the search index (faster rebuilds while editing). */
  search?: boolean;
  /** Skip the CV PDFs. */
  cv?: boolean;
  /** Where to print; defaults to the process's streams. */
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
}

export async function runBuild(root: string, options: BuildOptions = {}): Promise<number> {
  const out = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const err = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const color = process.stderr.isTTY && !process.env.NO_COLOR;
  const started = performance.now();

  const { graph, diagnostics } = openProject(root);
  if (diagnostics.errorCount > 0) {
    err(formatText(diagnostics.list, { color }));
    err('vita: the site was not built; fix the errors above and build again.\n');
    return 1;
  }
  if (diagnostics.list.length > 0) err(formatText(diagnostics.list, { color }));

  const files = renderSite(graph, { baseUrl: options.baseUrl });
  // Calendars and CV PDFs go through the same write, so the manifest knows them and stale ones are removed.
  files.push(...seminarFiles(graph, { baseUrl: options.baseUrl }));
  if (options.cv !== false) {
    for (const person of graph.people.values()) {
      if (!hasCv(graph, person)) continue;
      const cv = renderCv(graph, person.id);
      for (const w of cv.warnings) err(`vita: warning: ${person.id}'s CV: ${w}\n`);
      files.push(...cv.files);
    }
  }
  if (options.search !== false) {
    const search = await searchIndex(files);
    if (search.problem) err(`vita: warning: site search was not built: ${search.problem}\n`);
    files.push(...search.files);
  }

  const outDir = options.out ? resolve(options.out) : resolve(root, graph.config.output ?? '_site');
  try {
    const result = writeSite(outDir, files, { projectRoot: resolve(root) });
    const pages = files.filter((f) => f.path.endsWith('.html')).length;
    const changedPages = result.changed.filter((p) => p.endsWith('.html')).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const shown = relative(process.cwd(), outDir) || '.';
    const extra = [`${changedPages} changed`, result.removed ? `${result.removed} removed` : ''].filter(Boolean).join(', ');
    out(`wrote ${pages} pages (${extra}) to ${shown.startsWith('..') ? outDir : shown} in ${seconds} s\n`);
    if (result.kept.length) err(`vita: kept ${result.kept.length} file(s) a previous build wrote but that were changed by hand: ${result.kept.slice(0, 5).join(', ')}${result.kept.length > 5 ? ' ...' : ''}\n`);
    return 0;
  } catch (e) {
    if (e instanceof WriteError) {
      err(`vita: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
