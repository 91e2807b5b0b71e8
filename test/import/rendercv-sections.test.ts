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
