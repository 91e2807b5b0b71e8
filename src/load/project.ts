/** Reads a vita project folder into raw records: which file holds which kind of record is decided here, once. */
import { statSync } from 'node:fs';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { SCHEMAS, type RecordKind } from '../schema/index.js';
import { readBibtex, type BibtexMemory } from './bibtex/index.js';
import { loadCached, type LoadCache, type ReadFile } from './cache.js';
import { listFiles, namedFiles, readText, reportLink, type SkippedLink } from './files.js';
import { outputFolder } from './output.js';
import { readFrontMatter } from './markdown.js';
import { loadMetrics, loadMetricsCached } from './metrics.js';
import type { DataPath, LoadedProject, ProseSection, RawRecord } from './record.js';
import { readYaml, type ParsedYaml } from './yaml.js';
import { recordKey, restoreFile, storeFile, type LoadedFile, type RecordCache } from './record-cache.js';
import { storedForms, type StoredYaml, type YamlPlaces } from './stored.js';

export const CONFIG_FILE = 'vita.yaml';
export { newLoadCache, type LoadCache } from './cache.js';

export interface LoadOptions {
  /** The output folder, which is not part of the record. */
  output?: string;
  /** Kept from the last load of this project, for `vita dev`: what did not change is reused (see cache.ts). */
  cache?: LoadCache;
  /**
   * With a cache: the files known to have changed since the last load (a file watcher's paths, project-relative).
   * Only these are looked at, and the folder is listed again only if one was added or removed. Without it, every
   * file is looked at.
   */
  changed?: Iterable<string>;
  /**
   * Where each file as loaded is kept between builds (see record-cache.ts): a file whose text is the one kept is
   * not parsed again. Not used with `cache`, which keeps files in memory.
   */
  recordCache?: RecordCache;
}

export function loadProject(root: string, diagnostics: Diagnostics, options: LoadOptions = {}): LoadedProject {
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
  const cache = options.cache;
  const output = options.output ?? configuredOutput(root);
  const named = cache?.files && options.changed ? namedFiles(root, cache.files, options.changed, output) : undefined;
  let links: SkippedLink[] | undefined = cache?.links;
  if (!named) {
    links = [];
    project.files = listFiles(root, output, links);
    if (cache) cache.links = links;
  } else project.files = named.files;
  for (const link of links ?? []) reportLink(diagnostics, link);
  if (!project.files.includes(CONFIG_FILE)) {
    diagnostics.error(CONFIG_FILE, undefined, 'load/no-config', 'the project has no vita.yaml', {
      hint: 'create vita.yaml in the project folder with at least a title, e.g. `title: Lei Wu`.',
    });
  }
  if (cache) {
    const read: ReadFile = (file, text, own, bibtex) => {
      const part: LoadedProject = { root, records: [], prose: [], files: [] };
      loadText(part, file, roleOf(file)!, text, own, bibtex);
      return part;
    };
    loadCached(project, cache, named?.look, diagnostics, recordKind, read);
    project.metrics = loadMetricsCached(root, project.files, cache, diagnostics);
    return project;
  }
  for (const file of project.files) {
    const role = roleOf(file);
    if (role) loadFile(project, file, role, diagnostics, options.recordCache);
  }
  options.recordCache?.done?.();
  project.metrics = loadMetrics(root, project.files, diagnostics);
  return project;
}

/** vita.yaml's output folder when it names one inside the project (the record's check reports one that does not). */
function configuredOutput(root: string): string | undefined {
  return outputFolder(root).folder;
}

/** Whether a file holds records (and whether BibTeX), by name: `vita dev` asks for every file at every rebuild. */
const roles = new Map<string, 'bibtex' | boolean>();

function recordKind(file: string): 'bibtex' | boolean {
  let kind = roles.get(file);
  if (kind === undefined) {
    const role = roleOf(file);
    kind = role?.kind === 'bibtex' ? 'bibtex' : role !== undefined;
    if (roles.size > 100_000) roles.clear();
    roles.set(file, kind);
  }
  return kind;
}

/** Reads one file of the record into the project's records or prose. */
function loadFile(project: LoadedProject, file: string, role: Role, diagnostics: Diagnostics, kept?: RecordCache): void {
  const text = readText(project.root, file, diagnostics);
  if (text === undefined) return;
  if (!kept) return loadText(project, file, role, text, diagnostics);
  const key = recordKey(file, text);
  let loaded: LoadedFile | undefined;
  try {
    loaded = restoreFile(file, text, kept.get(key));
  } catch {
    loaded = undefined;
  }
  if (!loaded) {
    const own = new Diagnostics();
    const part: LoadedProject = { root: project.root, records: [], prose: [], files: [] };
    loadText(part, file, role, text, own);
    loaded = { records: part.records, prose: part.prose, diagnostics: own.list };
    const stored = storeFile(loaded, text);
    if (stored) kept.set(key, stored);
  }
  for (const r of loaded.records) project.records.push(r);
  for (const p of loaded.prose) project.prose.push(p);
  for (const d of loaded.diagnostics) diagnostics.add(d);
}

