/**
 * An iCalendar feed of a seminar (.ics, as Indico, researchseminars.org and Google Calendar publish them) as one
 * series: each VEVENT a talk, its SUMMARY split into speaker and title, recurring rules expanded (with their
 * exceptions and cancelled occurrences), times kept as the wall clock of their zone.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import ICAL from 'ical.js';
import { emptyBundle, note, type ImportBundle, type ImportSource, type Origin } from '../bundle.js';
import { abstractFrom, addSeminarEvents, ianaZone, speakersFrom, splitSummary, statusFromTitle, wallClock, type SeminarTalk, type TalkSpeaker } from '../seminar-events.js';
import { compact, safeUrl, slug } from '../text.js';
import { readText } from './bibtex.js';

export const icsSource: ImportSource = {
  kind: 'ics',
  description: 'an iCalendar feed of a seminar (.ics)',
  read: (path) => readIcs(path),
};

/** A rule without an end is carried this far from its first occurrence; later ones are named in a note. */
const OPEN_RULE_DAYS = 366;
/** No rule gives more events than this (a daily rule over years is not a seminar series). */
const MOST_OCCURRENCES = 500;

export function readIcs(path: string): ImportBundle {
  const file = basename(path);
  const bundle = emptyBundle('ics', slug(file.replace(/\.ics$/i, '')) || 'calendar');
  if (statSync(path).isDirectory()) {
    note(bundle, 'error', { file }, 'no-source', 'a folder is not a calendar feed', 'give the .ics file itself; for a seminar site\'s folder, leave --kind out (or give --kind seminar-site).');
    return bundle;
  }
  const text = readText(path, file, bundle);
  if (text === undefined) return bundle;
  let calendars: ICAL.Component[];
  try {
    const parsed = ICAL.parse(text);
    // A file may hold several calendars one after another: each is a series of its own.
    calendars = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((c: unknown) => new ICAL.Component(c as unknown[]));
  } catch (err) {
    note(bundle, 'error', { file, line: lineOfError(text, (err as Error).message) }, 'ics-syntax', `the calendar could not be read: ${(err as Error).message.split('\n')[0]}`, 'check that the file is an iCalendar feed (BEGIN:VCALENDAR ... END:VCALENDAR).');
    return bundle;
  }
  const lines = lineIndex(text);
  let seen = 0;
  for (const calendar of calendars) {
    if (calendar.name !== 'vcalendar') {
      note(bundle, 'error', { file, line: 1 }, 'ics-syntax', `the file is not a calendar (it holds ${calendar.name.toUpperCase()})`);
      continue;
    }
    const count = calendar.getAllSubcomponents('vevent').length;
    readCalendar(calendar, file, bundle, (i) => lines(seen + i));
    seen += count;
  }
  return bundle;
}

/** One VCALENDAR as one series. `lineOf`: the line of its i-th VEVENT in the file. */
function readCalendar(calendar: ICAL.Component, file: string, bundle: ImportBundle, lineOf: (i: number) => number | undefined): void {
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    try {
      ICAL.TimezoneService.register(zone);
    } catch {
      // A broken VTIMEZONE: events naming it are read as the wall clock they show.
    }
  }
  const vevents = calendar.getAllSubcomponents('vevent');
  const zone = calendarZone(calendar, vevents);
  const name = str(calendar.getFirstPropertyValue('x-wr-calname')) ?? file.replace(/\.ics$/i, '');
  const talks: SeminarTalk[] = [];
  // Exceptions (RECURRENCE-ID) belong to their rule's event, by UID.
  const exceptions = new Map<string, ICAL.Component[]>();
  for (const v of vevents) {
    if (!v.hasProperty('recurrence-id')) continue;
    const uid = str(v.getFirstPropertyValue('uid')) ?? '';
    (exceptions.get(uid) ?? exceptions.set(uid, []).get(uid)!).push(v);
  }
  const masters = new Set(vevents.filter((v) => v.hasProperty('rrule') || v.hasProperty('rdate')).map((v) => str(v.getFirstPropertyValue('uid')) ?? ''));
  for (const [i, v] of vevents.entries()) {
    const uid = str(v.getFirstPropertyValue('uid')) ?? '';
    const origin: Origin = { file, line: lineOf(i) };
    // An exception whose rule is in the feed is read with it; one alone (its rule elsewhere) is a talk of its own.
    if (v.hasProperty('recurrence-id') && masters.has(uid)) continue;
    let event: ICAL.Event;
    try {
      event = new ICAL.Event(v);
    } catch (err) {
      talks.push({ speakers: [], origin });
      note(bundle, 'warning', origin, 'ics-event', `an event could not be read (${(err as Error).message})`);
      continue;
    }
    if (!event.startDate) {
      talks.push({ title: event.summary || undefined, speakers: [], origin });
      continue;
    }
    if (!event.isRecurring()) {
      talks.push(talkOf(event.component, event.startDate, event.endDate, zone, origin));
      continue;
    }
    for (const ex of exceptions.get(uid) ?? []) event.relateException(ex);
    talks.push(...occurrences(event, zone, origin, bundle));
  }
  // Indico and researchseminars.org give UTC times and no zone of their own: the series is then in UTC, which a
  // reader may not expect.
  if (zone === 'UTC' && !calendar.hasProperty('x-wr-timezone') && talks.some((t) => t.start && t.start.length > 10)) {
    note(bundle, 'info', { file }, 'series-zone', `the calendar "${name}" names no time zone: its times are kept in UTC`, 'to show them in the seminar\'s zone, import a copy of the feed with X-WR-TIMEZONE:<zone> (e.g. Europe/Paris) added after VERSION:2.0.');
  }
  const host = organizer(vevents);
  addSeminarEvents(bundle, { id: slug(name, 40) || bundle.label, name, host, timezone: zone, description: str(calendar.getFirstPropertyValue('x-wr-caldesc')), origin: { file } }, talks);
  bundle.title ??= name;
}

