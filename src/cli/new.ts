/** `vita new [folder]`: a new project for a person or a group, from questions in the terminal or from flags. */
import { basename, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { usageMistakeOf } from './args.js';
import { isoDay, packageNameFor, type Answers } from '../new/answers.js';
import { folderProblem, writeProject } from '../new/create.js';
import { Cancelled, terminalPrompter } from '../new/prompt.js';
import { collectAnswers, UsageError, type Given } from '../new/questions.js';
import { projectFiles } from '../new/templates.js';
import { CARRIED_DIR, carriedSpec, chooseDependency, runningVita, tarballFor, VitaSpecError, type RunningVita } from '../new/vita-package.js';
import { NEW_HELP } from './help.js';
import { VITA_ROOT } from './version.js';


/** Streams and clock, replaceable in tests. */
export interface NewIo {
  stdin?: Readable & { isTTY?: boolean };
  stdout?: Writable & { isTTY?: boolean };
  stderr?: Writable;
  cwd?: string;
  today?: Date;
  /** The running vita (default: this one, found from its folder). */
  vita?: RunningVita;
  /** Packs a vita folder into a folder, returning the tarball's name (default: npm pack). */
  pack?: (root: string, dir: string) => string;
}

const OPTIONS = {
  name: { type: 'string' },
  id: { type: 'string' },
  affiliation: { type: 'string' },
  email: { type: 'string' },
  group: { type: 'string' },
  'base-url': { type: 'string' },
  vita: { type: 'string' },
  refresh: { type: 'boolean' },
  'no-refresh': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runNew(args: string[], io: NewIo = {}): Promise<number> {
  const stdin = io.stdin ?? process.stdin;
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const cwd = io.cwd ?? process.cwd();
  const fail = (message: string, hint?: string, code = 1): number => {
    stderr.write(`vita new: ${message}\n${hint ? `  hint: ${hint}\n` : ''}`);
    return code;
  };

  let given: Given;
  let yes: boolean;
  let vitaSpec: string | undefined;
  try {
    const parsed = parseNewArgs(args);
    if (parsed.help) {
      stdout.write(NEW_HELP);
      return 0;
    }
    given = parsed.given;
    yes = parsed.yes;
    vitaSpec = parsed.vita;
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, err.hint ?? 'run "vita new --help" for the options.', 2);
    throw err;
  }

  const running = io.vita ?? runningVita(fileURLToPath(VITA_ROOT));
  let dependency;
  try {
    dependency = chooseDependency(running, vitaSpec, cwd);
  } catch (err) {
    if (err instanceof VitaSpecError) return fail(err.message, err.hint, 2);
    throw err;
  }

  const problemWith = (folder: string) => folderProblem(resolve(cwd, folder), folder);
  if (given.folder !== undefined) {
    const problem = problemWith(given.folder);
    if (problem) return fail(problem.message, problem.hint);
  }

  const interactive = !yes && Boolean(stdin.isTTY);
  const prompter = interactive ? terminalPrompter(stdin, stdout) : undefined;
  let collected;
  try {
    collected = await collectAnswers(given, prompter, (folder) => problemWith(folder)?.message);
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, err.hint, 2);
    if (err instanceof Cancelled) {
      stdout.write('\n');
      return fail('cancelled; nothing was created');
    }
    throw err;
  } finally {
    prompter?.close();
  }

  const dir = resolve(cwd, collected.folder);
  const problem = problemWith(collected.folder);
  if (problem) return fail(problem.message, problem.hint);

  // Not from a registry: the project carries this vita, so that npm install works in any copy of it.
  if (dependency.pack) stdout.write(`Packing ${running.name} ${running.version} into ${CARRIED_DIR}/ (the project carries the vita it is made with) ...\n`);
  let tarball;
  try {
    tarball = tarballFor(running, dependency, io.pack);
  } catch (err) {
    return fail(`vita could not be packed into the project: ${(err as Error).message}`, 'give the vita to depend on with --vita: a version such as 0.2.0, a tarball made by "npm pack", or a git URL.');
  }
  const answers: Answers = {
    ...collected.answers,
    packageName: packageNameFor(basename(dir), collected.answers.id),
    today: isoDay(io.today ?? new Date()),
    vita: { name: running.name, spec: tarball ? carriedSpec(tarball.file) : dependency.spec },
  };
  const files: Record<string, string | Uint8Array> = projectFiles(answers);
  if (tarball) files[`${CARRIED_DIR}/${tarball.file}`] = tarball.bytes;
  try {
    writeProject(dir, files);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return fail(`the project could not be written in "${collected.folder}" (${code}); nothing was left behind`, 'check that you may write there, and that the disk is not full.');
  }
  stdout.write(summary(collected.folder, dir, cwd, answers, Object.keys(files)));
  return 0;
}

