/**
 * What each record's value and positions were made from, as plain data that can be kept on disk between builds
 * (see record-cache.ts): the record made again from it is the one the file gave.
 */
import type { Span } from '../diagnostics/diagnostic.js';
import type { RecordKind } from '../schema/index.js';
import type { DataPath, RawRecord } from './record.js';

/** A BibTeX entry's record: its value, the offset each data path was written at, and where the entry is. */
export interface StoredBibtex {
  form: 'bibtex';
  id: string;
  value: Record<string, unknown>;
  where: Map<string, number>;
  /** The entry's offset and length in the file's text, and where it starts. */
  start: number;
  length: number;
  at: Span;
}

/** A YAML or Markdown record: its value, and where its fields were written (see yaml.ts's `placesOf`). */
export interface StoredYaml {
  form: 'yaml';
  kind: RecordKind;
  id?: string;
  value: unknown;
  /** The file's places; none for Markdown without front matter. */
  places: YamlPlaces | null;
  /** The record's path in the file (a publications file's item). */
  prefix: DataPath;
  /** A Markdown record's body, which has no YAML position. */
  body?: { line: number; column: number; field: string };
}

export type StoredRecord = StoredBibtex | StoredYaml;

/** Where each node of a YAML document was written, as `locate` walks it: the document's span and its tree. */
export interface YamlPlaces {
  root?: Span;
  tree?: PlaceNode;
  lineOffset: number;
}

/** A mapping's fields (the first of a name, as YAML reads it) or a list's items; neither for a scalar. */
export interface PlaceNode {
  keys?: Map<string, PlaceChild>;
  items?: (PlaceChild | null)[];
}

/** What a step of a path finds: the span `locate` reports for it, and the node it leads to (none: the walk stops). */
export interface PlaceChild {
  span?: Span;
  node?: PlaceNode;
}

/** Each record's stored form, noted when the record is made (bibtex/record.ts, project.ts). */
export const storedForms = new WeakMap<RawRecord, StoredRecord>();
