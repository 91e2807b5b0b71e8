/** Edits of a project copy as a user makes them, for the tests of incremental rebuilds (resolve and vita dev). */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ProjectEdits {
  /** Writes a file with a modification time of its own, so that looking at the dates finds every write. */
  write(file: string, text: string): void;
  /** Changes a file; the change must change something. */
  edit(file: string, change: (text: string) => string): void;
}

export function projectEdits(dir: string): ProjectEdits {
  let clock = Date.parse('2030-01-01') / 1000;
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
    clock += 10;
    utimesSync(join(dir, file), clock, clock);
  };
  const edit = (file: string, change: (text: string) => string) => {
    const before = readFileSync(join(dir, file), 'utf8');
    const after = change(before);
    assert.notEqual(after, before, `the edit of ${file} changed nothing`);
    write(file, after);
  };
  return { write, edit };
}
