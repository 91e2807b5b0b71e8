import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBibtex } from '../../src/load/bibtex.js';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { Publication } from '../../src/schema/publication.js';
import type { RawRecord } from '../../src/load/record.js';

const FILE = 'publications/papers.bib';

function read(text: string): { records: RawRecord[]; diagnostics: Diagnostics; values: Record<string, any>[] } {
  const diagnostics = new Diagnostics();
  const records = readBibtex(FILE, text, diagnostics);
  return { records, diagnostics, values: records.map((r) => r.value as Record<string, any>) };
}

function readOne(text: string): Record<string, any> {
  const { values, diagnostics } = read(text);
  assert.deepEqual(diagnostics.list, []);
  assert.equal(values.length, 1);
  return values[0]!;
}

/** The output must be what the schema takes. */
function assertValid(value: unknown): void {
  const result = Publication.safeParse(value);
  assert.ok(result.success, JSON.stringify(result.error?.issues, null, 2));
}

/** Names and roles only. */
function authors(value: Record<string, any>): [string, string[]][] {
  return value.authors.map((a: { name: string; roles: string[] }) => [a.name, a.roles]);
}

test('an al-folio entry with its custom fields', () => {
  const text = String.raw`@inproceedings{wu2024implicit,
  abbr = {ICML 2024},
  title = {The Implicit Bias of {SGD}: A Minima Stability Analysis},
  author = {Wu, Lei* and Wang, Mingze* and Su, Weijie J.},
  booktitle = {Proceedings of the 41st International Conference on Machine Learning},
  year = {2024},
  month = jul,
  volume = {235},
  pages = {1--30},
  publisher = {PMLR},
  selected = {true},
  award_name = {Oral},
  award = {Oral presentation, top 1.5\% of submissions},
  pdf = {wu2024implicit.pdf},
  code = {https://github.com/lei-wu/sgd-stability},
  html = {https://proceedings.mlr.press/v235/wu24a.html},
  website = {https://lei-wu.github.io/sgd},
  supp = {https://example.org/supp.pdf},
  slides = {https://example.org/slides.pdf},
  arxiv = {2401.12345},
  bibtex_show = {true},
  preview = {sgd.png},
  google_scholar_id = {abcdEFGH},
  abstract = {We study the bias of SGD with step size $\eta$ near minima.},
  keywords = {optimization, implicit bias},
}`;
  const value = readOne(text);
  assert.deepEqual({ ...value, bibtex: undefined }, {
    id: 'wu2024implicit',
    type: 'conference',
    title: 'The Implicit Bias of SGD: A Minima Stability Analysis',
    authors: [
      { name: 'Lei Wu', roles: ['equal'] },
      { name: 'Mingze Wang', roles: ['equal'] },
      { name: 'Weijie J. Su', roles: [] },
    ],
    venue: {
      short: 'ICML',
      year: 2024,
      name: 'Proceedings of the 41st International Conference on Machine Learning',
      volume: '235',
      pages: '1–30',
      publisher: 'PMLR',
    },
    year: 2024,
    month: 7,
    arxiv: '2401.12345',
    links: {
      pdf: 'wu2024implicit.pdf',
      code: 'https://github.com/lei-wu/sgd-stability',
      slides: 'https://example.org/slides.pdf',
      project: 'https://lei-wu.github.io/sgd',
      html: 'https://proceedings.mlr.press/v235/wu24a.html',
      supplement: 'https://example.org/supp.pdf',
    },
    award: 'Oral',
    abstract: 'We study the bias of SGD with step size $\\eta$ near minima.',
    topics: ['optimization', 'implicit bias'],
    selected: true,
    bibtex: undefined,
  });
  assert.equal(value.bibtex, text);
  assertValid(value);
});

