/** Where the running vita is installed: the folder of its package.json, whether it runs from src/, dist/ or a bundle. */
import { existsSync } from 'node:fs';

/**
 * The folder holding vita's package.json (and dist/, schema/): the nearest one above this module that has one.
 * Found rather than written as `../../`, since this module may be compiled into a bundle at another depth
 * (`npm run build` bundles the command and its threads into dist/cli/ and dist/write/).
 */
export const VITA_ROOT: URL = (() => {
  const here = new URL('./', import.meta.url);
  for (let dir = here; ; ) {
    if (existsSync(new URL('package.json', dir))) return dir;
    const up = new URL('../', dir);
    if (up.href === dir.href) return new URL('../../', here);
    dir = up;
  }
})();

/**
 * The compiled file of one of vita's threads (`build-worker` in `write`), started as a worker: the TypeScript
 * source when vita runs from its sources (tests, the benchmark), else the file in dist/.
 */
export function vitaThreadFile(folder: string, name: string, fromSources: boolean): URL {
  return new URL(fromSources ? `src/${folder}/${name}.ts` : `dist/${folder}/${name}.js`, VITA_ROOT);
}
