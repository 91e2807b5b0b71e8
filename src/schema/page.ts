/** A page of the site written by hand: pages/<path>.md, or people/<id>/<name>.md beside a person's own pages. */
import { z } from 'zod';
import { Localized } from './common.js';

export const PAGE_LAYOUTS = ['plain', 'wide'] as const;

export const SitePage = z
  .object({
    title: Localized.describe('The page\'s title, shown as its heading and in the navigation. Without it, the body\'s first "# heading" is the title.').meta({ examples: ['Join us'] }),
    description: z.string().optional().describe('One sentence for search engines and link previews.').meta({ examples: ['Openings for postdocs and Ph.D. students in the group.'] }),
    menu: z
      .union([z.boolean(), Localized])
      .optional()
      .describe('Put the page in the site\'s navigation: true (labelled with its title) or the label to show. A person\'s page is always a tab beside their About, Publications and CV.')
      .meta({ examples: [true, 'Join'] }),
    order: z.number().optional().describe('Where the page goes among the navigation items or a person\'s tabs: lower first, then by title.').meta({ examples: [10] }),
    lang: z.string().optional().describe('The language the page is written in, when the site has several.').meta({ examples: ['en'] }),
    layout: z.enum(PAGE_LAYOUTS).default('plain').describe('plain: a column of text, as the research statement; wide: the full width of the page, for tables and figures.'),
    body: z.string().optional().describe('The text (Markdown, with `[@key]` citations and `$math$`): the body of the .md file.').meta({ examples: ['We are looking for students who enjoy proving things [@wu2018sgd].'] }),
  })
  .strict();

export type SitePageInput = z.output<typeof SitePage>;