test('a Google Scholar export', () => {
  const { values, diagnostics } = read(`@article{song2020score,
  title={Score-based generative modeling through stochastic differential equations},
  author={Song, Yang and Sohl-Dickstein, Jascha and Kingma, Diederik P and Kumar, Abhishek and Ermon, Stefano and Poole, Ben},
  journal={arXiv preprint arXiv:2011.13456},
  year={2020}
}

@article{e2017deep,
  title={The deep Ritz method: a deep learning-based numerical algorithm for solving variational problems},
  author={E, Weinan and Yu, Bing},
  journal={Communications in Mathematics and Statistics},
  volume={6},
  number={1},
  pages={1--12},
  year={2018},
  publisher={Springer}
}
`);
  assert.deepEqual(diagnostics.list, []);
  const [preprint, article] = values;
  assert.equal(preprint!.type, 'preprint');
  assert.equal(preprint!.arxiv, '2011.13456');
  assert.equal(preprint!.venue, undefined, 'the arXiv "journal" is not a venue');
  assert.deepEqual(preprint!.authors.map((a: { name: string }) => a.name), ['Yang Song', 'Jascha Sohl-Dickstein', 'Diederik P Kingma', 'Abhishek Kumar', 'Stefano Ermon', 'Ben Poole']);
  // Titles stay as typed: no sentence-casing or title-casing.
  assert.equal(preprint!.title, 'Score-based generative modeling through stochastic differential equations');
  assert.equal(article!.type, 'article');
  assert.deepEqual(article!.venue, { name: 'Communications in Mathematics and Statistics', volume: '6', number: '1', pages: '1–12', publisher: 'Springer' });
  assert.deepEqual(authors(article!), [['Weinan E', []], ['Bing Yu', []]]);
  values.forEach(assertValid);
});

test('a DBLP export: its bookkeeping fields are ignored without a word', () => {
  const { values, diagnostics } = read(`@inproceedings{DBLP:conf/iclr/0011SKKEP21,
  author       = {Yang Song 0001 and
                  Jascha Sohl{-}Dickstein and
                  Diederik P. Kingma and
                  Abhishek Kumar and
                  Stefano Ermon and
                  Ben Poole},
  title        = {Score-Based Generative Modeling through Stochastic Differential Equations},
  booktitle    = {9th International Conference on Learning Representations, {ICLR} 2021, Virtual Event, Austria, May 3-7, 2021},
  publisher    = {OpenReview.net},
  year         = {2021},
  url          = {https://openreview.net/forum?id=PxTIG12RRHS},
  timestamp    = {Wed, 23 Jun 2021 17:36:39 +0200},
  biburl       = {https://dblp.org/rec/conf/iclr/0011SKKEP21.bib},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}

@article{DBLP:journals/corr/abs-2011-13456,
  author       = {Yang Song and Ben Poole},
  title        = {Score-Based Generative Modeling},
  journal      = {CoRR},
  volume       = {abs/2011.13456},
  year         = {2020},
  eprinttype    = {arXiv},
  eprint       = {2011.13456},
  timestamp    = {Tue, 01 Dec 2020 14:44:26 +0100},
  biburl       = {https://dblp.org/rec/journals/corr/abs-2011-13456.bib},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}`);
  assert.deepEqual(diagnostics.list, []);
  const [conference, corr] = values;
  assert.equal(conference!.type, 'conference');
  assert.deepEqual(conference!.authors.map((a: { name: string }) => a.name), ['Yang Song', 'Jascha Sohl-Dickstein', 'Diederik P. Kingma', 'Abhishek Kumar', 'Stefano Ermon', 'Ben Poole']);
  assert.equal(conference!.venue.name, '9th International Conference on Learning Representations, ICLR 2021, Virtual Event, Austria, May 3-7, 2021');
  assert.equal(conference!.openreview, 'PxTIG12RRHS');
  assert.equal(conference!.url, 'https://openreview.net/forum?id=PxTIG12RRHS');
  assert.equal(corr!.type, 'preprint');
  assert.equal(corr!.arxiv, '2011.13456');
  assert.equal(corr!.venue, undefined);
  for (const value of values) assert.equal(Object.keys(value).some((k) => /bib(url|source)|timestamp/.test(k)), false);
});

