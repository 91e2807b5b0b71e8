/** What a rendering reads of the record (render/site/reads.ts): the facts it notes, and what their values cover. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSite } from '../../../src/render/site/context.js';
import { groupPage } from '../../../src/render/site/pages/group.js';
import { factsToKeep, factValues, reading, trackedGraph } from '../../../src/render/site/reads.js';
import type { Graph, Publication } from '../../../src/resolve/graph.js';
import { exampleGraph, NOW } from './helpers.js';

/** A copy of the graph with one paper changed. */
function withPaper(graph: Graph, key: string, change: (p: Publication) => Publication): Graph {
  const publications = new Map(graph.publications);
  publications.set(key, change(graph.publications.get(key)!));
  return { ...graph, publications };
}

const valueIn = (graph: Graph, fact: string) => factValues(graph, new Map(), NOW)(fact);

describe('what a page reads of a paper', () => {
  const graph = exampleGraph();
  const [key] = [...graph.publications].find(([, p]) => p.year && p.people.length)!;

  it('notes only the papers\' outlines on the group page, whose charts count them', () => {
    const { reads } = reading(() => groupPage(createSite(trackedGraph(graph), 'en', { now: NOW })));
    const facts = [...reads.facts];
    assert.ok(facts.includes(`pub-outline:${key}`), 'the group page counts the paper');
    assert.deepEqual(facts.filter((f) => f.startsWith('pub:')), [], 'nor does it read any paper\'s title, abstract ...');
  });

  it('keeps a paper\'s outline fact only where the paper itself was not read', () => {
    const { reads } = reading(() => {
      const tracked = trackedGraph(graph);
      const p = tracked.publications.get(key)!;
      void p.year;
      void p.title;
      void tracked.publications.get('no-such-paper');
    });
    assert.deepEqual(factsToKeep(reads).sort(), [`pub-outline:no-such-paper`, `pub:${key}`].sort());
  });

  it('gives an edited title a new value for the paper, not for its outline', () => {
    const edited = withPaper(graph, key, (p) => ({ ...p, title: `${p.title} (revised)`, source: { ...p.source, value: { ...p.source.value, title: `${p.title} (revised)` } } }));
    assert.notEqual(valueIn(edited, `pub:${key}`), valueIn(graph, `pub:${key}`));
    assert.equal(valueIn(edited, `pub-outline:${key}`), valueIn(graph, `pub-outline:${key}`));
  });

  it('gives an edited year a new value for the outline', () => {
    const edited = withPaper(graph, key, (p) => ({ ...p, year: p.year! - 3 }));
    assert.notEqual(valueIn(edited, `pub-outline:${key}`), valueIn(graph, `pub-outline:${key}`));
    assert.notEqual(valueIn(edited, `pub:${key}`), valueIn(graph, `pub:${key}`));
    assert.equal(valueIn(graph, 'pub-outline:no-such-paper'), '-');
  });

  it('covers what the paper\'s record holds and the paper does not (its authors as written)', () => {
    // The paper holds its authors as resolved; its record's authors, as written, are digested too.
    const edited = withPaper(graph, key, (p) => ({ ...p, source: { ...p.source, value: { ...p.source.value, authors: [{ name: 'Someone Else', person: undefined, roles: [] }] } } }));
    assert.notEqual(valueIn(edited, `pub:${key}`), valueIn(graph, `pub:${key}`));
  });
});

describe('a person\'s papers, a fact apart from the person', () => {
  const graph = exampleGraph();
  const shown = trackedGraph(graph);

  it('is what reading their list notes; their name notes the person alone', () => {
    const name = reading(() => shown.people.get('lei-wu')!.name);
    assert.deepEqual([...name.reads.facts], ['person:lei-wu']);
    const papers = reading(() => shown.people.get('lei-wu')!.publications.length);
    assert.deepEqual([...papers.reads.facts].sort(), ['person-papers:lei-wu', 'person:lei-wu']);
  });

  it('has a value that changes with their order, while the person\'s does not', () => {
    const value = factValues(graph, new Map(), NOW);
    const lei = graph.people.get('lei-wu')!;
    const reordered: Graph = { ...graph, people: new Map([...graph.people].map(([id, p]) => [id, id === 'lei-wu' ? { ...p, publications: [...p.publications].reverse() } : p])) };
    const after = factValues(reordered, new Map(), NOW);
    assert.ok(lei.publications.length > 1);
    assert.notEqual(after('person-papers:lei-wu'), value('person-papers:lei-wu'));
    assert.equal(after('person:lei-wu'), value('person:lei-wu'));
  });
});

describe('a hand-written page\'s outline, a fact apart from its text', () => {
  const graph = exampleGraph();
  const page = graph.pages.find((p) => p.menu)!;

  it('is what the menus read (its title, label, order, owner); its text notes the page', () => {
    const menu = reading(() => {
      const p = trackedGraph(graph).pages.find((x) => x.id === page.id)!;
      return [p.id, p.person, p.title, p.menu, p.order];
    });
    assert.deepEqual([...menu.reads.facts].sort(), ['page-outline:' + page.id, 'pages*'].sort());
    const text = reading(() => trackedGraph(graph).pages.find((x) => x.id === page.id)!.body);
    assert.ok(text.reads.facts.has(`page:${page.id}`));
    // The page's own fact covers its outline's.
    const both = reading(() => {
      const p = trackedGraph(graph).pages.find((x) => x.id === page.id)!;
      void p.title;
      void p.body;
    });
    assert.deepEqual(factsToKeep(both.reads).filter((f) => f.includes(page.id)), [`page:${page.id}`]);
  });

  it('has a value that changes with its title, not with its text', () => {
    const edit = (change: (p: typeof page) => typeof page): Graph => ({ ...graph, pages: graph.pages.map((p) => (p.id === page.id ? change(p) : p)) });
    const text = edit((p) => ({ ...p, body: { ...p.body, text: `${p.body.text}\n\nOne more paragraph.` } }));
    assert.notEqual(valueIn(text, `page:${page.id}`), valueIn(graph, `page:${page.id}`));
    assert.equal(valueIn(text, `page-outline:${page.id}`), valueIn(graph, `page-outline:${page.id}`));
    const title = edit((p) => ({ ...p, title: { ...(p.title as Record<string, string>), en: 'Another title' } }));
    assert.notEqual(valueIn(title, `page-outline:${page.id}`), valueIn(graph, `page-outline:${page.id}`));
    assert.equal(valueIn(graph, 'page-outline:no-such-page'), '-');
  });
});
