/** The files under a folder, for tests that compare what a command wrote (one walker for every test). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `root`, as sorted relative POSIX paths. */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** Every file under `root` with its bytes (as latin1 text: lossless, cheap to compare), by relative POSIX path. */
export function contentsUnder(root: string): Map<string, string> {
  return new Map(filesUnder(root).map((path) => [path, readFileSync(join(root, path), 'latin1')]));
}
