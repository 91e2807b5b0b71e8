/** A person of the project: identity, contact, career, and everything their CV lists. */
import { z } from 'zod';
import { Amount, DateOrPresent, Id, Localized, PartialDate, PersonRef, ProfileLinks, Url } from './common.js';

export const Affiliation = z
  .object({
    name: Localized.describe('Name of the unit: "School of Mathematical Sciences".'),
    institution: Localized.optional().describe('The institution it belongs to: "Peking University".'),
    url: Url.optional(),
  })
  .strict();

export const Education = z
  .object({
    degree: z.string().describe('"Ph.D.", "B.S.", "Visiting student" ...'),
    field: z.string().optional().describe('"Computational Mathematics".'),
    institution: z.string(),
    department: z.string().optional(),
    place: z.string().optional().describe('"Beijing, China".'),
    start: PartialDate.optional(),
    end: DateOrPresent.optional(),
    kind: z.enum(['degree', 'visit', 'exchange']).default('degree').describe('A degree, or a visiting stay.'),
    advisors: z.array(PersonRef).optional().describe('Advisors or mentors: person ids when they are in the project.'),
    advisorLabel: z.enum(['advisor', 'mentor', 'supervisor']).optional().describe('How the CV names them.'),
    notes: z.array(z.string()).optional().describe('Rankings, GPA and other notes.'),
  })
  .strict();

export const Position = z
  .object({
    title: z.string().describe('"Assistant Professor", "Algorithm Intern".'),
    organization: z.string(),
    department: z.string().optional(),
    place: z.string().optional(),
    start: PartialDate.optional(),
    end: DateOrPresent.optional(),
    kind: z.enum(['academic', 'industry', 'internship', 'visiting', 'other']).default('academic'),
    description: z.string().optional().describe('What the work was (Markdown).'),
    url: Url.optional(),
  })
  .strict();

export const Term = z
  .string()
  .regex(/^(Spring|Summer|Fall|Autumn|Winter) \d{4}$/, { message: 'vita:term' })
  .describe('A teaching term: "Fall 2023".');

export const Teaching = z
  .object({
    course: z.string(),
    role: z.enum(['instructor', 'co-instructor', 'ta', 'guest-lecturer']).describe('Your role in the course.'),
    terms: z.array(Term).min(1).optional().describe('Terms, e.g. ["Fall 2022", "Fall 2023"].'),
    term: Term.optional().describe('A single term; use `terms` for several.'),
    institution: z.string().optional(),
    program: z.string().optional().describe('A summer school or programme the course was part of.'),
    place: z.string().optional(),
    instructor: PersonRef.optional().describe('Who taught it, when you were the TA.'),
    note: z.string().optional().describe('"Summer School", "Summer Course".'),
    url: Url.optional(),
  })
  .strict();

export const Talk = z
  .object({
    title: z.string().optional(),
    event: z.string().describe('The seminar, workshop or conference.'),
    host: z.string().optional().describe('Institution or company hosting it.'),
    place: z.string().optional(),
    date: PartialDate,
    virtual: z.boolean().default(false),
    invited: z.boolean().optional(),
    url: Url.optional(),
    slides: Url.optional(),
    video: Url.optional(),
  })
  .strict();

export const Mentee = z
  .object({
    person: PersonRef.describe('The student: a person id, or a name.'),
    level: z.enum(['postdoc', 'phd', 'master', 'graduate', 'undergraduate', 'intern', 'visitor']),
    start: PartialDate.optional().describe('Year they started (their cohort).'),
    end: DateOrPresent.optional(),
    coadvisors: z.array(PersonRef).optional(),
    next: z.string().optional().describe('Where they went next: "PhD at MIT".'),
    note: z.string().optional(),
  })
  .strict();

export const Review = z
  .object({
    venue: z.string().optional().describe('Short name: "NeurIPS".'),
    name: z.string().optional().describe('Full name: "Conference on Neural Information Processing Systems". Give it, the short name, or both.'),
    kind: z.enum(['conference', 'journal', 'grant', 'other']).default('conference'),
    years: z
      .union([z.number().int(), z.string().regex(/^\d{4}(\s*[-–]\s*(\d{4}|present))?(\s*,\s*\d{4}(\s*[-–]\s*\d{4})?)*$/, { message: 'vita:years' })])
      .optional()
      .transform((v) => (v === undefined ? undefined : String(v)))
      .describe('A year or ranges: "2019-2022", "2020, 2022".'),
  })
  .strict()
  .refine((r) => r.venue !== undefined || r.name !== undefined, { message: 'vita:review-venue', path: ['venue'] });

export const Service = z
  .object({
    reviewer: z.array(Review).optional(),
    organizing: z
      .array(z.object({ role: z.string(), event: z.string(), date: PartialDate.optional(), end: DateOrPresent.optional(), url: Url.optional() }).strict())
      .optional(),
    other: z.array(z.string()).optional(),
  })
  .strict();

