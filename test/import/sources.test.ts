// Each source kind: its fixture imported into a fresh folder opens without errors, holds every publication, news item
// and talk of the fixture with author roles, and importing it a second time changes nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exitStatus } from '../../src/import/report.js';
import type { ImportResult } from '../../src/import/index.js';
import type { Graph } from '../../src/resolve/graph.js';
import { authorsOf, errorsOf, FIXTURES, run, tempDir, tree } from './helpers.ts';

interface Imported {
  dir: string;
  result: ImportResult;
  graph: Graph;
}

async function importFixture(source: string): Promise<Imported> {
  const dir = tempDir();
  const result = await run(source, dir);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), [], 'the import reports no error');
  assert.deepEqual(result.check, [], 'what it wrote checks');
  assert.equal(exitStatus(result), 0);
  const { graph, errors } = errorsOf(dir);
  assert.deepEqual(errors, [], 'the project opens without errors');
  return { dir, result, graph };
}

/** Every publication, news item and talk of the source is in the graph. */
function assertComplete({ result, graph }: Imported): void {
  const bundle = result.bundle!;
  const renamed = result.merge!.renamed;
  for (const pub of bundle.publications) {
    const id = renamed.publications.get(pub.value.id) ?? pub.value.id;
    assert.ok(graph.publications.has(id), `publication ${id} is in the graph`);
  }
  assert.equal(graph.news.length, bundle.news.length, 'every news item');
  for (const item of bundle.news) assert.ok(graph.news.some((n) => n.date === item.value.date), `news of ${item.value.date}`);
  for (const talk of bundle.talks) {
    const person = graph.people.get(renamed.people.get(talk.person) ?? talk.person);
    assert.ok(person, `the speaker ${talk.person} is a person`);
    assert.ok(person.talks.some((t) => t.date === talk.value.date && t.event === talk.value.event), `talk ${talk.value.event}`);
  }
  for (const course of bundle.teaching) {
    const person = graph.people.get(renamed.people.get(course.person) ?? course.person)!;
    assert.ok(person.data.teaching?.some((t) => t.course === course.value.course), `course ${course.value.course}`);
  }
}

async function assertIdempotent({ dir, result }: Imported): Promise<void> {
  const before = tree(dir);
  const again = await run(result.source, dir);
  assert.equal(exitStatus(again), 0);
  assert.equal(again.plan!.counts.publications, 0, 'no publication is new the second time');
  assert.deepEqual(tree(dir), before, 'the second import changes no byte');
}

