// Rebuilds with the build cache (.vita-cache/build/): after each kind of edit, the site is byte for byte the one a
// cold build of the edited project makes, only the pages whose reads changed are rendered again, and a damaged
// cache costs time, never a wrong site.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildSiteOptions, type SiteBuild } from '../../src/write/build.js';
import { contentsUnder } from '../files.js';
import { assertSameTree, coldBuild, differing } from '../cold-build.js';
import { projectEdits } from '../project-edits.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-rebuild-'));
const project = join(dir, 'project');
const site = join(dir, 'site');
const cache = join(project, '.vita-cache', 'build');
after(() => rmSync(dir, { recursive: true, force: true }));

// A fixed "now": pages that show upcoming seminars read the time, and a cold build must see the same one.
const options: BuildSiteOptions = { now: new Date('2026-03-01T00:00:00Z'), extras: { search: true, calendars: true } };
const edits = projectEdits(project);

/** A cold build of the project as it is now, into a fresh folder named `name`: the site a rebuild must equal. */
const coldSite = (name: string) => coldBuild(project, join(dir, name), options);

async function rebuild(): Promise<SiteBuild> {
  const built = await buildSite(project, site, options);
  assert.equal(built.errors, 0);
  return built;
}

/**
 * Edits a file, rebuilds, and checks the site against a cold build (into `cold`): the build, and the pages that
 * changed (neither the search index nor the manifest).
 */
async function rebuildAfter(file: string, change: (text: string) => string, cold: string): Promise<{ built: SiteBuild; pages: string[] }> {
  const before = contentsUnder(site);
  edits.edit(file, change);
  const built = await rebuild();
  const after = await coldSite(cold);
  assertSameTree(contentsUnder(site), after);
  return { built, pages: differing(before, after).filter((p) => !p.startsWith('pagefind/') && p !== '.vita-manifest.json') };
}

