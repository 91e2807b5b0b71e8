#!/usr/bin/env node
/** The `vita` command: parses arguments, runs a command, sets the exit status. Nothing else lives here. */
import type { ParseArgsConfig } from 'node:util';
import { badChoice, parseCommandArgs, tooManyArguments, unknownCommand, UsageMistake } from './args.js';
import { COMMAND_HELP, HELP, VERSION } from './help.js';
import { SOURCE_KINDS, type SourceKind } from '../import/bundle.js';
import { terminalText } from '../text/printable.js';

// Each command's module is imported when the command runs: `vita --help` should not load the renderers, Typst or the
// search indexer (together, seconds on a slow disk).

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

/** Each command: its options, and how it runs with the parsed values and positionals. */
const COMMANDS: Record<string, { options: Options; takes: [max: number, what: string]; run: (v: Values, p: string[]) => number | Promise<number> }> = {
  check: {
    takes: [1, 'one project folder'],
    options: { format: { type: 'string', default: 'text' } },
    run: async (v, p) => {
      if (v.format === 'text' || v.format === 'json') return (await import('./check.js')).runCheck(p[0] ?? '.', { format: v.format });
      throw badChoice('format', String(v.format), ['text', 'json']);
    },
  },
  build: {
    takes: [1, 'one project folder'],
    options: { out: { type: 'string', short: 'o' }, 'base-url': { type: 'string' }, 'no-search': { type: 'boolean' }, 'no-pdf': { type: 'boolean' }, 'no-cache': { type: 'boolean' }, force: { type: 'boolean' } },
    run: async (v, p) => (await import('./build.js')).runBuild(p[0] ?? '.', { out: str(v.out), baseUrl: baseUrl(v['base-url']), search: v['no-search'] ? false : undefined, cv: v['no-pdf'] ? false : undefined, cache: v['no-cache'] ? false : undefined, force: v.force === true }),
  },
  dev: {
    takes: [1, 'one project folder'],
    options: { port: { type: 'string' }, host: { type: 'string' } },
    run: async (v, p) => (await import('./dev.js')).runDev(p[0] ?? '.', { port: str(v.port), host: str(v.host) }),
  },
  cv: {
    takes: [1, 'one project folder'],
    options: {
      person: { type: 'string', short: 'p' },
      variant: { type: 'string' },
      theme: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      accent: { type: 'string' },
      font: { type: 'string' },
      paper: { type: 'string' },
      lang: { type: 'string' },
    },
    run: async (v, p) =>
      (await import('./cv.js')).runCv(p[0] ?? '.', { person: str(v.person), variant: str(v.variant), theme: str(v.theme), format: str(v.format), out: str(v.out), accent: str(v.accent), font: str(v.font), paper: str(v.paper), lang: str(v.lang) }),
  },
  export: {
    takes: [2, 'a format and a project folder'],
    options: { person: { type: 'string', short: 'p' }, out: { type: 'string', short: 'o' } },
    run: async (v, p) => (p[0] ? (await import('./export.js')).runExport(p[1] ?? '.', p[0], { person: str(v.person), out: str(v.out) }) : usage('say what to export: vita export jsonresume [project]')),
  },
  import: {
    takes: [1, 'one source'],
    options: { into: { type: 'string' }, kind: { type: 'string' }, 'dry-run': { type: 'boolean' }, offline: { type: 'boolean' }, mailto: { type: 'string' } },
    run: async (v, p) => {
      if (!p[0]) return usage('vita import needs a source: a .bib file, a CV file, a site folder, or an online source such as orcid:0000-0002-1825-0097');
      const kind = str(v.kind);
      if (kind && !(SOURCE_KINDS as readonly string[]).includes(kind)) throw badChoice('kind', kind, SOURCE_KINDS);
      const mailto = str(v.mailto);
      if (mailto !== undefined && !/^[^\s@]+@[^\s@]+$/.test(mailto)) return usage(`--mailto takes an email address, not "${mailto}"`);
      return (await import('./import.js')).runImport(p[0], { into: str(v.into), kind: kind as SourceKind | undefined, dryRun: v['dry-run'] === true, offline: v.offline === true, mailto });
    },
  },
  sync: {
    takes: [1, 'one project folder'],
    options: { write: { type: 'boolean' }, offline: { type: 'boolean' }, person: { type: 'string', short: 'p' }, mailto: { type: 'string' }, format: { type: 'string', default: 'text' } },
    run: async (v, p) => {
      if (v.format !== 'text' && v.format !== 'json') throw badChoice('format', String(v.format), ['text', 'json']);
      const mailto = str(v.mailto);
      if (mailto !== undefined && !/^[^\s@]+@[^\s@]+$/.test(mailto)) return usage(`--mailto takes an email address, not "${mailto}"`);
      return (await import('./sync.js')).runSync(p[0] ?? '.', { write: v.write === true, offline: v.offline === true, person: str(v.person), mailto, format: v.format });
    },
  },
  metrics: {
    takes: [1, 'one project folder'],
    options: { offline: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, mailto: { type: 'string' } },
    run: async (v, p) => {
      const mailto = str(v.mailto);
      if (mailto !== undefined && !/^[^\s@]+@[^\s@]+$/.test(mailto)) return usage(`--mailto takes an email address, not "${mailto}"`);
      return (await import('./metrics.js')).runMetrics(p[0] ?? '.', { offline: v.offline === true, dryRun: v['dry-run'] === true, mailto });
    },
  },
  serve: {
    takes: [1, 'one site folder'],
    options: { port: { type: 'string' }, host: { type: 'string' }, 'base-url': { type: 'string' } },
    run: async (v, p) => (await import('./serve.js')).runServe(p[0], { port: str(v.port), host: str(v.host), baseUrl: str(v['base-url']) }),
  },
  upgrade: {
    takes: [1, 'one project folder'],
    options: { vita: { type: 'string' }, 'no-install': { type: 'boolean' } },
    run: async (v, p) => (await import('./upgrade.js')).runUpgrade(p[0] ?? '.', { vita: str(v.vita), install: v['no-install'] ? false : undefined }),
  },
  announce: {
    takes: [2, 'an event and a project folder'],
    options: { out: { type: 'string', short: 'o' }, 'base-url': { type: 'string' }, lang: { type: 'string' } },
    run: async (v, p) => (p[0] ? (await import('./announce.js')).runAnnounce(p[1] ?? '.', p[0], { out: str(v.out), baseUrl: baseUrl(v['base-url']), lang: str(v.lang) }) : usage('name the event: vita announce <series>/<event> [project]')),
  },
};

