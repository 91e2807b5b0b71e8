// What `vita dev` serves after edits is what a fresh build of the edited record gives, page for page, whether the
// rebuild was told the edited files (as the watcher does) or looked at every file.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectEdits } from '../project-edits.js';
import { openProject } from '../../src/index.js';
import { renderSite } from '../../src/render/site/index.js';
import { startDevServer, type DevServer } from '../../src/serve/dev.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-dev-incremental-'));
let server: DevServer;

const { write, edit } = projectEdits(dir);

const LIVE = /<script src="\/__vita\/live\.js" defer><\/script>/;

/** Every page and feed of a fresh build (as the dev server lays it out: at the root) against what the server gives. */
async function sameAsFresh(): Promise<void> {
  const fresh = openProject(dir);
  assert.equal(fresh.diagnostics.errorCount, 0, 'the edits leave the record without errors');
  const files = renderSite(fresh.graph, { baseUrl: '/' }).filter((f) => /\.(html|xml)$/.test(f.path));
  assert.ok(files.length > 50);
  for (const f of files) {
    const res = await fetch(new URL(f.path, server.url));
    const expected = typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
    const served = (await res.text()).replace(LIVE, '');
    assert.equal(res.status, 200, f.path);
    assert.ok(served === expected, `${f.path} differs from a fresh build`);
  }
}

describe('vita dev after edits', () => {
  before(async () => {
    cpSync('examples/pku-group', dir, { recursive: true, filter: (src) => !src.includes('_site') });
    server = await startDevServer(dir, { port: 0, log: () => {} });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the pages a fresh build gives', sameAsFresh);

  it('a title changed, told the file', async () => {
    edit('publications/conferences.bib', (t) => t.replace('Functional Scaling Laws in Kernel Regression', 'Functional Scaling Laws Revisited'));
    await server.rebuild(['publications/conferences.bib']);
    await sameAsFresh();
  });

  it('an entry added above the others and one removed, looking at every file', async () => {
    edit('publications/journals.bib', (t) => `@article{new2026entry,\n  author = {Wu, Lei and Ma, Chao},\n  title = {A New Entry},\n  journal = {Some Journal},\n  year = {2026}\n}\n\n${t}`);
    edit('publications/conferences.bib', (t) => t.replace(/@inproceedings\{wu2023implicit,[\s\S]*?\n\}\n/, ''));
    await server.rebuild();
    await sameAsFresh();
  });

  it('an error, then its fix: the last good site stays up meanwhile', async () => {
    edit('publications/conferences.bib', (t) => t.replace('year      = {2025},\n  award     = {Spotlight}', 'year      = {20x5},\n  award     = {Spotlight}'));
    await server.rebuild(['publications/conferences.bib']);
    assert.equal((await fetch(new URL('people/lei-wu/', server.url))).status, 200);
    edit('publications/conferences.bib', (t) => t.replace('year      = {20x5},', 'year      = {2019},'));
    await server.rebuild(['publications/conferences.bib']);
    await sameAsFresh();
  });

  it("a person's names changed, and with them who the authors are", async () => {
    edit('people/chao-ma.yaml', (t) => `${t}aliases: [Binghui Li]\n`);
    await server.rebuild(['people/chao-ma.yaml']);
    await sameAsFresh();
  });

  it('a key renamed, with the prose and news that cite it', async () => {
    edit('publications/conferences.bib', (t) => t.replace('@inproceedings{wang2025sharpness,', '@inproceedings{wang2025disparity,'));
    edit('people/mingze-wang/research.md', (t) => t.replaceAll('@wang2025sharpness', '@wang2025disparity'));
    edit('news/2025-05-sharpness-disparity-icml.md', (t) => t.replace('[wang2025sharpness]', '[wang2025disparity]'));
    // A person's page and a post cite it too, and the post lists it.
    edit('people/lei-wu/software.md', (t) => t.replaceAll('@wang2025sharpness', '@wang2025disparity'));
    const post = 'people/mingze-wang/posts/2025-11-20-sharpness-disparity-explained.md';
    edit(post, (t) => t.replaceAll('wang2025sharpness', 'wang2025disparity'));
    await server.rebuild(['publications/conferences.bib', 'people/mingze-wang/research.md', 'news/2025-05-sharpness-disparity-icml.md', 'people/lei-wu/software.md', post]);
    await sameAsFresh();
  });

  it('a page, a post and a project added, a post removed, a project edited', async () => {
    write('pages/resources.md', '---\ntitle: Resources\nmenu: true\norder: 1\n---\nNotes on [@wu2018sgd].\n');
    write('posts/2026-05-01-new.md', '---\ntitle: New\ntags: [optimization]\n---\nText.\n');
    write('projects/new.md', '---\ntitle: New project\npeople: [lei-wu]\npublications: [wu2018sgd]\n---\nText.\n');
    unlinkSync(join(dir, 'posts/2026-03-02-spring-reading-group.md'));
    edit('projects/scaling-laws.md', (t) => t.replace('end: present', 'end: 2025-12'));
    await server.rebuild(['pages/resources.md', 'posts/2026-05-01-new.md', 'projects/new.md', 'posts/2026-03-02-spring-reading-group.md', 'projects/scaling-laws.md']);
    await sameAsFresh();
  });

  it('files added and removed, a seminar moved', async () => {
    write('people/new-person.yaml', 'name: Binghui Li\n');
    unlinkSync(join(dir, 'news/2024-12-nsfc-young-scientists-fund.md'));
    edit('seminars/ml-theory-seminar/2025-04-11-anna-keller.yaml', (t) => t.replace("start: '2025-04-11 15:10'", "start: '2025-04-11 14:00'"));
    await server.rebuild(['people/new-person.yaml', 'news/2024-12-nsfc-young-scientists-fund.md', 'seminars/ml-theory-seminar/2025-04-11-anna-keller.yaml']);
    await sameAsFresh();
  });
});
