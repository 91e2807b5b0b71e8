// The BibTeX source on its own: what it does with broken and odd input.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { emptyBundle } from '../../src/import/bundle.js';
import { publicationsFromBibtex, readBibtexSource } from '../../src/import/sources/bibtex.js';
import { tempDir } from './helpers.ts';

describe('BibTeX source', () => {
  it('reports a broken entry at its line and imports the others', () => {
    const bundle = emptyBundle('bibtex', 'x');
    const pubs = publicationsFromBibtex('broken.bib', '@article{a,\n  title = {A},\n  author = {Doe, J.},\n  year = 2020,\n\n@article{b, title = {B}, author = {Roe, R.}, year = {2021}}\n', bundle);
    assert.deepEqual(pubs.map((p) => p.value.id), ['b']);
    const syntax = bundle.notes.find((d) => d.code === 'load/bibtex-syntax')!;
    assert.equal(syntax.file, 'broken.bib');
    assert.equal(syntax.line, 1);
    assert.equal(syntax.severity, 'warning');
  });

  it('reads a folder of .bib files; keys unique across them; a Latin-1 file with a warning', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.bib'), '@article{k, title = {One}, author = {Doe, Jane}, journal = {J}, year = {2020}}\n');
    writeFileSync(join(dir, 'b.bib'), Buffer.from('@article{k, title = {Two}, author = {M\xfcller, Jan}, journal = {J}, year = {2021}}\n', 'latin1'));
    const bundle = readBibtexSource(dir);
    assert.deepEqual(bundle.publications.map((p) => [p.value.id, p.value.authors[0]!.name]), [['k', 'Jane Doe'], ['k-2', 'Jan Müller']]);
    assert.ok(bundle.notes.some((d) => d.code === 'import/not-utf8' && d.file === 'b.bib'));
  });

  it('leaves an edited volume out, saying why', () => {
    const bundle = emptyBundle('bibtex', 'x');
    const pubs = publicationsFromBibtex('v.bib', '@proceedings{vol, editor = {Doe, Jane}, title = {Proceedings of Things}, year = {2020}}\n', bundle);
    assert.deepEqual(pubs, []);
    assert.match(bundle.notes.find((d) => d.code === 'import/entry-skipped')!.message, /vol.*no author/);
  });
});
