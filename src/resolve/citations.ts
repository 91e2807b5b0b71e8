/** Citations in prose, `[@key]` or `[@a; @b]`: found, checked, and numbered to match the list an output shows. */
import { LineIndex } from '../text/lines.js';

export interface Citation {
  key: string;
  /** Offset of the whole bracket group in the text. */
  offset: number;
  line: number;
  column: number;
}

const GROUP = /\[(@[A-Za-z0-9_:.+\-/]+(?:\s*[;,]\s*@[A-Za-z0-9_:.+\-/]+)*)\]/g;
const KEY = /@([A-Za-z0-9_:.+\-/]+)/g;

/** Every citation in the text, in order, with line and column relative to the text's first line. */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  const lines = new LineIndex(text);
  for (const group of text.matchAll(GROUP)) {
    for (const key of group[1]!.matchAll(KEY)) {
      const offset = group.index! + 1 + key.index!;
      out.push({ key: key[1]!.replace(/[.,]+$/, ''), offset, ...lines.span(offset) });
    }
  }
  return out;
}

/**
 * Numbers for a publication list as an output shows it (its display order):
 * ascending gives the first item 1; descending gives it N, as seed 003's CV does.
 */
export function numberPublications(keysInDisplayOrder: readonly string[], order: 'ascending' | 'descending'): Map<string, number> {
  const n = keysInDisplayOrder.length;
  return new Map(keysInDisplayOrder.map((key, i) => [key, order === 'ascending' ? i + 1 : n - i]));
}

/**
 * Replaces each citation group with what `format` makes of its numbers (sorted, unknown keys kept as text),
 * e.g. `[@a; @b]` -> `[3][5]`.
 */
export function replaceCitations(
  text: string,
  numbers: ReadonlyMap<string, number>,
  format: (cited: { key: string; number?: number }[]) => string = defaultFormat,
): string {
  return text.replace(GROUP, (_all, inner: string) => {
    const keys = [...inner.matchAll(KEY)].map((m) => m[1]!.replace(/[.,]+$/, ''));
    const cited = keys.map((key) => ({ key, number: numbers.get(key) }));
    cited.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity));
    return format(cited);
  });
}

function defaultFormat(cited: { key: string; number?: number }[]): string {
  return cited.map((c) => (c.number === undefined ? `[?${c.key}]` : `[${c.number}]`)).join('');
}