test('an arXiv export', () => {
  const value = readOne(`@misc{song2021scorebased,
      title={Score-Based Generative Modeling through Stochastic Differential Equations}, 
      author={Yang Song and Jascha Sohl-Dickstein and Diederik P. Kingma},
      year={2021},
      eprint={2011.13456},
      archivePrefix={arXiv},
      primaryClass={cs.LG},
      url={https://arxiv.org/abs/2011.13456}, 
}`);
  assert.equal(value.type, 'preprint');
  assert.equal(value.arxiv, '2011.13456');
  assert.equal(value.url, 'https://arxiv.org/abs/2011.13456');
  assert.equal(value.year, 2021);
  assertValid(value);
});

test('a Google Scholar @misc of an arXiv paper is a preprint', () => {
  const value = readOne('@misc{m, title = {T}, author = {Song, Yang}, howpublished = {arXiv preprint arXiv:2301.00001}, year = {2023}}');
  assert.equal(value.type, 'preprint');
  assert.equal(value.arxiv, '2301.00001');
  assert.equal(value.venue, undefined);
});

test('entry types map to publication types', () => {
  const type = (entry: string) => readOne(entry).type;
  assert.equal(type('@phdthesis{a, school = {Peking University}}'), 'thesis');
  assert.equal(type('@mastersthesis{a}'), 'thesis');
  assert.equal(type('@book{a}'), 'book');
  assert.equal(type('@incollection{a}'), 'chapter');
  assert.equal(type('@inbook{a}'), 'chapter');
  assert.equal(type('@techreport{a}'), 'report');
  assert.equal(type('@conference{a}'), 'conference');
  assert.equal(type('@misc{a, howpublished = {Talk}}'), 'other');
  assert.equal(type('@misc{a, status = {in preparation}}'), 'preprint');
  assert.equal(type('@unpublished{a, status = {under review}}'), 'preprint');
  assert.equal(type('@unpublished{a, eprint = {2401.00001}, archiveprefix = {arXiv}}'), 'preprint');
  assert.equal(type('@online{a, arxiv = {2401.00001}}'), 'preprint');
  assert.equal(type('@inproceedings{a, booktitle = {ICML 2023 Workshop on High-dimensional Learning Dynamics}}'), 'workshop');
  assert.equal(type('@inproceedings{a, type = {Workshop paper}}'), 'workshop');
  assert.equal(type('@misc{a, pubtype = {journal}}'), 'article');
  assert.equal(readOne('@phdthesis{a, school = {Peking University}}').venue.name, 'Peking University');
});

test('author marks in every form, and equal/lead/corresponding fields', () => {
  const value = readOne(String.raw`@article{marks,
  author = {Yang Song* and Liyue Shen* and Mingze Wang$^\dagger$ and Lei Wu\dag and Chao Ma† and Wang, Mingze# and Foo Bar\textsuperscript{*} and Mingze Wang*,† and Mingze Wang$^{*\dagger}$ and Mingze Wang^{*} and Mingze Wang\textsuperscript{\dag} and Mingze Wang[†] and Weinan E\Letter and Wu*, Lei and {Weinan E}},
}`);
  assert.deepEqual(authors(value), [
    ['Yang Song', ['equal']],
    ['Liyue Shen', ['equal']],
    ['Mingze Wang', ['lead']],
    ['Lei Wu', ['lead']],
    ['Chao Ma', ['lead']],
    ['Mingze Wang', ['equal']],
    ['Foo Bar', ['equal']],
    ['Mingze Wang', ['equal', 'lead']],
    ['Mingze Wang', ['equal', 'lead']],
    ['Mingze Wang', ['equal']],
    ['Mingze Wang', ['lead']],
    ['Mingze Wang', ['lead']],
    ['Weinan E', ['corresponding']],
    ['Lei Wu', ['equal']],
    ['Weinan E', []],
  ]);
});