describe('import: BibTeX', () => {
  const source = `${FIXTURES}/bibtex/publications.bib`;
  it('reads real-world BibTeX into a project that checks', async () => {
    const imported = await importFixture(source);
    assertComplete(imported);
    const { graph, result } = imported;
    assert.deepEqual([...graph.publications.keys()].sort(), [
      'DBLP:conf-colt-RiveraS21',
      'dupont2024scaling',
      'rivera2019thesis',
      'rivera2019thesis-2',
      'rivera2020workshop',
      'rivera2021survey',
      'rivera2022implicitICML',
      'rivera2023sharp',
    ]);
    const sharp = graph.publications.get('rivera2023sharp')!;
    assert.equal(sharp.title, 'Sharp Rates for $L^p$ Regression with Overparameterized Networks');
    assert.deepEqual(authorsOf(sharp), ['Ana Rivera', 'Théo Dupont', 'Jana Müller']);
    assert.equal(sharp.venue?.name, 'Journal of Machine Learning Research', '@string resolved');
    // The arXiv preprint and the ICML paper are one entry: the proceedings one, with the arXiv id.
    const icml = graph.publications.get('rivera2022implicitICML')!;
    assert.equal(icml.type, 'conference');
    assert.equal(icml.arxiv, '2204.01234');
    assert.equal(icml.venue?.name, 'International Conference on Machine Learning (ICML)');
    assert.deepEqual(authorsOf(icml), ['Ana Rivera[equal]', 'Kenji Okafor[equal]']);
    assert.equal(result.merge!.renamed.publications.get('rivera2022implicit'), 'rivera2022implicitICML');
    // crossref: the volume's title is the venue; the volume itself is not a publication.
    const colt = graph.publications.get('DBLP:conf-colt-RiveraS21')!;
    assert.match(colt.venue?.name ?? '', /Conference on Learning Theory, COLT 2021/);
    assert.equal(colt.venue?.volume, '134');
    assert.deepEqual(authorsOf(colt), ['Ana Rivera', 'Jiří Svěrák']);
    assert.equal(graph.publications.get('rivera2020workshop')!.type, 'workshop');
    assert.equal(graph.publications.get('rivera2020workshop')!.month, 12);
    const survey = graph.publications.get('rivera2021survey')!;
    assert.equal(survey.title, 'Learning Theory for Science & Engineering');
    assert.equal(survey.month, 2, '{25--28 Feb}');
    assert.deepEqual(authorsOf(graph.publications.get('rivera2019thesis-2')!), ['Ana Rivera[equal]', 'Wei Chen[equal]', 'Kenji Okafor']);
    assert.equal(graph.publications.get('dupont2024scaling')!.type, 'preprint');
  });

  it('says what it skipped and renamed, at the line', async () => {
    const { result } = await importFixture(source);
    const codes = result.diagnostics.map((d) => `${d.line ?? '-'} ${d.code}`);
    assert.ok(codes.includes('113 import/entry-skipped'), 'the entry without a year');
    assert.ok(codes.includes('105 import/duplicate-key'));
    assert.ok(codes.includes('88 import/duplicate-entry'));
    assert.ok(codes.includes('49 import/key-renamed'));
    assert.ok(codes.includes('61 import/crossref-volume'));
    assert.ok(codes.includes('1 import/front-matter'));
    const skipped = result.diagnostics.find((d) => d.code === 'import/entry-skipped')!;
    assert.equal(skipped.file, 'publications.bib');
    assert.match(skipped.message, /rivera2025draft.*no year/);
  });

  it('importing it twice changes nothing', async () => assertIdempotent(await importFixture(source)));

  it('writes one new .bib file with the entries as the source wrote them where they needed no change', async () => {
    const { result } = await importFixture(source);
    const bib = result.plan!.files.find((f) => f.path.endsWith('.bib'))!;
    assert.equal(bib.path, 'publications/imported-publications.bib');
    assert.match(bib.content!, /@misc\{dupont2024scaling,\n {6}title=\{Scaling Laws/, 'verbatim');
    assert.match(bib.content!, /title {3}= \{Learning Theory for Science \\& Engineering\}/, 'the & escaped');
    assert.doesNotMatch(bib.content!, /crossref|^---/m);
  });
});

describe('import: al-folio', () => {
  const source = `${FIXTURES}/al-folio`;
  it('reads the site, leaves out the demo content', async () => {
    const imported = await importFixture(source);
    assertComplete(imported);
    const { graph, result } = imported;
    assert.equal(result.kind, 'al-folio');
    assert.equal(graph.config.owner, 'mira-kovac');
    assert.deepEqual([...graph.people.keys()].sort(), ['aiko-tanaka', 'mira-kovac', 'tomas-herrera']);
    assert.deepEqual([...graph.publications.keys()].sort(), ['herrera2024adaptive', 'kovac2019thesis', 'kovac2023certified', 'kovac2025calibration']);
    const mira = graph.people.get('mira-kovac')!;
    assert.equal(mira.data.email, 'mira.kovac@cs.example.edu');
    assert.equal(mira.data.title, 'Assistant Professor', 'the subtitle before its link is the role');
    assert.deepEqual(mira.data.affiliations, [{ name: 'Department of Computer Science, Example University', url: 'https://cs.example.edu/' }]);
    assert.equal(mira.data.photo, 'assets/img/mira.jpg');
    assert.deepEqual(mira.data.address, ['Room 4.12, Gates Building', '1 University Avenue', 'Example City, EX 12345']);
    assert.equal(mira.data.links?.orcid, 'https://orcid.org/0000-0002-1825-0097');
    assert.match(mira.sections.about!.text, /Robust Learning Lab/);
    assert.match(mira.sections.about!.text, /\[CV\]\(\.\.\/\.\.\/assets\/pdf\/cv\.pdf\)/);
    assert.equal(mira.data.education?.[0]?.institution, 'University of Zagreb, Croatia');
    assert.equal(mira.data.positions?.[0]?.end, 'present');
    assert.deepEqual(mira.data.teaching?.map((t) => `${t.course} ${t.term} ${t.role}`), ['Robust Machine Learning (CS 592) Spring 2024 instructor']);
    assert.deepEqual(authorsOf(graph.publications.get('herrera2024adaptive')!), ['Tomás Herrera[equal]', 'Mira Kovač[equal]', 'Lukas Brandt']);
    assert.deepEqual(authorsOf(graph.publications.get('kovac2025calibration')!), ['Mira Kovač[lead]', 'Aiko Tanaka', 'Lukas Brandt']);
    assert.deepEqual(graph.publications.get('herrera2024adaptive')!.people, ['tomas-herrera', 'mira-kovac']);
    assert.equal(graph.publications.get('kovac2023certified')!.links?.pdf, 'assets/pdf/kovac2023certified.pdf');
    assert.ok(graph.files.includes('assets/pdf/kovac2023certified.pdf'), 'the PDF is copied');
    assert.equal(graph.publications.get('kovac2023certified')!.preview, 'assets/img/publication_preview/shift.png', "al-folio's preview image is copied from its folder");
    assert.ok(graph.files.includes('assets/img/publication_preview/shift.png'));
    assert.equal(graph.news.length, 2);
    const demo = result.diagnostics.filter((d) => d.code === 'import/demo-content' || /demo/.test(d.message)).map((d) => d.file);
    assert.ok(demo.includes('_bibliography/papers.bib') && demo.includes('_news') && demo.some((f) => f.startsWith('_teachings/')));
  });

  it('importing it twice changes nothing', async () => assertIdempotent(await importFixture(source)));
});

describe('import: JSON Resume', () => {
  it('reads the pretty and the minified file alike', async () => {
    const pretty = await importFixture(`${FIXTURES}/json-resume/resume.json`);
    const minified = await importFixture(`${FIXTURES}/json-resume/resume.min.json`);
    for (const imported of [pretty, minified]) {
      assertComplete(imported);
      const { graph } = imported;
      const sofia = graph.people.get('sofia-lindqvist')!;
      assert.equal(sofia.data.title, 'Research Scientist');
      assert.deepEqual(sofia.data.positions?.map((p) => `${p.title} ${p.kind} ${p.end}`), ['Research Scientist industry present', 'Postdoctoral Researcher academic 2021-02-28', 'Research Intern internship 2017-09']);
      assert.equal(sofia.data.education?.length, 2);
      assert.equal(sofia.data.awards?.[0]?.issuer, 'Conference on Uncertainty in Artificial Intelligence');
      const uai = graph.publications.get('lindqvist2022amortised')!;
      assert.equal(uai.type, 'conference');
      assert.equal(uai.venue?.short, 'UAI');
      assert.equal(uai.etal, true, 'a resume lists no co-authors');
      assert.deepEqual(uai.people, ['sofia-lindqvist']);
    }
    const strip = (g: Graph) => [...g.publications.values()].map((p) => ({ ...p, source: undefined, bibtex: undefined }));
    assert.deepEqual(strip(pretty.graph), strip(minified.graph));
  });

  it('reports a broken file at its line', async () => {
    const dir = tempDir();
    const bad = `${dir}/resume.json`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, '{\n  "basics": {\n    "name": "A B",\n  }\n}\n');
    const result = await run(bad, `${dir}/project`);
    const error = result.diagnostics.find((d) => d.code === 'import/json-syntax')!;
    assert.equal(error.line, 4);
    assert.equal(exitStatus(result), 1);
  });

  it('importing it twice changes nothing', async () => assertIdempotent(await importFixture(`${FIXTURES}/json-resume/resume.json`)));
});

describe('import: RenderCV', () => {
  const source = `${FIXTURES}/rendercv/Jonas_Weber_CV.yaml`;
  it('reads cv.sections, following !include', async () => {
    const imported = await importFixture(source);
    assertComplete(imported);
    const { graph } = imported;
    const jonas = graph.people.get('jonas-weber')!;
    assert.equal(jonas.data.links?.scholar, 'https://scholar.google.com/citations?user=q1W2e3R4AAAAJ');
    assert.deepEqual(jonas.data.education?.map((e) => `${e.degree} ${e.field} ${e.institution}`), ['PhD Mathematics Heidelberg University', 'MSc Applied Mathematics ETH Zurich']);
    assert.equal(jonas.data.positions?.[0]?.end, 'present');
    assert.equal(jonas.talks.length, 2);
    assert.deepEqual(jonas.data.interests, ['Optimal transport', 'Schrödinger bridges', 'Stochastic control']);
    assert.deepEqual([...graph.publications.keys()].sort(), ['fernandez2023schrodinger', 'weber2021entropic', 'weber2024convergence']);
    assert.deepEqual(authorsOf(graph.publications.get('fernandez2023schrodinger')!), ['Lucía Fernández[equal]', 'Jonas Weber[equal]', 'Pierre Martin']);
    assert.equal(graph.publications.get('fernandez2023schrodinger')!.arxiv, '2306.11111');
    assert.equal(graph.publications.get('weber2021entropic')!.venue?.short, 'COLT');
  });

  it('importing it twice changes nothing', async () => assertIdempotent(await importFixture(source)));
});

describe('import: Hugo Blox', () => {
  const source = `${FIXTURES}/hugo-blox`;
  it('reads authors, publications with author notes and both kinds of publication_types, events', async () => {
    const imported = await importFixture(source);
    assertComplete(imported);
    const { graph } = imported;
    assert.equal(graph.config.owner, 'priya-raman');
    assert.deepEqual([...graph.people.keys()].sort(), ['marco-rossi', 'priya-raman']);
    const sparse = graph.publications.get('rossi2023sparse')!;
    assert.deepEqual(authorsOf(sparse), ['Marco Rossi[equal]', 'Priya Raman[equal]', 'Hana Novak[corresponding]']);
    assert.equal(sparse.type, 'conference', 'publication_types ["1"]');
    assert.equal(sparse.venue?.short, 'ICML');
    assert.equal(sparse.venue?.pages, '29211–29230', 'from cite.bib');
    assert.equal(sparse.selected, true);
    assert.match(sparse.bibtex ?? '', /@inproceedings\{rossi2023sparse/);
    const jasa = graph.publications.get('raman2022private')!;
    assert.equal(jasa.type, 'article', "publication_types ['article-journal']");
    assert.equal(jasa.venue?.volume, '117');
    assert.equal(jasa.links?.pdf, 'assets/uploads/raman2022private.pdf');
    assert.equal(graph.publications.get('raman2024diffusion')!.type, 'preprint');
    assert.equal(graph.publications.get('raman2024diffusion')!.arxiv, '2402.07777');
    const priya = graph.people.get('priya-raman')!;
    assert.equal(priya.data.photo, 'assets/authors/admin/avatar.png');
    assert.equal(priya.talks[0]?.event, 'International Conference on Machine Learning (ICML 2024)');
    assert.ok(!graph.publications.has('raman2019example'), 'the demo preprint is left out');
  });

  it('importing it twice changes nothing', async () => assertIdempotent(await importFixture(source)));
});

describe('import: academicpages', () => {
  const source = `${FIXTURES}/academicpages`;
  it('reads publications, talks and teaching; authors from the citation, `authors` or `bibtex`', async () => {
    const imported = await importFixture(source);
    assertComplete(imported);
    const { graph } = imported;
    assert.deepEqual([...graph.publications.keys()].sort(), ['moreau2024perturbation', 'osei2023variational', 'petrova2022statistical']);
    assert.deepEqual(authorsOf(graph.publications.get('osei2023variational')!), ['Kwame Osei[equal]', 'Elena Petrova[equal]', 'Julien Moreau']);
    assert.deepEqual(graph.publications.get('petrova2022statistical')!.people, ['elena-petrova'], '"E. Petrova" is the owner');
    assert.equal(graph.publications.get('moreau2024perturbation')!.doi, '10.1101/2024.02.01.578123');
    const elena = graph.people.get('elena-petrova')!;
    assert.equal(elena.talks.length, 1);
    assert.equal(elena.data.teaching?.[0]?.term, 'Fall 2024');
  });

  it('importing it twice changes nothing', async () => assertIdempotent(await importFixture(source)));
});

describe('import: jemdoc', () => {
  const source = `${FIXTURES}/jemdoc`;
  it('reads the pages: publications with \\* and (α-β), the group with its alumni, news', async () => {
    const imported = await importFixture(source);
    assertComplete(imported);
    const { graph, result } = imported;
    const amara = graph.people.get('amara-nwosu')!;
    assert.equal(amara.data.email, 'anwosu@math.example.edu');
    assert.equal(amara.data.affiliations?.[0]?.url, 'https://math.example.edu/');
    assert.match(amara.sections.about!.text, /Courant Institute/);
    assert.deepEqual(authorsOf(graph.publications.get('nwosu2024underdamped')!), ['Amara Nwosu[equal]', 'Pavel Sokolov[equal]']);
    assert.equal(graph.publications.get('fischer2022mixing')!.alphabetical, true);
    assert.equal(graph.publications.get('fischer2022mixing')!.links?.pdf, 'assets/papers/mixing.pdf');
    assert.equal(graph.publications.get('bakare2024discretisation')!.type, 'preprint');
    assert.deepEqual(amara.students.map((s) => `${s.who.name} ${s.level} ${s.start}-${s.end} ${s.next ?? ''}`.trim()), [
      'Tunde Bakare phd 2024-present',
      'Mei Lin phd 2021-present',
      'Pavel Sokolov postdoc 2022-2024 Assistant Professor at Example State University',
      'Lena Fischer graduate 2018-2022 Postdoc at ETH Zurich',
    ]);
    const unread = result.diagnostics.find((d) => d.code === 'import/entry-skipped')!;
    assert.deepEqual([unread.file, unread.line], ['publications.jemdoc', 15]);
  });

  it('importing it twice changes nothing', async () => assertIdempotent(await importFixture(source)));
});

describe('import: Markdown CV', () => {
  const source = `${FIXTURES}/markdown-cv/cv.md`;
  it('reads every section it knows and names the one it does not', async () => {
    const imported = await importFixture(source);
    assertComplete(imported);
    const { graph, result } = imported;
    const nadia = graph.people.get('nadia-haddad')!;
    assert.deepEqual(nadia.data.education?.map((e) => `${e.degree}|${e.field ?? ''}|${e.institution}|${e.start}|${e.end}|${e.kind}`), [
      'Ph.D.|Applied Mathematics|University of Examplia|2013-09|2018-06|degree',
      'Visiting student||New York University|2016-01|2016-06|visit',
      'B.S.|Mathematics|American University of Beirut|2009-09|2013-06|degree',
    ]);
    assert.deepEqual(nadia.advisors.map((a) => a.name), ['Marc Dubois', 'Sarah Klein']);
    assert.deepEqual(nadia.data.teaching?.map((t) => `${t.term} ${t.role} ${t.course}`), ['Fall 2023 instructor Numerical Linear Algebra', 'Spring 2022 instructor Mathematics of Deep Learning', 'Fall 2015 ta Calculus II']);
    assert.equal(nadia.students.length, 4);
    assert.equal(nadia.data.service?.reviewer?.length, 4);
    assert.deepEqual(authorsOf(graph.publications.get('saleh2023stable')!), ['Omar Saleh[equal]', 'Nadia Haddad[equal]']);
    assert.equal(graph.publications.get('dubois2021priori')!.alphabetical, true, '"* ... or alphabetical order", all starred, in order');
    assert.equal(graph.publications.get('haddad2024learning')!.arxiv, '2405.06789');
    assert.equal(graph.publications.get('haddad2022neural')!.venue?.short, 'ICLR');
    assert.ok(result.diagnostics.some((d) => d.code === 'import/not-carried' && /Hobbies/.test(d.message) && d.line === 86));
  });

  it('importing it twice changes nothing', async () => assertIdempotent(await importFixture(source)));
});
