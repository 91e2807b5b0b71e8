/**
 * Reads BibTeX files into publication records, with the line of every field, so that schema errors point into the .bib file.
 * `scanner.ts` reads BibTeX's syntax, `publication.ts` turns one entry's fields into a publication; LaTeX in values is
 * converted by `latexToUnicode` (src/text/latex.ts), and math is kept as `$...$` for the site to render.
 *
 * Why a scanner of our own rather than @retorquere/bibtex-parser: that parser runs every field through a full LaTeX
 * grammar (measured: about 1.4 s per MB even with its conversions off, so 14 s for a 10 MB file), turns math into HTML
 * (`$L^\infty$` -> `L<sup>∞</sup>`), lets a control word swallow the spaces after it so that `Wang\dag and Li` is one
 * author, and gives no source positions to report errors at. BibTeX's own grammar is small.
 */
import { Diagnostics } from '../../diagnostics/diagnostic.js';
import type { RawRecord } from '../record.js';
import { readAgain, remembered, type BibtexMemory, type Reading } from './memory.js';
import { toRecord } from './record.js';
import { scan, type LineIndex, type RawEntry } from './scanner.js';

export { newBibtexMemory, type BibtexMemory } from './memory.js';

/**
 * The publications of a .bib file; what cannot be read is reported, and the rest still read. With a memory of the
 * file's last reading (`vita dev`), only what changed is read again.
 */
export function readBibtex(file: string, text: string, diagnostics: Diagnostics, memory?: BibtexMemory): RawRecord[] {
  if (memory?.last) {
    // Whatever goes wrong reading around the edit, the whole file is read as usual.
    const own = new Diagnostics();
    let again: RawRecord[] | undefined;
    try {
      again = readAgain(file, text, memory, own);
    } catch {
      again = undefined;
    }
    if (again) {
      for (const d of own.list) diagnostics.add(d);
      return again;
    }
  }
  try {
    const own = memory ? new Diagnostics() : diagnostics;
    const { entries, lines } = scan(file, text, own);
    const scanned = own.list.length === 0;
    const reading = toRecords(file, text, entries, lines, own, memory);
    if (memory) {
      for (const d of own.list) diagnostics.add(d);
      // Read again around an edit only a file with nothing that reaches from one entry to another: no @string, no problem.
      memory.last = scanned && reading.records.length === entries.length && !/@\s*string\s*[{(]/i.test(text) ? { ...reading, text } : undefined;
    }
    return reading.records;
  } catch (err) {
    // A bug here must not stop the whole build: report it against the file and go on without it.
    diagnostics.error(file, { line: 1, column: 1 }, 'load/bibtex-syntax', `the BibTeX file could not be read (${(err as Error).message})`, {
      hint: 'this is likely a bug in vita; please report it with the file.',
    });
    if (memory) memory.last = undefined;
    return [];
  }
}

/** The entries as records, and with a memory, what reading them again needs. */
function toRecords(file: string, source: string, entries: RawEntry[], lines: LineIndex, diagnostics: Diagnostics, memory?: BibtexMemory): Omit<Reading, 'text'> {
  const reading: Omit<Reading, 'text'> = { remembered: [], starts: [], ends: [], keys: [], records: [], diagnostics: [] };
  const seen = new Map<string, RawEntry>();
  const previous = memory && new Map(memory.entries);
  memory?.entries.clear();
  for (const entry of entries) {
    // BibTeX compares keys without case: `Song2021` and `song2021` are the same key to it.
    const first = seen.get(entry.key.toLowerCase());
    if (first) {
      diagnostics.error(file, lines.span(entry.keyAt), 'load/duplicate-key', `the citation key \`${entry.key}\` is used twice in this file`, {
        hint: `the first \`${first.key}\` is on line ${lines.line(first.start)}; rename or remove one of the two (this one is skipped).`,
        input: entry.key,
      });
      continue;
    }
    seen.set(entry.key.toLowerCase(), entry);
    try {
      if (!memory || !previous) {
        reading.records.push(toRecord(file, source, entry, lines, diagnostics));
        continue;
      }
      const { key, known } = remembered(file, source, entry, lines, memory, previous, previous.size > 0);
      reading.remembered.push(key);
      reading.starts.push(entry.start);
      reading.ends.push(entry.end);
      reading.keys.push(entry.key);
      reading.records.push(known.record);
      reading.diagnostics.push(known.diagnostics);
      for (const d of known.diagnostics) diagnostics.add(d);
    } catch (err) {
      diagnostics.error(file, lines.span(entry.start), 'load/bibtex-syntax', `the entry \`${entry.key}\` could not be read (${(err as Error).message})`, {
        hint: 'this is likely a bug in vita; please report it with the entry.',
      });
    }
  }
  return reading;
}
