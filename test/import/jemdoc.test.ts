// jemdoc sites as people write them: publications title first ([url Title], authors and venue on the lines below,
// or `- [url Title], Authors, Venue, Year`), a legend that is not a paper, `==Name` titles, a line of profile links,
// group lines with dates, notes and destinations, Recruiting and Vision sections, a course page. Each item is found
// where it belongs on the built site and in the CV.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jemdocToMarkdown } from '../../src/import/sources/jemdoc.js';
import { titleFirstCitation } from '../../src/import/citation.js';
import { countImport, exitStatus } from '../../src/import/report.js';
import { authorsOf, builtSite, cvOf, errorsOf, FIXTURES, pageText, run, tempDir, tree } from './helpers.ts';

const source = `${FIXTURES}/jemdoc-site`;

describe('import: a jemdoc site written title first', () => {
  it('reads every paper, the profile links, the group, Recruiting, Vision and the course, and builds them', async () => {
    const dir = tempDir();
    const result = await run(source, dir);
    assert.equal(exitStatus(result), 0);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity !== 'info'), [], 'no warning: the legend is not a paper');
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);

    const papers = [...graph.publications.values()].map((p) => `${p.id} ${p.type} ${p.year} ${p.venue?.short ?? p.venue?.name ?? ''}`.trim()).sort();
    assert.deepEqual(papers, [
      'demir2022how conference 2022 NeurIPS',
      'ferreira2023minimax article 2023 Bernoulli',
      'menon2024scaling preprint 2024',
      'sato2021stochastic conference 2021 COLT',
      'varga2023sharpness conference 2023 ICML',
      'varga2024implicit article 2024 Annals of Statistics',
    ]);
    const implicit = graph.publications.get('varga2024implicit')!;
    assert.deepEqual(authorsOf(implicit), ['Tomas Varga', 'Hana Sato[equal]', 'Ravi Menon[equal]']);
    assert.equal(implicit.doi, '10.1214/24-AOS2401');
    assert.equal(implicit.url, undefined, 'the title link was the DOI');
    assert.equal(graph.publications.get('ferreira2023minimax')!.alphabetical, true);
    assert.equal(graph.publications.get('ferreira2023minimax')!.arxiv, '2302.04567');
    assert.equal(graph.publications.get('ferreira2023minimax')!.links?.pdf, 'assets/papers/heavy-tails.pdf');
    assert.deepEqual(authorsOf(graph.publications.get('varga2023sharpness')!), ['Tomas Varga[corresponding]', 'Yusuf Demir'], 'the legend says # is the corresponding author');
    assert.equal(graph.publications.get('varga2023sharpness')!.links?.code, 'https://github.com/tvarga-lab/sam-saddles');
    assert.deepEqual(authorsOf(graph.publications.get('demir2022how')!), ['Yusuf Demir', 'Tomas Varga']);
    assert.equal(graph.publications.get('menon2024scaling')!.arxiv, '2409.08888');

    const tomas = graph.people.get('tomas-varga')!;
    assert.equal(tomas.name, 'Tomas Varga', '==Name is the name');
    assert.deepEqual(tomas.data.affiliations?.map((a) => a.name), ['Department of Statistics'], 'the profile links are not an affiliation');
    assert.deepEqual(tomas.data.links, {
      scholar: 'https://scholar.google.com/citations?user=AbCdEf0AAAAJ',
      github: 'https://github.com/tvarga-lab',
      orcid: 'https://orcid.org/0000-0002-1825-0097',
    });
    assert.deepEqual(tomas.data.mentoring?.map((m) => [m.person, m.level, m.start, m.end, m.note ?? '', m.next ?? '']), [
      ['Yusuf Demir', 'phd', '2022', 'present', '', ''],
      ['Ravi Menon', 'phd', '2021', 'present', 'co-advised with Lucia Ferreira', ''],
      ['Hana Sato', 'phd', '2019', '2024', '', 'Postdoc at Example Institute of Technology'],
      ['Marek Novak', 'visitor', '2020', '2021', '', 'PhD at Lakeside University'],
    ]);
    assert.match(tomas.sections.recruiting!.text, /PhD students/);
    assert.match(tomas.sections.vision!.text, /implicit regularisation/);
    assert.deepEqual(tomas.data.teaching?.map((t) => `${t.term} ${t.role} ${t.course}`), ['Fall 2024 instructor MA 305: Mathematical Statistics']);
    assert.ok(result.diagnostics.some((d) => d.code === 'import/not-carried' && d.file === 'teaching/ma305.jemdoc' && /Syllabus, Schedule/.test(d.message)), 'the course page text is reported');

    // Every item is counted: 6 papers new, none skipped.
    const pubs = countImport(result).find((c) => c.kind === 'publications')!;
    assert.deepEqual([pubs.imported, pubs.skipped], [6, 0]);

    const site = builtSite(graph);
    const home = pageText(site.get('index.html')!);
    const list = pageText(site.get('people/tomas-varga/publications/index.html')!);
    const cv = cvOf(graph, 'tomas-varga');
    for (const p of graph.publications.values()) {
      assert.ok(list.includes(p.title), `"${p.title}" on the publication list`);
      assert.ok(site.has(`publications/${p.id}/index.html`), `${p.id} has its page`);
      assert.ok(cv.includes(p.title), `"${p.title}" in the CV`);
    }
    assert.match(home, /looking for PhD students/, 'Recruiting on the homepage');
    assert.match(home, /implicit regularisation/, 'Vision on the homepage');
    assert.match(site.get('index.html')!, /https:\/\/github\.com\/tvarga-lab/);
    assert.match(pageText(site.get('people/tomas-varga/teaching/index.html')!), /MA 305: Mathematical Statistics/);
    assert.match(cv, /Fall 2024 \*\*Instructor\*\*, \*MA 305: Mathematical Statistics\*/);
    assert.match(cv, /Hana Sato \(2019–2024; now Postdoc at Example Institute of Technology\)/);
    assert.match(cv, /\[GitHub\]\(https:\/\/github\.com\/tvarga-lab\)/);

    const before = tree(dir);
    const again = await run(source, dir);
    assert.equal(again.plan!.counts.publications, 0);
    assert.deepEqual(tree(dir), before, 'importing again changes nothing');
  });

  it('reads a title-first entry in each of its layouts, and leaves other lines alone', () => {
    assert.equal(
      titleFirstCitation('[A long enough title](https://x.org/p)\nAna Ruiz, Bo Li\n*Some Journal*, 2020.'),
      'Ana Ruiz, Bo Li. [*A long enough title*](https://x.org/p). *Some Journal*, 2020.',
    );
    assert.equal(
      titleFirstCitation('[A long enough title](https://x.org/p), Ana Ruiz, Bo Li, Physical Review Letters, 2020'),
      'Ana Ruiz, Bo Li. [*A long enough title*](https://x.org/p). Physical Review Letters, 2020',
      'a venue of capitalised words is not an author',
    );
    assert.equal(titleFirstCitation('**Another long title here**\nAna Ruiz and Bo Li\nICML 2021'), 'Ana Ruiz and Bo Li. *Another long title here*. ICML 2021');
    assert.equal(titleFirstCitation('Ana Ruiz, Bo Li. A title. Journal, 2020.'), undefined, 'authors first: as it was');
    assert.equal(titleFirstCitation('[Department of Mathematics](https://x.org/)\nExample University'), undefined, 'a link and a line that is not names');
    assert.equal(titleFirstCitation('[pdf](https://x.org/a.pdf)\nAna Ruiz'), undefined, 'a tag link is not a title');
  });

  it('reads headings at any level, the first one the page title', () => {
    const home = jemdocToMarkdown('==Ana Ruiz\n\n==About\ntext\n===More\n', 0).map((l) => l.text).filter((t) => t.startsWith('#'));
    assert.deepEqual(home, ['# Ana Ruiz', '## About', '### More']);
    const page = jemdocToMarkdown('=Papers\n=== 2024\n==== Spring\n', 1).map((l) => l.text).filter((t) => t.startsWith('#'));
    assert.deepEqual(page, ['## Papers', '### 2024', '#### Spring']);
    const untitled = jemdocToMarkdown('# jemdoc: title{Talks}\n== 2024\n', 1, 'Talks').map((l) => l.text).filter((t) => t.startsWith('#'));
    assert.deepEqual(untitled, ['## Talks', '### 2024'], 'title{} names the page; its first heading is a section');
  });
});