/** Every occurrence of a recurring event, its exceptions applied; an open rule stops after a year, and says so. */
function occurrences(event: ICAL.Event, zone: string, origin: Origin, bundle: ImportBundle): SeminarTalk[] {
  const out: SeminarTalk[] = [];
  const rule = event.component.getFirstPropertyValue('rrule') as ICAL.Recur | null;
  const open = rule !== null && !rule.count && !rule.until;
  const first = event.startDate.toJSDate().getTime();
  const it = event.iterator();
  let stopped = false;
  for (let next = it.next(); next; next = it.next()) {
    if (out.length >= MOST_OCCURRENCES || (open && next.toJSDate().getTime() - first > OPEN_RULE_DAYS * 86_400_000)) {
      stopped = true;
      break;
    }
    const details = event.getOccurrenceDetails(next);
    out.push(talkOf(details.item.component, details.startDate, details.endDate, zone, origin));
  }
  const what = `"${event.summary}" repeats (${rule ? rule.toString() : 'RDATE'})`;
  if (stopped) {
    note(bundle, 'warning', origin, 'ics-recurrence', `${what} without end: its first ${out.length} occurrences were imported as events, later ones were not`, 'add later talks as events by hand, or import the feed again later.');
  } else note(bundle, 'info', origin, 'ics-recurrence', `${what}: expanded into ${out.length} events`);
  return out;
}

