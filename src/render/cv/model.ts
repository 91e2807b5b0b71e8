/**
 * A person's CV as plain data: the single source of the PDF, the Markdown and the web CV.
 *
 * `cvModel(graph, personId, variant)` picks the sections of a variant, orders them, fills them from the
 * resolved graph and numbers the publications the way the person (or the project) numbers them, so that
 * the research statement's `[@key]` citations get the numbers of the list in the same document.
 * Nothing here formats: text stays as the user wrote it (Markdown / `$math$`), dates stay ISO
 * (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `present`); renderers escape and format (helpers at the end).
 */
import { strings, type Strings } from '../../strings/index.js';
import type { AuthorRole } from '../../schema/author-marks.js';
import type { PublicationStatus, PublicationType } from '../../schema/publication.js';
import type { LocalizedText, PersonRefInput } from '../../schema/common.js';
import { numberPublications, replaceCitations } from '../../resolve/citations.js';
import type { Graph, Person, PersonLink, Publication, Talk } from '../../resolve/graph.js';
import { byDateDescending, compare } from '../../resolve/publications.js';
import { legendIn } from '../legend.js';

// ---------------------------------------------------------------------------
// Types

/** The ids of the built-in sections, in the default order (seed 001's). */
export const CV_SECTION_IDS = [
  'bio',
  'education',
  'positions',
  'research',
  'publications',
  'grants',
  'awards',
  'teaching',
  'mentoring',
  'talks',
  'service',
] as const;
export type CvBuiltinSection = (typeof CV_SECTION_IDS)[number];

/** What the short variant shows: aims at two pages. */
export const SHORT_SECTIONS: readonly CvBuiltinSection[] = ['education', 'positions', 'publications', 'awards'];

/** A person linked to the project when they are in it. */
export interface CvPersonRef {
  name: string;
  /** Person id in the project. */
  person?: string;
  honorific?: string;
  affiliation?: string;
  url?: string;
}

export interface CvMoney {
  value: number;
  /** ISO 4217: CNY, USD ... */
  currency: string;
}

export interface CvLink {
  /** "homepage", "scholar", "github", "orcid" ... */
  kind: string;
  /** What to print: "Google Scholar". */
  label: string;
  url: string;
}

export interface CvHeader {
  /** The name in the CV's language. */
  name: string;
  /** The name per language, as recorded: {en: "Lei Wu", zh: "吴磊"}. */
  names: Record<string, string>;
  /** Names in other scripts than `name`, distinct: ["吴磊"]. */
  otherNames: string[];
  honorific?: string;
  title?: string;
  affiliations: { name: string; institution?: string; url?: string }[];
  office?: string;
  /** Postal address, one line per item. */
  address: string[];
  email?: string;
  phone?: string;
  homepage?: string;
  /** Profile links (Google Scholar, GitHub, ORCID ...), in a stable order. */
  links: CvLink[];
}

export interface CvEducation {
  degree: string;
  field?: string;
  institution: string;
  department?: string;
  place?: string;
  start?: string;
  end?: string;
  kind: 'degree' | 'visit' | 'exchange';
  advisors: CvPersonRef[];
  /** "Advisor", "Mentor", "Supervisor" (capitalised, singular or plural to match `advisors`). */
  advisorLabel?: string;
  notes: string[];
}

export interface CvPosition {
  title: string;
  organization: string;
  department?: string;
  place?: string;
  start?: string;
  end?: string;
  kind: 'academic' | 'industry' | 'internship' | 'visiting' | 'other';
  /** Markdown. */
  description?: string;
  url?: string;
}

/** The research section: the research statement (people/<id>/research.md, Markdown citing `[@key]`) when there is one, else the interests list. */
export type CvResearch =
  | { kind: 'interests'; items: string[] }
  | {
      kind: 'statement';
      /** The Markdown as written, `[@key]` citations included. */
      markdown: string;
      /** The same Markdown with each citation group replaced by this CV's numbers: `[3][5]`. */
      numbered: string;
      /** Cited keys in order of first appearance, with their number in this CV (undefined: not in the list). */
      citations: { key: string; number?: number }[];
      file: string;
    };

export interface CvAuthor {
  /** As the publication prints it. */
  name: string;
  person?: string;
  roles: AuthorRole[];
  /** The CV's owner: printed in bold. */
  self: boolean;
}