describe('rebuilds with the build cache', () => {
  before(async () => {
    cpSync('examples/pku-group', project, { recursive: true, filter: (src) => !src.includes('_site') && !src.includes('.vita-cache') });
    edits.write('theme/style.css', 'body { color: #222; }\n');
    const first = await rebuild();
    assert.equal(first.kept, 0, 'a first build renders everything');
  });

  it('keeps every page when nothing changed, and the search index with them', async () => {
    const before = contentsUnder(site);
    const again = await rebuild();
    assert.equal(again.rendered, 0, 'no page or feed rendered again');
    assert.ok(again.kept > 100, `kept: ${again.kept}`);
    assert.equal(again.written, 0);
    assert.deepEqual(again.searchShards, { indexed: 0, kept: 1 }, 'Pagefind not run');
    assertSameTree(contentsUnder(site), before);
  });

  it('after a publication\'s title is edited, renders and rewrites only the pages that show it', async () => {
    const { built, pages } = await rebuildAfter('publications/conferences.bib', (t) => t.replace('Functional Scaling Laws in Kernel Regression', 'Functional Scaling Laws Revisited'), 'cold-title');
    // The paper's page, its authors' pages, lists and CV pages, the group's lists, the news, project, post and
    // hand-written pages that cite it: in English and in Chinese.
    assert.equal(pages.length, 22, pages.join('\n'));
    assert.deepEqual(built.write!.changed.filter((p) => !p.startsWith('pagefind/')).sort(), pages);
    // Rendered again: the pages that changed, and no other: not the group's page, whose charts count every paper but
    // read no title (render/site/reads.ts PAPER_OUTLINE), nor the other ~170 pages and feeds.
    assert.equal(built.rendered, pages.length, `rendered ${built.rendered}, changed ${pages.length}`);
    assert.ok(built.kept > 150, `kept ${built.kept}`);
    assert.ok(built.write!.changed.some((p) => p.startsWith('pagefind/')), 'the title is searched for: the index is made again');
  });

  it('after a title is edited that changes the order of its authors\' papers, renders again only the pages that show it', async () => {
    // The first of Lei Wu's 2024 papers by title becomes the last: his papers' order changes, his name does not.
    const { built, pages } = await rebuildAfter('publications/conferences.bib', (t) => t.replace('Improving Generalization and Convergence by Enhancing Implicit Regularization', 'Zooming In: Improving Generalization and Convergence by Enhancing Implicit Regularization'), 'cold-order');
    // Every page that shows his name read him: with his papers in the same fact, each was made again (177 pages for 18
    // that changed). Now his papers are a fact apart: made again are the pages that changed, and a few that read his
    // papers' order without showing it (his own pages' menus, which count them) or a page that cites the paper.
    assert.ok(built.rendered <= pages.length + 20, `rendered ${built.rendered}, changed ${pages.length}:\n${pages.join('\n')}`);
  });

  it('after a paper\'s year is edited, makes the group page\'s chart again and matches a cold build', async () => {
    const before = contentsUnder(site);
    edits.edit('publications/conferences.bib', (t) => t.replace(/(Functional Scaling Laws Revisited[^@]*?year\s*=\s*\{)\d{4}/, '$12019'));
    const built = await rebuild();
    const after = contentsUnder(site);
    assertSameTree(after, await coldSite('cold-year'));
    const group = [...after.keys()].filter((p) => /(^|\/)group\/index\.html$/.test(p));
    assert.ok(group.length > 0, 'the site has a group page');
    for (const page of group) {
      assert.match(after.get(page)!, /group-publications-chart/, `${page} has the chart of papers per year`);
      assert.notEqual(after.get(page), before.get(page), `${page}: its chart counts the paper in its new year`);
    }
    assert.ok(built.kept > 0, `kept ${built.kept}`);
  });

  it('after a person\'s name is edited, matches a cold build', async () => {
    edits.edit('people/chao-ma.yaml', (t) => t.replace('en: Chao Ma', 'en: Chao C. Ma'));
    const built = await rebuild();
    assertSameTree(contentsUnder(site), await coldSite('cold-name'));
    assert.ok(built.kept > 0 && built.rendered > 0, `kept ${built.kept}, rendered ${built.rendered}`);
  });

  it('after the text of a hand-written page in the menu is edited, renders again only that page', async () => {
    const { built, pages } = await rebuildAfter('pages/join.md', (t) => t.replace('who enjoy proving things about', 'who like proving things about'), 'cold-page');
    assert.deepEqual(pages, ['join/index.html', 'zh/join/index.html']);
    // Every page's menu lists the page, by its title: the menu reads the page's outline (its title, label, order,
    // owner), not its text (render/site/reads.ts PAGE_OUTLINE). Before, all ~190 pages were made again.
    assert.equal(built.rendered, pages.length, `rendered ${built.rendered}, changed ${pages.length}`);
  });

  it('after the title of a hand-written page in the menu is edited, matches a cold build', async () => {
    edits.edit('pages/join.md', (t) => t.replace('en: Join us', 'en: Join the group'));
    const built = await rebuild();
    assertSameTree(contentsUnder(site), await coldSite('cold-page-title'));
    assert.ok(built.rendered > 100, `every page's menu shows the title: rendered ${built.rendered}`);
  });

  it('after a news item is edited, matches a cold build', async () => {
    edits.edit('news/2025-05-sharpness-disparity-icml.md', (t) => t.replace('The Sharpness Disparity Principle accepted', 'The Sharpness Disparity Principle was accepted'));
    const built = await rebuild();
    assertSameTree(contentsUnder(site), await coldSite('cold-news'));
    assert.ok(built.kept > 0 && built.rendered > 0, `kept ${built.kept}, rendered ${built.rendered}`);
  });

  it('after the theme is edited, renders everything again and matches a cold build', async () => {
    edits.edit('theme/style.css', (t) => t.replace('#222', '#333'));
    const built = await rebuild();
    assert.equal(built.kept, 0);
    assertSameTree(contentsUnder(site), await coldSite('cold-theme'));
  });

  it('after vita.yaml is edited, renders everything again and matches a cold build', async () => {
    edits.edit('vita.yaml', (t) => t.replace('en: Machine Learning Theory Group\n', 'en: The Machine Learning Theory Group\n'));
    const built = await rebuild();
    assert.equal(built.kept, 0);
    assertSameTree(contentsUnder(site), await coldSite('cold-config'));
  });

  it('after a publication is added, matches a cold build', async () => {
    edits.edit('publications/conferences.bib', (t) => `${t}\n@inproceedings{wu2026added,\n  title = {An Added Paper on Scaling},\n  author = {Wu, Lei and Ma, Chao},\n  booktitle = {ICML},\n  year = {2026}\n}\n`);
    const built = await rebuild();
    assertSameTree(contentsUnder(site), await coldSite('cold-added'));
    assert.ok(built.kept > 0, `kept ${built.kept}`);
  });

  it('makes the search index again when the kept one\'s files are not as listed', async () => {
    const state = join(cache, 'state.json');
    const text = readFileSync(state, 'utf8');
    assert.match(text, /"searchShards":\[\{"digest":"[0-9a-f]+","files":\["/);
    writeFileSync(state, text.replace(/("searchShards":\[\{"digest":"[0-9a-f]+","files":\[)"/, '$1"../outside","'));
    const built = await rebuild();
    assert.ok(built.write!.changed.length === 0 && built.searchPages > 0, 'the same index, made again');
    assert.deepEqual(built.searchShards, { indexed: 1, kept: 0 });
    assertSameTree(contentsUnder(site), await coldSite('cold-pagefind'));
  });

  /** The search records kept with each shard (build-cache.ts): there must be some to damage. */
  const searchRecordFiles = () => {
    const files = readdirSync(cache).filter((f) => /^search-[0-9a-f]+\.json$/.test(f)).map((f) => join(cache, f));
    assert.ok(files.length > 0, 'search records in the cache');
    return files;
  };

  describe('a damaged cache costs time, never a wrong site', () => {
    // The site and cache of the record before an edit are kept aside; each damage is done to a copy of them, then
    // the edited record is built: a build trusting the damaged cache would show the old record somewhere.
    const saved = join(dir, 'saved');
    let expected: Map<string, string>;
    before(async () => {
      await rebuild();
      cpSync(site, join(saved, 'site'), { recursive: true });
      cpSync(cache, join(saved, 'cache'), { recursive: true });
      edits.edit('people/chao-ma.yaml', (t) => t.replace(/en: Chao (C\. )*Ma/, 'en: Chao Ma Jr.'));
      edits.edit('publications/conferences.bib', (t) => t.replace('Functional Scaling Laws Revisited', 'Functional Scaling Laws, Damaged Cache'));
      expected = await coldSite('cold-damaged');
    });
    const damages: [string, () => void][] = [
      ['garbage bytes', () => writeFileSync(join(cache, 'state.json'), Buffer.from([0xff, 0x00, 0x7b, 0x22, 0x9c]))],
      ['truncated JSON', () => truncateSync(join(cache, 'state.json'), Math.floor(readFileSync(join(cache, 'state.json')).length / 2))],
      ['a missing state', () => unlinkSync(join(cache, 'state.json'))],
      ['missing search records', () => searchRecordFiles().forEach((f) => unlinkSync(f))],
      ['garbled search records', () => searchRecordFiles().forEach((f) => writeFileSync(f, readFileSync(f, 'utf8').replace(/":"<!doctype[^"]{0,40}/g, '":"x')))],
      ['facts out of range', () => writeFileSync(join(cache, 'state.json'), readFileSync(join(cache, 'state.json'), 'utf8').replace(/"reads":\[\d+/g, '"reads":[99999999'))],
      ['wrong fact values', () => writeFileSync(join(cache, 'state.json'), readFileSync(join(cache, 'state.json'), 'utf8').replace(/"((?:pub|person):[^"]+)","[^"]+"/g, '"$1","stale"'))],
      ['a deleted output page', () => unlinkSync(join(site, 'people/chao-ma/index.html'))],
      ['an output page edited by hand', () => writeFileSync(join(site, 'publications/index.html'), 'edited')],
      ['a missing manifest entry', () => writeFileSync(join(site, '.vita-manifest.json'), readFileSync(join(site, '.vita-manifest.json'), 'utf8').replace(/\n "people\/chao-ma\/index.html": "[0-9a-f]+",/, ''))],
    ];
    for (const [name, damage] of damages) {
      it(`with ${name}`, async () => {
        rmSync(site, { recursive: true, force: true });
        rmSync(cache, { recursive: true, force: true });
        cpSync(join(saved, 'site'), site, { recursive: true });
        cpSync(join(saved, 'cache'), cache, { recursive: true });
        damage();
        const built = await buildSite(project, site, { ...options, force: name === 'a missing manifest entry' });
        assert.equal(built.errors, 0);
        assertSameTree(contentsUnder(site), expected);
      });
    }
  });
});

describe('rebuilds of a long publication list, a page per year', () => {
  // The example with a page size of 4: the group's list and Lei Wu's get a page per year, as a department's do.
  const longProject = join(dir, 'long-project');
  const longSite = join(dir, 'long-site');
  const longEdits = projectEdits(longProject);
  const build = async (out: string, cache: boolean) => {
    const built = await buildSite(longProject, out, { ...options, cache });
    assert.equal(built.errors, 0);
    return built;
  };
  before(async () => {
    cpSync('examples/pku-group', longProject, { recursive: true, filter: (src) => !src.includes('_site') && !src.includes('.vita-cache') });
    longEdits.edit('vita.yaml', (t) => t.replace('publications:\n', 'publications:\n  pageSize: 4\n'));
    await build(longSite, true);
  });

  it('after a title is edited, renders again the page of its year and no other year\'s', async () => {
    const before = contentsUnder(longSite);
    const years = [...before.keys()].filter((p) => /^publications\/\d{4}\/index\.html$/.test(p));
    assert.ok(years.length >= 5, `the group's list has a page per year: ${years.join(', ')}`);
    longEdits.edit('publications/conferences.bib', (t) => t.replace('How {SGD} selects the global minima', 'How {SGD} chooses the global minima'));
    const built = await build(longSite, true);
    const cold = await coldBuild(longProject, join(dir, 'long-cold'), options);
    assertSameTree(contentsUnder(longSite), cold);
    const pages = differing(before, cold).filter((p) => !p.startsWith('pagefind/') && p !== '.vita-manifest.json');
    assert.ok(pages.includes('publications/2018/index.html'), pages.join('\n'));
    assert.deepEqual(pages.filter((p) => /^publications\/\d{4}\//.test(p)), ['publications/2018/index.html'], 'one year\'s page of the group\'s list changed');
    // Sorting the whole list reads every title: then every year's page was made again for one title.
    assert.equal(built.rendered, pages.length, `rendered ${built.rendered}, changed ${pages.length}:\n${pages.join('\n')}`);
  });

  it('with no selected papers, the home page shows the newest and is not made again for an older paper\'s title', async () => {
    for (const file of ['publications/conferences.bib', 'publications/preprints.bib']) longEdits.edit(file, (t) => t.replace(/^\s*selected\s*=\s*\{true\},\n/gm, ''));
    await build(longSite, true);
    const before = contentsUnder(longSite);
    longEdits.edit('publications/conferences.bib', (t) => t.replace('How {SGD} chooses the global minima', 'How {SGD} picks the global minima'));
    const built = await build(longSite, true);
    const cold = await coldBuild(longProject, join(dir, 'long-cold-unselected'), options);
    assertSameTree(contentsUnder(longSite), cold);
    // The newest five of the group's list: their years (the year's page that lists each) never grow, from the newest.
    const papers = [...cold.get('index.html')!.matchAll(/<p class="pub-title">.*?<a href="\/pku-ml\/(publications\/[^"]+)"/g)].map((m) => m[1]!);
    assert.equal(papers.length, 5, 'five papers on the home page');
    const yearPages = [...cold.keys()].filter((p) => /^publications\/\d{4}\/index\.html$/.test(p)).sort().reverse();
    const yearOf = (paper: string) => Number(yearPages.find((p) => cold.get(p)!.includes(`/pku-ml/${paper}"`))?.slice(13, 17));
    const years = papers.map(yearOf);
    assert.equal(years[0], Number(yearPages[0]!.slice(13, 17)), `${papers[0]} is of the newest year`);
    assert.deepEqual(years, [...years].sort((a, b) => b - a), years.join(' '));
    const pages = differing(before, cold).filter((p) => !p.startsWith('pagefind/') && p !== '.vita-manifest.json');
    assert.ok(!pages.includes('index.html'));
    assert.equal(built.rendered, pages.length, `rendered ${built.rendered}, changed ${pages.length}:\n${pages.join('\n')}`);
  });
});
