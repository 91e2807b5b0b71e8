// Symbolic links and the output folder: a project is read (and published) only from inside itself.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject } from '../../src/index.js';
import { listFiles } from '../../src/load/files.js';
import { runBuild } from '../../src/cli/build.js';
import { contentsUnder as everything } from '../files.js';

let dir: string;
let project: string;
let secret: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vita-links-'));
  project = join(dir, 'project');
  cpSync('test/fixtures/frozen-project/2026-11-26-person', project, { recursive: true });
  secret = join(dir, 'id_rsa');
  writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const quiet = { stdout: () => {}, stderr: () => {} };

describe('symbolic links', () => {
  it('never publishes a link that leads out of the project, and says so naming the file', async () => {
    mkdirSync(join(project, 'assets/pdf'), { recursive: true });
    symlinkSync(secret, join(project, 'assets/pdf/cv.pdf'));
    symlinkSync(dir, join(project, 'assets/home'));
    const { diagnostics } = openProject(project);
    const links = diagnostics.list.filter((d) => d.code === 'load/link-outside');
    assert.deepEqual(links.map((d) => d.file).sort(), ['assets/home', 'assets/pdf/cv.pdf']);
    assert.equal(links[0]!.severity, 'warning');
    const err: string[] = [];
    const code = await runBuild(project, { out: join(dir, 'site'), cv: false, search: false, stdout: () => {}, stderr: (s) => void err.push(s) });
    assert.equal(code, 0, err.join(''));
    assert.match(err.join(''), /assets\/pdf\/cv\.pdf.*symbolic link/);
    for (const [path, text] of everything(join(dir, 'site'))) assert.ok(!text.includes('OPENSSH'), `${path} holds the secret`);
    assert.ok(!existsSync(join(dir, 'site/assets/pdf/cv.pdf')));
  });

  it('follows links that stay inside the project: files, record files and folders', async () => {
    mkdirSync(join(project, 'assets'), { recursive: true });
    mkdirSync(join(project, 'common'), { recursive: true });
    writeFileSync(join(project, 'common/photo.txt'), 'inside');
    symlinkSync('../common/photo.txt', join(project, 'assets/photo.txt'));
    symlinkSync('../common', join(project, 'assets/common'));
    // A record file kept elsewhere in the project and linked into place is read.
    writeFileSync(join(project, 'common/extra.bib'), '@article{lovelace1843, title={Notes}, author={Ada Lovelace}, journal={Taylor}, year={1843}}\n');
    symlinkSync('../common/extra.bib', join(project, 'publications/extra.bib'));
    const { graph, diagnostics } = openProject(project);
    assert.deepEqual(diagnostics.list.filter((d) => d.code === 'load/link-outside'), []);
    assert.ok(graph.publications.has('lovelace1843'), 'the linked .bib file is read');
    assert.equal(await runBuild(project, { out: join(dir, 'site'), cv: false, search: false, ...quiet }), 0);
    assert.equal(readFileSync(join(dir, 'site/assets/photo.txt'), 'utf8'), 'inside');
    assert.equal(readFileSync(join(dir, 'site/assets/common/photo.txt'), 'utf8'), 'inside');
  });

  it('reports a record file that links out of the project (or nowhere), rather than ignoring it', () => {
    const elsewhere = join(dir, 'other.bib');
    writeFileSync(elsewhere, '@article{other2020, title={X}, author={A B}, journal={J}, year={2020}}\n');
    symlinkSync(elsewhere, join(project, 'publications/other.bib'));
    symlinkSync(join(dir, 'missing.yaml'), join(project, 'people/ghost.yaml'));
    const { graph, diagnostics } = openProject(project);
    const links = diagnostics.list.filter((d) => d.code === 'load/link-outside');
    assert.deepEqual(links.map((d) => d.file).sort(), ['people/ghost.yaml', 'publications/other.bib']);
    assert.match(links.find((d) => d.file === 'people/ghost.yaml')!.message, /leads nowhere/);
    assert.ok(!graph.publications.has('other2020'));
  });

  it('does not loop on a link to a folder that holds it', () => {
    symlinkSync('..', join(project, 'people/loop'));
    const files = listFiles(project);
    assert.ok(files.includes('people/ada-lovelace.yaml'));
    assert.ok(!files.some((f) => f.startsWith('people/loop/')));
  });

  it('never reads a theme file that links out of the project', async () => {
    mkdirSync(join(project, 'theme'));
    writeFileSync(join(dir, 'components.js'), 'export function footer() { return "outside"; }\n');
    symlinkSync(join(dir, 'components.js'), join(project, 'theme/components.js'));
    const err: string[] = [];
    await runBuild(project, { out: join(dir, 'site'), cv: false, search: false, stdout: () => {}, stderr: (s) => void err.push(s) });
    assert.match(err.join(''), /theme\/components\.js.*symbolic link/);
    assert.ok(!readFileSync(join(dir, 'site/index.html'), 'utf8').includes('outside'));
  });
});

describe('the output folder', () => {
  it('vita.yaml may only name a folder inside the project: a located error, and nothing is written', async () => {
    for (const bad of ['../x', '/srv/x', 'a/../../x']) {
      const config = readFileSync(join(project, 'vita.yaml'), 'utf8').replace(/\noutput:.*$/m, '');
      writeFileSync(join(project, 'vita.yaml'), `${config}output: ${bad}\n`);
      const { diagnostics } = openProject(project);
      const d = diagnostics.list.find((x) => x.code === 'validate/output-folder');
      assert.ok(d, bad);
      assert.equal(d.file, 'vita.yaml');
      assert.ok(d.line && d.line > 1, 'located at the line');
      const err: string[] = [];
      assert.equal(await runBuild(project, { stdout: () => {}, stderr: (s) => void err.push(s) }), 1);
      assert.match(err.join(''), /validate\/output-folder/);
    }
    assert.ok(!existsSync(join(dir, 'x')));
  });

  it('is never read as part of the record, whatever it is named; nor is any folder holding a site vita built', async () => {
    writeFileSync(join(project, 'vita.yaml'), `${readFileSync(join(project, 'vita.yaml'), 'utf8')}output: public/site\n`);
    assert.equal(await runBuild(project, { cv: false, search: false, ...quiet }), 0);
    const first = everything(join(project, 'public/site'));
    assert.equal(await runBuild(project, { cv: false, search: false, ...quiet }), 0);
    const second = everything(join(project, 'public/site'));
    assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort(), 'the second build does not nest the first');
    assert.ok(!openProject(project).graph.files.some((f) => f.startsWith('public/')));
    // A site built elsewhere in the project with --out is skipped too (it holds vita's manifest).
    assert.equal(await runBuild(project, { out: join(project, 'assets/old'), cv: false, search: false, ...quiet }), 0);
    assert.ok(!listFiles(project).some((f) => f.startsWith('assets/old/')));
  });

  it('gives the same manifest bytes in two builds', async () => {
    const out = join(dir, 'site');
    assert.equal(await runBuild(project, { out, ...quiet }), 0);
    const first = readFileSync(join(out, '.vita-manifest.json'));
    rmSync(out, { recursive: true });
    assert.equal(await runBuild(project, { out, ...quiet }), 0);
    assert.deepEqual(readFileSync(join(out, '.vita-manifest.json')), first);
  });
});
