/**
 * A seminar's website as one series: a page per talk with front matter (Hugo `content/talks/*.md` or
 * `content/event/<talk>/index.md`, Jekyll `_talks/`, `_posts/`), or a data file listing the talks (`_data/*.yml`,
 * `data/*.yaml`, JSON; often split into upcoming and past). The same fields are read from both.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { emptyBundle, note, type ImportBundle, type ImportSource, type Origin } from '../bundle.js';
import { listsTalks, TALK_FOLDERS } from '../detect.js';
import { abstractFrom, addSeminarEvents, ianaZone, speakersFrom, statusFromTitle, wallClock, type SeminarTalk, type TalkSpeaker } from '../seminar-events.js';
import { compact, htmlToMarkdown, isRecord, parseDate, safeUrl, slug, str } from '../text.js';
import { readText } from './bibtex.js';
import { listFiles, parseYaml, readSimpleToml, splitFrontMatter, stripLiquid } from './common.js';

export const seminarSiteSource: ImportSource = {
  kind: 'seminar-site',
  description: "a seminar's site (talk pages with a speaker in their front matter, or a data file listing talks)",
  read: (path) => readSeminarSite(path),
};

export const seminarDataSource: ImportSource = {
  kind: 'seminar-data',
  description: 'a data file listing talks (YAML or JSON: speaker, title, date, abstract)',
  read: (path) => readSeminarData(path),
};

interface SiteFacts {
  title?: string;
  description?: string;
  url?: string;
  timezone?: string;
}

export function readSeminarSite(path: string): ImportBundle {
  const bundle = emptyBundle('seminar-site', slug(basename(path)) || 'seminar');
  if (!statSync(path).isDirectory()) return readSeminarData(path);
  const site = siteFacts(path, bundle);
  const talks: SeminarTalk[] = [];
  let posts = 0;
  for (const dir of TALK_FOLDERS) {
    for (const rel of talkPages(path, dir)) {
      const text = readText(join(path, rel), rel, bundle, path);
      if (text === undefined) continue;
      const doc = splitFrontMatter(text, rel, bundle);
      const data = doc.data;
      const named = SPEAKER_KEYS.some((k) => data[k] !== undefined);
      // A blog post that names no speaker is a post, not a talk.
      if (dir === '_posts' && !named) {
        posts++;
        continue;
      }
      const body = stripLiquid(doc.body).text.trim();
      const fromName = /^(\d{4}-\d{2}-\d{2})-/.exec(basename(rel))?.[1];
      talks.push(talkFrom(data, { file: rel, line: 1 }, site.timezone, bundle, body, fromName));
    }
  }
  if (posts) note(bundle, 'info', { file: '_posts' }, 'posts-not-talks', `${posts} post${posts > 1 ? 's' : ''} of _posts/ name${posts > 1 ? '' : 's'} no speaker: read as news of the site, not talks, and not imported`, 'give a post a `speaker:` in its front matter to import it as a talk.');
  for (const dir of ['_data', 'data']) {
    for (const rel of listFiles(path, dir, ['.yml', '.yaml', '.json'], true)) {
      const text = readText(join(path, rel), rel, bundle, path);
      if (text === undefined || !listsTalks(text.slice(0, 4000))) continue;
      talks.push(...talksOfData(text, rel, site.timezone, bundle));
    }
  }
  finish(bundle, site, talks, basename(path));
  return bundle;
}

export function readSeminarData(path: string): ImportBundle {
  const file = basename(path);
  const bundle = emptyBundle('seminar-data', slug(file.replace(/\.(ya?ml|json)$/i, '')) || 'talks');
  const text = readText(path, file, bundle);
  if (text === undefined) return bundle;
  // A Jekyll or Hugo site's data file: the site's configuration beside _data/ or data/ gives its name and zone.
  const parent = dirname(path);
  const site = /^_?data$/.test(basename(parent)) ? siteFacts(dirname(parent), bundle) : {};
  finish(bundle, site, talksOfData(text, file, site.timezone, bundle), file.replace(/\.(ya?ml|json)$/i, ''));
  return bundle;
}

function finish(bundle: ImportBundle, site: SiteFacts, talks: SeminarTalk[], fallbackName: string): void {
  const name = site.title ?? fallbackName;
  const timezone = site.timezone ?? 'UTC';
  if (talks.length && !site.timezone && talks.some((t) => t.start && t.start.length > 10 && !t.timezone)) {
    note(bundle, 'warning', { file: '' }, 'series-zone', 'the source does not name its time zone: the times are read as written, in UTC', `set timezone in seminars/${slug(name, 40) || bundle.label}/series.yaml (e.g. Europe/Paris), or timezone: in the site's configuration before importing.`);
  }
  addSeminarEvents(bundle, { id: slug(name, 40) || bundle.label, name, timezone, description: site.description, url: site.url, origin: { file: '' } }, talks);
  bundle.title = name;
}

/** Pages of a talk folder: `x.md`, and `x/index.md` (Hugo page bundles); section pages (`_index.md`) are not talks. */
function talkPages(root: string, dir: string): string[] {
  return listFiles(root, dir, ['.md', '.markdown', '.html'], true).filter((rel) => {
    const name = basename(rel);
    if (name.startsWith('_index.')) return false;
    // In a bundle, only its index.md is the page.
    const depth = rel.slice(dir.length + 1).split('/').length;
    return depth === 1 || (depth === 2 && /^index\./.test(name));
  });
}

