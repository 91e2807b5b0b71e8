import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCitation } from '../../src/import/citation.js';

function brief(line: string) {
  const p = parseCitation(line);
  return p && { authors: p.authors.map((a) => (a.roles.length ? `${a.name}[${a.roles}]` : a.name)), title: p.title, venue: p.venue, year: p.year, type: p.type, arxiv: p.arxiv, alphabetical: p.alphabetical, status: p.status, links: p.links };
}

describe('publication lines', () => {
  it('Markdown CV style: \\* marks, bold owner, italic venue with its short name', () => {
    assert.deepEqual(brief('- [1] Zihao Wang\\*, **Lei Wu\\***. Theoretical Analysis of Inductive Biases. In *Advances in Neural Information Processing Systems (NeurIPS)*, 2023.'), {
      authors: ['Zihao Wang[equal]', 'Lei Wu[equal]'],
      title: 'Theoretical Analysis of Inductive Biases',
      venue: { name: 'Advances in Neural Information Processing Systems', short: 'NeurIPS' },
      year: 2023,
      type: 'conference',
      arxiv: undefined,
      alphabetical: undefined,
      status: undefined,
      links: [],
    });
  });

  it('a middle initial does not end the author list, a one-letter family name does', () => {
    assert.deepEqual(brief('Yi-An Ma, Emily B. Fox. Irreversible samplers. *Statistics and Computing*, 2018.')?.authors, ['Yi-An Ma', 'Emily B. Fox']);
    assert.deepEqual(brief('Lei Wu, Weinan E. Towards understanding generalization. *ICML Workshop on Deep Learning*, 2017.')?.authors, ['Lei Wu', 'Weinan E']);
  });

  it('APA style with initials and a quoted title', () => {
    const p = brief('Vesely, A., Finos, L. &amp; Goeman, J. J. (2023). &quot;Permutation-based discovery.&quot; <i>Journal of the Royal Statistical Society</i> 85(3).');
    assert.deepEqual(p?.authors, ['A. Vesely', 'L. Finos', 'J. J. Goeman']);
    assert.equal(p?.title, 'Permutation-based discovery');
    assert.deepEqual(p?.venue, { name: 'Journal of the Royal Statistical Society' });
    assert.equal(p?.year, 2023);
  });

  it('jemdoc style: (α-β), tag links, arXiv ids, status words', () => {
    const p = brief('Mei Chen, Tom Baker (α-β). Sharp bounds for ranking. *COLT*, 2022. [[pdf](https://x.org/a.pdf)] [[code](https://github.com/x/y)]');
    assert.equal(p?.alphabetical, true);
    assert.deepEqual(p?.links, [{ kind: 'pdf', url: 'https://x.org/a.pdf' }, { kind: 'code', url: 'https://github.com/x/y' }]);
    assert.deepEqual(p?.venue, { short: 'COLT' });
    const pre = brief('Tunde Bakare, Amara Nwosu. Discretisation error. arXiv:2409.01234, 2024.');
    assert.equal(pre?.type, 'preprint');
    assert.equal(pre?.arxiv, '2409.01234');
    assert.equal(brief('Ana Ruiz. Deep sets. *Annals of Statistics*, to appear, 2025.')?.status, 'accepted');
  });

  it('what is not a publication line is not read as one', () => {
    assert.equal(parseCitation('This line is not a publication at all'), undefined);
    assert.equal(parseCitation('Chao Ma, Daniel Kunin, Lexing Ying Beyond the quadratic approximation: the multiscale structure. 2022.'), undefined);
  });
});
