// RenderCV draws any entry type in any section: what a section holds is decided by its name first. Awards and talks
// written as education or experience entries are awards and talks on the site and in the CV, never degrees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exitStatus } from '../../src/import/report.js';
import { builtSite, cvOf, errorsOf, FIXTURES, pageText, run, tempDir } from './helpers.ts';

describe('import: RenderCV sections by name', () => {
  it('puts awards, talks and service where their section names say, in the record, on the site and in the CV', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/rendercv-sections/Lena_Fischer_CV.yaml`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    const lena = graph.people.get('lena-fischer')!;
    assert.deepEqual(lena.data.education?.map((e) => e.institution), ['ETH Zurich'], 'only the degree is education');
    assert.deepEqual(lena.data.awards?.map((a) => `${a.title} | ${a.issuer}`), ['Young Researcher Prize | Swiss Mathematical Society', 'Early Career Fellowship | Example Foundation']);
    assert.deepEqual(lena.talks.map((t) => `${t.date} ${t.title} @ ${t.event}`), ['2023-03-14 Random batch methods for interacting particles @ Oberwolfach Workshop on Stochastic Numerics', '2022-11-02 Probability Seminar @ Lakeside University']);
    assert.deepEqual(lena.data.positions ?? [], [], 'no award or talk became a position');
    const cv = cvOf(graph, 'lena-fischer');
    const education = cv.split('## Education')[1]!.split('\n## ')[0]!;
    assert.doesNotMatch(education, /Prize|Fellowship|Oberwolfach|Seminar/);
    assert.match(cv.split('## Awards')[1]!, /Young Researcher Prize[\s\S]*Early Career Fellowship/);
    assert.match(cv.split('## Talks')[1]!, /Random batch methods/);
    const site = builtSite(graph);
    const all = [...site.values()].map(pageText).join(' ');
    assert.match(all, /Young Researcher Prize/);
    assert.match(all, /Random batch methods for interacting particles/);
  });
});

describe('import: RenderCV sections named honors, presentations, teaching, students, advisees, grants', () => {
  it('puts each where its name says, whatever its entry type, and shows it in the CV', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/rendercv-named/Priya_Raman_CV.yaml`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    const priya = graph.people.get('priya-raman')!;
    assert.deepEqual(priya.data.education?.map((e) => e.institution), ['University of Example'], 'only the degree is education');
    assert.deepEqual(priya.data.positions ?? [], [], 'nothing became a position');
    assert.deepEqual(priya.data.awards?.map((a) => `${a.title} | ${a.issuer}`), ['Early Investigator Medal | Example Academy of Sciences']);
    assert.deepEqual(priya.talks.map((t) => `${t.date} ${t.title} @ ${t.event}`), ['2024-05-21 Learned indexes that forget @ Example Symposium on Databases']);
    assert.deepEqual(priya.data.teaching?.map((t) => t.course), ['Database Systems (CS 445)']);
    assert.deepEqual(priya.data.mentoring?.map((m) => `${String(m.person)} ${m.level} ${m.start}-${m.end}`), ['Tomás Okafor phd 2021-09-present', 'Lin Zhou undergraduate 2022-06-2022-08']);
    assert.deepEqual(priya.data.grants?.map((g) => `${g.title} | ${g.funder} | ${g.role}`), ['Adaptive Storage for Scientific Data | Example Science Foundation | pi']);
    const cv = cvOf(graph, 'priya-raman');
    for (const text of ['Early Investigator Medal', 'Learned indexes that forget', 'Database Systems', 'Tomás Okafor', 'Lin Zhou', 'Adaptive Storage for Scientific Data']) assert.ok(cv.includes(text), `"${text}" in the CV`);
    assert.doesNotMatch(cv.split(/^## /m).find((s) => s.startsWith('Education')) ?? '', /Medal|Okafor|Zhou|Adaptive/);
  });
});
