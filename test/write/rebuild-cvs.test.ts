// CVs in rebuilds with the build cache (.vita-cache/build/ and .vita-cache/cv/): a CV whose reads all hold is not
// planned again (its Markdown and PDF stay as the last build wrote them), the others are planned and typeset, and
// the site is byte for byte the one a cold build of the edited project makes, whatever was damaged.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { buildSite, type BuildSiteOptions, type SiteBuild } from '../../src/write/build.js';
import { contentsUnder } from '../files.js';
import { coldBuild, differing } from '../cold-build.js';
import { projectEdits } from '../project-edits.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-rebuild-cvs-'));
const project = join(dir, 'project');
const site = join(dir, 'site');
const cache = join(project, '.vita-cache');
after(() => rmSync(dir, { recursive: true, force: true }));

const options: BuildSiteOptions = { now: new Date('2026-03-01T00:00:00Z'), extras: { cv: true } };
const edits = projectEdits(project);

/** The CV files of the example group: Lei Wu (the lead) and Mingze Wang, in English and in Chinese. */
const isCv = (p: string) => /(^|\/)cv\.(md|pdf)$/.test(p);

const coldSite = (name: string) => coldBuild(project, join(dir, name), options);

/**
 * A copy with the files' dates to the nanosecond (`cp -a`; Node's cpSync keeps them to the millisecond): a rebuild
 * keeps only files whose date is the one it wrote down.
 */
function copyExactly(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  execFileSync('cp', ['-a', from, to]);
}

async function rebuild(): Promise<SiteBuild> {
  const built = await buildSite(project, site, options);
  assert.equal(built.errors, 0);
  return built;
}

describe('CVs in rebuilds with the build cache', () => {
  let cvFiles: string[];
  before(async () => {
    cpSync('examples/pku-group', project, { recursive: true, filter: (src) => !src.includes('_site') && !src.includes('.vita-cache') });
    const first = await rebuild();
    assert.deepEqual(first.cvs, { planned: 4, kept: 0, typeset: 4 });
    cvFiles = [...contentsUnder(site).keys()].filter(isCv);
    assert.equal(cvFiles.length, 8, cvFiles.join('\n'));
  });

  it('plans no CV when nothing changed', async () => {
    const before = contentsUnder(site);
    const again = await rebuild();
    assert.deepEqual(again.cvs, { planned: 0, kept: 4, typeset: 0 });
    assert.equal(again.written, 0);
    assert.deepEqual(differing(contentsUnder(site), before), []);
  });

  it("after a paper's title is edited, plans and typesets only its authors' CVs", async () => {
    const before = contentsUnder(site);
    // A paper of Lei Wu's that Mingze Wang did not write.
    edits.edit('publications/conferences.bib', (t) => t.replace('Functional Scaling Laws in Kernel Regression', 'Functional Scaling Laws Revisited'));
    const built = await rebuild();
    assert.deepEqual(built.cvs, { planned: 2, kept: 2, typeset: 2 });
    const after = contentsUnder(site);
    assert.deepEqual(differing(after, await coldSite('cold-title')), []);
    const changed = differing(before, after).filter(isCv);
    assert.deepEqual(changed, cvFiles.filter((p) => p.includes('lei-wu')), 'the lead\'s CVs, in both languages');
  });

  it("after a person's name is edited, plans the CVs that name them", async () => {
    const before = contentsUnder(site);
    // Weinan E wrote papers with both.
    edits.edit('people/weinan-e.yaml', (t) => t.replace(/en: Weinan E\b/, 'en: Weinan E.'));
    const built = await rebuild();
    assert.deepEqual(differing(contentsUnder(site), await coldSite('cold-name')), []);
    const changed = differing(before, contentsUnder(site)).filter(isCv);
    assert.ok(changed.length > 0, 'the edit shows in some CV');
    assert.equal(built.cvs!.planned, 4, changed.join('\n'));
    // Mingze Wang's own name: his CVs, and the lead's (which name him as a co-author).
    edits.edit('people/mingze-wang.yaml', (t) => t.replace('en: Mingze Wang', 'en: Mingze M. Wang'));
    const again = await rebuild();
    assert.deepEqual(differing(contentsUnder(site), await coldSite('cold-name-2')), []);
    assert.equal(again.cvs!.planned, 4);
  });

  it('after a news item no CV shows is edited, plans none', async () => {
    const before = contentsUnder(site);
    edits.edit('news/2025-05-sharpness-disparity-icml.md', (t) => t.replace('The Sharpness Disparity Principle accepted', 'The Sharpness Disparity Principle was accepted'));
    const built = await rebuild();
    assert.deepEqual(built.cvs, { planned: 0, kept: 4, typeset: 0 });
    assert.deepEqual(differing(before, contentsUnder(site)).filter(isCv), []);
  });

  describe('a damaged cache costs time, never a wrong site', () => {
    const saved = join(dir, 'saved');
    let expected: Map<string, string>;
    before(async () => {
      await rebuild();
      copyExactly(site, join(saved, 'site'));
      copyExactly(cache, join(saved, 'cache'));
      edits.edit('publications/conferences.bib', (t) => t.replace('Functional Scaling Laws Revisited', 'Functional Scaling Laws, Damaged Cache'));
      expected = await coldSite('cold-damaged');
    });
    const state = () => join(cache, 'build', 'state.json');
    const cvCache = () => join(cache, 'cv');
    const damages: [string, () => void, number][] = [
      ['no CV cache', () => rmSync(cvCache(), { recursive: true }), 4],
      ['a PDF of the CV cache cut short', () => {
        for (const f of readdirSync(cvCache()).filter((f) => f.endsWith('.pdf'))) writeFileSync(join(cvCache(), f), readFileSync(join(cvCache(), f)).subarray(0, 100));
      }, 4],
      ['wrong CV keys in the state', () => writeFileSync(state(), readFileSync(state(), 'utf8').replace(/("pdf":"[^"]+","key":)"[0-9a-f]{64}"/g, '$1"0000"')), 4],
      ['CV entries of the wrong shape', () => writeFileSync(state(), readFileSync(state(), 'utf8').replace(/"markdown":"/g, '"markdown":7,"x":"')), 4],
      ['other fonts', () => writeFileSync(state(), readFileSync(state(), 'utf8').replace(/"cvs":\{"fonts":"[0-9a-f]+"/, '"cvs":{"fonts":"other"')), 4],
      ['wrong fact values', () => writeFileSync(state(), readFileSync(state(), 'utf8').replace(/"((?:pub|person):[^"]+)","[^"]+"/g, '"$1","stale"')), 4],
      ['a deleted CV PDF', () => unlinkSync(join(site, cvFiles.find((p) => p.includes('mingze-wang') && p.endsWith('.pdf'))!)), 3],
      ['a CV edited by hand', () => writeFileSync(join(site, cvFiles.find((p) => p.includes('mingze-wang') && p.endsWith('.md'))!), 'edited'), 3],
    ];
    for (const [name, damage, planned] of damages) {
      it(`with ${name}`, async () => {
        rmSync(site, { recursive: true, force: true });
        rmSync(cache, { recursive: true, force: true });
        copyExactly(join(saved, 'site'), site);
        copyExactly(join(saved, 'cache'), cache);
        damage();
        const built = await rebuild();
        assert.equal(built.cvs!.planned, planned);
        assert.deepEqual(differing(contentsUnder(site), expected), []);
      });
    }
  });
});
