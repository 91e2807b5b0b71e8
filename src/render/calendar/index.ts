/**
 * iCalendar files of the seminars: a feed per series, one file per event, and a feed of each person's talks.
 * Pure functions of the graph; the same record always gives the same bytes.
 *
 * Time zones: every timed DTSTART/DTEND is written in UTC ("20250723T023000Z"), computed by the resolver
 * from the local time and the event's IANA zone. A UTC time is unambiguous in every calendar program and
 * needs no VTIMEZONE block (which `ics` cannot write, and which would have to be generated from the zone's
 * rules for the right years); each program shows the event in its user's own zone. The event's own zone is
 * not lost: the description states the local time with the zone named ("10:30–11:30 (Asia/Shanghai,
 * UTC+08:00)"). Whole-day entries (talks known only by their date) are floating dates (VALUE=DATE), as
 * RFC 5545 intends for days.
 *
 * Reproducible: UIDs are "<event id>@<host of baseUrl>" ("vita" without an absolute baseUrl), and DTSTAMP
 * is taken from the record, not the clock: the event's start (UTC), or 00:00 UTC of a talk's date. Raise an
 * event's `sequence` when you change it after publishing, so calendar programs take the new version.
 */
import { strings } from '../../strings/index.js';
import type { Graph, SeminarEvent, Talk } from '../../resolve/graph.js';
import type { OutputFile } from '../output.js';
import { absoluteBase, eventCalendarPath, eventFacts, talkLinkWord, personCalendarPath, seriesCalendarPath, type EventFacts, type LinkOptions } from '../announce/facts.js';
import { proseToPlain } from '../announce/prose.js';
import { slug } from '../site/context.js';
import { buildCalendar, cleanText, dateArray, escapeIcsText, icsAcceptsEmail, icsAcceptsUrl, nextDate, paramSafe, utcArray, type EventAttributes } from './ics.js';
import { localized } from '../../resolve/people.js';

export type CalendarOptions = LinkOptions;

/** `webcal://` for subscribing, from the `https://` (or `http://`) address of a feed. Other links are returned unchanged. */
export function webcalUrl(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:\/\//i, 'webcal://');
}

/** The host part of UIDs: the site's host name, or "vita" when the site's address is not known. */
export function uidDomain(graph: Graph, options: CalendarOptions = {}): string {
  const base = absoluteBase(graph, options);
  return base ? new URL(base).hostname : 'vita';
}

/** The UID of a seminar event: "scms-colloquium/2025-07-23-weijie-su@example.org". Stable across builds. */
export function eventUid(graph: Graph, eventId: string, options: CalendarOptions = {}): string {
  return `${eventId}@${uidDomain(graph, options)}`;
}

/** DTSTAMP in the form `ics` writes verbatim. */
function stamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15) + 'Z';
}

function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\/[^\s]+$/i.test(url) && icsAcceptsUrl(url);
}

const STATUS = { scheduled: 'CONFIRMED', cancelled: 'CANCELLED', postponed: 'TENTATIVE' } as const;

/** The plain-text description of an event: speaker, series, time in its zone, place, abstract, bio, host, link. */
export function eventDescription(f: EventFacts): string {
  const t = strings(f.language);
  const w = t.announce;
  const lines: string[] = [];
  if (f.status === 'cancelled') lines.push(w.cancelledCalendar, '');
  if (f.status === 'postponed') lines.push(w.postponedCalendar, '');
  if (f.speakerLine) lines.push(f.speakerLine);
  lines.push(f.seriesName);
  lines.push('');
  lines.push(f.timed ? `${f.when} (${f.zone}, ${f.offset})` : `${f.when} (${f.zone})`);
  if (f.location) lines.push(`${w.venue}: ${f.location}`);
  if (f.online) lines.push(`${w.online}: ${f.online}`);
  if (f.abstract) lines.push('', `${w.abstract}:`, proseToPlain(f.abstract));
  for (const bio of f.bios) lines.push('', `${f.bios.length > 1 ? w.about(bio.name) : w.aboutSpeaker}:`, proseToPlain(bio.text));
  const contact = [f.host.email, f.host.phone ? `${w.tel}: ${f.host.phone}` : undefined].filter(Boolean).join(' · ');
  const hostName = f.host.others.length && f.host.english ? `${f.host.english} (${f.host.others.join(', ')})` : f.host.name;
  lines.push('', `${t.host}: ${hostName}${contact ? ` · ${contact}` : ''}`);
  // The talk's links as text (the `ics` writer has no ATTACH, and calendar programs show a description's links).
  for (const link of f.links) lines.push(`${talkLinkWord(w, link.kind)}: ${link.href}`);
  if (f.pageUrl) lines.push(`${w.details}: ${f.pageUrl}`);
  return cleanText(lines.join('\n'));
}

