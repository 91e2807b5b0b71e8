// The typeset CVs: every fact of seeds 001 and 003 in the PDF text, numbering, CJK, reproducible bytes.
import { describe, it, before } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { cvModel, findSection, formatCvDate, type CvDocument } from '../../../src/render/cv/model.js';
import { cvPdf, cvTypst, CvOptionError } from '../../../src/render/cv/typst/document.js';
import { CV_THEMES } from '../../../src/render/cv/typst/themes.js';
import { renderCvFiles } from '../../../src/render/cv/index.js';
import { findCjkFont } from '../../../src/render/typst/fonts.js';
import { EXAMPLE, exampleGraph, norm, pdfPages, pdfText, SEED_001_TITLES, SEED_003_TITLES, squash } from './helpers.js';

interface Built {
  doc: CvDocument;
  pdf: Uint8Array;
  text: string;
  flat: string;
  /** Normalised text in column order: wrapped cells stay together. */
  columns: string;
}

const cache = new Map<string, Built>();
function build(person: string, variant: string, theme: (typeof CV_THEMES)[number]): Built {
  const key = `${person}/${variant}/${theme}`;
  let b = cache.get(key);
  if (!b) {
    const doc = cvModel(exampleGraph(), person, variant);
    const r = cvPdf(doc, { theme });
    assert.deepEqual(r.warnings, [], `Typst warnings for ${key}`);
    const text = pdfText(r.pdf);
    b = { doc, pdf: r.pdf, text, flat: norm(text), columns: norm(pdfText(r.pdf, false)) };
    cache.set(key, b);
  }
  return b;
}

function has(b: Built, expected: string, what = expected): void {
  const n = norm(expected);
  assert.ok(b.flat.includes(n) || b.columns.includes(n), `missing from the PDF: ${what}`);
}

/** `text` is in the PDF with `date` next to it (before or after, whichever the theme does). */
function near(b: Built, text: string, date: string): void {
  has(b, text);
  const full = norm(text);
  const d = norm(date);
  if (b.flat.includes(full)) {
    for (let at = b.flat.indexOf(full); at >= 0; at = b.flat.indexOf(full, at + 1)) {
      if (b.flat.slice(Math.max(0, at - 40), at + full.length + 40).includes(d)) return;
    }
  }
  // A long entry wraps, and the layout text puts the date on its first line.
  const start = full.slice(0, 24);
  if (b.text.split('\n').some((line) => norm(line).includes(start) && norm(line).includes(d))) return;
  assert.fail(`${date} is not next to: ${text}`);
}

/** The texts appear in this order. */
function inOrder(b: Built, ...texts: string[]): void {
  let from = 0;
  for (const text of texts) {
    const at = b.flat.indexOf(norm(text), from);
    assert.ok(at >= 0, `missing from the PDF (or out of order): ${text}`);
    from = at + 1;
  }
}

