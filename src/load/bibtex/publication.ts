/**
 * One BibTeX entry's fields as the input of the Publication schema: the type from the entry type and the exporter's
 * habits, venue, dates, identifiers, links, status, and the authors with the roles marked on their names or given by
 * position (`equal = {1,2}`). Values the schema would reject are passed on as written, for validation to report.
 */
import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import { AUTHOR_ROLES, parseAuthorMarks, type AuthorRole } from '../../schema/author-marks.js';
import { editDistance } from '../../text/distance.js';
import { latexToUnicode } from '../../text/latex.js';
import { singleSpaces } from '../../text/spaces.js';
import { matchAt, type LineIndex, type RawEntry, type RawField } from './scanner.js';

/** The entry as the Publication schema's input, and the offset where each data path ("title", "authors.2") was written. */
export function readPublication(
  entry: RawEntry,
  source: string,
  file: string,
  lines: LineIndex,
  diagnostics: Diagnostics,
): { value: Record<string, unknown>; where: ReadonlyMap<string, number> } {
  const builder = new PublicationBuilder(entry, source, file, lines, diagnostics);
  return { value: builder.build(), where: builder.where };
}

/** Fields vita reads. A misspelt field is suggested from these. */
const USED_FIELDS = [
  'author', 'title', 'subtitle', 'year', 'month', 'date', 'journal', 'journaltitle', 'booktitle', 'eventtitle', 'school',
  'institution', 'howpublished', 'publisher', 'volume', 'number', 'issue', 'pages', 'abbr', 'selected', 'award',
  'award_name', 'pdf', 'code', 'slides', 'video', 'poster', 'html', 'website', 'project', 'blog', 'supp', 'supplement',
  'supplementary', 'data', 'dataset', 'arxiv', 'eprint', 'archiveprefix', 'eprinttype', 'doi', 'url', 'abstract',
  'keywords', 'topics', 'status', 'pubstate', 'note', 'openreview', 'equal', 'co_first', 'lead', 'project_lead',
  'corresponding', 'alphabetical', 'pubtype', 'type', 'preview',
];
/** Fields that reference managers and site generators write and vita has no use for: ignored without a word. */
const IGNORED_FIELDS = [
  'bibtex_show', 'google_scholar_id', 'dimensions', 'altmetric', 'inspirehep_id', 'annotation', 'additional_info',
  'biburl', 'bibsource', 'timestamp', 'primaryclass', 'eprintclass', 'address', 'location', 'editor', 'edition', 'series',
  'chapter', 'isbn', 'issn', 'language', 'langid', 'hyphenation', 'organization', 'file', 'annote', 'crossref', 'key', 'day',
  'urldate', 'shorttitle', 'shortjournal', 'eid', 'articleno', 'numpages', 'copyright', 'ids', 'groups', 'owner',
  'creationdate', 'modificationdate', 'mendeley-groups', 'mendeley-tags', 'pmid', 'pmcid', 'lccn', 'mrclass', 'mrnumber',
  'mrreviewer', 'fjournal', 'zbl', 'acmid', 'affiliation', 'author+an', 'editora', 'editorb', 'translator', 'venue',
];
const KNOWN_FIELDS = new Set([...USED_FIELDS, ...IGNORED_FIELDS]);

const LINK_FIELDS: [kind: string, fields: string[]][] = [
  ['pdf', ['pdf']],
  ['code', ['code']],
  ['slides', ['slides']],
  ['video', ['video']],
  ['poster', ['poster']],
  ['project', ['website', 'project']],
  ['html', ['html']],
  ['blog', ['blog']],
  ['supplement', ['supp', 'supplement', 'supplementary']],
  ['data', ['data', 'dataset']],
];

/** Fields giving 1-based author positions that have a role: `equal = {1,2}`. */
const ROLE_FIELDS: [field: string, role: AuthorRole][] = [
  ['equal', 'equal'],
  ['co_first', 'equal'],
  ['lead', 'lead'],
  ['project_lead', 'lead'],
  ['corresponding', 'corresponding'],
];

