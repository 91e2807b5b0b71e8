/**
 * A project's theme, from its `theme/` folder: `theme/style.css`, linked after vita's stylesheet on every page,
 * and `theme/components.js` (or `.mjs`, an ES module), whose exports override page components by name
 * (see ./components.ts). `loadTheme` is the one place that reads them; the renderers get the result in
 * SiteOptions.theme and stay pure functions of (graph, options).
 *
 * Nothing in a theme can stop a build: an export that is not a component, or not a function, is reported and
 * left out; a module that cannot be imported is reported and the site is made with vita's own components.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { OutsideError, readInside, realInside } from '../../load/inside.js';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic, Span } from '../../diagnostics/diagnostic.js';
import { closest } from '../../text/suggest.js';
import { COMPONENT_NAMES, isComponentName, type ComponentName, type ComponentOverrides } from './components.js';

/** The theme's folder and its files, project-relative. */
export const THEME_DIR = 'theme';
export const THEME_STYLE = 'theme/style.css';
export const THEME_MODULES = ['theme/components.js', 'theme/components.mjs'] as const;

export interface SiteTheme {
  /** The component overrides, each one a function (what is not was reported and left out). */
  components: ComponentOverrides;
  /** The module they come from, project-relative ("theme/components.js"), when there is one. */
  componentsFile?: string;
  /** The URL it was imported from, to find its lines in stack traces. */
  moduleUrl?: string;
  /** Where each override is defined in the module, for diagnostics. */
  locations: Partial<Record<ComponentName, Span>>;
  /** theme/style.css, when there is one: `version` (a hash of its content) makes browsers fetch it again when it changes. */
  style?: { file: string; version: string };
  /** The theme's files, project-relative: what `vita dev` must watch besides the record. */
  files: string[];
  /** Problems found loading the theme (its problems while pages are rendered go to SiteOptions.onDiagnostic). */
  diagnostics: Diagnostic[];
}

