/**
 * A theme/components.js that never returns, run as a user runs vita (a child process): a loop at the module's top
 * level, or in a component, is stopped and reported at the file; `vita build` exits non-zero and `vita dev` starts
 * and shows the error. The test kills vita after 90 s and fails: a hang is a failure, not a slow test.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND_HELP } from '../../src/cli/help.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vita-theme-hang-'));
after(() => rmSync(dir, { recursive: true, force: true }));
/** Far beyond what vita needs (the deadlines are seconds), far below forever. */
const KILL_AFTER_MS = 90_000;

function project(name: string, components: string): string {
  const root = join(dir, name);
  cpSync(join(ROOT, 'test/fixtures/frozen-project/2026-11-26-person'), root, { recursive: true });
  mkdirSync(join(root, 'theme'));
  writeFileSync(join(root, 'theme/components.mjs'), components);
  return root;
}

/** Runs vita until it exits, or until `until` matches its output (then it is stopped); killed at the deadline. */
function vita(args: string[], until?: RegExp): Promise<{ code: number | null; output: string; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, KILL_AFTER_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, killed });
    });
  });
}

const TOP_LEVEL_LOOP = ['let n = 0;', 'while (true) { n++; }', 'export function footer(props, h) { return h.default; }', ''].join('\n');
const COMPONENT_LOOP = ['export function footer(props, h) {', '  for (;;) {}', '}', ''].join('\n');

test('vita build: a theme module that loops at its top level is stopped and reported at the file', { timeout: KILL_AFTER_MS + 30_000 }, async () => {
  const root = project('top-level', TOP_LEVEL_LOOP);
  const run = await vita(['build', root, '--out', join(dir, 'top-level-site')]);
  assert.equal(run.killed, false, `vita build hung:\n${run.output}`);
  assert.equal(run.code, 1, run.output);
  assert.match(run.output, /theme\/components\.mjs error: theme\/components\.mjs did not finish importing .*\[theme\/import-timeout\]/);
  assert.doesNotMatch(run.output, /internal error|\n\s+at /);
});

test('vita build: a component that loops is stopped and reported at the file', { timeout: KILL_AFTER_MS + 30_000 }, async () => {
  const root = project('component', COMPONENT_LOOP);
  const run = await vita(['build', root, '--out', join(dir, 'component-site')]);
  assert.equal(run.killed, false, `vita build hung:\n${run.output}`);
  assert.equal(run.code, 1, run.output);
  assert.match(run.output, /theme\/components\.mjs:1:\d+ error: footer did not return within 2 s .*\[theme\/component-timeout\]/);
});

test('vita dev: a theme module that loops at its top level; the server starts and shows the error', { timeout: KILL_AFTER_MS + 30_000 }, async () => {
  const root = project('dev', TOP_LEVEL_LOOP);
  const run = await vita(['dev', root, '--port', '0'], /http:\/\/127\.0\.0\.1:\d+/);
  assert.equal(run.killed, false, `vita dev hung:\n${run.output}`);
  assert.match(run.output, /theme\/components\.mjs error: .*did not finish importing.*\[theme\/import-timeout\]/);
  assert.match(run.output, /http:\/\/127\.0\.0\.1:\d+/, 'it serves');
});

test('the help and the README say that building a project runs its theme/components.js', () => {
  const docs: [string, string][] = [
    ['vita build --help', COMMAND_HELP.build ?? ''],
    ['README.md', readFileSync(join(ROOT, 'README.md'), 'utf8')],
    ['docs/theming.md', readFileSync(join(ROOT, 'docs/theming.md'), 'utf8')],
  ];
  for (const [where, text] of docs) {
    assert.match(text.replace(/\s+/g, ' '), /Building (a project )?runs (the project's|its) `?theme\/components\.js`?/, where);
  }
});