/** The site's title, description, address and time zone, from Jekyll's _config.yml or Hugo's configuration. */
function siteFacts(root: string, bundle: ImportBundle): SiteFacts {
  for (const rel of ['_config.yml', '_config.yaml', 'hugo.yaml', 'hugo.yml', 'config.yaml', 'config.yml', 'hugo.toml', 'config.toml', 'config/_default/hugo.toml', 'config/_default/config.toml', 'config/_default/hugo.yaml', 'config/_default/config.yaml']) {
    const abs = join(root, rel);
    if (!existsSync(abs) || !statSync(abs).isFile()) continue;
    const text = readText(abs, rel, bundle, root);
    if (text === undefined) continue;
    const data = rel.endsWith('.toml') ? readSimpleToml(text) : parseYaml(text, { file: rel }, bundle);
    if (!isRecord(data)) continue;
    const params = isRecord(data.params) ? data.params : {};
    const zone = str(data.timezone) ?? str(data.timeZone) ?? str(data.timeZone) ?? str(params.timezone) ?? str(params.timeZone);
    if (zone && !ianaZone(zone)) note(bundle, 'warning', { file: rel }, 'series-zone', `"${zone}" is not a time zone vita knows; UTC is assumed`, 'name an IANA zone: Europe/Paris, America/New_York.');
    return compact({ title: str(data.title), description: str(data.description) ?? str(params.description), url: safeUrl(data.url ?? data.baseURL ?? data.baseurl), timezone: ianaZone(zone) });
  }
  return {};
}

