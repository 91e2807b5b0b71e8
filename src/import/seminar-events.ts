/**
 * Talks of a seminar, as any seminar source reads them (a calendar feed, talk pages, a data file), made into one
 * vita series and its events: speakers told apart from titles ("Speaker (Affiliation) - Title"), times kept as the
 * wall clock of their zone, ids from the day and the speaker, and every talk that cannot be an event counted with why.
 */
import { isTimeZone, utcToZoned } from '../resolve/time.js';
import { isReadableUrl, isSafeUrl, type EventInput, type SeriesInput } from '../schema/index.js';
import { leaveOut, note, type ImportBundle, type Origin } from './bundle.js';
import { compact, htmlToMarkdown, safeUrl, shortHash, slug, uniqueId } from './text.js';

export interface TalkSpeaker {
  name: string;
  affiliation?: string;
  homepage?: string;
  honorific?: string;
}

/** One talk as a source gives it, before it is an event. */
export interface SeminarTalk {
  title?: string;
  speakers: TalkSpeaker[];
  /** Wall-clock "YYYY-MM-DD HH:MM" (or a day, "YYYY-MM-DD") in `timezone`, or the series' zone when unset. */
  start?: string;
  end?: string;
  timezone?: string;
  location?: string;
  online?: string;
  abstract?: string;
  bio?: string;
  status?: 'scheduled' | 'cancelled' | 'postponed';
  /** The talk's own links as the source writes them (checked here: only web addresses are carried). */
  page?: string;
  slides?: string;
  video?: string;
  paper?: string;
  origin: Origin;
}

export interface SeriesFacts {
  id: string;
  name: string;
  /** Who hosts it; the series' name when the source does not say (and a note asks for it). */
  host?: string;
  timezone: string;
  description?: string;
  url?: string;
  origin: Origin;
}

/** Adds the talks to the bundle as events of one series; talks that cannot be events are counted with why. */
export function addSeminarEvents(bundle: ImportBundle, facts: SeriesFacts, talks: SeminarTalk[]): void {
  const ready: (SeminarTalk & { title: string; start: string })[] = [];
  for (const talk of talks) {
    talk.speakers ??= [];
    if (!talk.title) {
      leaveOut(bundle, 'events', 'no title');
      note(bundle, 'warning', talk.origin, 'event-skipped', 'a talk without a title was not imported', 'give it a title in the source, or add it by hand.');
    } else if (!talk.start) {
      leaveOut(bundle, 'events', 'no date');
      note(bundle, 'warning', talk.origin, 'event-skipped', `the talk "${talk.title}" has no date it could be read from; it was not imported`, 'give it a date (YYYY-MM-DD, and a time HH:MM) in the source.');
    } else ready.push(talk as SeminarTalk & { title: string; start: string });
  }
  if (!ready.length) return;
  const venue = sharedVenue(ready);
  const seriesValue: Omit<SeriesInput, '$schema'> = compact({
    name: facts.name,
    host: { name: facts.host ?? facts.name },
    description: facts.description,
    timezone: facts.timezone,
    duration: usualDuration(ready) ?? 60,
    venue,
    url: safeUrl(facts.url),
  }) as Omit<SeriesInput, '$schema'>;
  if (!facts.host) note(bundle, 'info', facts.origin, 'series-host', `the source does not say who hosts "${facts.name}": the series' name stands in for it`, `set host in seminars/${facts.id}/series.yaml (the poster and the calendar show it).`);
  const taken = new Set<string>();
  for (const talk of ready) {
    const speakers = talk.speakers.map(speakerValue);
    const zone = talk.timezone && talk.timezone !== facts.timezone ? talk.timezone : undefined;
    const place = venueOf(talk);
    const value = compact({
      title: talk.title,
      ...(speakers.length === 1 ? { speaker: speakers[0] } : { speakers }),
      start: talk.start,
      end: talk.end && talk.end > talk.start ? talk.end : undefined,
      timezone: zone,
      venue: place && !(venue && place.name === venue.name && !place.online) ? place : undefined,
      abstract: talk.abstract,
      bio: talk.bio,
      status: talk.status && talk.status !== 'scheduled' ? talk.status : undefined,
      links: talkLinks(bundle, talk),
    }) as Omit<EventInput, '$schema'>;
    const who = slug(talk.speakers[0]?.name ?? '', 30) || slug(talk.title, 30) || shortHash(`${talk.speakers[0]?.name ?? ''}${talk.title}`);
    const id = uniqueId(`${talk.start.slice(0, 10)}-${who}`, taken);
    bundle.events.push({ series: facts.id, seriesValue, id, value, origin: talk.origin });
  }
}

