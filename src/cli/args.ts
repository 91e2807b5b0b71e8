/**
 * Command-line words in plain terms: Node's parser says "Unknown option '--varient'. To specify a positional
 * argument starting with a '-' ..."; vita says which option was meant. Every usage mistake exits with status 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../text/suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A mistake in how vita was called (not in the record): printed with a hint, exit status 2. */
export class UsageMistake extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /** The command it was made with, when the message is about its options. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageMistake';
  }
}

/** `parseArgs` for one command, its mistakes as UsageMistakes that name the closest valid option. */
export function parseCommandArgs(command: string, args: string[], options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    throw usageMistakeOf(command, args, options, err) ?? err;
  }
}

/** A parse error of `parseArgs` as a UsageMistake; undefined for any other error. */
export function usageMistakeOf(command: string, args: string[], options: Options, err: unknown): UsageMistake | undefined {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  return explain(command, args, options, code, (err as Error).message);
}

function explain(command: string, args: string[], options: Options, code: string, message: string): UsageMistake {
  const names = Object.keys(options);
  const written = /'(-[^']*)'/.exec(message)?.[1] ?? '';
  const bare = written.replace(/^-+/, '').replace(/=.*$/, '');
  const help = `"vita ${command} --help" lists its options.`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // "--varient=short" or "--varient short": the value travels with the suggestion.
    const at = args.findIndex((a) => a === written || a.startsWith(`${written}=`));
    const inline = at >= 0 && args[at]!.includes('=') ? args[at]!.slice(args[at]!.indexOf('=') + 1) : undefined;
    const next = at >= 0 ? args[at + 1] : undefined;
    const guess = written.startsWith('--') || bare.length > 1 ? closest(bare, names) : names.find((n) => options[n]!.short === bare);
    const takes = guess && options[guess]!.type === 'string';
    const value = inline ?? (takes && next !== undefined && !next.startsWith('-') ? next : undefined);
    const meant = guess ? `--${guess}${takes && value !== undefined ? ` ${value}` : ''}` : undefined;
    return new UsageMistake(`unknown option "${written}"`, meant ? `did you mean ${meant}? ${help}` : help, command);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = names.find((n) => message.includes(`--${n}`)) ?? bare;
    if (options[name]?.type === 'string') return new UsageMistake(`--${name} needs a value`, `write it as --${name} <value>. ${help}`, command);
    return new UsageMistake(`--${name} takes no value`, `write --${name} alone. ${help}`, command);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageMistake(`unexpected argument ${message.replace(/^Unexpected argument '([^']*)'.*$/s, '"$1"')}`, help, command);
  }
  return new UsageMistake(message.split('\n')[0]!, help, command);
}

/** A value outside a closed list: "--variant takes full, short or custom, not "shrt"" with the closest one. */
export function badChoice(option: string, value: string, choices: readonly string[], also = ''): UsageMistake {
  const guess = closest(value, choices);
  const list = choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}` : choices.join('');
  return new UsageMistake(`--${option} takes ${list}${also}, not "${value}"`, guess ? `did you mean --${option} ${guess}?` : undefined);
}

/** More words than a command takes (`vita check my-site extra`): the command would silently ignore them. */
export function tooManyArguments(command: string, positionals: readonly string[], max: number, takes: string): UsageMistake {
  const extra = positionals.slice(max).map((p) => `"${p}"`);
  return new UsageMistake(`it takes ${takes}; ${extra.join(', ')} ${extra.length === 1 ? 'is one' : `are ${extra.length}`} too many`, `quote a path that has spaces; "vita ${command} --help" lists what it takes.`, command);
}

/** The closest command to a mistyped one. */
export function unknownCommand(command: string, commands: readonly string[]): UsageMistake {
  const guess = closest(command, commands);
  return new UsageMistake(`unknown command "${command}"`, guess ? `did you mean vita ${guess}?` : `the commands are ${commands.join(', ')}.`);
}
