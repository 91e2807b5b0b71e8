/**
 * vita as a user gets it: the package packed (npm pack), installed from the tarball into a folder outside the
 * repository without dev dependencies, a project made with `vita new`, installed, checked and built with the command
 * its GitHub Pages workflow runs, its homepage opened in Chromium; then the project copied as `git clone` would (no
 * node_modules, no _site) into a folder with no path back, where a plain `npm install` and the build work again.
 * Needs npm and the registry (or npm's cache) for vita's dependencies.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import YAML from 'yaml';
import { startStaticServer } from '../../src/serve/static.js';
import { BASE_URL_EXPRESSION } from '../../src/new/templates.js';
import { CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM } from '../chromium.js';

const REPO = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
/** npm quiet, and taking what its cache holds without asking the registry again (the tests install the same packages thrice). */
const QUIET = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error', npm_config_prefer_offline: 'true' };

/** Runs a command; fails the test with its output when it fails. */
function run(command: string, args: string[], cwd: string, options: SpawnSyncOptions = {}): string {
  // The installed vita keeps its compile cache where it would for a user (npm test turns it off for other tests).
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...QUIET, VITA_COMPILE_CACHE: undefined }, timeout: 300_000, ...options });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} in ${cwd} failed (${r.error?.message ?? r.status}):\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

describe('vita installed from its package', () => {
  const made: string[] = [];
  const temp = (name: string) => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), `vita-${name}-`)));
    made.push(dir);
    return dir;
  };
  let packed: { filename: string; files: { path: string }[] };
  let tarball: string;
  let tool: string;
  let vita: string;
  let project: string;
  after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  before(() => {
    const dir = temp('pack');
    // --ignore-scripts: dist/ is compiled already (npm test compiles first).
    const out = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...QUIET } });
    assert.equal(out.status, 0, out.stderr);
    packed = (JSON.parse(out.stdout) as (typeof packed)[])[0]!;
    tarball = join(dir, packed.filename);
    tool = temp('tool');
    run('npm', ['init', '-y'], tool);
    run('npm', ['install', '--omit=dev', tarball], tool);
    vita = join(tool, 'node_modules/.bin/vita');
  });

  it('the tarball holds the compiled JavaScript, the schemas, the docs and the README, and nothing of the sources', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of ['package.json', 'README.md', 'dist/cli/main.js', 'dist/cli/vita.cjs', 'dist/index.js', 'dist/index.d.ts', 'schema/person.schema.json', 'docs/reference/deploy.md', 'docs/reference/person.md']) {
      assert.ok(files.includes(f), `${f} is not in the package`);
    }
    assert.deepEqual(files.filter((f) => /^(src|test|bench|examples)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.endsWith('.map') || f.endsWith('.tsbuildinfo') || f.startsWith('dist/.compile-cache/')), []);
    assert.equal(packed.filename, `${pkg.name}-${pkg.version}.tgz`);
  });

  it('installed without dev dependencies: no TypeScript, and vita answers --version and --help', () => {
    assert.ok(!existsSync(join(tool, 'node_modules/typescript')), 'TypeScript was installed');
    assert.equal(run(vita, ['--version'], tool).trim(), `vita ${pkg.version}`);
    const started = performance.now();
    assert.match(run(vita, ['--help'], tool), /Usage: vita <command>[\s\S]*serve[\s\S]*upgrade/);
    assert.ok(performance.now() - started < 2000, `vita --help took ${(performance.now() - started).toFixed(0)} ms`);
    for (const command of ['new', 'check', 'build', 'dev', 'serve', 'cv', 'import', 'announce', 'upgrade']) assert.match(run(vita, [command, '--help'], tool), /^Usage: vita /, command);
  });

  it('vita new makes a project that carries this vita; npm install, vita check and the workflow\'s build work in it', async () => {
    const home = temp('projects');
    const made = run(vita, ['new', 'site', '--yes', '--name', 'Ada Lovelace', '--email', 'ada@example.org'], home);
    assert.match(made, /Packing/);
    project = join(home, 'site');
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.dependencies, { [pkg.name]: `file:.vita/${packed.filename}` });
    run('npm', ['install'], project);
    assert.ok(existsSync(join(project, 'package-lock.json')));
    assert.ok(existsSync(join(project, `node_modules/${pkg.name}/schema/person.schema.json`)), 'the schemas the editor settings name');
    assert.match(run('npx', ['vita', 'check'], project), /no problems/);
    // Its compile cache is in its own folder, one file for the command.
    const caches = readdirSync(join(project, `node_modules/${pkg.name}/dist/.compile-cache`));
    assert.deepEqual(caches.map((f) => f.replace(/^.*-/, '')), ['check.bin'], caches.join(', '));
    // The other commands, from the installed package: a CV, an import, and a seminar announcement of the example.
    run('npx', ['vita', 'cv', '--format', 'md'], project);
    assert.match(readFileSync(join(project, '_site/people/ada-lovelace/cv.md'), 'utf8'), /Ada Lovelace/);
    assert.match(run('npx', ['vita', 'import', join(REPO, 'test/fixtures/import/bibtex/publications.bib'), '--dry-run'], project), /./);
    run('npx', ['vita', 'announce', 'scms-colloquium/2025-07-23-weijie-su', join(REPO, 'examples/pku-group'), '--out', temp('announce')], project);

    // The build step of the workflow, as GitHub would run it, for a project page at /site-repo/.
    const flow = YAML.parse(readFileSync(join(project, '.github/workflows/deploy.yml'), 'utf8'));
    const steps = flow.jobs.build.steps as { run?: string }[];
    const build = steps.map((s) => s.run).find((r) => r?.includes('--base-url'))!;
    const server = await startStaticServer(join(project, '_site'), { base: '/site-repo/', port: 0 });
    try {
      const base = server.url.replace(/\/$/, '');
      run(build.replace(BASE_URL_EXPRESSION, `${base}/`), [], project, { shell: true });
      const html = readFileSync(join(project, '_site/index.html'), 'utf8');
      assert.ok(html.includes('href="/site-repo/assets/vita.css'), 'built for the project page');
      await lookAtHome(server.url);
    } finally {
      await server.close();
    }
  });

  it('a copy of the project with no path back to the first or to vita builds after a plain npm install', () => {
    const clone = temp('clone');
    cpSync(project, clone, { recursive: true, filter: (src) => !/[\\/](node_modules|_site)$/.test(src) });
    assert.deepEqual(readdirSync(clone).filter((f) => f === 'node_modules' || f === '_site'), []);
    const lock = readFileSync(join(clone, 'package-lock.json'), 'utf8');
    for (const outside of [REPO, tool, project, tmpdir()]) assert.ok(!lock.includes(outside), `package-lock.json names ${outside}`);
    assert.ok(!/"resolved": "file:\.\./.test(lock), 'package-lock.json reaches outside the project');
    run('npm', ['install'], clone);
    run('npx', ['vita', 'build', '--base-url', 'https://ada.github.io/'], clone);
    assert.ok(readFileSync(join(clone, '_site/index.html'), 'utf8').includes('href="/assets/vita.css'), 'built for a user page');
  });

  /** The homepage in Chromium: the name, the stylesheet applied, nothing failing to load. */
  async function lookAtHome(url: string): Promise<void> {
    if (NO_CHROMIUM) return;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
      page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
      const response = await page.goto(url);
      assert.equal(response?.status(), 200);
      assert.match((await page.textContent('h1')) ?? '', /Ada Lovelace/);
      // Unstyled, the page's background is transparent: vita.css gives it its colour.
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)', 'the stylesheet applies');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }
});