const LINK_WORDS = { page: 'page', slides: 'slides', video: 'video', paper: 'paper' } as const;

/**
 * The talk's links that are web addresses. A path of the site ("/files/slides.pdf", Hugo's `url: /talks/x/`) names
 * a file or page vita does not have, and a javascript: or data: link is no link: neither is carried, and a note says so.
 */
function talkLinks(bundle: ImportBundle, talk: SeminarTalk): EventInput['links'] {
  const links: NonNullable<EventInput['links']> = {};
  for (const kind of ['page', 'slides', 'video', 'paper'] as const) {
    const written = talk[kind]?.trim();
    if (!written) continue;
    const safe = safeUrl(written);
    const web = safe && /^(https?:\/\/|doi:)/i.test(safe) && isSafeUrl(safe) && isReadableUrl(safe) ? safe : undefined;
    if (web) {
      links[kind] = web;
      continue;
    }
    const why = /^[a-z][a-z0-9+.-]*:/i.test(written) ? 'is not a link vita publishes (only http(s) addresses are)' : 'is a path of the source site, not a web address';
    note(bundle, 'info', talk.origin, 'event-links', `the ${LINK_WORDS[kind]} link "${written.slice(0, 80)}" of the talk "${talk.title}" ${why}: not carried`, `give its full address (https://...) as links.${kind} in the event, or copy the file into the project and give its path.`);
  }
  return Object.keys(links).length ? links : undefined;
}

function speakerValue(s: TalkSpeaker): NonNullable<EventInput['speaker']> {
  return compact({ name: s.name, honorific: s.honorific, affiliation: s.affiliation, homepage: safeUrl(s.homepage) });
}

function venueOf(talk: SeminarTalk): { name: string; online?: string } | undefined {
  const online = safeUrl(talk.online);
  if (talk.location) return compact({ name: talk.location, online });
  return online ? { name: 'Online', online } : undefined;
}

/** The room every located talk shares: the series' venue (then events need not repeat it). */
function sharedVenue(talks: SeminarTalk[]): { name: string } | undefined {
  const rooms = new Set(talks.map((t) => t.location).filter((l): l is string => !!l));
  const located = talks.filter((t) => t.location).length;
  return rooms.size === 1 && located === talks.length ? { name: [...rooms][0]! } : undefined;
}

