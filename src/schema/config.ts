/** The project's configuration, vita.yaml: what the site is, whose it is, where output goes. */
import { z } from 'zod';
import { isProjectFolder } from '../text/project-folder.js';
import { Id, Localized, Url } from './common.js';

export const Config = z
  .object({
    $schema: z.string().optional(),
    title: Localized,
    description: Localized.optional(),
    baseUrl: Url.optional().describe('Where the site will live: "https://leiwu0.github.io/".'),
    languages: z
      .array(z.string())
      .min(1)
      .default(['en'])
      .describe(
        'Languages of the site, as BCP 47 tags (en, zh, de, fr, es, ja, ko, pt-BR, zh-Hant ...); the first is the main one, at the root of the site, each other gets a tree of its own under /<tag>/ with hreflang links and a language switch, and its own CV PDF. vita\'s own words (menus, headings, dates) come in English, Chinese, German, French, Spanish, Japanese and Korean; another language shows them in English, and `vita check` says so.',
      ),
    owner: Id.optional().describe('For a personal site: the person it is about.'),
    group: z
      .object({
        name: Localized,
        lead: Id.optional(),
        institution: z.string().optional(),
        url: Url.optional(),
        description: z.string().optional(),
      })
      .strict()
      .optional()
      .describe('For a group site: the group.'),
    output: z
      .string()
      .refine(isProjectFolder, { message: 'vita:output-folder' })
      .default('_site')
      .describe('Output folder: a folder inside the project (`--out` on the command line writes elsewhere).'),
    email: z
      .object({ obfuscate: z.boolean().default(true).describe('Show "leiwu (at) math (dot) pku (dot) edu (dot) cn" instead of a mailto: link.') })
      .strict()
      .optional(),
    publications: z
      .object({
        groupBy: z.enum(['year', 'type', 'status']).default('status'),
        order: z.enum(['ascending', 'descending']).default('descending').describe('Numbering of lists that show numbers.'),
        alphabeticalMark: z.enum(['*', 'α-β']).default('*').describe('How alphabetical author order is marked.'),
        pageSize: z
          .number()
          .int()
          .positive()
          .default(1000)
          .describe('A publication list longer than this (a department\'s) gets one page per year; its first page shows the newest years.'),
      })
      .strict()
      .optional(),
    site: z
      .object({
        externalLinksNewTab: z.boolean().default(false).describe('Links to other sites in the Markdown you write open in a new tab (with rel="noopener noreferrer").'),
      })
      .strict()
      .optional()
      .describe('How the website treats what you write.'),
    theme: z
      .object({
        colors: z.record(z.string(), z.string()).optional().describe('Colours of the light theme, by the name of their CSS property: accent, bg, text, muted ...'),
        darkColors: z.record(z.string(), z.string()).optional().describe('Colours of the dark theme (chosen by the reader or by the system), named as in colors.'),
        fonts: z.record(z.string(), z.string()).optional().describe('Fonts by role (body, ui, mono), in light and dark alike.'),
      })
      .strict()
      .optional(),
    staleAfterYears: z.number().positive().default(2).describe('"In preparation" and "under review" entries older than this are reported.'),
    metrics: z
      .object({
        crossCheck: z
          .array(z.enum(['semanticscholar', 'inspire']))
          .optional()
          .describe('Services `vita metrics` also asks, by DOI or arXiv id, for their counts as a cross-check kept beside OpenAlex\'s in metrics/citations.yaml (not shown): semanticscholar (Semantic Scholar), inspire (INSPIRE-HEP).'),
      })
      .strict()
      .optional()
      .describe('How `vita metrics` counts citations (OpenAlex, with Crossref as a cross-check, always).'),
  })
  .strict();

export type ConfigInput = z.output<typeof Config>;