/** The flags, with `--name-<language>` taken out first: parseArgs knows only fixed option names. */
export function parseNewArgs(args: string[]): { given: Given; yes: boolean; help: boolean; vita?: string } {
  const otherNames: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^--name-([^=]+)(?:=([\s\S]*))?$/.exec(arg);
    if (!m) {
      rest.push(arg);
      continue;
    }
    let value = m[2];
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--name-${m[1]} needs a value`, `write it as --name-${m[1]} "..."`);
      i++;
    }
    otherNames[m[1]!] = value;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's own words name no option: say which one was meant.
    const mistake = usageMistakeOf('new', rest, OPTIONS, err);
    throw mistake ? new UsageError(mistake.message, mistake.hint) : err;
  }
  const { values, positionals } = parsed;
  if (values.refresh && values['no-refresh']) throw new UsageError('--refresh and --no-refresh say opposite things', 'give one of them, or neither (the workflow is added by default).');
  if (positionals.length > 1) throw new UsageError(`give one folder, not ${positionals.length} (${positionals.join(', ')})`, 'quote a folder name that has spaces.');
  return {
    help: values.help ?? false,
    yes: values.yes ?? false,
    vita: values.vita,
    given: {
      folder: positionals[0],
      name: values.name,
      otherNames,
      id: values.id,
      affiliation: values.affiliation,
      email: values.email,
      group: values.group,
      baseUrl: values['base-url'],
      refresh: values['no-refresh'] ? false : values.refresh ? true : undefined,
    },
  };
}

const ROLES: [pattern: RegExp, what: (a: Answers) => string][] = [
  [/^vita\.yaml$/, (a) => `the site: title, address, ${a.group ? 'the group' : 'whose it is'}`],
  [/^people\/[^/]+\.yaml$/, (a) => `${a.group ? 'the lead' : 'you'}: name, contact, career (edit this first)`],
  [/^people\/.+\.md$/, () => 'the About text of the homepage'],
  [/^publications\//, () => 'publications: examples, to replace with your BibTeX'],
  [/^news\//, () => 'a first news item'],
  [/^README\.md$/, () => 'what to edit, how to preview and publish'],
  [/^package\.json$/, () => 'npm run dev / build / check'],
  [/^\.gitignore$/, () => 'keeps _site/ and node_modules/ out of git'],
  [/^\.vscode\//, () => 'editor checks and completion for the YAML files'],
  [/^\.github\/workflows\/vita-refresh\.yml$/, () => 'weekly: new papers and citation counts, as a pull request'],
  [/^\.github\//, () => 'publishes the site on GitHub Pages at each push'],
  [/^\.vita\//, () => 'the vita this project uses: npm install installs it from here (commit it)'],
];

function summary(folder: string, dir: string, cwd: string, a: Answers, files: string[]): string {
  const width = Math.max(...files.map((f) => f.length)) + 2;
  const lines = [`Created a vita project for ${a.group ?? a.name} in ${folder}${folder.endsWith('/') ? '' : '/'}:`, ''];
  for (const file of files) {
    const role = ROLES.find(([pattern]) => pattern.test(file))?.[1](a) ?? '';
    lines.push(`  ${file.padEnd(width)}${role}`);
  }
  const rel = relative(cwd, dir) || '.';
  const cd = rel === '.' ? [] : [`  cd ${/^[\w./-]+$/.test(rel) ? rel : JSON.stringify(rel.split(sep).join('/'))}`];
  lines.push('', 'Next:', ...cd, '  npm install', '  npx vita dev', '', `Then edit people/${a.id}.yaml; README.md says what else to edit and how to publish the site.`, '');
  return lines.join('\n');
}