/** Whether the project has a file there: one reached through a link out of the project is reported, and taken as absent. */
function isFile(root: string, rel: string, theme?: SiteTheme): boolean {
  try {
    return statSync(realInside(root, rel)).isFile();
  } catch (e) {
    if (e instanceof OutsideError) {
      theme?.diagnostics.push({
        file: rel,
        severity: 'warning',
        code: 'load/link-outside',
        message: e.target === undefined ? 'the file is a symbolic link that leads nowhere: it was skipped' : `the file is a symbolic link to ${e.target}, outside the project: it was not read, and is not used`,
        hint: 'copy the file into the project\'s theme/ folder, or delete the link.',
      });
    }
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function hash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/**
 * The project's theme, or undefined when it has no `theme/` folder with a style.css or components module.
 * The module is imported under a query made of its content's hash, so `vita dev` gets the new version after
 * each edit (modules it imports in turn are not reloaded: keep a theme in one file).
 */
export async function loadTheme(projectRoot: string): Promise<SiteTheme | undefined> {
  const dir = join(projectRoot, THEME_DIR);
  if (!isDirectory(dir)) return undefined;
  const theme: SiteTheme = { components: {}, locations: {}, files: [], diagnostics: [] };
  if (isFile(projectRoot, THEME_STYLE, theme)) {
    try {
      theme.style = { file: THEME_STYLE, version: hash(readInside(projectRoot, THEME_STYLE)) };
      theme.files.push(THEME_STYLE);
    } catch {
      // Unreadable: the site's copy of it will say so, as for any linked file.
    }
  }
  const modules = THEME_MODULES.filter((m) => isFile(projectRoot, m, theme));
  if (modules.length > 1) {
    theme.diagnostics.push({
      file: modules[1]!,
      severity: 'warning',
      code: 'theme/duplicate-module',
      message: `the theme has both ${modules[0]} and ${modules[1]}; only ${modules[0]} is used`,
      hint: `keep one of the two: delete or rename ${modules[1]}.`,
    });
  }
  const file = modules[0];
  if (file) {
    theme.files.push(...modules);
    theme.componentsFile = file;
    await importComponents(projectRoot, file, theme);
  }
  if (!theme.style && !file && !theme.diagnostics.length) return undefined;
  return theme;
}

async function importComponents(root: string, file: string, theme: SiteTheme): Promise<void> {
  const abs = join(root, file);
  let source: string;
  try {
    source = readInside(root, file).toString('utf8');
  } catch (e) {
    theme.diagnostics.push({ file, severity: 'error', code: 'theme/import-failed', message: `${file} cannot be read: ${(e as Error).message}`, hint: 'check the file\'s permissions.' });
    return;
  }
  const fileUrl = pathToFileURL(abs).href;
  const moduleUrl = `${fileUrl}?v=${hash(source)}`;
  const trial = await importsInTime(moduleUrl);
  if (trial !== 'ok') {
    theme.diagnostics.push(importTimeout(file, trial));
    return;
  }
  let exports: Record<string, unknown>;
  try {
    exports = (await import(moduleUrl)) as Record<string, unknown>;
  } catch (e) {
    theme.diagnostics.push(importProblem(file, fileUrl, source, e));
    return;
  }
  theme.moduleUrl = moduleUrl;
  for (const [name, value] of Object.entries(candidates(exports))) {
    const where = locate(source, name);
    if (!isComponentName(name)) {
      const suggestion = closest(name, COMPONENT_NAMES);
      theme.diagnostics.push({
        file,
        ...where,
        severity: 'warning',
        code: 'theme/unknown-component',
        path: [name],
        message: name === 'default' ? `${file}'s default export is not used` : `${file} exports "${name}", which is not a component vita has${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
        hint:
          name === 'default'
            ? `export each override under its component's name (export function footer(props, h) { ... }): ${COMPONENT_NAMES.join(', ')}.`
            : `the components are ${COMPONENT_NAMES.join(', ')}; a helper of your own need not be exported.`,
        input: name,
      });
      continue;
    }
    // Not a function, or an async one: either way vita's own component stands in.
    const unusable =
      typeof value !== 'function'
        ? { as: `${describe(value)}, not a function;`, hint: `export a function that returns markup: export function ${name}(props, h) { return h.html\`...\`; }` }
        : value.constructor?.name === 'AsyncFunction'
          ? { as: 'an async function; pages are made synchronously, so', hint: 'remove "async": a component returns its markup at once (fetch what it needs when the module is imported).' }
          : undefined;
    if (unusable) {
      const message = `${file} exports "${name}" as ${unusable.as} vita's own ${name} is used`;
      theme.diagnostics.push({ file, ...where, severity: 'error', code: 'theme/not-a-function', path: [name], message, hint: unusable.hint });
      continue;
    }
    (theme.components as Record<string, unknown>)[name] = value;
    if (where) theme.locations[name] = where;
  }
}

/** How long importing the theme module may take: loading a file and defining functions takes milliseconds. */
export const IMPORT_TIMEOUT_MS = 5000;

/**
 * Whether the module can be imported at all in time, tried first on a thread of its own: a loop at its top level
 * would otherwise block this thread forever (an import cannot be stopped, and a `vm` timeout does not reach ES
 * modules). The thread is stopped at the deadline, or when its memory passes a bound. 'ok' also when the module
 * throws: importing it here reports that with its line. Its top level thus runs twice (keep it free of effects).
 */
async function importsInTime(moduleUrl: string): Promise<'ok' | 'timeout' | 'memory' | 'unsettled'> {
  // Plain JavaScript, evaluated as a module of its own: the thread imports the theme and says when it is done.
  const code = [
    "import { parentPort, workerData } from 'node:worker_threads';",
    "parentPort.postMessage('start');",
    "try { await import(workerData); } catch {}",
    "parentPort.postMessage('ok');",
  ].join('\n');
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
    workerData: moduleUrl,
    // What the module prints is printed once, by the real import.
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const end = (result: 'ok' | 'timeout' | 'memory' | 'unsettled') => {
      clearTimeout(timer);
      worker.removeAllListeners();
      // Never left running: a thread looping forever would keep the process alive.
      void worker.terminate();
      resolve(result);
    };
    worker.on('message', (m) => {
      // The deadline counts from the import, not from the thread's start (slower on a busy machine).
      if (m === 'start') timer = setTimeout(() => end('timeout'), IMPORT_TIMEOUT_MS);
      else end('ok');
    });
    worker.on('error', (e: Error & { code?: string }) => end(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'ok'));
    // Gone without a word: a top-level await on something that never happens (nothing left to wait for).
    worker.on('exit', () => end('unsettled'));
  });
}

