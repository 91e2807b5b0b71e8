/** Building blocks shared by every record kind: dates, localised text, links, amounts. */
import { z } from 'zod';

/** A calendar date as researchers write it: a year, a month or a day, or "present" for an open end. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What is wrong with a date or date and time that has the right shape but names no day or time on a calendar
 * ("2018-02-30", "2025-13-45", "2025-07-23 23:75"), in words; undefined when it is a real one or not date-shaped.
 * A date is never moved to the nearest real one: `Date` would read 2018-02-30 as March 2.
 */
export function calendarProblem(text: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
  if (month !== undefined && (month < 1 || month > 12)) return `there is no month ${m[2]} (months run from 01 to 12)`;
  if (day !== undefined && month !== undefined) {
    const days = daysIn(year!, month);
    if (day < 1 || day > days) return day < 1 ? `there is no day ${m[3]}` : `${MONTHS[month - 1]} ${year} has ${days} days`;
  }
  if (hour !== undefined && hour > 23) return `there is no hour ${m[4]} (hours run from 00 to 23; midnight at the end of a day is 00:00 of the next)`;
  if (minute !== undefined && minute > 59) return `there is no minute ${m[5]} (minutes run from 00 to 59)`;
  if (second !== undefined && second > 59) return `there is no second ${m[6]} (seconds run from 00 to 59)`;
  return undefined;
}

/** A date of the form YYYY, YYYY-MM or YYYY-MM-DD that is on the calendar. */
export function isPartialDate(text: string): boolean {
  return DATE_PATTERN.test(text) && calendarProblem(text) === undefined;
}

export const PartialDate = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine((v) => isPartialDate(v), { message: 'vita:date' })
  .describe('A date: YYYY, YYYY-MM or YYYY-MM-DD.')
  .meta({ examples: ['2018', '2018-07', '2018-07-01'] });

/** Text that YAML may read as a number (`volume: 34`, `pages: 12`): taken as the text it was written as. */
export const NumberText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v));

export const DateOrPresent = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine((v) => v === 'present' || isPartialDate(v), { message: 'vita:date-or-present' })
  .describe('A date (YYYY, YYYY-MM or YYYY-MM-DD) or "present".')
  .meta({ examples: ['2021-12', 'present'] });

/** Text that may be given once, or per language: `{en: Lei Wu, zh: 吴磊}`. */
export const Localized = z
  .union([z.string(), z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/), z.string())])
  .describe('Text, or the same text in several languages keyed by language code ({en: ..., zh: ...}).');

export const Url = z
  .string()
  .refine((v) => isSafeUrl(v), { message: 'vita:url' })
  .refine((v) => isReadableUrl(v), { message: 'vita:web-address' })
  .describe('A web address (https://..., mailto:...) or a path inside the project.');

/** Links are checked for unsafe schemes here, once, so no renderer has to. */
export function isSafeUrl(v: string): boolean {
  const s = v.trim();
  if (s === '') return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s);
  if (!scheme) return !/^[\u0000-\u001f]/.test(s);
  return ['http', 'https', 'mailto', 'webcal', 'tel', 'doi'].includes(scheme[1]!.toLowerCase());
}

/** A web address that a browser can read: "https://exa mple.org" or "https://[x" cannot be, and no page could link to it. */
export function isReadableUrl(v: string): boolean {
  const s = v.trim();
  if (!/^(https?|webcal):/i.test(s)) return true;
  return URL.canParse(s);
}

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'vita:id' })
  .describe('An identifier: lower-case letters, digits and hyphens, e.g. "lei-wu".');

/** Money as awards and grants state it: 300000 CNY. */
export const Amount = z
  .object({
    value: z.number().nonnegative().describe('The sum, in units of the currency.'),
    currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 code: CNY, USD, EUR ...'),
  })
  .strict()
  .describe('An amount of money.');

/** A person mentioned in a record: an id of a person in the project, or a name of someone outside it. */
export const PersonRef = z
  .union([
    z.string().describe('A person id of the project ("weinan-e") or a plain name ("Guang Lin").'),
    z
      .object({
        person: Id.optional().describe('Id of a person in the project.'),
        name: z.string().optional().describe('Name of a person outside the project.'),
        honorific: z.string().optional().describe('"Prof.", "Dr."'),
        affiliation: z.string().optional(),
        url: Url.optional(),
      })
      .strict(),
  ])
  .describe('A person: an id in the project, or a name.');

export const ProfileLinks = z
  .object({
    scholar: Url.optional().describe('Google Scholar profile.'),
    github: Url.optional(),
    orcid: Url.optional().describe('ORCID iD as its address (https://orcid.org/0000-...): `vita sync` reads its public works.'),
    dblp: Url.optional().describe('DBLP person page (https://dblp.org/pid/...): `vita sync` reads its publications.'),
    openalex: Url.optional().describe('OpenAlex author (https://openalex.org/A...): `vita sync` reads its works.'),
    openreview: Url.optional(),
    arxiv: Url.optional(),
    twitter: Url.optional(),
    linkedin: Url.optional(),
    cv: Url.optional().describe('A CV PDF kept by hand; vita links its own CV when none is given.'),
  })
  .catchall(Url)
  .describe('Profile links, by service name.');

export type PartialDate = z.output<typeof PartialDate>;
export type LocalizedText = z.output<typeof Localized>;
export type PersonRefInput = z.output<typeof PersonRef>;