test('equal = {1,2}, lead and corresponding give roles by position', () => {
  const value = readOne(`@article{pos,
  author = {Ann Lee and Bo Li and Cy Wu and Di Ma},
  equal = {1,2},
  project_lead = {3},
  corresponding = {4},
  alphabetical = {true},
}`);
  assert.deepEqual(authors(value), [
    ['Ann Lee', ['equal']],
    ['Bo Li', ['equal']],
    ['Cy Wu', ['lead']],
    ['Di Ma', ['corresponding']],
  ]);
  assert.equal(value.alphabetical, true);
  assert.deepEqual(authors(readOne('@article{r, author = {A B and C D and E F}, equal = {1--2}, lead = {2}}')), [
    ['A B', ['equal']],
    ['C D', ['equal', 'lead']],
    ['E F', []],
  ]);
});

test('a position past the last author is reported at its field', () => {
  const { values, diagnostics } = read('@article{pos,\n  author = {Ann Lee and Bo Li},\n  equal = {1, 3},\n}');
  assert.deepEqual(authors(values[0]!), [['Ann Lee', ['equal']], ['Bo Li', []]]);
  assert.equal(diagnostics.list.length, 1);
  assert.equal(diagnostics.list[0]!.code, 'load/bibtex-author-position');
  assert.equal(diagnostics.list[0]!.line, 3);
});

test('authors separated by commas instead of "and" are kept as written and reported', () => {
  const { values, diagnostics } = read('@article{c,\n  author = {Song, Yang, Ermon, Stefano},\n}');
  assert.deepEqual(authors(values[0]!), [['Song, Yang, Ermon, Stefano', []]]);
  assert.deepEqual(diagnostics.list.map((d) => [d.code, d.severity, d.line, d.column]), [['load/bibtex-author-separator', 'warning', 2, 13]]);
});

test('"and others" ends the list without an author', () => {
  assert.deepEqual(authors(readOne('@article{a, author = {Ann Lee and Bo Li and others}}')), [['Ann Lee', []], ['Bo Li', []]]);
});

test('accents become Unicode, braced names stay whole, "Last, First" becomes "First Last"', () => {
  const value = readOne(String.raw`@article{accents,
  author = {Ryffel, Th{\'e}o and M{\"u}ller, J{\"{o}}rg and Fran\c{c}ois Fleuret and Fran\c cois Ch\^{a}teau and
            {\O}ystein Ore and Erd\H{o}s, Paul and Ji\v{r}{\'\i} Matou\v{s}ek and {\AA}se Stra{\ss}e and
            {Weinan E} and de la Fontaine, Jean and {Google DeepMind} and King, Jr, Martin Luther},
  title = {Caf{\'e} na{\"\i}vet{\'e} {\`a} la Gro{\ss}stadt},
}`);
  assert.deepEqual(value.authors.map((a: { name: string }) => a.name), [
    'Théo Ryffel',
    'Jörg Müller',
    'François Fleuret',
    'François Château',
    'Øystein Ore',
    'Paul Erdős',
    'Jiří Matoušek',
    'Åse Straße',
    'Weinan E',
    'Jean de la Fontaine',
    'Google DeepMind',
    'Martin Luther King Jr',
  ]);
  assert.equal(value.title, 'Café naïveté à la Großstadt');
});

test('titles keep their math and their case, without the protecting braces', () => {
  const title = (t: string) => readOne(`@article{t, title = {${t}}}`).title;
  assert.equal(title(String.raw`The {$L^\infty$} Learnability of Reproducing Kernel {H}ilbert Spaces`), String.raw`The $L^\infty$ Learnability of Reproducing Kernel Hilbert Spaces`);
  assert.equal(title(String.raw`{{Deep Learning Is Great}}`), 'Deep Learning Is Great');
  assert.equal(title(String.raw`On $\{x : \|x\|_2 \le 1\}$ and \emph{Friends}`), String.raw`On $\{x : \|x\|_2 \le 1\}$ and Friends`);
  assert.equal(title(String.raw`Actor--Critic Methods---A Survey \& More`), 'Actor–Critic Methods—A Survey & More');
  assert.equal(title(String.raw`Rates in \(W_2\) distance`), 'Rates in $W_2$ distance');
  assert.equal(title('A title\n    spread over   lines'), 'A title spread over lines');
  assert.equal(title(String.raw`Costs of \$5 and $x$`), String.raw`Costs of \$5 and $x$`, 'an escaped dollar stays escaped');
});

