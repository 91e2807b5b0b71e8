/** Questions in the terminal, one line each, with the default in brackets: `Folder for the project [ada-lovelace]:`. */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** The user closed the input (Ctrl-D) or pressed Ctrl-C. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface Prompter {
  /** Asks until `check` accepts the answer (it returns a message when it does not). Empty answers give the default. */
  ask(question: string, options?: { default?: string; check?: (answer: string) => string | undefined; required?: boolean }): Promise<string>;
  /** Prints a line. */
  say(text: string): void;
  close(): void;
}

export function terminalPrompter(input: Readable, output: Writable & { isTTY?: boolean }): Prompter {
  const rl = createInterface({ input, output, terminal: Boolean(output.isTTY) });
  // Without a listener, Ctrl-C would only pause the input and the question would wait for ever.
  let interrupted = false;
  rl.on('SIGINT', () => {
    interrupted = true;
    rl.close();
  });
  // The iterator keeps lines that arrive before they are asked for (pasted or piped answers), even after the input
  // has ended; it is done when they are used up.
  const lines = rl[Symbol.asyncIterator]();

  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (interrupted || line.done) throw new Cancelled();
    return line.value;
  };

  return {
    async ask(question, options = {}) {
      for (;;) {
        const shown = options.default ? ` [${options.default}]` : '';
        rl.setPrompt(`${question}${shown}: `);
        rl.prompt();
        const typed = (await next()).trim();
        const answer = typed === '' ? (options.default ?? '') : typed;
        if (answer === '' && options.required) {
          output.write('  an answer is needed here.\n');
          continue;
        }
        const problem = answer === '' ? undefined : options.check?.(answer);
        if (!problem) return answer;
        output.write(`  ${problem}\n`);
      }
    },
    say(text) {
      output.write(text + '\n');
    },
    close() {
      rl.close();
    },
  };
}
