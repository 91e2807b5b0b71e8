/**
 * A rebuild's hint of which pages show an edited paper (write/edited-papers.ts), on a copy of the example: only the
 * papers of record files written since the last build are digested, and only those whose data changed, or that are
 * new, are named.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject } from '../../src/index.js';
import { publicationSlugs } from '../../src/render/site/context.js';
import { factValues } from '../../src/render/site/reads.js';
import { editedPaperPages, type LastBuild } from '../../src/write/edited-papers.js';

describe('the pages of edited papers, for a rebuild\'s order', () => {
  let dir: string;
  let project: string;
  let last: LastBuild;
  const journals = () => join(project, 'publications', 'journals.bib');
  const files = ['index.html', 'publications/ma2022beyond/index.html', 'people/lei-wu/publications/ma2022beyond/index.html', 'publications/wu2022spectral/index.html', 'publications/new2026paper/index.html'];
  const hint = () => {
    const { graph } = openProject(project);
    const slugs = publicationSlugs(graph);
    return editedPaperPages(graph, files, last, factValues(graph, slugs, new Date(0)), slugs);
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vita-edited-papers-'));
    project = join(dir, 'project');
    cpSync('examples/pku-group', project, { recursive: true, filter: (src) => !src.includes('_site') && !src.includes('.vita-cache') });
    const { graph } = openProject(project);
    const value = factValues(graph, publicationSlugs(graph), new Date(0));
    // The last build: every paper's fact, noted a minute after the record's files were written.
    const since = Date.now() + 60_000;
    last = { facts: [...graph.publications.keys()].map((key) => [`pub:${key}`, value(`pub:${key}`)] as const), since };
    // A file written before the last build is not looked at, whatever it holds.
    for (const bib of ['conferences.bib', 'journals.bib', 'preprints.bib']) utimesSync(join(project, 'publications', bib), new Date(since - 120_000), new Date(since - 120_000));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names none when no record file was written since', () => {
    assert.equal(hint(), undefined);
  });

  it('names the pages of an edited paper, its own and a person\'s site\'s, and not those of the other papers of its file', () => {
    const text = readFileSync(journals(), 'utf8');
    writeFileSync(journals(), text.replace('title    = {Beyond the quadratic', 'title    = {Far beyond the quadratic'));
    utimesSync(journals(), new Date(last.since + 1000), new Date(last.since + 1000));
    assert.deepEqual(hint(), [false, true, true, false, false]);
  });

  it('names a paper the last build did not know', () => {
    const text = readFileSync(journals(), 'utf8');
    writeFileSync(journals(), `${text}\n@article{new2026paper,\n  title = {A new paper},\n  author = {Wu, Lei},\n  journal = {Journal},\n  year = {2026}\n}\n`);
    utimesSync(journals(), new Date(last.since + 2000), new Date(last.since + 2000));
    assert.deepEqual(hint(), [false, true, true, false, true]);
  });
});
