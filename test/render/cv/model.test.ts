import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compactTerms,
  cvModel,
  CvError,
  defaultCvPerson,
  findSection,
  formatCvDate,
  formatCvSpan,
  formatMoney,
  type CvPublication,
} from '../../../src/render/cv/model.js';
import { exampleGraph } from './helpers.js';

const allPubs = (doc: ReturnType<typeof cvModel>): CvPublication[] => (findSection(doc, 'publications')?.entries ?? []).flatMap((g) => g.items);

describe('cvModel', () => {
  it('lists the sections with content in seed 001 order', () => {
    const doc = cvModel(exampleGraph(), 'lei-wu');
    assert.deepEqual(
      doc.sections.map((s) => s.id),
      ['education', 'positions', 'research', 'publications', 'teaching', 'mentoring', 'talks', 'service'],
    );
    assert.equal(doc.variant, 'full');
    const mingze = cvModel(exampleGraph(), 'mingze-wang');
    assert.deepEqual(
      mingze.sections.map((s) => s.id),
      ['bio', 'education', 'positions', 'research', 'publications', 'grants', 'awards', 'teaching', 'talks', 'service'],
    );
  });

  it('gives the header names in every script, contact and links', () => {
    const h = cvModel(exampleGraph(), 'lei-wu').header;
    assert.equal(h.name, 'Lei Wu');
    assert.deepEqual(h.names, { en: 'Lei Wu', zh: '吴磊' });
    assert.deepEqual(h.otherNames, ['吴磊']);
    assert.equal(h.title, 'Assistant Professor');
    assert.equal(h.email, 'leiwu@math.pku.edu.cn');
    assert.equal(h.homepage, 'https://leiwu0.github.io/');
    assert.deepEqual(h.address, ['1371, Science building#1, Peking University', 'No.5 Yiheyuan Road Haidian District, Beijing']);
    assert.deepEqual(
      h.links.map((l) => l.label),
      ['Google Scholar', 'GitHub'],
    );
    assert.deepEqual(
      h.affiliations.map((a) => a.name),
      ['School of Mathematical Sciences', 'Center for Machine Learning Research'],
    );
    // In Chinese, the names and titles of the record's `zh` entries.
    const zh = cvModel(exampleGraph(), 'lei-wu', { name: 'full', language: 'zh' }).header;
    assert.equal(zh.name, '吴磊');
    assert.deepEqual(zh.otherNames, ['Lei Wu']);
    assert.equal(zh.title, '助理教授');
  });

  it('links advisors to people and labels them as the record says', () => {
    const edu = findSection(cvModel(exampleGraph(), 'lei-wu'), 'education')!.entries;
    assert.equal(edu.length, 4);
    assert.deepEqual(edu[0]!.advisors, [{ name: 'Weinan E', person: 'weinan-e', honorific: 'Prof.', url: undefined }]);
    assert.equal(edu[0]!.advisorLabel, 'Advisor');
    assert.equal(edu[1]!.advisorLabel, 'Mentor');
    assert.deepEqual(edu[2]!.advisors, [{ name: 'Guang Lin' }]);
    assert.equal(edu[3]!.advisorLabel, undefined);
    const mingze = findSection(cvModel(exampleGraph(), 'mingze-wang'), 'education')!.entries;
    assert.ok(mingze[1]!.notes.includes('Academic ranking: 1/111'));
  });

  it('numbers publications ascending (seed 001) across its groups, with the owner flagged', () => {
    const doc = cvModel(exampleGraph(), 'lei-wu');
    const s = findSection(doc, 'publications')!;
    assert.equal(s.order, 'ascending');
    assert.deepEqual(
      s.entries.map((g) => g.title),
      ['Published', 'Preprints', 'In Preparation'],
    );
    const pubs = allPubs(doc);
    assert.equal(pubs.length, 38);
    assert.deepEqual(
      pubs.map((p) => p.number),
      pubs.map((_, i) => i + 1),
    );
    assert.equal(s.legend, '* indicates equal contribution or alphabetical author order; † means project lead.');
    const conv = pubs.find((p) => p.key === 'wang2023theoretical')!;
    assert.deepEqual(
      conv.authors.map((a) => [a.name, a.self, a.roles]),
      [
        ['Zihao Wang', false, ['equal']],
        ['Lei Wu', true, ['equal']],
      ],
    );
    assert.deepEqual(conv.venue, { name: 'Advances in Neural Information Processing Systems', short: 'NeurIPS', volume: undefined, number: undefined, pages: undefined, publisher: undefined });
    assert.equal(doc.numbers.wang2023theoretical, conv.number);
    // Published work is sorted newest first within its group.
    const published = s.entries[0]!.items;
    for (let i = 1; i < published.length; i++) assert.ok(published[i - 1]!.date >= published[i]!.date);
  });

  it('numbers publications descending (seed 003): newest first, 18 down to 1, unfinished work leading', () => {
    const doc = cvModel(exampleGraph(), 'mingze-wang');
    const s = findSection(doc, 'publications')!;
    assert.equal(s.order, 'descending');
    assert.deepEqual(
      s.entries.map((g) => g.id),
      ['in-preparation', 'preprints', 'published'],
    );
    const pubs = allPubs(doc);
    assert.deepEqual(
      pubs.map((p) => p.number),
      Array.from({ length: 18 }, (_, i) => 18 - i),
    );
    // As in seed 003, the four papers in preparation are [15]-[18].
    assert.deepEqual(
      s.entries[0]!.items.map((p) => p.number).sort((a, b) => a - b),
      [15, 16, 17, 18],
    );
    assert.equal(s.legend, '* indicates equal contribution; † means project lead.');
    const sharp = pubs.find((p) => p.key === 'wang2025sharpness')!;
    assert.deepEqual(sharp.authors[1], { name: 'Mingze Wang', person: 'mingze-wang', roles: ['equal', 'lead'], self: true });
    assert.equal(pubs.find((p) => p.key === 'zhou2025sharpness')!.award, 'Spotlight (Top 5.1%)');
  });

  it('numbers the research statement citations like its own list', () => {
    const doc = cvModel(exampleGraph(), 'mingze-wang');
    const research = findSection(doc, 'research')!.entries[0]!;
    assert.equal(research.kind, 'statement');
    if (research.kind !== 'statement') return;
    const n = doc.numbers;
    const pair = [n.wang2024understanding!, n.wang2024rich!].sort((a, b) => a - b);
    assert.ok(research.numbered.includes(`approximation theory [${pair[0]}][${pair[1]}]`), research.numbered.slice(0, 800));
    assert.ok(!research.numbered.includes('[@'));
    for (const c of research.citations) assert.equal(c.number, n[c.key]);
    // A variant that leaves a cited paper out drops its number rather than printing a wrong one.
    const only2025 = cvModel(exampleGraph(), 'mingze-wang', { name: 'recent', years: { from: 2025 }, sections: ['research', 'publications'] });
    const r2 = findSection(only2025, 'research')!.entries[0]!;
    assert.ok(r2.kind === 'statement' && !/\[\?/.test(r2.numbered));
    assert.ok(r2.kind === 'statement' && r2.citations.some((c) => c.number === undefined));
  });

  it('short: education, positions, selected publications and awards only', () => {
    const doc = cvModel(exampleGraph(), 'lei-wu', 'short');
    assert.equal(doc.variant, 'short');
    assert.deepEqual(
      doc.sections.map((s) => s.id),
      ['education', 'positions', 'publications'],
    );
    const pubs = allPubs(doc);
    assert.deepEqual(pubs.map((p) => p.key).sort(), ['li2025functional', 'li2026fast', 'wu2026constant']);
    assert.ok(pubs.every((p) => p.selected));
    assert.equal(findSection(doc, 'publications')!.title, 'Selected Publications');
  });

  it('custom variants: a list of sections, prose sections by name, the person’s cv.sections', () => {
    const doc = cvModel(exampleGraph(), 'lei-wu', 'vision,education,publications');
    assert.deepEqual(
      doc.sections.map((s) => [s.id, s.kind]),
      [
        ['vision', 'markdown'],
        ['education', 'education'],
        ['publications', 'publications'],
      ],
    );
    assert.throws(() => cvModel(exampleGraph(), 'lei-wu', 'education,nonsense'), (e: unknown) => e instanceof CvError && /unknown CV section "nonsense"/.test(e.message));
    assert.throws(() => cvModel(exampleGraph(), 'lei-wu', 'custom'), (e: unknown) => e instanceof CvError && /cv\.sections/.test(e.message));
    assert.throws(() => cvModel(exampleGraph(), 'lei-wu', 'bogus'), (e: unknown) => e instanceof CvError && /unknown CV variant/.test(e.message));
    assert.throws(() => cvModel(exampleGraph(), 'nobody'), (e: unknown) => e instanceof CvError && /"nobody" is not a person/.test(e.message));
    // cv.sections of the record
    const graph = exampleGraph();
    const person = graph.people.get('mingze-wang')!;
    const saved = person.data.cv;
    person.data.cv = { ...saved, sections: ['publications', 'awards'] };
    try {
      assert.deepEqual(
        cvModel(graph, 'mingze-wang', 'custom').sections.map((s) => s.id),
        ['publications', 'awards'],
      );
    } finally {
      person.data.cv = saved;
    }
  });

  it('filters publications by topic, years and status', () => {
    const byTopic = allPubs(cvModel(exampleGraph(), 'lei-wu', { name: 'scaling', topics: ['Scaling Laws'] }));
    assert.deepEqual(byTopic.map((p) => p.key).sort(), ['li2025functional', 'li2026fast']);
    const byYears = allPubs(cvModel(exampleGraph(), 'lei-wu', { name: 'y', years: { from: 2019, to: 2020 } }));
    assert.ok(byYears.length > 0 && byYears.every((p) => p.year >= 2019 && p.year <= 2020));
    const preprints = allPubs(cvModel(exampleGraph(), 'lei-wu', { name: 'p', statuses: ['preprint'] }));
    assert.ok(preprints.length === 8 && preprints.every((p) => p.status === 'preprint'));
    // Renumbered from 1 over what is shown.
    assert.deepEqual(
      preprints.map((p) => p.number),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
  });

  it('teaching, mentoring, talks, service, awards and grants', () => {
    const lei = cvModel(exampleGraph(), 'lei-wu');
    const teaching = findSection(lei, 'teaching')!.entries;
    assert.equal(teaching.length, 13);
    assert.deepEqual(teaching[7], {
      course: 'Mathematical Theory of Neural Network Models',
      role: 'co-instructor',
      terms: ['Summer 2019'],
      institution: 'Peking University',
      program: undefined,
      place: undefined,
      instructor: undefined,
      note: 'Summer Course',
      url: undefined,
    });
    const mentoring = findSection(lei, 'mentoring')!.entries;
    assert.deepEqual(
      mentoring.map((g) => [g.id, g.students.map((s) => `${s.name} (${s.start})`)]),
      [
        ['graduate', ['Shan Jiang (2021)']],
        [
          'undergraduate',
          ['Kaizhao Liu (2021)', 'Zilin Wang (2020)', 'Liming Liu (2020)', 'Zihao Wang (2020)', 'Hongrui Chen (2019)', 'Zhanran Lin (2019)', 'Puheng Li (2019)', 'Zihan Wang (2018)'],
        ],
      ],
    );
    const talks = findSection(lei, 'talks')!.entries;
    assert.equal(talks.length, 6);
    assert.deepEqual(talks[2], { event: 'CCMA Deep Learning Seminar', host: 'PSU', date: '2020-05', virtual: true });
    const service = findSection(lei, 'service')!.entries[0]!;
    assert.deepEqual(
      service.reviewer.map((g) => [g.kind, g.venues.length]),
      [
        ['conference', 7],
        ['journal', 11],
      ],
    );
    assert.deepEqual(service.reviewer[0]!.venues[0], { short: 'NeurIPS', name: 'Conference on Neural Information Processing Systems', years: '2019-2022' });

    const mingze = cvModel(exampleGraph(), 'mingze-wang');
    const awards = findSection(mingze, 'awards')!.entries;
    assert.equal(awards.length, 13);
    assert.deepEqual(awards[0], { title: 'National Scholarship', issuer: 'The Ministry of Education', dates: ['2024-09'], amount: { value: 30000, currency: 'CNY' }, rank: 'top 0.2% in the nation', note: undefined });
    assert.deepEqual(awards.find((a) => a.title === 'First Class Scholarship of ZJU')!.dates, ['2019', '2020-10']);
    const grants = findSection(mingze, 'grants')!.entries;
    assert.deepEqual(grants[0]!.amount, { value: 300000, currency: 'CNY' });
    const calc = findSection(mingze, 'teaching')!.entries.find((t) => t.course === 'Calculus (B)')!;
    assert.equal(compactTerms(calc.terms), 'Fall 2022, 2023, 2024; Spring 2022, 2023, 2024');
    const dl = findSection(mingze, 'teaching')!.entries[0]!;
    assert.deepEqual(dl.instructor, { name: 'Zhiyuan Li', person: undefined, honorific: undefined, affiliation: 'TTIC', url: undefined });
    const positions = findSection(mingze, 'positions')!;
    assert.equal(positions.title, 'Experience');
    assert.deepEqual(
      positions.entries.map((p) => p.kind),
      ['internship', 'internship', 'internship'],
    );
  });

  it('knows whose CV a project makes by default', () => {
    assert.equal(defaultCvPerson(exampleGraph()), 'lei-wu');
  });
});

describe('CV formatting helpers', () => {
  it('formats dates, spans and money', () => {
    assert.equal(formatCvDate('2012-09', 'dot'), '2012.9');
    assert.equal(formatCvDate('2012-09', 'dot-padded'), '2012.09');
    assert.equal(formatCvDate('2021-06', 'month-year'), 'June 2021');
    assert.equal(formatCvDate('2021', 'month-year'), '2021');
    // English months are written without Intl (slow to start), exactly as Intl writes them; other languages by Intl.
    const intl = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) assert.equal(formatCvDate(`2021-${String(m).padStart(2, '0')}`, 'month-year'), intl.format(Date.UTC(2021, m - 1, 1)));
    assert.equal(formatCvDate('2021-06', 'month-year', 'de'), 'Juni 2021');
    assert.equal(formatCvDate('present'), 'Present');
    assert.equal(formatCvSpan('2012-09', '2018-07', 'dot', ' - '), '2012.9 - 2018.7');
    assert.equal(formatCvSpan('2024-12', undefined), '2024.12');
    assert.equal(formatCvSpan('2021-09', 'present'), '2021.09 – Present');
    assert.equal(formatMoney({ value: 300000, currency: 'CNY' }), '300,000 RMB');
    assert.equal(formatMoney({ value: 300000, currency: 'CNY' }, 'symbol'), '¥300,000');
    assert.equal(formatMoney({ value: 1500.5, currency: 'USD' }), '1,500.5 USD');
    assert.equal(compactTerms(['Fall 2012']), 'Fall 2012');
  });
});