test('@string abbreviations and # concatenation', () => {
  const value = readOne(`@string{icml = "International Conference on Machine Learning"}
@STRING(pmlr = {PMLR})
@inproceedings{s,
  booktitle = "Proceedings of the " # ICML # { 2024},
  publisher = pmlr,
  month = feb,
  year = 2024,
}`);
  assert.equal(value.venue.name, 'Proceedings of the International Conference on Machine Learning 2024');
  assert.equal(value.venue.publisher, 'PMLR');
  assert.equal(value.month, 2);
  assert.equal(value.year, 2024);
});

test('an undefined @string is an error at its use', () => {
  const { diagnostics, values } = read('@article{s,\n  journal = jmlr,\n}');
  assert.equal(values.length, 1);
  assert.equal(diagnostics.list[0]!.code, 'load/bibtex-syntax');
  assert.equal(diagnostics.list[0]!.line, 2);
  assert.equal(diagnostics.list[0]!.column, 13);
});

test('months in the forms people write them', () => {
  const month = (m: string) => readOne(`@article{m, month = ${m}}`).month;
  assert.equal(month('jan'), 1);
  assert.equal(month('{January}'), 1);
  assert.equal(month('{3}'), 3);
  assert.equal(month('{09}'), 9);
  assert.equal(month('{25--28 Feb}'), 2);
  assert.equal(month('{Sept.}'), 9);
  assert.equal(month('{spring}'), 'spring', 'kept as written for validation to report');
});

test('a year that is not a number is kept as written for validation to report', () => {
  assert.equal(readOne('@article{y, year = {to appear}}').year, 'to appear');
  assert.equal(readOne('@article{y, year = {{2021}}}').year, 2021);
});

test('status, selected, identifiers and links', () => {
  const value = readOne(String.raw`@article{x,
  status = {Under Review},
  selected = {yes},
  doi = {https://doi.org/10.1007/s40304-018-0127-z},
  url = {\url{https://example.org/a\_b}},
  openreview = {https://openreview.net/forum?id=AbC123},
  note = {Extended version of the \textit{ICML} paper},
  topics = {SGD; sharpness},
}`);
  assert.equal(value.status, 'under-review');
  assert.equal(value.selected, true);
  assert.equal(value.doi, '10.1007/s40304-018-0127-z');
  assert.equal(value.url, 'https://example.org/a_b');
  assert.equal(value.openreview, 'AbC123');
  assert.equal(value.note, 'Extended version of the ICML paper');
  assert.deepEqual(value.topics, ['SGD', 'sharpness']);
  for (const [written, status] of [['preprint', 'preprint'], ['in preparation', 'in-preparation'], ['accepted', 'accepted'], ['submitted', 'submitted']]) {
    assert.equal(readOne(`@article{x, status = {${written}}}`).status, status);
  }
});

test('fields that are absent are left out', () => {
  assert.deepEqual(Object.keys(readOne('@article{bare, title = {T}}')).sort(), ['bibtex', 'id', 'title', 'type']);
});

test('a misspelt field is reported with the field it resembles; other custom fields are not', () => {
  const { diagnostics } = read('@article{t,\n  titel = {A},\n  abstrct = {B},\n  my_custom_thing = {C},\n  arxv = {2401.00001},\n}');
  assert.deepEqual(
    diagnostics.list.map((d) => [d.code, d.severity, d.line, d.hint]),
    [
      ['load/bibtex-unknown-field', 'warning', 2, 'did you mean `title`?'],
      ['load/bibtex-unknown-field', 'warning', 3, 'did you mean `abstract`?'],
      ['load/bibtex-unknown-field', 'warning', 5, 'did you mean `arxiv`?'],
    ],
  );
});