export const Award = z
  .object({
    title: z.string(),
    issuer: z.string().optional(),
    date: PartialDate.optional().describe('When it was given; several years go into `dates`.'),
    dates: z.array(PartialDate).optional(),
    amount: Amount.optional(),
    rank: z.string().optional().describe('"top 0.2% in the nation".'),
    note: z.string().optional(),
    selected: z.boolean().optional(),
  })
  .strict();

export const Grant = z
  .object({
    title: z.string().describe('Name of the grant or fund.'),
    project: z.string().optional().describe('Title of the funded project.'),
    funder: z.string().optional(),
    role: z.enum(['pi', 'co-pi', 'participant']).default('pi'),
    amount: Amount.optional(),
    start: PartialDate.optional(),
    end: DateOrPresent.optional(),
    number: z.string().optional().describe('Grant number.'),
  })
  .strict();

export const Membership = z
  .object({
    role: z.enum(['pi', 'faculty', 'postdoc', 'phd', 'master', 'undergraduate', 'intern', 'visitor', 'staff']),
    start: PartialDate.optional(),
    end: DateOrPresent.optional(),
    advisors: z.array(PersonRef).optional(),
    next: z.string().optional().describe('For alumni: where they went next.'),
  })
  .strict()
  .describe('Membership of the group this project describes.');

export const SyncSources = z
  .object({
    arxiv: z
      .string()
      .regex(/^[^"\\]+$/, { message: 'vita:arxiv-author' })
      .optional()
      .describe('An arXiv author search, the name as arXiv writes it: "Lei Wu". A name search also finds namesakes: `vita sync` keeps only papers a co-author or an affiliation confirms.'),
    dblp: z.string().optional().describe('A DBLP person by pid, "42/1719-2", when `links.dblp` does not give its address (or to read another).'),
    openalex: z.string().optional().describe('An OpenAlex author by id, "A5100393210", when `links.openalex` does not give its address (or to read another).'),
    exclude: z
      .array(z.string())
      .optional()
      .describe('Works that are not yours, which `vita sync` should stop proposing: DOIs, arXiv ids or titles.'),
  })
  .strict()
  .describe('What `vita sync` asks besides the ORCID, OpenAlex and DBLP addresses in `links`.');

export const Person = z
  .object({
    $schema: z.string().optional(),
    name: Localized.describe('Full name; several scripts as {en: Lei Wu, zh: 吴磊}.'),
    aliases: z.array(z.string()).optional().describe('Other spellings that publications use: "L. Wu", "Weijie J. Su".'),
    honorific: z.string().optional().describe('"Prof.", "Dr." as shown before the name in prose.'),
    title: Localized.optional().describe('Current title: "Assistant Professor".'),
    affiliations: z.array(Affiliation).optional(),
    office: Localized.optional(),
    address: z.array(z.string()).optional().describe('Postal address, one line per item.'),
    email: z.string().email().optional(),
    phone: z.string().optional(),
    homepage: Url.optional(),
    photo: z.string().optional().describe('Path of a photo inside the project.'),
    links: ProfileLinks.optional(),
    bio: Localized.optional().describe('One or two sentences (Markdown). Longer text goes in people/<id>/about.md.'),
    interests: z.array(z.string()).optional().describe('Research interests as short phrases.'),
    themes: z
      .array(z.object({ title: z.string(), question: z.string().optional() }).strict())
      .optional()
      .describe('Research themes of the vision statement.'),
    education: z.array(Education).optional(),
    positions: z.array(Position).optional(),
    teaching: z.array(Teaching).optional(),
    talks: z.array(Talk).optional(),
    mentoring: z.array(Mentee).optional(),
    service: Service.optional(),
    awards: z.array(Award).optional(),
    grants: z.array(Grant).optional(),
    member: Membership.optional(),
    sync: SyncSources.optional(),
    cv: z
      .object({
        order: z.enum(['ascending', 'descending']).optional().describe('How publications are numbered in the CV.'),
        sections: z.array(z.string()).optional(),
        metrics: z.boolean().optional().describe('Print citation counts, the h-index and the i10-index with their date (from metrics/citations.yaml, which `vita metrics` fills) on the CVs.'),
      })
      .strict()
      .optional(),
  })
  .strict();

export type PersonInput = z.output<typeof Person>;
export type EducationInput = z.output<typeof Education>;
export type PositionInput = z.output<typeof Position>;
export type TeachingInput = z.output<typeof Teaching>;
export type TalkInput = z.output<typeof Talk>;
export type MenteeInput = z.output<typeof Mentee>;
export type AwardInput = z.output<typeof Award>;
export type GrantInput = z.output<typeof Grant>;
