/**
 * Run by on-demand.test.ts in a child process of its own: renders a project's site, CVs (Typst source) and calendars
 * as a build's worker does, then prints what it loaded: ES modules imported (told by a loader hook, on stderr) and
 * modules required (require.cache, on stdout).
 */
import { createRequire, register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('IMPORTED ' + url + '\\n'); return next(url, context); }`),
);
const project = process.argv[2]!;
const { openProject } = await import('../../src/index.js');
const { renderSite } = await import('../../src/render/site/index.js');
const { planCv, hasCv } = await import('../../src/render/cv/index.js');
const { seminarFiles } = await import('../../src/render/calendar/index.js');
const { graph, diagnostics } = openProject(project);
if (diagnostics.errorCount) throw new Error(`the project has errors: ${diagnostics.list.map((d) => d.message).join('; ')}`);
const files = renderSite(graph, {});
for (const person of graph.people.values()) if (hasCv(graph, person)) planCv(graph, person.id, { language: 'en' });
seminarFiles(graph);
const require = createRequire(import.meta.url);
process.stdout.write(JSON.stringify({ files: files.length, required: Object.keys(require.cache) }) + '\n');
