/**
 * Plans the files an import adds, then writes them. Only new files are written: publications go into a new
 * publications/imported-<source>.bib (or .yaml), people, news and events into their own new files. A file the user
 * wrote is never rewritten; what the source would add to one is written apart, under imports/<source>/, for the user
 * to copy. Every record is checked against its schema before it is planned, so the project opens without errors.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { openProject } from '../index.js';
import { readBibtex } from '../load/bibtex/index.js';
import { Config, Event, News, Person, Publication, Series, SitePage } from '../schema/index.js';
import { formatEntry } from './bibtex-entries.js';
import type { ImportBundle, ImportedPublication, Origin, PublicationValue } from './bundle.js';
import type { MergePlan } from './merge.js';
import type { ProjectState } from './project-state.js';
import { isRecord } from './text.js';

export interface PlannedFile {
  /** Project-relative POSIX path. */
  path: string;
  /** Text to write; or `copyFrom`, an absolute path of a file to copy (a photo). */
  content?: string;
  copyFrom?: string;
  /** What it holds, for the report: "12 publications", "person Ana Rivera". */
  what: string;
  /** Files under imports/ are the import's own: written again (with the same bytes when nothing changed). */
  own?: boolean;
}

export interface WritePlan {
  files: PlannedFile[];
  notes: Diagnostic[];
  counts: { publications: number; people: number; news: number; talks: number; teaching: number; events: number; /** Pages of the site (pages/<path>.md); absent in plans that write none. */ pages?: number };
}

const HEADER = (label: string, comment: string) => `${comment} Imported by \`vita import\` from ${label}. This file is yours now: edit it freely.\n`;

