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
import type { Diagnostics, Span } from '../../diagnostics/diagnostic.js';
import type { DataPath, RawRecord } from '../record.js';
import { readPublication } from './publication.js';
import { scan, type LineIndex, type RawEntry } from './scanner.js';

/** The publications of a .bib file; what cannot be read is reported, and the rest still read. */
export function readBibtex(file: string, text: string, diagnostics: Diagnostics): RawRecord[] {
  try {
    const { entries, lines } = scan(file, text, diagnostics);
    return toRecords(file, text, entries, lines, diagnostics);
  } catch (err) {
    // A bug here must not stop the whole build: report it against the file and go on without it.
    diagnostics.error(file, { line: 1, column: 1 }, 'load/bibtex-syntax', `the BibTeX file could not be read (${(err as Error).message})`, {
      hint: 'this is likely a bug in vita; please report it with the file.',
    });
    return [];
  }
}

function toRecords(file: string, source: string, entries: RawEntry[], lines: LineIndex, diagnostics: Diagnostics): RawRecord[] {
  const records: RawRecord[] = [];
  const seen = new Map<string, RawEntry>();
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
      records.push(toRecord(file, source, entry, lines, diagnostics));
    } catch (err) {
      diagnostics.error(file, lines.span(entry.start), 'load/bibtex-syntax', `the entry \`${entry.key}\` could not be read (${(err as Error).message})`, {
        hint: 'this is likely a bug in vita; please report it with the entry.',
      });
    }
  }
  return records;
}

function toRecord(file: string, source: string, entry: RawEntry, lines: LineIndex, diagnostics: Diagnostics): RawRecord {
  const { value, where } = readPublication(entry, source, file, lines, diagnostics);
  // `locate` keeps only what it reads (the offsets), not the scanned entry: a graph of 50,000 papers keeps every one.
  const start = entry.start;
  return {
    kind: 'publication',
    file,
    id: entry.key,
    value,
    locate(path: DataPath): Span {
      // The longest written prefix of the path: ['authors', 2, 'name'] falls back to the author, then the field.
      for (let n = path.length; n > 0; n--) {
        const at = where.get(path.slice(0, n).join('.'));
        if (at !== undefined) return lines.span(at);
      }
      return lines.span(start);
    },
  };
}
