// Where the tests find Chromium: $CHROMIUM_PATH (or $VITA_CHROMIUM), else the first of the usual names on PATH.
// Tests that need it are skipped, saying why, when there is none.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function onPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export const CHROMIUM: string | undefined = process.env.CHROMIUM_PATH || process.env.VITA_CHROMIUM || onPath();
/** Why browser tests are skipped, or false when they can run. */
export const NO_CHROMIUM: string | false = CHROMIUM ? false : 'no Chromium: set CHROMIUM_PATH, or put chromium on PATH';
/** Flags for a headless Chromium that talks to nothing but the test's own server. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
