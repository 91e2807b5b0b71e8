/** One entry's fields -> the Publication input: exporters' habits, types, authors and roles, venues, dates, links. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Publication } from '../../../src/schema/publication.js';
import { assertValid, authors, read, readOne } from './read.js';

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
    preview: 'sgd.png',
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

test('"and others" at the end marks the list as cut short (et al.), at the word "others"', () => {
  const { records, values } = read('@article{a,\n  title = {T},\n  author = {Ann Lee and\n            Bo Li AND Others},\n  year = 2024,\n}');
  assert.equal(values[0]!.etal, true);
  assert.deepEqual(authors(values[0]!), [['Ann Lee', []], ['Bo Li', []]]);
  assert.deepEqual(records[0]!.locate(['etal']), { line: 4, column: 23 });
  assertValid(values[0]);
  assert.equal(readOne('@article{a, author = {Ann Lee and Bo Li}}').etal, undefined, 'a full list has no etal');
  assert.equal(readOne('@article{a, author = {Ann Lee and {others}}}').etal, undefined, 'a braced name is a name');
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

test('a DBLP key, with its colon and slashes, is read and valid', () => {
  const value = readOne(`@inproceedings{DBLP:conf/iclr/WangW24,
  author    = {Mingze Wang and Lei Wu},
  title     = {A Theoretical Analysis of Noise Geometry in Stochastic Gradient Descent},
  booktitle = {The Twelfth International Conference on Learning Representations, {ICLR} 2024},
  year      = {2024},
}`);
  assert.equal(value.id, 'DBLP:conf/iclr/WangW24');
  assertValid(value);
  assert.equal(Publication.safeParse({ ...value, id: '/conf/iclr' }).success, false, 'a key still starts with a letter or digit');
});

test('a biblatex date gives the date, and the year and month when they are not written', () => {
  const day = readOne('@article{d, title = {T}, author = {A B}, date = {2023-10-01}}');
  assert.deepEqual([day.date, day.year, day.month], ['2023-10-01', 2023, 10]);
  assertValid(day);
  const month = readOne('@article{d, date = {2023-10}}');
  assert.deepEqual([month.date, month.year, month.month], ['2023-10', 2023, 10]);
  const year = readOne('@article{d, date = {2023}}');
  assert.deepEqual([year.date, year.year, year.month], ['2023', 2023, undefined]);
  const both = readOne('@article{d, year = {2024}, month = feb, date = {2023-10-01}}');
  assert.deepEqual([both.date, both.year, both.month], ['2023-10-01', 2024, 2], 'year and month as written win');
  const odd = readOne('@article{d, date = {Fall 2023}}');
  assert.deepEqual([odd.date, odd.year], [undefined, 'Fall 2023'], 'kept as written for validation to report');
});

test('months in the forms people write them'
, () => {
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
