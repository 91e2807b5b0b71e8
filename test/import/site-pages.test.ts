// A site's own pages beyond About (al-folio's _pages/, academicpages' prose pages) are carried as pages of the
// project: each is built at its address with its title, menu place and text; Liquid is filled in or taken out with a
// warning; a page that is a list of talks or courses is read as talks or teaching; the template's generated pages are
// left out and said so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { countImport, exitStatus } from '../../src/import/report.js';
import { pageAddress } from '../../src/import/site-pages.js';
import { builtSite, errorsOf, FIXTURES, pageText, run, tempDir, tree } from './helpers.ts';

describe('import: a site\'s own pages', () => {
  it('carries al-folio\'s pages at their addresses, reads list pages as talks and teaching, and builds them', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/al-folio-pages`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    const pages = result.plan!.files.filter((f) => f.path.startsWith('pages/')).map((f) => f.path).sort();
    // people.md is at /people/ on the old site, an address vita makes itself: moved to /team/, and said so.
    assert.deepEqual(pages, ['pages/equipment.md', 'pages/resources/datasets.md', 'pages/team.md']);
    assert.ok(result.diagnostics.some((d) => d.code === 'import/page-moved' && d.file === '_pages/people.md'));

    const equipment = readFileSync(join(dir, 'pages/equipment.md'), 'utf8');
    assert.match(equipment, /^---\ntitle: equipment\nmenu: true\norder: 7\n---\n/);
    assert.match(equipment, /!\[\]\(\.\.\/assets\/img\/boat\.png\)/, 'the figure include is an image');
    assert.doesNotMatch(equipment, /\{%|\{\{/);
    const team = readFileSync(join(dir, 'pages/team.md'), 'utf8');
    assert.match(team, /The Coastal Robotics Lab is four students/, '{{ site.lab_name }} filled in from _config.yml');
    assert.match(team, /<img src="\.\.\/assets\/img\/boat\.png"/, 'raw HTML kept, its image carried');

    const site = builtSite(graph);
    const built = (path: string) => pageText(site.get(path) ?? assert.fail(`${path} is built`));
    assert.match(built('equipment/index.html'), /two autonomous surface vessels .* Gaivota 4 m/);
    assert.match(site.get('equipment/index.html')!, /href="\/assets\/pdf\/safety\.pdf"/);
    assert.match(site.get('team/index.html')!, /<img src="\/assets\/img\/boat\.png"/);
    assert.match(built('resources/datasets/index.html'), /sonar surveys of the Tagus estuary/);
    // In the navigation, as the site had them (nav: true); the nested page without nav is not.
    const nav = /<nav[\s\S]*?<\/nav>/.exec(site.get('index.html')!)![0];
    assert.match(nav, /equipment/);
    assert.doesNotMatch(nav, /datasets/);

    // Lists of talks and courses are the owner's talks and teaching, not pages.
    const ines = graph.people.get('ines-carvalho')!;
    assert.deepEqual(ines.talks.map((t) => t.title).sort(), ['Mapping kelp forests with small boats', 'Where the sonar cannot see']);
    assert.deepEqual(ines.data.teaching?.map((t) => t.course).sort(), ['Marine Robotics', 'Ocean Sensing Laboratory']);
    assert.ok(!site.has('talks/index.html') && !site.has('teaching/index.html'));

    // The template's repositories page (only Liquid loops) is not carried, and said so; the Liquid taken out is warned of.
    assert.ok(result.diagnostics.some((d) => d.code === 'import/generated-page' && d.file === '_pages/repositories.md'));
    assert.ok(result.diagnostics.some((d) => d.code === 'import/liquid' && d.file === '_pages/equipment.md' && d.severity === 'warning'));
    const counts = Object.fromEntries(countImport(result).map((c) => [c.kind, [c.imported, c.skipped]]));
    // 6 pages beyond About and the blog: 3 carried, 2 read as lists, 1 generated.
    assert.deepEqual(counts.pages, [3, 3]);

    const before = tree(dir);
    const again = await run(`${FIXTURES}/al-folio-pages`, dir);
    assert.equal(again.plan!.counts.pages, 0);
    assert.deepEqual(tree(dir), before, 'importing again changes nothing');
  });

  it('carries academicpages\' prose pages instead of reporting them as not carried', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/academicpages-site`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    assert.match(pageText(builtSite(graph).get('research/index.html') ?? ''), /plant-pollinator networks respond to a warming climate/);
    assert.ok(!result.diagnostics.some((d) => d.code === 'import/not-carried' && d.file === '_pages/research.md'));
  });

  it('carries Hugo Blox\'s plain pages, in the menu where menus.yaml has them, and leaves drafts out', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/hugo-blox-site`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual(result.plan!.files.filter((f) => f.path.startsWith('pages/')).map((f) => f.path).sort(), ['pages/about.md', 'pages/fieldwork.md']);
    const fieldwork = readFileSync(join(dir, 'pages/fieldwork.md'), 'utf8');
    assert.match(fieldwork, /^---\ntitle: Fieldwork\ndescription: Where the group measures ice\.\nmenu: true\norder: 40\n---\n/);
    const site = builtSite(graph);
    assert.match(pageText(site.get('fieldwork/index.html')!), /camp on the Jostedalsbreen plateau/);
    assert.match(site.get('fieldwork/index.html')!, /<img src="\/assets\/fieldwork\/camp\.png" alt="Base camp"/, 'the figure shortcode is an image, the file carried');
    assert.ok(result.diagnostics.some((d) => d.code === 'import/shortcodes' && d.file === 'content/fieldwork/index.md'), 'the other shortcode is taken out and said so');
    assert.ok(result.diagnostics.some((d) => d.code === 'import/unpublished' && d.file === 'content/contact.md'));
    assert.ok(![...site.keys()].some((p) => p.startsWith('contact/')), 'a draft is not a page');
  });

  it('gives a page its address from the permalink, else from its file name', () => {
    assert.equal(pageAddress('/teaching/', '_pages/x.md'), 'teaching');
    assert.equal(pageAddress('/courses/ml.html', '_pages/x.md'), 'courses/ml');
    assert.equal(pageAddress(undefined, '_pages/Lab Life.md'), 'lab-life');
    assert.equal(pageAddress('/resources/index.html', '_pages/x.md'), 'resources');
  });
});