/** Every talk of a data file: records with a title or a speaker, wherever the lists are (upcoming, past, per term). */
function talksOfData(text: string, file: string, zone: string | undefined, bundle: ImportBundle): SeminarTalk[] {
  let data: unknown;
  if (/\.json$/i.test(file) || /^\s*[[{]/.test(text)) {
    try {
      data = JSON.parse(text);
    } catch (err) {
      // "... at position 123": the line of that character.
      const at = Number(/position (\d+)/.exec((err as Error).message)?.[1] ?? 0);
      note(bundle, 'error', { file, line: text.slice(0, at).split('\n').length }, 'json-syntax', `the JSON could not be read: ${(err as Error).message}`);
      return [];
    }
  } else data = parseYaml(text, { file }, bundle);
  const out: SeminarTalk[] = [];
  const textLines = text.split('\n');
  let cursor = 0;
  // A talk's line: where its title is, searching on from the last one found.
  const lineOf = (record: Record<string, unknown>): number | undefined => {
    const title = str([...TITLE_KEYS, ...SPEAKER_KEYS].map((k) => record[k]).find((v) => typeof v === 'string'));
    if (!title) return undefined;
    const i = textLines.findIndex((l, n) => n >= cursor && l.includes(title.slice(0, 30)));
    if (i < 0) return undefined;
    cursor = i;
    return i + 1;
  };
  const walk = (value: unknown, inList: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, true);
      return;
    }
    if (!isRecord(value)) return;
    // A talk: a record with a title or a speaker, or a name and a date (a talk whose title is not known yet).
    if (inList && ([...TITLE_KEYS, ...SPEAKER_KEYS].some((k) => value[k] !== undefined) || (value.name !== undefined && DATE_KEYS.some((k) => value[k] !== undefined)))) {
      out.push(talkFrom(value, { file, line: lineOf(value) }, zone, bundle));
      return;
    }
    for (const v of Object.values(value)) walk(v, false);
  };
  walk(data, false);
  return out;
}

const TITLE_KEYS = ['title', 'talk', 'talk_title', 'topic'];
const DATE_KEYS = ['date', 'start', 'datetime', 'when', 'event_date'];
const SPEAKER_KEYS = ['speaker', 'speakers', 'presenter', 'presenters'];

/** One talk from front matter or a data record (`body`: the page's Markdown, its abstract when no field gives one). */
function talkFrom(data: Record<string, unknown>, origin: Origin, siteZone: string | undefined, bundle: ImportBundle, body?: string, dayFromName?: string): SeminarTalk {
  const rawTitle = str(pick(data, TITLE_KEYS));
  const titled = rawTitle ? statusFromTitle(rawTitle) : undefined;
  // In a data file, `name` is the speaker's (a page's `name` is not, when it has a title of its own).
  let speakers = speakersOf(pick(data, [...SPEAKER_KEYS, ...(body === undefined ? ['name'] : [])]));
  const affiliation = str(pick(data, ['affiliation', 'institution', 'university', 'speaker_affiliation', 'organization', 'from']));
  const homepage = str(pick(data, ['speaker_url', 'speaker_homepage', 'homepage', 'website', 'speaker_link']));
  if (speakers.length === 1) speakers = [compact({ ...speakers[0]!, affiliation: speakers[0]!.affiliation ?? affiliation, homepage: speakers[0]!.homepage ?? homepage })];
  const zone = ianaZone(str(pick(data, ['timezone', 'time_zone', 'tz']))) ?? siteZone;
  const time = pick(data, ['time', 'start_time', 'starttime']);
  const endTime = pick(data, ['end_time', 'endtime', 'time_end']) ?? /[-–~]\s*(\d{1,2}(?:[:h.]\d{2})?\s*(?:am|pm)?)\s*$/i.exec(String(time ?? ''))?.[1];
  // A Jekyll post's day is in its file name.
  const start = when(pick(data, DATE_KEYS) ?? dayFromName, time, zone);
  const end = when(pick(data, ['end', 'date_end', 'end_date']) ?? (endTime !== undefined ? start.day : undefined), endTime, zone);
  const described = abstractFrom(str(pick(data, ['abstract', 'description', 'summary'])) ?? (body ? (/<\/?[a-z][^>]*>/i.test(body) ? htmlToMarkdown(body) : body) : undefined));
  if (!speakers.length && described.speakers) speakers = described.speakers;
  const cancelled = data.cancelled === true || data.canceled === true || /^cancel+ed$/i.test(String(data.status ?? ''));
  const postponed = /^postponed$/i.test(String(data.status ?? ''));
  if (start.problem) note(bundle, 'warning', origin, 'event-time', start.problem, 'write the time as HH:MM (24-hour), e.g. 16:00.');
  return compact({
    title: titled?.title,
    speakers,
    start: start.local ?? start.day,
    end: end.local ?? (end.day && end.day !== start.day ? end.day : undefined),
    timezone: start.zone,
    location: str(pick(data, ['location', 'venue', 'room', 'place', 'where'])),
    online: str(pick(data, ['zoom', 'online', 'meeting_url', 'stream', 'livestream'])),
    abstract: described.abstract,
    bio: str(pick(data, ['bio', 'speaker_bio'])),
    status: cancelled ? 'cancelled' : postponed ? 'postponed' : titled?.status,
    // The talk's own page elsewhere (`url` in front matter may be the page's own path on the site: not carried then).
    page: str(pick(data, ['url', 'link', 'talk_url', 'event_url'])),
    slides: str(pick(data, ['slides', 'url_slides'])),
    video: str(pick(data, ['video', 'url_video', 'recording'])),
    paper: str(pick(data, ['paper', 'url_paper', 'url_pdf'])),
    origin,
  }) as SeminarTalk;
}

