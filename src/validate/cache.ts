/**
 * Validating again, for `vita dev`: a record that loading reused is not checked again. When loading replaced records
 * in its last list (see load/cache.ts) and no record became valid or invalid, the last list of publications is updated
 * in place, and only the other, short lists are made again: an edit costs the records it changed.
 */
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedMetrics, LoadedProject, RawRecord } from '../load/record.js';
import type { ValidMetrics } from './metrics.js';
import type { PublicationInput } from '../schema/index.js';
import { duplicatesIn, reportDuplicateEvents, reportDuplicateIds } from './duplicates.js';
import { emptyRecord, place, type Located, type ValidRecord } from './valid-record.js';
import { validateRecord } from './record.js';

interface Checked {
  valid: Located<unknown> | undefined;
  diagnostics: Diagnostic[];
}

export interface ValidateCache {
  /** The citation counts as last validated, with the reading of the file they came from. */
  metrics?: { loaded: LoadedMetrics; valid: ValidMetrics | undefined; diagnostics: Diagnostic[] };
  records: WeakMap<RawRecord, Checked>;
  /**
   * Records valid without a word, by their value: a record moved by lines (see load/bibtex/record.ts) is another
   * record with the same value, and validates the same, only its positions are elsewhere.
   */
  values: WeakMap<object, { raw: RawRecord; valid: Located<unknown> }>;
  /** The last list of records as loaded, what each became, and where each valid publication is in the list of them. */
  last?: {
    records: RawRecord[];
    checked: Checked[];
    publicationAt: number[];
    publications: Located<PublicationInput>[];
    duplicates: [number, number][];
    /** The places of the records that are not publications, and of those with diagnostics: the few to look at again. */
    others: number[];
    noted: Set<number>;
  };
}

export function newValidateCache(): ValidateCache {
  return { records: new WeakMap(), values: new WeakMap() };
}

export function validateCached(project: LoadedProject, diagnostics: Diagnostics, cache: ValidateCache): ValidRecord {
  const checkedOf = (raw: RawRecord): Checked => {
    let c = cache.records.get(raw);
    if (c) return c;
    const value = typeof raw.value === 'object' && raw.value !== null ? raw.value : undefined;
    const same = value && cache.values.get(value);
    if (same && same.raw.kind === raw.kind && same.raw.file === raw.file && same.raw.id === raw.id) {
      c = { valid: { ...same.valid, locate: raw.locate }, diagnostics: [] };
    } else {
      const own = new Diagnostics();
      c = { valid: validateRecord(raw, own), diagnostics: own.list };
      if (value && c.valid && own.list.length === 0) cache.values.set(value, { raw, valid: c.valid });
    }
    cache.records.set(raw, c);
    return c;
  };
  const out = emptyRecord(project);
  const last = cache.last;
  const replaced = last && last.records === project.records && project.replaced ? inPlace(project, last, checkedOf) : undefined;
  if (last && replaced) {
    out.publications = last.publications;
    out.replaced = replaced.at;
    // Looking at each of 50,000 records costs more than the edit: only those with diagnostics, and the short lists.
    for (const i of [...last.noted].sort((a, b) => a - b)) for (const d of last.checked[i]!.diagnostics) diagnostics.add(d);
    for (const i of last.others) {
      const valid = last.checked[i]!.valid;
      if (valid) place(out, project.records[i]!.kind, valid);
    }
    // The same keys in the same places: the same duplicates.
    if (!replaced.sameKeys) last.duplicates = duplicatesIn(out.publications.map((p) => p.id));
  } else {
    const checked: Checked[] = new Array(project.records.length);
    const publicationAt: number[] = new Array(project.records.length).fill(-1);
    const others: number[] = [];
    const noted = new Set<number>();
    project.records.forEach((raw, i) => {
      const c = (checked[i] = checkedOf(raw));
      if (c.diagnostics.length) noted.add(i);
      for (const d of c.diagnostics) diagnostics.add(d);
      if (raw.kind !== 'publication') others.push(i);
      if (!c.valid) return;
      if (raw.kind === 'publication') publicationAt[i] = out.publications.length;
      place(out, raw.kind, c.valid);
    });
    const duplicates = duplicatesIn(out.publications.map((p) => p.id));
    cache.last = { records: project.records, checked, publicationAt, publications: out.publications, duplicates, others, noted };
  }
  reportDuplicateIds(out.publications, cache.last!.duplicates, 'publication', diagnostics);
  reportDuplicateEvents(out.events, diagnostics);
  return out;
}

/**
 * The replaced records checked, and their publications put in the last list; undefined if one became valid or
 * invalid (the lists change shape: they are made anew).
 */
function inPlace(project: LoadedProject, last: NonNullable<ValidateCache['last']>, checkedOf: (raw: RawRecord) => Checked): { at: number[]; sameKeys: boolean } | undefined {
  const now = project.replaced!.map((i) => checkedOf(project.records[i]!));
  if (project.replaced!.some((i, n) => !last.checked[i]!.valid !== !now[n]!.valid)) return undefined;
  const at: number[] = [];
  let sameKeys = true;
  project.replaced!.forEach((i, n) => {
    last.checked[i] = now[n]!;
    if (now[n]!.diagnostics.length) last.noted.add(i);
    else last.noted.delete(i);
    const valid = now[n]!.valid;
    if (!valid || project.records[i]!.kind !== 'publication') return;
    const j = last.publicationAt[i]!;
    if (last.publications[j]!.id !== valid.id) sameKeys = false;
    last.publications[j] = valid as Located<PublicationInput>;
    at.push(j);
  });
  return { at, sameKeys };
}
