// The example group through the whole pipeline: it must load without errors and hold every fact of the seeds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openProject } from '../../src/index.js';
import { titleKey } from '../../src/check/duplicates.js';
import { SEED_001_TITLES } from '../render/cv/helpers.js';

const { graph, diagnostics } = openProject('examples/pku-group', { today: new Date('2026-11-01') });
const lei = graph.people.get('lei-wu')!;
const mingze = graph.people.get('mingze-wang')!;
const titlesOf = (keys: string[]) => new Set(keys.map((k) => titleKey(graph.publications.get(k)!.title)));

describe('the example group', () => {
  it('passes vita check with no errors', () => {
    const errors = diagnostics.list.filter((d) => d.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('has its people, each paper once', () => {
    assert.deepEqual([...graph.people.keys()].sort(), ['chao-ma', 'lei-wu', 'mingze-wang', 'weijie-su', 'weinan-e']);
    const keys = [...graph.publications.values()].map((p) => titleKey(p.title));
    assert.equal(new Set(keys).size, keys.length, 'no title twice');
    assert.equal(diagnostics.list.filter((d) => d.code === 'check/duplicate-publication').length, 0);
  });
});

describe('seed 000: Lei Wu homepage', () => {
  it('names, title, office, contact', () => {
    assert.equal(lei.names.en, 'Lei Wu');
    assert.equal(lei.names.zh, '吴磊');
    assert.equal(typeof lei.data.title === 'string' ? lei.data.title : lei.data.title?.en, 'Assistant Professor');
    assert.equal(lei.data.office, '静园6院 205');
    assert.equal(lei.data.email, 'leiwu@math.pku.edu.cn');
    assert.ok(lei.data.links?.scholar && lei.data.links.github);
    const units = (lei.data.affiliations ?? []).map((a) => (typeof a.name === 'string' ? a.name : a.name.en));
    assert.deepEqual(units, ['School of Mathematical Sciences', 'Center for Machine Learning Research']);
  });
  it('about, vision with three themes, recruiting', () => {
    assert.match(lei.sections.about!.text, /postdoctoral researcher at PACM, Princeton University/);
    assert.match(lei.sections.about!.text, /Nankai University in 2012/);
    assert.match(lei.sections.vision!.text, /representation, optimization, and scale/);
    assert.deepEqual(lei.data.themes?.map((t) => t.title), ['Approximation and representation', 'Learning dynamics', 'Scaling laws']);
    assert.match(lei.sections.recruiting!.text, /self-motivated postdocs/);
  });
  it('the three news items of 2025-09 and 2026-02, linked to their papers', () => {
    // (The group's spring retreat of 2026-03 is the example's own, not a seed's.)
    const news = graph.news.filter((n) => n.people.includes('lei-wu') && n.date >= '2025-09' && n.date < '2026-03');
    assert.deepEqual(news.map((n) => n.date).sort(), ['2025-09', '2026-02', '2026-02']);
    for (const n of news) assert.equal(n.publications.length, 1);
    const fsl = news.find((n) => n.date === '2025-09')!;
    assert.equal(graph.publications.get(fsl.publications[0]!)!.award?.startsWith('Spotlight'), true);
    assert.match(fsl.body ?? '', /entire loss trajectory/);
  });
});

describe('seed 001: Lei Wu CV', () => {
  it('education with advisor and mentors, positions, interests', () => {
    assert.equal(lei.data.education?.length, 4);
    assert.deepEqual(lei.advisors.map((a) => a.person ?? a.name), ['weinan-e', 'Guang Lin']);
    assert.deepEqual(lei.data.positions?.map((p) => p.start), ['2021-12', '2021-08', '2018-11', '2018-07']);
    assert.equal(lei.data.interests?.length, 2);
  });
  it('every published paper and preprint of the CV, with roles', () => {
    const mine = titlesOf(lei.publications);
    for (const t of SEED_001_TITLES) assert.ok(mine.has(titleKey(t)), `missing: ${t}`);
    const inductive = [...graph.publications.values()].find((p) => p.title.startsWith('Theoretical Analysis of Inductive'))!;
    assert.deepEqual(inductive.authors.map((a) => [a.name, a.roles]), [['Zihao Wang', ['equal']], ['Lei Wu', ['equal']]]);
  });
  it('teaching, mentoring, talks, service', () => {
    const terms = (lei.data.teaching ?? []).flatMap((t) => t.terms ?? (t.term ? [t.term] : []));
    assert.equal(terms.length, 13);
    assert.deepEqual(new Set((lei.data.teaching ?? []).map((t) => t.role)), new Set(['instructor', 'co-instructor', 'ta']));
    const students = lei.students.map((s) => s.who.name);
    for (const n of ['Shan Jiang', 'Kaizhao Liu', 'Zilin Wang', 'Liming Liu', 'Zihao Wang', 'Hongrui Chen', 'Zhanran Lin', 'Puheng Li', 'Zihan Wang']) assert.ok(students.includes(n), n);
    const own = lei.talks.filter((t) => !t.seminar);
    assert.equal(own.length, 6);
    assert.equal(own.filter((t) => t.virtual).length, 3);
    const reviewer = lei.data.service?.reviewer ?? [];
    const conf = Object.fromEntries(reviewer.filter((r) => r.kind === 'conference').map((r) => [r.venue, r.years]));
    assert.deepEqual(conf, { NeurIPS: '2019-2022', ICML: '2020-2021', ICLR: '2020-2024', AISTATS: '2022', MSML: '2020-2022', AAAI: '2019', IJCAI: '2019' });
    assert.equal(reviewer.filter((r) => r.kind === 'journal').length, 11);
  });
});

describe('seeds 002 and 003: Mingze Wang', () => {
  it('all 18 publications of the CV, with † and * roles', () => {
    assert.equal(mingze.publications.length, 18);
    const leads = mingze.publications.filter((k) => graph.publications.get(k)!.authors.some((a) => a.person === 'mingze-wang' && a.roles.includes('lead')));
    assert.ok(leads.length >= 9, `lead on ${leads.length}`);
    const inPrep = mingze.publications.filter((k) => graph.publications.get(k)!.status === 'in-preparation');
    assert.equal(inPrep.length, 4);
  });
  it('the research tree cites only existing papers and covers both seeds', () => {
    const research = mingze.sections.research!;
    assert.ok(research.cites.length >= 17);
    assert.match(research.text, /state-space models/);
    assert.match(research.text, /data selection/);
    assert.match(research.text, /\| \*\*Theory\*\*/);
  });
  it('education notes, awards with amounts, the grant, internships, teaching, service', () => {
    const zju = mingze.data.education!.find((e) => e.institution === 'Zhejiang University')!;
    assert.ok(zju.notes!.some((n) => n.includes('1/111')) && zju.notes!.some((n) => n.includes('4.84/5')));
    assert.deepEqual(mingze.advisors.map((a) => a.person), ['weinan-e']);
    assert.equal(mingze.data.awards!.length, 13); // seed 003's 13 lines, the fund aside (it is a grant), one line split in two
    assert.ok(mingze.data.awards!.some((a) => a.amount?.value === 110000 && a.amount.currency === 'CNY'));
    assert.equal(mingze.data.grants![0]!.amount!.value, 300000);
    assert.deepEqual(mingze.data.positions!.map((p) => p.kind), ['internship', 'internship', 'internship']);
    assert.equal(mingze.data.service!.reviewer!.length, 9);
  });
  it('co-authors of seed 002 with affiliations', () => {
    for (const id of ['weinan-e', 'chao-ma', 'lei-wu', 'weijie-su']) assert.ok(graph.people.get(id)!.data.affiliations?.length, id);
    assert.equal(graph.people.get('weinan-e')!.data.affiliations!.length, 3);
  });
});

describe('seed 004: the SCMS Colloquium', () => {
  const event = graph.events.get('scms-colloquium/2025-07-23-weijie-su')!;
  const series = graph.series.get('scms-colloquium')!;
  it('event: title, speaker, time in Asia/Shanghai, venue, abstract, bio', () => {
    assert.equal(event.title, 'Toward a Mathematical Theory of Deep Learning: Lessons from Personal Research');
    assert.equal(event.speakers[0]!.person, 'weijie-su');
    assert.equal(event.speakers[0]!.affiliation, 'University of Pennsylvania');
    assert.equal(event.timezone, 'Asia/Shanghai');
    assert.equal(event.startUtc, '2025-07-23T02:30:00.000Z');
    assert.equal(event.endUtc, '2025-07-23T03:30:00.000Z');
    assert.equal(event.venue?.name, 'Rm 102, SCMS');
    assert.match(event.abstract ?? '', /A century ago, breakthroughs like relativity/);
    assert.match(event.bio ?? '', /SIAM Activity Group on Data Science Early Career Prize in 2022/);
  });
  it('host block', () => {
    assert.deepEqual(series.host.name, { en: 'Shanghai Center for Mathematical Sciences', zh: '上海数学中心' });
    assert.equal(series.host.email, 'scms@fudan.edu.cn');
    assert.equal(series.host.phone, '021-31243880');
    assert.equal(series.host.postcode, '200438');
  });
  it('the talk is on the speaker\'s talks', () => {
    assert.ok(graph.people.get('weijie-su')!.talks.some((t) => t.seminar?.event === event.id));
  });
});
