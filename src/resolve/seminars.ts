/** Seminar series and their events: inherited defaults, times in their zone, speakers linked to people. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { EventInput, SeriesInput } from '../schema/index.js';
import type { Located } from '../validate/index.js';
import { closest } from '../text/suggest.js';
import type { SeminarEvent, Series, Speaker } from './graph.js';
import { localized, type PeopleDirectory } from './people.js';
import { isTimeZone, localTimeKind, normalizeLocal, utcOffset, utcToZoned, zonedToUtc } from './time.js';

export function resolveSeminars(
  seriesList: Located<SeriesInput>[],
  eventList: Located<EventInput>[],
  people: PeopleDirectory,
  languages: readonly string[],
  diagnostics: Diagnostics,
): { series: Map<string, Series>; events: Map<string, SeminarEvent> } {
  const series = new Map<string, Series>();
  for (const s of seriesList) {
    if (!isTimeZone(s.value.timezone)) badZone(s, s.value.timezone, diagnostics);
    s.value.organizers?.forEach((o, i) => people.link(o, s, ['organizers', i]));
    series.set(s.id, { ...s.value, id: s.id, file: s.file, events: [] });
  }

  const events = new Map<string, SeminarEvent>();
  for (const e of eventList) {
    const v = e.value;
    const seriesId = v.series ?? '';
    const parent = series.get(seriesId);
    if (!parent) {
      const guess = closest(seriesId, series.keys());
      diagnostics.error(e.file, e.locate(['series']), 'resolve/unknown-series', `the event belongs to a series "${seriesId}" that the project does not have`, {
        hint: guess ? `did you mean "${guess}"?` : `add seminars/${seriesId}/series.yaml.`,
      });
      continue;
    }
    const timezone = v.timezone ?? parent.timezone;
    if (v.timezone && !isTimeZone(v.timezone)) {
      badZone(e, v.timezone, diagnostics);
      continue;
    }
    if (!isTimeZone(timezone)) continue;
    const startUtc = zonedToUtc(v.start, timezone);
    // Without an end, a talk lasts the series' duration in real time (across a clock change too). A
    // whole-day event (dates without times) runs to the midnight after its last day, `end` included.
    const endUtc = !hasTimeOfDay(v.start)
      ? zonedToUtc(nextDay((v.end ?? v.start).slice(0, 10)), timezone)
      : v.end
        ? zonedToUtc(v.end, timezone)
        : new Date(startUtc.getTime() + parent.duration * 60000);
    // Local times as a clock in the zone shows them: a skipped 02:30 reads 03:30.
    const startLocal = utcToZoned(startUtc, timezone);
    const endLocal = utcToZoned(endUtc, timezone);
    if (endUtc.getTime() <= startUtc.getTime()) {
      diagnostics.error(e.file, e.locate(['end']), 'resolve/end-before-start', `the event ends (${v.end}) before it starts (${v.start})`, {
        hint: 'check the date and the time of day of `end`; times are read on a 24-hour clock.',
      });
    }
    reportClockChanges(e, timezone, diagnostics);
    reportZoneMismatch(e, parent, timezone, startUtc, diagnostics);
    reportProgram(e, timezone, startUtc, endUtc, people, diagnostics);
    const written = v.speakers ?? (v.speaker ? [v.speaker] : []);
    const speakers: Speaker[] = written.map((s, i) => {
      const path = v.speakers ? ['speakers', i] : ['speaker'];
      if (typeof s === 'string') return people.require(s, e, path) ? { name: people.names.get(s)!, person: s } : { name: s };
      const base = s.person && people.require(s.person, e, [...path, 'person']) ? { person: s.person, name: people.names.get(s.person)! } : {};
      const name = s.name ? localized(s.name, languages).main : undefined;
      return { ...base, name: name ?? base.name ?? '', honorific: s.honorific, affiliation: s.affiliation, url: s.homepage, homepage: s.homepage, photo: s.photo, bio: s.bio };
    });
    const { speaker: _one, speakers: _many, slides, video, links: ownLinks, ...rest } = v;
    // `slides` and `video` beside `links` are the older place for them: one set of links, `links` first.
    const links = { ...(slides ? { slides } : {}), ...(video ? { video } : {}), ...ownLinks };
    for (const [kind, older] of [['slides', slides], ['video', video]] as const) {
      const newer = ownLinks?.[kind];
      if (older && newer && older.trim() !== newer.trim()) {
        diagnostics.warning(e.file, e.locate([kind]), 'resolve/event-link-twice', `the event gives its ${kind} twice, as ${kind} (${older}) and links.${kind} (${newer}): links.${kind} is shown`, {
          path: [kind],
          input: older,
          hint: `keep one: remove ${kind}, or move it into links.`,
        });
      }
    }
    const id = `${seriesId}/${e.id}`;
    events.set(id, {
      ...rest,
      id,
      series: seriesId,
      file: e.file,
      speakers,
      links,
      venue: v.venue ?? parent.venue,
      timezone,
      startLocal,
      endLocal,
      startUtc: startUtc.toISOString(),
      endUtc: endUtc.toISOString(),
    });
    parent.events.push(id);
  }
  for (const s of series.values()) s.events.sort((a, b) => events.get(a)!.startUtc.localeCompare(events.get(b)!.startUtc));
  reportRoomClashes([...events.values()], eventList, diagnostics);
  return { series, events };
}

function badZone(at: Located<unknown>, zone: string, diagnostics: Diagnostics): void {
  const guess = closest(zone, knownZones());
  diagnostics.error(at.file, at.locate(['timezone']), 'resolve/unknown-timezone', `"${zone}" is not a time zone`, {
    hint: guess ? `did you mean "${guess}"?` : 'use an IANA name such as "Asia/Shanghai", "Europe/Paris" or "America/New_York".',
    input: zone,
  });
}

/** The platform's IANA zone names, for "did you mean". */
function knownZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/** Two scheduled events in the same room at overlapping times are almost always a typo. */
function reportRoomClashes(events: SeminarEvent[], sources: Located<EventInput>[], diagnostics: Diagnostics): void {
  const live = events.filter((e) => e.status === 'scheduled' && e.venue?.name);
  live.sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length && live[j]!.startUtc < live[i]!.endUtc; j++) {
      const a = live[i]!;
      const b = live[j]!;
      if (a.venue!.name.trim().toLowerCase() !== b.venue!.name.trim().toLowerCase()) continue;
      const src = sources.find((s) => s.file === b.file);
      diagnostics.warning(b.file, src?.locate(['start']), 'resolve/room-clash', `"${b.title}" is in ${b.venue!.name} at the same time as "${a.title}"`, {
        hint: `the other event is in ${a.file}; change the time or the room of one of them.`,
      });
    }
  }
}

