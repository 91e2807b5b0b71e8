/**
 * The project's files as `vita dev` watches them. Node's recursive `fs.watch` loses a file for good once an editor
 * saves it by renaming a new file over it (and misses folders made again), so chokidar watches: it follows
 * renames, new and re-created folders, and `git checkout`. A watcher that fails is started again.
 */
import { watch as chokidar, type FSWatcher } from 'chokidar';
import { relative, resolve, sep } from 'node:path';

/** Folders that are never part of the record (as the loader skips them), so never watched. */
const TOOL_FOLDERS = new Set(['node_modules', '_site', 'out', 'dist']);

/**
 * Editors' temporary and backup files, which come and go around a save (as zola's `serve` skips them): vim's
 * `.swp`/`.swx`/`4913`, emacs's `#name#` and `.#name`, `name~`, JetBrains' `___jb_tmp___`/`___jb_old___`, `.tmp`.
 */
export function isEditorTemporary(name: string): boolean {
  return /(\.sw[px]|~|\.tmp|___jb_(tmp|old)___)$/i.test(name) || /^(#.*#|4913)$/.test(name) || name.startsWith('.#');
}

/** Whether a project-relative path is outside what `vita dev` needs to see. */
export function isIgnored(path: string, output?: string): boolean {
  if (path === '') return false;
  const parts = path.split(/[\\/]/);
  const name = parts[parts.length - 1]!;
  if (isEditorTemporary(name)) return true;
  for (const part of parts) if ((part.startsWith('.') && part !== '.well-known') || TOOL_FOLDERS.has(part)) return true;
  return output !== undefined && (path === output || path.startsWith(output + '/'));
}

export interface ProjectWatcher {
  close(): Promise<void>;
}

/**
 * Watches a project: `changed` gets project-relative paths ('/'-separated) of files and folders added, changed or
 * removed. `problem` is told when the watcher failed and was started again.
 */
export async function watchProject(
  root: string,
  changed: (path: string) => void,
  problem: (message: string) => void,
  output?: string,
): Promise<ProjectWatcher> {
  const projectRoot = resolve(root);
  const skip = output ? relative(projectRoot, resolve(projectRoot, output)).split(sep).join('/') : undefined;
  let watcher: FSWatcher | undefined;
  let closed = false;
  const start = async (): Promise<void> => {
    const w = chokidar(projectRoot, {
      ignoreInitial: true,
      // Links are not followed: what a link points to outside the project is not the project's to watch.
      followSymlinks: false,
      // A file removed and made again within this long is reported as changed (an editor's rename-save).
      atomic: 100,
      ignored: (path: string) => isIgnored(relative(projectRoot, resolve(projectRoot, path)).split(sep).join('/'), skip),
    });
    watcher = w;
    w.on('all', (_event, path) => {
      const rel = relative(projectRoot, resolve(projectRoot, path)).split(sep).join('/');
      if (!isIgnored(rel, skip)) changed(rel);
    });
    w.on('error', (err) => {
      if (closed || watcher !== w) return;
      problem(`the file watcher failed (${(err as Error).message}); watching again`);
      void w.close();
      // Whatever happened while no watcher ran is found by looking at every file.
      void start().then(() => changed(''));
    });
    await new Promise<void>((ready) => w.once('ready', () => ready()));
  };
  await start();
  return {
    close: async () => {
      closed = true;
      await watcher?.close();
    },
  };
}