export interface CvPublication {
  key: string;
  /** The number this CV gives it (ascending: 1 at the top; descending: N at the top). */
  number: number;
  /** As written: may hold `$math$`. */
  title: string;
  authors: CvAuthor[];
  /** The author list is cut short: print "et al.". */
  etal: boolean;
  /** Authors in alphabetical order (marked like equal contribution, or "α-β"). */
  alphabetical: boolean;
  type: PublicationType;
  status: PublicationStatus;
  venue?: { name?: string; short?: string; volume?: string; number?: string; pages?: string; publisher?: string };
  year: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  award?: string;
  note?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
  links: { kind: string; url: string }[];
  topics: string[];
  selected: boolean;
  /** Its citation count with who counted and when, when the CV prints counts (the person's `cv.metrics`) and it has one. */
  citations?: { count: number; source: string; asOf: string };
}

/** The person's citation metrics as the CV prints them, with the date and the services that counted. */
export interface CvMetrics {
  citations: number;
  hIndex: number;
  i10Index: number;
  /** YYYY-MM-DD: the oldest count used. */
  asOf: string;
  sources: string[];
}

export interface CvPublicationGroup {
  /** "published" (and accepted), "preprints" (preprint, under review, submitted), "in-preparation"; or a year / a type. */
  id: string;
  title: string;
  /** The keys of its items, in order: all the web CV needs of them. */
  keys: string[];
  /** Made when first read (a getter): 100 entries per person of a department, which only the PDF and Markdown CVs read. */
  items: CvPublication[];
}

export interface CvGrant {
  title: string;
  project?: string;
  funder?: string;
  role: 'pi' | 'co-pi' | 'participant';
  amount?: CvMoney;
  start?: string;
  end?: string;
  number?: string;
}

export interface CvAward {
  title: string;
  issuer?: string;
  /** Every date it was given, oldest first. */
  dates: string[];
  amount?: CvMoney;
  rank?: string;
  note?: string;
}

export interface CvTeaching {
  course: string;
  role: 'instructor' | 'co-instructor' | 'ta' | 'guest-lecturer';
  /** "Fall 2023" ..., as recorded. */
  terms: string[];
  institution?: string;
  program?: string;
  place?: string;
  instructor?: CvPersonRef;
  note?: string;
  url?: string;
}

export interface CvMentee {
  name: string;
  person?: string;
  level: string;
  /** Cohort: the year they started. */
  start?: string;
  end?: string;
  next?: string;
  note?: string;
  coadvisors: CvPersonRef[];
}

export interface CvMenteeGroup {
  id: 'postdoc' | 'graduate' | 'undergraduate' | 'other';
  title: string;
  students: CvMentee[];
}

/** A talk as the CV lists it: the record's talk, without the link to a seminar page the CV has no use for. */
export type CvTalk = Omit<Talk, 'seminar'>;

export interface CvReview {
  /** Short name ("NeurIPS"), when recorded. */
  short?: string;
  /** Full name, when recorded. */
  name?: string;
  /** "2019-2022", "2020, 2022". */
  years?: string;
}

export interface CvService {
  reviewer: { kind: 'conference' | 'journal' | 'grant' | 'other'; title: string; venues: CvReview[] }[];
  organizing: { role: string; event: string; start?: string; end?: string; url?: string }[];
  other: string[];
}

export interface CvMarkdown {
  /** Markdown as written, citations numbered like the research statement's. */
  markdown: string;
  numbered: string;
  file: string;
}

interface Section<K extends string, E> {
  /** Section id: the built-in ids, or the name of a people/<id>/<name>.md section. */
  id: string;
  kind: K;
  title: string;
  entries: E[];
}

export type CvSection =
  | Section<'education', CvEducation>
  | Section<'positions', CvPosition>
  | Section<'research', CvResearch>
  | (Section<'publications', CvPublicationGroup> & {
      /** "* indicates equal contribution; † means project lead.": only when a mark is used. */
      legend?: string;
      order: 'ascending' | 'descending';
      alphabeticalMark: '*' | 'α-β';
      /** Printed under the heading when the CV prints citation metrics and the person has them. */
      metrics?: CvMetrics;
    })
  | Section<'grants', CvGrant>
  | Section<'awards', CvAward>
  | Section<'teaching', CvTeaching>
  | Section<'mentoring', CvMenteeGroup>
  | Section<'talks', CvTalk>
  | Section<'service', CvService>
  | Section<'markdown', CvMarkdown>;

export type CvSectionKind = CvSection['kind'];

export interface CvDocument {
  person: string;
  /** Variant name: "full", "short", "custom", or the name given in the spec. */
  variant: string;
  language: string;
  header: CvHeader;
  sections: CvSection[];
  /** Number of each publication the CV lists, by key (for citations). */
  numbers: Record<string, number>;
  /** Project title, for PDF metadata. */
  projectTitle: string;
}

