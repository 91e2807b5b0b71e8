// buildSite: the website rendered in worker threads and streamed to disk is the site renderSite + writeSite make.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject } from '../../src/index.js';
import { renderSiteWithImages } from '../../src/write/images.js';
import { buildSite } from '../../src/write/build.js';
import { MANIFEST, writeSite } from '../../src/write/index.js';
import { contentsUnder as tree } from '../files.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-build-'));
const project = join(dir, 'project');
cpSync('examples/pku-group', project, { recursive: true, filter: (src) => !src.includes('_site') });
after(() => rmSync(dir, { recursive: true, force: true }));

describe('buildSite', () => {
  it('writes the same files, and the same manifest, as renderSite (with its images) and writeSite', async () => {
    const { graph } = openProject(project);
    writeSite(join(dir, 'one'), await renderSiteWithImages(graph, { baseUrl: 'https://example.org/' }), { projectRoot: project });
    const built = await buildSite(project, join(dir, 'two'), { baseUrl: 'https://example.org/', workers: 2 });
    const one = tree(join(dir, 'one'));
    const two = tree(join(dir, 'two'));
    assert.deepEqual([...two.keys()].sort(), [...one.keys()].sort());
    for (const [path, content] of one) assert.equal(two.get(path), content, path);
    assert.equal(built.errors, 0);
    assert.ok([...two.keys()].some((p) => p.startsWith('img/') && p.endsWith('.avif')), 'the example\'s photos are resized');
    assert.equal(built.files, one.size - 1);
    assert.equal(built.written, one.size - 1);
  });

  it('rewrites only what an edit changed, and writes nothing when the record has errors', async () => {
    const out = join(dir, 'two');
    const bib = join(project, 'publications/conferences.bib');
    writeFileSync(bib, readFileSync(bib, 'utf8').replace('Functional Scaling Laws in Kernel Regression', 'Functional Scaling Laws Revisited'));
    const again = await buildSite(project, out, { baseUrl: 'https://example.org/' });
    assert.ok(again.written > 0 && again.written < again.files / 2, `written: ${again.written} of ${again.files}`);
    const manifest = readFileSync(join(out, MANIFEST), 'utf8');
    writeFileSync(join(project, 'people/lei-wu.yaml'), readFileSync(join(project, 'people/lei-wu.yaml'), 'utf8').replace('start: 2012-09', 'start: 2012.13'));
    const broken = await buildSite(project, out);
    assert.ok(broken.errors > 0);
    assert.equal(readFileSync(join(out, MANIFEST), 'utf8'), manifest);
  });
});
