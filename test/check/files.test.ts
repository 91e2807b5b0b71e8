/** Nothing under the project is ignored in silence: a file vita does nothing with, and vita.yaml's unknowns, are reported. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject } from '../../src/index.js';
import { isCssColour } from '../../src/validate/config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TODAY = new Date('2026-06-01');

describe('vita check on a project holding one file of every unknown kind', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'check', 'unknown-files');
  const list = openProject(dir, { today: TODAY }).diagnostics.list.filter((d) => !/^expected\./.test(d.file));

  it('reports each unknown file once, by its path, saying what vita does with it', () => {
    const files = list.filter((d) => d.code === 'check/unknown-file');
    assert.deepEqual(files.map((d) => d.file).sort(), ['data/extra.yaml', 'notes/ideas.md', 'people/ada/drafts/old.md', 'people/ada/old-cv.pdf', 'stray.txt']);
    for (const d of files) {
      assert.equal(d.severity, 'warning');
      assert.match(d.message, /vita does not read|vita neither reads it nor copies it/);
      assert.ok(d.hint, `${d.file}: a hint`);
    }
  });

  it('leaves alone the record, what a record links to, assets/ and the repository around it', () => {
    const reported = new Set(list.map((d) => d.file));
    for (const f of ['people/ada.yaml', 'people/ada/about.md', 'photos/ada.jpg', 'people/ada/cv.pdf', 'data/linked-notes.txt', 'assets/logo.svg', 'README.md']) {
      assert.ok(!reported.has(f), `${f} is reported`);
    }
  });

  it('reports a language vita has no words for, one that is not a tag, and colours that are not colours, where written', () => {
    const at = (code: string) => list.filter((d) => d.code === code).map((d) => `${d.file}:${d.line}:${d.column} ${d.input ?? ''}`);
    assert.deepEqual(at('validate/language-without-words'), ['vita.yaml:3:17 sw']);
    assert.deepEqual(at('validate/language'), ['vita.yaml:3:21 english please']);
    assert.deepEqual(at('validate/colour'), ['vita.yaml:7:5 #12345', 'vita.yaml:9:5 reddish']);
  });

  it('finds one located diagnostic for each unknown thing and nothing else', () => {
    assert.equal(list.length, 9, list.map((d) => `${d.file} ${d.code}`).join('\n'));
  });
});

describe('CSS colours', () => {
  it('takes what browsers take', () => {
    for (const c of ['#8c1515', '#abc', '#abcd', '#11223344', 'darkred', 'RebeccaPurple', 'transparent', 'rgb(1 2 3)', 'rgba(1, 2, 3, .5)', 'hsl(10deg 50% 40%)', 'oklch(0.6 0.2 30)', 'color-mix(in srgb, red 40%, white)', 'var(--accent)']) {
      assert.ok(isCssColour(c), c);
    }
  });
  it('refuses what they ignore', () => {
    for (const c of ['#12345', 'reddish', '8c1515', 'rgb(1, 2, 3', 'url(x.png)', 'red; background: blue', 'rgb()', '']) assert.ok(!isCssColour(c), c);
  });
});