test('locate gives the exact line and column of each field and author', () => {
  const text = [
    '% my papers', //                                   1
    '', //                                              2
    '@inproceedings{first,', //                         3
    '  title = {First},', //                            4
    '  author = {Ann Lee and', //                       5
    '            Bo Li* and Cy Wu},', //                6
    '  abbr = {ICML},', //                              7
    '  year = 2024,', //                                8
    '  pdf = {a.pdf},', //                              9
    '}', //                                             10
    '', //                                              11
    '@article{second,', //                              12
    '    author = "Di Ma",', //                         13
    '    title = "Second",', //                         14
    '    journal = {JMLR}}', //                         15
  ].join('\n');
  const { records, diagnostics } = read(text);
  assert.deepEqual(diagnostics.list, []);
  const [first, second] = records;
  assert.deepEqual(first!.locate([]), { line: 3, column: 1 });
  assert.deepEqual(first!.locate(['title']), { line: 4, column: 3 });
  assert.deepEqual(first!.locate(['authors']), { line: 5, column: 3 });
  assert.deepEqual(first!.locate(['authors', 0]), { line: 5, column: 13 });
  assert.deepEqual(first!.locate(['authors', 1]), { line: 6, column: 13 });
  assert.deepEqual(first!.locate(['authors', 2, 'name']), { line: 6, column: 24 });
  assert.deepEqual(first!.locate(['venue', 'short']), { line: 7, column: 3 });
  assert.deepEqual(first!.locate(['venue']), { line: 7, column: 3 });
  assert.deepEqual(first!.locate(['year']), { line: 8, column: 3 });
  assert.deepEqual(first!.locate(['links', 'pdf']), { line: 9, column: 3 });
  assert.deepEqual(first!.locate(['id']), { line: 3, column: 16 });
  assert.deepEqual(first!.locate(['doi']), { line: 3, column: 1 }, 'a field not written: the entry');
  assert.deepEqual(second!.locate([]), { line: 12, column: 1 });
  assert.deepEqual(second!.locate(['authors', 0]), { line: 13, column: 15 });
  assert.deepEqual(second!.locate(['title']), { line: 14, column: 5 });
  assert.deepEqual(second!.locate(['venue', 'name']), { line: 15, column: 5 });
});

test('a syntax error is reported at its line, and the entries around it are still read', () => {
  const { values, diagnostics } = read(`@article{good1, title = {One}}

@article{bad,
  title = {Two},
  year 2020,
}

@article{good2, title = {Three}}
`);
  assert.deepEqual(values.map((v) => v.id), ['good1', 'good2']);
  assert.equal(diagnostics.list.length, 1);
  const [error] = diagnostics.list;
  assert.equal(error!.code, 'load/bibtex-syntax');
  assert.equal(error!.severity, 'error');
  assert.equal(error!.line, 5);
  assert.match(error!.message, /expected `=` after the field name `year`/);
  assert.ok(error!.hint);
});

test('a missing comma between fields is reported at the line where it is missing', () => {
  const { diagnostics } = read('@article{a,\n  title = {One}\n  year = 2020,\n}');
  assert.equal(diagnostics.list.length, 1);
  assert.equal(diagnostics.list[0]!.line, 3);
  assert.match(diagnostics.list[0]!.hint!, /comma missing at the end of line 2/);
});

test('an entry left open is reported at its start, and the next entry is still read', () => {
  const { values, diagnostics } = read('@article{open,\n  title = {One},\n  year = 2020\n\n@article{next, title = {Two}}\n');
  assert.deepEqual(values.map((v) => v.id), ['next']);
  assert.equal(diagnostics.list.length, 1);
  assert.equal(diagnostics.list[0]!.line, 1);
  assert.match(diagnostics.list[0]!.message, /`open` is not closed before the next entry \(line 5\)/);
});

