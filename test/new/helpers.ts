// Runs `vita new` in-process with captured output, in temporary folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { after } from 'node:test';
import { runNew, type NewIo } from '../../src/cli/new.js';
import type { RunningVita } from '../../src/new/vita-package.js';
import { PACKAGE_NAME, VERSION } from '../../src/cli/version.js';

/** This vita as if installed from the registry: the new project names a version range (nothing is packed). */
export const FROM_REGISTRY: RunningVita = { name: PACKAGE_NAME, version: VERSION, root: '.', registry: 'https://registry.npmjs.org' };

/** A fixed day, so that file names and example years are known. */
export const TODAY = new Date('2026-03-15T12:00:00Z');

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vita-new-'));
  made.push(dir);
  return dir;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `vita new <args>` without a terminal (nothing can be asked). */
export async function runVitaNew(args: string[], cwd: string, io: Pick<NewIo, 'vita' | 'pack'> = { vita: FROM_REGISTRY }): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  const code = await runNew(args, { stdin, stdout, stderr, cwd, today: TODAY, ...io });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** `vita new <args>` in a pretend terminal that types `lines` as answers, in order; the input ends after them. */
export async function runVitaNewTyping(args: string[], cwd: string, lines: string[]): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  stdin.end(lines.map((l) => l + '\n').join(''));
  const code = await runNew(args, { stdin, stdout, stderr, cwd, today: TODAY, vita: FROM_REGISTRY });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Every file under a folder, as sorted relative POSIX paths. */
export { filesUnder as listFiles } from '../files.js';
