import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cvMarkdown, escapeMarkdown, escapeMarkdownKeepMath } from '../../../src/render/cv/markdown.js';
import { cvModel, findSection } from '../../../src/render/cv/model.js';
import { exampleGraph, SEED_001_TITLES, SEEDS } from './helpers.js';

const seed001 = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('001'))!), 'utf8');

describe('cvMarkdown', () => {
  const md = cvMarkdown(cvModel(exampleGraph(), 'lei-wu'));
  const lines = md.split('\n');

  it('has the structure of seed 001: name, address with two-space breaks, rules, sections', () => {
    assert.match(md, /^# Lei Wu \(吴磊\)\n\n/);
    assert.ok(md.includes('1371, Science building\\#1, Peking University  \nNo.5 Yiheyuan Road Haidian District, Beijing  \n✉ leiwu@math.pku.edu.cn  \n<https://leiwu0.github.io/>'));
    for (const heading of ['## Education', '## Research Interests', '## Publications & Preprints', '### Published', '### Preprints', '## Mentoring', '### Graduate students', '### Undergraduate students', '## Talks']) {
      assert.ok(lines.includes(heading), heading);
    }
    assert.ok(lines.includes('## Professional Experience') && lines.includes('## Teaching Experience') && lines.includes('## Professional Service'));
    // Every section is introduced by a rule, as in the seed.
    assert.equal(lines.filter((l) => l.startsWith('## ')).length, 8);
    assert.ok(lines.filter((l) => l === '---').length >= 8);
  });

  it('writes education, positions and interests entries as seed 001 does', () => {
    assert.ok(md.includes('- 2012.9 - 2018.7 **Ph.D. in Computational Mathematics**, *Peking University*, Beijing, China.  \nAdvisor: Prof. Weinan E'));
    assert.ok(md.includes('- 2014.3 - 2014.9 **Visiting student**, *Pacific Northwest National Laboratory*, WA, USA.  \nMentor: Guang Lin'));
    assert.ok(md.includes('- 2018.2 - 2018.5 **Visiting student**, *PACM, Princeton University*, NJ, USA.  \nMentor: Prof. Weinan E'));
    assert.ok(lines.includes('- 2008.9 - 2012.6 **B.S. in Pure Mathematics**, *Nankai University*, Tianjin, China.'));
    for (const seedLine of seed001.split('\n').filter((l) => /^- 20\d\d\.\d+ - 20\d\d\.\d+ \*\*Post|^- 2018\.7 - 2018\.11/.test(l))) {
      assert.ok(lines.includes(seedLine), seedLine);
    }
    assert.ok(lines.includes('- 2021.12 - Present **Assistant Professor**, School of Mathematical Sciences & Center for Machine Learning Research, Peking University, Beijing, China.'));
    assert.ok(lines.includes('- Mathematical understanding of machine learning and deep learning.'));
    assert.ok(lines.includes('- Applying machine learning and deep learning to solve scientific computing problems.'));
  });

  it('reproduces every teaching, talk and journal line of seed 001', () => {
    const teaching = seed001.split('\n').filter((l) => /^- (Fall|Spring|Summer) \d{4} \*\*/.test(l));
    assert.equal(teaching.length, 13);
    for (const l of teaching) assert.ok(lines.includes(l), l);
    const talks = seed001.split('## Talks')[1]!.split('---')[0]!.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(talks.length, 6);
    for (const l of talks) assert.ok(lines.includes(l), l);
    const journal = seed001.split('\n').find((l) => l.startsWith('- **Journal:**'))!;
    assert.ok(lines.includes(journal), journal);
    assert.ok(lines.includes('- **Conference:** NeurIPS (2019-2022), ICML (2020-2021), ICLR (2020-2024), AISTATS (2022), MSML (2020-2022), AAAI (2019), IJCAI (2019).'));
    assert.ok(lines.includes('- Shan Jiang (2021).'));
  });

  it('writes publications like seed 001: number, authors with the owner in bold and marks escaped, venue (SHORT), year', () => {
    const doc = cvModel(exampleGraph(), 'lei-wu');
    const n = doc.numbers;
    assert.ok(lines.includes(`- [${n.wang2023theoretical}] Zihao Wang\\*, **Lei Wu\\***. Theoretical Analysis of Inductive Biases in Deep Convolutional Networks. In *Advances in Neural Information Processing Systems (NeurIPS)*, 2023.`));
    assert.ok(lines.includes(`- [${n.wu2022spectral}] **Lei Wu**, Jihao Long. A spectral-based analysis of the separation between two-layer neural networks and linear methods. *Journal of Machine Learning Research (JMLR)*, 2022.`));
    assert.ok(lines.includes(`- [${n.chen2023learnability}] Hongrui Chen\\*, Jihao Long\\*, **Lei Wu\\***. The $L^\\infty$ Learnability of Reproducing Kernel Hilbert Spaces. *arXiv preprint*, 2023.`));
    assert.ok(lines.includes(`- [${n.li2020complexity}] Zhong Li\\*, Chao Ma\\*, **Lei Wu\\***. Complexity measures for neural networks with general activation functions using path-based norms. *arXiv preprint arXiv:2009.06132*, 2020.`));
    assert.ok(lines.includes('\\* indicates equal contribution or alphabetical author order; † means project lead.'));
    for (const title of SEED_001_TITLES) assert.ok(md.includes(escapeMarkdownKeepMath(title)), title);
    const items = lines.filter((l) => /^- \[\d+\] /.test(l));
    assert.equal(items.length, 38);
  });

  it('numbers the research statement like the list and keeps its tables', () => {
    const doc = cvModel(exampleGraph(), 'mingze-wang');
    const out = cvMarkdown(doc);
    const n = doc.numbers;
    const [a, b] = [n.wang2024understanding!, n.wang2024rich!].sort((x, y) => x - y);
    assert.ok(out.includes(`approximation theory [${a}][${b}]`));
    assert.ok(out.includes('| **Theory**'));
    assert.ok(!out.includes('[@'));
    const grants = findSection(doc, 'grants')!;
    assert.ok(grants);
    assert.match(out, /- 2024\.12 \*\*Young Scientists \(Ph\.D\) Fund of the National Natural Science Foundation of China\*\*, 300,000 RMB, PI\./);
    assert.ok(out.includes('- 2024.09 **National Scholarship** (top 0.2% in the nation; 30,000 RMB), The Ministry of Education.'));
    assert.ok(out.includes('- Fall 2022, 2023, 2024; Spring 2022, 2023, 2024 **TA**, *Calculus (B)*, Peking University.'));
    assert.ok(out.includes('**TA**, *Deep Learning Theory*, taught by Zhiyuan Li (TTIC), Peking University, (Summer School).'));
    // Descending numbers, unfinished work first.
    const numbers = [...out.matchAll(/^- \[(\d+)\]/gm)].map((m) => Number(m[1]));
    assert.deepEqual(numbers, Array.from({ length: 18 }, (_, i) => 18 - i));
  });
});

describe('Markdown escaping', () => {
  it('escapes what Markdown would interpret, and keeps $math$', () => {
    assert.equal(escapeMarkdown('a*b_c [x](y) <b> #1 `c` |t|'), 'a\\*b\\_c \\[x\\](y) \\<b\\> \\#1 \\`c\\` \\|t\\|');
    assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
    assert.equal(escapeMarkdown('1. not a list'), '1\\. not a list');
    assert.equal(escapeMarkdown('&amp; & co'), '\\&amp; & co');
    assert.equal(escapeMarkdownKeepMath('The $L^\\infty$ bound of *f*'), 'The $L^\\infty$ bound of \\*f\\*');
    assert.equal(escapeMarkdownKeepMath('costs \\$5 and $'), 'costs \\$5 and \\$');
  });

  it('escapes user text in a CV', () => {
    const graph = exampleGraph();
    const pub = graph.publications.get('wu2022learning')!;
    const saved = pub.title;
    pub.title = 'Learning *one* neuron <script>alert(1)</script> [x](javascript:alert(1))';
    try {
      const out = cvMarkdown(cvModel(graph, 'lei-wu'));
      assert.ok(out.includes('Learning \\*one\\* neuron \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:alert(1))'));
      assert.ok(!out.includes('<script>'));
    } finally {
      pub.title = saved;
    }
  });
});
