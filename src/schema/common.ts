/** Building blocks shared by every record kind: dates, localised text, links, amounts. */
import { z } from 'zod';

/** A calendar date as researchers write it: a year, a month or a day, or "present" for an open end. */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export const PartialDate = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine((v) => DATE_PATTERN.test(v), { message: 'vita:date' })
  .describe('A date: YYYY, YYYY-MM or YYYY-MM-DD.')
  .meta({ examples: ['2018', '2018-07', '2018-07-01'] });

/** Text that YAML may read as a number (`volume: 34`, `pages: 12`): taken as the text it was written as. */
export const NumberText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v));

export const DateOrPresent = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine((v) => v === 'present' || DATE_PATTERN.test(v), { message: 'vita:date-or-present' })
  .describe('A date (YYYY, YYYY-MM or YYYY-MM-DD) or "present".')
  .meta({ examples: ['2021-12', 'present'] });

/** Text that may be given once, or per language: `{en: Lei Wu, zh: 吴磊}`. */
export const Localized = z
  .union([z.string(), z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/), z.string())])
  .describe('Text, or the same text in several languages keyed by language code ({en: ..., zh: ...}).');

export const Url = z
  .string()
  .refine((v) => isSafeUrl(v), { message: 'vita:url' })
  .describe('A web address (https://..., mailto:...) or a path inside the project.');

/** Links are checked for unsafe schemes here, once, so no renderer has to. */
export function isSafeUrl(v: string): boolean {
  const s = v.trim();
  if (s === '') return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s);
  if (!scheme) return !/^[\u0000-\u001f]/.test(s);
  return ['http', 'https', 'mailto', 'webcal', 'tel', 'doi'].includes(scheme[1]!.toLowerCase());
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
    orcid: Url.optional(),
    dblp: Url.optional(),
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
