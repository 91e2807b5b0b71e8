/** A research project: projects/<slug>.md, shown as a card on /projects/ and as a page of its own. */
import { z } from 'zod';
import { DateOrPresent, Id, Localized, PartialDate, Url } from './common.js';

export const Project = z
  .object({
    title: Localized.describe('The project\'s name. Without it, the body\'s first "# heading" is the title.').meta({ examples: ['Implicit regularization of SGD'] }),
    summary: z.string().optional().describe('One or two sentences for its card (Markdown). Without it, the first paragraph of the body is used.').meta({ examples: ['Why stochastic gradient descent finds flat minima that generalize.'] }),
    image: Url.optional().describe('A picture for the card and the page: a path inside the project (assets/projects/sgd.png) or a web address.').meta({ examples: ['assets/projects/sgd.svg'] }),
    imageAlt: z.string().optional().describe('What the picture shows, for readers who cannot see it. Without it the picture is taken as decoration.').meta({ examples: ['A loss landscape with a sharp and a flat valley.'] }),
    people: z.array(Id).optional().describe('Ids of the people of the project who work on it; their pages link the project.').meta({ examples: [['lei-wu', 'mingze-wang']] }),
    publications: z.array(z.string()).optional().describe('Keys of its publications; their pages link the project.').meta({ examples: [['wu2018sgd']] }),
    links: z.record(z.string(), Url).optional().describe('Links by what they are: code, website, data, slides ...').meta({ examples: [{ code: 'https://github.com/leiwu0/sgd', website: 'https://example.org/sgd' }] }),
    start: PartialDate.optional().describe('When it began.').meta({ examples: ['2018'] }),
    end: DateOrPresent.optional().describe('When it ended, or "present". A project with an end date in the past is listed under past projects.').meta({ examples: ['present', '2023-06'] }),
    tags: z.array(z.string().min(1)).optional().describe('Topics, shown on its card.').meta({ examples: [['optimization', 'generalization']] }),
    order: z.number().optional().describe('Its place in the grid: lower first; then the newest start first.').meta({ examples: [1] }),
    lang: z.string().optional().describe('The language it is written in, when the site has several.').meta({ examples: ['en'] }),
    body: z.string().optional().describe('The description (Markdown, with `[@key]` citations and `$math$`): the body of the .md file.').meta({ examples: ['SGD cannot stay in a minimum too sharp for its learning rate [@wu2018sgd].'] }),
  })
  .strict();

export type ProjectInput = z.output<typeof Project>;
