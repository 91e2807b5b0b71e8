/** A blog post: posts/<YYYY-MM-DD>-<slug>.md for the site, people/<id>/posts/<YYYY-MM-DD>-<slug>.md for a person. */
import { z } from 'zod';
import { Id, PartialDate } from './common.js';

export const Post = z
  .object({
    title: z.string().describe('The post\'s title (Markdown). Without it, the body\'s first "# heading" is the title.').meta({ examples: ['What sharpness tells us about generalization'] }),
    date: PartialDate.describe('The day it was published; taken from the file name (posts/2025-03-14-<slug>.md) unless given here.').meta({ examples: ['2025-03-14'] }),
    authors: z.array(Id).optional().describe('Who wrote it: ids of people of the project. Defaults to the person whose folder holds the post, else the owner or the group\'s lead.').meta({ examples: [['lei-wu', 'mingze-wang']] }),
    tags: z.array(z.string().min(1)).optional().describe('Topics; each tag gets a page listing its posts.').meta({ examples: [['optimization', 'teaching']] }),
    summary: z.string().optional().describe('One or two sentences for the list of posts and the feed. Without it, the first paragraph is used.').meta({ examples: ['Every Thursday this spring we read one paper on scaling laws.'] }),
    publications: z.array(z.string()).optional().describe('Keys of publications the post is about, listed under it (cite in the text with `[@key]`).').meta({ examples: [['wang2025sharpness']] }),
    lang: z.string().optional().describe('The language the post is written in, when the site has several.').meta({ examples: ['en'] }),
    body: z.string().optional().describe('The text (Markdown, with `[@key]` citations and `$math$`): the body of the .md file.').meta({ examples: ['The sharpness of block $b$ differs by orders of magnitude [@wang2025sharpness].'] }),
  })
  .strict();

export type PostInput = z.output<typeof Post>;