test('a value left open is reported at its brace, and the next entry is still read', () => {
  const { values, diagnostics } = read('@article{open,\n  title = {One,\n  year = 2020,\n\n@article{next, title = {Two}}\n');
  assert.deepEqual(values.map((v) => v.id), ['next']);
  assert.equal(diagnostics.list.length, 1);
  assert.deepEqual([diagnostics.list[0]!.line, diagnostics.list[0]!.column], [2, 11]);
  assert.match(diagnostics.list[0]!.message, /value of `title` is not closed/);
});

test('a duplicate key is an error at the second entry, naming the line of the first', () => {
  const entry = '@article{same,\n  title = {Same},\n}\n';
  const { values, diagnostics } = read(entry + '\n' + entry);
  assert.equal(values.length, 1);
  assert.equal(diagnostics.list.length, 1);
  const [error] = diagnostics.list;
  assert.equal(error!.code, 'load/duplicate-key');
  assert.equal(error!.severity, 'error');
  assert.equal(error!.line, 5);
  assert.match(error!.hint!, /line 1/);
});

test('identical entries under different keys get their own positions', () => {
  const { records } = read('@article{a, title = {T}}\n@article{b, title = {T}}\n@article{c, title = {T}}');
  assert.deepEqual(records.map((r) => r.locate(['title'])?.line), [1, 2, 3]);
});

test('a `%` in a URL does not comment out the entry after it on the same line', () => {
  const { values } = read('@misc{a, url = {https://x.org/a%20b}} @misc{b, title = {B}}');
  assert.deepEqual(values.map((v) => v.id), ['a', 'b']);
  assert.equal(values[0]!.url, 'https://x.org/a%20b');
});

test('comments, @comment, @preamble and commented-out entries are skipped', () => {
  const { values, diagnostics } = read(`This file lists my papers. Write to me at someone@example.org.
@comment{jabref-meta: databaseType:bibtex;}
@preamble{"\\newcommand{\\noopsort}[1]{}"}
% @article{old, title = {Old}}
@article{kept, title = {Kept}}
`);
  assert.deepEqual(diagnostics.list, []);
  assert.deepEqual(values.map((v) => v.id), ['kept']);
});

test('an empty file gives no records and no diagnostics', () => {
  for (const text of ['', '\n\n  \n', '% only a comment\n']) {
    const { records, diagnostics } = read(text);
    assert.deepEqual(records, []);
    assert.deepEqual(diagnostics.list, []);
  }
});

test('a file that is not BibTeX at all gives one diagnostic', () => {
  for (const text of ['title: My paper\nauthors: [Lei Wu]\n', '@@@ @@@\n@ not bibtex\n@{\n@x\n', '\u0000\u0001 garbage {{{ @article']) {
    const { records, diagnostics } = read(text);
    assert.deepEqual(records, []);
    assert.equal(diagnostics.list.length, 1, JSON.stringify(diagnostics.list));
    assert.equal(diagnostics.list[0]!.code, 'load/bibtex-syntax');
  }
});

test('a 10 MB file is read', () => {
  const entry = (i: number) => String.raw`@inproceedings{key${i},
  title = {The {$L^\infty$} Learnability of Reproducing Kernel Hilbert Spaces, part ${i}},
  author = {Song, Yang* and Shen, Liyue* and Th{\'e}o M{\"u}ller and Fran\c{c}ois Xavier\dag},
  booktitle = {International Conference on Machine Learning},
  abbr = {ICML},
  year = {2024},
  month = jan,
  pages = {1--10},
  abstract = {We show that $x^2$ is a thing, with an abstract long enough to be a realistic size for an entry of a list.},
  pdf = {https://example.com/a.pdf},
}
`;
  const parts: string[] = [];
  let size = 0;
  while (size < 10 * 1024 * 1024) {
    parts.push(entry(parts.length));
    size += parts[parts.length - 1]!.length;
  }
  const { records, diagnostics } = read(parts.join(''));
  assert.equal(records.length, parts.length);
  assert.deepEqual(diagnostics.list, []);
  const last = records[records.length - 1]!;
  assert.equal((last.value as Record<string, any>).authors[2].name, 'Théo Müller');
  assert.equal(last.locate(['title'])?.line, (parts.length - 1) * 11 + 2);
});
