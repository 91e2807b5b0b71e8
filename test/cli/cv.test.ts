import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCv } from '../../src/cli/cv.js';
import { runExport } from '../../src/cli/export.js';
import { filesUnder as listFiles } from '../files.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/pku-group/', import.meta.url));

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

describe('vita cv', () => {
  let dir: string;
  let project: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vita-cv-cli-'));
    project = join(dir, 'project');
    cpSync(EXAMPLE, project, { recursive: true, filter: (src) => !src.includes('_site') });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the owner's CV where the site links it, and nothing else", () => {
    const before = listFiles(project);
    const { out, io } = capture();
    assert.equal(runCv(project, {}, io), 0, out.stderr);
    const pdf = join(project, '_site/people/lei-wu/cv.pdf');
    const md = join(project, '_site/people/lei-wu/cv.md');
    assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(readFileSync(md, 'utf8'), /^# Lei Wu/);
    assert.match(out.stdout, /wrote .*_site\/people\/lei-wu\/cv\.pdf \(\d+ KB\)\n/);
    assert.equal(out.stderr, '');
    const after = listFiles(project).filter((f) => !f.startsWith('_site/'));
    assert.deepEqual(after, before);
    // The site folder's manifest lists the CV, so that the next build may replace it.
    assert.deepEqual(listFiles(join(project, '_site')), ['.vita-manifest.json', 'people/lei-wu/cv.md', 'people/lei-wu/cv.pdf']);
  });

  it('takes a person, a variant, a theme, a format and --out', () => {
    const outDir = join(dir, 'cvs');
    const { out, io } = capture();
    assert.equal(runCv(project, { person: 'mingze-wang', variant: 'short', theme: 'compact', format: 'pdf', out: outDir }, io), 0, out.stderr);
    assert.deepEqual(readdirSync(outDir), ['mingze-wang-cv-short.pdf']);
    assert.equal(runCv(project, { person: 'mingze-wang', format: 'md', out: outDir }, io), 0);
    assert.deepEqual(readdirSync(outDir).sort(), ['mingze-wang-cv-short.pdf', 'mingze-wang-cv.md']);
  });

  it('refuses bad requests (a mistake in the command) with a message and status 2', () => {
    for (const [options, message] of [
      [{ person: 'nobody' }, /"nobody" is not a person of the project/],
      [{ variant: 'everything' }, /unknown CV variant "everything"/],
      [{ theme: 'fancy' }, /--theme takes classic or compact/],
      [{ format: 'docx' }, /--format takes pdf, md or all/],
      [{ accent: 'blue' }, /accent colour "blue" is not a colour/],
    ] as const) {
      const { out, io } = capture();
      assert.equal(runCv(project, { ...options, out: join(dir, 'nope') }, io), 2);
      assert.match(out.stderr, message);
      assert.ok(!existsSync(join(dir, 'nope')));
    }
  });

  it('prints the diagnostics of a broken record and writes nothing', () => {
    const broken = join(dir, 'broken');
    cpSync(project, broken, { recursive: true, filter: (src) => !src.includes('_site') });
    writeFileSync(join(broken, 'people/lei-wu.yaml'), readFileSync(join(broken, 'people/lei-wu.yaml'), 'utf8').replace('end: 2018-07', 'end: 2018.13'));
    const { out, io } = capture();
    assert.equal(runCv(broken, {}, io), 1);
    assert.match(out.stderr, /people\/lei-wu\.yaml:\d+:\d+ error: .*2018\.13/);
    assert.match(out.stderr, /vita cv: the record has errors/);
    assert.doesNotMatch(out.stderr, /\n\s+at /);
    assert.ok(!existsSync(join(broken, '_site')));
  });
});

describe('vita export jsonresume', () => {
  it('prints a JSON Resume of the owner, or of a person, to stdout or a file', () => {
    const { out, io } = capture();
    assert.equal(runExport(EXAMPLE, 'jsonresume', {}, io), 0, out.stderr);
    const doc = JSON.parse(out.stdout);
    assert.equal(doc.basics.name, 'Lei Wu');
    const dir = mkdtempSync(join(tmpdir(), 'vita-export-'));
    try {
      const file = join(dir, 'out/resume.json');
      const c = capture();
      assert.equal(runExport(EXAMPLE, 'jsonresume', { person: 'mingze-wang', out: file }, c.io), 0);
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).basics.name, 'Mingze Wang');
      assert.equal(c.out.stdout, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown format or person', () => {
    const a = capture();
    assert.equal(runExport(EXAMPLE, 'docx', {}, a.io), 2);
    assert.match(a.out.stderr, /unknown format "docx": use jsonresume/);
    const b = capture();
    assert.equal(runExport(EXAMPLE, 'jsonresume', { person: 'nobody' }, b.io), 2);
    assert.match(b.out.stderr, /"nobody" is not a person/);
  });
});
