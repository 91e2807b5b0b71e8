// Opening a project again with a cache (as `vita dev` does after each edit) gives exactly what a fresh opening gives:
// the same graph, the same diagnostics in the same order, whether the edited files are named or found by looking.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectEdits } from '../project-edits.js';
import { snapshot } from '../graph-snapshot.js';
import { newProjectCache, openProject, type Graph, type ProjectCache } from '../../src/index.js';

const TODAY = new Date('2026-06-01');
const dir = mkdtempSync(join(tmpdir(), 'vita-incremental-'));

const { write, edit } = projectEdits(dir);

describe('opening a project again after edits', () => {
  // One cache told which files changed (a watcher), one that looks at every file.
  let named: ProjectCache;
  let looked: ProjectCache;
  before(() => {
    cpSync('examples/pku-group', dir, { recursive: true, filter: (src) => !src.includes('_site') });
    named = newProjectCache();
    looked = newProjectCache();
    same([]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Both caches against a fresh opening. */
  function same(changed: string[]): void {
    const fresh = openProject(dir, { today: TODAY });
    for (const [how, cache, files] of [
      ['told the files', named, changed],
      ['looking at every file', looked, undefined],
    ] as const) {
      const again = openProject(dir, { today: TODAY, cache, changed: files });
      assert.deepEqual(again.diagnostics.list, fresh.diagnostics.list, `diagnostics differ (${how})`);
      assert.deepEqual(snapshot(again.graph), snapshot(fresh.graph), `graphs differ (${how})`);
    }
  }

  it('a title changed', () => {
    edit('publications/conferences.bib', (t) => t.replace('Functional Scaling Laws in Kernel Regression', 'Functional Scaling Laws Revisited'));
    same(['publications/conferences.bib']);
  });

  it('an entry added above the others, and a cited one removed', () => {
    edit('publications/journals.bib', (t) => `@article{new2026entry,\n  author = {Wu, Lei and Ma, Chao},\n  title = {A New Entry},\n  journal = {Some Journal},\n  year = {2026}\n}\n\n${t}`);
    edit('publications/preprints.bib', (t) => t.replace(/@misc\{wang2025gradpower,[\s\S]*?\n\}\n/, ''));
    same(['publications/journals.bib', 'publications/preprints.bib']);
  });

  it('an error introduced, then fixed', () => {
    edit('publications/conferences.bib', (t) => t.replace('year      = {2026}', 'year      = {20x6}'));
    same(['publications/conferences.bib']);
    assert.ok(openProject(dir).diagnostics.errorCount > 0);
    edit('publications/conferences.bib', (t) => t.replace('year      = {20x6}', 'year      = {2026}'));
    same(['publications/conferences.bib']);
  });

  it("a person's names changed, and with them who the authors are", () => {
    edit('people/chao-ma.yaml', (t) => `${t}aliases: [Binghui Li]\n`);
    same(['people/chao-ma.yaml']);
  });

  it('a key renamed that prose and news cite', () => {
    edit('publications/conferences.bib', (t) => t.replace('@inproceedings{wang2025sharpness,', '@inproceedings{wang2025disparity,'));
    same(['publications/conferences.bib']);
    edit('people/mingze-wang/research.md', (t) => t.replaceAll('@wang2025sharpness', '@wang2025disparity'));
    edit('news/2025-05-sharpness-disparity-icml.md', (t) => t.replace('[wang2025sharpness]', '[wang2025disparity]'));
    same(['people/mingze-wang/research.md', 'news/2025-05-sharpness-disparity-icml.md']);
  });

  it('a key written in two files, then one of them removed', () => {
    const entry = '\n@inproceedings{li2026fast,\n  author = {Li, Binghui},\n  title = {Again},\n  booktitle = {Somewhere},\n  year = {2026}\n}\n';
    edit('publications/preprints.bib', (t) => t + entry);
    same(['publications/preprints.bib']);
    edit('publications/preprints.bib', (t) => t.replace(entry, ''));
    same(['publications/preprints.bib']);
  });

  it('a venue that names another year, an entry that moves in the order, an author who leaves', () => {
    edit('publications/conferences.bib', (t) => t.replace('abbr      = {ICLR},\n  year      = {2026}', 'abbr      = {ICLR 2024},\n  year      = {2026}'));
    edit('publications/conferences.bib', (t) => t.replace('year      = {2025},\n  award     = {Spotlight}', 'year      = {2019},\n  award     = {Spotlight}'));
    edit('publications/conferences.bib', (t) => t.replace('Wang, Lean and Wu, Lei}', 'Wang, Lean}'));
    same(['publications/conferences.bib']);
  });

  it('files added and removed: a person, a news item, a link to a file that then exists', () => {
    write('people/new-person.yaml', 'name: Binghui Li\nlinks:\n  cv: assets/new-person-cv.pdf\n');
    unlinkSync(join(dir, 'news/2024-12-nsfc-young-scientists-fund.md'));
    same(['people/new-person.yaml', 'news/2024-12-nsfc-young-scientists-fund.md']);
    write('assets/new-person-cv.pdf', '%PDF-1.4\n');
    same(['assets/new-person-cv.pdf']);
  });

  it('links to files of the project: dead, then alive, then dead again, in several entries', () => {
    edit('publications/conferences.bib', (t) => t.replace('author    = {Li, Binghui and Wang, Jinbo and Wu, Lei},', 'author    = {Li, Binghui and Wang, Jinbo and Wu, Lei},\n  pdf       = {assets/fast.pdf},'));
    edit('publications/journals.bib', (t) => t.replace('title = {A New Entry},', 'title = {A New Entry},\n  slides = {assets/new-slides.pdf},'));
    same(['publications/conferences.bib', 'publications/journals.bib']);
    write('assets/fast.pdf', '%PDF-1.4\n');
    same(['assets/fast.pdf']);
    edit('publications/conferences.bib', (t) => t.replace('pdf       = {assets/fast.pdf}', 'pdf       = {assets/slow.pdf}'));
    same(['publications/conferences.bib']);
    edit('publications/journals.bib', (t) => t.replace('title = {A New Entry}', 'title = {A Newer Entry}'));
    same(['publications/journals.bib']);
    assert.equal(openProject(dir).diagnostics.list.filter((d) => d.code === 'check/dead-link').length, 2);
  });

  it('a seminar moved, and a prose section added', () => {
    edit('seminars/ml-theory-seminar/2025-04-11-anna-keller.yaml', (t) => t.replace("start: '2025-04-11 15:10'", "start: '2025-04-12 10:00'"));
    write('people/chao-ma/research.md', 'Work on [@li2026fast] and [@nosuchkey].\n');
    same(['seminars/ml-theory-seminar/2025-04-11-anna-keller.yaml', 'people/chao-ma/research.md']);
  });

  it('a write that changes nothing', () => {
    edit('publications/journals.bib', (t) => t + '\n');
    same(['publications/journals.bib']);
    same(['publications/journals.bib', 'no/such/file.yaml', '.git/index']);
  });
});

describe('opening a generated department again after many small edits', () => {
  const root = mkdtempSync(join(tmpdir(), 'vita-incremental-dept-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('every edit gives the graph and diagnostics of a fresh opening', async () => {
    const { generateDepartment } = await import('../../bench/generate.js');
    generateDepartment(root, { people: 30, publications: 600, news: 20, events: 5 });
    const cache = newProjectCache();
    openProject(root, { today: TODAY, cache });
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const edits: ((text: string) => string)[] = [
      // The year (the order), the authors (people's lists), the title (the order among equals), an entry added, one removed.
      (t) => t.replace(/year = \{(\d+)\}/, (_m, y: string) => `year = {${Number(y) + 1 + rnd(5)}}`),
      (t) => t.replace(/author = \{([^}]*)\}/, (_m, a: string) => `author = {${a.split(' and ').reverse().slice(0, 2).join(' and ')}}`),
      (t) => t.replace(/title = \{([^}]*)\}/, (_m, title: string) => `title = {${title} again}`),
      (t) => `@inproceedings{added${rnd(1000)},\n  title = {Added},\n  author = {Lei A. Wu0},\n  booktitle = {X},\n  year = {${1990 + rnd(40)}},\n}\n\n${t}`,
      (t) => t.replace(/@inproceedings\{[^@]*/, ''),
    ];
    for (let step = 0; step < 25; step++) {
      const file = `publications/group-${rnd(20)}.bib`;
      const text = readFileSync(join(root, file), 'utf8');
      // Somewhere in the file: the edit applies to the entry found from a random place on.
      const at = text.indexOf('@inproceedings{', rnd(text.length));
      const from = at < 0 ? 0 : at;
      writeFileSync(join(root, file), text.slice(0, from) + edits[rnd(edits.length)]!(text.slice(from)));
      const again = openProject(root, { today: TODAY, cache, changed: [file] });
      const fresh = openProject(root, { today: TODAY });
      assert.deepEqual(again.diagnostics.list, fresh.diagnostics.list, `diagnostics differ at step ${step}`);
      assert.deepEqual(snapshot(again.graph), snapshot(fresh.graph), `graphs differ at step ${step}`);
    }
  });
});