function pick(data: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) if (data[k] !== undefined && data[k] !== null && data[k] !== '') return data[k];
  return undefined;
}

/** A speaker field: "Jane Doe (ENS)", a list of names, or records {name, affiliation, url}. */
function speakersOf(value: unknown): TalkSpeaker[] {
  const one = (v: unknown): TalkSpeaker[] => {
    if (typeof v === 'string') {
      const t = v.trim();
      return t ? (speakersFrom(t) ?? [{ name: t }]) : [];
    }
    if (isRecord(v)) {
      const name = str(v.name) ?? str(v.speaker);
      if (!name) return [];
      return [compact({ name, affiliation: str(v.affiliation) ?? str(v.institution) ?? str(v.university), homepage: str(v.url) ?? str(v.homepage) ?? str(v.website), honorific: str(v.honorific) })];
    }
    return [];
  };
  return (Array.isArray(value) ? value : [value]).flatMap(one);
}

/**
 * A date and a time as sites write them, as the wall clock of the talk: "2025-03-14" and "16:00" (or "4pm",
 * "4:30 PM", "16h00", "16:00-17:00"), or one "2025-03-14T16:00:00+01:00". A time written with an offset is taken
 * as the site's zone shows it when the site names one; otherwise as written.
 */
function when(date: unknown, time: unknown, zone: string | undefined): { day?: string; local?: string; zone?: string; problem?: string } {
  const raw = date instanceof Date ? date.toISOString() : str(date);
  if (!raw) return {};
  const stamp = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
  if (stamp) {
    const [, day, h, m, offset] = stamp;
    const written = `${day} ${h!.padStart(2, '0')}:${m}`;
    if (offset && zone) {
      const norm = offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
      return { day, local: wallClock(new Date(`${day}T${h!.padStart(2, '0')}:${m}:00${norm}`), zone), zone };
    }
    // Hugo writes midnight when a page gives only a day.
    if (!time && h === '00' && m === '00' && offset !== undefined) return { day };
    return { day, local: timeOn(day!, time) ?? written, zone };
  }
  const day = parseDate(raw);
  if (!day || day === 'present' || day.length < 10) return {};
  const local = timeOn(day, time);
  if (time !== undefined && !local) return { day, zone, problem: `the time "${String(time)}" could not be read; the talk is imported for its day` };
  return { day, local, zone };
}

/** "16:00", "4pm", "4:30 PM", "16h00", "16:00-17:00" (the start) on a day; undefined when there is no time. */
function timeOn(day: string, time: unknown): string | undefined {
  const t = typeof time === 'number' ? `${Math.floor(time / 60)}:${time % 60}` : str(time);
  if (!t) return undefined;
  const m = /^(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i.exec(t.trim());
  if (!m || (!m[2] && !m[3])) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase().replace(/\./g, '');
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
