/**
 * The command as `npm run build` leaves it in dist/: the command and its two threads (building, typesetting) bundled
 * by esbuild into a file each plus shared chunks, which must do exactly what the TypeScript sources do. A one-person
 * project is built by both, with its search index and CV PDF, and the two sites compared byte for byte; and by the
 * bundled build thread too (a record past SMALL_RECORD_BYTES is rendered on it, not in the main thread).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMALL_RECORD_BYTES } from '../../src/write/build.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const PROJECT = join(ROOT, 'test/fixtures/frozen-project/2026-11-26-person');
const ENTRIES = ['cli/main.js', 'write/build-worker.js', 'write/cv-pdf-worker.js'];

function run(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
}

/** Every file under `dir`, by its path inside it. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else found.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return found;
}

test('dist holds the command and its threads as bundles: they import only shared chunks, no module of src/ one by one', (t) => {
  if (!existsSync(join(DIST, 'cli/main.js'))) return t.skip('dist/ is not built: npm test builds it');
  for (const entry of ENTRIES) {
    const text = readFileSync(join(DIST, entry), 'utf8');
    const relativeImports = [...text.matchAll(/\b(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(relativeImports.length > 0, `${entry} imports no chunk: is it tsc's file?`);
    assert.deepEqual(relativeImports.filter((p) => !p.startsWith('../chunks/')), [], `${entry} imports modules of its own`);
  }
});

test('the bundled vita answers --version, and builds a one-person site byte for byte as the sources do', (t) => {
  if (!existsSync(join(DIST, 'cli/main.js'))) return t.skip('dist/ is not built: npm test builds it');
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const asked = run([join(DIST, 'cli/main.js'), '--version']);
  assert.equal(asked.stdout.trim(), `vita ${version}`, asked.stderr);

  const dir = mkdtempSync(join(tmpdir(), 'vita-bundle-'));
  try {
    // Each build in a copy of its own, so that neither takes the other's CV PDF from the cache.
    const sites: Map<string, Buffer>[] = [];
    for (const [name, command] of [
      ['bundled', [join(DIST, 'cli/main.js')]],
      ['sources', ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')]],
      ['bundled-thread', [join(DIST, 'cli/main.js')]],
    ] as const) {
      const project = join(dir, name);
      cpSync(PROJECT, project, { recursive: true });
      // A file no page uses (a warning), which makes the record too large to be built in the main thread.
      if (name === 'bundled-thread') writeFileSync(join(project, 'notes.txt'), 'x'.repeat(SMALL_RECORD_BYTES));
      const built = run([...command, 'build', project, '--out', join(dir, `${name}-site`)]);
      assert.equal(built.status, 0, `${name}: ${built.stderr}`);
      assert.doesNotMatch(built.stderr, /warning: (site search was not built|.*cv\.pdf)/, `${name}: ${built.stderr}`);
      sites.push(files(join(dir, `${name}-site`)));
    }
    const [bundled, sources, onThread] = sites as [Map<string, Buffer>, Map<string, Buffer>, Map<string, Buffer>];
    assert.ok([...bundled.keys()].some((p) => p.endsWith('cv.pdf')), 'a CV PDF, typeset by the bundled thread');
    assert.ok([...bundled.keys()].some((p) => p.startsWith('pagefind/')), 'the search index');
    assert.deepEqual([...bundled.keys()].sort(), [...sources.keys()].sort());
    const differ = [...bundled].filter(([p, bytes]) => !bytes.equals(sources.get(p)!)).map(([p]) => p);
    assert.deepEqual(differ, [], 'files that differ between the bundled and the source build');
    assert.deepEqual([...onThread.keys()].sort(), [...bundled.keys()].sort());
    assert.deepEqual([...onThread].filter(([p, bytes]) => !bytes.equals(bundled.get(p)!)).map(([p]) => p), [], 'files that differ between the bundled build in the main thread and on the build thread');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
