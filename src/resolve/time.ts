/** Wall-clock times in a named time zone, turned into instants with the platform's own time-zone data. */

// Building an Intl formatter costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(tz: string): Intl.DateTimeFormat | null {
  let f = formatters.get(tz);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      f = null;
    }
    formatters.set(tz, f);
  }
  return f;
}

export function isTimeZone(tz: string): boolean {
  return formatterFor(tz) !== null;
}

/** "2025-07-23 10:30" -> "2025-07-23T10:30" (midnight when no time is given). */
export function normalizeLocal(local: string): string {
  const [date, time = '00:00'] = local.trim().split(/[ T]/);
  return `${date}T${time.slice(0, 5)}`;
}

/** Offset of the zone from UTC at a given instant, in minutes. */
function offsetAt(utcMs: number, tz: string): number {
  const parts = formatterFor(tz)!.formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - utcMs) / 60000);
}

const DAY_MS = 86_400_000;

/** Naive "UTC" milliseconds of a wall-clock time: the instant it would be if the zone were UTC. */
function naiveMs(local: string): number {
  const [date, time] = normalizeLocal(local).split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi);
}

/**
 * The instants at which a wall clock in `tz` shows `local`: one on an ordinary day, two when the clocks go
 * back (the hour repeats), none when they go forward (the hour is skipped). Earliest first.
 *
 * The offsets a day before and a day after are the only candidates: no zone changes its offset twice
 * within two days.
 */
function instantsOf(local: string, tz: string): { naive: number; offsetBefore: number; instants: number[] } {
  const naive = naiveMs(local);
  const offsetBefore = offsetAt(naive - DAY_MS, tz);
  const offsetAfter = offsetAt(naive + DAY_MS, tz);
  const instants: number[] = [];
  for (const offset of offsetBefore === offsetAfter ? [offsetBefore] : [offsetBefore, offsetAfter]) {
    const candidate = naive - offset * 60000;
    if (offsetAt(candidate, tz) === offset && !instants.includes(candidate)) instants.push(candidate);
  }
  instants.sort((a, b) => a - b);
  return { naive, offsetBefore, instants };
}

/**
 * The UTC instant of a wall-clock time in a zone. A time that occurs twice (clocks going back) takes the
 * first occurrence; a time that does not exist (clocks going forward) is read with the offset before the
 * change, so it lands that much later: 02:30 on the spring-forward day in New York is 03:30 EDT. This is
 * what Temporal calls the "compatible" disambiguation, and what calendar programs do.
 */
export function zonedToUtc(local: string, tz: string): Date {
  const { naive, offsetBefore, instants } = instantsOf(local, tz);
  return new Date(instants[0] ?? naive - offsetBefore * 60000);
}

/** Whether a wall-clock time exists once in a zone, is skipped (clocks go forward) or repeated (clocks go back). */
export type LocalTimeKind = 'ok' | 'skipped' | 'repeated';

export function localTimeKind(local: string, tz: string): LocalTimeKind {
  const n = instantsOf(local, tz).instants.length;
  return n === 0 ? 'skipped' : n > 1 ? 'repeated' : 'ok';
}

/** The UTC offset of a zone at an instant, as "+08:00" / "-04:00" / "+05:45". */
export function utcOffset(instant: Date, tz: string): string {
  const m = offsetAt(instant.getTime(), tz);
  const sign = m < 0 ? '-' : '+';
  const a = Math.abs(m);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** The wall-clock time in a zone at an instant, "YYYY-MM-DDTHH:MM". */
export function utcToZoned(instant: Date, tz: string): string {
  const shifted = new Date(instant.getTime() + offsetAt(instant.getTime(), tz) * 60000);
  return shifted.toISOString().slice(0, 16);
}

export function addMinutes(local: string, minutes: number): string {
  const [date, time] = normalizeLocal(local).split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi + minutes));
  return t.toISOString().slice(0, 16);
}
