// academicpages sites as people keep them: `citation:` lines in APA form or with the title quoted, author lists marked
// with <sup>#</sup>, * and † (what they mean from the site's legend), the owner however abbreviated, publications in
// subfolders (of _publications/, _talks/ and _teaching/), and hand-written _pages/ (talks, students) read for their
// lists; a page of prose carried as a page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markedAuthors, marksFromLegend } from '../../src/import/marked-authors.js';
import { readCitation } from '../../src/import/sources/academicpages.js';
import { countImport, exitStatus } from '../../src/import/report.js';
import { authorsOf, builtSite, cvOf, errorsOf, FIXTURES, pageText, run, tempDir, tree } from './helpers.ts';

const source = `${FIXTURES}/academicpages-site`;

describe('import: an academicpages site written by hand', () => {
  it('reads citations into authors with their roles, the owner linked, and the lists of _pages/', async () => {
    const dir = tempDir();
    const result = await run(source, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);

    assert.deepEqual([...graph.publications.keys()].sort(), ['brandt2021seed', 'lindqvist2022pollinator', 'okafor2024occupancy', 'okafor2025flowering']);
    const pollinator = graph.publications.get('lindqvist2022pollinator')!;
    assert.deepEqual(authorsOf(pollinator), ['S. Lindqvist[equal]', 'C. Okafor[equal]', 'M. Brandt[corresponding]'], 'APA citation, <sup>#</sup> co-first, * corresponding');
    assert.equal(pollinator.title, 'Pollinator networks under warming');
    assert.deepEqual([pollinator.venue?.name, pollinator.venue?.volume, pollinator.venue?.number, pollinator.venue?.pages], ['Ecology Letters', '25', '5', '1101–1114'], 'the numbers from the citation');
    assert.deepEqual(pollinator.people, ['sofia-lindqvist'], '"Lindqvist, S." is the owner');
    const seed = graph.publications.get('brandt2021seed')!;
    assert.deepEqual(authorsOf(seed), ['M. Brandt', 'S. Lindqvist[corresponding]'], 'a quoted title after initials; * is corresponding by the legend');
    assert.deepEqual(seed.people, ['sofia-lindqvist']);
    const occupancy = graph.publications.get('okafor2024occupancy')!;
    assert.deepEqual(authorsOf(occupancy), ['Chidi Okafor[equal]', 'Sofia Lindqvist[equal]', 'Mara Brandt[corresponding]'], '† equal by the legend, the stray period after * gone');

    const flowering = graph.publications.get('okafor2025flowering')!;
    assert.deepEqual(authorsOf(flowering), ['C. Okafor[equal]', 'S. Lindqvist[equal]', 'M. Brandt[corresponding]'], 'a list item of the publications page, read as the citations are');
    assert.deepEqual([flowering.type, flowering.people], ['preprint', ['sofia-lindqvist']]);

    const sofia = graph.people.get('sofia-lindqvist')!;
    assert.deepEqual(
      sofia.talks.map((t) => `${t.date} ${t.title} | ${t.event}`).sort(),
      [
        '2022-06-14 Networks that bend but do not break | Example Ecology Congress',
        '2022-11 Occupancy at scale | Statistical Ecology Workshop',
        '2023-09-20 Networks that bend, networks that break | Ecology Seminar, Example Institute',
        '2024-05 Counting bees with cameras | Nordic Ecology Meeting',
      ],
      'the _talks/ pages (one in a subfolder) and the hand-written _pages/talks.md list',
    );
    assert.deepEqual(sofia.data.teaching?.map((t) => `${t.term} ${t.course}`), ['Fall 2023 BIO 340: Field Ecology'], 'a course in a subfolder of _teaching/');
    assert.deepEqual(sofia.data.mentoring?.map((m) => `${m.person} ${m.level} ${m.start}-${m.end ?? ''} ${m.note ?? ''}${m.next ?? ''}`.trim()), [
      'Jonas Eklund phd 2022-present',
      'Amina Yusuf phd 2023-present co-advised with Mara Brandt',
      'Lea Hoffmann master 2019-2021 PhD at Example University',
    ]);
    assert.deepEqual(sofia.data.education?.map((e) => `${e.degree} ${e.field} ${e.institution}`), ['Ph.D. Ecology Example University', 'B.S. Biology Northern Example College'], "_pages/cv.md, its headings underlined with ===");
    assert.deepEqual(sofia.data.positions?.map((p) => `${p.title}, ${p.organization}`), ['Assistant Professor, Example University']);
    const code = (c: string, file: string) => result.diagnostics.find((d) => d.code === c && d.file === file);
    assert.ok(!code('import/not-carried', '_pages/research.md') && result.plan!.files.some((f) => f.path === 'pages/research.md'), 'a page of prose is carried as a page');
    assert.ok(code('import/generated-page', '_pages/teaching.md'), 'a page made from a collection is said to be read from it');
        assert.deepEqual([code('import/skipped-item', '_pages/talks.md')?.line], [11], 'the undated talk, at its line');

    const talks = countImport(result).find((c) => c.kind === 'talks')!;
    assert.deepEqual([talks.imported, talks.skipped], [4, 1]);

    const site = builtSite(graph);
    const list = pageText(site.get('people/sofia-lindqvist/publications/index.html')!);
    const cv = cvOf(graph, 'sofia-lindqvist');
    for (const p of graph.publications.values()) {
      assert.ok(list.includes(p.title), `"${p.title}" on the publication list`);
      assert.ok(cv.includes(p.title), `"${p.title}" in the CV`);
    }
    const talkPages = [...site.entries()].filter(([path]) => /talks/.test(path)).map(([, html]) => pageText(html)).join(' ');
    for (const t of sofia.talks) assert.ok(talkPages.includes(t.title!) && cv.includes(t.title!), `"${t.title}" on the site and in the CV`);
    assert.match(cv, /Amina Yusuf/);
    assert.match(cv, /Lea Hoffmann/);
    assert.match(cv, /Northern Example College/);

    const before = tree(dir);
    const again = await run(source, dir);
    assert.equal(again.plan!.counts.publications, 0);
    assert.deepEqual(tree(dir), before, 'importing again changes nothing');
  });

  it('reads marked author lists in each of their forms', () => {
    assert.deepEqual(markedAuthors('Osei, K.<sup>#</sup>, Petrova, E.<sup>#</sup>, Moreau, J.*'), [
      { name: 'K. Osei', roles: ['equal'] },
      { name: 'E. Petrova', roles: ['equal'] },
      { name: 'J. Moreau', roles: ['corresponding'] },
    ]);
    assert.deepEqual(authorsOf({ authors: markedAuthors('K. Osei*, E. Petrova*, and J. Moreau') }), ['K. Osei[equal]', 'E. Petrova[equal]', 'J. Moreau'], '* alone: equal');
    assert.deepEqual(authorsOf({ authors: markedAuthors('Petrova E, Osei KA, Moreau J') }), ['E. Petrova', 'K. A. Osei', 'J. Moreau']);
    assert.deepEqual(authorsOf({ authors: markedAuthors('Osei, Kwame and Petrova, Elena* and Moreau, Julien') }), ['Kwame Osei', 'Elena Petrova[equal]', 'Julien Moreau'], 'as BibTeX writes names');
    assert.deepEqual(authorsOf({ authors: markedAuthors('**Elena Petrova**†, Kwame Osei') }), ['Elena Petrova[lead]', 'Kwame Osei']);
    assert.deepEqual([...marksFromLegend('<sup>#</sup> co-first author; \\* corresponding author')], [['#', 'equal'], ['*', 'corresponding']]);
    const cited = readCitation('Petrova, E., & Osei, K. A. (2021). Cell atlases at scale. <i>Genome Research</i>, 31(2), 200-210.');
    assert.deepEqual([authorsOf({ authors: cited.authors! }), cited.parsed?.title, cited.parsed?.year, cited.parsed?.venue?.name], [['E. Petrova', 'K. A. Osei'], 'Cell atlases at scale', 2021, 'Genome Research']);
    assert.deepEqual(cited.numbers, { volume: '31', number: '2', pages: '200–210' });
  });
});