/** A variant: which sections, in which order, and which publications. */
export interface CvVariantSpec {
  name: string;
  /** Section ids in order; default: every built-in section with content (full) or the short set. */
  sections?: readonly string[];
  /** Only publications marked `selected`. */
  selectedOnly?: boolean;
  /** Only publications with one of these topics. */
  topics?: readonly string[];
  /** Only publications (and talks) from these years, inclusive. */
  years?: { from?: number; to?: number };
  /** Only publications with one of these statuses. */
  statuses?: readonly PublicationStatus[];
  /** Numbering, overriding the person's `cv.order` and the project's `publications.order`. */
  order?: 'ascending' | 'descending';
  /** Language of the names, titles and affiliations (default: the project's first language). */
  language?: string;
  /** Print citation counts and the h-index (overrides the person's `cv.metrics`). */
  metrics?: boolean;
}

/**
 * "full" (every section with content), "short" (header, education, positions, selected publications,
 * awards), "custom" (the person's `cv.sections`), a comma-separated list of section ids
 * ("education,publications,bio"), or a spec.
 */
export type CvVariant = 'full' | 'short' | 'custom' | (string & {}) | CvVariantSpec;

export class CvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CvError';
  }
}

/** A person, variant or section asked for that the project does not have: a mistake in the request, with the choices. */
export class CvChoiceError extends CvError {
  constructor(
    message: string,
    /** What was asked for ("person", "variant", "section"), as written, and what could have been. */
    readonly what: 'person' | 'variant' | 'section',
    readonly value: string,
    readonly choices: readonly string[],
  ) {
    super(message);
    this.name = 'CvChoiceError';
  }
}

// ---------------------------------------------------------------------------
// Building the model

/** The CV's own words in a language (section titles, groups, roles): the site's catalogue, so web and PDF agree. */
export function cvWords(language: string): Strings['cvWords'] {
  return strings(language).cvWords;
}

/** The title of a built-in section in a language. */
function sectionTitle(w: Strings['cvWords'], id: string): string | undefined {
  return Object.hasOwn(w.sections, id) ? w.sections[id as keyof typeof w.sections] : undefined;
}


/** Resolves a variant name or spec to a spec. */
export function variantSpec(person: Person, variant: CvVariant = 'full'): CvVariantSpec {
  if (typeof variant !== 'string') return variant;
  const v = variant.trim();
  if (v === '' || v === 'full') return { name: 'full' };
  if (v === 'short') return { name: 'short', sections: SHORT_SECTIONS, selectedOnly: true };
  if (v === 'custom') {
    const sections = person.data.cv?.sections;
    if (!sections || sections.length === 0) {
      throw new CvError(`${person.file}: the variant "custom" needs \`cv.sections\` (a list of section ids) in the person's record`);
    }
    return { name: 'custom', sections };
  }
  if (/^[a-z0-9-]+(\s*,\s*[a-z0-9-]+)+$/.test(v) || isSectionId(person, v)) {
    const sections = v.split(',').map((s) => s.trim());
    return { name: sections.length === 1 ? sections[0]! : 'custom', sections };
  }
  throw new CvChoiceError(
    `unknown CV variant "${variant}": use full, short, custom (the person's cv.sections) or a list of sections such as "education,publications"`,
    'variant',
    v,
    ['full', 'short', 'custom', ...CV_SECTION_IDS, ...Object.keys(person.sections)],
  );
}

function isSectionId(person: Person, id: string): boolean {
  return (CV_SECTION_IDS as readonly string[]).includes(id) || id in person.sections;
}

/** The owner of a project's CV by default: `config.owner`, else the group lead, else the only person. */
export function defaultCvPerson(graph: Graph): string | undefined {
  if (graph.config.owner && graph.people.has(graph.config.owner)) return graph.config.owner;
  const lead = graph.config.group?.lead;
  if (lead && graph.people.has(lead)) return lead;
  return graph.people.size === 1 ? [...graph.people.keys()][0] : undefined;
}

