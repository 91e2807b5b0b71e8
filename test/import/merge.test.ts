// Merging into a project that already has records: what is there is recognised, nothing the user wrote changes, and
// every difference is reported.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { emptyBundle, type ImportedPublication, type PublicationValue } from '../../src/import/bundle.js';
import { mergeBundle } from '../../src/import/merge.js';
import { readProjectState } from '../../src/import/project-state.js';
import { exitStatus, formatReport } from '../../src/import/report.js';
import { errorsOf, FIXTURES, run, tempDir, tree } from './helpers.ts';

function project(files: Record<string, string>): string {
  const dir = tempDir('vita-merge-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const EXISTING = {
  'vita.yaml': 'title: Ana Rivera\nowner: ana-rivera\n',
  'people/ana-rivera.yaml': 'name: Ana Rivera\nemail: ana@example.org\n',
  'publications/mine.bib': `% My own list.
@article{sharp2022,
  author  = {Rivera, Ana and Dupont, Théo and Müller, Jana},
  title   = {Sharp Rates for $L^p$ Regression with Overparameterized Networks},
  journal = {Journal of Machine Learning Research},
  year    = {2022},
  doi     = {10.5555/JMLR.2023.112}
}

@misc{implicit2022,
  author = {Rivera, Ana and Okafor, Kenji},
  title  = {Implicit Bias of Gradient Flow in Shallow Networks},
  year   = {2022},
  eprint = {2204.01234v2},
  archivePrefix = {arXiv}
}

@inproceedings{rivera2020workshop,
  author    = {Rivera, Ana},
  title     = {A Different Paper that Happens to Use the Same Key},
  booktitle = {Some Workshop},
  year      = {2020}
}

@inproceedings{barron2021,
  author    = {Rivera, Ana and Svěrák, Jiří},
  title     = {Minimax Lower Bound for Learning Barron Functions},
  booktitle = {COLT},
  year      = {2021}
}
`,
};

describe('merge into an existing project', () => {
  it('recognises the same paper by DOI, arXiv id and a near-identical title; changes none of the files the user wrote', async () => {
    const dir = project(EXISTING);
    const before = tree(dir);
    const result = await run(`${FIXTURES}/bibtex/publications.bib`, dir);
    assert.equal(exitStatus(result), 0);
    for (const [path, bytes] of before) assert.equal(tree(dir).get(path), bytes, `${path} is unchanged`);
    const merged = new Map(result.merge!.merged.filter((m) => m.file).map((m) => [m.into, m]));
    assert.equal(merged.get('sharp2022')?.how, 'doi', 'DOIs compared without case');
    assert.deepEqual(merged.get('sharp2022')?.conflicts, [{ field: 'year', project: '2022', imported: '2023' }]);
    assert.ok(merged.get('sharp2022')?.missing.includes('venue.volume'));
    assert.ok(merged.get('sharp2022')?.missing.includes('links.code'));
    assert.equal(merged.get('implicit2022')?.how, 'arxiv', 'arXiv ids compared without version');
    assert.equal(merged.get('implicit2022')?.preprintOf, true, 'the project has the preprint of the published paper');
    assert.equal(merged.get('barron2021')?.how, 'similar title');
    assert.equal(result.merge!.renamed.publications.get('rivera2020workshop'), 'rivera2020workshop-2', 'a key taken by another paper');
    const written = result.plan!.files.find((f) => f.path === 'publications/imported-publications.bib')!.content!;
    assert.doesNotMatch(written, /Sharp Rates|Implicit Bias|Barron/);
    assert.match(written, /@inproceedings\{rivera2020workshop-2,/);
    const report = formatReport(result);
    assert.match(report, /year: project "2022", source "2023"/);
    assert.match(report, /preprint of the published paper/);
    const { errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
  });

  it('writes what the source has for a person the project already has apart, under imports/', async () => {
    const dir = project({
      'vita.yaml': 'title: Jonas Weber\nowner: jonas-weber\n',
      'people/jonas-weber.yaml': 'name: Jonas Weber\nemail: jonas.weber@uni-example.de\ninterests: [Optimal transport]\n',
    });
    const before = tree(dir);
    const result = await run(`${FIXTURES}/rendercv/Jonas_Weber_CV.yaml`, dir);
    assert.equal(exitStatus(result), 0);
    assert.equal(tree(dir).get('people/jonas-weber.yaml'), before.get('people/jonas-weber.yaml'));
    const additions = result.plan!.files.find((f) => f.path === 'imports/jonas-weber/people/jonas-weber.yaml')!;
    assert.ok(additions, 'the additions file');
    assert.match(additions.content!, /vita does not read this file/);
    assert.match(additions.content!, /talks:\n {2}- title: Entropic transport at scale/);
    assert.match(additions.content!, /interests:\n {2}- Schrödinger bridges\n {2}- Stochastic control\n/, 'only the interests the project lacks');
    assert.doesNotMatch(additions.content!, /email:/, 'the same email is not an addition');
    // Again: the same additions, the same bytes.
    const after = tree(dir);
    await run(`${FIXTURES}/rendercv/Jonas_Weber_CV.yaml`, dir);
    assert.deepEqual(tree(dir), after);
  });

  it('refuses a folder that is not a project and not empty', async () => {
    const dir = project({ 'notes.txt': 'hello' });
    const result = await run(`${FIXTURES}/bibtex/publications.bib`, dir);
    assert.equal(exitStatus(result), 1);
    assert.match(result.diagnostics[0]!.message, /not a vita project/);
    assert.deepEqual([...tree(dir).keys()], ['notes.txt']);
  });
});

function pub(id: string, title: string, extra: Partial<PublicationValue> = {}, authors = ['Ana Rivera', 'Kenji Okafor']): ImportedPublication {
  return { value: { id, type: 'article', title, authors: authors.map((name) => ({ name, roles: [] })), year: 2022, ...extra }, origin: { file: 'x' } };
}

describe('merge rules', () => {
  const empty = readProjectState(tempDir());

  it('keeps the published version of a preprint, with its arXiv id and the links only the preprint had', () => {
    const bundle = emptyBundle('bibtex', 'x');
    bundle.publications.push(
      pub('pre', 'Deep Sets of Things', { type: 'preprint', arxiv: '2101.00001', links: { code: 'https://github.com/a/b' } }),
      pub('pub', 'Deep sets of things.', { type: 'conference', venue: { name: 'ICML' } }),
    );
    const plan = mergeBundle(bundle, empty);
    assert.deepEqual(plan.publications.map((p) => p.value.id), ['pub']);
    assert.equal(plan.publications[0]!.value.arxiv, '2101.00001');
    assert.equal(plan.publications[0]!.value.links?.code, 'https://github.com/a/b');
    assert.equal(plan.renamed.publications.get('pre'), 'pub');
  });

  it('does not take "Part I" and "Part II", or different first authors, for the same paper', () => {
    const bundle = emptyBundle('bibtex', 'x');
    bundle.publications.push(
      pub('a', 'A Theory of Learning with Kernels, Part I'),
      pub('b', 'A Theory of Learning with Kernels, Part II'),
      pub('c', 'A Theory of Learning with Kernels, Part I', {}, ['Wei Chen', 'Ana Rivera']),
    );
    assert.deepEqual(mergeBundle(bundle, empty).publications.map((p) => p.value.id), ['a', 'b', 'c']);
  });

  it('matches a publication without co-authors (JSON Resume) on its title alone', () => {
    const bundle = emptyBundle('json-resume', 'x');
    bundle.publications.push(pub('full', 'Sparse Recovery at Scale'), { ...pub('resume', 'Sparse recovery at scale', { etal: true }, ['Kenji Okafor']), authorsUnknown: true });
    assert.deepEqual(mergeBundle(bundle, empty).publications.map((p) => p.value.id), ['full']);
  });

  it('gives generated keys that collide distinct ids', () => {
    const bundle = emptyBundle('markdown-cv', 'x');
    bundle.publications.push(pub('rivera2022sparse', 'Sparse Coding'), pub('rivera2022sparse', 'Sparse Models of Vision'));
    assert.deepEqual(mergeBundle(bundle, empty).publications.map((p) => p.value.id), ['rivera2022sparse', 'rivera2022sparse-2']);
  });
});

describe('seminar events of a bundle', () => {
  it('are written as a series and its events that the project reads, once', async () => {
    const { planFiles, applyPlan } = await import('../../src/import/write.js');
    const dir = project({ 'vita.yaml': 'title: Group\n' });
    const bundle = emptyBundle('bibtex', 'x');
    bundle.events.push({
      series: 'theory-seminar',
      seriesValue: { name: 'Theory Seminar', host: { name: 'Example University' }, timezone: 'Europe/Berlin', duration: 60 },
      id: '2025-03-14-ana-rivera',
      value: { title: 'Sharp rates', speaker: { name: 'Ana Rivera', affiliation: 'Example University' }, start: '2025-03-14 16:00', status: 'scheduled' },
      origin: { file: 'x' },
    });
    const write = () => {
      const state = readProjectState(dir);
      const merge = mergeBundle(bundle, state);
      const plan = planFiles(bundle, merge, state, 'x');
      applyPlan(dir, plan);
      return plan;
    };
    assert.deepEqual(write().files.map((f) => f.path), ['seminars/theory-seminar/series.yaml', 'seminars/theory-seminar/2025-03-14-ana-rivera.yaml']);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    assert.equal(graph.events.size, 1);
    assert.deepEqual(write().files, [], 'the second time the event is recognised');
  });
});

describe('al-folio CV variants', () => {
  it('reads assets/json/resume.json, and leaves the demo resume out', async () => {
    const resume = (name: string) => JSON.stringify({ basics: { name, label: 'Professor' }, work: [{ name: 'Example University', position: 'Professor', startDate: '2020-01' }] });
    const real = project({
      '_config.yml': 'first_name: Ana\nlast_name: Rivera\n',
      '_bibliography/papers.bib': '---\n---\n@article{einstein1905movement, title={Un the movement}, author={Einstein, A.}, journal={Ann. Phys.}, year={1905}}\n',
      'assets/json/resume.json': resume('Ana Rivera'),
    });
    const into = tempDir();
    const result = await run(real, into);
    assert.equal(exitStatus(result), 0);
    const { graph } = errorsOf(into);
    assert.equal(graph.people.get('ana-rivera')?.data.positions?.[0]?.organization, 'Example University');
    assert.equal(graph.publications.size, 0, "the demo paper is left out");
    const demo = project({ '_config.yml': 'first_name: You\nlast_name: Name\n', '_news/a.md': '---\ndate: 2024-01-01\n---\nHello.\n', 'assets/json/resume.json': resume('Albert Einstein') });
    const r2 = await run(demo, tempDir(), { dryRun: true });
    assert.ok(r2.diagnostics.some((d) => d.code === 'import/demo-content' && d.file === 'assets/json/resume.json'));
    assert.equal(r2.bundle!.people.length, 0);
  });
});
