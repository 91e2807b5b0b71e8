/**
 * The command as `npm run build` leaves it in dist/: the command bundled by esbuild into one CommonJS file, run by
 * its launcher with V8's compile cache (src/cli/launch.ts), and its two threads (building, typesetting) into a file
 * each plus shared chunks; all must do exactly what the TypeScript sources do. A one-person project is built by
 * both, with its search index and CV PDF, and the sites compared byte for byte: by the bundle without and with its
 * compile cache, and by the bundled build thread too (a record past SMALL_RECORD_BYTES is rendered on it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMALL_RECORD_BYTES } from '../../src/write/build.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const PROJECT = join(ROOT, 'test/fixtures/frozen-project/2026-11-26-person');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const THREADS = ['write/build-worker.js', 'write/cv-pdf-worker.js'];

/** `cache`: the compile cache's folder (VITA_COMPILE_CACHE), so that a test never reads another run's. */
function run(args: string[], cache = 'off') {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', VITA_COMPILE_CACHE: cache }, timeout: 120_000 });
}

/** How many runs have made a cache file (its byte after the digest), 0 if it was never made again since damaged. */
function seasoned(file: string): number {
  return readFileSync(file)[32]!;
}

/** The compile cache's files, by name, with what tells a file written again from the same one (inode, time). */
function cacheFiles(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).map((name) => {
    const s = statSync(join(dir, name));
    return [name, `${s.ino}/${s.mtimeMs}/${s.size}`];
  }));
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