export function planFiles(bundle: ImportBundle, merge: MergePlan, project: ProjectState, sourceName: string): WritePlan {
  const plan: WritePlan = { files: [], notes: [], counts: { publications: 0, people: 0, news: 0, talks: 0, teaching: 0, events: 0, pages: 0 } };
  const taken = new Set(project.files);
  const add = (file: PlannedFile) => {
    taken.add(file.path);
    plan.files.push(file);
  };
  const free = (path: string) => {
    if (!taken.has(path)) return path;
    const dot = path.lastIndexOf('.');
    for (let n = 2; ; n++) {
      const candidate = `${path.slice(0, dot)}-${n}${path.slice(dot)}`;
      if (!taken.has(candidate)) return candidate;
    }
  };

  if (!project.isProject) add({ path: 'vita.yaml', content: configFile(bundle, merge, plan), what: 'the project configuration' });

  // Publications: BibTeX entries stay BibTeX (with what the source wrote); the others are written as YAML.
  const bib = merge.publications.filter((p) => p.bibtex);
  const yaml = merge.publications.filter((p) => !p.bibtex);
  if (bib.length) {
    const entries = bib.map((p) => checkedBibtex(p, plan.notes)).filter((x): x is string => x !== undefined);
    if (entries.length) {
      add({ path: free(`publications/imported-${bundle.label}.bib`), content: `${HEADER(sourceName, '%')}\n${entries.join('\n\n')}\n`, what: `${entries.length} publication${entries.length === 1 ? '' : 's'}` });
      plan.counts.publications += entries.length;
    }
  }
  if (yaml.length) {
    const values = yaml.map((p) => checkedValue(p, plan.notes)).filter((x): x is Record<string, unknown> => x !== undefined);
    if (values.length) {
      add({ path: free(`publications/imported-${bundle.label}.yaml`), content: `${HEADER(sourceName, '#')}${stringify(values, { lineWidth: 0 })}`, what: `${values.length} publication${values.length === 1 ? '' : 's'}` });
      plan.counts.publications += values.length;
    }
  }

  for (const person of merge.people) {
    const value = checkedRecord(Person, orderPerson(person.value), person.origin, `person ${person.id}`, plan.notes);
    add({ path: `people/${person.id}.yaml`, content: stringify(value, { lineWidth: 0 }), what: `person ${displayName(value)}` });
    plan.counts.people++;
    plan.counts.talks += (value.talks as unknown[] | undefined)?.length ?? 0;
    plan.counts.teaching += (value.teaching as unknown[] | undefined)?.length ?? 0;
    for (const [section, text] of Object.entries(person.sections)) {
      add({ path: `people/${person.id}/${section}.md`, content: text.trim() + '\n', what: `${section} of ${displayName(value)}` });
    }
  }

  for (const [path, from] of Object.entries(bundle.files).sort(([a], [b]) => a.localeCompare(b))) planCopy(path, from, add, taken, plan);

  for (const update of merge.personUpdates) {
    const base = `imports/${bundle.label}/people/${update.id}`;
    if (Object.keys(update.additions).length) {
      const header = `# What ${sourceName} has for ${update.id} that ${update.file} does not.\n# vita does not read this file: copy what you want into ${update.file}, then delete it.\n`;
      add({ path: `${base}.yaml`, content: header + stringify(orderPerson(update.additions), { lineWidth: 0 }), what: `additions for ${update.file}`, own: true });
      plan.counts.talks += (update.additions.talks as unknown[] | undefined)?.length ?? 0;
      plan.counts.teaching += (update.additions.teaching as unknown[] | undefined)?.length ?? 0;
    }
    for (const [section, text] of Object.entries(update.sections)) {
      add({ path: `people/${update.id}/${section}.md`, content: text.trim() + '\n', what: `${section} of ${update.id}` });
    }
  }

  for (const item of merge.news) {
    const { body, ...front } = item.value;
    const data = checkedRecord(News, { ...front, ...(body ? { body } : {}) }, item.origin, `news ${item.slug}`, plan.notes);
    const { body: text, ...rest } = data as { body?: string };
    add({ path: `news/${item.slug}.md`, content: `---\n${stringify(rest, { lineWidth: 0 })}---\n${text ? `${String(text).trim()}\n` : ''}`, what: 'news' });
    plan.counts.news++;
  }

  const seriesWritten = new Set<string>();
  for (const event of merge.events) {
    if (event.seriesValue && !seriesWritten.has(event.series)) {
      seriesWritten.add(event.series);
      add({ path: `seminars/${event.series}/series.yaml`, content: stringify(checkedRecord(Series, event.seriesValue, event.origin, `series ${event.series}`, plan.notes), { lineWidth: 0 }), what: 'seminar series' });
    }
    add({ path: `seminars/${event.series}/${event.id}.yaml`, content: stringify(checkedRecord(Event, { ...event.value, series: event.series }, event.origin, `event ${event.id}`, plan.notes), { lineWidth: 0 }), what: 'seminar event' });
    plan.counts.events++;
  }

  // Pages written by hand: front matter, then the body, as the user would write pages/<path>.md.
  for (const page of merge.pages) {
    const data = checkedRecord(SitePage, page.value, page.origin, `page ${page.path}`, plan.notes) as Record<string, unknown>;
    const { body, layout, ...front } = data;
    if (layout && layout !== 'plain') front.layout = layout;
    add({ path: free(`pages/${page.path}.md`), content: `---\n${stringify(front, { lineWidth: 0 })}---\n${typeof body === 'string' && body.trim() ? `${body.trim()}\n` : ''}`, what: `the page /${page.path}/` });
    plan.counts.pages = (plan.counts.pages ?? 0) + 1;
  }
  return plan;
}

function planCopy(path: string, from: string, add: (f: PlannedFile) => void, taken: Set<string>, plan: WritePlan): void {
  if (!existsSync(from)) {
    plan.notes.push({ file: '', severity: 'warning', code: 'import/missing-file', message: `the file ${path} links to is not in the source; it was not copied` });
    return;
  }
  if (taken.has(path)) return; // already in the project: an earlier import copied it, or the user put it there
  add({ path, copyFrom: from, what: 'a file the record links to' });
}

function configFile(bundle: ImportBundle, merge: MergePlan, plan: WritePlan): string {
  const owner = merge.owner ? merge.people.find((p) => p.id === merge.owner) : undefined;
  const title = bundle.title ?? (owner ? displayName(owner.value) : undefined) ?? bundle.label;
  const value: Record<string, unknown> = { title };
  if (bundle.baseUrl) value.baseUrl = bundle.baseUrl;
  if (merge.owner) value.owner = merge.owner;
  const checked = checkedRecord(Config, value, { file: 'vita.yaml' }, 'vita.yaml', plan.notes);
  return stringify(checked, { lineWidth: 0 });
}

