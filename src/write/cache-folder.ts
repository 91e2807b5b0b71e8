/** The build's caches under `.vita-cache/` (CV PDFs, resized images): each keeps what the last build used. */
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes the files of a cache folder that `keep` does not want, so a cache holds one build's outputs, not every
 * version ever made. A folder that cannot be listed, or a file that cannot be removed, is left as it is: a cache
 * only saves time, and the next build tries again.
 */
export function pruneCacheFolder(dir: string, keep: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (keep(name)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}
