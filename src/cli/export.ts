/**
 * `vita export <format> [person]`: the record in another format, to stdout or to --out.
 * Formats: jsonresume (a person as JSON Resume).
 */
import { writeFileAtomic } from '../write/index.js';
import { resolve } from 'node:path';
import { formatText } from '../diagnostics/format.js';
import { openProject } from '../index.js';
import { CvChoiceError, CvError, defaultCvPerson } from '../render/cv/model.js';
import { closest } from '../text/suggest.js';
import { choiceHint } from './cv.js';
import { jsonResume } from '../render/export/jsonresume.js';

export const EXPORT_FORMATS = ['jsonresume'] as const;

export interface ExportCommandOptions {
  /** Person id, for per-person formats; default the project's owner or group lead. */
  person?: string;
  /** File to write; default stdout. */
  out?: string;
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

/** Runs `vita export`; returns the exit status. */
export function runExport(root: string, format: string, options: ExportCommandOptions = {}, io: Io = defaultIo): number {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    const guess = closest(format, EXPORT_FORMATS);
    io.stderr(`vita export: unknown format "${format}": use ${EXPORT_FORMATS.join(', ')}\n${guess ? `  hint: did you mean vita export ${guess}?\n` : ''}`);
    return 2;
  }
  const { graph, diagnostics } = openProject(root);
  if (diagnostics.errorCount > 0) {
    io.stderr(formatText(diagnostics.list, { color: process.stderr.isTTY && !process.env.NO_COLOR }));
    io.stderr('vita export: the record has errors; fix them (vita check lists them) and run again.\n');
    return 1;
  }
  const person = options.person ?? defaultCvPerson(graph);
  if (!person) {
    io.stderr('vita export: which person? The project names no owner (vita.yaml `owner`) and no group lead\n  hint: name one: vita export jsonresume --person <person-id>.\n');
    return 2;
  }
  let text: string;
  try {
    text = JSON.stringify(jsonResume(graph, person), null, 2) + '\n';
  } catch (e) {
    if (e instanceof CvChoiceError) {
      const hint = choiceHint(e);
      io.stderr(`vita export: ${e.message}\n${hint ? `  hint: ${hint}\n` : ''}`);
      return 2;
    }
    if (e instanceof CvError) {
      io.stderr(`vita export: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (!options.out) {
    io.stdout(text);
    return 0;
  }
  const target = resolve(options.out);
  writeFileAtomic(target, text);
  io.stderr(`wrote ${options.out}\n`);
  return 0;
}
