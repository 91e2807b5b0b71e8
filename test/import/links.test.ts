// A cloned site may hold symbolic links out of itself (assets/pdf/cv.pdf -> ~/.ssh/id_rsa): the import never follows
// them, never copies their targets into the project, and names each file it skipped.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES, run, tempDir } from './helpers.ts';

function contents(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${relative(root, p).split(sep).join('/')}\n${readFileSync(p, 'latin1')}`);
    }
  };
  walk(root);
  return out;
}

describe('import: symbolic links out of the source', () => {
  it('a site folder: a linked PDF, a linked record file, a linked photo are not read, and are named', async () => {
    const dir = tempDir();
    const secret = join(dir, 'id_rsa');
    writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n');
    writeFileSync(join(dir, 'evil.md'), '---\ntitle: leaked\n---\nOPENSSH secret news\n');
    const site = join(dir, 'site');
    cpSync(`${FIXTURES}/al-folio`, site, { recursive: true });
    rmSync(join(site, 'assets/pdf/cv.pdf'));
    symlinkSync(secret, join(site, 'assets/pdf/cv.pdf'));
    rmSync(join(site, 'assets/img/mira.jpg'));
    symlinkSync(secret, join(site, 'assets/img/mira.jpg'));
    symlinkSync(join(dir, 'evil.md'), join(site, '_news/announcement_9.md'));
    const into = join(dir, 'project');
    mkdirSync(into);
    const result = await run(site, into);
    for (const file of contents(into)) assert.ok(!file.includes('OPENSSH'), `${file.split('\n')[0]} holds the secret`);
    const skipped = result.diagnostics.filter((d) => /symbolic link/.test(d.message)).map((d) => d.file).sort();
    assert.deepEqual(skipped, ['_news/announcement_9.md', 'assets/img/mira.jpg', 'assets/pdf/cv.pdf']);
    assert.ok(result.diagnostics.filter((d) => /symbolic link/.test(d.message)).every((d) => d.severity === 'warning'));
  });

  it('a folder of .bib files: a linked one out of the folder is not read', async () => {
    const dir = tempDir();
    const source = join(dir, 'bib');
    mkdirSync(source);
    cpSync(`${FIXTURES}/bibtex/publications.bib`, join(source, 'a.bib'));
    writeFileSync(join(dir, 'other.bib'), '@article{leaked2020, title={Leaked}, author={A B}, journal={J}, year={2020}}\n');
    symlinkSync(join(dir, 'other.bib'), join(source, 'b.bib'));
    const into = join(dir, 'project');
    mkdirSync(into);
    const result = await run(source, into);
    assert.ok(!result.bundle!.publications.some((p) => p.value.id === 'leaked2020'));
    assert.deepEqual(result.diagnostics.filter((d) => /symbolic link/.test(d.message)).map((d) => d.file), ['b.bib']);
  });

  it('a RenderCV file: !include never reads outside its folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cv'));
    writeFileSync(join(dir, 'secret.yaml'), 'name: OPENSSH leaked\n');
    writeFileSync(join(dir, 'cv/cv.yaml'), 'cv:\n  name: Jonas Weber\n  sections: !include ../secret.yaml\n');
    const into = join(dir, 'project');
    mkdirSync(into);
    const result = await run(join(dir, 'cv/cv.yaml'), into, { kind: 'rendercv' });
    for (const file of contents(into)) assert.ok(!file.includes('OPENSSH'), file.split('\n')[0]);
    assert.ok(result.diagnostics.some((d) => /outside the CV's folder/.test(d.message)));
  });
});