/** The CV of a person as plain data. Throws `CvError` for an unknown person, variant or section. */
export function cvModel(graph: Graph, personId: string, variant: CvVariant = 'full', languageOverride?: string): CvDocument {
  const person = graph.people.get(personId);
  if (!person) {
    const known = [...graph.people.keys()].sort().join(', ');
    throw new CvChoiceError(`"${personId}" is not a person of the project${known ? ` (people: ${known})` : ''}`, 'person', personId, [...graph.people.keys()]);
  }
  const spec = variantSpec(person, variant);
  const language = languageOverride ?? spec.language ?? graph.config.languages[0] ?? 'en';
  const w = cvWords(language);
  // Profile names as the site's interface spells them, so the CV and the homepage agree.
  const linkLabels = strings(language).profiles;
  const languages = [language, ...graph.config.languages.filter((l) => l !== language)];
  const text = (t: LocalizedText | undefined) => (t === undefined ? undefined : pick(t, languages));

  for (const id of spec.sections ?? []) {
    if (!isSectionId(person, id)) {
      const choices = [...CV_SECTION_IDS, ...Object.keys(person.sections)].join(', ');
      throw new CvChoiceError(`unknown CV section "${id}" (sections: ${choices})`, 'section', id, [...CV_SECTION_IDS, ...Object.keys(person.sections)]);
    }
  }

  // Publications first: their numbers are needed by every prose section.
  const order = spec.order ?? person.data.cv?.order ?? graph.config.publications?.order ?? 'descending';
  const alphabeticalMark = graph.config.publications?.alphabeticalMark ?? '*';
  const pubs = selectPublications(graph, person, spec);
  const groupBy = graph.config.publications?.groupBy ?? 'status';
  // Newest first throughout: numbered descending, the unfinished work (the newest) leads, as in seed 003;
  // numbered ascending, the published work leads and keeps the low numbers, as in seed 001.
  const grouped = groupPublications(pubs, groupBy, w);
  const groups = groupBy === 'status' && order === 'descending' ? grouped.reverse() : grouped;
  const displayOrder = groups.flatMap((g) => g.pubs.map((p) => p.id));
  const numbers = numberPublications(displayOrder, order);
  const numbersRecord: Record<string, number> = {};
  for (const key of displayOrder) numbersRecord[key] = numbers.get(key)!;
  const numbered = (markdown: string) => replaceCitations(markdown, numbers, formatCitation);

  const refOf = (ref: PersonRefInput): CvPersonRef => personRef(graph, ref, languages);

  const build = (id: string): CvSection | undefined => {
    switch (id) {
      case 'education': {
        const entries = (person.data.education ?? []).map((e): CvEducation => {
          const advisors = (e.advisors ?? []).map(refOf);
          const label = (e.advisorLabel ?? 'advisor').toLowerCase();
          return {
            degree: e.degree,
            field: e.field,
            institution: e.institution,
            department: e.department,
            place: e.place,
            start: e.start,
            end: e.end,
            kind: e.kind,
            advisors,
            advisorLabel: advisors.length ? advisorLabel(w, label, advisors.length > 1) : undefined,
            notes: e.notes ?? [],
          };
        });
        return section(id, 'education', entries);
      }
      case 'positions': {
        const entries = (person.data.positions ?? []).map(
          (p): CvPosition => ({
            title: p.title,
            organization: p.organization,
            department: p.department,
            place: p.place,
            start: p.start,
            end: p.end,
            kind: p.kind,
            description: p.description,
            url: p.url,
          }),
        );
        const academic = entries.some((e) => e.kind === 'academic' || e.kind === 'visiting');
        return section(id, 'positions', entries, academic ? w.sections.positions : w.sections.experience);
      }
      case 'research': {
        const statement = person.sections.research;
        const entries: CvResearch[] = [];
        if (statement && statement.text.trim()) {
          const cited = statement.cites.map((key) => ({ key, number: numbers.get(key) }));
          entries.push({ kind: 'statement', markdown: statement.text, numbered: numbered(statement.text), citations: cited, file: statement.file });
        } else if (person.data.interests?.length) {
          entries.push({ kind: 'interests', items: [...person.data.interests] });
        }
        return section(id, 'research', entries);
      }
      case 'publications': {
        const metrics = spec.metrics ?? person.data.cv?.metrics ?? false;
        const entries = groups.map((g) => new PublicationGroup(g.id, g.title, g.pubs, () => g.pubs.map((p) => cvPublication(p, person.id, numbers.get(p.id)!, metrics))));
        const s = section(id, 'publications', entries);
        if (!s) return undefined;
        return {
          ...s,
          kind: 'publications',
          title: spec.selectedOnly ? 'Selected Publications' : s.title,
          legend: legendIn(language, pubs, alphabeticalMark),
          order,
          alphabeticalMark,
          ...(metrics && person.metrics ? { metrics: cvMetrics(graph, person) } : {}),
        };
      }
      case 'grants': {
        const entries = (person.data.grants ?? []).map(
          (g): CvGrant => ({
            title: g.title,
            project: g.project,
            funder: g.funder,
            role: g.role,
            amount: g.amount,
            start: g.start,
            end: g.end,
            number: g.number,
          }),
        );
        return section(id, 'grants', entries);
      }
      case 'awards': {
        const awards = person.data.awards ?? [];
        const shown = spec.selectedOnly && awards.some((a) => a.selected) ? awards.filter((a) => a.selected) : awards;
        const entries = shown.map(
          (a): CvAward => ({
            title: a.title,
            issuer: a.issuer,
            dates: [...(a.dates ?? []), ...(a.date ? [a.date] : [])].sort(compare),
            amount: a.amount,
            rank: a.rank,
            note: a.note,
          }),
        );
        // Newest first, as CVs list them; the record's order breaks ties.
        const latest = (a: CvAward) => a.dates[a.dates.length - 1] ?? '';
        const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => compare(latest(b.e), latest(a.e)) || a.i - b.i);
        return section(id, 'awards', sorted.map((x) => x.e));
      }
      case 'teaching': {
        const entries = (person.data.teaching ?? []).map(
          (t): CvTeaching => ({
            course: t.course,
            role: t.role,
            terms: [...(t.terms ?? []), ...(t.term ? [t.term] : [])],
            institution: t.institution,
            program: t.program,
            place: t.place,
            instructor: t.instructor ? refOf(t.instructor) : undefined,
            note: t.note,
            url: t.url,
          }),
        );
        return section(id, 'teaching', entries);
      }
      case 'mentoring': {
        const levels: CvMenteeGroup[] = [
          { id: 'postdoc', title: w.mentees.postdoc, students: [] },
          { id: 'graduate', title: w.mentees.graduate, students: [] },
          { id: 'undergraduate', title: w.mentees.undergraduate, students: [] },
          { id: 'other', title: w.mentees.other, students: [] },
        ];
        const groupOf = (level: string) =>
          level === 'postdoc' ? levels[0]! : ['phd', 'master', 'graduate'].includes(level) ? levels[1]! : level === 'undergraduate' ? levels[2]! : levels[3]!;
        for (const s of person.students) {
          groupOf(s.level).students.push({
            name: s.who.name,
            person: s.who.person,
            level: s.level,
            start: s.start,
            end: s.end,
            next: s.next,
            note: s.note,
            coadvisors: s.coadvisors.map(linkRef),
          });
        }
        return section(id, 'mentoring', levels.filter((l) => l.students.length > 0));
      }
      case 'talks': {
        const { from, to } = spec.years ?? {};
        const entries = person.talks
          .filter((t) => inYears(Number(t.date.slice(0, 4)), from, to))
          .map(
            ({ seminar: _seminar, ...talk }): CvTalk => talk,
          );
        return section(id, 'talks', entries);
      }
      case 'service': {
        const s = person.data.service;
        if (!s) return undefined;
        const kinds = ['conference', 'journal', 'grant', 'other'] as const;
        const titles = w.reviewing;
        const reviewer = kinds
          .map((kind) => ({
            kind,
            title: titles[kind],
            venues: (s.reviewer ?? []).filter((r) => r.kind === kind).map((r): CvReview => ({ short: r.venue, name: r.name, years: r.years })),
          }))
          .filter((g) => g.venues.length > 0);
        const organizing = (s.organizing ?? []).map((o) => ({ role: o.role, event: o.event, start: o.date, end: o.end, url: o.url }));
        const other = s.other ?? [];
        if (reviewer.length + organizing.length + other.length === 0) return undefined;
        return { id, kind: 'service', title: w.sections.service, entries: [{ reviewer, organizing, other }] };
      }
      default: {
        const prose = person.sections[id];
        if (!prose || !prose.text.trim()) return undefined;
        const title = id === 'bio' ? w.sections.bio : titleOfSection(id);
        return { id, kind: 'markdown', title, entries: [{ markdown: prose.text, numbered: numbered(prose.text), file: prose.file }] };
      }
    }
  };

  // The full CV: every built-in section (of the prose sections only the short bio: about, vision,
  // recruiting ... belong to the website unless a variant names them).
  const ids = spec.sections ?? CV_SECTION_IDS;
  const sections = ids.map(build).filter((s): s is CvSection => s !== undefined && s.entries.length > 0);

  const d = person.data;
  const name = pick(d.name, languages);
  const names = typeof d.name === 'string' ? { [language]: d.name } : { ...d.name };
  const links: CvLink[] = [];
  for (const [kind, url] of Object.entries(d.links ?? {})) {
    if (typeof url === 'string') links.push({ kind, label: linkLabels[kind] ?? capitalize(kind), url });
  }
  const header: CvHeader = {
    name,
    names,
    otherNames: [...new Set(Object.values(names))].filter((n) => n !== name),
    honorific: d.honorific,
    title: text(d.title),
    affiliations: (d.affiliations ?? []).map((a) => ({ name: pick(a.name, languages), institution: text(a.institution), url: a.url })),
    office: text(d.office),
    address: d.address ?? [],
    email: d.email,
    phone: d.phone,
    homepage: d.homepage,
    links,
  };

  return {
    person: person.id,
    variant: spec.name,
    language,
    header,
    sections,
    numbers: numbersRecord,
    projectTitle: pick(graph.config.title, languages),
  };

  function section<K extends CvSectionKind>(sid: string, kind: K, entries: unknown[], title?: string) {
    if (entries.length === 0) return undefined;
    return { id: sid, kind, title: title ?? sectionTitle(w, sid) ?? titleOfSection(sid), entries } as Extract<CvSection, { kind: K }>;
  }
}

