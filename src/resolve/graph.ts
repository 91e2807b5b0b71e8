/** The resolved record: one graph in which authors are people, citations are keys that exist, and events belong to series. */
import type { AuthorRole } from '../schema/author-marks.js';
import type { ConfigInput, EventInput, EventLinksInput, LocalizedText, NewsInput, PersonInput, PublicationInput, SeriesInput } from '../schema/index.js';
import type { PAGE_LAYOUTS } from '../schema/page.js';
import type { PublicationStatus } from '../schema/publication.js';
import type { Located } from '../validate/index.js';

/** Someone named in the record: linked to a person of the project when they are one. */
export interface PersonLink {
  name: string;
  /** Id of the person in the project, when known. */
  person?: string;
  affiliation?: string;
  url?: string;
}

export interface Author {
  /** Name as the publication prints it, LaTeX decoded. */
  name: string;
  person?: string;
  roles: AuthorRole[];
}

export interface Publication extends Omit<PublicationInput, 'authors' | 'status'> {
  authors: Author[];
  status: PublicationStatus;
  /** People of the project among the authors, in author order. */
  people: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD: the best known date, for sorting. */
  sortDate: string;
  source: Located<PublicationInput>;
  /** Its citation count from metrics/citations.yaml (`vita metrics`), never without its date; none when unknown. */
  citations?: Citations;
}

/** How often a publication is cited, by whom counted, and when. */
export interface Citations {
  count: number;
  source: string;
  /** YYYY-MM-DD. */
  asOf: string;
  /** The work's page at the source. */
  url?: string;
}

/** A person's citation metrics over the publications of theirs the record holds and that have a count. */
export interface PersonMetrics {
  citations: number;
  hIndex: number;
  i10Index: number;
  /** The oldest date among the counts used: every number is at least as recent as this. */
  asOf: string;
  /** Citations per year, oldest first. */
  perYear: { year: number; count: number }[];
}

/** A long-form Markdown section with the citations it makes. */
export interface Prose {
  file: string;
  line: number;
  text: string;
  /** Cited publication keys in order of first appearance (only those that exist). */
  cites: string[];
}

export interface Student {
  who: PersonLink;
  level: string;
  start?: string;
  end?: string;
  next?: string;
  coadvisors: PersonLink[];
  note?: string;
}

export interface Talk {
  title?: string;
  event: string;
  host?: string;
  place?: string;
  date: string;
  virtual: boolean;
  /** As the record says; undefined for talks at the project's own seminars. */
  invited?: boolean;
  url?: string;
  slides?: string;
  video?: string;
  /** Set when the talk is an event of a seminar series in the project. */
  seminar?: { series: string; event: string };
}

export interface Person {
  id: string;
  file: string;
  /** Name per language; `default` is the first language that has one. */
  names: Record<string, string>;
  name: string;
  data: PersonInput;
  source: Located<PersonInput>;
  sections: Record<string, Prose>;
  /** Keys of their publications, newest first. */
  publications: string[];
  talks: Talk[];
  advisors: PersonLink[];
  students: Student[];
  news: string[];
  /** Totals, h-index and i10-index from their publications' counts; none when no publication of theirs has one. */
  metrics?: PersonMetrics;
}

export interface News extends NewsInput {
  id: string;
  file: string;
  people: string[];
  publications: string[];
}

export interface Speaker extends PersonLink {
  honorific?: string;
  homepage?: string;
  photo?: string;
  bio?: string;
}

export interface SeminarEvent extends Omit<EventInput, 'speaker' | 'speakers' | 'timezone' | 'series' | 'links' | 'slides' | 'video'> {
  id: string;
  /** The talk's links as written (local files as project paths), `slides`/`video` of the older place folded in. */
  links: EventLinksInput;
  series: string;
  file: string;
  speakers: Speaker[];
  timezone: string;
  /** Start and end as UTC instants (ISO 8601), computed from the local times and the time zone. */
  startUtc: string;
  endUtc: string;
  /** Local wall-clock times, "YYYY-MM-DDTHH:MM". */
  startLocal: string;
  endLocal: string;
}

export interface Series extends SeriesInput {
  id: string;
  file: string;
  /** Event ids, by start time. */
  events: string[];
}

/** A page written by hand: pages/<path>.md, or a person's people/<id>/<name>.md. */
export interface SitePage {
  /** Its path in the site without the trailing slash: "join", "teaching/ml", "people/lei-wu/software". */
  id: string;
  file: string;
  /** The person whose page it is (a tab beside their About, Publications, CV). */
  person?: string;
  title: LocalizedText;
  description?: string;
  /** In the site's navigation: with its title (true) or this label. */
  menu?: boolean | LocalizedText;
  order?: number;
  layout: (typeof PAGE_LAYOUTS)[number];
  lang?: string;
  body: Prose;
  /** Where its fields are written, for diagnostics. */
  source: Located<unknown>;
}

/** A blog post of the site (posts/) or of a person (people/<id>/posts/). */
export interface Post {
  /** The file name without .md: "2025-03-14-sharpness". */
  id: string;
  file: string;
  /** The folder name of its page: the file name without its date ("sharpness"). */
  slug: string;
  date: string;
  title: string;
  /** Ids of people of the project, in the order given. */
  authors: string[];
  /** The person whose folder holds it; undefined for the site's posts. */
  person?: string;
  tags: string[];
  summary?: string;
  publications: string[];
  lang?: string;
  body: Prose;
  /** Where its fields are written, for diagnostics. */
  source: Located<unknown>;
}

/** A research project (projects/<slug>.md). */
export interface Project {
  id: string;
  file: string;
  title: LocalizedText;
  summary?: string;
  image?: string;
  imageAlt?: string;
  people: string[];
  publications: string[];
  links: Record<string, string>;
  start?: string;
  end?: string;
  tags: string[];
  order?: number;
  lang?: string;
  body: Prose;
  /** Where its fields are written, for diagnostics. */
  source: Located<unknown>;
}

export interface Graph {
  root: string;
  config: ConfigInput;
  people: Map<string, Person>;
  publications: Map<string, Publication>;
  news: News[];
  series: Map<string, Series>;
  events: Map<string, SeminarEvent>;
  /** Pages written by hand, in the order of their files. */
  pages: SitePage[];
  /** Posts, newest first. */
  posts: Post[];
  /** Projects, in the order of the grid: by `order`, then the newest start first. */
  projects: Project[];
  files: string[];
}
