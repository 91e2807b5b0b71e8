/**
 * `vita announce <event> [project] [--out folder]`: the poster (PDF), the announcement email (text and
 * HTML) and the calendar entry (.ics) of one seminar event, written side by side, and the email's subject
 * printed so it can be pasted.
 *
 * Files go to `--out` when given, otherwise to `announce/` inside the project's output folder (vita.yaml's
 * `output`, "_site" by default), and nowhere else.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatText } from '../diagnostics/format.js';
import { openProject } from '../index.js';
import type { Graph, SeminarEvent } from '../resolve/graph.js';
import { announcementEmail } from '../render/announce/email.js';
import { posterPdf } from '../render/announce/poster.js';
import { eventCalendar, seminarFiles } from '../render/calendar/index.js';
import { eventSlug } from '../render/site/context.js';
import { TypstCompileError } from '../render/typst/compile.js';
import { closest } from '../text/suggest.js';
import { isLanguageTag } from '../strings/index.js';
import { checkOutputFolder, claimSiteFolder, WriteError, writeFileAtomic } from '../write/index.js';

export { seminarFiles };

export interface AnnounceOptions {
  /** Folder to write into; relative to the current folder. Default: `<output>/announce` in the project. */
  out?: string;
  /** Overrides vita.yaml's baseUrl for the links in the email and the .ics. */
  baseUrl?: string;
  /** The language of the poster's, email's and calendar entry's own words (a BCP 47 tag); default the project's first. */
  lang?: string;
  /** Where to print (tests); default process.stdout / process.stderr. */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export type EventLookup = { event: SeminarEvent } | { error: string; hint: string };

/**
 * Finds an event from what a user types: its id "<series>/<event>", the event's name alone when only one
 * series has it, or the path of its file ("seminars/<series>/<event>.yaml").
 */
export function findEvent(graph: Graph, ref: string): EventLookup {
  const want = ref
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.?\/+/, '')
    .replace(/^seminars\//, '')
    .replace(/\.(ya?ml|md)$/i, '')
    .replace(/\/+$/, '');
  const exact = graph.events.get(want);
  if (exact) return { event: exact };
  const all = [...graph.events.values()];
  const byName = all.filter((e) => e.id.split('/').pop() === want || eventSlug(e.id) === want);
  if (byName.length === 1) return { event: byName[0]! };
  const ids = all.map((e) => e.id).sort();
  if (byName.length > 1) {
    return {
      error: `"${ref}" names an event in ${byName.length} series`,
      hint: `say which one: ${byName.map((e) => e.id).sort().join(', ')}.`,
    };
  }
  if (ids.length === 0) return { error: `the project has no seminar events`, hint: 'add one as seminars/<series>/<event>.yaml next to seminars/<series>/series.yaml.' };
  const containing = ids.filter((id) => id.includes(want));
  const guess = containing.length === 1 ? containing[0] : (closest(want, ids, 6) ?? closest(want, all.map((e) => e.id.split('/').pop()!), 4));
  const shown = ids.slice(0, 12).join(', ') + (ids.length > 12 ? `, … (${ids.length} in all)` : '');
  return {
    error: `no seminar event "${ref}"`,
    hint: `${guess ? `did you mean "${guess}"? ` : ''}events: ${shown}.`,
  };
}

/** Runs the command; returns the exit status (0 done, 1 an error in the record or the request). */
export function runAnnounce(root: string, eventRef: string, options: AnnounceOptions = {}): number {
  const out = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const err = options.stderr ?? ((s: string) => void process.stderr.write(s));
  if (options.lang !== undefined && !isLanguageTag(options.lang)) {
    err(`vita announce: --lang takes a language tag such as en, zh or de-AT, not "${options.lang}"\n`);
    return 2;
  }
  const { graph, diagnostics } = openProject(root);
  if (diagnostics.errorCount > 0) {
    err(formatText(diagnostics.list, { color: !!process.stderr.isTTY && !process.env.NO_COLOR }));
    return 1;
  }
  const found = findEvent(graph, eventRef);
  if ('error' in found) {
    err(`vita announce: ${found.error}\n  hint: ${found.hint}\n`);
    return 1;
  }
  const event = found.event;
  // The warnings about this event (an ambiguous time, a time zone that does not fit the room) matter now.
  const own = diagnostics.list.filter((d) => d.file === event.file);
  if (own.length > 0) err(formatText(own));

  const projectRoot = resolve(root);
  const output = resolve(projectRoot, graph.config.output);
  const folder = options.out !== undefined ? resolve(options.out) : join(output, 'announce');
  try {
    if (options.out === undefined) checkOutputFolder(output, projectRoot);
    else checkOutputFolder(folder, projectRoot);
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    err(`vita announce: ${e.message}\n`);
    return 1;
  }

  const name = eventSlug(event.id);
  const links = { baseUrl: options.baseUrl, language: options.lang };
  let pdf: Uint8Array;
  // Typesetting the poster takes a few seconds: say so in a terminal.
  if (!options.stderr && process.stderr.isTTY) err(`vita announce: typesetting the poster of ${event.id} ...\n`);
  try {
    pdf = posterPdf(graph, event.id, { ...links, onWarning: (w) => err(`${event.file}: warning: poster: ${w.message}\n`) });
  } catch (e) {
    if (!(e instanceof TypstCompileError)) throw e;
    err(`${event.file} error: the poster could not be typeset [announce/poster]\n  ${e.message.replace(/\n/g, '\n  ')}\n  hint: check the math in the title, abstract and bio ($...$).\n`);
    return 1;
  }
  const email = announcementEmail(graph, event.id, links);
  const files: [string, string | Uint8Array][] = [
    [`${name}-poster.pdf`, pdf],
    [`${name}-email.txt`, email.text],
    [`${name}-email.html`, email.html],
    [`${name}.ics`, eventCalendar(graph, event.id, links)],
  ];
  mkdirSync(folder, { recursive: true });
  // Into the site folder: it stays vita's (a build leaves these files, which it does not make, alone).
  if (options.out === undefined) claimSiteFolder(output);
  for (const [file, content] of files) writeFileAtomic(join(folder, file), content);

  out(`${email.subject}\n`);
  const shown = relative(process.cwd(), folder) || '.';
  for (const [file] of files) out(`  wrote ${join(shown, file)}\n`);
  return 0;
}
