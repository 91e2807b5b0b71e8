/** The graph as plain data, for tests that open a record two ways and must get the same graph. */
import type { Graph } from '../src/index.js';
import type { DataPath } from '../src/load/record.js';

/** Paths whose positions are compared: where a record, its title, authors, year, name, links, start, venue and body are. */
const PATHS: DataPath[] = [[], ['title'], ['authors', 0], ['authors', 1], ['year'], ['name'], ['links', 'pdf'], ['start'], ['venue', 'name'], ['body']];

/** Maps as entries, sets as lists, functions named, and a record's positions as the spans it gives for PATHS. */
export function snapshot(graph: Graph): unknown {
  const plain = (value: unknown): unknown => {
    if (value instanceof Map) return { entries: [...value].map(([k, v]) => [k, plain(v)]) };
    if (value instanceof Set) return { set: [...value].map(plain) };
    if (Array.isArray(value)) return value.map(plain);
    if (typeof value === 'function') return '<function>';
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = plain(v);
      const located = value as { locate?: (path: DataPath) => unknown };
      if (typeof located.locate === 'function') out.locate = PATHS.map((p) => located.locate!(p));
      return out;
    }
    return value;
  };
  return plain(graph);
}
