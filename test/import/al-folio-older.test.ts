// An al-folio site as older and half-finished sites are: `name:` in _config.yml, a url without its scheme, a leftover
// template comment above a real biography, template co-authors beside real ones, `published: false` news and courses,
// `equal = {12}`, talks in the bibliography, preprints marked only by their venue or an arXiv PDF, news whose text
// starts with markup. Each item is found where it belongs on the built site and in the CV, and the report's counts
// account for every one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countImport, exitStatus } from '../../src/import/report.js';
import { authorsOf, builtSite, cvOf, errorsOf, FIXTURES, pageText, run, tempDir, tree } from './helpers.ts';

const source = `${FIXTURES}/al-folio-older`;

describe('import: an older, half-finished al-folio site', () => {
  it('reads the owner, papers, preprints, talks, news and courses, and builds them', async () => {
    const dir = tempDir();
    const result = await run(source, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'load/bibtex-author-position'), [], 'equal = {12} is not "author 12"');

    // The owner from `name:`; the url given its scheme.
    assert.equal(graph.config.owner, 'ama-osei-bonsu');
    const ama = graph.people.get('ama-osei-bonsu')!;
    assert.equal(ama.data.homepage, 'https://amaosei.example.io/');
    assert.ok(result.diagnostics.some((d) => d.code === 'import/url-fixed' && d.file === '_config.yml'));
    // The subtitle's role, and where, each told once.
    assert.equal(ama.data.title, 'Assistant Professor');
    assert.deepEqual(ama.data.affiliations, [{ name: 'Department of Computing', url: 'https://cs.example.edu/' }]);
    // The biography is the owner's, the template comment above it is not.
    assert.match(ama.sections.about!.text, /verification of reasoning/);
    assert.doesNotMatch(ama.sections.about!.text, /Write your biography|remember to update/);
    assert.match(ama.sections.about!.text, /Institute for Formal Methods/);
    assert.ok(!result.diagnostics.some((d) => /placeholder; it was left out/.test(d.message)));

    // The CV the owner filled in: her entries kept, the two of Einstein's left behind in it left out.
    assert.deepEqual(ama.data.education?.map((e) => `${e.degree} | ${e.field} | ${e.institution}`), ['PhD | Computer Science | University of Example, Kumasi, Ghana']);
    assert.deepEqual(ama.data.positions?.map((p) => `${p.title} ${p.start}-${p.end}`), ['Assistant Professor 2023-present']);
    assert.match(result.diagnostics.find((d) => d.file === '_data/cv.yml' && d.code === 'import/demo-content')!.message, /2 of al-folio's demo CV entries/);

    // Co-authors: the real ones kept (a real Rosen too), the template's left out one by one.
    assert.deepEqual([...graph.people.keys()].sort(), ['ama-osei-bonsu', 'kwabena-mensah', 'leah-rosen']);
    assert.match(result.diagnostics.find((d) => d.file === '_data/coauthors.yml' && d.code === 'import/demo-content')!.message, /Edwin Adams, Nathan Rosen, Albert Einstein/);

    // Papers: equal = {12} read as authors 1 and 2; three preprints with their arXiv ids where they have one.
    const papers = [...graph.publications.values()].map((p) => `${p.id} ${p.type} ${p.arxiv ?? '-'}`).sort();
    assert.deepEqual(papers, ['mensah2025twi preprint -', 'osei2024checking conference -', 'osei2025probing preprint 2502.01234', 'rosen2023bounds preprint 2309.05678']);
    assert.deepEqual(authorsOf(graph.publications.get('osei2024checking')!), ['Ama Osei-Bonsu[equal]', 'Kwabena Mensah[equal]', 'Leah Rosen']);
    assert.equal(graph.publications.get('osei2025probing')!.venue?.name, undefined, 'the arXiv "booktitle" is not a venue');

    // Talks: talk = {true} in papers.bib and every entry of talks.bib; none is a publication.
    assert.deepEqual(ama.talks.map((t) => `${t.date} ${t.event}${(t as { invited?: boolean }).invited ? ' (invited)' : ''}${t.place ? `, ${t.place}` : ''}`), [
      '2024-05 Workshop on Trustworthy Language Technology (invited), Accra, Ghana',
      '2023-10 Formal Methods Seminar, Institute for Formal Methods',
      '2022 Language Resources Meeting (invited)',
    ]);
    assert.equal(ama.talks[0]!.slides, 'https://amaosei.example.io/slides/keynote.pdf');

    // News and courses: what is `published: false` is left out and said so.
    assert.deepEqual(graph.news.map((n) => n.date).sort(), ['2024-09-01', '2025-03-02']);
    assert.deepEqual(ama.data.teaching?.map((t) => `${t.term} ${t.course}`), ['Fall 2024 Formal Methods for Machine Learning']);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'import/unpublished').map((d) => d.file).sort(), ['_news/announcement_2.md', '_teachings/old-course.md']);
    // News slugs from the words, never the markup.
    const slugs = result.plan!.files.filter((f) => f.path.startsWith('news/')).map((f) => f.path).sort();
    assert.deepEqual(slugs, ['news/2024-09-01-joined-the-department-of-computing-as.md', 'news/2025-03-02-two-papers-accepted-at-the-verified.md']);

    // Every item accounted for: 7 BibTeX entries (4 papers, 3 talks), 3 news (1 unpublished), 2 courses (1 unpublished).
    const counts = Object.fromEntries(countImport(result).map((c) => [c.kind, [c.imported, c.skipped, c.why.map((w) => w.why).join('; ')]]));
    assert.deepEqual(counts.publications, [4, 0, '']);
    assert.deepEqual(counts.talks, [3, 0, '']);
    assert.deepEqual(counts.news, [2, 1, 'not published (published: false)']);
    assert.deepEqual(counts.teaching, [1, 1, 'not published (published: false)']);

    // Where each shows: publication list and pages, talks and teaching pages, the CV.
    const site = builtSite(graph);
    const list = pageText(site.get('people/ama-osei-bonsu/publications/index.html')!);
    const cv = cvOf(graph, 'ama-osei-bonsu');
    for (const p of graph.publications.values()) {
      assert.ok(list.includes(p.title), `"${p.title}" on the publication list`);
      assert.ok(cv.includes(p.title), `"${p.title}" in the CV`);
    }
    assert.ok(!list.includes('What a Verifier Can Promise'), 'a talk is not a publication');
    const talks = pageText(site.get('people/ama-osei-bonsu/talks/index.html')!);
    for (const t of ['What a Verifier Can Promise', 'Proof-Checked Reasoning for Everyone', 'Languages Left Behind']) {
      assert.ok(talks.includes(t), `"${t}" on the talks page`);
      assert.ok(cv.includes(t), `"${t}" in the CV`);
    }
    assert.match(pageText(site.get('people/ama-osei-bonsu/teaching/index.html')!), /Formal Methods for Machine Learning/);
    assert.doesNotMatch([...site.values()].join('\n'), /Logic for Computing|lab's new website|Albert Einstein/);
    assert.match(pageText(site.get('index.html')!), /verification of reasoning/);

    const before = tree(dir);
    const again = await run(source, dir);
    assert.equal(again.plan!.counts.publications, 0);
    assert.deepEqual(tree(dir), before, 'importing again changes nothing');
  });
});
