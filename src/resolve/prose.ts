/** Long-form sections of people (people/<id>/<section>.md), with their citations checked against the publications. */
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProseSection } from '../load/record.js';
import { closest } from '../text/suggest.js';
import { findCitations } from './citations.js';
import type { Prose, Publication } from './graph.js';

export interface ResolvedProse {
  /** Each person's sections, by section name, in the order of the files. */
  sections: Map<string, Record<string, Prose>>;
  diagnostics: Diagnostic[];
}

export function resolveProse(prose: readonly ProseSection[], people: ReadonlyMap<string, unknown>, publications: ReadonlyMap<string, Publication>): ResolvedProse {
  const diagnostics = new Diagnostics();
  const sections = new Map<string, Record<string, Prose>>();
  for (const section of prose) {
    if (!people.has(section.person)) {
      const guess = closest(section.person, people.keys());
      diagnostics.error(section.file, { line: 1, column: 1 }, 'resolve/unknown-person', `the folder people/${section.person}/ belongs to no person of the project`, {
        hint: guess ? `did you mean people/${guess}/?` : `add people/${section.person}.yaml, or move the file.`,
      });
      continue;
    }
    const cites = citedKeys(section.file, section.line, section.text, publications, diagnostics);
    const mine = sections.get(section.person) ?? sections.set(section.person, {}).get(section.person)!;
    mine[section.section] = { file: section.file, line: section.line, text: section.text, cites };
  }
  return { sections, diagnostics: diagnostics.list };
}

/**
 * The publications a Markdown text cites (`[@key]`), in order of first appearance; each key that matches no
 * publication is reported where it is written (`line` is the file's line where the text starts), unless `quiet`.
 */
export function citedKeys(file: string, line: number, text: string, publications: ReadonlyMap<string, Publication>, diagnostics: Diagnostics | undefined): string[] {
  const cites: string[] = [];
  for (const c of findCitations(text)) {
    if (publications.has(c.key)) {
      if (!cites.includes(c.key)) cites.push(c.key);
      continue;
    }
    if (!diagnostics) continue;
    const guess = closest(c.key, publications.keys(), 4);
    const at = line + c.line - 1;
    diagnostics.error(file, { line: at, column: c.column, endLine: at, endColumn: c.column + 1 + c.key.length }, 'resolve/unknown-citation', `the citation @${c.key} matches no publication`, {
      input: c.key,
      hint: guess ? `did you mean @${guess}?` : 'add the publication to publications/, or correct the key.',
    });
  }
  return cites;
}
