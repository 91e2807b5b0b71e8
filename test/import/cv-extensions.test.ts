// CV files beyond their schema's core: RenderCV's custom_connections as links, degree and field kept apart (however
// they were written), no-break spaces in names; JSON Resume's keys outside the schema reported, and the common ones
// (presentations, talks, teaching) carried. Each item is found on the built site and in the CV.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { degreeAndField } from '../../src/import/sources/rendercv.js';
import { countImport, exitStatus } from '../../src/import/report.js';
import { authorsOf, builtSite, cvOf, errorsOf, FIXTURES, pageText, run, tempDir } from './helpers.ts';

describe('import: RenderCV connections, degrees and names', () => {
  it('carries custom_connections as links, splits "PhD in Robotics", and normalises no-break spaces', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/rendercv-connections/Chiara_De_Luca_CV.yaml`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual([...graph.people.keys()], ['chiara-de-luca'], 'one person, whatever spaces her name was written with');
    const chiara = graph.people.get('chiara-de-luca')!;
    assert.equal(chiara.data.name, 'Chiara De Luca');
    assert.deepEqual(chiara.data.links, {
      github: 'https://github.com/cdeluca',
      scholar: 'https://scholar.google.com/citations?user=Zx9Yw8VuAAAAJ',
      'lab-page': 'https://robotics.example.edu/people/deluca',
      'book-a-meeting': 'https://calendar.example.com/cdeluca',
    });
    assert.equal(chiara.data.phone, '+390612345', 'a tel: connection is the phone');
    assert.ok(result.diagnostics.some((d) => d.code === 'import/not-carried' && /"Matrix"/.test(d.message)), 'a connection that is no web address is reported');
    assert.deepEqual(chiara.data.education?.map((e) => `${e.degree} | ${e.field}`), ['PhD | Robotics', 'MSc | Control Engineering', 'B.Sc. | Mechanical Engineering']);
    const pub = [...graph.publications.values()][0]!;
    assert.deepEqual(authorsOf(pub), ['Chiara De Luca', 'Marco Bianchi']);
    assert.deepEqual(pub.people, ['chiara-de-luca'], 'the owner is linked on her paper');

    const site = builtSite(graph);
    const cv = cvOf(graph, 'chiara-de-luca');
    assert.match(site.get('index.html')!, /https:\/\/robotics\.example\.edu\/people\/deluca/);
    assert.match(cv, /https:\/\/calendar\.example\.com\/cdeluca/);
    assert.match(cv, /\*\*PhD in Robotics\*\*, \*Politecnico di Esempio\*/, 'the CV joins degree and field itself');
    assert.match(cv, /\*\*MSc in Control Engineering\*\*/);
    assert.doesNotMatch(cv, /MSc in MSc|Degree in/, 'never the degree twice, nor a made-up one');
  });

  it('splits a degree and its field written in one field, in either', () => {
    assert.deepEqual(degreeAndField(undefined, 'PhD in Computer Science'), { degree: 'PhD', field: 'Computer Science' });
    assert.deepEqual(degreeAndField('M.Sc. of Physics', undefined), { degree: 'M.Sc.', field: 'Physics' });
    assert.deepEqual(degreeAndField('Bachelor of Science, Biology', undefined), { degree: 'Bachelor of Science', field: 'Biology' });
    assert.deepEqual(degreeAndField('PhD', 'PhD in Mathematics'), { degree: 'PhD', field: 'Mathematics' });
    assert.deepEqual(degreeAndField('PhD', 'Mathematics'), { degree: 'PhD', field: 'Mathematics' });
    assert.deepEqual(degreeAndField(undefined, 'Mathematics'), { degree: 'Mathematics' }, 'nothing to split: kept as written');
  });
});

describe('import: JSON Resume beyond its schema', () => {
  const source = `${FIXTURES}/json-resume-extended/resume.json`;
  it('carries presentations, talks and teaching, and names every other key it does not read', async () => {
    const dir = tempDir();
    const result = await run(source, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    const priya = graph.people.get('priya-raman')!;
    assert.deepEqual(priya.talks.map((t) => `${t.date} ${t.event}`), ['2024-02 Departmental Colloquium, Lakeside University', '2023-08-09 Annual Meeting of the Ecological Society']);
    assert.deepEqual(priya.data.teaching?.map((t) => `${t.term} ${t.role} ${t.course}`), ['Fall 2023 instructor BIO 210: Field Ecology', 'Spring 2016 ta Community Ecology']);
    const unknown = result.diagnostics.filter((d) => d.code === 'import/unknown-key').map((d) => d.message);
    assert.equal(unknown.length, 2);
    assert.match(unknown.join('\n'), /"grants" \(1\)[\s\S]*"hobbies" \(1\)/);
    const talks = countImport(result).find((c) => c.kind === 'talks')!;
    assert.deepEqual([talks.imported, talks.skipped, talks.why[0]?.why], [2, 1, 'no date'], 'the presentation without a date is counted as left out');

    const site = builtSite(graph);
    const cv = cvOf(graph, 'priya-raman');
    for (const title of ['Drought and the Timing of Flowers', 'Counting Bees from Sound']) {
      assert.ok(pageText(site.get('people/priya-raman/talks/index.html')!).includes(title), `"${title}" on the talks page`);
      assert.ok(cv.includes(title), `"${title}" in the CV`);
    }
    assert.match(pageText(site.get('people/priya-raman/teaching/index.html')!), /BIO 210: Field Ecology[\s\S]*Community Ecology/);
    assert.match(cv, /Community Ecology/);
  });
});
