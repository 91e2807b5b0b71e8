// Which vita a new project depends on: a range when a registry gave this vita, else the packed vita carried in .vita/;
// --vita overrides; vita upgrade swaps the carried tarball. (Packing itself is the install test's: here a stand-in packs.)
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runUpgrade } from '../../src/cli/upgrade.js';
import { chooseDependency, registryOf, type RunningVita } from '../../src/new/vita-package.js';
import { FROM_REGISTRY, runVitaNew, tempDir } from './helpers.js';

/** A vita from a clone or a tarball (no registry), and a stand-in for npm pack that writes `bytes`. */
const fromClone = (version = '0.1.0'): RunningVita => ({ name: 'academic-vita', version, root: '/somewhere/vita', registry: undefined });
const packing = (bytes: string) => (root: string, dir: string) => {
  const file = `academic-vita-${bytes.split(' ')[0]}.tgz`;
  writeFileSync(join(dir, file), bytes);
  return file;
};
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('vita new: the vita a project depends on', () => {
  it('a vita not from a registry is packed into .vita/ and named by a relative file: path', async () => {
    const cwd = tempDir();
    const r = await runVitaNew(['site', '--yes', '--name', 'Ada Lovelace'], cwd, { vita: fromClone(), pack: packing('0.1.0 bytes') });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Packing academic-vita 0\.1\.0 into \.vita\//);
    assert.match(r.stdout, /\.vita\/academic-vita-0\.1\.0\.tgz +the vita this project uses/);
    assert.deepEqual(json(join(cwd, 'site/package.json')).dependencies, { 'academic-vita': 'file:.vita/academic-vita-0.1.0.tgz' });
    assert.equal(readFileSync(join(cwd, 'site/.vita/academic-vita-0.1.0.tgz'), 'utf8'), '0.1.0 bytes');
    assert.match(readFileSync(join(cwd, 'site/README.md'), 'utf8'), /vita itself is in `\.vita\/academic-vita-0\.1\.0\.tgz`/);
    assert.doesNotMatch(readFileSync(join(cwd, 'site/.gitignore'), 'utf8'), /\.vita\/|package-lock/, 'the carried vita and the lockfile are committed');
  });

  it('a vita from a registry is named with a range on its version', async () => {
    const cwd = tempDir();
    const r = await runVitaNew(['site', '--yes', '--name', 'Ada'], cwd, { vita: FROM_REGISTRY });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(json(join(cwd, 'site/package.json')).dependencies, { [FROM_REGISTRY.name]: `^${FROM_REGISTRY.version}` });
    assert.deepEqual(readdirSync(join(cwd, 'site')).filter((f) => f === '.vita'), []);
  });

  it('--vita takes a version, a git URL or a tarball (copied into .vita/), and refuses anything else', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'academic-vita-0.3.0.tgz'), 'given');
    for (const [i, [spec, expected]] of ([
      ['0.2.0', '0.2.0'],
      ['^0.2.0', '^0.2.0'],
      ['github:someone/vita#v0.2.0', 'github:someone/vita#v0.2.0'],
      ['git+https://example.org/vita.git', 'git+https://example.org/vita.git'],
      ['./academic-vita-0.3.0.tgz', 'file:.vita/academic-vita-0.3.0.tgz'],
    ] as const).entries()) {
      const folder = `site-${i}`;
      const r = await runVitaNew([folder, '--yes', '--name', 'Ada', '--vita', spec], cwd, { vita: fromClone(), pack: () => assert.fail('nothing to pack') });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(json(join(cwd, folder, 'package.json')).dependencies, { 'academic-vita': expected }, spec);
    }
    assert.equal(readFileSync(join(cwd, 'site-4/.vita/academic-vita-0.3.0.tgz'), 'utf8'), 'given');
    for (const bad of ['not a version!', './missing-0.1.0.tgz']) {
      const r = await runVitaNew(['bad', '--yes', '--name', 'Ada', '--vita', bad], cwd, { vita: fromClone() });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--vita/);
      assert.deepEqual(readdirSync(cwd).filter((f) => f === 'bad'), [], 'nothing made');
    }
  });

  it('a vita that cannot be packed leaves nothing behind and says what to do', async () => {
    const cwd = tempDir();
    const r = await runVitaNew(['site', '--yes', '--name', 'Ada'], cwd, { vita: fromClone(), pack: () => { throw new Error('npm is not installed'); } });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /npm is not installed[\s\S]*hint: .*--vita/);
    assert.deepEqual(readdirSync(cwd), []);
  });
});

