/**
 * Which vita a new project depends on, and how it gets it. A vita installed from a registry is named with a version
 * range. Any other vita (a clone, a tarball, a git checkout) is packed into the project itself, as `.vita/<file>.tgz`
 * referenced by a relative `file:` path, the way a build tool's wrapper pins its version: then `npm install` works in
 * every copy of the project and in CI, with nothing outside it but the registry's other packages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** The folder, in a project, of the vita it carries. */
export const CARRIED_DIR = '.vita';

/** The vita that is running: its package name, version and folder, and whether a registry gave it. */
export interface RunningVita {
  name: string;
  version: string;
  /** The folder holding its package.json. */
  root: string;
  /** The registry address it was installed from, when it was. */
  registry?: string;
}

/** What a project's package.json says of vita: the spec, and the tarball to place in `.vita/` for a `file:` spec. */
export interface VitaDependency {
  spec: string;
  /** Copy this tarball to `.vita/<its name>` (a tarball given with --vita). */
  copy?: string;
  /** Pack the running vita into `.vita/`. */
  pack?: boolean;
}

export class VitaSpecError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** The running vita, found from its own folder. */
export function runningVita(root: string): RunningVita {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version, root, registry: registryOf(root, pkg.name) };
}

/**
 * The registry address a package folder was installed from, from npm's record of the install (the hidden lockfile in
 * node_modules, or the project's package-lock.json); undefined for a folder not installed by npm, or installed from a
 * tarball, a folder or git.
 */
export function registryOf(root: string, name: string): string | undefined {
  const parts = resolve(root).split(/[\\/]/);
  const depth = name.startsWith('@') ? 2 : 1;
  if (parts[parts.length - depth - 1] !== 'node_modules') return undefined;
  const modules = parts.slice(0, parts.length - depth).join('/');
  for (const [lockfile, key] of [
    [join(modules, '.package-lock.json'), `node_modules/${name}`],
    [join(dirname(modules), 'package-lock.json'), `node_modules/${name}`],
  ] as const) {
    let resolved: unknown;
    try {
      const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages?: Record<string, { resolved?: unknown }> };
      resolved = lock.packages?.[key]?.resolved;
    } catch {
      continue;
    }
    // A registry's tarball: https://registry.npmjs.org/<name>/-/<name>-<version>.tgz (any registry has the /-/).
    if (typeof resolved === 'string' && /^https?:\/\//.test(resolved) && resolved.includes('/-/') && resolved.endsWith('.tgz')) return new URL(resolved).origin;
    if (typeof resolved === 'string') return undefined;
  }
  return undefined;
}

/**
 * The dependency for a new project: `given` (a version or range, a tarball, a git or https URL) when the user named
 * one, else a range on the running version when a registry gave it, else the running vita packed into `.vita/`.
 */
export function chooseDependency(running: RunningVita, given: string | undefined, cwd: string): VitaDependency {
  if (given === undefined) return running.registry ? { spec: `^${running.version}` } : { spec: '', pack: true };
  const spec = given.trim();
  if (/\.(tgz|tar\.gz)$/i.test(spec) && !/^[a-z+]+:\/\//i.test(spec)) {
    const path = resolve(cwd, spec.replace(/^file:/, ''));
    if (!existsSync(path)) throw new VitaSpecError(`--vita: the tarball "${spec}" does not exist`, 'give a tarball made by "npm pack", a version such as 0.2.0, or a git URL.');
    return { spec: '', copy: path };
  }
  if (/^(git\+|git:|github:|gitlab:|bitbucket:|https?:\/\/)/i.test(spec) || /^[\w.-]+\/[\w.-]+(#.+)?$/.test(spec)) return { spec };
  if (/^[\^~]?(\d+|x|\*)(\.(\d+|x|\*)){0,2}(-[\w.]+)?$/i.test(spec) || /^[<>=]/.test(spec) || spec === 'latest') return { spec };
  throw new VitaSpecError(`--vita takes a version, a tarball or a git URL, not "${given}"`, 'for example --vita 0.2.0, --vita ./academic-vita-0.2.0.tgz or --vita github:owner/vita.');
}

/** Packs the vita at `root` into `dir` with npm (its own files, no scripts run); returns the tarball's file name. */
export function packVita(root: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const npm = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const r = spawnSync(npm[0]!, [...npm.slice(1), 'pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32' && npm.length === 1,
    env: { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' },
  });
  if (r.error || r.status !== 0) throw new Error(`npm pack failed in ${root}: ${r.error?.message ?? r.stderr.trim()}`);
  const [packed] = JSON.parse(r.stdout) as { filename: string }[];
  if (!packed) throw new Error('npm pack made no tarball');
  // npm names a scoped package's tarball "scope-name-1.0.0.tgz"; older npm versions keep the "@".
  return basename(packed.filename);
}

/** The tarball a project will carry: its file name in `.vita/` and its bytes. */
export interface CarriedTarball {
  file: string;
  bytes: Buffer;
}

/**
 * The tarball `dependency` asks for, read before anything is written: a copy of the one given, or the running vita
 * packed (`pack` is replaceable in tests). Undefined for a dependency the registry or git serves.
 */
export function tarballFor(running: RunningVita, dependency: VitaDependency, pack: (root: string, dir: string) => string = packVita): CarriedTarball | undefined {
  if (dependency.copy) return { file: basename(dependency.copy), bytes: readFileSync(dependency.copy) };
  if (!dependency.pack) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'vita-pack-'));
  try {
    const file = pack(running.root, dir);
    return { file, bytes: readFileSync(join(dir, file)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The package.json spec of a carried tarball. */
export function carriedSpec(file: string): string {
  return `file:${CARRIED_DIR}/${file}`;
}

/** The tarballs of `name` a project carries in `.vita/` (the file names). */
export function carriedTarballs(project: string, name: string): string[] {
  const prefix = name.replace(/^@/, '').replace('/', '-') + '-';
  try {
    return readdirSync(join(project, CARRIED_DIR)).filter((f) => f.startsWith(prefix) && f.endsWith('.tgz'));
  } catch {
    return [];
  }
}
