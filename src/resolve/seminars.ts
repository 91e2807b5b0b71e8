/** Seminar series and their events: inherited defaults, times in their zone, speakers linked to people. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { EventInput, SeriesInput } from '../schema/index.js';
import type { Located } from '../validate/index.js';
import { closest } from '../validate/suggest.js';
import type { SeminarEvent, Series, Speaker } from './graph.js';
import { localized, type PeopleDirectory } from './people.js';
import { addMinutes, isTimeZone, normalizeLocal, zonedToUtc } from './time.js';

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
    const startLocal = normalizeLocal(v.start);
    const endLocal = v.end ? normalizeLocal(v.end) : addMinutes(startLocal, parent.duration);
    const startUtc = zonedToUtc(startLocal, timezone);
    const endUtc = zonedToUtc(endLocal, timezone);
    if (endUtc.getTime() <= startUtc.getTime()) {
      diagnostics.error(e.file, e.locate(['end']), 'resolve/end-before-start', `the event ends (${v.end}) before it starts (${v.start})`, {
        hint: 'check the date and the time of day of `end`; times are read on a 24-hour clock.',
      });
    }
    const written = v.speakers ?? (v.speaker ? [v.speaker] : []);
    const speakers: Speaker[] = written.map((s, i) => {
      const path = v.speakers ? ['speakers', i] : ['speaker'];
      if (typeof s === 'string') return people.require(s, e, path) ? { name: people.names.get(s)!, person: s } : { name: s };
      const base = s.person && people.require(s.person, e, [...path, 'person']) ? { person: s.person, name: people.names.get(s.person)! } : {};
      const name = s.name ? localized(s.name, languages).main : undefined;
      return { ...base, name: name ?? base.name ?? '', honorific: s.honorific, affiliation: s.affiliation, url: s.homepage, homepage: s.homepage, photo: s.photo, bio: s.bio };
    });
    const { speaker: _one, speakers: _many, ...rest } = v;
    const id = `${seriesId}/${e.id}`;
    events.set(id, {
      ...rest,
      id,
      series: seriesId,
      file: e.file,
      speakers,
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
  diagnostics.error(at.file, at.locate(['timezone']), 'resolve/unknown-timezone', `"${zone}" is not a time zone`, {
    hint: 'use an IANA name such as "Asia/Shanghai", "Europe/Paris" or "America/New_York".',
  });
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
