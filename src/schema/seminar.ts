/** Seminar and colloquium series and their events. */
import { z } from 'zod';
import { calendarProblem, Id, Localized, PartialDate, PersonRef, Url } from './common.js';

/** A date and time of day as written on a poster: "2025-07-23 10:30" (in the event's time zone). */
export const DateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/, { message: 'vita:datetime' })
  // The right shape, and a day and time a calendar and a clock have: 2025-02-30 or 23:75 is never moved.
  .refine((v) => calendarProblem(v) === undefined, { message: 'vita:datetime' })
  .describe('Local date and time, "YYYY-MM-DD HH:MM", read in the event\'s time zone.');

export const TimeZone = z.string().describe('IANA time zone: "Asia/Shanghai", "America/New_York".');

export const Venue = z
  .object({
    name: z.string().describe('"Rm 102, SCMS".'),
    address: z.string().optional(),
    online: Url.optional().describe('Link to join online.'),
  })
  .strict();

export const Series = z
  .object({
    $schema: z.string().optional(),
    name: Localized,
    short: z.string().optional(),
    host: z
      .object({
        name: Localized,
        address: z.string().optional(),
        phone: z.string().optional(),
        fax: z.string().optional(),
        postcode: z.string().optional(),
        email: z.string().email().optional(),
        url: Url.optional(),
      })
      .strict(),
    logo: z.string().optional(),
    description: z.string().optional(),
    venue: Venue.optional().describe('Default venue of its events.'),
    timezone: TimeZone.default('UTC'),
    duration: z.number().int().positive().default(60).describe('Default length of a talk, in minutes.'),
    organizers: z.array(PersonRef).optional(),
    url: Url.optional(),
  })
  .strict();

export const Speaker = z.union([
  Id.describe('Id of a person in the project.'),
  z
    .object({
      person: Id.optional(),
      name: Localized.optional(),
      honorific: z.string().optional(),
      affiliation: z.string().optional(),
      homepage: Url.optional(),
      photo: z.string().optional(),
      bio: z.string().optional(),
    })
    .strict(),
]);

/** A talk's own addresses elsewhere and its material: web addresses, or files of the project (a PDF of the slides). */
export const EventLinks = z
  .object({
    page: Url.optional().describe("The talk's page elsewhere (Indico, researchseminars.org, the host's site); the calendar entry links it."),
    slides: Url.optional().describe('The slides: a web address, or a file of the project ("seminars/ml/2025-07-23-su/slides.pdf").'),
    video: Url.optional().describe('A recording of the talk.'),
    paper: Url.optional().describe('The paper the talk is about (arXiv, a journal page, or a PDF in the project).'),
  })
  .strict()
  .describe("The talk's links, shown on its page, in the series' list, in its calendar entry and in announcements.");

export const Event = z
  .object({
    $schema: z.string().optional(),
    series: Id.optional().describe('Defaults to the folder the event is in.'),
    title: z.string(),
    speakers: z.array(Speaker).min(1).optional(),
    speaker: Speaker.optional(),
    start: DateTime,
    end: DateTime.optional(),
    timezone: TimeZone.optional().describe('Defaults to the series\' time zone.'),
    venue: Venue.optional(),
    abstract: z.string().optional(),
    bio: z.string().optional().describe('About the speaker (Markdown).'),
    status: z.enum(['scheduled', 'cancelled', 'postponed']).default('scheduled'),
    links: EventLinks.optional(),
    slides: Url.optional().describe('Same as links.slides (the older place for it); links.slides wins when both are given.'),
    video: Url.optional().describe('Same as links.video (the older place for it); links.video wins when both are given.'),
    language: z.string().optional(),
    sequence: z.number().int().nonnegative().optional().describe('Calendar revision; raise it when you change a published event.'),
    program: z
      .array(z.object({ start: DateTime, end: DateTime.optional(), title: z.string(), speaker: Speaker.optional() }).strict())
      .optional()
      .describe('Talks of a multi-day workshop.'),
    date: PartialDate.optional(),
  })
  .strict();

export type SeriesInput = z.output<typeof Series>;
export type EventInput = z.output<typeof Event>;
export type EventLinksInput = z.output<typeof EventLinks>;
