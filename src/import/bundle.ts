/**
 * What every import source produces: a neutral bundle of records in vita's own shapes, plus notes saying what could
 * not be carried and why. Sources know their format and nothing of the project; merge and write know the project and
 * nothing of formats.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AuthorRole } from '../schema/author-marks.js';
import type { EventInput, NewsInput, SeriesInput, SitePageInput } from '../schema/index.js';
import type { PublicationInput } from '../schema/publication.js';
import type { TalkInput, TeachingInput } from '../schema/person.js';
import type { HttpSettings } from './online/http.js';

export const SOURCE_KINDS = ['bibtex', 'al-folio', 'json-resume', 'rendercv', 'hugo-blox', 'academicpages', 'jemdoc', 'markdown-cv', 'ics', 'seminar-site', 'seminar-data', 'arxiv', 'openalex', 'crossref', 'dblp', 'orcid'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where something was read: a path relative to the source (a file source: its own name), and a line when known. */
export interface Origin {
  file: string;
  line?: number;
}

export interface ImportedAuthor {
  name: string;
  roles: AuthorRole[];
  person?: string;
}

/** A publication as the Publication schema takes it (authors already split into names and roles). */
export type PublicationValue = Omit<PublicationInput, 'authors'> & { authors: ImportedAuthor[] };

/** One field of a BibTeX entry, its value as BibTeX text (delimiters included: `{...}`, `"..."`, `2024`). */
export interface BibField {
  name: string;
  raw: string;
}

/** A BibTeX entry ready to be written: macros resolved, crossref inherited, key made valid. */
export interface BibEntry {
  type: string;
  key: string;
  fields: BibField[];
  /** The entry exactly as the source wrote it, when it needed no change: written as is. */
  verbatim?: string;
}

export interface ImportedPublication {
  value: PublicationValue;
  /** Present when the source was BibTeX: the entry vita reads back as `value`. */
  bibtex?: BibEntry;
  /** The BibTeX text that was read back and found valid: written without checking again while it is unchanged. */
  checked?: string;
  /** The source gave no co-authors (JSON Resume): the author list is the owner and "et al.", matched on title alone. */
  authorsUnknown?: boolean;
  origin: Origin;
}

export interface ImportedPerson {
  /** Proposed id: the file name people/<id>.yaml. */
  id: string;
  /** A Person value: what people/<id>.yaml will hold. */
  value: Record<string, unknown>;
  /** Long-form Markdown sections: people/<id>/<section>.md. */
  sections: Record<string, string>;
  origin: Origin;
}

export interface ImportedNews {
  /** File name without extension, news/<slug>.md; unique within the bundle. */
  slug: string;
  value: Omit<NewsInput, '$schema'>;
  origin: Origin;
}

export interface ImportedTalk {
  person: string;
  value: TalkInput;
  origin: Origin;
}

export interface ImportedTeaching {
  person: string;
  value: TeachingInput;
  origin: Origin;
}

/** A page of the site written by hand (Teaching, Repositories, a page of its own): pages/<path>.md. */
export interface ImportedPage {
  /** The page's address without slashes at either end ("teaching", "courses/ml"): pages/<path>.md. */
  path: string;
  value: Omit<SitePageInput, 'layout'> & { layout?: SitePageInput['layout'] };
  origin: Origin;
}

/** A seminar event: seminars/<series>/<id>.yaml, and the series when the project does not have it. */
export interface ImportedEvent {
  series: string;
  seriesValue?: Omit<SeriesInput, '$schema'>;
  id: string;
  value: Omit<EventInput, '$schema'>;
  origin: Origin;
}

export interface ImportBundle {
  kind: SourceKind;
  /** Short name used in file names: publications/imported-<label>.bib. */
  label: string;
  /** Id of the person the source is about (a homepage's or a CV's owner). */
  owner?: string;
  /** A title for vita.yaml when the import creates the project. */
  title?: string;
  baseUrl?: string;
  people: ImportedPerson[];
  publications: ImportedPublication[];
  news: ImportedNews[];
  talks: ImportedTalk[];
  teaching: ImportedTeaching[];
  events: ImportedEvent[];
  pages: ImportedPage[];
  /** Files of the source the record links to (photos, PDFs), copied into the project: project path -> source path. */
  files: Record<string, string>;
  /** What was skipped or changed on the way, and why: diagnostics with `file` relative to the source. */
  notes: Diagnostic[];
  /** Items of the source that were not carried, by kind, with why: so that every item is accounted for. */
  leftOut: LeftOut[];
}

/** The kinds of item the report accounts for one by one. */
export type ItemKind = 'publications' | 'news' | 'talks' | 'teaching' | 'events' | 'pages';

export interface LeftOut {
  kind: ItemKind;
  count: number;
  /** Why, in a few words: "no year", "the template's demo". */
  why: string;
}

export function emptyBundle(kind: SourceKind, label: string): ImportBundle {
  return { kind, label, people: [], publications: [], news: [], talks: [], teaching: [], events: [], pages: [], files: {}, notes: [], leftOut: [] };
}

/** Stored answers of online services, so that an import can be repeated offline with the same result. */
export interface ResponseCache {
  get(key: string): string | undefined;
  put(key: string, value: string): void;
}

export interface Progress {
  /** Starts a phase of `total` steps; `tick` advances it. */
  start(label: string, total: number): void;
  tick(done?: number): void;
  done(): void;
}

export interface SourceContext {
  /** Online sources keep what they fetched here (imports/cache/ of the project). */
  cache: ResponseCache;
  progress: Progress;
  /** How online sources reach their services: offline or not, the polite-pool email; fetch and clock for tests. */
  online?: HttpSettings;
}

/**
 * A kind of source. `read` may be async: online sources (arXiv, OpenAlex, Crossref, DBLP, ORCID) fetch, and store
 * each response in `context.cache` so that importing again gives the same bundle without the network.
 */
export interface ImportSource {
  kind: SourceKind;
  /** What it reads, for help and reports: "a BibTeX file". */
  description: string;
  /** The source is a service named on the command line (arxiv:..., orcid:...), not a path. */
  online?: boolean;
  read(path: string, context: SourceContext): ImportBundle | Promise<ImportBundle>;
}

export const SILENT_PROGRESS: Progress = { start() {}, tick() {}, done() {} };

/** Counts `count` items of a kind as not carried, for `why`; the note that says so is the caller's. */
export function leaveOut(bundle: { leftOut: LeftOut[] }, kind: ItemKind, why: string, count = 1): void {
  bundle.leftOut.push({ kind, count, why });
}

/** Adds a note in the Diagnostic shape. */
export function note(
  bundle: { notes: Diagnostic[] },
  severity: Diagnostic['severity'],
  origin: Origin,
  code: string,
  message: string,
  hint?: string,
): void {
  bundle.notes.push({ file: origin.file, ...(origin.line ? { line: origin.line, column: 1 } : {}), severity, code: `import/${code}`, message, ...(hint ? { hint } : {}) });
}
