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
    const cites: string[] = [];
    for (const c of findCitations(section.text)) {
      if (publications.has(c.key)) {
        if (!cites.includes(c.key)) cites.push(c.key);
        continue;
      }
      const guess = closest(c.key, publications.keys(), 4);
      const line = section.line + c.line - 1;
      diagnostics.error(section.file, { line, column: c.column, endLine: line, endColumn: c.column + 1 + c.key.length }, 'resolve/unknown-citation', `the citation @${c.key} matches no publication`, {
        input: c.key,
        hint: guess ? `did you mean @${guess}?` : 'add the publication to publications/, or correct the key.',
      });
    }
    const mine = sections.get(section.person) ?? sections.set(section.person, {}).get(section.person)!;
    mine[section.section] = { file: section.file, line: section.line, text: section.text, cites };
  }
  return { sections, diagnostics: diagnostics.list };
}
