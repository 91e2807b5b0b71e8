/** A dated news item: a headline with nested points, linking papers and people. */
import { z } from 'zod';
import { Id, PartialDate } from './common.js';

export const News = z
  .object({
    $schema: z.string().optional(),
    date: PartialDate,
    title: z.string().optional().describe('Headline (Markdown). Without it, the first paragraph of the body is the headline.'),
    people: z.array(Id).optional().describe('Whose news it is; defaults to the owner, or the whole group.'),
    publications: z.array(z.string()).optional().describe('Keys of the publications it is about.'),
    lang: z.string().optional(),
    body: z
      .string()
      .optional()
      .describe('The text (Markdown): the body of the .md file. A text that goes on well beyond its headline (three paragraphs or more, or over 400 characters after it) gets a page of its own, /news/<id>/, and the list of news shows its beginning.'),
  })
  .strict();

export type NewsInput = z.output<typeof News>;
