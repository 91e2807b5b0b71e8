// A theme component that never returns: stopped after a while, reported naming the component and the page, and
// vita's own used instead; the build ends (with status 1, as for any broken component).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../../../src/cli/build.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-theme-timeout-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('a theme component that never returns', () => {
  it('is stopped and reported, and the site is built with vita\'s own', { timeout: 60_000 }, async () => {
    const project = join(dir, 'project');
    cpSync('test/fixtures/frozen-project/2026-11-26-person', project, { recursive: true });
    mkdirSync(join(project, 'theme'));
    writeFileSync(
      join(project, 'theme/components.mjs'),
      [
        'export function footer(props, h) {',
        '  for (;;) {}',
        '}',
        'export function header(props, h) {',
        '  return h.html`<div class="mine">${h.default}</div>`;',
        '}',
        '',
      ].join('\n'),
    );
    const err: string[] = [];
    const code = await runBuild(project, { out: join(dir, 'site'), cv: false, search: false, stdout: () => {}, stderr: (s) => void err.push(s) });
    const said = err.join('');
    assert.equal(code, 1, said);
    assert.match(said, /theme\/components\.mjs:1:\d+ error: footer did not return within 2 s on \S+: it was stopped.*\[theme\/component-timeout\]/);
    // One wait, not one per page: the component is stopped once and not called again.
    assert.equal(said.match(/\[theme\/component-timeout\]/g)?.length, 1, said);
    const home = readFileSync(join(dir, 'site/index.html'), 'utf8');
    assert.match(home, /<footer class="site-footer/, 'vita\'s own footer');
    assert.match(home, /<div class="mine">/, 'the other component still runs');
  });
});
