// A .bib file read again after an edit, with the memory of its last reading (`vita dev`), gives what a fresh reading
// gives: the same records (values and positions) and the same diagnostics; entries that did not change keep their record.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Diagnostics } from '../../../src/diagnostics/diagnostic.js';
import { newBibtexMemory, readBibtex, type BibtexMemory } from '../../../src/load/bibtex/index.js';
import type { RawRecord } from '../../../src/load/record.js';

const FILE = 'publications/papers.bib';
const PATHS = [[], ['title'], ['authors'], ['authors', 1], ['year'], ['venue', 'name'], ['links', 'pdf'], ['month']];

function entry(key: string, title: string, extra = ''): string {
  return `@inproceedings{${key},\n  title = {${title}},\n  author = {Wu, Lei and Ma, Chao},\n  booktitle = {Conference on Things},\n  year = {2024},${extra}\n}\n`;
}

function plain(records: RawRecord[]): unknown {
  return records.map((r) => ({ id: r.id, value: r.value, at: PATHS.map((p) => r.locate(p)) }));
}

/** Reads `text` with the memory and fresh, and checks they agree; returns the records read with the memory. */
function again(memory: BibtexMemory, text: string): RawRecord[] {
  const withMemory = new Diagnostics();
  const records = readBibtex(FILE, text, withMemory, memory);
  const fresh = new Diagnostics();
  const expected = readBibtex(FILE, text, fresh);
  assert.deepEqual(withMemory.list, fresh.list);
  assert.deepEqual(plain(records), plain(expected));
  return records;
}

const BASE = ['% Papers of the group.\n\n', ...Array.from({ length: 12 }, (_, i) => entry(`p${i}`, `Paper ${i}`) + '\n')].join('');

describe('reading a .bib file again after an edit', () => {
  it('keeps the records of the entries that did not change, and reads the edited one', () => {
    const memory = newBibtexMemory();
    const first = again(memory, BASE);
    const edited = again(memory, BASE.replace('{Paper 5}', '{Paper five, renamed}'));
    assert.equal(edited.length, first.length);
    edited.forEach((r, i) => (i === 5 ? assert.notEqual(r, first[i]) : assert.equal(r, first[i], `record ${i} was made again`)));
    assert.equal((edited[5]!.value as { title: string }).title, 'Paper five, renamed');
  });

  it('agrees with a fresh reading after edits of every kind', () => {
    const memory = newBibtexMemory();
    let text = BASE;
    const edits: [string, (t: string) => string][] = [
      ['a title', (t) => t.replace('{Paper 3}', '{Paper 3 again}')],
      ['a line added in an entry', (t) => t.replace('{Paper 4},', '{Paper 4},\n  pdf = {https://example.org/4.pdf},')],
      ['an entry added at the top', (t) => entry('first', 'First') + '\n' + t],
      ['an entry added at the end', (t) => t + entry('last', 'Last')],
      ['an entry removed', (t) => t.replace(entry('p7', 'Paper 7') + '\n', '')],
      ['two entries edited far apart', (t) => t.replace('{Paper 1}', '{Paper One}').replace('{Paper 10}', '{Paper Ten}')],
      ['a comment between entries', (t) => t.replace('% Papers of the group.', '% Papers of the group, and more.')],
      ['an entry written in a comment line', (t) => t.replace('% Papers of the group, and more.', '% see @inproceedings{x, in the other file')],
      ['a syntax error', (t) => t.replace('{Paper 2},', '{Paper 2}')],
      ['the syntax error fixed', (t) => t.replace('{Paper 2}\n', '{Paper 2},\n')],
      ['a key written twice', (t) => t.replace('@inproceedings{p8,', '@inproceedings{P9,')],
      ['the key fixed', (t) => t.replace('@inproceedings{P9,', '@inproceedings{p8,')],
      ['a month abbreviation', (t) => t.replace('{Paper 6},', '{Paper 6},\n  month = jun,')],
      ['an @string', (t) => `@string{conf = {Conference on Strings}}\n\n${t.replace('{Paper 9},', '{Paper 9},\n  journal = conf,')}`],
      ['the @string removed', (t) => t.replace('@string{conf = {Conference on Strings}}\n\n', '').replace('\n  journal = conf,', '')],
      ['an entry that does not start a line', (t) => t.replace('}\n\n@inproceedings{p11,', '} @inproceedings{p11,')],
      ['the line it starts on changed before it', (t) => t.replace('} @inproceedings{p11,', '  } @inproceedings{p11,')],
      ['an unknown field', (t) => t.replace('{Paper 0},', '{Paper 0},\n  titel = {Typo},')],
      ['a line added above the entry with the unknown field', (t) => t.replace('{First},', '{First},\n  note = {A note},')],
      ['windows line ends in one entry', (t) => t.replace(entry('p3', 'Paper 3 again'), entry('p3', 'Paper 3 again').replace(/\n/g, '\r\n'))],
      ['everything replaced', () => BASE],
    ];
    again(memory, text);
    for (const [what, change] of edits) {
      const next = change(text);
      assert.notEqual(next, text, `the edit "${what}" changed nothing`);
      text = next;
      try {
        again(memory, text);
      } catch (err) {
        (err as Error).message = `after ${what}: ${(err as Error).message}`;
        throw err;
      }
    }
  });
});
