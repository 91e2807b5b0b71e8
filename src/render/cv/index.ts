/** CVs from the record: the model, its Markdown and its PDF, as output files. */
import type { Graph, Person } from '../../resolve/graph.js';
import type { OutputFile } from '../output.js';
import { cvMarkdown } from './markdown.js';
import { cvModel, type CvDocument, type CvVariant } from './model.js';
import { cvTypst, publicationsCutWarning, typesetCv, type CvPdfOptions, type CvTypst } from './typst/document.js';

export * from './model.js';
export { cvMarkdown, escapeMarkdown, escapeMarkdownKeepMath, publicationLinks, type CvMarkdownOptions } from './markdown.js';
export { cvPdf, cvTypst, typesetCv, publicationsCutWarning, MAX_PDF_PUBLICATIONS, CvOptionError, type CvPdf, type CvPdfOptions, type CvTypst } from './typst/document.js';
export { markdownToTypst, linkedCitation, type ProseOptions } from './typst/markdown.js';
export { CV_THEMES, type CvTheme } from './typst/themes.js';

export type CvFormat = 'pdf' | 'md' | 'all';

export interface CvFileOptions extends CvPdfOptions {
  variant?: CvVariant;
  /** Default "all". */
  format?: CvFormat;
  /**
   * "site" (default): `people/<id>/cv.pdf`, `people/<id>/cv-short.pdf`: the paths the website links.
   * "flat": `<id>-cv.pdf`, `<id>-cv-short.pdf`: descriptive names for a folder of CVs.
   */
  layout?: 'site' | 'flat';
  /**
   * The CV's language (its headings and dates; names and titles in it where the record has them). Default: the
   * project's first language. Another language's site CV sits in its tree: `<lang>/people/<id>/cv.pdf`.
   */
  language?: string;
}

export interface CvRender {
  model: CvDocument;
  files: OutputFile[];
  /** Typst warnings. */
  warnings: string[];
  /** CJK characters no font can draw: missing from the PDF. */
  missingGlyphs: string[];
}

/** The file name stem of a CV: "cv", "cv-short" (site) or "lei-wu-cv", "lei-wu-cv-short" (flat). */
export function cvFileStem(personId: string, variant: string, layout: 'site' | 'flat' = 'site', otherLanguage?: string): string {
  const suffix = variant === 'full' ? '' : `-${variant.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}`;
  if (layout === 'flat') return `${personId}-cv${suffix}${otherLanguage ? `-${otherLanguage}` : ''}`;
  return `${otherLanguage ? `${otherLanguage}/` : ''}people/${personId}/cv${suffix}`;
}

/** A person's CV before typesetting: the model, its Typst source and its Markdown, with where each goes. */
export interface CvPlan {
  model: CvDocument;
  /** The PDF's path and Typst source (format "pdf" or "all"). */
  pdf?: CvTypst & { path: string };
  /** The Markdown CV (format "md" or "all"). */
  markdown?: OutputFile;
}

/** What a person's CV files will be made of, without typesetting (cheap): `vita build` typesets on other threads. */
export function planCv(graph: Graph, personId: string, options: CvFileOptions = {}): CvPlan {
  const model = cvModel(graph, personId, options.variant ?? 'full', options.language);
  const main = graph.config.languages[0] ?? 'en';
  const stem = cvFileStem(personId, model.variant, options.layout ?? 'site', model.language === main ? undefined : model.language);
  const format = options.format ?? 'all';
  const plan: CvPlan = { model };
  if (format === 'pdf' || format === 'all') plan.pdf = { path: `${stem}.pdf`, ...cvTypst(model, options) };
  if (format === 'md' || format === 'all') plan.markdown = { path: `${stem}.md`, content: cvMarkdown(model) };
  return plan;
}

/** A person's CV files, with what went wrong on the way. Throws `CvError` / `CvOptionError` for bad requests. */
export function renderCv(graph: Graph, personId: string, options: CvFileOptions = {}): CvRender {
  const plan = planCv(graph, personId, options);
  const files: OutputFile[] = [];
  let warnings: string[] = [];
  if (plan.pdf) {
    const typeset = typesetCv(plan.pdf);
    files.push({ path: plan.pdf.path, content: typeset.pdf });
    warnings = [...(plan.pdf.cut ? [publicationsCutWarning(plan.pdf.cut)] : []), ...typeset.warnings];
  }
  if (plan.markdown) files.push(plan.markdown);
  return { model: plan.model, files, warnings, missingGlyphs: plan.pdf?.missingGlyphs ?? [] };
}

/** Whether a person gets a CV: the site's owner or group lead, and anyone with an education or a position. */
export function hasCv(graph: Graph, person: Person): boolean {
  const d = person.data;
  return graph.config.owner === person.id || graph.config.group?.lead === person.id || (d.education ?? []).length > 0 || (d.positions ?? []).length > 0;
}

/** A person's CV as output files (pure: nothing is written), for `vita build`: `people/<id>/cv.pdf` and `cv.md`. */
export function renderCvFiles(graph: Graph, personId: string, options: CvFileOptions = {}): OutputFile[] {
  return renderCv(graph, personId, options).files;
}
