/** The same publication key, or the same event of a series, written twice. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Located } from './index.js';

/** Each id written again, with where it was first written. */
export function duplicatesIn(ids: readonly string[]): [first: number, again: number][] {
  const first = new Map<string, number>();
  const out: [number, number][] = [];
  ids.forEach((id, i) => {
    const at = first.get(id);
    if (at === undefined) first.set(id, i);
    else out.push([at, i]);
  });
  return out;
}

export function reportDuplicateIds(records: readonly Located<unknown>[], duplicates: readonly [number, number][], kind: string, diagnostics: Diagnostics): void {
  for (const [first, again] of duplicates) {
    const prev = records[first]!;
    const r = records[again]!;
    const where = prev.locate([]);
    const what = kind === 'publication' ? 'citation key' : `${kind} id`;
    diagnostics.error(r.file, r.locate([]), 'validate/duplicate-id', `the ${what} "${r.id}" is used twice`, {
      hint: `the first is in ${prev.file}${where ? `:${where.line}` : ''}; give one of them another ${kind === 'publication' ? 'key' : 'id'}.`,
      input: r.id,
    });
  }
}

/** Events are told apart within their series. */
export function reportDuplicateEvents(events: readonly Located<{ series?: string }>[], diagnostics: Diagnostics): void {
  const inSeries = events.map((e) => ({ ...e, id: `${e.value.series}/${e.id}` }));
  reportDuplicateIds(inSeries, duplicatesIn(inSeries.map((e) => e.id)), 'event', diagnostics);
}