/** The VEVENT of a seminar event; the same in every file it appears in. */
export function eventAttributes(graph: Graph, eventId: string, options: CalendarOptions = {}): EventAttributes {
  const f = eventFacts(graph, eventId, options);
  const e = f.event;
  const summary = f.speakerNames ? `${f.speakerNames}: ${f.title}` : f.title;
  const prefix = e.status === 'cancelled' ? 'Cancelled: ' : e.status === 'postponed' ? 'Postponed: ' : '';
  const times: Pick<EventAttributes, 'start' | 'startInputType' | 'startOutputType' | 'endInputType' | 'endOutputType'> & { end: EventAttributes['start'] } = f.timed
    ? { start: utcArray(e.startUtc), end: utcArray(e.endUtc), startInputType: 'utc', startOutputType: 'utc', endInputType: 'utc', endOutputType: 'utc' }
    : { start: dateArray(e.startLocal), end: dateArray(e.endLocal > e.startLocal.slice(0, 10) ? e.endLocal : nextDate(e.startLocal)) };
  const attrs: EventAttributes & { timestamp: string } = {
    uid: eventUid(graph, eventId, options),
    timestamp: stamp(e.startUtc),
    sequence: e.sequence ?? 0,
    title: cleanText(prefix + summary),
    ...times,
    description: eventDescription(f),
    status: STATUS[e.status],
    categories: [escapeIcsText(f.seriesShort)],
  };
  if (f.location) attrs.location = cleanText(f.location);
  else if (f.online) attrs.location = cleanText(f.online);
  // The talk's own page elsewhere when it has one (Indico, researchseminars.org), else its page on the site.
  const page = f.links.find((l) => l.kind === 'page')?.href;
  if (isWebUrl(page)) attrs.url = page;
  else if (isWebUrl(f.pageUrl)) attrs.url = f.pageUrl;
  else if (isWebUrl(f.online)) attrs.url = f.online;
  if (f.host.email && icsAcceptsEmail(f.host.email)) attrs.organizer = { name: paramSafe(f.host.name), email: f.host.email };
  if (e.status !== 'scheduled') attrs.transp = 'TRANSPARENT';
  return attrs;
}

/** The iCalendar feed of a series, every event in it (cancelled ones as STATUS:CANCELLED). */
export function seriesCalendar(graph: Graph, seriesId: string, options: CalendarOptions = {}): string {
  const series = graph.series.get(seriesId);
  if (!series) throw new Error(`no series "${seriesId}" in the graph`);
  const languages = graph.config.languages;
  const host = localized(series.host.name, languages).main;
  return buildCalendar(
    series.events.map((id) => eventAttributes(graph, id, options)),
    { name: localized(series.name, languages).main, description: series.description ?? host },
  );
}

/** One event as an .ics file to add to a calendar. */
export function eventCalendar(graph: Graph, eventId: string, options: CalendarOptions = {}): string {
  return buildCalendar([eventAttributes(graph, eventId, options)]);
}

/** Seminar events of the project where a person speaks, by start. */
export function speakerEvents(graph: Graph, personId: string): SeminarEvent[] {
  return [...graph.events.values()]
    .filter((e) => e.speakers.some((s) => s.person === personId))
    .sort((a, b) => a.startUtc.localeCompare(b.startUtc) || a.id.localeCompare(b.id));
}

/** Talks of a person that are not seminar events of the project and have a full date: whole-day entries. */
function datedTalks(graph: Graph, personId: string): Talk[] {
  const person = graph.people.get(personId);
  return (person?.talks ?? []).filter((t) => !t.seminar && /^\d{4}-\d{2}-\d{2}$/.test(t.date));
}

/** Whether a person has anything to put in a talks feed (so pages link `talks.ics` only then). */
export function hasTalksCalendar(graph: Graph, personId: string): boolean {
  return speakerEvents(graph, personId).length > 0 || datedTalks(graph, personId).length > 0;
}

