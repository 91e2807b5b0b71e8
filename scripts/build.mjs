// `npm run build` (and npm's `prepare`, which a git install runs): compiles src/ into dist/ when something changed
// since the last compile, and says so, since it takes a while, then bundles the command and its threads (bundle()
// below); when nothing changed it returns at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** tsc's record of the last compile (it compiles incrementally from it): its time is the compile's. */
const stamp = join(root, 'dist/.tsbuildinfo');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), s.mtimeMs);
}

// An installed package has dist/ and no src/: nothing to compile (npm may run `prepare` for a tarball it installs).
if (!existsSync(join(root, 'src'))) process.exit(0);
const inputs = ['src', 'tsconfig.json', 'package.json'].map((p) => join(root, p));
const fresh = existsSync(stamp) && existsSync(join(root, 'dist/cli/main.js')) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newest));
if (fresh && !process.argv.includes('--force')) process.exit(0);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error('vita: TypeScript is not installed, so src/ cannot be compiled: run npm install (with the dev dependencies) first.');
  process.exit(1);
}
const started = Date.now();
process.stderr.write(`vita: compiling TypeScript, src/ -> dist/ (${existsSync(stamp) ? 'what changed' : 'the first time takes 10-60 s'}) ...\n`);
const r = spawnSync(process.execPath, [tsc, '-p', root, '--incremental', '--tsBuildInfoFile', stamp], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
try {
  await bundle();
} catch (err) {
  // The next `npm run build` compiles again rather than taking tsc's files for done.
  rmSync(stamp, { force: true });
  console.error(`vita: bundling dist/ failed: ${err.message}`);
  process.exit(1);
}
// tsc leaves its record alone when an edit changed nothing it emits: the time of this check is what counts.
const now = new Date();
utimesSync(stamp, now, now);
process.stderr.write(`vita: compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

/**
 * The command and its two threads (building, typesetting) each as one file, in place of tsc's: Node loads one
 * file much faster than the few hundred modules (vita's and its packages') it stands for, and each thread loads
 * them anew, which was most of a one-person site's build. tsc's other files stay for the library (dist/index.js)
 * and its types. Packages with native binaries, or that run files of their own, are loaded from node_modules.
 */
async function bundle() {
  const esbuild = await import('esbuild');
  // Chunks of the last bundle go: their names change with their content.
  rmSync(join(root, 'dist/chunks'), { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts', 'src/write/build-worker.ts', 'src/write/cv-pdf-worker.ts'],
    outbase: 'src',
    outdir: 'dist',
    // What several entries or commands share is a chunk of its own, loaded once and only when needed: `vita --help`
    // does not read the renderers.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@myriaddreamin/typst-ts-node-compiler', 'pagefind', 'sharp', 'playwright-core', 'chokidar'],
    // The packages written as CommonJS `require` Node's own modules: an ES module has no `require` of its own.
    banner: { js: "import { createRequire as vitaCreateRequire } from 'node:module';\nconst require = vitaCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
  });
}