function displayName(value: Record<string, unknown>): string {
  const name = value.name;
  if (typeof name === 'string') return name;
  if (isRecord(name)) return String(Object.values(name)[0] ?? '');
  return '';
}

/** The entry as written, read back with the project's reader: kept only if the schema takes it. */
function checkedBibtex(pub: ImportedPublication, notes: Diagnostic[]): string | undefined {
  const text = formatEntry(pub.bibtex!);
  if (text === pub.checked) return text;
  const diagnostics = new Diagnostics();
  const [record] = readBibtex('imported.bib', text, diagnostics);
  const ok = record && Publication.safeParse(record.value).success && diagnostics.errorCount === 0;
  if (!ok) {
    notes.push(skipNote(pub.origin, pub.value.id, 'the entry could not be written so that vita reads it back'));
    return undefined;
  }
  return text;
}

/** A publication as YAML: authors as plain names, or {name, roles} when they have roles. */
export function checkedValue(pub: ImportedPublication, notes: Diagnostic[]): Record<string, unknown> | undefined {
  const v: PublicationValue = pub.value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(Publication.shape)) {
    const x = (v as Record<string, unknown>)[key];
    if (x === undefined) continue;
    out[key] = key === 'authors' ? v.authors.map((a) => (a.roles.length || a.person ? { name: a.name, ...(a.person ? { person: a.person } : {}), ...(a.roles.length ? { roles: a.roles } : {}) } : a.name)) : x;
  }
  // A name that carries a mark character would be read as a role: write it as an object.
  out.authors = (out.authors as unknown[]).map((a) => (typeof a === 'string' && /[*#†‡✉∗＊]|\\|\$/.test(a) ? { name: a } : a));
  const result = Publication.safeParse(out);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    notes.push(skipNote(pub.origin, v.id, `${issue.path.join('.') || 'the entry'}: ${issue.message}`));
    return undefined;
  }
  return out;
}

function skipNote(origin: Origin, id: string, why: string): Diagnostic {
  return { file: origin.file, ...(origin.line ? { line: origin.line, column: 1 } : {}), severity: 'warning', code: 'import/entry-skipped', message: `\`${id}\` was not imported: ${why}` };
}

type Schema = typeof Person | typeof News | typeof Series | typeof Event | typeof Config | typeof SitePage;

/**
 * A record the schema takes: what it rejects is taken out (a list item, or a field) and reported, rather than written
 * into a file that `vita check` would then reject.
 */
function checkedRecord(schema: Schema, value: Record<string, unknown>, origin: Origin, what: string, notes: Diagnostic[]): Record<string, unknown> {
  let current = structuredClone(value);
  for (let round = 0; round < 50; round++) {
    const result = schema.safeParse(current);
    if (result.success) return current;
    const issue = result.error.issues[0]!;
    const path = issue.path as (string | number)[];
    const cut = cutPoint(current, path);
    if (!cut) break;
    const removed = removeAt(current, cut);
    notes.push({
      file: origin.file,
      ...(origin.line ? { line: origin.line, column: 1 } : {}),
      severity: 'warning',
      code: 'import/not-carried',
      message: `${what}: ${cut.join('.')} was not carried (${issue.message}): ${preview(removed)}`,
      hint: 'add it by hand in the form the schema takes.',
    });
  }
  return current;
}

/**
 * What to take out for an issue at `path`: the field itself when it is written and wrong (the rest of the entry is
 * kept); the innermost list item when something it needs is missing; else the top field.
 */
function cutPoint(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (path.length === 0) return undefined;
  let last = -1;
  let node: unknown = value;
  for (let i = 0; i < path.length; i++) {
    if (Array.isArray(node) && typeof path[i] === 'number') last = i;
    node = (node as Record<string | number, unknown> | undefined)?.[path[i]!];
    if (node === undefined) break;
  }
  if (node !== undefined && typeof path[path.length - 1] === 'string') return path;
  return last >= 0 ? path.slice(0, last + 1) : path.slice(0, 1);
}

function removeAt(value: Record<string, unknown>, path: (string | number)[]): unknown {
  let parent: unknown = value;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') {
    const [removed] = parent.splice(last, 1);
    // An emptied list goes too.
    if (parent.length === 0 && path.length > 1) removeAt(value, path.slice(0, -1));
    return removed;
  }
  const record = parent as Record<string, unknown>;
  const removed = record[String(last)];
  delete record[String(last)];
  return removed;
}