/**
 * A group of the CV's publications whose entries are made when first read. A class: a getter in an object literal
 * gives every literal a hidden class of its own in V8 (see RenderedPage in render/site).
 */
class PublicationGroup implements CvPublicationGroup {
  readonly keys: string[];
  #items: CvPublication[] | undefined;
  readonly #make: () => CvPublication[];
  constructor(
    readonly id: string,
    readonly title: string,
    pubs: readonly Publication[],
    make: () => CvPublication[],
  ) {
    this.keys = pubs.map((p) => p.id);
    this.#make = make;
  }
  get items(): CvPublication[] {
    return (this.#items ??= this.#make());
  }
  /** As JSON, the entries too: a getter of the prototype is not one of the object's own fields. */
  toJSON(): { id: string; title: string; keys: string[]; items: CvPublication[] } {
    return { id: this.id, title: this.title, keys: this.keys, items: this.items };
  }
}

function selectPublications(graph: Graph, person: Person, spec: CvVariantSpec): Publication[] {
  const { from, to } = spec.years ?? {};
  const topics = spec.topics?.map((t) => t.toLowerCase());
  const list: Publication[] = [];
  for (const key of person.publications) {
    const p = graph.publications.get(key);
    if (!p) continue;
    if (spec.selectedOnly && !p.selected) continue;
    if (spec.statuses && !spec.statuses.includes(p.status)) continue;
    if (!inYears(p.year, from, to)) continue;
    if (topics && !(p.topics ?? []).some((t) => topics.includes(t.toLowerCase()))) continue;
    list.push(p);
  }
  return list.sort(byDateDescending);
}

function inYears(year: number, from: number | undefined, to: number | undefined): boolean {
  return (from === undefined || year >= from) && (to === undefined || year <= to);
}

const STATUS_GROUPS: { id: string; title: keyof Strings['cvWords']['statusGroups']; statuses: PublicationStatus[] }[] = [
  { id: 'published', title: 'published', statuses: ['published', 'accepted'] },
  { id: 'preprints', title: 'preprints', statuses: ['preprint', 'under-review', 'submitted'] },
  { id: 'in-preparation', title: 'inPreparation', statuses: ['in-preparation'] },
];

const PUBLICATION_TYPES: PublicationType[] = ['article', 'conference', 'workshop', 'preprint', 'book', 'chapter', 'thesis', 'report', 'other'];

/**
 * Publications in the groups they are shown in, each group newest first. By status: published then
 * preprints then in preparation, as seed 001 lists them (the numbering runs on across the groups so that
 * a citation number names one paper).
 */
function groupPublications(pubs: Publication[], groupBy: 'status' | 'year' | 'type', w: Strings['cvWords']): { id: string; title: string; pubs: Publication[] }[] {
  if (groupBy === 'year') {
    const years = [...new Set(pubs.map((p) => p.year))].sort((a, b) => b - a);
    return years.map((y) => ({ id: String(y), title: String(y), pubs: pubs.filter((p) => p.year === y) }));
  }
  if (groupBy === 'type') {
    return PUBLICATION_TYPES
      .map((t) => ({ id: t, title: w.typeGroups[t], pubs: pubs.filter((p) => p.type === t) }))
      .filter((g) => g.pubs.length > 0);
  }
  return STATUS_GROUPS.map((g) => ({ id: g.id, title: w.statusGroups[g.title], pubs: pubs.filter((p) => g.statuses.includes(p.status)) })).filter(
    (g) => g.pubs.length > 0,
  );
}

/** A person's metrics with the services that counted their papers. */
function cvMetrics(graph: Graph, person: Person): CvMetrics {
  const m = person.metrics!;
  const sources = new Set<string>();
  for (const key of person.publications) {
    const c = graph.publications.get(key)?.citations;
    if (c) sources.add(c.source);
  }
  return { citations: m.citations, hIndex: m.hIndex, i10Index: m.i10Index, asOf: m.asOf, sources: [...sources].sort() };
}

function cvPublication(p: Publication, self: string, number: number, metrics = false): CvPublication {
  const links: { kind: string; url: string }[] = [];
  for (const [kind, url] of Object.entries(p.links ?? {})) if (typeof url === 'string') links.push({ kind, url });
  return {
    key: p.id,
    number,
    title: p.title,
    authors: p.authors.map((a) => ({ name: a.name, person: a.person, roles: [...a.roles], self: a.person === self })),
    etal: p.etal ?? false,
    alphabetical: p.alphabetical ?? false,
    type: p.type,
    status: p.status,
    venue: p.venue
      ? { name: p.venue.name, short: p.venue.short, volume: p.venue.volume, number: p.venue.number, pages: p.venue.pages, publisher: p.venue.publisher }
      : undefined,
    year: p.year,
    date: p.sortDate,
    award: p.award,
    note: p.note,
    doi: p.doi,
    arxiv: p.arxiv,
    url: p.url,
    links,
    topics: [...(p.topics ?? [])],
    selected: p.selected ?? false,
    // As on the site: no "Cited by 0".
    ...(metrics && p.citations && p.citations.count > 0 ? { citations: { count: p.citations.count, source: p.citations.source, asOf: p.citations.asOf } } : {}),
  };
}

/** "Cited by 17", with who counted and when if that is not the date the CV's metrics line gives. */
export function citedByText(c: NonNullable<CvPublication['citations']>, language: string, asOf?: string): string {
  const w = strings(language).metrics;
  return w.citedBy(c.count) + (c.asOf === asOf ? '' : ` (${w.countedBy(c.source, c.asOf)})`);
}

/** "Citations 3,842 · h-index 29 · i10-index 33 (counted by OpenAlex on 2026-12-01)", in the CV's language. */
export function metricsSentence(m: CvMetrics, language = 'en'): string {
  const w = strings(language).metrics;
  const n = (x: number) => x.toLocaleString(strings(language).locale);
  return `${w.citations} ${n(m.citations)} · ${w.hIndex} ${n(m.hIndex)} · ${w.i10Index} ${n(m.i10Index)} (${w.countedBy(m.sources.join(', '), m.asOf)})`;
}

/** `[3][5]` for a citation group; papers this CV does not list are left out (a filtered variant). */
function formatCitation(cited: { key: string; number?: number }[]): string {
  return cited
    .filter((c) => c.number !== undefined)
    .map((c) => `[${c.number}]`)
    .join('');
}

function personRef(graph: Graph, ref: PersonRefInput, languages: readonly string[]): CvPersonRef {
  if (typeof ref === 'string') {
    const p = graph.people.get(ref);
    if (p) return { name: pick(p.data.name, languages), person: ref, honorific: p.data.honorific, url: p.data.homepage };
    return { name: ref };
  }
  const p = ref.person ? graph.people.get(ref.person) : undefined;
  return {
    name: ref.name ?? (p ? pick(p.data.name, languages) : (ref.person ?? '')),
    person: p ? ref.person : undefined,
    honorific: ref.honorific ?? p?.data.honorific,
    affiliation: ref.affiliation,
    url: ref.url ?? p?.data.homepage,
  };
}

function linkRef(l: PersonLink): CvPersonRef {
  return { name: l.name, person: l.person, affiliation: l.affiliation, url: l.url };
}

function pick(t: LocalizedText, languages: readonly string[]): string {
  if (typeof t === 'string') return t;
  for (const l of languages) if (t[l] !== undefined) return t[l]!;
  return Object.values(t)[0] ?? '';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function titleOfSection(id: string): string {
  return id
    .split('-')
    .map((w, i) => (i === 0 ? capitalize(w) : w))
    .join(' ');
}

// ---------------------------------------------------------------------------
// Formatting helpers shared by the renderers

const monthYears = new Map<string, Intl.DateTimeFormat>();

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "June 2021", "Juni 2021", "2021年6月": the month and year in a language's own words (Intl). English's are
 * written here, as Intl writes them: a thread's first Intl date format loads ICU's data, a good part of a
 * one-person site's CVs.
 */
function monthYear(year: number, month: number, language: string): string {
  const locale = strings(language).locale;
  if (locale.startsWith('en') && month >= 1 && month <= 12) return `${MONTHS[month - 1]} ${year}`;
  let f = monthYears.get(locale);
  if (!f) monthYears.set(locale, (f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' })));
  return f.format(Date.UTC(year, month - 1, 1));
}

/**
 * A CV date: "dot" 2012.9 (seed 001), "dot-padded" 2012.09 (seed 003), "month-year" June 2021,
 * "year" 2012. "present" prints as "Present".
 */
export function formatCvDate(date: string | undefined, style: 'dot' | 'dot-padded' | 'month-year' | 'year' = 'dot-padded', language = 'en'): string {
  if (!date) return '';
  if (date === 'present') return cvWords(language).present;
  const [y, m] = date.split('-');
  if (!m || style === 'year') return y!;
  const month = Number(m);
  switch (style) {
    case 'dot':
      return `${y}.${month}`;
    case 'month-year':
      return monthYear(Number(y), month, language);
    default:
      return `${y}.${m}`;
  }
}

/** "2012.09 – 2018.07", "2021.12 – Present", "2024.12" (no end), with the given separator. */
export function formatCvSpan(
  start: string | undefined,
  end: string | undefined,
  style: 'dot' | 'dot-padded' | 'month-year' | 'year' = 'dot-padded',
  separator = ' – ',
  language = 'en',
): string {
  const s = formatCvDate(start, style, language);
  const e = formatCvDate(end, style, language);
  if (s && e) return s === e ? s : `${s}${separator}${e}`;
  return s || e;
}

/** 300000 CNY -> "¥300,000" (symbol) or "300,000 RMB" (code, as Chinese CVs write it). */
export function formatMoney(amount: CvMoney, style: 'symbol' | 'code' = 'code'): string {
  const n = amount.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (style === 'symbol') {
    const symbol: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };
    if (symbol[amount.currency]) return `${symbol[amount.currency]}${n}`;
  }
  return `${n} ${amount.currency === 'CNY' ? 'RMB' : amount.currency}`;
}

/** "Instructor", "Co-instructor", "TA" (long: "Teaching assistant"), in the CV's language. */
export function teachingRole(role: CvTeaching['role'], long = false, language = 'en'): string {
  const r = cvWords(language).teachingRoles;
  switch (role) {
    case 'instructor':
      return r.instructor;
    case 'co-instructor':
      return r.coInstructor;
    case 'ta':
      return long ? r.taLong : r.ta;
    case 'guest-lecturer':
      return r.guestLecturer;
  }
}

/** "Advisor", "Advisors", "Mentor" ...: a known label in the CV's language, another as written, capitalised. */
function advisorLabel(w: Strings['cvWords'], label: string, plural: boolean): string {
  const key = plural ? `${label}s` : label;
  return w.advisorLabels[key] ?? capitalize(label) + (plural ? 's' : '');
}

/**
 * Terms grouped by season, as seed 003 writes them: ["Spring 2022", "Fall 2022", "Fall 2023"] ->
 * "Fall 2022, 2023; Spring 2022". Seasons with the latest term come first.
 */
export function compactTerms(terms: readonly string[]): string {
  const bySeason = new Map<string, number[]>();
  for (const t of terms) {
    const [season, year] = t.split(' ');
    const list = bySeason.get(season!) ?? bySeason.set(season!, []).get(season!)!;
    list.push(Number(year));
  }
  const rank = (s: string) => ['Winter', 'Spring', 'Summer', 'Fall', 'Autumn'].indexOf(s);
  return [...bySeason.entries()]
    .map(([season, years]) => ({ season, years: [...new Set(years)].sort((a, b) => a - b) }))
    .sort((a, b) => b.years[b.years.length - 1]! - a.years[a.years.length - 1]! || rank(b.season) - rank(a.season))
    .map((g) => `${g.season} ${g.years.join(', ')}`)
    .join('; ');
}

/** The latest term of a list, as a sortable number (year * 10 + season). */
export function termKey(term: string): number {
  const [season, year] = term.split(' ');
  return Number(year) * 10 + ['Winter', 'Spring', 'Summer', 'Fall', 'Autumn'].indexOf(season!);
}

/** The marks after an author's name: "*", "†", "*,†", "✉" (alphabetical order marked like equal with "*"). */
export function authorMarks(author: CvAuthor, pub: Pick<CvPublication, 'alphabetical'>, alphabeticalMark: '*' | 'α-β' = '*'): string {
  const marks: string[] = [];
  if (author.roles.includes('equal') || (pub.alphabetical && alphabeticalMark === '*')) marks.push('*');
  if (author.roles.includes('lead')) marks.push('†');
  if (author.roles.includes('corresponding')) marks.push('✉');
  return marks.join(',');
}

/** "Under review", "Submitted", "To appear", "In preparation", "" for published work and plain preprints. */
export function statusNote(status: PublicationStatus, language = 'en'): string {
  const w = cvWords(language).status;
  switch (status) {
    case 'accepted':
      return w.accepted;
    case 'under-review':
      return w.underReview;
    case 'submitted':
      return w.submitted;
    case 'in-preparation':
      return w.inPreparation;
    default:
      return '';
  }
}

/** Find a section of a kind in a document. */
export function findSection<K extends CvSectionKind>(doc: CvDocument, kind: K): Extract<CvSection, { kind: K }> | undefined {
  return doc.sections.find((s) => s.kind === kind) as Extract<CvSection, { kind: K }> | undefined;
}
