/** open -> render -> write, as `vita build` does for the website (without CV PDFs, calendars and search). */
import { openProject } from '../index.js';
import { renderSite, type SiteOptions } from '../render/site/index.js';
import { writeSite } from './index.js';

export interface SiteBuild {
  pages: number;
  files: number;
  bytes: number;
  written: number;
  errors: number;
}

export async function buildSite(root: string, outDir: string, options: SiteOptions = {}): Promise<SiteBuild> {
  const { graph, diagnostics } = openProject(root);
  if (diagnostics.errorCount > 0) return { pages: 0, files: 0, bytes: 0, written: 0, errors: diagnostics.errorCount };
  const files = renderSite(graph, options);
  const result = writeSite(outDir, files, { projectRoot: root });
  let bytes = 0;
  for (const f of files) bytes += typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.length;
  return { pages: files.filter((f) => f.path.endsWith('.html')).length, files: files.length, bytes, written: result.written, errors: 0 };
}
