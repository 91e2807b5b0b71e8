/** Dates, times and addresses as a reader expects to see them, in the page's language. */
import type { SeminarEvent } from '../../resolve/graph.js';
import type { Site } from './context.js';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2012" -> "2012"; "2012-09" -> "Sep 2012" (2012年9月); "2025-07-23" -> "23 Jul 2025". */
export function partialDate(site: Site, date: string | undefined): string {
  if (!date) return '';
  if (date === 'present') return site.t.present;
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (!m) return String(y);
  // English keeps its three-letter months (Intl's en-GB writes "Sept"); every other language is written by Intl.
  if (site.t.locale.startsWith('en')) return d ? `${d} ${SHORT_MONTHS[m - 1]} ${y}` : `${SHORT_MONTHS[m - 1]} ${y}`;
  return dateFormat(site.t.locale, d ? 'day' : 'month').format(Date.UTC(y, m - 1, d ?? 1));
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and kind, made once: "2012年9月", "Sept. 2012", "mer. 23 juillet 2025". */
function dateFormat(locale: string, kind: 'month' | 'day' | 'long' | 'weekday'): Intl.DateTimeFormat {
  const key = `${locale} ${kind}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'month'
        ? { year: 'numeric', month: 'short' }
        : kind === 'day'
          ? { year: 'numeric', month: 'short', day: 'numeric' }
          : kind === 'long'
            ? { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }
            : { weekday: 'short' };
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

/** "Sep 2012 – Jul 2018", "Dec 2021 – present", "2019" (a single date), "" when neither is known. */
export function dateRange(site: Site, start: string | undefined, end: string | undefined): string {
  if (!start && !end) return '';
  if (!end) return partialDate(site, start);
  if (!start) return partialDate(site, end);
  if (start === end) return partialDate(site, start);
  return `${partialDate(site, start)} – ${partialDate(site, end)}`;
}

/** Years only: "2019–2022", "2021–" for the group page. */
export function yearRange(start: string | undefined, end: string | undefined, present: string): string {
  const a = start?.slice(0, 4);
  const b = end === 'present' ? present : end?.slice(0, 4);
  if (a && b) return a === b ? a : `${a}–${b}`;
  if (a) return `${a}–`;
  return b ?? '';
}

/** "Wed 23 July 2025" / "2025年7月23日（周三）", from a local "YYYY-MM-DD...". */
export function longDate(site: Site, local: string): string {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  const locale = site.t.locale;
  const at = Date.UTC(y, m - 1, d);
  // English and Chinese as vita always wrote them ("Wed 23 July 2025", "2025年7月23日（周三）"); others by Intl.
  if (locale.startsWith('en')) return dateFormat(locale, 'long').format(at).replace(',', '');
  if (locale.startsWith('zh')) return `${y}年${m}月${d}日（${dateFormat(locale, 'weekday').format(at)}）`;
  return dateFormat(locale, 'long').format(at);
}

/**
 * When a seminar takes place, in the event's own time zone and labelled with it, as its poster says:
 * "Wed 23 July 2025, 10:30–11:30 (Asia/Shanghai)". An event over several days names both dates.
 */
export function eventTime(site: Site, event: SeminarEvent): string {
  const startDay = event.startLocal.slice(0, 10);
  const endDay = event.endLocal.slice(0, 10);
  const startTime = event.startLocal.slice(11, 16);
  const endTime = event.endLocal.slice(11, 16);
  const zone = site.lang.startsWith('zh') ? `（${event.timezone}）` : ` (${event.timezone})`;
  const sep = site.lang.startsWith('zh') ? ' ' : ', ';
  if (startDay === endDay) return `${longDate(site, startDay)}${sep}${startTime}–${endTime}${zone}`;
  return `${longDate(site, startDay)}${sep}${startTime} – ${longDate(site, endDay)}${sep}${endTime}${zone}`;
}

/** "leiwu@math.pku.edu.cn" -> "leiwu (at) math (dot) pku (dot) edu (dot) cn", as seed 000 shows it. */
export function obfuscateEmail(email: string, at = ' (at) ', dot = ' (dot) '): string {
  const [user, domain = ''] = email.split('@') as [string, string?];
  return `${user}${at}${domain.split('.').join(dot)}`;
}

/** "300000 CNY" -> "¥300,000"; other currencies keep their code: "USD 5,000" -> "$5,000". */
export function money(amount: { value: number; currency: string }): string {
  const symbols: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
  const n = amount.value.toLocaleString('en-US');
  const symbol = symbols[amount.currency];
  return symbol ? `${symbol}${n}` : `${amount.currency} ${n}`;
}

/** An ISO date for <time datetime>, from a partial date. */
export function isoDate(date: string): string {
  return date;
}