/**
 * The one gate to the terminal: what vita prints on stderr (messages), and on stdout when it is a terminal, loses any
 * control character a record smuggled into it (vita's own colours stay). Data piped from stdout (`vita export`,
 * `--format json`) is left as it is.
 */
function guardTerminal(stream: NodeJS.WriteStream, always: boolean): void {
  if (!always && !stream.isTTY) return;
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? terminalText(chunk) : chunk, ...rest)) as typeof stream.write;
}

export async function main(argv: string[]): Promise<number> {
  guardTerminal(process.stderr, true);
  guardTerminal(process.stdout, false);
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`vita ${VERSION}\n`);
    return 0;
  }
  // `vita new` asks questions and parses its own flags.
  if (command === 'new') return (await import('./new.js')).runNew(rest);
  const spec = COMMANDS[command];
  if (!spec) throw unknownCommand(command, [...Object.keys(COMMANDS), 'new']);
  const { values, positionals } = parseCommandArgs(command, rest, { ...spec.options, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(COMMAND_HELP[command] ?? HELP);
    return 0;
  }
  if (positionals.length > spec.takes[0]) throw tooManyArguments(command, positionals, spec.takes[0], spec.takes[1]);
  return spec.run(values as Values, positionals);
}

/** `--base-url`: a path ("/pku-ml/") or an address a browser can read. */
function baseUrl(v: string | boolean | undefined): string | undefined {
  const s = str(v);
  if (s !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !URL.canParse(s)) {
    throw new UsageMistake(`--base-url "${s}" is not a web address a browser can read`, 'write e.g. --base-url https://example.org/pku-ml/ or --base-url /pku-ml/.');
  }
  return s;
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function usage(message: string, hint = 'run "vita --help" for the commands.', command?: string): number {
  process.stderr.write(`vita${command ? ` ${command}` : ''}: ${message}\n  hint: ${hint}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageMistake) {
      process.exitCode = usage(err.message, err.hint, err.command);
      return;
    }
    // Only a bug reaches here: problems in the record are diagnostics.
    process.stderr.write(`vita: internal error (this is a bug in vita; please report it with the text below)\n${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
