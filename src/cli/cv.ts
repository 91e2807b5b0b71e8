/**
 * `vita cv [person]`: a person's CV as PDF and Markdown.
 *
 * Without --out the files go where the website links them, inside the project's output folder:
 * `<output>/people/<id>/cv.pdf`, `cv.md` (`cv-short.pdf` for the short variant ...). With --out they go
 * to that folder as `<id>-cv.pdf`, `<id>-cv-short.pdf` ...
 */
import { claimSiteFolder, writeFileAtomic } from '../write/index.js';
import { relative, resolve, sep } from 'node:path';
import { formatText } from '../diagnostics/format.js';
import { openProject } from '../index.js';
import { CvChoiceError, CvError, defaultCvPerson } from '../render/cv/model.js';
import { closest } from '../text/suggest.js';
import { badChoice, UsageMistake } from './args.js';
import { renderCv, type CvFormat } from '../render/cv/index.js';
import { CvOptionError } from '../render/cv/typst/document.js';
import { CV_THEMES, type CvTheme } from '../render/cv/typst/themes.js';
import { TypstCompileError } from '../render/typst/compile.js';
import { isLanguageTag } from '../strings/index.js';

export interface CvCommandOptions {
  person?: string;
  variant?: string;
  theme?: string;
  out?: string;
  format?: string;
  accent?: string;
  /** Body font families, comma-separated. */
  font?: string;
  paper?: string;
  /** The CV's language (a BCP 47 tag); default the project's first language. */
  lang?: string;
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

/** Runs `vita cv`; returns the exit status (0 done, 1 errors in the record or the request). */
export function runCv(root: string, options: CvCommandOptions = {}, io: Io = defaultIo): number {
  const format = (options.format ?? 'all') as CvFormat;
  if (!['pdf', 'md', 'all'].includes(format)) return misuse(io, badChoice('format', format, ['pdf', 'md', 'all']));
  const theme = (options.theme ?? 'classic') as CvTheme;
  if (!(CV_THEMES as readonly string[]).includes(theme)) return misuse(io, badChoice('theme', theme, CV_THEMES));

  if (options.lang !== undefined && !isLanguageTag(options.lang)) return fail(io, `--lang takes a language tag such as en, zh or de-AT, not "${options.lang}"`);

  const { graph, diagnostics } = openProject(root);
  if (diagnostics.errorCount > 0) {
    io.stderr(formatText(diagnostics.list, { color: process.stderr.isTTY && !process.env.NO_COLOR }));
    io.stderr('vita cv: the record has errors; fix them (vita check lists them) and run again.\n');
    return 1;
  }
  const person = options.person ?? defaultCvPerson(graph);
  if (!person) {
    return misuse(io, new UsageMistake('which person? The project names no owner (vita.yaml `owner`) and no group lead', 'name one: vita cv --person <person-id>.'));
  }

  // Typesetting takes a few seconds: say so in a terminal.
  if (io === defaultIo && format !== 'md' && process.stderr.isTTY) io.stderr(`vita cv: typesetting the CV of ${person} ...\n`);
  let result;
  try {
    result = renderCv(graph, person, {
      variant: options.variant,
      format,
      theme,
      accent: options.accent ?? graph.config.theme?.colors?.accent,
      fonts: options.font ? options.font.split(',').map((f) => f.trim()).filter(Boolean) : fontsFromConfig(graph.config.theme?.fonts, theme),
      paper: options.paper,
      layout: options.out ? 'flat' : 'site',
      language: options.lang,
    });
  } catch (e) {
    // A person, variant, section or colour that is not there is a mistake in the command: status 2, with the closest.
    if (e instanceof CvChoiceError) return misuse(io, new UsageMistake(e.message, choiceHint(e)));
    if (e instanceof CvOptionError) return misuse(io, new UsageMistake(e.message));
    if (e instanceof CvError) return fail(io, e.message);
    if (e instanceof TypstCompileError) return fail(io, `the PDF could not be typeset (this is a bug in vita; please report it):\n${e.message}`);
    throw e;
  }

  for (const w of result.warnings) io.stderr(`vita cv: warning: ${w}\n`);
  if (result.missingGlyphs.length) {
    io.stderr(
      `vita cv: warning: no font can draw ${result.missingGlyphs.length} character(s), they are missing from the PDF: ${result.missingGlyphs.join(' ')}\n` +
        `  hint: install a CJK font (e.g. apt-get install fonts-noto-cjk) or point VITA_FONT_PATHS at a folder with one.\n`,
    );
  }

  const projectRoot = resolve(root);
  const outDir = options.out ? resolve(options.out) : resolve(projectRoot, graph.config.output ?? '_site');
  for (const file of result.files) {
    const target = resolve(outDir, file.path);
    if (target !== outDir && !target.startsWith(outDir + sep)) return fail(io, `refusing to write ${target}: outside ${outDir}`);
  }
  // Into the site folder: the CV is one of its files, which the next build may replace.
  if (!options.out) claimSiteFolder(outDir, result.files);
  for (const file of result.files) {
    const target = resolve(outDir, file.path);
    writeFileAtomic(target, file.content);
    const size = typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength;
    const rel = relative(process.cwd(), target);
    io.stdout(`wrote ${rel && !rel.startsWith('..') ? rel : target} (${Math.max(1, Math.round(size / 1024))} KB)\n`);
  }
  return 0;
}

/** `theme.fonts` of vita.yaml: `cv` (or `serif` for classic, `sans` for compact) is a comma-separated family list. */
function fontsFromConfig(fonts: Record<string, string> | undefined, theme: CvTheme): string[] | undefined {
  const value = fonts?.cv ?? (theme === 'classic' ? fonts?.serif : fonts?.sans);
  return value ? value.split(',').map((f) => f.trim().replace(/^["']|["']$/g, '')).filter(Boolean) : undefined;
}

function misuse(io: Io, mistake: UsageMistake): number {
  io.stderr(`vita cv: ${mistake.message}\n${mistake.hint ? `  hint: ${mistake.hint}\n` : ''}`);
  return 2;
}

/** "did you mean --variant short?": the option each kind of choice is given with. */
export function choiceHint(e: CvChoiceError): string | undefined {
  const guess = closest(e.value, e.choices);
  if (!guess) return undefined;
  return e.what === 'person' ? `did you mean --person ${guess}?` : e.what === 'variant' ? `did you mean --variant ${guess}?` : `did you mean the section "${guess}"?`;
}

function fail(io: Io, message: string): number {
  io.stderr(`vita cv: ${message}\n`);
  return 1;
}
