#!/usr/bin/env node
/** The `vita` command: parses arguments, runs a command, prints, sets the exit status. Nothing else lives here. */
import { parseArgs } from 'node:util';
import { runCheck } from './check.js';
import { HELP, VERSION } from './help.js';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 1;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`vita ${VERSION}\n`);
    return 0;
  }
  switch (command) {
    case 'check': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
      });
      if (values.help) {
        process.stdout.write(HELP);
        return 0;
      }
      if (values.format !== 'text' && values.format !== 'json') return usage(`--format takes "text" or "json", not "${values.format}"`);
      return runCheck(positionals[0] ?? '.', { format: values.format });
    }
    default:
      return usage(`unknown command "${command}"`);
  }
}

function usage(message: string): number {
  process.stderr.write(`vita: ${message}\nRun "vita --help" for the commands.\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Only a bug reaches here: user errors are diagnostics.
    if (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.exitCode = usage(err.message);
      return;
    }
    process.stderr.write(`vita: internal error (this is a bug in vita; please report it with the text below)\n${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
