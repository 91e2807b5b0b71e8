/**
 * The facts of a seminar event as every announcement states them: who, when (in the event's own time
 * zone, named), where, what, and who hosts it. Computed once here, so the poster, the email and the
 * calendar entry never disagree.
 */
import { strings, type Strings } from '../../strings/index.js';
import type { Graph, Person, SeminarEvent, Series, Speaker } from '../../resolve/graph.js';
import { localized } from '../../resolve/people.js';
import { utcOffset } from '../../resolve/time.js';
import type { LocalizedText } from '../../schema/index.js';
import { eventSlug, paths } from '../site/context.js';
import { isProjectPath, projectPath } from '../site/parts/files.js';

export interface LinkOptions {
  /** Where the site lives ("https://example.org/pku-ml/"); overrides vita.yaml's `baseUrl`. Links need an absolute one. */
  baseUrl?: string;
  /** The announcement's language (its labels and dates); default the project's first language. */
  language?: string;
}

export interface SpeakerFacts {
  name: string;
  honorific?: string;
  affiliation?: string;
  homepage?: string;
  /** Id of the person in the project, when the speaker is one. */
  person?: string;
  /** About the speaker (Markdown). */
  bio?: string;
}

export interface HostFacts {
  /** The name in the site's main language. */
  name: string;
  /** The English name, when there is one. */
  english?: string;
  /** Names in other scripts than the English one ("上海数学中心"), in the order written. */
  others: string[];
  address?: string;
  phone?: string;
  fax?: string;
  postcode?: string;
  email?: string;
  url?: string;
}

export interface EventFacts {
  /** The language of the announcement's own words (labels, dates): see src/strings. */
  language: string;
  event: SeminarEvent;
  series: Series;
  /** "SCMS Colloquium" (the series' name in the main language). */
  seriesName: string;
  /** The short name, for subject lines: "SCMS Colloquium". */
  seriesShort: string;
  title: string;
  speakers: SpeakerFacts[];
  /** "Weijie Su (University of Pennsylvania)"; several speakers joined with "and". */
  speakerLine: string;
  /** Speaker names only: "Weijie Su", "A and B". */
  speakerNames: string;
  /** Whether the event has a time of day (else it is a whole-day event). */
  timed: boolean;
  /** "Wed, Jul 23, 2025". */
  date: string;
  /** "10:30–11:30" (24-hour clock, local time); "" for a whole-day event. */
  time: string;
  /** "Wed, Jul 23, 2025 · 10:30–11:30"; a multi-day event: "Mon, Jun 2, 2025, 09:00 – Wed, Jun 4, 2025, 17:00". */
  when: string;
  /** IANA zone the times are in. */
  zone: string;
  /** "UTC+08:00" at the start of the event. */
  offset: string;
  venueName?: string;
  address?: string;
  online?: string;
  /** Venue name and address on one line. */
  location?: string;
  abstract?: string;
  /** About the speakers: one entry per speaker who has a bio (Markdown). */
  bios: { name: string; text: string }[];
  status: 'scheduled' | 'cancelled' | 'postponed';
  host: HostFacts;
  /** The talk's own links as absolute addresses, in the order a reader looks for them (see talkLinks). */
  links: TalkLink[];
  /** Absolute links, when the site's address is known. */
  pageUrl?: string;
  calendarUrl?: string;
  seriesUrl?: string;
  seriesCalendarUrl?: string;
}

