/**
 * Where a project's site goes: vita.yaml's `output:`, a folder inside the project. A cloned project must not choose
 * where its build writes (`output: ../x`, `output: /srv/www`): only `--out` on the command line names a folder
 * elsewhere. The rule is here once, for the schema's check, the build and the loader (which skips the folder).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isProjectFolder } from '../text/project-folder.js';

export { isProjectFolder } from '../text/project-folder.js';

export const DEFAULT_OUTPUT = '_site';

/**
 * vita.yaml's output folder, read before the project is opened: `folder` when it names one inside the project
 * (the default when it names none), undefined when vita.yaml names one elsewhere (its check reports that).
 */
export function outputFolder(root: string): { folder: string | undefined; written?: string } {
  let written: unknown;
  try {
    const config = parse(readFileSync(join(root, 'vita.yaml'), 'utf8')) as { output?: unknown } | null;
    written = config && typeof config === 'object' ? config.output : undefined;
  } catch {
    // no or unreadable vita.yaml: the check says so
  }
  if (typeof written !== 'string' || !written.trim()) return { folder: DEFAULT_OUTPUT };
  return isProjectFolder(written.trim()) ? { folder: written.trim(), written } : { folder: undefined, written };
}