function preview(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? '(nothing)' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** The fields of a person in the order the schema lists them, so files read the same way. */
function orderPerson(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(Person.shape)) if (value[key] !== undefined) out[key] = value[key];
  for (const key of Object.keys(value)) if (!(key in out) && value[key] !== undefined) out[key] = value[key];
  return out;
}

/** Writes the plan: each file atomically (a temporary file renamed into place), never outside the project. */
/**
 * Writes the plan, all or nothing: every target is checked before a byte is written, every file is staged beside its
 * target, then all are moved into place; if any step fails, what was done is undone and the error thrown.
 */
export function applyPlan(rootPath: string, plan: WritePlan): AppliedPlan {
  const root = resolve(rootPath);
  const applied = new AppliedPlan(root);
  const staged: { file: PlannedFile; target: string; temporary: string }[] = [];
  for (const file of plan.files) {
    const target = resolve(root, file.path);
    if (target !== root && !target.startsWith(root + sep)) throw new Error(`refusing to write outside the project: ${file.path}`);
    if (existsSync(target)) {
      const bytes = file.copyFrom !== undefined ? readFileSync(file.copyFrom) : Buffer.from(file.content ?? '', 'utf8');
      if (readFileSync(target).equals(bytes)) {
        applied.unchanged.push(file.path);
        continue;
      }
      if (!file.own) throw new Error(`refusing to overwrite ${file.path}`);
    }
    staged.push({ file, target, temporary: join(dirname(target), `.${file.path.split('/').pop()}.vita-import-${process.pid}`) });
  }
  try {
    for (const s of staged) {
      applied.makeFolder(dirname(s.target));
      applied.temporaries.push(s.temporary);
      if (s.file.copyFrom !== undefined) copyFileSync(s.file.copyFrom, s.temporary);
      else writeFileSync(s.temporary, s.file.content ?? '', 'utf8');
    }
    for (const s of staged) {
      applied.replaced.push({ path: s.target, before: existsSync(s.target) ? readFileSync(s.target) : undefined });
      renameSync(s.temporary, s.target);
      applied.written.push(s.file.path);
    }
    applied.temporaries.length = 0;
  } catch (err) {
    applied.undo();
    throw err;
  }
  return applied;
}

/**
 * Writes the plan, then opens the project again: errors in what it wrote (`ours` says which) take the whole write
 * back. Throws, having written nothing, when a file cannot be written.
 */
export function applyChecked(root: string, plan: WritePlan, ours: (d: Diagnostic) => boolean): { applied: AppliedPlan; check: Diagnostic[] } {
  const applied = applyPlan(root, plan);
  let check: Diagnostic[];
  try {
    check = openProject(root).diagnostics.list.filter((d) => d.severity === 'error' && ours(d));
  } catch (err) {
    applied.undo();
    throw err;
  }
  if (check.length) applied.undo();
  return { applied, check };
}

/** What `applyPlan` did, and how to take it back (when what it wrote does not check, or a later write failed). */
export class AppliedPlan {
  readonly written: string[] = [];
  readonly unchanged: string[] = [];
  /** Files moved into place, with what was there before (files under imports/ are the import's own). */
  readonly replaced: { path: string; before?: Buffer }[] = [];
  readonly temporaries: string[] = [];
  private readonly folders: string[] = [];

  constructor(private readonly root: string) {}

  makeFolder(path: string): void {
    const missing: string[] = [];
    for (let p = path; p.startsWith(this.root + sep) && !existsSync(p); p = dirname(p)) missing.push(p);
    mkdirSync(path, { recursive: true });
    this.folders.push(...missing);
  }

  undo(): void {
    for (const t of this.temporaries) rmSync(t, { force: true });
    for (const r of this.replaced.reverse()) {
      if (r.before) writeFileSync(r.path, r.before);
      else rmSync(r.path, { force: true });
    }
    // Folders the import made, deepest first, when they are empty again.
    for (const f of [...new Set(this.folders)].sort((a, b) => b.length - a.length)) {
      try {
        if (readdirSync(f).length === 0) rmdirSync(f);
      } catch {
        // already gone
      }
    }
    this.written.length = 0;
  }
}
