/** A record with a wrong field still exists without it: one mistake, one error (test/fixtures/check/one-mistake-one-error). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openProject } from '../../src/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/check/one-mistake-one-error/', import.meta.url));

test('each kind of record keeps its id and its valid fields when one field is wrong', () => {
  const { graph, diagnostics } = openProject(FIXTURE, { today: new Date('2026-06-01') });
  // One error per file, each at the field that is wrong: nothing about what refers to these records.
  const files = diagnostics.list.map((d) => d.file);
  assert.equal(new Set(files).size, files.length, diagnostics.list.map((d) => `${d.file} ${d.code} ${d.message}`).join('\n'));
  assert.ok(!diagnostics.list.some((d) => d.code.startsWith('resolve/')), 'no reference is left dangling');

  assert.equal(graph.config.owner, 'lei-wu');
  assert.equal(graph.config.baseUrl, undefined, 'the wrong field is left out');
  const lei = graph.people.get('lei-wu')!;
  assert.equal(lei.name, 'Lei Wu');
  assert.equal(lei.data.positions?.[0]?.organization, 'Peking University');
  assert.equal(lei.data.positions?.[0]?.end, undefined);
  const paper = graph.publications.get('wang2025sharpness')!;
  assert.deepEqual(
    paper.authors.map((a) => a.person),
    ['mingze-wang', 'lei-wu'],
  );
  assert.equal(graph.news.length, 1);
  const series = graph.series.get('colloquium')!;
  assert.equal(series.duration, 60, 'the default stands in for the wrong value');
  const [event] = [...graph.events.values()];
  assert.equal(event!.series, 'colloquium');
  assert.equal(event!.speakers[0]!.person, 'mingze-wang');
});

test('a record without a required name still exists for what refers to it: one error, not one per reference', () => {
  const fixture = fileURLToPath(new URL('../fixtures/check/missing-name/', import.meta.url));
  const { graph, diagnostics } = openProject(fixture, { today: new Date('2026-06-01') });
  assert.deepEqual(
    diagnostics.list.filter((d) => !d.file.startsWith('expected.')).map((d) => `${d.file} ${d.code}`),
    ['people/ada.yaml validate/missing-field'],
  );
  assert.ok(graph.people.has('ada'));
  assert.deepEqual(graph.publications.get('chen2025example')!.authors.map((a) => a.person), ['bo', 'ada']);
});
