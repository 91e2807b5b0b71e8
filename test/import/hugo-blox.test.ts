// Hugo Blox sites as Hugo builds them: front matter with quoted values continued at column 0 (read as Hugo reads it,
// with a warning), cite.bib filling what the front matter lacks, author_notes as roles ("Equal contribution",
// "Corresponding author") and as the list's order ("Alphabetical Ordering"), talks listed by hand in section pages,
// and a folder of content/authors/ that is not a person. Each item is found on the built site and in the CV.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hugoFrontMatter, indentQuotedContinuations } from '../../src/import/lenient-yaml.js';
import { countImport, exitStatus } from '../../src/import/report.js';
import { rolesFromNote } from '../../src/import/sources/hugo-blox.js';
import { authorsOf, builtSite, cvOf, errorsOf, FIXTURES, pageText, run, tempDir, tree } from './helpers.ts';

const source = `${FIXTURES}/hugo-blox-site`;

describe('import: a Hugo Blox site as Hugo builds it', () => {
  it('reads lenient front matter, cite.bib, author notes, listed talks; a section folder is not a person', async () => {
    const dir = tempDir();
    const result = await run(source, dir);
    assert.equal(exitStatus(result), 0);
    const lenient = result.diagnostics.filter((d) => d.code === 'import/yaml-lenient').map((d) => `${d.file}:${d.line}`);
    assert.deepEqual(lenient, ['content/authors/admin/_index.md:5', 'content/publication/glacier-flow/index.md:3', 'content/event/agu-2023/index.md:3']);
    assert.ok(!result.diagnostics.some((d) => d.code === 'import/yaml-syntax'), 'nothing Hugo builds is refused');
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);

    assert.deepEqual([...graph.people.keys()].sort(), ['ingrid-halvorsen', 'tomas-berg'], 'content/authors/news/ is not a person');
    assert.ok(result.diagnostics.some((d) => d.code === 'import/not-a-person' && d.file === 'content/authors/news/_index.md'));
    const ingrid = graph.people.get('ingrid-halvorsen')!;
    assert.equal(graph.config.owner, 'ingrid-halvorsen');
    assert.equal(ingrid.data.bio, 'I study how glaciers slide over their beds and what that means for sea level.', 'the continued bio whole');

    const basal = graph.publications.get('halvorsen2023basal')!;
    assert.equal(basal.title, 'Basal sliding laws for temperate glaciers: a field test on three outlet glaciers');
    assert.deepEqual(authorsOf(basal), ['Ingrid Halvorsen[equal]', 'Tomas Berg[equal]', 'Ana Costa[corresponding]']);
    assert.match(basal.abstract ?? '', /outlet glaciers, and find that a regularised Coulomb law fits best\.$/);
    assert.deepEqual([basal.venue?.volume, basal.venue?.number, basal.venue?.pages, basal.doi], ['69', '275', '512–528', '10.1017/jog.2023.0042'], 'from cite.bib');

    const bayes = graph.publications.get('berg2022bayesian')!;
    assert.equal(bayes.alphabetical, true, 'Alphabetical Ordering is the order of the list');
    assert.deepEqual(authorsOf(bayes), ['Tomas Berg', 'Ingrid Halvorsen', 'Lin Wei'], 'no author role from it');
    assert.equal(bayes.type, 'conference');
    assert.deepEqual([bayes.venue?.name, bayes.doi], ['Proceedings of the Example Conference on Computational Geoscience', '10.5555/ecg.2022.101'], 'the venue and DOI the front matter lacks, from cite.bib');

    const moraine = graph.publications.get('costa2021moraine')!;
    assert.equal(moraine.title, 'Moraine ages from cosmogenic nuclides in a small Example valley', 'a page with no title: its cite.bib');
    assert.deepEqual(authorsOf(moraine), ['Ana Costa', 'Ingrid Halvorsen[corresponding]'], 'the notes hold for the authors of cite.bib');
    assert.equal(moraine.type, 'article');
    assert.equal(moraine.month, 3, 'the month from the front matter');

    assert.deepEqual(
      ingrid.talks.map((t) => `${t.date} ${t.title} | ${t.event} | ${t.place ?? ''}`).sort(),
      [
        '2021-10-05 Bayesian glaciology | Nordic Ice Workshop | Tromsø, Norway',
        '2022-06 Inverse problems on ice | Summer School on Glaciology | Karthaus, Italy',
        '2023-04 Glacier beds seen by radar | Polar Science Day | Bergen, Norway',
        '2023-12-12 How fast can a glacier slide? Evidence from three outlet glaciers | AGU Fall Meeting 2023 | San Francisco, USA',
        '2024-03 Sliding laws under warming | Geophysics Colloquium | University of Example, Oslo',
      ],
      'the event page, the talks section list, the About page list under "Invited talks" (not Service) and the landing page\'s Markdown block "Recent talks" (not its Service block)',
    );
    const undated = result.diagnostics.find((d) => d.code === 'import/skipped-item')!;
    assert.deepEqual([undated.file, undated.line], ['content/talks/_index.md', 9]);

    const talks = countImport(result).find((c) => c.kind === 'talks')!;
    assert.deepEqual([talks.imported, talks.skipped, talks.why], [5, 1, [{ why: 'no date', count: 1 }]]);
    const pubs = countImport(result).find((c) => c.kind === 'publications')!;
    assert.deepEqual([pubs.imported, pubs.skipped], [3, 0]);

    const site = builtSite(graph);
    const list = pageText(site.get('people/ingrid-halvorsen/publications/index.html')!);
    const cv = cvOf(graph, 'ingrid-halvorsen');
    for (const p of graph.publications.values()) {
      assert.ok(list.includes(p.title), `"${p.title}" on the publication list`);
      assert.ok(site.has(`publications/${p.id}/index.html`), `${p.id} has its page`);
      assert.ok(cv.includes(p.title), `"${p.title}" in the CV`);
    }
    const talkPage = [...site.entries()].filter(([path]) => /talks/.test(path)).map(([, html]) => pageText(html)).join(' ');
    for (const t of ingrid.talks) {
      assert.ok(talkPage.includes(t.title!), `"${t.title}" on a talks page`);
      assert.ok(cv.includes(t.title!), `"${t.title}" in the CV`);
    }
    assert.ok(!site.has('people/news/index.html'));

    const before = tree(dir);
    const again = await run(source, dir);
    assert.equal(again.plan!.counts.publications, 0);
    assert.deepEqual(tree(dir), before, 'importing again changes nothing');
  });

  it('indents only the continuation lines of a quoted value, and leaves strict YAML alone', () => {
    assert.deepEqual(indentQuotedContinuations('title: "A long\ntitle"\nx: 1'), { text: 'title: "A long\n  title"\nx: 1', lines: [2] });
    assert.deepEqual(indentQuotedContinuations("a:\n  b: 'It''s\n  long'\n- \"x\ny\""), { text: "a:\n  b: 'It''s\n    long'\n- \"x\n    y\"", lines: [3, 5] });
    assert.equal(indentQuotedContinuations('title: "one line"\nabstract: "escaped \\" quote"\nnote: it\'s fine'), undefined);
    const notes = { notes: [] as never[] };
    const doc = hugoFrontMatter('---\ntitle: "A\nB"\n---\nbody\n', 'p.md', notes);
    assert.equal(doc.data.title, 'A B');
    assert.equal(doc.body, 'body\n');
    const broken = { notes: [] as { code: string }[] };
    hugoFrontMatter('---\nauthors: [a, b\ntitle: x\n---\n', 'q.md', broken as never);
    assert.deepEqual(broken.notes.map((n) => n.code), ['import/yaml-syntax'], 'what Hugo would refuse too is still an error');
  });
});

describe('import: Hugo TOML front matter', () => {
  it('reads multi-line strings and arrays, and the body starts where it did', () => {
    const notes = { notes: [] as never[] };
    const text = '+++\ntitle = "Ice"\nabstract = """First line\nsecond line"""\nauthors = [\n  "admin",\n  "Tomas Berg",\n]\n+++\nBody\n';
    const doc = hugoFrontMatter(text, 'p.md', notes);
    assert.deepEqual(doc.data, { title: 'Ice', abstract: 'First line\nsecond line', authors: ['admin', 'Tomas Berg'] });
    assert.equal(doc.body, 'Body\n');
    assert.equal(doc.bodyLine, 10);
  });
});

describe('import: Hugo Blox author notes', () => {
  it('reads each note as the role it names', () => {
    const cases = ['Equal contribution', 'Co-first author', 'Corresponding author', 'Equal advising', 'Co-senior author', 'Project lead', 'Alphabetical Ordering', ''];
    assert.deepEqual(cases.map((c) => rolesFromNote(c).join(',')), ['equal', 'equal', 'corresponding', 'lead', 'lead', 'lead', '', '']);
  });
});
