/**
 * `vita import`: a site, a CV or a publication list into a vita project, new or existing.
 *
 *   detect (which kind of source) -> source.read (a neutral ImportBundle) -> merge (against what the project holds)
 *     -> planFiles (new files only) -> applyPlan (unless a dry run) -> the project opened again, to check the result.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SILENT_PROGRESS, type ImportBundle, type Progress, type SourceKind } from './bundle.js';
import { FileCache } from './cache.js';
import { detectSource } from './detect.js';
import { mergeBundle, type MergePlan } from './merge.js';
import { contactEmail, readProjectState } from './project-state.js';
import { ONLINE_KINDS, onlineKindOf, type HttpSettings } from './online/index.js';
import type { ProjectState } from './project-state.js';
import { SOURCES } from './sources/index.js';
import { applyChecked, planFiles, type WritePlan } from './write.js';

export { detectSource } from './detect.js';
export { SOURCES } from './sources/index.js';
export type * from './bundle.js';

export interface ImportOptions {
  /** The project folder: created when it does not exist (or is empty). */
  into: string;
  /** The kind of source, when detection should not decide. */
  kind?: SourceKind;
  /** Plan and report, write nothing. */
  dryRun?: boolean;
  progress?: Progress;
  /** Online sources: answer from the project's cache only, never from the network. */
  offline?: boolean;
  /** Online sources: an email for the polite pools of Crossref and OpenAlex (default: $VITA_MAILTO, then the owner's email). */
  mailto?: string;
  /** Online sources: fetch, clock, timeouts and page sizes, for tests. */
  http?: Omit<HttpSettings, 'offline' | 'mailto'>;
}

export interface ImportResult {
  source: string;
  into: string;
  kind?: SourceKind;
  /** The import creates the project (there was no vita.yaml). */
  creates: boolean;
  dryRun: boolean;
  /** The source had errors that stopped the import: nothing was written. */
  aborted?: boolean;
  bundle?: ImportBundle;
  merge?: MergePlan;
  plan?: WritePlan;
  written: string[];
  unchanged: string[];
  /** Notes of the source, the merge and the plan, and errors that stopped the import. */
  diagnostics: Diagnostic[];
  /** Problems `vita check` finds in the files the import wrote (should be none). */
  check: Diagnostic[];
}

