/**
 * iCalendar text through the `ics` package, which escapes TEXT values (\ ; , and line breaks) and lays out
 * the VCALENDAR, plus two fixes vita needs:
 *
 * - Folding by octets. `ics` folds every 75 *characters*; RFC 5545 (3.1) says 75 *octets*, so a line of
 *   Chinese text (3 octets a character) would be three times too long for strict readers. We unfold what
 *   `ics` wrote and fold again at 75 octets, never inside a UTF-8 sequence, continuing with one space.
 * - No clock, no randomness: `ics` defaults DTSTAMP to `Date.now()` and UID to a random id; every event
 *   here passes both, so the same record gives the same bytes.
 */
import { createEvent, createEvents, type EventAttributes, type HeaderAttributes } from 'ics';

export type { EventAttributes } from 'ics';

export interface CalendarHeader {
  /** X-WR-CALNAME: the name a calendar program gives a subscribed feed. */
  name?: string;
  /** X-WR-CALDESC. */
  description?: string;
}

export const PRODUCT_ID = '-//vita//Seminars and talks//EN';

/** Removes characters iCalendar TEXT may not hold (controls other than tab and line feed). */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** TEXT escaping (RFC 5545 3.3.11), for the header lines `ics` writes without it. */
export function escapeIcsText(text: string): string {
  return cleanText(text).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

/** A parameter value (CN=...) may not hold a double quote, and `ics` would write `\"`, which is not one either. */
export function paramSafe(text: string): string {
  return cleanText(text).replace(/"/g, "'").replace(/\n/g, ' ');
}

/** One content line folded at 75 octets (RFC 5545 3.1), continuation lines starting with a space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Unfolds `ics` output and folds it again by octets. */
function refold(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A VCALENDAR with the given events, in the given order. Throws on a value `ics` rejects (a bug in vita). */
export function buildCalendar(events: EventAttributes[], header: CalendarHeader = {}): string {
  const attrs: HeaderAttributes = { productId: PRODUCT_ID, method: 'PUBLISH' };
  if (header.name) attrs.calName = escapeIcsText(header.name);
  const { error, value } = createEvents(events, attrs);
  if (error || value === null) throw new Error(`cannot write the calendar: ${error?.message ?? 'no output'}`);
  let text = value;
  if (header.description) {
    // Right after the calendar name (or the PRODID/METHOD lines), before the first event.
    const at = text.indexOf('X-PUBLISHED-TTL:');
    const line = `X-WR-CALDESC:${escapeIcsText(header.description)}\r\n`;
    text = at >= 0 ? text.slice(0, at) + line + text.slice(at) : text;
  }
  return refold(text);
}

const accepted = new Map<string, boolean>();

/**
 * Whether `ics` accepts a URL (its pattern is stricter than the record's: no "_" in host names, for one).
 * A link it refuses is left out of the URL property rather than failing the whole calendar.
 */
export function icsAcceptsUrl(url: string): boolean {
  let ok = accepted.get(url);
  if (ok === undefined) {
    ok = createEvent({ start: [2000, 1, 1], end: [2000, 1, 2], uid: 'probe', timestamp: '20000101T000000Z', url } as EventAttributes).error === null;
    accepted.set(url, ok);
  }
  return ok;
}

/** Whether `ics` accepts an e-mail address for ORGANIZER. */
export function icsAcceptsEmail(email: string): boolean {
  const key = `mailto:${email}`;
  let ok = accepted.get(key);
  if (ok === undefined) {
    ok = createEvent({ start: [2000, 1, 1], end: [2000, 1, 2], uid: 'probe', timestamp: '20000101T000000Z', organizer: { name: 'x', email } } as EventAttributes).error === null;
    accepted.set(key, ok);
  }
  return ok;
}

/** [y, m, d, h, min] of a UTC instant, for `ics` with `startInputType: 'utc'`. */
export function utcArray(iso: string): [number, number, number, number, number] {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/** [y, m, d] of a calendar date "YYYY-MM-DD" (a VALUE=DATE). */
export function dateArray(date: string): [number, number, number] {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The calendar date after "YYYY-MM-DD". */
export function nextDate(date: string): string {
  const [y, m, d] = dateArray(date);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