function loadText(project: LoadedProject, file: string, role: Role, text: string, diagnostics: Diagnostics, bibtex?: BibtexMemory): void {
  if (role.kind === 'prose') {
    const fm = readFrontMatter(file, text, diagnostics);
    project.prose.push({ file, person: role.person, section: role.section, text: fm.body, line: fm.bodyLine } satisfies ProseSection);
    return;
  }
  const badName = 'id' in role ? invalidName(role) : undefined;
  if (badName !== undefined) {
    // The name becomes the record's id and its page's address: anything but plain letters would be invisible or
    // ambiguous there (a right-to-left override, a space, a capital that a case-insensitive disk merges).
    const folder = role.kind === 'series';
    const suggestion = slugOf(badName);
    diagnostics.error(file, { line: 1, column: 1 }, 'load/bad-file-name', `the ${folder ? 'folder' : 'file'} name "${visible(badName)}" is not a valid id`, {
      hint: `ids use lower-case letters, digits and hyphens: rename the ${folder ? 'folder' : 'file'}${suggestion ? ` to "${suggestion}"` : ''}.`,
      input: badName,
    });
  }
  if (text.trim() === '' && role.kind === 'bibtex') {
    diagnostics.error(file, { line: 1, column: 1 }, 'load/empty-file', 'the file is empty', {
      hint: 'write BibTeX entries in it (@article{key, title = {...}, author = {...}, year = {...}}), or delete the file.',
    });
    return;
  }
  if (role.kind === 'page' && role.person) {
    // A person's own page is also a section of theirs, by its name, for a CV variant that lists it (cv.sections).
    const fm = readFrontMatter(file, text, new Diagnostics());
    project.prose.push({ file, person: role.person, section: role.section!, text: fm.body, line: fm.bodyLine } satisfies ProseSection);
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
  for (const r of readRecords(file, text, role, diagnostics, bibtex)) project.records.push(r);
}

/** What a file name must be to name a record: the id pattern of the schemas. */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The part of a record's file name that is not an id, if any: a page's id is its path, each folder of it an id. */
function invalidName(role: { kind: string; id?: string }): string | undefined {
  if (role.id === undefined) return undefined;
  const names = role.kind === 'page' ? role.id.split('/').filter(Boolean) : [role.id];
  return names.find((name) => !ID_PATTERN.test(name));
}

/** A name with its invisible and control characters shown as code points, so the report shows what is wrong. */
function visible(name: string): string {
  return name.replace(/[\p{C}]/gu, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** The id a name was probably meant to be: lower case, hyphens for the rest, invisible characters dropped. */
function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\p{M}\p{C}]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type Role =
  | { kind: 'config' | 'person' | 'series'; id?: string; format: 'yaml' }
  | { kind: 'news' | 'event'; id: string; format: 'yaml' | 'markdown'; series?: string }
  /** Pages, posts and projects: Markdown with front matter; `person` for those in a person's folder. */
  | { kind: 'page' | 'post' | 'project'; id: string; format: 'markdown'; person?: string; section?: string }
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
    if (parts.length === 3 && ext === '.md') {
      const person = parts[1]!;
      if (PERSON_SECTIONS.has(stem)) return { kind: 'prose', person, section: stem };
      // Any other Markdown file of a person is a page of theirs: people/<id>/software.md -> /people/<id>/software/.
      return { kind: 'page', id: `people/${person}/${stem}`, format: 'markdown', person, section: stem };
    }
    if (parts.length === 4 && parts[2] === 'posts' && ext === '.md') return { kind: 'post', id: stem, format: 'markdown', person: parts[1]! };
  }
  if (top === 'pages' && parts.length >= 2 && ext === '.md') {
    // pages/join.md -> join/, pages/teaching/ml/index.md -> teaching/ml/: the id is the page's path.
    const path = [...parts.slice(1, -1), stem].join('/');
    return { kind: 'page', id: path === 'index' ? '' : path.replace(/\/index$/, ''), format: 'markdown' };
  }
  if (top === 'posts' && parts.length === 2 && ext === '.md') return { kind: 'post', id: stem, format: 'markdown' };
  if (top === 'projects' && parts.length === 2 && ext === '.md') return { kind: 'project', id: stem, format: 'markdown' };
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

function readRecords(file: string, text: string, role: Exclude<Role, { kind: 'prose' }>, diagnostics: Diagnostics, bibtex?: BibtexMemory): RawRecord[] {
  if (role.kind === 'bibtex') return readBibtex(file, text, diagnostics, bibtex);
  if (role.kind === 'publications') {
    const parsed = readYaml(file, text, diagnostics);
    if (!parsed.ok) return [];
    if (!Array.isArray(parsed.value)) {
      diagnostics.error(file, parsed.locate([]), 'validate/wrong-type', 'a publications YAML file must be a list of publications', {
        hint: 'start each publication with "- id: ...".',
      });
      return [];
    }
    return parsed.value.map((value, i) => {
      const record: RawRecord = {
        kind: 'publication' as const,
        file,
        id: typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : undefined,
        value,
        locate: (path) => parsed.locate([i, ...path]),
      };
      return noteYaml(record, parsed, [i]);
    });
  }
  const kind: RecordKind = role.kind;
  let parsed: ParsedYaml | undefined;
  let value: unknown;
  let bodyAt: { line: number; column: number; field: string } | undefined;
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
    const bodyField = role.kind === 'event' ? 'abstract' : 'body';
    let body = fm.body.trim();
    let own: Record<string, unknown> = data;
    if (role.kind === 'page' || role.kind === 'post' || role.kind === 'project') {
      // As Jekyll and Hugo sites write them: the title may be the body's first heading, a post's date its file name's.
      const heading = own.title === undefined ? firstHeading(body) : undefined;
      if (heading) {
        own = { ...own, title: heading.title };
        body = heading.rest;
      }
      const dated = role.kind === 'post' && own.date === undefined ? POST_NAME.exec(role.id) : null;
      if (dated) own = { ...own, date: dated[1] };
    }
    value = body ? { ...own, [bodyField]: body } : own;
    // The body has no YAML position: it is "written" where its text starts, after the front matter (and heading).
    const before = fm.body.slice(0, Math.max(0, fm.body.indexOf(body)));
    bodyAt = { line: fm.bodyLine + (before.match(/\n/g)?.length ?? 0), column: 1, field: bodyField };
  } else {
    parsed = readYaml(file, text, diagnostics);
    if (!parsed.ok) return [];
    value = parsed.value;
  }
  if ('series' in role && role.series && isPlainObject(value) && value.series === undefined) value = { ...value, series: role.series };
  const at = parsed;
  const body = bodyAt;
  const locate = body
    ? (path: DataPath) => (path.length === 1 && path[0] === body.field ? { line: body.line, column: body.column } : (at?.locate(path) ?? { line: 1, column: 1 }))
    : (path: DataPath) => at?.locate(path) ?? { line: 1, column: 1 };
  return [noteYaml({ kind, file, id: 'id' in role ? role.id : undefined, value, locate }, parsed, [], body)];
}