function importTimeout(file: string, why: 'timeout' | 'memory' | 'unsettled'): Diagnostic {
  const what =
    why === 'timeout'
      ? `did not finish importing within ${IMPORT_TIMEOUT_MS / 1000} s (a loop at its top level that never ends?)`
      : why === 'memory'
        ? 'used more than 512 MB of memory while it was imported'
        : 'never finished importing (a top-level await that never ends)';
  return {
    file,
    severity: 'error',
    code: 'theme/import-timeout',
    message: `${file} ${what}: it was stopped, and the site is made with vita's own components`,
    hint: 'look at what the module runs when it is imported, outside its functions: a while or for loop, or an await, that never ends.',
  };
}

/**
 * The module's exports that may be components: its named exports, and the properties of a default export that is
 * a plain object (`export default { footer }`, or `module.exports = { footer }` in a CommonJS file).
 */
function candidates(exports: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fallback = exports.default;
  const objectDefault = fallback !== null && typeof fallback === 'object' && Object.getPrototypeOf(fallback) === Object.prototype;
  if (objectDefault) for (const [k, v] of Object.entries(fallback as Record<string, unknown>)) out[k] = v;
  for (const [k, v] of Object.entries(exports)) {
    if (k === 'default' && (objectDefault || fallback === undefined)) continue;
    if (k === 'module.exports') continue;
    out[k] = v;
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}

/** Where a name is exported in the source: `export function name`, `export const name`, `name(`, `name:` ... */
function locate(source: string, name: string): Span | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  const patterns = [
    new RegExp(String.raw`export\s+(?:async\s+)?(?:function\s*\*?|const|let|var|class)\s*(${name})\b`),
    new RegExp(String.raw`\bas\s+(${name})\b`),
    new RegExp(String.raw`^\s*(?:async\s+)?(${name})\s*(?:\(|:)`, 'm'),
    new RegExp(String.raw`\b(${name})\b`),
  ];
  for (const p of patterns) {
    const m = p.exec(source);
    if (m) return spanAt(source, m.index + m[0].lastIndexOf(m[1]!));
  }
  return undefined;
}

function spanAt(source: string, offset: number): Span {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The line and column an error gives inside a module: the first frame of its stack in the module, or the place
 * its message names (as a transpiling loader's syntax errors do). The module is matched by URL or by path.
 */
export function stackPosition(stack: string | undefined, moduleUrl: string): Span | undefined {
  if (!stack) return undefined;
  const base = moduleUrl.replace(/\?.*$/, '');
  let path = base;
  try {
    path = fileURLToPath(base);
  } catch {
    // not a file: URL
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(String.raw`(?:${escape(base)}|${escape(path)})(?:\?[^:\s)]*)?:(\d+)(?::(\d+))?`).exec(stack);
  return m ? { line: Number(m[1]), column: m[2] ? Number(m[2]) : 1 } : undefined;
}

/** A module that cannot be imported: its syntax error with a line (which Node's ESM loader does not give), or what it threw. */
function importProblem(file: string, fileUrl: string, source: string, e: unknown): Diagnostic {
  const error = e instanceof Error ? e : new Error(String(e));
  let where = stackPosition(`${error.message}\n${error.stack ?? ''}`, fileUrl);
  const esmInCommonJs = /Unexpected token 'export'|Cannot use import statement outside a module/.test(error.message);
  const syntax = error instanceof SyntaxError || error.name === 'TransformError';
  if (syntax && !where && !esmInCommonJs) where = syntaxErrorLine(source);
  return {
    file,
    ...where,
    severity: 'error',
    code: 'theme/import-failed',
    message: `${file} cannot be imported: ${error.name}: ${error.message}; the site is made with vita's own components`,
    hint: esmInCommonJs
      ? `Node reads ${file} as CommonJS here: rename it to theme/components.mjs, or add "type": "module" to the project's package.json.`
      : syntax
        ? 'fix the syntax at that line (the file is an ES module: export function footer(props, h) { ... }).'
        : 'the module threw while it was imported: fix what it runs at the top level, or an import it makes.',
  };
}

/** The line of a syntax error in an ES module, from `node --check`, which names it. */
function syntaxErrorLine(source: string): Span | undefined {
  try {
    const r = spawnSync(process.execPath, ['--input-type=module', '--check'], { input: source, encoding: 'utf8', timeout: 10_000 });
    const m = /^\[stdin\]:(\d+)/m.exec(r.stderr ?? '');
    return m ? { line: Number(m[1]), column: 1 } : undefined;
  } catch {
    return undefined;
  }
}
