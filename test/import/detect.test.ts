import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSource } from '../../src/import/detect.js';
import { FIXTURES } from './helpers.ts';

describe('detecting the kind of source', () => {
  it('from the files present', () => {
    const kinds = Object.fromEntries(
      ['bibtex/publications.bib', 'al-folio', 'json-resume/resume.json', 'json-resume/resume.min.json', 'rendercv/Jonas_Weber_CV.yaml', 'hugo-blox', 'academicpages', 'jemdoc', 'markdown-cv/cv.md'].map((p) => [p, detectSource(`${FIXTURES}/${p}`).kind]),
    );
    assert.deepEqual(kinds, {
      'bibtex/publications.bib': 'bibtex',
      'al-folio': 'al-folio',
      'json-resume/resume.json': 'json-resume',
      'json-resume/resume.min.json': 'json-resume',
      'rendercv/Jonas_Weber_CV.yaml': 'rendercv',
      'hugo-blox': 'hugo-blox',
      academicpages: 'academicpages',
      jemdoc: 'jemdoc',
      'markdown-cv/cv.md': 'markdown-cv',
    });
  });

  it('says why nothing fits', () => {
    assert.match(detectSource('package.json').reason, /not a JSON Resume/);
    assert.match(detectSource('test/fixtures/import/nope').reason, /does not exist/);
    assert.equal(detectSource('src').kind, undefined);
  });
});