for (const theme of CV_THEMES) {
  describe(`PDF CV, ${theme} theme`, () => {
    before(() => {
      if (!findCjkFont()) throw new Error('no CJK font found: install one (apt-get install -y fonts-noto-cjk) or set VITA_FONT_PATHS');
    });

    it('Lei Wu: every fact of seed 001', () => {
      const b = build('lei-wu', 'full', theme);
      // Header, with the name in Chinese.
      assert.match(squash(b.text), /Lei Wu\s*吴磊/);
      for (const s of ['1371, Science building#1, Peking University', 'No.5 Yiheyuan Road Haidian District, Beijing', 'leiwu@math.pku.edu.cn', 'leiwu0.github.io']) has(b, s);
      // Section headings.
      for (const s of ['Education', 'Professional Experience', 'Research Interests', 'Publications & Preprints', 'Published', 'Preprints', 'Teaching Experience', 'Mentoring', 'Graduate students', 'Undergraduate students', 'Talks', 'Professional Service']) {
        has(b, s, `heading ${s}`);
      }
      // Education and positions, with dates.
      for (const [title, subtitle, dates] of [
        ['Peking University Beijing, China', 'Ph.D., Computational Mathematics', '2012.09 – 2018.07'],
        ['Princeton University NJ, USA', 'Visiting student, PACM', '2018.02 – 2018.05'],
        ['Pacific Northwest National Laboratory WA, USA', 'Visiting student', '2014.03 – 2014.09'],
        ['Nankai University Tianjin, China', 'B.S., Pure Mathematics', '2008.09 – 2012.06'],
        ['Peking University Beijing, China', 'Assistant Professor, School of Mathematical Sciences & Center for Machine Learning Research', '2021.12 – Present'],
        ['University of Pennsylvania Philadelphia, USA', 'Postdoctoral Researcher, Department of Statistics and Data Science', '2021.08 – 2021.11'],
        ['Princeton University Princeton, USA', 'Postdoctoral Research Associate, PACM', '2018.11 – 2021.07'],
        ['Beijing Institute of Big Data Research Beijing, China', 'Research Assistant', '2018.07 – 2018.11'],
      ] as const) {
        near(b, `${title} ${subtitle}`, dates);
      }
      inOrder(b, 'Ph.D., Computational Mathematics', 'Advisor: Prof. Weinan E.', 'Visiting student, PACM', 'Mentor: Prof. Weinan E.', 'Pacific Northwest', 'Mentor: Guang Lin.', 'Nankai');
      has(b, 'Mathematical understanding of machine learning and deep learning.');
      has(b, 'Applying machine learning and deep learning to solve scientific computing problems.');
      // All 29 publications of the seed, by title, and the legend.
      for (const title of SEED_001_TITLES) has(b, title);
      has(b, '* indicates equal contribution or alphabetical author order');
      // Every teaching line: term, role, course, institution, note.
      const teaching = findSection(b.doc, 'teaching')!.entries;
      assert.equal(teaching.length, 13);
      const roles = { instructor: 'Instructor', 'co-instructor': 'Co-instructor', ta: 'Teaching assistant', 'guest-lecturer': 'Guest lecturer' };
      for (const t of teaching) {
        near(b, `${roles[t.role]}: ${t.course}, ${t.institution}${t.note ? ` (${t.note})` : ''}`, t.terms[0]!);
      }
      assert.ok(b.text.includes('Instructor: Advanced Mathematics (B)'));
      assert.ok(b.text.includes('Teaching assistant: Linear Algebra'));
      // Every talk, with its date.
      for (const [talk, date] of [
        ['Joint Seminar of Machine Learning (virtual)', '2021-06'],
        ['One World Seminar Series on the Mathematics of Machine Learning (virtual)', '2020-08'],
        ['CCMA Deep Learning Seminar (virtual), PSU', '2020-05'],
        ["Noah's Ark Lab, Huawei, Beijing", '2019-07'],
        ['Machine Learning Theory Workshop, Peking University, Beijing', '2019-06'],
        ['Machine Learning Theory Workshop, Peking University, Beijing', '2018-06'],
      ] as const) {
        near(b, talk, formatCvDate(date));
      }
      // Every reviewer venue with its years.
      for (const v of ['NeurIPS, 2019–2022', 'ICML, 2020–2021', 'ICLR, 2020–2024', 'AISTATS, 2022', 'MSML, 2020–2022', 'AAAI, 2019', 'IJCAI, 2019']) has(b, v);
      for (const j of ['Journal of Machine Learning Research', 'SIAM Journal of Numerical Analysis', 'SIAM Journal on Mathematics of Data Science', 'SIAM Journal on Mathematical Analysis', 'European Journal of Applied Mathematics', 'Constructive Approximation', 'Machine Learning', 'Communications in Mathematical Sciences', 'Journal of Machine Learning', 'Journal of Scientific Computing', 'Annals of Applied Probability']) {
        has(b, j);
      }
      // Mentoring, with cohorts.
      near(b, 'Shan Jiang (2021).', 'Graduate students');
      has(b, 'Kaizhao Liu (2021), Zilin Wang (2020), Liming Liu (2020), Zihao Wang (2020), Hongrui Chen (2019), Zhanran Lin (2019), Puheng Li (2019), Zihan Wang (2018).');
      // Numbers ascending, [1] first.
      const first = b.text.indexOf('[1]');
      assert.ok(first > 0 && first < b.text.indexOf('[2]') && b.text.indexOf('[37]') < b.text.indexOf('[38]'));
    });

    it('Mingze Wang: every fact of seed 003', () => {
      const b = build('mingze-wang', 'full', theme);
      has(b, 'Mingze Wang');
      has(b, 'mingzewang@stu.pku.edu.cn');
      has(b, 'I am a fourth-year Ph.D candidate in Computational Mathematics, Peking University.');
      // Education, with its notes.
      has(b, 'Ph.D., Computational Mathematics, School of Mathematical Sciences');
      has(b, 'Advisor: Prof. Weinan E.');
      has(b, '2021.09 – Present');
      has(b, 'Bachelor of Science, Pure and Applied Mathematics, School of Mathematical Sciences');
      has(b, 'Academic ranking: 1/111; Comprehensive ranking: 1/111; Major GPA: 4.84/5 (95.5/100)');
      has(b, '2017.09 – 2021.06');
      // Internships.
      for (const [title, subtitle, dates, body] of [
        ['Meituan Beijing, China', 'Algorithm Intern, LLM group', '2025.01 – Present', 'Work on designing stable and faster optimization algorithms for LLM pretraining.'],
        ['Institute for Advanced Algorithms Research Shanghai, China', 'Algorithm Intern, LLM group', '2023.12 – 2024.08', 'Work on designing faster optimizers for LLM pretraining.'],
        ['Moqi Technology Beijing, China', 'Algorithm Intern', '2021.09 – 2022.06', ''],
      ] as const) {
        near(b, `${title} ${subtitle}`, dates);
        has(b, body);
      }
      // Grant and awards with amounts.
      near(b, 'Young Scientists (Ph.D) Fund of the National Natural Science Foundation of China', '2024.12');
      has(b, '300,000 RMB, PI');
      has(b, 'Analyzing and Improving the Adam Optimizer for Foundation Model Training');
      for (const [award, date] of [
        ['National Scholarship (top 0.2% in the nation; 30,000 RMB), The Ministry of Education.', '2024.09'],
        ['Principal Scholarship (70,000 RMB), Peking University.', '2024.05'],
        ['BICMR Mathematical Award for Graduate Students (top 1%; 110,000 RMB), Peking University.', '2023.11'],
        ['Schlumberger Scholarship (30,000 RMB), Peking University.', '2022.10'],
        ['PKU Academic Innovation Award (top 1%), Peking University.', '2022.10'],
        ['Outstanding Graduate of Zhejiang Province (top 5%).', '2021.05'],
        ['Outstanding Graduate of ZJU, Zhejiang University.', '2021.05'],
        ['National Scholarship (top 0.2% in the nation).', '2019.10'],
        ['First Class Scholarship of ZJU (top 3%), Zhejiang University.', '2019, 2020.10'],
        ['Zhejiang Provincial Government Scholarship.', '2018.10'],
        ['First Prize of Mathematical Contest in Modeling of ZJU (top 1%), Zhejiang University.', '2020.06'],
        ['Meritorious Award in The Mathematical Contest in Modeling.', '2020.02'],
        ['National Second Prize of Chinese Undergraduate Mathematical Contest in Modeling (top 2.5%).', '2019.10'],
      ] as const) {
        near(b, award, date);
      }
      // Teaching.
      has(b, 'Teaching assistant: Deep Learning Theory, taught by Zhiyuan Li (TTIC), Peking University (Summer School).');
      has(b, 'Teaching assistant: Calculus (A), Peking University.');
      // (The compact theme wraps the terms in its date column, which the text extraction interleaves.)
      has(b, theme === 'classic' ? 'Fall 2022, 2023, 2024; Spring 2022, 2023, 2024' : 'Fall 2022, 2023');
      has(b, 'Spring 2022, 2023, 2024');
      // Service, with the short names.
      for (const v of ['Conference on Neural Information Processing Systems (NeurIPS)', 'International Conference on Machine Learning (ICML)', 'International Conference on Learning Representations (ICLR)', 'Artificial Intelligence and Statistics (AISTATS)', 'Journal of Machine Learning Research (JMLR)', 'Transactions on Pattern Analysis and Machine Intelligence (TPAMI)', 'Pattern Recognition (PR)', 'Transactions on Machine Learning Research (TMLR)', 'Journal of Machine Learning (JML)']) {
        has(b, v);
      }
      // Publications: numbered 18 down to 1, with the marks and the legend.
      has(b, '* indicates equal contribution; † means project lead.');
      const list = b.text.slice(b.text.indexOf('indicates equal contribution'));
      const at = Array.from({ length: 18 }, (_, i) => list.indexOf(`[${18 - i}]`));
      assert.ok(at.every((p) => p >= 0), 'every number [18]..[1] is in the list');
      for (let i = 1; i < at.length; i++) assert.ok(at[i - 1]! < at[i]!, `[${19 - i}] comes before [${18 - i}]`);
      for (const title of Object.values(SEED_003_TITLES)) has(b, title);
      // The four papers in preparation are [15]-[18], as in the seed.
      for (const n of [15, 16, 17, 18]) {
        const entry = norm(list.slice(list.indexOf(`[${n}]`), list.indexOf(`[${n - 1}]`)));
        assert.ok(entry.includes('inpreparation'), `[${n}] is in preparation`);
        assert.ok([18, 17, 16, 15].some((k) => entry.includes(norm(SEED_003_TITLES[k]!))), `[${n}] is one of the seed's [15]-[18]`);
      }
      assert.match(squash(list), /Mingze Wang\s?\*\s?,\s?†/);
      assert.match(squash(list), /Mingze Wang\s?†\s?et al\./);
    });

    it('Mingze Wang: the research statement cites the numbers of the same document’s list', () => {
      const b = build('mingze-wang', 'full', theme);
      const numbers = b.doc.numbers;
      const pubs = new Map(findSection(b.doc, 'publications')!.entries.flatMap((g) => g.items.map((p) => [p.number, p])));
      const legendAt = b.text.indexOf('indicates equal contribution');
      const statement = b.text.slice(b.text.indexOf('Specifically'), legendAt);
      const list = b.text.slice(legendAt);
      // Every number the statement shows names a paper of the list, whose entry follows that number there.
      const cited = [...new Set([...statement.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
      assert.ok(cited.length >= 15, `the statement cites ${cited.length} papers`);
      for (const n of cited) {
        const pub = pubs.get(n);
        assert.ok(pub, `[${n}] is in the list`);
        const entry = list.slice(list.indexOf(`[${n}]`), list.indexOf(`[${n}]`) + 400);
        assert.ok(norm(entry).includes(norm(pub.title).slice(0, 40)), `[${n}] in the list is "${pub.title}"`);
      }
      // And the statement uses exactly those numbers for its keys: the first topic line cites these two.
      const [x, y] = [numbers.wang2024understanding!, numbers.wang2024rich!].sort((p, q) => p - q);
      assert.match(squash(statement), new RegExp(`approximation theory \\[${x}\\]\\s?\\[${y}\\]`));
      // The table keeps its citation numbers in its cells.
      const [m1] = [numbers.wang2025mixture!];
      assert.match(squash(statement), new RegExp(`More efficient models \\[${m1}\\]`));
    });

    it('short variant: only selected publications, at most two pages', () => {
      const b = build('lei-wu', 'short', theme);
      for (const key of ['li2025functional', 'li2026fast', 'wu2026constant']) has(b, exampleGraph().publications.get(key)!.title);
      for (const title of SEED_001_TITLES) assert.ok(!b.flat.includes(norm(title)), `not selected: ${title}`);
      has(b, 'Selected Publications');
      assert.ok(!b.flat.includes(norm('Teaching Experience')));
      assert.ok(pdfPages(b.pdf) <= 2, `${pdfPages(b.pdf)} pages`);
      const m = build('mingze-wang', 'short', theme);
      assert.ok(pdfPages(m.pdf) <= 2);
    });

    it('gives identical bytes for the same CV', () => {
      const a = build('lei-wu', 'full', theme);
      const again = cvPdf(cvModel(exampleGraph(), 'lei-wu'), { theme }).pdf;
      assert.ok(Buffer.from(a.pdf).equals(Buffer.from(again)));
      assert.doesNotMatch(Buffer.from(again).toString('latin1'), /ModDate|xmp:CreateDate/);
      // ... and in a fresh process, where no cache of this one can help.
      const code = [
        `const { openProject } = await import(${JSON.stringify(new URL('../../../src/index.ts', import.meta.url).href)});`,
        `const { cvModel } = await import(${JSON.stringify(new URL('../../../src/render/cv/model.ts', import.meta.url).href)});`,
        `const { cvPdf } = await import(${JSON.stringify(new URL('../../../src/render/cv/typst/document.ts', import.meta.url).href)});`,
        `const { graph } = openProject(${JSON.stringify(EXAMPLE)});`,
        `process.stdout.write(Buffer.from(cvPdf(cvModel(graph, 'lei-wu'), { theme: ${JSON.stringify(theme)} }).pdf).toString('base64'));`,
      ].join('\n');
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 64 << 20 });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(Buffer.from(r.stdout, 'base64').equals(Buffer.from(a.pdf)), 'same bytes in another process');
    });
  });
}

describe('PDF CV, options and safety', () => {
  it('escapes user text: Typst markup in the record prints as text', () => {
    const graph = exampleGraph();
    const pub = graph.publications.get('wu2022learning')!;
    const saved = pub.title;
    pub.title = 'Evil #set page(width: 1cm) [x]; *bold* _u_ @ref <lbl> // c $L^\\infty$ (p); \\ end';
    try {
      const doc = cvModel(graph, 'lei-wu', 'publications');
      const r = cvPdf(doc);
      const text = squash(pdfText(r.pdf));
      assert.ok(text.includes('Evil #set page(width: 1cm) [x]; *bold* _u_ @ref <lbl> // c'), text.slice(0, 400));
      assert.match(text, /𝐿\s?∞ \(p\); \\ end/u);
    } finally {
      pub.title = saved;
    }
  });

  it('sets publication entries ragged right without hyphens, in every theme', () => {
    const graph = exampleGraph();
    const pub = graph.publications.get('wu2022learning')!;
    const saved = pub.title;
    // Long words that a hyphenating line breaker would split at the ends of the lines.
    pub.title = Array.from({ length: 6 }, () => 'Characterization Generalization Overparameterization Implementation').join(' ');
    try {
      for (const theme of CV_THEMES) {
        const text = pdfText(cvPdf(cvModel(graph, 'lei-wu', 'publications'), { theme }).pdf, false);
        assert.ok(text.includes('Overparameterization'), theme);
        // Typst marks a hyphen it adds with a soft hyphen, which the text extraction keeps.
        assert.doesNotMatch(text, /\u00AD\n/, `${theme}: a word split at a line end`);
      }
    } finally {
      pub.title = saved;
    }
  });

  it('labels only the entries that the prose links to, and those links reach them', () => {
    // Mingze Wang's research statement cites his papers; a label per entry was a twentieth of Typst's time.
    const { source } = cvTypst(cvModel(exampleGraph(), 'mingze-wang', 'full'));
    const cited = new Set([...source.matchAll(/<pub-(\d+)>/g)].map((m) => m[1]));
    const labelled = [...source.matchAll(/#cv-anchor\((\d+)\)/g)].map((m) => m[1]);
    assert.ok(cited.size > 3, `cited: ${[...cited].join(' ')}`);
    assert.deepEqual(labelled.sort(), [...cited].sort());
    assert.ok(source.includes('([\\[1\\]], ['), 'the entries are there, numbered');
    // A link to a label that is not there is an error in Typst: the CV typesets.
    assert.ok(cvPdf(cvModel(exampleGraph(), 'mingze-wang', 'full')).pdf.length > 1000);
    assert.doesNotMatch(cvTypst(cvModel(exampleGraph(), 'lei-wu', 'full')).source, /#cv-anchor\(\d/);
  });

  it('takes fonts, the accent colour and the paper size, and refuses a bad colour', () => {
    const doc = cvModel(exampleGraph(), 'lei-wu', 'short');
    const t = cvTypst(doc, { fonts: ['New Computer Modern'], accent: '#aa3300', paper: 'us-letter' });
    assert.match(t.source, /#set text\(font: \("New Computer Modern", "Noto Serif CJK SC",\)/);
    assert.match(t.source, /rgb\("#AA3300"\)/);
    assert.match(t.source, /paper: "us-letter"/);
    const pdf = cvPdf(doc, { fonts: ['New Computer Modern'], accent: '#aa3300', paper: 'us-letter' }).pdf;
    assert.match(Buffer.from(pdf).toString('latin1'), /NewCM/);
    assert.throws(() => cvTypst(doc, { accent: 'red; #panic()' }), CvOptionError);
    assert.throws(() => cvTypst(doc, { theme: 'fancy' as never }), CvOptionError);
    // An unknown family is left out, not passed to Typst (which would warn).
    assert.match(cvTypst(doc, { fonts: ['No Such Font', 'Libertinus Serif'] }).source, /#set text\(font: \("Libertinus Serif", "Noto Serif CJK SC",\)/);
  });

  it('loads a CJK font only when the CV has CJK text, and reports characters no font has', () => {
    const mingze = cvTypst(cvModel(exampleGraph(), 'mingze-wang', 'education,publications'));
    assert.equal(mingze.fonts.cjk, undefined);
    assert.deepEqual(mingze.missingGlyphs, []);
    const lei = cvTypst(cvModel(exampleGraph(), 'lei-wu', 'short'));
    assert.ok(lei.fonts.cjk);
    assert.deepEqual(lei.missingGlyphs, []);
    // A character outside the font (a CJK Extension B ideograph) is named.
    const graph = exampleGraph();
    const person = graph.people.get('lei-wu')!;
    const saved = person.data.name;
    person.data.name = { en: 'Lei Wu', zh: '吴磊𠀀' };
    try {
      assert.deepEqual(cvTypst(cvModel(graph, 'lei-wu', 'short')).missingGlyphs, ['𠀀']);
    } finally {
      person.data.name = saved;
    }
  });

  it('renderCvFiles gives the site files: people/<id>/cv.pdf and cv.md', () => {
    const files = renderCvFiles(exampleGraph(), 'mingze-wang', { variant: 'short' });
    assert.deepEqual(
      files.map((f) => f.path),
      ['people/mingze-wang/cv-short.pdf', 'people/mingze-wang/cv-short.md'],
    );
    const full = renderCvFiles(exampleGraph(), 'mingze-wang', { format: 'md', layout: 'flat' });
    assert.deepEqual(
      full.map((f) => f.path),
      ['mingze-wang-cv.md'],
    );
  });
});
