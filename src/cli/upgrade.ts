/**
 * `vita upgrade [project]`: the project depends on the running vita from now on. A project that carries its vita
 * (`.vita/<name>-<version>.tgz`) gets the running one packed in its place; one that names a registry version gets the
 * running version's range. package.json and package-lock.json are updated by npm install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CARRIED_DIR, carriedSpec, carriedTarballs, chooseDependency, runningVita, tarballFor, VitaSpecError, type RunningVita } from '../new/vita-package.js';
import { VITA_ROOT } from './version.js';

export interface UpgradeOptions {
  /** A version, tarball or git URL to depend on instead of the running vita. */
  vita?: string;
  /** Run npm install afterwards (default), which updates package-lock.json and node_modules. */
  install?: boolean;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  running?: RunningVita;
  pack?: (root: string, dir: string) => string;
}

/** The names vita had in projects made before it was published under its own: their dependency is taken over. */
const FORMER_NAMES = ['vita'];

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

export async function runUpgrade(project: string, options: UpgradeOptions = {}): Promise<number> {
  const out = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const err = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const fail = (message: string, hint: string, code = 1) => (err(`vita upgrade: ${message}\n  hint: ${hint}\n`), code);

  const file = join(project, 'package.json');
  let text: string;
  let pkg: Manifest;
  try {
    text = readFileSync(file, 'utf8');
    pkg = JSON.parse(text) as Manifest;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return fail(missing ? `${file} does not exist` : `${file} cannot be read as JSON (${(e as Error).message})`, missing ? 'run vita upgrade in a project made by vita new, or name its folder.' : 'fix package.json, then run vita upgrade again.');
  }
  const running = options.running ?? runningVita(fileURLToPath(VITA_ROOT));
  const section = (['dependencies', 'devDependencies'] as const).find((s) => [running.name, ...FORMER_NAMES].some((n) => pkg[s]?.[n] !== undefined));
  if (!section) return fail(`${file} does not depend on ${running.name}`, `add it with: npm install ${running.name}`);
  const deps = pkg[section]!;
  const oldName = [running.name, ...FORMER_NAMES].find((n) => deps[n] !== undefined)!;

  let dependency;
  try {
    dependency = chooseDependency(running, options.vita, project);
  } catch (e) {
    if (e instanceof VitaSpecError) return fail(e.message, e.hint, 2);
    throw e;
  }
  if (dependency.pack) out(`Packing ${running.name} ${running.version} into ${CARRIED_DIR}/ ...\n`);
  let tarball;
  try {
    tarball = tarballFor(running, dependency, options.pack);
  } catch (e) {
    return fail(`vita could not be packed: ${(e as Error).message}`, 'give the vita to depend on with --vita: a version, a tarball or a git URL.');
  }
  const spec = tarball ? carriedSpec(tarball.file) : dependency.spec;
  const carriedBefore = carriedTarballs(project, running.name);
  const sameBytes = tarball !== undefined && existsSync(join(project, CARRIED_DIR, tarball.file)) && readFileSync(join(project, CARRIED_DIR, tarball.file)).equals(tarball.bytes);
  if (oldName === running.name && deps[oldName] === spec && (tarball === undefined || sameBytes)) {
    out(`${project === '.' ? 'The project' : project} already depends on ${running.name} ${tarball ? running.version : spec}; nothing to do.\n`);
    return 0;
  }

  if (tarball) writeFileSync(join(project, CARRIED_DIR, tarball.file), tarball.bytes);
  for (const old of carriedBefore) if (old !== tarball?.file) rmSync(join(project, CARRIED_DIR, old));
  // The same key order, the new name in the old one's place.
  pkg[section] = Object.fromEntries(Object.entries(deps).map(([k, v]) => (k === oldName ? [running.name, spec] : [k, v])));
  const indent = /^\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  writeFileSync(file, JSON.stringify(pkg, null, indent) + '\n');
  forgetLocked(project, [oldName, running.name]);
  out(`${section}: ${oldName === running.name ? '' : `${oldName} -> `}${running.name} ${deps[oldName]} -> ${spec}\n`);

  if (options.install === false) {
    out('Run npm install to install it (and update package-lock.json).\n');
    return 0;
  }
  out('Installing it (npm install) ...\n');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: project, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (r.error || r.status !== 0) return fail('npm install failed (above)', 'package.json names the new vita already: run npm install again once the problem is fixed.');
  out(`The project now uses ${running.name} ${tarball ? running.version : spec}.\n`);
  return 0;
}

/** Removes vita's entries from package-lock.json, so that npm install reads the package again (a tarball of the same name may hold new bytes). */
function forgetLocked(project: string, names: string[]): void {
  const file = join(project, 'package-lock.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const lock = JSON.parse(text) as { packages?: Record<string, unknown>; dependencies?: Record<string, unknown> };
  for (const name of names) {
    delete lock.packages?.[`node_modules/${name}`];
    delete lock.dependencies?.[name];
  }
  writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
}
