/** Runs each raw record through its schema: typed records out, every problem reported. */
import { Diagnostics, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import type { DataPath, LoadedProject, ProseSection, RawRecord } from '../load/record.js';
import { SCHEMAS, type ConfigInput, type EventInput, type NewsInput, type PersonInput, type PublicationInput, type SeriesInput } from '../schema/index.js';
import { issuesToDiagnostics } from './issues.js';

/** A validated record that still knows where it was written. */
export interface Located<T> {
  id: string;
  file: string;
  value: T;
  locate(path: DataPath): Span | undefined;
}

export interface ValidRecord {
  root: string;
  config: Located<ConfigInput> | undefined;
  people: Located<PersonInput>[];
  publications: Located<PublicationInput>[];
  news: Located<NewsInput>[];
  series: Located<SeriesInput>[];
  events: Located<EventInput>[];
  prose: ProseSection[];
  files: string[];
}

/**
 * Validation already done, for `vita dev`: a raw record that loading reused (its file did not change) is not
 * checked again; its result and diagnostics are reused.
 */
export type ValidateCache = WeakMap<RawRecord, { valid: Located<unknown> | undefined; diagnostics: Diagnostic[] }>;

export function validateProject(project: LoadedProject, diagnostics: Diagnostics, options: { cache?: ValidateCache } = {}): ValidRecord {
  const out: ValidRecord = { root: project.root, config: undefined, people: [], publications: [], news: [], series: [], events: [], prose: project.prose, files: project.files };
  const cache = options.cache;
  for (const raw of project.records) {
    let valid: Located<unknown> | undefined;
    if (cache) {
      let entry = cache.get(raw);
      if (!entry) {
        const own = new Diagnostics();
        entry = { valid: validateRecord(raw, own), diagnostics: own.list };
        cache.set(raw, entry);
      }
      for (const d of entry.diagnostics) diagnostics.add(d);
      valid = entry.valid;
    } else valid = validateRecord(raw, diagnostics);
    if (!valid) continue;
    switch (raw.kind) {
      case 'config':
        out.config = valid as Located<ConfigInput>;
        break;
      case 'person':
        out.people.push(valid as Located<PersonInput>);
        break;
      case 'publication':
        out.publications.push(valid as Located<PublicationInput>);
        break;
      case 'news':
        out.news.push(valid as Located<NewsInput>);
        break;
      case 'series':
        out.series.push(valid as Located<SeriesInput>);
        break;
      case 'event':
        out.events.push(valid as Located<EventInput>);
        break;
    }
  }
  reportDuplicateIds(out.publications, 'publication', diagnostics);
  reportDuplicateIds(
    out.events.map((e) => ({ ...e, id: `${e.value.series}/${e.id}` })),
    'event',
    diagnostics,
  );
  return out;
}

export function validateRecord(raw: RawRecord, diagnostics: Diagnostics): Located<unknown> | undefined {
  const schema = SCHEMAS[raw.kind];
  if (raw.value === null || typeof raw.value !== 'object' || Array.isArray(raw.value)) {
    diagnostics.error(raw.file, raw.locate([]), 'validate/wrong-type', `a ${raw.kind} file must be a mapping of fields, not ${raw.value === null ? 'nothing' : Array.isArray(raw.value) ? 'a list' : 'a single value'}`, {
      hint: 'write one "field: value" per line.',
    });
    return undefined;
  }
  const result = schema.safeParse(raw.value, { reportInput: true });
  if (!result.success) {
    for (const d of issuesToDiagnostics(raw, schema, result.error.issues)) diagnostics.add(d);
    return undefined;
  }
  const value = result.data as Record<string, unknown>;
  const id = typeof value.id === 'string' ? value.id : (raw.id ?? '');
  return { id, file: raw.file, value, locate: raw.locate };
}

function reportDuplicateIds(records: Located<unknown>[], kind: string, diagnostics: Diagnostics): void {
  const first = new Map<string, Located<unknown>>();
  for (const r of records) {
    const prev = first.get(r.id);
    if (!prev) {
      first.set(r.id, r);
      continue;
    }
    const where = prev.locate([]);
    const what = kind === 'publication' ? 'citation key' : `${kind} id`;
    diagnostics.error(r.file, r.locate([]), 'validate/duplicate-id', `the ${what} "${r.id}" is used twice`, {
      hint: `the first is in ${prev.file}${where ? `:${where.line}` : ''}; give one of them another ${kind === 'publication' ? 'key' : 'id'}.`,
      input: r.id,
    });
  }
}