function talkOf(v: ICAL.Component, start: ICAL.Time, end: ICAL.Time | undefined, zone: string, origin: Origin): SeminarTalk {
  const summary = statusFromTitle(str(v.getFirstPropertyValue('summary')) ?? '');
  const description = str(v.getFirstPropertyValue('description'));
  const listed = researchSeminarsTalk(description);
  const split = listed ? { title: listed.title, speakers: listed.speakers } : splitSummary(summary.title);
  // Indico ends the description with the event's address, which is its URL: not part of the abstract.
  const url = str(v.getFirstPropertyValue('url'));
  const described = listed ? { abstract: listed.abstract } : abstractFrom(url && description?.trimEnd().endsWith(url) ? description.trimEnd().slice(0, -url.length) : description);
  const status = String(v.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED' ? 'cancelled' : summary.status;
  const at = timeOf(start, zone);
  const until = end && !(start.isDate && end.isDate && end.compare(start) <= 0) ? timeOf(end, at.timezone ?? zone, start.isDate) : undefined;
  const location = str(v.getFirstPropertyValue('location'))?.replace(/^Lecture held in\s+/i, '');
  const locationUrl = location && /^https?:\/\/\S+$/.test(location) ? location : undefined;
  const online = locationUrl ?? listed?.online ?? onlineLink(description);
  return compact({
    title: split.title || undefined,
    speakers: split.speakers.length ? split.speakers : (described.speakers ?? []),
    start: at.local,
    end: until?.local,
    timezone: at.timezone,
    location: locationUrl ? undefined : location,
    online,
    abstract: described.abstract,
    status,
    // The talk's page (Indico's event, researchseminars.org's talk); a URL that is the link to join is the venue's.
    page: url && url !== online ? url : undefined,
    origin,
  }) as SeminarTalk;
}

/**
 * researchseminars.org's feeds put the speaker alone in SUMMARY and the rest in DESCRIPTION: "Title: ...", "by Speaker
 * (Affiliation) as part of Seminar", "Access: <link>", "Lecture held in <room>.", then "Abstract" and its text.
 */
function researchSeminarsTalk(description: string | undefined): { title?: string; speakers: TalkSpeaker[]; abstract?: string; online?: string } | undefined {
  if (!description) return undefined;
  const by = /^by (.+?)(?: as part of .+)?$/m.exec(description);
  const title = /^Title: (.+)$/m.exec(description)?.[1]?.trim();
  if (!by || (!title && !/^Abstract/m.test(description))) return undefined;
  const abstract = /^Abstract\s*\n([\s\S]*)$/m.exec(description)?.[1]?.trim();
  return compact({ title, speakers: speakersFrom(by[1]!) ?? [{ name: by[1]!.trim() }], abstract: abstract || undefined, online: safeUrl(/^Access: (https?:\/\/\S+)/m.exec(description)?.[1]) }) as { speakers: TalkSpeaker[] };
}

/** A video-call link in the description, when the location does not give one. */
function onlineLink(description: string | undefined): string | undefined {
  return safeUrl(/https:\/\/[\w.-]*(?:zoom\.us|meet\.google\.com|teams\.microsoft\.com|webex\.com)\/[^\s<>"')\]]+/.exec(description ?? '')?.[0]);
}

/**
 * A time as the event's wall clock: in its own zone when the TZID is one IANA knows (no conversion: 16:00 Paris
 * stays 16:00, winter or summer); a UTC time in the calendar's zone; a zone only the feed defines (Outlook's
 * "W. Europe Standard Time") through its VTIMEZONE into the calendar's zone; an all-day event as its day.
 * `endOfDay`: an all-day DTEND is the day after the last, as iCalendar counts it.
 */
function timeOf(t: ICAL.Time, zone: string, endOfDay = false): { local: string; timezone?: string } {
  if (t.isDate) {
    const day = new Date(Date.UTC(t.year, t.month - 1, t.day - (endOfDay ? 1 : 0)));
    return { local: day.toISOString().slice(0, 10) };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  // The TZID as written (ical.js keeps it, though its types do not say so).
  const tzid = (t as unknown as { timezone?: string }).timezone ?? t.zone?.tzid;
  const written = `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
  if (t.zone?.tzid === 'UTC' || tzid === 'Z') return { local: wallClock(new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute)), zone), timezone: zone };
  const named = ianaZone(tzid);
  if (named) return { local: written, timezone: named };
  if (t.zone && t.zone.tzid !== 'floating') return { local: wallClock(new Date(t.toUnixTime() * 1000), zone), timezone: zone };
  return { local: written, timezone: zone };
}

/** The calendar's own zone (X-WR-TIMEZONE), else the zone most of its events name, else UTC. */
function calendarZone(calendar: ICAL.Component, vevents: ICAL.Component[]): string {
  const declared = ianaZone(str(calendar.getFirstPropertyValue('x-wr-timezone')));
  if (declared) return declared;
  const counts = new Map<string, number>();
  for (const v of vevents) {
    const tz = ianaZone(v.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined);
    if (tz) counts.set(tz, (counts.get(tz) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'UTC';
}

/** The organiser most events name (CN), as the series' host. */
function organizer(vevents: ICAL.Component[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of vevents) {
    const cn = v.getFirstProperty('organizer')?.getParameter('cn');
    const name = typeof cn === 'string' ? cn.trim() : '';
    if (name && !name.includes('@')) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The line of the source where the i-th VEVENT begins. */
function lineIndex(text: string): (index: number) => number | undefined {
  const lines = text.split(/\r?\n/);
  const begins = lines.flatMap((l, i) => (/^BEGIN:VEVENT\s*$/i.test(l) ? [i + 1] : []));
  return (index) => begins[index];
}

/** The line a parser error quotes (ical.js quotes the line it could not read), else the first. */
function lineOfError(text: string, message: string): number {
  const quoted = /"([^"]{3,})"/.exec(message)?.[1];
  if (!quoted) return 1;
  const i = text.split(/\r?\n/).findIndex((l) => l.includes(quoted.slice(0, 60)));
  return i < 0 ? 1 : i + 1;
}

function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v === '' ? undefined : v;
}
