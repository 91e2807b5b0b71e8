// Habits of hand-kept sources, read the same whatever the site around them: BibTeX's `equal = {12}` and preprints
// marked only by their venue or an arXiv PDF in a plain .bib and in a Hugo page's cite.bib (not only in al-folio);
// names written in two scripts in Hugo Blox and academicpages; author lists in BibTeX's "Family, Given and ..." order;
// a citation whose authors are written initials first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCitation, splitAuthors, titleFirstCitation } from '../../src/import/citation.js';
import { exitStatus } from '../../src/import/report.js';
import { authorsOf, errorsOf, FIXTURES, run, tempDir } from './helpers.ts';

describe('import: habits of hand-kept sources, in every source', () => {
  it('repairs equal = {12} and marks preprints in a plain .bib', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/bibtex-habits/papers.bib`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'load/bibtex-author-position'), [], 'equal = {12} is not "author 12"');
    assert.deepEqual(authorsOf(graph.publications.get('nakamura2024sparse')!), ['Yui Nakamura[equal]', 'Tolu Adeyemi[equal]', 'Lena Fischer']);
    const papers = [...graph.publications.values()].map((p) => `${p.id} ${p.type} ${p.arxiv ?? '-'} ${p.venue?.name ?? '-'}`).sort();
    assert.deepEqual(papers, [
      'adeyemi2025tokens preprint - -',
      'fischer2025bounds preprint 2503.04567 -',
      'nakamura2023probe preprint 2311.00123 -',
      'nakamura2024sparse conference - Proceedings of the Example Conference on Retrieval',
    ]);
  });

  it('repairs a Hugo page\'s cite.bib the same way, and reads a name written in two scripts as one person', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/hugo-blox-habits`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    const pub = graph.publications.get('zhao2024budget')!;
    assert.deepEqual(authorsOf(pub), ['Wen Zhao[equal]', 'Tolu Adeyemi[equal]'], 'the roles of cite.bib where the front matter gives none');
    assert.equal(pub.type, 'preprint');
    assert.equal(pub.arxiv, '2411.00999');
    assert.deepEqual([...graph.people.keys()], ['wen-zhao']);
    assert.deepEqual(graph.people.get('wen-zhao')!.data.name, { en: 'Wen Zhao', zh: '赵文' });
    assert.deepEqual(pub.people, ['wen-zhao'], 'the admin author is the person, by the Latin name');
  });

  it('reads an academicpages author written in two scripts as one person, linked to her papers', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/academicpages-names`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual([...graph.people.keys()], ['jiaying-chen']);
    assert.deepEqual(graph.people.get('jiaying-chen')!.data.name, { en: 'Jiaying Chen', zh: '陈佳颖' });
    assert.deepEqual(graph.publications.get('chen2023tone')!.people, ['jiaying-chen']);
    assert.equal(graph.config.owner, 'jiaying-chen');
  });

  it('splits "Family, Given and Family2, Given2" into names, not at every comma', () => {
    assert.deepEqual(splitAuthors('Wu, Lei and Ma, Chao and E, Weinan').map((a) => a.name), ['Lei Wu', 'Chao Ma', 'Weinan E']);
    assert.deepEqual(splitAuthors('Wu*, Lei and Ma, Chao*').map((a) => `${a.name}[${a.roles.join(',')}]`), ['Lei Wu[equal]', 'Chao Ma[equal]']);
    // Lists in the other order are as before.
    assert.deepEqual(splitAuthors('Lei Wu, Chao Ma, and Weinan E').map((a) => a.name), ['Lei Wu', 'Chao Ma', 'Weinan E']);
    assert.deepEqual(splitAuthors('Vesely, A., Finos, L.').map((a) => a.name), ['A. Vesely', 'L. Finos']);
  });

  it('reads a title-first line whose title in Title Case reads like two names joined by "and"', () => {
    const line = titleFirstCitation('- [https://arxiv.org/abs/2001.00001 Sharp Minima and Stochastic Gradient Descent], Lei Wu, Chao Ma, NeurIPS, 2018.'.replace(/^- \[(\S+) ([^\]]+)\]/, '[$2]($1)'))!;
    const parsed = parseCitation(line)!;
    assert.equal(parsed.title, 'Sharp Minima and Stochastic Gradient Descent');
    assert.deepEqual(parsed.authors.map((a) => a.name), ['Lei Wu', 'Chao Ma']);
    assert.equal(parsed.year, 2018);
    // A linked name followed by where they are is not a paper.
    assert.equal(titleFirstCitation('[Chao Ma and Lin Zhou](https://example.org/ma), Stanford University, Lakeside College'), undefined);
  });

  it('reads a citation whose authors are written initials first, before a quoted title', () => {
    const parsed = parseCitation('M. Brandt, S. Lindqvist. "Seed dispersal by birds in fragmented forests." Journal of Example Ecology, 2021.')!;
    assert.deepEqual(parsed.authors.map((a) => a.name), ['M. Brandt', 'S. Lindqvist']);
    assert.equal(parsed.title, 'Seed dispersal by birds in fragmented forests');
    assert.equal(parsed.venue?.name, 'Journal of Example Ecology');
    assert.equal(parsed.year, 2021);
    const middle = parseCitation('M. J. Brandt and S. Lindqvist. Counting seeds. Oikos, 2020.')!;
    assert.deepEqual(middle.authors.map((a) => a.name), ['M. J. Brandt', 'S. Lindqvist']);
    assert.equal(middle.title, 'Counting seeds');
  });
});
