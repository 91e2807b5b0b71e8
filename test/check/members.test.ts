/** Members and mentees whose stage would have ended long ago are reported, and the group page lists them with the alumni. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject } from '../../src/index.js';
import { renderSite } from '../../src/render/site/index.js';
import { stageOverdue } from '../../src/resolve/stages.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TODAY = new Date('2026-06-01');
const dir = join(ROOT, 'test', 'fixtures', 'check', 'overdue-members');

describe('members and mentees with no end date', () => {
  const { graph, diagnostics } = openProject(dir, { today: TODAY });
  const found = diagnostics.list.filter((d) => d.code === 'check/overdue-member');

  it('reports an undergraduate of eight years and a PhD student of nine, where their start is written', () => {
    assert.deepEqual(
      found.map((d) => `${d.file}:${d.line}:${d.column}`),
      ['people/ada.yaml:8:5', 'people/ada.yaml:18:5', 'people/mary.yaml:4:3'],
    );
    assert.match(found[0]!.message, /Charles Undergrad is recorded as an undergraduate mentored since 2018, with no end date/);
    for (const d of found) assert.match(d.hint!, /add `end:`/);
  });

  it('leaves alone a recent undergraduate, one with an end date, a postdoc of five years and the PI', () => {
    const messages = found.map((d) => d.message).join('\n');
    for (const name of ['Recent Undergrad', 'Finished Undergrad', 'Paul Postdoc', 'Ada Lovelace']) assert.ok(!messages.includes(name), name);
  });

  it('lists them on the group page with the former members, not as current', () => {
    const site = renderSite(graph, { now: TODAY });
    const group = String(site.find((f) => f.path === 'group/index.html')!.content);
    const [current, alumni] = group.split('id="alumni"');
    assert.ok(alumni, 'an alumni section');
    for (const name of ['Charles Undergrad', 'Mary Somerville']) {
      assert.ok(alumni.includes(name), `${name} with the alumni`);
      assert.ok(!current!.includes(name), `${name} not current`);
    }
    assert.ok(current!.includes('Recent Undergrad') && current!.includes('Paul Postdoc'), 'the others are current');
    assert.ok(alumni.includes('2018–'), 'the open years as recorded');
  });

  it('uses a limit per stage', () => {
    const now = new Date('2026-06-01');
    assert.ok(stageOverdue('undergraduate', '2018', undefined, now));
    assert.ok(!stageOverdue('undergraduate', '2022', undefined, now));
    assert.ok(stageOverdue('phd', '2018-09', 'present', now));
    assert.ok(!stageOverdue('phd', '2019-09', undefined, now));
    assert.ok(stageOverdue('postdoc', '2019', undefined, now));
    assert.ok(!stageOverdue('postdoc', '2021', undefined, now));
    assert.ok(!stageOverdue('pi', '1990', undefined, now));
    assert.ok(!stageOverdue('undergraduate', '2010', '2014', now));
  });
});