/** Notes what a YAML or Markdown record is made from, so that it can be kept between builds (see record-cache.ts). */
function noteYaml(record: RawRecord, parsed: ParsedYaml | undefined, prefix: DataPath, body?: StoredYaml['body']): RawRecord {
  // Made only when the record is kept: most openings keep nothing.
  let places: YamlPlaces | null | undefined;
  const form = {
    form: 'yaml' as const,
    kind: record.kind,
    id: record.id,
    value: record.value,
    prefix,
    ...(body ? { body } : {}),
    get places(): YamlPlaces | null {
      return (places ??= parsed?.places?.() ?? null);
    },
  };
  storedForms.set(record, form);
  return record;
}

const KIND_NAMES: Record<RecordKind, string> = {
  config: 'vita.yaml',
  person: 'a person file',
  publication: 'a publication',
  news: 'a news item',
  series: 'a series file',
  event: 'an event file',
  page: 'a page',
  post: 'a post',
  project: 'a project',
};

/** The Markdown sections of a person that their pages show in place; any other Markdown file of theirs is a page. */
export const PERSON_SECTIONS: ReadonlySet<string> = new Set(['about', 'bio', 'vision', 'recruiting', 'research']);

/** A post's file name: its date, then its slug ("2025-03-14-sharpness"). */
export const POST_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

/** The body's first line when it is a level-1 heading ("# Join us"), and the body after it. */
function firstHeading(body: string): { title: string; rest: string } | undefined {
  const m = /^#[ \t]+(.+?)[ \t]*#*[ \t]*(?:\r?\n|$)/.exec(body);
  return m ? { title: m[1]!, rest: body.slice(m[0].length).trim() } : undefined;
}

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

