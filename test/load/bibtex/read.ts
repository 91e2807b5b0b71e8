/** Reading BibTeX text in tests: the records, values and diagnostics of `readBibtex`. */
import assert from 'node:assert/strict';
import { readBibtex } from '../../../src/load/bibtex/index.js';
import { Diagnostics } from '../../../src/diagnostics/diagnostic.js';
import { Publication } from '../../../src/schema/publication.js';
import type { RawRecord } from '../../../src/load/record.js';

const FILE = 'publications/papers.bib';

export function read(text: string): { records: RawRecord[]; diagnostics: Diagnostics; values: Record<string, any>[] } {
  const diagnostics = new Diagnostics();
  const records = readBibtex(FILE, text, diagnostics);
  return { records, diagnostics, values: records.map((r) => r.value as Record<string, any>) };
}

/** The one entry of the text, read without a diagnostic. */
export function readOne(text: string): Record<string, any> {
  const { values, diagnostics } = read(text);
  assert.deepEqual(diagnostics.list, []);
  assert.equal(values.length, 1);
  return values[0]!;
}

/** The output must be what the schema takes. */
export function assertValid(value: unknown): void {
  const result = Publication.safeParse(value);
  assert.ok(result.success, JSON.stringify(result.error?.issues, null, 2));
}

/** Names and roles only. */
export function authors(value: Record<string, any>): [string, string[]][] {
  return value.authors.map((a: { name: string; roles: string[] }) => [a.name, a.roles]);
}