test('dist holds the command as one file and its threads as bundles: nothing imports a module of src/ one by one', (t) => {
  if (!existsSync(join(DIST, 'cli/main.js'))) return t.skip('dist/ is not built: npm test builds it');
  const launcher = readFileSync(join(DIST, 'cli/main.js'), 'utf8');
  assert.ok(launcher.startsWith('#!/usr/bin/env node\n'), 'the launcher runs as a command');
  assert.match(launcher, /vita\.cjs/);
  assert.deepEqual([...launcher.matchAll(/\b(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]), [], 'the launcher imports no module');
  const command = readFileSync(join(DIST, 'cli/vita.cjs'), 'utf8');
  assert.deepEqual([...command.matchAll(/\brequire\("(\.{1,2}\/[^"]+)"\)/g)].map((m) => m[1]), [], 'the command requires no module of its own');
  assert.doesNotMatch(command, /\bimport\("(?!\.{0,2}\/)[^"]+"\)/, 'a package is imported by the launcher (vitaImport), not by the cached script');
  for (const entry of THREADS) {
    const text = readFileSync(join(DIST, entry), 'utf8');
    const relativeImports = [...text.matchAll(/\b(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(relativeImports.length > 0, `${entry} imports no chunk: is it tsc's file?`);
    assert.deepEqual(relativeImports.filter((p) => !p.startsWith('../chunks/')), [], `${entry} imports modules of its own`);
  }
});

test('the bundled vita answers --version, and builds a one-person site byte for byte as the sources do, without and with its compile cache', (t) => {
  if (!existsSync(join(DIST, 'cli/main.js'))) return t.skip('dist/ is not built: npm test builds it');
  const dir = mkdtempSync(join(tmpdir(), 'vita-bundle-'));
  const cache = join(dir, 'compile-cache');
  try {
    const asked = run([join(DIST, 'cli/main.js'), '--version'], cache);
    assert.equal(asked.stdout.trim(), `vita ${version}`, asked.stderr);
    // Each build in a copy of its own, so that neither takes the other's CV PDF from the cache.
    const sites = new Map<string, Map<string, Buffer>>();
    const caches: Map<string, string>[] = [];
    for (const [name, command] of [
      ['bundled', [join(DIST, 'cli/main.js')]],
      ['bundled-cached', [join(DIST, 'cli/main.js')]],
      ['sources', ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')]],
      ['bundled-thread', [join(DIST, 'cli/main.js')]],
    ] as const) {
      const project = join(dir, name);
      cpSync(PROJECT, project, { recursive: true });
      // A file no page uses (a warning), which makes the record too large to be built in the main thread.
      if (name === 'bundled-thread') writeFileSync(join(project, 'notes.txt'), 'x'.repeat(SMALL_RECORD_BYTES));
      const built = run([...command, 'build', project, '--out', join(dir, `${name}-site`)], cache);
      assert.equal(built.status, 0, `${name}: ${built.stderr}`);
      assert.doesNotMatch(built.stderr, /warning: (site search was not built|.*cv\.pdf)/, `${name}: ${built.stderr}`);
      sites.set(name, files(join(dir, `${name}-site`)));
      caches.push(cacheFiles(cache));
    }
    // The first build made the build's cache beside --version's; the second and the third (on the build thread)
    // each read it (V8 took it) and made it again, with what they compiled besides (a refused cache is made anew, as
    // by a first run).
    const [afterBuild, afterCached] = caches as [Map<string, string>, Map<string, string>];
    assert.deepEqual([...afterBuild.keys()].map((n) => n.replace(/^.*-/, '')).sort(), ['build.bin', 'other.bin']);
    assert.deepEqual([...afterCached.keys()], [...afterBuild.keys()]);
    const buildCache = join(cache, [...afterBuild.keys()].find((n) => n.endsWith('-build.bin'))!);
    assert.equal(seasoned(buildCache), 3, 'each bundled build took the cache of the one before');
    const bundled = sites.get('bundled')!;
    assert.ok([...bundled.keys()].some((p) => p.endsWith('cv.pdf')), 'a CV PDF, typeset by the bundled thread');
    assert.ok([...bundled.keys()].some((p) => p.startsWith('pagefind/')), 'the search index');
    for (const name of ['sources', 'bundled-cached', 'bundled-thread']) {
      const other = sites.get(name)!;
      assert.deepEqual([...other.keys()].sort(), [...bundled.keys()].sort(), name);
      assert.deepEqual([...bundled].filter(([p, bytes]) => !bytes.equals(other.get(p)!)).map(([p]) => p), [], `files that differ between the bundled build and ${name}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a command\'s compile cache is made by its first three runs, then only read; a damaged or stale one is made again, and one that cannot be written only costs time', (t) => {
  if (!existsSync(join(DIST, 'cli/main.js'))) return t.skip('dist/ is not built: npm test builds it');
  const dir = mkdtempSync(join(tmpdir(), 'vita-compile-cache-'));
  const cache = join(dir, 'cache');
  const check = (name: string, folder: string) => {
    const r = run([join(DIST, 'cli/main.js'), '--version'], folder);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.equal(r.stdout.trim(), `vita ${version}`, name);
    assert.equal(r.stderr, '', name);
  };
  try {
    check('first run', cache);
    const made = [...cacheFiles(cache).keys()][0] ?? '';
    assert.ok(made.endsWith('-other.bin'), `made ${made}`);
    assert.equal(seasoned(join(cache, made)), 1);
    check('second run', cache);
    check('third run', cache);
    assert.equal(seasoned(join(cache, made)), 3, 'each run took the cache and made it again');
    const made3 = cacheFiles(cache);
    check('fourth run', cache);
    assert.deepEqual(cacheFiles(cache), made3, 'the fourth run made the cache again');
    // A usage mistake makes no cache.
    const mistake = run([join(DIST, 'cli/main.js'), 'chek'], cache);
    assert.equal(mistake.status, 2, mistake.stderr);
    assert.deepEqual(cacheFiles(cache), made3);
    const good = readFileSync(join(cache, made));
    // Damaged, at its length (V8 would take it): the command runs, and the cache is written again.
    const damaged = Buffer.from(good);
    damaged.fill(7, damaged.length >> 1, (damaged.length >> 1) + 4096);
    writeFileSync(join(cache, made), damaged);
    // A cache of another bundle: never read, removed when a cache is written; a file of another name stays.
    writeFileSync(join(cache, `0123456789abcdef-${made.split('-').slice(1).join('-')}`), good);
    writeFileSync(join(cache, 'notes.bin'), 'mine');
    check('damaged cache', cache);
    assert.deepEqual([...cacheFiles(cache).keys()].sort(), [made, 'notes.bin'].sort());
    rmSync(join(cache, 'notes.bin'));
    assert.ok(!readFileSync(join(cache, made)).equals(damaged), 'the damaged cache was written again');
    assert.equal(seasoned(join(cache, made)), 1, 'made anew, as by a first run');
    check('cache made again', cache);
    assert.equal(seasoned(join(cache, made)), 2, 'the cache made again was refused');
    // A folder that cannot be made (a file is in its place), and no cache at all.
    writeFileSync(join(dir, 'a-file'), '');
    check('a folder that cannot be made', join(dir, 'a-file', 'cache'));
    check('off', 'off');
    assert.deepEqual(readdirSync(dir).sort(), ['a-file', 'cache']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
