import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST, writeSite, WriteError } from '../../src/write/index.js';

let dir: string;
let project: string;
let out: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vita-write-'));
  project = join(dir, 'project');
  out = join(project, '_site');
  mkdirSync(project);
  writeFileSync(join(project, 'vita.yaml'), 'title: T\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const site = (files: Record<string, string>) => Object.entries(files).map(([path, content]) => ({ path, content }));

describe('writeSite', () => {
  it('writes files into the output folder and reports counts', () => {
    const r = writeSite(out, site({ 'index.html': '<p>hi</p>', 'people/a/index.html': 'a' }), { projectRoot: project });
    assert.equal(r.written, 2);
    assert.equal(r.unchanged, 0);
    assert.equal(r.removed, 0);
    assert.equal(readFileSync(join(out, 'people/a/index.html'), 'utf8'), 'a');
    assert.ok(existsSync(join(out, MANIFEST)));
  });

  it('leaves files whose bytes are unchanged alone (their dates stay)', () => {
    writeSite(out, site({ 'a.html': 'same', 'b.html': 'old' }), { projectRoot: project });
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(out, 'a.html'), past, past);
    const r = writeSite(out, site({ 'a.html': 'same', 'b.html': 'new' }), { projectRoot: project });
    assert.deepEqual([r.written, r.unchanged], [1, 1]);
    assert.deepEqual(r.changed, ['b.html']);
    assert.equal(statSync(join(out, 'a.html')).mtime.getTime(), past.getTime());
    assert.equal(readFileSync(join(out, 'b.html'), 'utf8'), 'new');
  });

  it('writes binary content byte for byte', () => {
    const bytes = new Uint8Array([0, 255, 1, 128]);
    writeSite(out, [{ path: 'f.woff2', content: bytes }], { projectRoot: project });
    assert.deepEqual(new Uint8Array(readFileSync(join(out, 'f.woff2'))), bytes);
  });

  it('removes stale files a previous build wrote, and the folders they leave empty', () => {
    writeSite(out, site({ 'a.html': 'a', 'old/deep/x.html': 'x' }), { projectRoot: project });
    const r = writeSite(out, site({ 'a.html': 'a' }), { projectRoot: project });
    assert.equal(r.removed, 1);
    assert.ok(!existsSync(join(out, 'old/deep/x.html')));
    assert.ok(!existsSync(join(out, 'old')));
  });

  it('never deletes files vita did not write', () => {
    writeSite(out, site({ 'a.html': 'a' }), { projectRoot: project });
    writeFileSync(join(out, 'CNAME'), 'example.org');
    writeSite(out, site({ 'b.html': 'b' }), { projectRoot: project });
    assert.equal(readFileSync(join(out, 'CNAME'), 'utf8'), 'example.org');
    assert.ok(!existsSync(join(out, 'a.html')));
  });

  it('keeps a stale file that was changed by hand since vita wrote it', () => {
    writeSite(out, site({ 'notes.html': 'vita' }), { projectRoot: project });
    writeFileSync(join(out, 'notes.html'), 'edited by hand');
    const r = writeSite(out, site({ 'a.html': 'a' }), { projectRoot: project });
    assert.equal(r.removed, 0);
    assert.deepEqual(r.kept, ['notes.html']);
    assert.equal(readFileSync(join(out, 'notes.html'), 'utf8'), 'edited by hand');
  });

  it('ignores manifest entries that point outside the folder', () => {
    writeSite(out, site({ 'a.html': 'a' }), { projectRoot: project });
    const victim = join(project, 'precious.txt');
    writeFileSync(victim, 'keep me');
    writeFileSync(join(out, MANIFEST), JSON.stringify({ version: 1, files: { '../precious.txt': 'x', '/etc/passwd': 'y' } }));
    const r = writeSite(out, site({ 'a.html': 'a' }), { projectRoot: project });
    assert.equal(r.removed, 0);
    assert.equal(readFileSync(victim, 'utf8'), 'keep me');
  });

  it('refuses the project folder, its ancestors and the root', () => {
    for (const bad of [project, dir, '/']) {
      assert.throws(() => writeSite(bad, site({ 'a.html': 'a' }), { projectRoot: project }), WriteError, bad);
    }
    assert.ok(!existsSync(join(project, 'a.html')));
  });

  it('refuses an output folder that is a symlink to the project', () => {
    const link = join(dir, 'link');
    symlinkSync(project, link);
    assert.throws(() => writeSite(link, site({ 'a.html': 'a' }), { projectRoot: project }), /project folder itself/);
  });

  it('refuses paths that leave the folder, before writing anything', () => {
    for (const bad of ['../evil.html', '/etc/evil', 'a/../../evil', 'a//b', './a', 'C:/x', 'a\\b']) {
      assert.throws(() => writeSite(out, site({ 'ok.html': 'ok', [bad]: 'x' }), { projectRoot: project }), WriteError, bad);
    }
    assert.ok(!existsSync(join(out, 'ok.html')), 'nothing is written when one path is bad');
    assert.ok(!existsSync(join(dir, 'evil.html')));
  });

  it('refuses to write through a symlinked folder that leads outside', () => {
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    mkdirSync(out, { recursive: true });
    symlinkSync(outside, join(out, 'people'));
    assert.throws(() => writeSite(out, site({ 'people/x.html': 'x' }), { projectRoot: project, force: true }), /outside the output folder/);
    assert.ok(!existsSync(join(outside, 'x.html')));
  });

  it('replaces a link in place of a file, new or old, rather than writing through it', () => {
    const outside = join(dir, 'outside.html');
    writeFileSync(outside, 'theirs');
    mkdirSync(out, { recursive: true });
    // Neither the file the link leads to nor a dangling link's target is written.
    symlinkSync(outside, join(out, 'a.html'));
    symlinkSync(join(dir, 'nowhere.html'), join(out, 'b.html'));
    writeSite(out, site({ 'a.html': 'mine', 'b.html': 'mine too' }), { projectRoot: project, force: true });
    assert.equal(readFileSync(outside, 'utf8'), 'theirs');
    assert.ok(!existsSync(join(dir, 'nowhere.html')));
    assert.ok(!lstatSync(join(out, 'a.html')).isSymbolicLink() && !lstatSync(join(out, 'b.html')).isSymbolicLink());
    assert.equal(readFileSync(join(out, 'b.html'), 'utf8'), 'mine too');
  });

  it('leaves no temporary files behind', () => {
    writeSite(out, site({ 'a.html': 'a', 'b/c.html': 'c' }), { projectRoot: project });
    const all = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(d, e.name)) : [e.name]));
    assert.ok(all(out).every((n) => !n.endsWith('.tmp')));
  });

  it('writes into a non-empty folder only when vita built it, or with force', () => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'mine');
    assert.throws(() => writeSite(out, site({ 'a.html': 'a' }), { projectRoot: project }), (e: Error) => e instanceof WriteError && /not empty/.test(e.message) && /--force/.test(e.message));
    assert.deepEqual(readdirSync(out), ['notes.txt']);
    assert.ok(!existsSync(join(dir, 'project', '._site.vita-staging')), 'nothing is left beside it');
    writeSite(out, site({ 'a.html': 'a' }), { projectRoot: project, force: true });
    assert.equal(readFileSync(join(out, 'notes.txt'), 'utf8'), 'mine');
    // Built once, the folder holds the manifest: later builds need no force.
    writeSite(out, site({ 'a.html': 'b' }), { projectRoot: project });
    assert.equal(readFileSync(join(out, 'a.html'), 'utf8'), 'b');
  });

  it('never replaces a file it did not write, even in a folder it built; names it; force replaces it', () => {
    writeSite(out, site({ 'a.html': 'a' }), { projectRoot: project });
    writeFileSync(join(out, 'about.html'), 'written by hand');
    assert.throws(() => writeSite(out, site({ 'a.html': 'a2', 'about.html': 'vita' }), { projectRoot: project }), (e: Error) => e instanceof WriteError && e.message.includes('"about.html"') && /--force/.test(e.message));
    assert.equal(readFileSync(join(out, 'about.html'), 'utf8'), 'written by hand');
    assert.equal(readFileSync(join(out, 'a.html'), 'utf8'), 'a', 'the refused build changed nothing');
    writeSite(out, site({ 'a.html': 'a2', 'about.html': 'vita' }), { projectRoot: project, force: true });
    assert.equal(readFileSync(join(out, 'about.html'), 'utf8'), 'vita');
  });

  it('writes the same manifest bytes whatever order the files come in', () => {
    const files = { 'b.html': 'b', 'a/index.html': 'a', 'z.css': 'z', 'c.xml': 'c' };
    writeSite(out, site(files), { projectRoot: project });
    const first = readFileSync(join(out, MANIFEST));
    writeSite(out, site(files).reverse(), { projectRoot: project });
    assert.deepEqual(readFileSync(join(out, MANIFEST)), first);
    assert.deepEqual(Object.keys(JSON.parse(first.toString()).files), ['a/index.html', 'b.html', 'c.xml', 'z.css']);
  });

  it('leaves the previous complete site when a build fails half-way, and nothing beside it', () => {
    writeSite(out, site({ 'a.html': 'a1', 'b.html': 'b1', 'old.html': 'o' }), { projectRoot: project });
    const failing = [...site({ 'a.html': 'a2' }), { path: 'b.html', get content(): string { throw new Error('render failed'); } }];
    assert.throws(() => writeSite(out, failing, { projectRoot: project }), /render failed/);
    assert.equal(readFileSync(join(out, 'a.html'), 'utf8'), 'a1');
    assert.equal(readFileSync(join(out, 'old.html'), 'utf8'), 'o');
    assert.deepEqual(readdirSync(project).sort(), ['_site', 'vita.yaml']);
  });

  it('a build stopped before it was complete (a crash) is thrown away by the next; one stopped while moving in is finished', async () => {
    const { SiteWriter } = await import('../../src/write/index.js');
    writeSite(out, site({ 'a.html': 'a1' }), { projectRoot: project });
    const stopped = new SiteWriter(out, { projectRoot: project });
    stopped.put(stopped.check('a.html'), 'half');
    // No finish, no abort: the process died. The output still holds the last complete site.
    assert.equal(readFileSync(join(out, 'a.html'), 'utf8'), 'a1');
    writeSite(out, site({ 'a.html': 'a1', 'c.html': 'c' }), { projectRoot: project });
    assert.equal(readFileSync(join(out, 'a.html'), 'utf8'), 'a1');
    assert.deepEqual(readdirSync(project).sort(), ['_site', 'vita.yaml']);
    // A journal written, then a crash before the moves: the next build finishes moving that build in first.
    const staging = join(project, '._site.vita-staging');
    mkdirSync(join(staging, 'site'), { recursive: true });
    writeFileSync(join(staging, 'site', 'a.html'), 'a3');
    writeFileSync(join(staging, 'commit.json'), JSON.stringify({ moves: ['a.html'], removals: ['c.html'], manifest: { version: 1, files: { 'a.html': 'x' } } }));
    const r = writeSite(out, site({ 'a.html': 'a3' }), { projectRoot: project });
    assert.equal(readFileSync(join(out, 'a.html'), 'utf8'), 'a3');
    assert.equal(r.written, 0);
    assert.ok(!existsSync(join(out, 'c.html')));
    assert.ok(!existsSync(staging));
  });

  it('a folder vita cv or vita announce wrote into is vita\'s: the build writes there, replaces the CV, leaves the announcement', async () => {
    const { claimSiteFolder } = await import('../../src/write/index.js');
    mkdirSync(join(out, 'people/a'), { recursive: true });
    writeFileSync(join(out, 'people/a/cv.md'), 'cv by vita cv');
    claimSiteFolder(out, site({ 'people/a/cv.md': 'cv by vita cv' }));
    mkdirSync(join(out, 'announce'));
    writeFileSync(join(out, 'announce/talk.ics'), 'ics');
    claimSiteFolder(out);
    writeSite(out, site({ 'index.html': 'i', 'people/a/cv.md': 'cv by the build' }), { projectRoot: project });
    assert.equal(readFileSync(join(out, 'people/a/cv.md'), 'utf8'), 'cv by the build');
    assert.equal(readFileSync(join(out, 'announce/talk.ics'), 'utf8'), 'ics');
  });
});