describe('where the running vita came from', () => {
  const installed = (resolved: string | undefined, lockfile = 'node_modules/.package-lock.json') => {
    const dir = tempDir();
    const root = join(dir, 'node_modules/academic-vita');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'package.json'), '{"name":"academic-vita","version":"0.2.0"}');
    if (resolved !== undefined) writeFileSync(join(dir, lockfile), JSON.stringify({ packages: { 'node_modules/academic-vita': { version: '0.2.0', resolved } } }));
    return root;
  };
  it('a registry, when npm recorded a registry tarball', () => {
    assert.equal(registryOf(installed('https://registry.npmjs.org/academic-vita/-/academic-vita-0.2.0.tgz'), 'academic-vita'), 'https://registry.npmjs.org');
    assert.equal(registryOf(installed('https://npm.example.edu/academic-vita/-/academic-vita-0.2.0.tgz', 'package-lock.json'), 'academic-vita'), 'https://npm.example.edu');
  });
  it('no registry for a tarball, a git install, an unrecorded install or a clone', () => {
    assert.equal(registryOf(installed('file:../academic-vita-0.2.0.tgz'), 'academic-vita'), undefined);
    assert.equal(registryOf(installed('git+ssh://git@github.com/someone/vita.git#abc'), 'academic-vita'), undefined);
    assert.equal(registryOf(installed(undefined), 'academic-vita'), undefined);
    assert.equal(registryOf(tempDir(), 'academic-vita'), undefined);
  });
  it('a range needs a registry; --vita wins', () => {
    assert.deepEqual(chooseDependency({ ...fromClone('0.2.0'), registry: 'https://registry.npmjs.org' }, undefined, '.'), { spec: '^0.2.0' });
    assert.deepEqual(chooseDependency(fromClone(), undefined, '.'), { spec: '', pack: true });
    assert.deepEqual(chooseDependency(fromClone(), '1.0.0', '.'), { spec: '1.0.0' });
  });
});

describe('vita upgrade', () => {
  it('replaces the carried vita with the running one and names it in package.json, keeping the rest', async () => {
    const cwd = tempDir();
    await runVitaNew(['site', '--yes', '--name', 'Ada'], cwd, { vita: fromClone('0.1.0'), pack: packing('0.1.0 old') });
    const project = join(cwd, 'site');
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify({ packages: { '': {}, 'node_modules/academic-vita': { resolved: 'file:.vita/academic-vita-0.1.0.tgz', integrity: 'sha512-old' }, 'node_modules/yaml': { version: '2.0.0' } } }));
    const out: string[] = [];
    const code = await runUpgrade(project, { install: false, running: fromClone('0.2.0'), pack: packing('0.2.0 new'), stdout: (s) => void out.push(s), stderr: (s) => void out.push(s) });
    assert.equal(code, 0, out.join(''));
    assert.deepEqual(readdirSync(join(project, '.vita')), ['academic-vita-0.2.0.tgz'], 'the old tarball is gone');
    assert.equal(readFileSync(join(project, '.vita/academic-vita-0.2.0.tgz'), 'utf8'), '0.2.0 new');
    const pkg = json(join(project, 'package.json'));
    assert.deepEqual(pkg.dependencies, { 'academic-vita': 'file:.vita/academic-vita-0.2.0.tgz' });
    assert.equal(pkg.scripts.build, 'vita build');
    // npm install reads the package again: its lock entry is gone, the others stay.
    assert.deepEqual(Object.keys(json(join(project, 'package-lock.json')).packages), ['', 'node_modules/yaml']);
    assert.match(out.join(''), /file:\.vita\/academic-vita-0\.1\.0\.tgz -> file:\.vita\/academic-vita-0\.2\.0\.tgz/);

    const again: string[] = [];
    assert.equal(await runUpgrade(project, { install: false, running: fromClone('0.2.0'), pack: packing('0.2.0 new'), stdout: (s) => void again.push(s) }), 0);
    assert.match(again.join(''), /already depends on academic-vita 0\.2\.0; nothing to do/);
  });

  it('takes over the dependency of a project made before vita had its published name', async () => {
    const project = tempDir();
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'old', dependencies: { vita: '^0.1.0', yaml: '^2' } }, null, 2));
    assert.equal(await runUpgrade(project, { install: false, running: FROM_REGISTRY, stdout: () => {} }), 0);
    assert.deepEqual(json(join(project, 'package.json')).dependencies, { [FROM_REGISTRY.name]: `^${FROM_REGISTRY.version}`, yaml: '^2' });
  });

  it('says what is wrong with a folder that is no vita project', async () => {
    const err: string[] = [];
    assert.equal(await runUpgrade(tempDir(), { install: false, running: FROM_REGISTRY, stderr: (s) => void err.push(s) }), 1);
    assert.match(err.join(''), /package\.json does not exist[\s\S]*hint:/);
    const other = tempDir();
    writeFileSync(join(other, 'package.json'), '{"dependencies":{}}');
    assert.equal(await runUpgrade(other, { install: false, running: FROM_REGISTRY, stderr: (s) => void err.push(s) }), 1);
    assert.match(err.join(''), /does not depend on academic-vita[\s\S]*npm install academic-vita/);
  });
});
