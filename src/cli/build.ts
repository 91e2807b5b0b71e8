/**
 * `vita build`: check the record, then render and write the site page by page (in a worker thread, see
 * write/build.ts), with calendars, CV PDFs and the search index; only what changed is rewritten.
 */
import { relative, resolve } from 'node:path';
import { formatText } from '../diagnostics/format.js';
import { buildSite } from '../write/build.js';
import { BuildProgressReporter } from './build-progress.js';
import { WriteError } from '../write/index.js';

export interface BuildOptions {
  /** Output folder; default: vita.yaml's `output` (`_site`) inside the project. */
  out?: string;
  /** Where the site will live, overriding vita.yaml's baseUrl ("/" to preview at a domain root). */
  baseUrl?: string;
  /** Skip the search index (faster rebuilds while editing). */
  search?: boolean;
  /** Skip the CV PDFs (`--no-pdf`). */
  cv?: boolean;
  /** Neither read nor write `.vita-cache/` for pages and PDFs: everything is rendered and typeset (`--no-cache`). */
  cache?: boolean;
  /** Write into a non-empty folder vita did not build, replacing files of the same names. */
  force?: boolean;
  /** Where to print; defaults to the process's streams. */
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
}

export async function runBuild(root: string, options: BuildOptions = {}): Promise<number> {
  const out = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const err = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const color = process.stderr.isTTY && !process.env.NO_COLOR;
  const started = performance.now();

  // vita.yaml is read (and its YAML parser loaded) here only when no --out is given: the build's thread reads it anyway.
  const outDir = options.out ? resolve(options.out) : resolve(root, (await import('./output.js')).configuredOutput(root));
  // Injected streams (tests, the library) are not terminals: they get a line per phase.
  const progress = new BuildProgressReporter({ isTTY: !options.stderr && process.stderr.isTTY, columns: process.stderr.columns, write: err });
  let build;
  try {
    build = await buildSite(root, outDir, { baseUrl: options.baseUrl, extras: { calendars: true, cv: options.cv !== false, search: options.search !== false }, cache: options.cache, force: options.force, onProgress: progress.update });
  } catch (e) {
    if (e instanceof WriteError) {
      progress.finish();
      err(`vita: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    progress.finish();
  }
  if (build.errors > 0) {
    err(formatText(build.diagnostics, { color }));
    err('vita: the site was not built; fix the errors above and build again.\n');
    return 1;
  }
  if (build.diagnostics.length > 0) err(formatText(build.diagnostics, { color }));
  for (const w of build.warnings) err(`vita: warning: ${w}\n`);
  // The record has no errors (or nothing would be built): any error now is the theme's, whose defaults stood in.
  const themeErrors = build.diagnostics.some((d) => d.severity === 'error');
  const result = build.write!;
  const changedPages = result.changed.filter((p) => p.endsWith('.html')).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const shown = relative(process.cwd(), outDir) || '.';
  const images = build.images.made || build.images.reused ? `${build.images.made} images resized${build.images.reused ? `, ${build.images.reused} from the cache` : ''}` : '';
  const extra = [`${changedPages} changed`, build.kept ? `${build.kept} not rendered again` : '', result.removed ? `${result.removed} removed` : '', images].filter(Boolean).join(', ');
  out(`wrote ${build.pages} pages (${extra}) to ${shown.startsWith('..') ? outDir : shown} in ${seconds} s\n`);
  if (result.kept.length) err(`vita: kept ${result.kept.length} file(s) a previous build wrote but that were changed by hand: ${result.kept.slice(0, 5).join(', ')}${result.kept.length > 5 ? ' ...' : ''}\n`);
  if (themeErrors) {
    err('vita: the theme has errors (above): vita\'s own components stood in for the broken ones. Fix them and build again.\n');
    return 1;
  }
  return 0;
}