/** The length most talks have, in minutes, when the source gives ends. */
function usualDuration(talks: (SeminarTalk & { start: string })[]): number | undefined {
  const counts = new Map<number, number>();
  for (const t of talks) {
    if (!t.end || t.start.length < 16 || t.end.length < 16) continue;
    const minutes = (Date.parse(`${t.end.replace(' ', 'T')}Z`) - Date.parse(`${t.start.replace(' ', 'T')}Z`)) / 60000;
    if (minutes > 0 && minutes <= 24 * 60) counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

// ---------------------------------------------------------------------------------------------------------------------
// Speakers and titles

const NOT_A_NAME = /\b(seminar|colloquium|talk|lecture|workshop|meeting|series|session|day|course|reading|group|tutorial|keynote|panel|special|cancel+ed|postponed|no seminar|break|holiday|opening|welcome|discussion|part|update|announcement|invited|guest|speaker|tba|tbd|abstract|title|room|online|zoom|journal|club|lunch|coffee)\b/i;
const TITLE_WORD = /^(deep|learning|neural|networks?|theory|optimal|random|quantum|stochastic|introduction|survey|models?|analysis|methods?|data|algebra|geometry|topology|dynamics|equations?|systems?|graphs?|matrices|matrix|functions?|spaces?|groups?|numbers?|operators?|problems?|applications?|advances|recent|towards?|beyond|on|the|of|and|for|in|with|inference|estimation|optimization|transport|machine|language|statistical|bayesian|linear|nonlinear|convex|discrete|continuous|algebraic|differential|partial|physics|chemistry|biology|control|vision|robotics|computing|computation|complexity|algorithms?|proofs?|logic)$/i;
const PARTICLE = /^(de|del|della|der|di|da|dos|du|van|von|le|la|bin|al|y|zu|ten|ter)$/;
const HONORIFIC = /^((?:Prof|Dr|Professor|Mr|Ms|Mrs|Assoc\. Prof|Asst\. Prof)\.?)\s+/;

/** A person's name as seminar listings write one: two to five capitalised words (initials allowed), or 2-4 Han/Hangul/kana characters. */
export function looksLikeName(text: string): boolean {
  const t = text.trim().replace(HONORIFIC, '');
  if (/^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}・·\s]{2,8}$/u.test(t)) return !/(讨论班|研讨|报告|讲座|会议|取消|세미나|セミナー)/.test(t);
  if (t.length > 60 || /\d|[!?;"“”]/.test(t) || NOT_A_NAME.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  // "Deep Learning: A Survey" is a title: words of titles, and endings no family name has.
  if (words.some((w) => TITLE_WORD.test(w) || /(?:tion|sion|ity|ness|ics|ment|ism|ogy|phy|ies)$/i.test(w))) return false;
  return words.every((w) => PARTICLE.test(w) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}

/** "Prof. Jane Doe (ENS Paris)" -> the name, the honorific and the affiliation. */
export function speakerFrom(text: string): TalkSpeaker | undefined {
  let t = text.replace(/\s+/g, ' ').trim();
  let affiliation: string | undefined;
  const paren = /^(.*?)\s*[(（]([^()（）]+)[)）]$/.exec(t) ?? /^(.*?),\s+(.+)$/.exec(t);
  // "Kenji Sato (佐藤健二)": the name in another script, not an affiliation; kept as written.
  const otherScript = paren && /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}\p{Script=Hiragana}\s]+$/u.test(paren[2]!) !== /[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]/u.test(paren[1]!);
  if (paren && otherScript && looksLikeName(paren[1]!) && !paren[0].includes(',')) return compact({ name: t.replace(HONORIFIC, ''), honorific: HONORIFIC.exec(t)?.[1] });
  if (paren && looksLikeName(paren[1]!)) {
    t = paren[1]!;
    affiliation = paren[2]!.trim();
  }
  const honorific = HONORIFIC.exec(t)?.[1];
  const name = t.replace(HONORIFIC, '').trim();
  if (!looksLikeName(name)) return undefined;
  return compact({ name, honorific, affiliation });
}

/** Several speakers in one line: "A (X) and B (Y)", "A, B & C", "张三、李四". */
export function speakersFrom(text: string): TalkSpeaker[] | undefined {
  const one = speakerFrom(text);
  if (one) return [one];
  const parts = text.split(/\s+(?:and|&)\s+|;\s*|、|\s*,\s+(?![^()]*\))/);
  if (parts.length < 2) return undefined;
  const all = parts.map(speakerFrom);
  return all.every((s): s is TalkSpeaker => !!s) ? all : undefined;
}

/**
 * A calendar's one line split into its speaker and title: "Jane Doe: Title", "Jane Doe (ENS) - Title",
 * "张三：标题". A line that does not start with a name is all title ("Seminar: Deep learning" is not a talk by Seminar).
 */