/**
 * A time written on a day the clocks change may not exist (spring forward: 02:30 is skipped) or may occur
 * twice (fall back: 01:30 happens twice). vita still reads it (see `zonedToUtc`), but says how.
 */
function reportClockChanges(e: Located<EventInput>, timezone: string, diagnostics: Diagnostics): void {
  const times: { path: (string | number)[]; value: string }[] = [{ path: ['start'], value: e.value.start }];
  if (e.value.end) times.push({ path: ['end'], value: e.value.end });
  e.value.program?.forEach((item, i) => {
    times.push({ path: ['program', i, 'start'], value: item.start });
    if (item.end) times.push({ path: ['program', i, 'end'], value: item.end });
  });
  for (const { path, value } of times) {
    if (!hasTimeOfDay(value)) continue;
    const kind = localTimeKind(value, timezone);
    if (kind === 'ok') continue;
    const instant = zonedToUtc(value, timezone);
    const shown = utcToZoned(instant, timezone).replace('T', ' ');
    const clock = normalizeLocal(value).slice(11);
    if (kind === 'skipped') {
      diagnostics.warning(e.file, e.locate(path), 'resolve/ambiguous-time', `${clock} on ${value.slice(0, 10)} does not exist in ${timezone}: the clocks go forward that night`, {
        path,
        input: value,
        hint: `vita reads it as ${shown} (UTC${utcOffset(instant, timezone)}); write the time a clock in ${timezone} will show.`,
      });
    } else {
      const later = new Date(instant.getTime() + 3600000);
      diagnostics.warning(e.file, e.locate(path), 'resolve/ambiguous-time', `${clock} on ${value.slice(0, 10)} happens twice in ${timezone}: the clocks go back that night`, {
        path,
        input: value,
        hint:
          `vita reads it as the first ${clock} (UTC${utcOffset(instant, timezone)}); for the second one (UTC${utcOffset(later, timezone)}), ` +
          `set \`timezone\` to the fixed-offset zone "${fixedOffsetZone(later, timezone)}".`,
      });
    }
  }
}

/** "Etc/GMT+5" is UTC-05:00: the sign of the Etc zones is the POSIX one, reversed. */
function fixedOffsetZone(instant: Date, timezone: string): string {
  const offset = utcOffset(instant, timezone);
  const hours = Number(offset.slice(1, 3));
  if (offset.endsWith(':00') && hours > 0) return `Etc/GMT${offset[0] === '+' ? '-' : '+'}${hours}`;
  return 'UTC';
}

