/** Reads a vita project folder into raw records: which file holds which kind of record is decided here, once. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SCHEMAS, type RecordKind } from '../schema/index.js';
import { readBibtex } from './bibtex/index.js';
import { readFrontMatter } from './markdown.js';
import type { LoadedProject, ProseSection, RawRecord } from './record.js';
import { readYaml, type ParsedYaml } from './yaml.js';

export const CONFIG_FILE = 'vita.yaml';
/** Folders that are never part of the record. */
const IGNORED = new Set(['node_modules', '.git', '_site', 'out', 'dist', '.vita-cache', '.cache']);

/**
 * What loading made of each file, for `vita dev`: a file whose size and dates have not changed since is not
 * read nor parsed again; its records, prose and diagnostics are reused as they were.
 */
export type LoadCache = Map<string, { stamp: string; records: RawRecord[]; prose: ProseSection[]; diagnostics: Diagnostic[] }>;

/** Size, inode and modification/change times in nanoseconds: any write to the file changes one of them. */
function stampOf(path: string): string | undefined {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.size}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return undefined;
  }
}

export function loadProject(root: string, diagnostics: Diagnostics, options: { output?: string; cache?: LoadCache } = {}): LoadedProject {
  const project: LoadedProject = { root, records: [], prose: [], files: [] };
  let rootStat;
  try {
    rootStat = statSync(root);
  } catch {
    diagnostics.error('', undefined, 'load/no-project', `the folder "${root}" does not exist`, {
      hint: 'give the path of a vita project: a folder with a vita.yaml file in it.',
    });
    return project;
  }
  if (!rootStat.isDirectory()) {
    diagnostics.error('', undefined, 'load/no-project', `"${root}" is a file, not a project folder`, {
      hint: 'give the folder that holds vita.yaml.',
    });
    return project;
  }
  project.files = listFiles(root, options.output);
  if (!project.files.includes(CONFIG_FILE)) {
    diagnostics.error(CONFIG_FILE, undefined, 'load/no-config', 'the project has no vita.yaml', {
      hint: 'create vita.yaml in the project folder with at least a title, e.g. `title: Lei Wu`.',
    });
  }
  const cache = options.cache;
  if (cache) {
    const present = new Set(project.files);
    for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
  }
  for (const file of project.files) {
    const role = roleOf(file);
    if (!role) continue;
    if (!cache) {
      loadFile(project, file, role, diagnostics);
      continue;
    }
    const stamp = stampOf(join(root, file));
    let entry = cache.get(file);
    if (!entry || stamp === undefined || entry.stamp !== stamp) {
      const own = new Diagnostics();
      const part: LoadedProject = { root, records: [], prose: [], files: [] };
      loadFile(part, file, role, own);
      entry = { stamp: stamp ?? '', records: part.records, prose: part.prose, diagnostics: own.list };
      if (stamp !== undefined) cache.set(file, entry);
      else cache.delete(file);
    }
    project.records.push(...entry.records);
    project.prose.push(...entry.prose);
    for (const d of entry.diagnostics) diagnostics.add(d);
  }
  return project;
}

/** Reads one file of the record into the project's records or prose. */
function loadFile(project: LoadedProject, file: string, role: Role, diagnostics: Diagnostics): void {
  const root = project.root;
  {
    const text = readText(root, file, diagnostics);
    if (text === undefined) return;
    if (role.kind === 'prose') {
      const fm = readFrontMatter(file, text, diagnostics);
      project.prose.push({ file, person: role.person, section: role.section, text: fm.body, line: fm.bodyLine } satisfies ProseSection);
      return;
    }
    if (text.trim() === '' && role.kind !== 'bibtex') {
      const required = requiredFields(role.kind === 'publications' ? 'publication' : role.kind);
      diagnostics.error(file, { line: 1, column: 1 }, 'load/empty-file', 'the file is empty', {
        hint:
          role.kind === 'publications'
            ? `write a list of publications ("- id: ...", with ${required.join(', ')}), or delete the file.`
            : `${KIND_NAMES[role.kind]} needs at least ${required.map((f) => `"${f}:"`).join(', ')}${role.kind === 'config' ? '.' : '; delete the file if it is not needed.'}`,
      });
      return;
    }
    project.records.push(...readRecords(file, text, role, diagnostics));
  }
}

type Role =
  | { kind: 'config' | 'person' | 'series'; id?: string; format: 'yaml' }
  | { kind: 'news' | 'event'; id: string; format: 'yaml' | 'markdown'; series?: string }
  | { kind: 'publications'; format: 'yaml' }
  | { kind: 'bibtex' }
  | { kind: 'prose'; person: string; section: string };

