/** Inputs that crashed `vita build` (exit 70): a stray "%" in a local link, a citation key that names a file of the site. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild } from '../../src/cli/build.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/check/', import.meta.url));
let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vita-build-input-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, options: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), search: false, cv: false } };
}

describe('vita build with awkward input', () => {
  it('a "%" that starts no escape is a literal "%", in Markdown, photo: and BibTeX pdf =', async () => {
    const project = join(dir, 'percent');
    mkdirSync(join(project, 'people', 'lei-wu'), { recursive: true });
    mkdirSync(join(project, 'publications'));
    mkdirSync(join(project, 'assets'));
    writeFileSync(join(project, 'vita.yaml'), 'title: Percent signs\nowner: lei-wu\n');
    writeFileSync(join(project, 'people', 'lei-wu.yaml'), 'name: Lei Wu\nphoto: assets/lei%.jpg\n');
    writeFileSync(join(project, 'people', 'lei-wu', 'about.md'), 'Slides [at 100%](../../assets/100%.pdf).\n');
    writeFileSync(join(project, 'publications', 'papers.bib'), '@article{wu2018, title = {T}, author = {Wu, Lei}, journal = {J}, year = {2018}, pdf = {assets/sgd%.pdf}}\n');
    for (const f of ['100%.pdf', 'sgd%.pdf']) writeFileSync(join(project, 'assets', f), 'x');
    // A photo must be an image (check/not-an-image): a small real JPEG.
    writeFileSync(join(project, 'assets', 'lei%.jpg'), await (await import('sharp')).default({ create: { width: 40, height: 50, channels: 3, background: '#456' } }).jpeg().toBuffer());
    const c = capture();
    const code = await runBuild(project, { out: join(dir, 'percent-site'), ...c.options });
    assert.equal(code, 0, c.err.join(''));
    const home = readFileSync(join(dir, 'percent-site', 'index.html'), 'utf8');
    assert.match(home, /href="\/assets\/100%25\.pdf"/);
    assert.ok(existsSync(join(dir, 'percent-site', 'assets', '100%.pdf')));
    assert.ok(existsSync(join(dir, 'percent-site', 'assets', 'lei%.jpg')));
    assert.match(home, /<img class="photo" src="\/img\/lei-[0-9a-f]{16}-40\.jpg"/, 'the photo, resized under a name of its own');
  });

  it('a citation key that names a file of the site is reported at the key, and nothing is written', async () => {
    const project = join(dir, 'collision');
    cpSync(join(FIXTURES, 'output-collision'), project, { recursive: true });
    const c = capture();
    const code = await runBuild(project, { out: join(dir, 'collision-site'), ...c.options });
    assert.equal(code, 1, c.err.join(''));
    assert.match(c.err.join(''), /publications\/papers\.bib:8:10 error: .*\[check\/output-collision\]/);
    assert.ok(!existsSync(join(dir, 'collision-site', 'index.html')));
  });
});