function hasTimeOfDay(value: string): boolean {
  return /[ T]\d{2}:\d{2}/.test(value);
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * "An event outside its series' time zone without saying so." We read it as: the event names a time zone of
 * its own, but takes place in the series' own room (it gives no venue, or the series' venue). A room does
 * not move, so the times are most likely written in the wrong zone, e.g. the speaker's home zone for a
 * visitor's talk. An event that gives its own venue, or is online only, is taken at its word; so is a zone
 * that keeps the same offset as the series' zone at that time (Asia/Hong_Kong for Asia/Shanghai).
 */
function reportZoneMismatch(e: Located<EventInput>, parent: Series, timezone: string, startUtc: Date, diagnostics: Diagnostics): void {
  const own = e.value.timezone;
  if (!own || own === parent.timezone || !parent.venue || !isTimeZone(parent.timezone)) return;
  const venue = e.value.venue;
  const sameRoom = !venue || sameName(venue.name, parent.venue.name);
  if (!sameRoom) return;
  if (utcOffset(startUtc, own) === utcOffset(startUtc, parent.timezone)) return;
  const there = utcToZoned(startUtc, parent.timezone).replace('T', ' ');
  diagnostics.warning(e.file, e.locate(['timezone']), 'resolve/timezone-mismatch', `the event is in ${parent.venue.name}, a room of the series in ${parent.timezone}, but its times are read in ${own}`, {
    path: ['timezone'],
    input: own,
    hint:
      `as written it starts at ${there} in ${parent.timezone}. If the talk is in ${parent.venue.name}, write its times in ${parent.timezone} ` +
      `and remove \`timezone\`; if it is held elsewhere or online, give its \`venue\`.`,
  });
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Program items of a workshop must fall within the event; their speakers, when ids, must be people. */
function reportProgram(e: Located<EventInput>, timezone: string, startUtc: Date, endUtc: Date, people: PeopleDirectory, diagnostics: Diagnostics): void {
  const eventStartDay = utcToZoned(startUtc, timezone).slice(0, 10);
  const eventEndDay = utcToZoned(new Date(endUtc.getTime() - 1), timezone).slice(0, 10);
  e.value.program?.forEach((item, i) => {
    const base = ['program', i];
    const speaker = item.speaker;
    if (typeof speaker === 'string') people.require(speaker, e, [...base, 'speaker']);
    else if (speaker?.person) people.require(speaker.person, e, [...base, 'speaker', 'person']);

    const check = (field: 'start' | 'end', value: string) => {
      let outside: 'before' | 'after' | undefined;
      if (hasTimeOfDay(value)) {
        const t = zonedToUtc(value, timezone).getTime();
        if (t < startUtc.getTime()) outside = 'before';
        // An item may end when the event ends, and start no later than that.
        else if (t > endUtc.getTime() || (field === 'start' && t >= endUtc.getTime())) outside = 'after';
      } else {
        const day = value.slice(0, 10);
        if (day < eventStartDay) outside = 'before';
        else if (day > eventEndDay) outside = 'after';
      }
      if (!outside) return false;
      const verb = field === 'start' ? 'starts' : 'ends';
      const bound = outside === 'before' ? `before the event starts (${utcToZoned(startUtc, timezone).replace('T', ' ')})` : `after the event ends (${utcToZoned(endUtc, timezone).replace('T', ' ')})`;
      diagnostics.warning(e.file, e.locate([...base, field]), 'resolve/program-outside-event', `the program item "${item.title}" ${verb} ${bound}`, {
        path: [...base, field],
        input: value,
        hint:
          outside === 'after' && !e.value.end
            ? 'give the event an `end`: without one it lasts the series\' `duration` from its start.'
            : 'check the date of the item and the `start` and `end` of the event.',
      });
      return true;
    };
    if (!check('start', item.start) && item.end) {
      if (!check('end', item.end) && hasTimeOfDay(item.start) && hasTimeOfDay(item.end) && zonedToUtc(item.end, timezone) <= zonedToUtc(item.start, timezone)) {
        diagnostics.error(e.file, e.locate([...base, 'end']), 'resolve/end-before-start', `the program item "${item.title}" ends (${item.end}) before it starts (${item.start})`, {
          path: [...base, 'end'],
          hint: 'check the date and the time of day of `end`; times are read on a 24-hour clock.',
        });
      }
    }
  });
}
