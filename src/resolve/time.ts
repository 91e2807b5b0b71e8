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

/** The UTC instant of a wall-clock time in a zone. Twice-occurring times take the first; skipped times move forward. */
export function zonedToUtc(local: string, tz: string): Date {
  const [date, time] = normalizeLocal(local).split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset even across a daylight-saving change.
  let guess = naive - offsetAt(naive, tz) * 60000;
  guess = naive - offsetAt(guess, tz) * 60000;
  return new Date(guess);
}

export function addMinutes(local: string, minutes: number): string {
  const [date, time] = normalizeLocal(local).split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi + minutes));
  return t.toISOString().slice(0, 16);
}