const STATUSES: Record<string, string> = {
  published: 'published',
  accepted: 'accepted',
  'to-appear': 'accepted',
  'in-press': 'accepted',
  inpress: 'accepted',
  forthcoming: 'accepted',
  preprint: 'preprint',
  prepublished: 'preprint',
  'under-review': 'under-review',
  'in-review': 'under-review',
  submitted: 'submitted',
  'under-submission': 'submitted',
  'in-preparation': 'in-preparation',
  inpreparation: 'in-preparation',
  'in-prep': 'in-preparation',
};

/** The venue's numbers, each from the first of its fields that is written. */
const VENUE_NUMBERS = [['volume', ['volume']], ['number', ['number', 'issue']], ['pages', ['pages']]] as const;

const UNPUBLISHED = ['preprint', 'under-review', 'submitted', 'in-preparation'];

const PUBTYPES: Record<string, string> = {
  article: 'article',
  journal: 'article',
  conference: 'conference',
  inproceedings: 'conference',
  proceedings: 'conference',
  workshop: 'workshop',
  preprint: 'preprint',
  book: 'book',
  chapter: 'chapter',
  thesis: 'thesis',
  report: 'report',
  other: 'other',
};

const ENTRY_TYPES: Record<string, string> = {
  article: 'article',
  inproceedings: 'conference',
  conference: 'conference',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  book: 'book',
  incollection: 'chapter',
  inbook: 'chapter',
  techreport: 'report',
  report: 'report',
};

/** The reader's field tables, for the generated reference (docs/reference/bibtex.md): documented from the code itself. */
export const BIBTEX_FIELDS = {
  usedFields: USED_FIELDS,
  ignoredFields: IGNORED_FIELDS,
  linkFields: LINK_FIELDS,
  roleFields: ROLE_FIELDS,
  statuses: STATUSES,
  pubtypes: PUBTYPES,
  entryTypes: ENTRY_TYPES,
} as const;