/** The project layout, in one place. */
export function roleOf(file: string): Role | undefined {
  const parts = file.split('/');
  const name = parts[parts.length - 1]!;
  const stem = name.replace(/\.[^.]+$/, '');
  const ext = name.slice(stem.length).toLowerCase();
  const isYaml = ext === '.yaml' || ext === '.yml';
  if (parts.length === 1) return file === CONFIG_FILE ? { kind: 'config', format: 'yaml' } : undefined;
  const [top] = parts;
  if (top === 'people') {
    if (parts.length === 2 && isYaml) return { kind: 'person', id: stem, format: 'yaml' };
    if (parts.length === 3 && ext === '.md') return { kind: 'prose', person: parts[1]!, section: stem };
  }
  if (top === 'publications' && parts.length === 2) {
    if (ext === '.bib') return { kind: 'bibtex' };
    if (isYaml) return { kind: 'publications', format: 'yaml' };
  }
  if (top === 'news' && parts.length === 2) {
    if (ext === '.md') return { kind: 'news', id: stem, format: 'markdown' };
    if (isYaml) return { kind: 'news', id: stem, format: 'yaml' };
  }
  if (top === 'seminars' && parts.length === 3) {
    const series = parts[1]!;
    if (isYaml && stem === 'series') return { kind: 'series', id: series, format: 'yaml' };
    if (isYaml) return { kind: 'event', id: stem, format: 'yaml', series };
    if (ext === '.md') return { kind: 'event', id: stem, format: 'markdown', series };
  }
  return undefined;
}

function readRecords(file: string, text: string, role: Exclude<Role, { kind: 'prose' }>, diagnostics: Diagnostics): RawRecord[] {
  if (role.kind === 'bibtex') return readBibtex(file, text, diagnostics);
  if (role.kind === 'publications') {
    const parsed = readYaml(file, text, diagnostics);
    if (!parsed.ok) return [];
    if (!Array.isArray(parsed.value)) {
      diagnostics.error(file, parsed.locate([]), 'validate/wrong-type', 'a publications YAML file must be a list of publications', {
        hint: 'start each publication with "- id: ...".',
      });
      return [];
    }
    return parsed.value.map((value, i) => ({
      kind: 'publication' as const,
      file,
      id: typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : undefined,
      value,
      locate: (path) => parsed.locate([i, ...path]),
    }));
  }
  const kind: RecordKind = role.kind;
  let parsed: ParsedYaml | undefined;
  let value: unknown;
  if (role.format === 'markdown') {
    // Markdown records keep their body as the main text: a news item's text, an event's abstract.
    const fm = readFrontMatter(file, text, diagnostics);
    parsed = fm.data;
    if (parsed && !parsed.ok) return [];
    const data = parsed?.value ?? {};
    if (!isPlainObject(data)) {
      diagnostics.error(file, { line: 2, column: 1 }, 'validate/wrong-type', 'the front matter must be a mapping of fields', {
        hint: 'write "field: value" lines between the two --- lines.',
      });
      return [];
    }
    const bodyField = role.kind === 'news' ? 'body' : 'abstract';
    value = fm.body.trim() ? { ...data, [bodyField]: fm.body.trim() } : data;
  } else {
    parsed = readYaml(file, text, diagnostics);
    if (!parsed.ok) return [];
    value = parsed.value;
  }
  if ('series' in role && role.series && isPlainObject(value) && value.series === undefined) value = { ...value, series: role.series };
  const at = parsed;
  return [{ kind, file, id: 'id' in role ? role.id : undefined, value, locate: (path) => at?.locate(path) ?? { line: 1, column: 1 } }];
}

const KIND_NAMES: Record<RecordKind, string> = { config: 'vita.yaml', person: 'a person file', publication: 'a publication', news: 'a news item', series: 'a series file', event: 'an event file' };

/** The fields a record of a kind cannot do without, for the hint of an empty file. */
function requiredFields(kind: RecordKind): string[] {
  const shape = (SCHEMAS[kind] as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape ?? {};
  return Object.entries(shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readText(root: string, file: string, diagnostics: Diagnostics): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, file));
  } catch (err) {
    diagnostics.error(file, undefined, 'load/unreadable', `the file could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
      hint: 'check that the file exists and that you may read it.',
    });
    return undefined;
  }
  if (bytes.includes(0)) {
    diagnostics.error(file, undefined, 'load/not-text', 'the file is binary, not text', {
      hint: 'records are UTF-8 text (YAML, Markdown, BibTeX); move images and PDFs to assets/.',
    });
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    diagnostics.error(file, undefined, 'load/not-utf8', 'the file is not valid UTF-8', {
      hint: 'save it as UTF-8 (most editors offer "Save with encoding").',
    });
    return undefined;
  }
}

/** Every file of the project, as sorted project-relative POSIX paths, skipping output and tool folders. */
function listFiles(root: string, output?: string): string[] {
  const out: string[] = [];
  const skipOutput = output ? relative(root, join(root, output)).split(sep).join('/') : undefined;
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') && entry.name !== '.well-known') continue;
      const abs = join(dir, entry.name);
      const rel = relative(root, abs).split(sep).join('/');
      if (entry.isDirectory()) {
        if (IGNORED.has(entry.name) || rel === skipOutput) continue;
        walk(abs);
      } else if (entry.isFile()) out.push(rel);
    }
  };
  walk(root);
  return out.sort();
}
