// The example's publications exported to BibTeX and imported into an empty project: the same publications.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openProject } from '../../src/index.js';
import { exitStatus } from '../../src/import/report.js';
import { toBibtex, toBibtexFile } from '../../src/render/export/bibtex.js';
import type { Publication } from '../../src/resolve/graph.js';
import { errorsOf, run, tempDir } from './helpers.ts';

/** What must survive the trip. */
function essentials(p: Publication) {
  return {
    id: p.id,
    type: p.type,
    title: p.title,
    authors: p.authors.map((a) => ({ name: a.name, roles: a.roles })),
    etal: p.etal ?? false,
    alphabetical: p.alphabetical ?? false,
    status: p.status,
    venue: p.venue ?? {},
    year: p.year,
    month: p.month,
    date: p.date,
    doi: p.doi,
    arxiv: p.arxiv,
    openreview: p.openreview,
    url: p.url,
    links: p.links ?? {},
    award: p.award,
    abstract: p.abstract,
    topics: p.topics ?? [],
    selected: p.selected ?? false,
    note: p.note,
  };
}

describe('round trip: export to BibTeX, import', () => {
  it('gives the same publications: ids, titles, authors with roles, venues, years', async () => {
    const example = openProject('examples/pku-group').graph;
    const dir = tempDir();
    const file = join(dir, 'export.bib');
    writeFileSync(file, toBibtexFile([...example.publications.values()]));
    const result = await run(file, join(dir, 'project'));
    assert.equal(exitStatus(result), 0);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity !== 'info'), []);
    const { graph, errors } = errorsOf(join(dir, 'project'));
    assert.deepEqual(errors, []);
    assert.equal(graph.publications.size, example.publications.size);
    for (const [id, original] of example.publications) {
      const back = graph.publications.get(id);
      assert.ok(back, `${id} came back`);
      assert.deepEqual(essentials(back), essentials(original), id);
    }
  });

  it('escapes what BibTeX would read as syntax, and keeps math', () => {
    const text = toBibtex({
      id: 'x2024',
      type: 'workshop',
      title: 'Costs & Benefits of 100% {Braces} -- and $\\{x : x^2 < 1\\}$ ~ tilde',
      authors: [{ name: 'Martin Luther King Jr.', roles: ['equal'] }, { name: 'Smith and Sons', roles: [] }, { name: 'Ludwig van Beethoven', roles: ['corresponding'] }],
      year: 2024,
      status: 'accepted',
    });
    assert.match(text, /^@inproceedings\{x2024,/);
    assert.match(text, /author {8}= \{King, Jr\., Martin Luther and \{Smith and Sons\} and van Beethoven, Ludwig\}/);
    assert.match(text, /title {9}= \{Costs \\& Benefits of 100\\% \\\{Braces\\\} -\{\}- and \$\\\{x : x\^2 < 1\\\}\$ \\textasciitilde\{\} tilde\}/);
    assert.match(text, /equal {9}= \{1\}/);
    assert.match(text, /corresponding = \{3\}/);
    assert.match(text, /pubtype {7}= \{workshop\}/);
    assert.match(text, /status {8}= \{accepted\}/);
  });
});

describe('round trip: vita JSON Resume export, import', () => {
  it("gives the person's publications with roles, teaching, talks and students back", async () => {
    const { jsonResume } = await import('../../src/render/export/jsonresume.js');
    const example = openProject('examples/pku-group').graph;
    const dir = tempDir();
    const file = join(dir, 'lei-wu.json');
    writeFileSync(file, JSON.stringify(jsonResume(example, 'lei-wu')));
    const result = await run(file, join(dir, 'project'));
    assert.equal(exitStatus(result), 0);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity !== 'info'), []);
    const { graph, errors } = errorsOf(join(dir, 'project'));
    assert.deepEqual(errors, []);
    const before = example.people.get('lei-wu')!;
    const after = graph.people.get('lei-wu')!;
    assert.deepEqual(after.publications.slice().sort(), before.publications.slice().sort());
    for (const id of before.publications) {
      const a = example.publications.get(id)!;
      const b = graph.publications.get(id)!;
      assert.deepEqual(
        { title: b.title, authors: b.authors.map((x) => [x.name, x.roles]), year: b.year, type: b.type, status: b.status, short: b.venue?.short },
        { title: a.title, authors: a.authors.map((x) => [x.name, x.roles]), year: a.year, type: a.type, status: a.status, short: a.venue?.short },
        id,
      );
    }
    assert.equal(after.data.teaching?.length, before.data.teaching?.length);
    assert.equal(after.talks.length, before.talks.length);
    assert.equal(after.students.length, before.students.length);
  });
});
