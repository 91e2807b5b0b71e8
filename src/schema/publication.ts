/** A publication, shared by everyone in the project: one entry, shown on every author's pages. */
import { z } from 'zod';
import { Id, NumberText, PartialDate, Url } from './common.js';
import { parseAuthorMarks, AUTHOR_ROLES } from './author-marks.js';

export const AuthorRole = z.enum(AUTHOR_ROLES).describe('equal: equal contribution / co-first (*); lead: project lead (†); corresponding (✉).');

export const Author = z
  .union([
    z.string().describe('A name, with the marks people write: "Yang Song*", "Mingze Wang†".'),
    z
      .object({
        name: z.string(),
        person: Id.optional().describe('Person id, when the name alone does not find them.'),
        roles: z.array(AuthorRole).optional(),
      })
      .strict(),
  ])
  .transform((a) => {
    if (typeof a !== 'string') return { name: a.name, person: a.person, roles: a.roles ?? [] };
    const parsed = parseAuthorMarks(a);
    return { name: parsed.name, person: undefined as string | undefined, roles: parsed.roles };
  });

export const PUBLICATION_TYPES = ['article', 'conference', 'workshop', 'preprint', 'book', 'chapter', 'thesis', 'report', 'other'] as const;
export const PUBLICATION_STATUSES = ['published', 'accepted', 'preprint', 'under-review', 'submitted', 'in-preparation'] as const;
export const LINK_KINDS = ['pdf', 'code', 'slides', 'video', 'poster', 'project', 'html', 'blog', 'supplement', 'data'] as const;

export const Venue = z
  .object({
    name: z.string().optional().describe('Full name: "International Conference on Machine Learning".'),
    short: z.string().optional().describe('Short name shown as a badge: "ICML".'),
    year: z.number().int().optional().describe('The edition, when it differs from the publication year (it should not).'),
    volume: NumberText.optional(),
    number: NumberText.optional(),
    pages: NumberText.optional(),
    publisher: z.string().optional(),
  })
  .strict();

export const Publication = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_:.+/-]*$/).describe('Citation key, as in BibTeX.'),
    type: z.enum(PUBLICATION_TYPES).default('article'),
    title: z.string().min(1),
    authors: z.array(Author).min(1),
    etal: z.boolean().optional().describe('The author list is cut short ("et al."): BibTeX "and others".'),
    alphabetical: z.boolean().optional().describe('Authors are in alphabetical order (α-β), by convention of the field.'),
    status: z.enum(PUBLICATION_STATUSES).optional().describe('Defaults to "preprint" for preprints and "published" otherwise.'),
    venue: Venue.optional(),
    year: z.number().int().min(1000).max(9999),
    month: z.number().int().min(1).max(12).optional(),
    date: PartialDate.optional().describe('Precise date of publication or first release.'),
    award: z.string().optional().describe('"Spotlight", "Oral", "Top 5.1%".'),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, { message: 'vita:doi' }).optional(),
    arxiv: z.string().regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/, { message: 'vita:arxiv' }).optional(),
    openreview: z.string().optional().describe('OpenReview forum id.'),
    url: Url.optional(),
    links: z.partialRecord(z.enum(LINK_KINDS), Url).optional(),
    abstract: z.string().optional().describe('Markdown with $math$.'),
    preview: z.string().optional().describe('Path of a thumbnail image inside the project ("assets/img/publication_preview/x.png"), shown beside the paper on lists and on its page; a bare file name is looked for in assets/img/publication_preview/ as al-folio keeps it.'),
    topics: z.array(z.string()).optional(),
    selected: z.boolean().optional().describe('Shown among selected publications on the homepage and short CV.'),
    note: z.string().optional(),
    bibtex: z.string().optional().describe('The entry as it was written, for the BibTeX shown on the site.'),
  })
  .strict();

export type AuthorInput = z.output<typeof Author>;
export type PublicationInput = z.output<typeof Publication>;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export type PublicationType = (typeof PUBLICATION_TYPES)[number];