export function splitSummary(summary: string): { title: string; speakers: TalkSpeaker[] } {
  const text = summary.replace(/\s+/g, ' ').trim();
  const split = splitSpeaker(text);
  if (split.speakers.length) return split;
  // "ML Seminar: Jane Doe - Title": the series' name before the speaker.
  const prefix = /^[^:：]{1,60}\b(?:seminar|colloquium|lecture|talk|workshop|series|讨论班|研讨会|セミナー)\s*[:：]\s*/i.exec(text);
  const rest = prefix ? splitSpeaker(text.slice(prefix[0].length)) : undefined;
  return rest?.speakers.length ? rest : split;
}

function splitSpeaker(text: string): { title: string; speakers: TalkSpeaker[] } {
  for (const m of text.matchAll(/\s*(?:[:：]|\s[-–—|]|—|–)\s*/g)) {
    const head = text.slice(0, m.index);
    const rest = text.slice(m.index + m[0].length).trim();
    if (!rest || /^[(（]/.test(rest)) continue;
    const speakers = speakersFrom(head);
    if (speakers) return { title: rest, speakers };
    // "Title - Speaker (Affiliation)" as some sites write it: a name after the dash, with an affiliation.
    const after = speakersFrom(rest);
    if (after && after.every((s) => s.affiliation) && !/[:：]/.test(m[0])) return { title: head.trim(), speakers: after };
  }
  return { title: text, speakers: [] };
}

/** "CANCELLED: Title", "[Cancelled] Title", "Title (postponed)": the status and the title without the mark. */
export function statusFromTitle(title: string): { title: string; status?: 'cancelled' | 'postponed' } {
  const mark = /^\s*[[(]?\s*(cancel+ed|postponed|abgesagt|annulé|取消|已取消)\s*[\])]?\s*[:：-]?\s*|\s*[[(]\s*(cancel+ed|postponed)\s*[\])]\s*$/i.exec(title);
  if (!mark) return { title };
  const word = (mark[1] ?? mark[2] ?? '').toLowerCase();
  return { title: title.replace(mark[0], ' ').trim(), status: word.startsWith('postponed') ? 'postponed' : 'cancelled' };
}

/**
 * An abstract as a description gives it: HTML made Markdown, a leading "Speaker: ..." line taken as the speakers
 * (Indico writes them so), an "Abstract:" label dropped.
 */
export function abstractFrom(description: string | undefined): { abstract?: string; speakers?: TalkSpeaker[] } {
  if (!description?.trim()) return {};
  let text = /<\/?[a-z][^>]*>/i.test(description) ? htmlToMarkdown(description) : description.replace(/\r\n?/g, '\n').trim();
  let speakers: TalkSpeaker[] | undefined;
  const lead = /^\s*\**(?:speakers?|presenters?|报告人|主讲人)\**\s*[:：]\s*\**(.+?)\**\s*(?:\n|$)/i.exec(text);
  if (lead) {
    speakers = speakersFrom(lead[1]!);
    if (speakers) text = text.slice(lead[0].length);
  }
  text = text.replace(/^\s*\**(?:abstract|摘要)\**\s*[:：]\s*/i, '').trim();
  return compact({ abstract: text || undefined, speakers });
}

// ---------------------------------------------------------------------------------------------------------------------
// Times

/** A zone name as calendars write it, as IANA knows it: "/freeassociation.sourceforge.net/Europe/Paris" -> "Europe/Paris". */
export function ianaZone(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const trimmed = name.trim().replace(/^"|"$/g, '');
  if (isTimeZone(trimmed) && /\//.test(trimmed)) return trimmed;
  const tail = /([A-Z][A-Za-z_]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)$/.exec(trimmed)?.[1];
  if (tail && isTimeZone(tail)) return tail;
  if (trimmed === 'UTC' || trimmed === 'GMT' || trimmed === 'Etc/UTC') return 'UTC';
  return undefined;
}

/** An instant as the wall clock of a zone shows it, "YYYY-MM-DD HH:MM". */
export function wallClock(instant: Date, zone: string): string {
  return utcToZoned(instant, zone).replace('T', ' ');
}