const ARXIV_ID = /(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/;

class PublicationBuilder {
  readonly value: Record<string, unknown> = {};
  /** Offset where each data path ("title", "authors.2", "venue.short") was written. */
  readonly where = new Map<string, number>();

  constructor(
    private readonly entry: RawEntry,
    private readonly source: string,
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly diagnostics: Diagnostics,
  ) {}

  build(): Record<string, unknown> {
    this.put(['id'], this.entry.key, this.entry.keyAt);
    this.readType();
    this.readTitle();
    this.readAuthors();
    this.readVenue();
    this.readDate();
    this.readIdentifiers();
    this.readLinks();
    this.readText();
    this.checkUnknownFields();
    // The entry exactly as written, for the "BibTeX" button of the site.
    this.value.bibtex = this.source.slice(this.entry.start, this.entry.end);
    return this.value;
  }

  // --- the fields, in the order of the schema

  private readType(): void {
    const pubtype = this.field('pubtype');
    const declared = pubtype ? PUBTYPES[plain(pubtype.value).toLowerCase()] : undefined;
    const type = declared ?? this.typeFromEntry();
    this.put(['type'], type, pubtype && declared ? pubtype.at : this.entry.start);
  }

  private typeFromEntry(): string {
    const { type } = this.entry;
    const subtype = plain(this.field('type')?.value ?? '');
    const booktitle = plain(this.field('booktitle')?.value ?? '');
    if (/workshop/i.test(subtype) || (/\bworkshops?\b/i.test(booktitle) && type !== 'article')) return 'workshop';
    if (this.isPreprint()) return 'preprint';
    return ENTRY_TYPES[type] ?? 'other';
  }

  /**
   * arXiv exports are @misc with eprint; Google Scholar writes @article{journal = {arXiv preprint arXiv:...}}; DBLP
   * journal = {CoRR}. A @misc or @unpublished whose status says it is not published yet is a preprint too.
   */
  private isPreprint(): boolean {
    const type = this.entry.type;
    if (type === 'article') return this.arxivJournal()?.name.startsWith('journal') ?? false;
    if (!['misc', 'unpublished', 'online', 'electronic', 'preprint'].includes(type)) return false;
    const status = this.status();
    return this.arxivId() !== undefined || (status !== undefined && UNPUBLISHED.includes(status));
  }

  private readTitle(): void {
    const title = this.field('title');
    if (!title) return;
    const subtitle = this.field('subtitle');
    const main = latexToUnicode(title.value);
    this.put(['title'], subtitle ? `${main}: ${latexToUnicode(subtitle.value)}` : main, title.at);
  }

  private readAuthors(): void {
    const field = this.field('author');
    if (!field) return;
    const authors: { name: string; roles: AuthorRole[] }[] = [];
    const parts = splitAuthors(field.value);
    const where = (part: { offset: number }) => (field.valueAt === undefined ? field.at : field.valueAt + part.offset);
    if (parts.empty.length && parts.length) {
      this.diagnostics.warning(this.file, this.lines.span(where({ offset: parts.empty[0]! })), 'load/bibtex-author-separator', 'an "and" here has no name on one side of it', {
        hint: 'BibTeX puts one "and" between two names: `Song, Yang and Ermon, Stefano`; remove the extra "and".',
        input: field.value,
      });
    }
    for (const part of parts) {
      const author = readAuthor(part.text);
      if (!author) continue;
      const at = where(part);
      this.where.set(`authors.${authors.length}`, at);
      if (author.commas > 2) {
        this.diagnostics.warning(this.file, this.lines.span(at), 'load/bibtex-author-separator', `"${author.name}" looks like several authors separated by commas`, {
          hint: 'BibTeX separates authors with `and`: `Song, Yang and Ermon, Stefano`.',
          input: part.text,
        });
      }
      authors.push({ name: author.name, roles: author.roles });
    }
    this.addPositionalRoles(authors);
    for (const a of authors) a.roles = AUTHOR_ROLES.filter((r) => a.roles.includes(r));
    this.put(['authors'], authors, field.at);
    // "and others" ends a list cut short: the outputs add "et al.".
    const last = parts[parts.length - 1];
    if (last && OTHERS.test(last.text)) this.put(['etal'], true, where(last));
    const alphabetical = this.field('alphabetical');
    if (alphabetical) this.put(['alphabetical'], flag(alphabetical.value), alphabetical.at);
  }

  /** `equal = {1,2}`, `lead = {3}`, `corresponding = {4}`: roles by 1-based position, for those who keep names clean. */
  private addPositionalRoles(authors: { roles: AuthorRole[] }[]): void {
    for (const [name, role] of ROLE_FIELDS) {
      const field = this.field(name);
      if (!field) continue;
      for (const position of positions(field.value)) {
        const author = typeof position === 'number' ? authors[position - 1] : undefined;
        if (author) {
          if (!author.roles.includes(role)) author.roles.push(role);
          continue;
        }
        const message =
          typeof position === 'number'
            ? `\`${name}\` names author ${position}, but the entry has ${authors.length} author${authors.length === 1 ? '' : 's'}`
            : `\`${name}\` should list author positions, and \`${position}\` is not a number`;
        this.diagnostics.warning(this.file, this.lines.span(field.at), 'load/bibtex-author-position', message, {
          hint: `\`${name}\` lists author positions, counted from 1: \`${name} = {1,2}\`.`,
          input: field.value,
        });
      }
    }
  }

  private readVenue(): void {
    const name = this.venueNameField();
    if (name) this.put(['venue', 'name'], latexToUnicode(name.value), name.at);
    const abbr = this.field('abbr');
    if (abbr) {
      // al-folio's badge often carries the edition: "ICML 2024" is the short name "ICML" of the 2024 venue.
      const short = latexToUnicode(abbr.value);
      const year = /(?:^|\s)((?:1[89]|2\d)\d{2})(?=\s|$)/.exec(short);
      const rest = year ? `${short.slice(0, year.index)} ${short.slice(year.index + year[0].length)}`.replace(/\s+/g, ' ').trim() : short;
      if (rest) this.put(['venue', 'short'], rest, abbr.at);
      if (year) this.put(['venue', 'year'], Number(year[1]), abbr.at);
    }
    for (const [key, names] of VENUE_NUMBERS) {
      const field = this.field(...names);
      // DBLP's arXiv entries have volume = {abs/2011.13456}: an identifier, not a volume.
      if (field && !(key === 'volume' && this.arxivJournal() !== undefined)) this.put(['venue', key], latexToUnicode(field.value), field.at);
    }
    const publisher = this.field('publisher');
    if (publisher) this.put(['venue', 'publisher'], latexToUnicode(publisher.value), publisher.at);
  }

  /** The field naming where the work appeared; which one depends on the kind of work. */
  private venueNameField(): RawField | undefined {
    const type = this.value.type;
    const candidates =
      type === 'article' ? ['journal', 'journaltitle', 'booktitle']
      : type === 'thesis' ? ['school', 'institution']
      : type === 'report' ? ['institution']
      : type === 'book' ? []
      : ['booktitle', 'eventtitle', 'journal', 'journaltitle', 'howpublished'];
    for (const name of candidates) {
      const field = this.field(name);
      if (!field || !field.value.trim()) continue;
      if (field === this.arxivJournal()) continue;
      if (name === 'howpublished' && /\\url|https?:/.test(field.value)) continue;
      return field;
    }
    return undefined;
  }

  private readDate(): void {
    const year = this.field('year');
    const date = this.field('date');
    const written = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(plain(date.value)) : null;
    if (year) this.put(['year'], number(plain(year.value), /^\d{4}$/), year.at);
    else if (date) this.put(['year'], written ? Number(written[1]) : plain(date.value), date.at);
    if (date && written) this.put(['date'], written[0], date.at);
    const month = this.field('month');
    if (month) this.put(['month'], parseMonth(plain(month.value)), month.at);
    else if (date && written?.[2]) this.put(['month'], Number(written[2]), date.at);
  }

  private readIdentifiers(): void {
    const doi = this.field('doi');
    if (doi) this.put(['doi'], verbatim(doi.value).replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, ''), doi.at);
    const arxiv = this.arxivId();
    if (arxiv) this.put(['arxiv'], arxiv.id, arxiv.at);
    const url = this.field('url') ?? this.urlInHowpublished();
    if (url) this.put(['url'], verbatim(url.value), url.at);
    const openreview = this.field('openreview');
    if (openreview) this.put(['openreview'], openReviewId(verbatim(openreview.value)), openreview.at);
    else if (url && /openreview\.net\/(?:forum|pdf)\?id=/.test(url.value)) this.put(['openreview'], openReviewId(verbatim(url.value)), url.at);
  }

  /** Google Scholar puts the link of a @misc in `howpublished = {\url{...}}`. */
  private urlInHowpublished(): RawField | undefined {
    const field = this.field('howpublished');
    return field && /^\s*\\url\{/.test(field.value) ? field : undefined;
  }

  /** The arXiv id, from wherever the exporter put it. */
  private arxivId(): { id: string; at: number } | undefined {
    const fromField = (field: RawField | undefined) => {
      const m = field ? ARXIV_ID.exec(verbatim(field.value)) : null;
      return m && field ? { id: m[0], at: field.at } : undefined;
    };
    const explicit = this.field('arxiv');
    if (explicit) return fromField(explicit) ?? { id: verbatim(explicit.value).replace(/^arxiv:\s*/i, ''), at: explicit.at };
    const eprint = this.field('eprint');
    const prefix = plain(this.field('archiveprefix', 'eprinttype')?.value ?? '');
    if (eprint && (/arxiv/i.test(prefix) || (!prefix && /^\s*(?:arxiv:)?\d{4}\.\d{4,5}/i.test(eprint.value)))) return fromField(eprint);
    const journal = this.arxivJournal();
    if (journal) return fromField(journal) ?? fromField(this.field('volume'));
    const url = this.field('url');
    if (url && /arxiv\.org\/(?:abs|pdf)\//i.test(url.value)) return fromField(url);
    return undefined;
  }

  /** A journal (or howpublished) that says "arXiv" (Google Scholar) or "CoRR" (DBLP): the work is a preprint. */
  private arxivJournal(): RawField | undefined {
    const journal = this.field('journal', 'journaltitle', 'howpublished');
    return journal && /^\s*(?:arxiv\b|corr\s*$)/i.test(plain(journal.value)) ? journal : undefined;
  }

  private readLinks(): void {
    for (const [kind, names] of LINK_FIELDS) {
      const field = this.field(...names);
      if (field && field.value.trim()) this.put(['links', kind], verbatim(field.value), field.at);
    }
  }

  private readText(): void {
    const award = this.field('award_name', 'award');
    if (award) this.put(['award'], latexToUnicode(award.value), award.at);
    const abstract = this.field('abstract');
    if (abstract) this.put(['abstract'], latexToUnicode(abstract.value), abstract.at);
    // al-folio's thumbnail: `preview = {figure.png}` (a file of assets/img/publication_preview/) or a path.
    const preview = this.field('preview');
    if (preview && preview.value.trim()) this.put(['preview'], verbatim(preview.value).trim(), preview.at);
    const topics = [this.field('keywords'), this.field('topics')].filter((f): f is RawField => f !== undefined);
    if (topics.length) {
      const list = topics.flatMap((f) => latexToUnicode(f.value).split(/[,;]/)).map((t) => t.trim()).filter((t) => t);
      this.put(['topics'], [...new Set(list)], topics[0]!.at);
    }
    const selected = this.field('selected');
    if (selected) this.put(['selected'], flag(selected.value), selected.at);
    const note = this.field('note');
    if (note) this.put(['note'], latexToUnicode(note.value), note.at);
    const status = this.field('status', 'pubstate');
    if (status) this.put(['status'], this.status(), status.at);
  }

  /** The status as the schema names it ("Under Review" -> "under-review"); an unknown one as written, for validation. */
  private status(): string | undefined {
    const field = this.field('status', 'pubstate');
    if (!field) return undefined;
    const written = plain(field.value).toLowerCase().replace(/[\s_]+/g, '-');
    return STATUSES[written] ?? written;
  }

  /** Custom fields are the norm (al-folio invents many), so only near misses of fields vita reads are worth a word. */
  private checkUnknownFields(): void {
    for (const field of this.entry.fields.values()) {
      if (KNOWN_FIELDS.has(field.name)) continue;
      const limit = field.name.length <= 4 ? 1 : 2;
      const match = USED_FIELDS.map((known) => ({ known, distance: editDistance(field.name, known, limit) })).filter((c) => c.distance <= limit).sort((a, b) => a.distance - b.distance)[0];
      if (!match) continue;
      this.diagnostics.warning(this.file, this.lines.span(field.at), 'load/bibtex-unknown-field', `unknown field \`${field.name}\` in \`${this.entry.key}\``, {
        hint: `did you mean \`${match.known}\`?`,
        input: field.name,
      });
    }
  }

  // --- helpers

  /** The first of the named fields that is written. */
  private field(...names: string[]): RawField | undefined {
    for (const name of names) {
      const f = this.entry.fields.get(name);
      if (f) return f;
    }
    return undefined;
  }

  /** Sets a value at a path and remembers where it was written; parents are remembered at their first child. */
  private put(path: string[], value: unknown, at: number): void {
    let target = this.value;
    let key = '';
    for (let i = 0; i < path.length; i++) {
      const step = path[i]!;
      key = i === 0 ? step : `${key}.${step}`;
      if (!this.where.has(key)) this.where.set(key, at);
      if (i === path.length - 1) target[step] = value;
      else target = (target[step] ??= {}) as Record<string, unknown>;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Authors

/** " and" before more white space: the space after it stays, so that "and and" is two separators. */
const AND = /\s+and(?=\s)/iy;
/** BibTeX's word for the authors left out. */
const OTHERS = /^others$/i;

/**
 * Splits an author list at " and " outside braces, keeping where each name starts in the value. `empty` holds where
 * a name is missing: an "and" at the start or the end, or two in a row (`{ and and }` names nobody, not "and").
 */
function splitAuthors(value: string): { text: string; offset: number }[] & { empty: number[] } {
  const parts = Object.assign([] as { text: string; offset: number }[], { empty: [] as number[] });
  // Padded, so that an "and" at either end is a separator too; offsets are of the value as written.
  const padded = ` ${value} `;
  const push = (start: number, end: number) => {
    const raw = padded.slice(start, end);
    const text = raw.trim();
    const offset = Math.max(0, Math.min(value.length, start + raw.length - raw.trimStart().length - 1));
    if (text) parts.push({ text, offset });
    else parts.empty.push(offset);
  };
  let depth = 0;
  let start = 0;
  for (let i = 0; i < padded.length; i++) {
    const c = padded[i]!;
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
      const and = matchAt(AND, padded, i);
      if (!and) continue;
      push(start, i);
      start = i + and.length;
      i = start - 1;
    }
  }
  // A list with no "and" at all is one name, even when it is only white space (reported as no author).
  if (start > 0) push(start, padded.length);
  else if (value.trim()) parts.push({ text: value.trim(), offset: value.length - value.trimStart().length });
  return parts;
}

/**
 * One author as written ("Wang, Mingze#", "Th{\'e}o Ryffel$^\dagger$") as a display name and roles; undefined for "others".
 * `commas` counts the separating commas: more than two means a list of authors that should have been joined with "and".
 */
function readAuthor(raw: string): { name: string; roles: AuthorRole[]; commas: number } | undefined {
  if (OTHERS.test(raw)) return undefined;
  const whole = parseAuthorMarks(raw);
  // The roles of the name and of its parts, each once (a new list, ours to add to).
  const roles = whole.roles;
  // "Last, First" and "Last, Jr, First"; a mark may also follow the last name ("Wang*, Mingze").
  const parts = splitTopLevel(whole.name, ',').map((part) => {
    const marked = parseAuthorMarks(part);
    for (const role of marked.roles) if (!roles.includes(role)) roles.push(role);
    return latexToUnicode(marked.name);
  });
  const [last = '', second = '', third = ''] = parts;
  const display =
    parts.length === 1 ? last
    : parts.length === 2 ? `${second} ${last}`
    : parts.length === 3 ? `${third} ${last} ${second}`
    : parts.join(', '); // not a name: kept as written, and reported
  // DBLP tells namesakes apart with a number: "Wei Chen 0001".
  const name = singleSpaces(display.replace(/\s+\d{4}$/, '')).trim();
  return name ? { name, roles, commas: parts.length - 1 } : undefined;
}

/** Splits at a separator outside braces. */
function splitTopLevel(value: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === separator && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** "1,2", "1-3", "1 and 3": author positions, or the tokens that are not numbers. */
function positions(value: string): (number | string)[] {
  const out: (number | string)[] = [];
  for (const token of plain(value).split(/[\s,;&]+/)) {
    if (!token || token.toLowerCase() === 'and') continue;
    const range = /^(\d+)[-–](\d+)$/.exec(token);
    if (range) {
      for (let i = Number(range[1]); i <= Number(range[2]) && i - Number(range[1]) < 100; i++) out.push(i);
    } else out.push(/^\d+$/.test(token) ? Number(token) : token);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Values

/** Field text as plain text; the short name reads better where the value is not prose. */
function plain(value: string): string {
  return latexToUnicode(value);
}

/** `{true}`, `{yes}`: a boolean; anything else is passed on as written for the schema to report. */
function flag(value: string): boolean | string {
  const v = plain(value).toLowerCase();
  if (['true', 'yes', 'y', '1', 'on'].includes(v)) return true;
  if (['false', 'no', 'n', '0', 'off'].includes(v)) return false;
  return plain(value);
}

/** A number when the text looks like one, else the text, so that validation reports it as written. */
function number(text: string, pattern: RegExp): number | string {
  return pattern.test(text) ? Number(text) : text;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "jan", "January", "1", "01", "25--28 Feb": the month's number; anything else as written. */
function parseMonth(written: string): number | string {
  if (/^\d{1,2}$/.test(written)) return Number(written);
  const name = /(?:^|[^a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.exec(written);
  return name ? MONTHS.indexOf(name[1]!.toLowerCase()) + 1 : written;
}

/** A URL or identifier as written: no LaTeX conversion, but `\url{}`, braces, escapes and line breaks removed. */
function verbatim(value: string): string {
  let v = value.trim();
  const wrapped = /^\\(?:url|href)\s*\{([^{}]*)\}/.exec(v);
  if (wrapped) v = wrapped[1]!;
  return v
    .replace(/\\([_%#&~$])/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/\s*\n\s*/g, '')
    .trim();
}

function openReviewId(value: string): string {
  return /[?&]id=([^&#\s]+)/.exec(value)?.[1] ?? value;
}