function talkAttributes(talk: Talk, uid: string): EventAttributes {
  const summary = talk.title ? `${talk.title} (${talk.event})` : talk.event;
  const where = [talk.host, talk.place].filter((v): v is string => !!v);
  if (talk.virtual) where.push('Online');
  const lines = [talk.title ? `Talk at ${talk.event}` : `Talk: ${talk.event}`];
  if (talk.host) lines.push(`Host: ${talk.host}`);
  if (talk.place) lines.push(`Place: ${talk.place}`);
  if (talk.virtual) lines.push('Online talk');
  if (talk.slides) lines.push(`Slides: ${talk.slides}`);
  if (talk.video) lines.push(`Video: ${talk.video}`);
  if (talk.url) lines.push(`Link: ${talk.url}`);
  const attrs: EventAttributes & { timestamp: string } = {
    uid,
    timestamp: `${talk.date.replace(/-/g, '')}T000000Z`,
    sequence: 0,
    title: cleanText(summary),
    start: dateArray(talk.date),
    end: dateArray(nextDate(talk.date)),
    description: cleanText(lines.join('\n')),
    status: 'CONFIRMED',
    transp: 'TRANSPARENT',
  };
  if (where.length) attrs.location = cleanText(where.join(', '));
  if (isWebUrl(talk.url)) attrs.url = talk.url;
  return attrs;
}

/**
 * A person's talks as a feed: the seminar events of the project where they speak (timed, the same entries
 * as in the series feeds) and their other talks that have a full date (whole-day entries). Talks known only
 * by month or year cannot be placed in a calendar and are left out.
 */
export function personTalksCalendar(graph: Graph, personId: string, options: CalendarOptions = {}): string {
  const person = graph.people.get(personId);
  if (!person) throw new Error(`no person "${personId}" in the graph`);
  const domain = uidDomain(graph, options);
  const entries: { sort: string; attrs: EventAttributes }[] = speakerEvents(graph, personId).map((e) => ({
    sort: e.startUtc,
    attrs: eventAttributes(graph, e.id, options),
  }));
  const used = new Set<string>();
  for (const talk of datedTalks(graph, personId)) {
    const base = `talk/${personId}/${talk.date}-${slug(talk.title ?? talk.event).slice(0, 60)}`;
    let uid = `${base}@${domain}`;
    for (let n = 2; used.has(uid); n++) uid = `${base}-${n}@${domain}`;
    used.add(uid);
    entries.push({ sort: `${talk.date}T00:00:00.000Z`, attrs: talkAttributes(talk, uid) });
  }
  entries.sort((a, b) => a.sort.localeCompare(b.sort) || String(a.attrs.uid).localeCompare(String(b.attrs.uid)));
  return buildCalendar(
    entries.map((e) => e.attrs),
    { name: `Talks by ${person.name}`, description: `Talks by ${person.name}` },
  );
}

/** A calendar file of the site, made when asked for (a build renders again only those whose data changed). */
export interface CalendarJob {
  file: string;
  render(): string;
}

/**
 * Every calendar file of the site: `seminars/<series>/calendar.ics`, `seminars/<series>/<event>/event.ics`
 * and `people/<id>/talks.ics` (for people with talks to show), sorted by path, each made when asked for.
 */
export function calendarJobs(graph: Graph, options: CalendarOptions = {}): CalendarJob[] {
  const jobs: CalendarJob[] = [];
  for (const series of graph.series.values()) {
    jobs.push({ file: seriesCalendarPath(series.id), render: () => seriesCalendar(graph, series.id, options) });
    for (const id of series.events) jobs.push({ file: eventCalendarPath(graph.events.get(id)!), render: () => eventCalendar(graph, id, options) });
  }
  for (const person of graph.people.values()) {
    if (hasTalksCalendar(graph, person.id)) jobs.push({ file: personCalendarPath(person.id), render: () => personTalksCalendar(graph, person.id, options) });
  }
  return jobs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Every calendar file of the site (see `calendarJobs`), made now. */
export function calendarFiles(graph: Graph, options: CalendarOptions = {}): OutputFile[] {
  return calendarJobs(graph, options).map((j) => ({ path: j.file, content: j.render() }));
}

/** What `vita build` adds to the site for the seminars: every calendar file (see `calendarFiles`). */
export function seminarFiles(graph: Graph, options: CalendarOptions = {}): OutputFile[] {
  return calendarFiles(graph, options);
}

export { eventCalendarPath, personCalendarPath, seriesCalendarPath } from '../announce/facts.js';
