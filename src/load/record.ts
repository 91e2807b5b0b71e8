/** What loading produces: raw records with their source positions, before any schema has looked at them. */
import type { Span } from '../diagnostics/diagnostic.js';
import type { RecordKind } from '../schema/index.js';

export type DataPath = (string | number)[];

export interface RawRecord {
  kind: RecordKind;
  /** Project-relative POSIX path. */
  file: string;
  /** The id the file name gives (people/lei-wu.yaml -> "lei-wu"), for kinds that take it from there. */
  id?: string;
  /** Parsed data, not yet validated. */
  value: unknown;
  /** Where a path of `value` was written; falls back to the nearest written ancestor. */
  locate(path: DataPath): Span | undefined;
}

/** A long-form Markdown section of a person: people/<id>/<section>.md. */
export interface ProseSection {
  file: string;
  person: string;
  section: string;
  /** Markdown, front matter removed. */
  text: string;
  /** Line in the file where `text` starts (1-based). */
  line: number;
}

export interface LoadedProject {
  /** Absolute path of the project folder. */
  root: string;
  records: RawRecord[];
  /**
   * Loaded with a cache: the places in `records` that now hold another record, when `records` is the list of the last
   * load updated in place (so the records elsewhere are those of the last load); undefined when the list is new.
   */
  replaced?: number[];
  prose: ProseSection[];
  /** Project-relative paths of every file, for link checks. */
  files: string[];
  /** metrics/citations.yaml as parsed, when the project has it (see metrics.ts). */
  metrics?: LoadedMetrics;
}

/** The citation counts file, not yet validated. */
export interface LoadedMetrics {
  file: string;
  value: unknown;
  locate(path: DataPath): Span | undefined;
}
