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
 *
 * The command is one CommonJS file (dist/cli/vita.cjs), which dist/cli/main.js (src/cli/launch.ts) runs with V8's
 * compile cache; Node 20 keeps a cache for a script, not for ES modules. The threads stay ES modules sharing chunks.
 */
async function bundle() {
  const esbuild = await import('esbuild');
  const { createHash } = await import('node:crypto');
  const { readFileSync, writeFileSync } = await import('node:fs');
  const external = ['@myriaddreamin/typst-ts-node-compiler', 'pagefind', 'sharp', 'playwright-core', 'chokidar'];
  // Chunks of the last bundle go: their names change with their content.
  rmSync(join(root, 'dist/chunks'), { recursive: true, force: true });
  const command = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli/vita.cjs',
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    // The module's own address, as an ES module has it (vita finds its package and threads from it).
    define: { 'import.meta.url': '__vitaUrl' },
    banner: { js: "const __vitaUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [withoutTopLevelAwait()],
    logLevel: 'warning',
  });
  let text = command.outputFiles[0].text;
  // A script compiled from a cache cannot `import()` on Node 20: the packages left out are imported by the launcher.
  for (const name of external) text = text.replaceAll(`import(${JSON.stringify(name)})`, `vitaImport(${JSON.stringify(name)})`);
  const left = /\bimport\("(?!\.{0,2}\/)[^"]+"\)/.exec(text);
  if (left) throw new Error(`the command's bundle imports a package at run time (${left[0]}): add it to the bundle or to the launcher's imports`);
  writeFileSync(join(root, 'dist/cli/vita.cjs'), text);
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { 'cli/main': 'src/cli/launch.ts', 'write/build-worker': 'src/write/build-worker.ts', 'write/cv-pdf-worker': 'src/write/cv-pdf-worker.ts' },
    outdir: 'dist',
    // What the threads share is a chunk of its own.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    define: { VITA_BUNDLE_DIGEST: JSON.stringify(digest) },
    // The packages written as CommonJS `require` Node's own modules: an ES module has no `require` of its own.
    banner: { js: "import { createRequire as vitaCreateRequire } from 'node:module';\nconst require = vitaCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  // The launcher's first line is `#!/usr/bin/env node` (src/cli/launch.ts has none: it is not run from src/).
  const launcher = join(root, 'dist/cli/main.js');
  const launched = readFileSync(launcher, 'utf8');
  if (!launched.startsWith('#!')) writeFileSync(launcher, `#!/usr/bin/env node\n${launched}`);
}

/**
 * A CommonJS file cannot wait at its top: the modules that import an ES-only package at once on a Node without
 * `require(esm)` (src/render/on-demand.ts) `require` it in the bundle instead, which bundles it.
 */
function withoutTopLevelAwait() {
  return {
    name: 'without-top-level-await',
    setup(build) {
      // The renderers alone load packages on demand; anywhere else esbuild refuses the top-level await, loudly.
      build.onLoad({ filter: /src[\\/]render[\\/].*\.ts$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const text = await readFile(args.path, 'utf8');
        const early = /\bREQUIRES_ES_MODULES \? undefined : await import\((["'][^"']+["'])\)/g;
        if (!early.test(text)) return undefined;
        return { contents: text.replace(early, 'REQUIRES_ES_MODULES ? undefined : require($1)'), loader: 'ts' };
      });
    },
  };
}
