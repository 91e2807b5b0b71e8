// `crossref` in BibTeX: an entry inherits the fields it lacks (booktitle, year, editor, publisher) from the entry it
// cross-references, keeps its own where it has them, and is written standing alone; the proceedings volume is not a
// paper of its own (counted as left out, and said so), while a book with authors that chapters cross-reference is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { countImport, exitStatus } from '../../src/import/report.js';
import { builtSite, cvOf, errorsOf, FIXTURES, pageText, run, tempDir } from './helpers.ts';

describe('import: BibTeX crossref', () => {
  it('inherits the volume\'s fields, writes each entry standing alone, and leaves the volume out', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/bibtex-crossref/crossref.bib`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual([...graph.publications.keys()].sort(), ['lindgren2023melt', 'lindgren2025chapter', 'okoro2023glacial', 'okoro2025book']);
    const glacial = graph.publications.get('okoro2023glacial')!;
    assert.equal(glacial.type, 'conference');
    assert.equal(glacial.venue?.name, 'Proceedings of the Example Symposium on Earth Observation');
    assert.equal(glacial.year, 2023, 'the year of the volume');
    assert.equal(graph.publications.get('lindgren2023melt')!.year, 2024, 'an entry\'s own year wins over the volume\'s');
    assert.equal(graph.publications.get('lindgren2025chapter')!.venue?.name, 'Remote Sensing of Cold Regions');

    // Written standing alone: no crossref field left, the editors and publisher carried in.
    const bib = readFileSync(join(dir, result.plan!.files.find((f) => f.path.endsWith('.bib'))!.path), 'utf8');
    assert.doesNotMatch(bib, /crossref\s*=/);
    assert.match(bib, /@inproceedings\{okoro2023glacial,[^@]*editor\s*=\s*\{Varga, Eszter and Moreau, Julien\}[^@]*publisher\s*=\s*\{Example Press\}/);
    assert.doesNotMatch(bib, /@proceedings\{eso2023/);

    assert.ok(result.diagnostics.some((d) => d.code === 'import/crossref-volume' && d.line === 18));
    const counts = countImport(result).find((c) => c.kind === 'publications')!;
    assert.deepEqual([counts.imported, counts.skipped, counts.why.map((w) => w.why)], [4, 1, ['a volume other entries cross-reference']]);

    const owner = [...graph.people.keys()][0];
    const list = pageText(builtSite(graph).get('publications/okoro2023glacial/index.html')!);
    assert.match(list, /Glacial Lakes from Space .*Proceedings of the Example Symposium on Earth Observation/);
    if (owner) assert.match(cvOf(graph, owner), /Proceedings of the Example Symposium on Earth Observation/);
  });
});
