// Merging that does not merge different works: a thesis and its article, editions of a book, errata of different
// years, a DOI shared by mistake stay apart; two records of one paper become one with the better-formed fields; a
// re-import after the user edited a title recognises the paper by key; a shortened title from a CV is recognised.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exitStatus, formatReport } from '../../src/import/report.js';
import { authorsOf, errorsOf, FIXTURES, run, tempDir, tree } from './helpers.ts';

describe('import merge: different works stay apart', () => {
  it('keeps the thesis, both editions, both errata and both shared-DOI papers; merges the two records of one paper', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/merge/works.bib`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual([...graph.publications.keys()].sort(), [
      'bakare2020other',
      'DBLP:journals-jmlr-SokolovN23',
      'fischer2020shared',
      'lin2021thesis',
      'lin2022adaptive',
      'nwosu2019erratum',
      'nwosu2021erratum',
      'okafor2015numerical',
      'okafor2021numerical',
    ].sort());
    const shared = result.diagnostics.find((d) => d.code === 'import/shared-doi')!;
    assert.match(shared.message, /bakare2020other.*fischer2020shared.*both are kept/);
    // One paper, two records: the DOI joins them, and the better-formed title, names and venue win.
    const merged = graph.publications.get('DBLP:journals-jmlr-SokolovN23')!;
    assert.equal(merged.title, 'Preconditioned Langevin Dynamics for Sparse Regression');
    assert.deepEqual(authorsOf(merged), ['Pavel Sokolov', 'Amara Nwosu']);
    assert.equal(merged.venue?.name, 'Journal of Machine Learning Research');
    assert.equal(merged.url, 'https://jmlr.example.org/papers/v24/117.html');
    const pubs = countsOf(result);
    assert.deepEqual(pubs, { imported: 9, duplicates: 1 });
  });
});

describe('import merge: recognising the same paper again', () => {
  it('a re-import after the user edited a title finds the paper by its key and reports the difference', async () => {
    const dir = tempDir();
    await run(`${FIXTURES}/merge/works.bib`, dir);
    const file = join(dir, 'publications/imported-works.bib');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/title\s*=\s*\{Adaptive Samplers for \{Bayesian\} Inverse Problems\}/, 'title = {Adaptive MCMC Samplers for Bayesian Inverse Problems}'));
    assert.match(readFileSync(file, 'utf8'), /Adaptive MCMC Samplers/);
    const before = tree(dir);
    const again = await run(`${FIXTURES}/merge/works.bib`, dir);
    assert.equal(exitStatus(again), 0);
    assert.equal(again.plan!.counts.publications, 0, 'no copy added');
    const m = again.merge!.merged.find((x) => x.into === 'lin2022adaptive')!;
    assert.equal(m.how, 'key');
    assert.deepEqual(m.conflicts.map((c) => c.field), ['title']);
    assert.match(formatReport(again), /title: project "Adaptive MCMC Samplers for Bayesian Inverse Problems", source "Adaptive Samplers for Bayesian Inverse Problems"/);
    assert.deepEqual(tree(dir), before);
  });

  it('a JSON Resume after the al-folio site recognises its shortened titles by year and venue', async () => {
    const dir = tempDir();
    await run(`${FIXTURES}/al-folio`, dir);
    const result = await run(`${FIXTURES}/merge/resume-short.json`, dir);
    assert.equal(exitStatus(result), 0);
    const m = result.merge!.merged.find((x) => x.kind === 'publication' && x.file)!;
    assert.equal(m.how, 'abbreviated title');
    assert.equal(m.into, 'kovac2023certified');
    assert.equal(result.plan!.counts.publications, 1, 'the other title is another paper');
  });
});

function countsOf(result: Awaited<ReturnType<typeof run>>) {
  const merged = result.merge!.merged.filter((m) => m.kind === 'publication');
  return { imported: result.plan!.counts.publications, duplicates: merged.filter((m) => m.file === undefined).length };
}