export async function importSource(source: string, options: ImportOptions): Promise<ImportResult> {
  const into = resolve(options.into);
  const result: ImportResult = { source, into, creates: false, dryRun: options.dryRun ?? false, written: [], unchanged: [], diagnostics: [], check: [] };
  const fail = (message: string, hint?: string, file = '') => {
    result.diagnostics.push({ file, severity: 'error', code: 'import/cannot-import', message, ...(hint ? { hint } : {}) });
    return result;
  };
  // A path that exists is a file or a folder, whatever it looks like; otherwise it may name an online service.
  const forcedOnline = options.kind !== undefined && (ONLINE_KINDS as readonly string[]).includes(options.kind);
  const isPath = !forcedOnline && existsSync(source);
  const online = forcedOnline || (!options.kind && !isPath && onlineKindOf(source) !== undefined);
  if (!isPath && !online) {
    return fail(`the source "${source}" does not exist`, 'give the path of a .bib file, a CV file or a site folder, or an online source: arxiv:2011.13456, orcid:0000-0002-1825-0097 ... (vita import --help).');
  }
  const detected = isPath ? detectSource(source) : undefined;
  const detection = options.kind ? { kind: options.kind, reason: 'given with --kind' } : detectSource(source);
  if (!detection.kind) return fail(`cannot tell what kind of source "${source}" is: ${detection.reason}`, `name it with --kind (one of ${SOURCES.map((s) => s.kind).join(', ')}).`);
  result.kind = detection.kind;
  const reader = SOURCES.find((s) => s.kind === detection.kind);
  if (!reader) return fail(`importing from ${detection.kind} is not supported yet`);

  const project = readProjectState(into);
  // imports/ alone (the response cache of an import that stopped) does not make a folder someone else's.
  if (project.exists && !project.isProject && readdirSync(into).some((n) => !n.startsWith('.') && n !== 'imports')) {
    return fail(`"${options.into}" is a folder with files in it, but not a vita project (it has no vita.yaml)`, 'import into a new or empty folder, or into a vita project.');
  }
  if (isPath && resolve(source) === into) return fail('the source and the project are the same folder', 'import into another folder: --into my-site-vita');
  result.creates = !project.isProject;

  const progress = options.progress ?? SILENT_PROGRESS;
  const cache = new FileCache(into, detection.kind, !options.dryRun);
  const settings: HttpSettings = {
    ...options.http,
    offline: options.offline,
    mailto: contactEmail(options.mailto, project.config, project.people),
    openalexKey: options.http?.openalexKey ?? (process.env.OPENALEX_API_KEY || undefined),
  };
  let bundle: ImportBundle;
  try {
    bundle = await reader.read(source, { cache, progress, online: settings });
  } catch (err) {
    // A source reader must report, not throw; if one does, say so plainly rather than with a stack.
    return fail(`the source could not be read (${(err as Error).message})`, 'this is likely a bug in vita; please report it with the source.', basename(source));
  }
  result.bundle = bundle;
  result.diagnostics.push(...bundle.notes);
  // A source that gave nothing is a mistake (the wrong folder, the wrong --kind), not an import with nothing to report.
  const read = bundle.people.length + bundle.publications.length + bundle.news.length + bundle.talks.length + bundle.teaching.length + bundle.events.length + bundle.pages.length;
  if (read === 0 && !bundle.notes.some((d) => d.severity === 'error')) {
    const mismatch = options.kind && detected?.kind && detected.kind !== options.kind;
    result.diagnostics.push({
      file: isPath ? basename(source) : source,
      severity: 'error',
      code: 'import/nothing-read',
      message: mismatch ? `nothing was read: the source is not ${options.kind} (it looks like ${detected.kind}: ${detected.reason})` : `nothing was read from the source as ${detection.kind}`,
      hint: mismatch ? `drop --kind ${options.kind}, or give --kind ${detected.kind}.` : options.kind ? `check that the source is ${reader.description}, or leave --kind out to let vita tell.` : `check that the source is ${reader.description}: a publication, a person, a talk or a news item.`,
    });
  } else if (options.kind && detected?.kind && detected.kind !== options.kind) {
    result.diagnostics.push({ file: isPath ? basename(source) : source, severity: 'warning', code: 'import/kind-mismatch', message: `read as ${options.kind} as --kind says, though it looks like ${detected.kind} (${detected.reason})`, hint: 'check what was imported; leave --kind out to let vita tell.' });
  }
  let merge: MergePlan;
  let plan: WritePlan;
  try {
    merge = mergeBundle(bundle, project, progress);
    plan = planFiles(bundle, merge, project, isPath ? basename(resolve(source)) : source);
  } catch (err) {
    return fail(`the import could not be planned (${(err as Error).message})`, 'this is likely a bug in vita; please report it with the source.');
  }
  result.merge = merge;
  result.diagnostics.push(...merge.notes);
  result.plan = plan;
  result.diagnostics.push(...plan.notes);
  // A source that could not be read at all (no name, broken JSON) writes nothing: not even a bare vita.yaml. A dry run
  // says so too.
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    result.aborted = true;
    return result;
  }
  if (options.dryRun) return result;
  // The result must open without errors: anything wrong in what the import wrote is an error, and undoes the import.
  const ours = new Set(plan.files.map((f) => f.path));
  try {
    const { applied, check } = applyChecked(into, plan, (d) => ours.has(d.file) || (result.creates && d.file === ''));
    result.check = check;
    if (check.length) result.aborted = true;
    else {
      result.written = applied.written;
      result.unchanged = applied.unchanged;
    }
  } catch (err) {
    return fail(`the files could not be written (${(err as Error).message}); nothing was written`);
  }
  return result;
}
