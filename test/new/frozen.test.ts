// Projects made by earlier versions of `vita new` (test/fixtures/frozen-project/<date>-<kind>/) must still open
// without errors and build: tomorrow's vita builds today's projects.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runBuild } from '../../src/cli/build.js';
import { openProject } from '../../src/index.js';

const ROOT = 'test/fixtures/frozen-project';
const tmp = mkdtempSync(join(tmpdir(), 'vita-frozen-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const projects = readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('projects frozen as vita new made them', () => {
  it('there is at least one for a person and one for a group', () => {
    assert.ok(projects.some((p) => p.endsWith('-person')));
    assert.ok(projects.some((p) => p.endsWith('-group')));
  });

  for (const name of projects) {
    it(`${name} opens without errors`, () => {
      const { graph, diagnostics } = openProject(join(ROOT, name));
      const errors = diagnostics.list.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line ?? ''} ${d.code}: ${d.message}`);
      assert.deepEqual(errors, []);
      // The record is all there: its person, the example publications and the first news item.
      assert.equal(graph.people.size, 1);
      const person = [...graph.people.values()][0]!;
      assert.equal(person.publications.length, 3);
      assert.equal(graph.news.length, 1);
      assert.ok(graph.config.owner === person.id || graph.config.group?.lead === person.id);
    });

    it(`${name} builds, at a GitHub Pages address as its workflow gives it`, async () => {
      const out = join(tmp, name);
      const err: string[] = [];
      // A copy: a build keeps its cache in the project (.vita-cache/), and these folders stay as committed.
      const project = join(tmp, `${name}-project`);
      cpSync(join(ROOT, name), project, { recursive: true, filter: (src) => !src.includes('.vita-cache') });
      const code = await runBuild(project, { out, baseUrl: 'https://user.github.io/repo/', search: false, stdout: () => {}, stderr: (s) => void err.push(s) });
      assert.equal(code, 0, err.join(''));
      const home = readFileSync(join(out, 'index.html'), 'utf8');
      assert.ok(home.includes('<link rel="canonical" href="https://user.github.io/repo/">'));
      assert.ok(existsSync(join(out, 'news/index.html')));
    });
  }
});

