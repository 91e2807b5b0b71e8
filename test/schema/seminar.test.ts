// A seminar event's links: four kinds, each a safe web address or a file of the project; a bad one is a located error.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Event } from '../../src/schema/seminar.js';
import { projectFrom, SEMINAR_PROJECT } from '../render/calendar/project.js';

const talk = { title: 'A talk', speaker: 'jane-doe', start: '2026-03-01 16:00' };

describe('seminar event schema: links', () => {
  it('takes a talk page, slides (a file of the project too), a video and a paper', () => {
    const links = { page: 'https://indico.example.org/event/7/', slides: 'seminars/ml/slides.pdf', video: 'https://video.example.org/x', paper: 'https://arxiv.org/abs/2501.00001' };
    assert.deepEqual(Event.parse({ ...talk, links }).links, links);
  });

  it('refuses unsafe or unreadable addresses and kinds it does not know', () => {
    for (const links of [{ page: 'javascript:alert(1)' }, { slides: 'data:text/html,x' }, { video: 'https://exa mple.org/' }, { code: 'https://example.org/' }]) {
      assert.equal(Event.safeParse({ ...talk, links }).success, false, JSON.stringify(links));
    }
  });

  it('reports a bad link at its line in the event file', () => {
    const { diagnostics } = projectFrom({
      ...SEMINAR_PROJECT,
      'seminars/nyc-seminar/2025-05-02-bad.yaml': ['title: A talk', 'speaker: {name: Jane Doe}', "start: '2025-05-02 14:00'", 'links:', '  page: https://example.org/ok', '  slides: javascript:alert(1)', ''].join('\n'),
    });
    const bad = diagnostics.list.filter((d) => d.file === 'seminars/nyc-seminar/2025-05-02-bad.yaml' && d.severity === 'error');
    assert.equal(bad.length, 1, JSON.stringify(diagnostics.list));
    assert.deepEqual([bad[0]!.line, bad[0]!.path], [6, ['links', 'slides']]);
  });

  it('finds slides kept as a file the project does not have', () => {
    const { diagnostics } = projectFrom({
      ...SEMINAR_PROJECT,
      'seminars/nyc-seminar/2025-05-02-missing.yaml': ['title: A talk', 'speaker: {name: Jane Doe}', "start: '2025-05-02 14:00'", 'links:', '  slides: seminars/nyc-seminar/missing.pdf', ''].join('\n'),
    });
    const dead = diagnostics.list.filter((d) => d.code === 'check/dead-link');
    assert.deepEqual(dead.map((d) => [d.file, d.path]), [['seminars/nyc-seminar/2025-05-02-missing.yaml', ['links', 'slides']]]);
  });

  it('warns, at the older field, when slides are given twice and differ; links wins', () => {
    const { diagnostics, graph } = projectFrom({
      ...SEMINAR_PROJECT,
      'seminars/nyc-seminar/2025-05-02-twice.yaml': ['title: A talk', 'speaker: {name: Jane Doe}', "start: '2025-05-02 14:00'", 'slides: https://example.org/old.pdf', 'video: https://example.org/same', 'links:', '  slides: https://example.org/new.pdf', '  video: https://example.org/same', ''].join('\n'),
    });
    const twice = diagnostics.list.filter((d) => d.code === 'resolve/event-link-twice');
    assert.deepEqual(twice.map((d) => [d.file, d.line, d.path]), [['seminars/nyc-seminar/2025-05-02-twice.yaml', 4, ['slides']]]);
    assert.equal(graph.events.get('nyc-seminar/2025-05-02-twice')!.links.slides, 'https://example.org/new.pdf');
  });
});