/** The site's absolute base ("https://example.org/pku-ml/"), or undefined when only a path (or nothing) is known. */
export function absoluteBase(graph: Graph, options: LinkOptions = {}): string | undefined {
  const base = options.baseUrl ?? graph.config.baseUrl;
  if (!base || !/^https?:\/\//i.test(base)) return undefined;
  try {
    const u = new URL(base);
    if (!u.pathname.endsWith('/')) u.pathname += '/';
    u.search = '';
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

/** The absolute URL of a path of the site, when the site's address is known. */
export function siteUrl(graph: Graph, path: string, options: LinkOptions = {}): string | undefined {
  const base = absoluteBase(graph, options);
  return base ? new URL(path.replace(/^\/+/, ''), base).href : undefined;
}

export interface TalkLink {
  kind: 'page' | 'slides' | 'video' | 'paper';
  href: string;
}

/** The kinds of a talk's links, in the order pages, emails and calendars list them. */
export const TALK_LINK_KINDS = ['page', 'slides', 'video', 'paper'] as const;

/** The word an announcement or a calendar entry puts before a talk's link. */
export function talkLinkWord(w: Strings['announce'], kind: TalkLink['kind']): string {
  return kind === 'page' ? w.talkPage : w[kind];
}

/**
 * A talk's links as an email or a calendar can carry them: web addresses as written, a file of the project at its
 * copy in the site (left out when the site's address is not known: a path means nothing in a mail program).
 */
export function talkLinks(graph: Graph, event: SeminarEvent, options: LinkOptions = {}): TalkLink[] {
  const out: TalkLink[] = [];
  for (const kind of TALK_LINK_KINDS) {
    const target = event.links[kind]?.trim();
    if (!target) continue;
    if (!isProjectPath(target)) {
      if (/^(https?|doi):/i.test(target)) out.push({ kind, href: target.replace(/^doi:/i, 'https://doi.org/') });
      continue;
    }
    const path = projectPath(target);
    const href = path ? siteUrl(graph, path, options) : undefined;
    if (href) out.push({ kind, href });
  }
  return out;
}

/** The folder of an event's page and files, inside the site: "seminars/scms-colloquium/2025-07-23-weijie-su/". */
export function eventPath(event: SeminarEvent): string {
  return paths.event(event.series, eventSlug(event.id));
}

export function eventCalendarPath(event: SeminarEvent): string {
  return paths.eventCalendar(event.series, eventSlug(event.id));
}

export function seriesCalendarPath(seriesId: string): string {
  return paths.seriesCalendar(seriesId);
}

export function personCalendarPath(personId: string): string {
  return `people/${personId}/talks.ics`;
}

/** Does a written date-time ("2025-07-23 10:30") give a time of day? */
export function hasTimeOfDay(written: string): boolean {
  return /[ T]\d{2}:\d{2}/.test(written);
}

const DATE_FORMAT = new Map<string, Intl.DateTimeFormat>();

/** "Wed, Jul 23, 2025" ("2025年7月23日周三", "Mi., 23. Juli 2025") for a local calendar date "2025-07-23". */
export function formatDate(localDate: string, language = 'en'): string {
  const [y, m, d] = localDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const t = strings(language);
  // English announcements keep the US order they always had; other languages their catalogue's locale.
  const locale = t.locale.startsWith('en') ? 'en-US' : t.locale;
  let f = DATE_FORMAT.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    DATE_FORMAT.set(locale, f);
  }
  return f.format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** The day before a local date: a whole-day event's `end` is the last day it runs (inclusive). */
function previousDay(localDate: string): string {
  const [y, m, d] = localDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** "A", "A and B", "A, B and C" (in the announcement's language). */
export function andList(items: string[], language = 'en'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${strings(language).and} ${items[items.length - 1]}`;
}

function text(value: LocalizedText | undefined, languages: readonly string[]): string | undefined {
  return value === undefined ? undefined : localized(value, languages).main;
}

function personAffiliation(person: Person | undefined, languages: readonly string[]): string | undefined {
  const a = person?.data.affiliations?.[0];
  if (!a) return undefined;
  return text(a.institution, languages) ?? text(a.name, languages);
}

function personBio(person: Person | undefined, languages: readonly string[]): string | undefined {
  if (!person) return undefined;
  return person.sections.bio?.text ?? text(person.data.bio, languages);
}

function speakerFacts(graph: Graph, s: Speaker): SpeakerFacts {
  const languages = graph.config.languages;
  const person = s.person ? graph.people.get(s.person) : undefined;
  return {
    name: s.name || person?.name || '',
    honorific: s.honorific ?? person?.data.honorific,
    affiliation: s.affiliation ?? personAffiliation(person, languages),
    homepage: s.homepage ?? s.url ?? person?.data.homepage,
    person: s.person,
    bio: s.bio ?? personBio(person, languages),
  };
}

function hostFacts(series: Series, languages: readonly string[]): HostFacts {
  const h = series.host;
  const names = typeof h.name === 'string' ? { [languages[0] ?? 'en']: h.name } : h.name;
  const english = names.en ?? (typeof h.name === 'string' ? h.name : undefined);
  const others = Object.entries(names)
    .filter(([lang, v]) => lang !== 'en' && v !== english)
    .map(([, v]) => v);
  return {
    name: localized(h.name, languages).main,
    english,
    others,
    address: h.address,
    phone: h.phone,
    fax: h.fax,
    postcode: h.postcode,
    email: h.email,
    url: h.url,
  };
}

/** Everything an announcement of the event states. Throws when the event is not in the graph. */
export function eventFacts(graph: Graph, eventId: string, options: LinkOptions = {}): EventFacts {
  const event = graph.events.get(eventId);
  if (!event) throw new Error(`no event "${eventId}" in the graph`);
  const series = graph.series.get(event.series);
  if (!series) throw new Error(`no series "${event.series}" in the graph`);
  const language = options.language ?? graph.config.languages[0] ?? 'en';
  const languages = [language, ...graph.config.languages.filter((l) => l !== language)];
  const seriesName = localized(series.name, languages).main;
  const speakers = event.speakers.map((s) => speakerFacts(graph, s));
  const speakerLine = andList(speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)), language);

  const timed = hasTimeOfDay(event.start);
  const startDay = event.startLocal.slice(0, 10);
  let endDay = event.endLocal.slice(0, 10);
  const startTime = event.startLocal.slice(11, 16);
  const endTime = event.endLocal.slice(11, 16);
  let date = formatDate(startDay, language);
  let time = '';
  let when: string;
  if (timed) {
    // An event ending at midnight ends on the day it started.
    if (endTime === '00:00' && endDay > startDay) endDay = previousDay(endDay);
    if (endDay === startDay) {
      time = `${startTime}–${endTime === '00:00' ? '24:00' : endTime}`;
      when = `${date} · ${time}`;
    } else {
      time = `${startTime} – ${formatDate(event.endLocal, language)}, ${endTime}`;
      when = `${date}, ${startTime} – ${formatDate(event.endLocal, language)}, ${endTime}`;
    }
  } else {
    // Whole days: the resolver ends them at the midnight after the last day.
    const last = endDay > startDay ? previousDay(endDay) : startDay;
    when = last > startDay ? `${date} – ${formatDate(last, language)}` : date;
    if (last > startDay) date = when;
  }

  const venue = event.venue;
  const location = venue ? [venue.name, venue.address].filter((v): v is string => !!v).join(', ') : undefined;
  const bios: { name: string; text: string }[] = [];
  if (event.bio) bios.push({ name: speakers.map((s) => s.name).join(', '), text: event.bio });
  else for (const s of speakers) if (s.bio) bios.push({ name: s.name, text: s.bio });

  return {
    language,
    event,
    series,
    seriesName,
    seriesShort: series.short ?? seriesName,
    title: event.title,
    speakers,
    speakerLine,
    speakerNames: andList(speakers.map((s) => s.name), language),
    timed,
    date,
    time,
    when,
    zone: event.timezone,
    offset: `UTC${utcOffset(new Date(event.startUtc), event.timezone)}`,
    venueName: venue?.name,
    address: venue?.address,
    online: venue?.online,
    location: location || undefined,
    abstract: event.abstract,
    bios,
    status: event.status,
    host: hostFacts(series, languages),
    links: talkLinks(graph, event, options),
    pageUrl: siteUrl(graph, eventPath(event), options),
    calendarUrl: siteUrl(graph, eventCalendarPath(event), options),
    seriesUrl: siteUrl(graph, paths.series(series.id), options),
    seriesCalendarUrl: siteUrl(graph, seriesCalendarPath(series.id), options),
  };
}
