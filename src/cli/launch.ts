/**
 * What `vita` runs first, once installed (dist/cli/main.js): it loads the command, bundled into one file
 * (dist/cli/vita.cjs), with V8's compile cache. Compiling vita's code (its parser, schemas, renderers and their
 * packages) took about a sixth of a one-person site's build, every build; with the cache it is read back
 * compiled. Node 22 has this built in (`module.enableCompileCache`), Node 20 only for scripts: hence one script.
 *
 * - One cache file per command (`build`, `check` ...), made when the command ends (V8 has then compiled what it
 *   needed) by its first few runs; it is named by the bundle's digest, Node's version, the platform and Node's
 *   flags, so that no cache of other code or of another V8 is ever read. A cache whose bytes are not those
 *   written, or that V8 refuses, is made again.
 * - Kept in the package's own folder (dist/.compile-cache/); `VITA_COMPILE_CACHE` names another folder, or `off`.
 *   A folder that cannot be written (a package installed by another user) only means no cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The bundle's digest, written in by `npm run build` (scripts/build.mjs); read from the bundle when absent. */
declare const VITA_BUNDLE_DIGEST: string | undefined;

/** The length of the digest of the cache's bytes that starts its file. */
const DIGEST_BYTES = 32;
/**
 * Runs of a command that make its cache again. V8 caches the functions compiled when the cache is made: the first
 * run of `build` compiles what that record needed, and a cache made again holds what it had and what the run
 * compiled anew. After these, the cache is only read (making it costs ~20 ms).
 */
const SEASONING_RUNS = 3;
/** A cache file's name (see `cacheFile`), or one being written. */
const CACHE_NAME = /^[0-9a-f]{16}-v[0-9.]+-[a-z0-9]+-[a-z0-9]+-[0-9a-f]{8}-[a-z-]+\.bin(\.[0-9]+\.part)?$/;

const bundle = fileURLToPath(new URL('./vita.cjs', import.meta.url));
const source = readFileSync(bundle, 'utf8');
const digest = typeof VITA_BUNDLE_DIGEST === 'string' ? VITA_BUNDLE_DIGEST : createHash('sha256').update(source).digest('hex').slice(0, 16);
const setting = process.env.VITA_COMPILE_CACHE;
const folder = setting === 'off' || setting === '0' ? undefined : setting || join(dirname(bundle), '..', '.compile-cache');
const command = /^[a-z][a-z-]*$/.test(process.argv[2] ?? '') ? process.argv[2]! : 'other';
// V8 refuses a cache made under other flags: they are part of the name, so that two ways of running vita do not
// keep replacing each other's cache.
const flags = createHash('sha256').update(JSON.stringify([process.execArgv, process.env.NODE_OPTIONS ?? ''])).digest('hex').slice(0, 8);
const prefix = `${digest}-`;
const cacheFile = folder && join(folder, `${prefix}${process.version}-${process.platform}-${process.arch}-${flags}-${command}.bin`);

let cachedData: Buffer | undefined;
/** How many runs have made the cache so far (it is made again by the first few: see SEASONING_RUNS). */
let runs = 0;
if (cacheFile) {
  try {
    const file = readFileSync(cacheFile);
    // V8 checks a cache's length, not its bytes: a damaged one could be taken. The file starts with their digest.
    const body = file.subarray(DIGEST_BYTES);
    if (body.length > 1 && createHash('sha256').update(body).digest().equals(file.subarray(0, DIGEST_BYTES))) {
      runs = body[0]!;
      cachedData = body.subarray(1);
    }
  } catch {
    // None yet.
  }
}
// The file as a CommonJS module's function; the shebang line is not JavaScript.
const wrapped = `(function (exports, require, module, __filename, __dirname, vitaImport) {${source.replace(/^#!.*/, '')}\n})`;
const script = new Script(wrapped, { filename: bundle, cachedData });
const usable = cachedData !== undefined && !script.cachedDataRejected;
cachedData = undefined;

if (cacheFile && (!usable || runs < SEASONING_RUNS)) {
  process.once('exit', (code) => {
    // Not after a usage mistake (2) or a failure of vita itself (70): they ran little of the command.
    if (code === 0 || code === 1) remember(script, cacheFile, usable ? runs + 1 : 1);
  });
}

const module = { exports: {} };
// `import()` of a package left out of the bundle (Pagefind, sharp) is this module's: a script compiled from a cache
// has no way to import on Node 20.
const vitaImport = (name: string) => import(name);
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle), vitaImport);

/**
 * Writes the cache of what this run compiled, replacing the files of other bundles. Any failure (a folder that
 * cannot be written) is left unsaid: the command has done its work, and the next run compiles again.
 */
function remember(compiled: Script, file: string, runs: number): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    // Only files of this naming: VITA_COMPILE_CACHE may name a folder that holds others.
    for (const name of readdirSync(dir)) if (CACHE_NAME.test(name) && !name.startsWith(prefix)) rmSync(join(dir, name), { force: true });
    // Written aside and renamed: two runs at once never leave a half-written file.
    const part = `${file}.${process.pid}.part`;
    const body = Buffer.concat([Buffer.from([runs]), compiled.createCachedData()]);
    writeFileSync(part, Buffer.concat([createHash('sha256').update(body).digest(), body]));
    renameSync(part, file);
  } catch {
    // No cache this time.
  }
}
