/**
 * The publications of the graph: by key, and each person's list, newest first. Made from the previous version when
 * there is one, so that an edit to one entry of 50,000 costs that entry, not the whole list: `vita dev` does this.
 */
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PublicationInput } from '../schema/index.js';
import type { Located } from '../validate/index.js';
import type { Publication } from './graph.js';
import type { PeopleDirectory } from './people.js';
import { byDateDescending, compare, resolvePublication } from './publications.js';

/** One publication resolved, with what resolving it reported. */
interface Resolved {
  /** The key it is known by in the map (its validated id). */
  key: string;
  pub: Publication;
  diagnostics: Diagnostic[];
}

export interface Bibliography {
  /** Resolved against these people: with other people, every publication is resolved again. */
  directory: PeopleDirectory;
  /** The validated publications, in the order of the record, and what each became. */
  sources: Located<PublicationInput>[];
  resolved: Resolved[];
  /** By key; a key written twice keeps its first place and its last publication, as `new Map(entries)` does. */
  map: Map<string, Publication>;
  /** Whether no key was written twice, so an edit that keeps the keys can update the map in place of making it. */
  unique: boolean;
  /** Each person's publications, newest first; people without any are absent. */
  byPerson: Map<string, string[]>;
  /** The same object as long as the keys and their order are the same: what depends only on them is reused. */
  keys: object;
  /**
   * With the same keys as the last version: the places (in the order of the record, which is the map's) that hold
   * another publication now. Undefined when the map was made anew.
   */
  changed?: { at: number; pub: Publication }[];
  /** The places whose publication has diagnostics: the few to look at for them. */
  noted: Set<number>;
  /** Results by source, for sources that moved (an entry added above them); kept only when asked to remember. */
  memory: WeakMap<Located<PublicationInput>, Resolved>;
  /**
   * Results without diagnostics by the source's value: a source moved by lines is another object with the same
   * value, and resolves the same but for its positions (kept only when asked to remember).
   */
  byValue: WeakMap<object, Resolved>;
}

const NONE: Diagnostic[] = [];

/** Above this many changed publications, sorting all again is cheaper than moving each in the lists. */
const MOVES = 2000;

export function resolveBibliography(
  sources: Located<PublicationInput>[],
  directory: PeopleDirectory,
  options: { last?: Bibliography; remember?: boolean; replaced?: number[] } = {},
): Bibliography {
  const { last, remember = false } = options;
  const previous = last && last.directory === directory ? last : undefined;
  const memory = previous?.memory ?? new WeakMap<Located<PublicationInput>, Resolved>();
  const byValue = previous?.byValue ?? new WeakMap<object, Resolved>();
  // One collector for all: each publication's diagnostics are the ones it added.
  const collected = new Diagnostics();
  const reporting = directory.reportingTo(collected);
  const resolve = (source: Located<PublicationInput>): Resolved => {
    let r = remember ? memory.get(source) : undefined;
    if (r) return r;
    const same = remember ? byValue.get(source.value) : undefined;
    if (same && same.key === source.id) r = { key: source.id, pub: { ...same.pub, source }, diagnostics: NONE };
    else {
      const before = collected.list.length;
      const pub = resolvePublication(source, reporting);
      r = { key: source.id, pub, diagnostics: collected.list.length === before ? NONE : collected.list.slice(before) };
      if (remember && r.diagnostics.length === 0) byValue.set(source.value, r);
    }
    if (remember) memory.set(source, r);
    return r;
  };

  // The places that hold another publication, and what they held.
  let resolved: Resolved[];
  let fresh: number[];
  if (previous && sources === previous.sources && options.replaced) {
    // Validation updated its last list in place, and says where.
    resolved = previous.resolved;
    fresh = options.replaced;
  } else if (previous && sources !== previous.sources) {
    resolved = new Array(sources.length);
    fresh = [];
    for (let i = 0; i < sources.length; i++) {
      if (previous.sources[i] === sources[i]) resolved[i] = previous.resolved[i]!;
      else fresh.push(i);
    }
  } else {
    resolved = new Array(sources.length);
    fresh = sources.map((_s, i) => i);
  }
  const before = previous ? fresh.map((i) => previous.resolved[i]) : [];
  const noted = previous && resolved === previous.resolved ? previous.noted : new Set<number>();
  if (!previous || resolved !== previous.resolved) resolved.forEach((r, i) => r.diagnostics.length && noted.add(i));
  for (const i of fresh) {
    const r = (resolved[i] = resolve(sources[i]!));
    if (r.diagnostics.length) noted.add(i);
    else noted.delete(i);
  }

  // The same keys in the same places: the last map with the new publications set in it is the map made anew.
  const sameKeys = previous !== undefined && previous.unique && previous.resolved.length === sources.length && fresh.every((i, n) => before[n]?.key === resolved[i]!.key);
  let map: Map<string, Publication>;
  let unique = true;
  let changes: [before: Publication | undefined, after: Publication | undefined][];
  let changed: Bibliography['changed'];
  if (sameKeys) {
    // Updated in place: a map of 50,000 is not copied for one entry (a graph opened with a cache lives until the next).
    map = previous.map;
    changes = [];
    changed = [];
    for (const [n, i] of fresh.entries()) {
      const was = before[n]!.pub;
      const now = resolved[i]!.pub;
      if (was === now) continue;
      map.set(resolved[i]!.key, now);
      changes.push([was, now]);
      changed.push({ at: i, pub: now });
    }
  } else {
    map = new Map();
    for (const r of resolved) {
      if (map.has(r.key)) unique = false;
      map.set(r.key, r.pub);
    }
    changes = previous ? differences(previous.map, map) : [];
  }

  const keys = last && (sameKeys || sameKeyOrder(last.map, map)) ? last.keys : {};
  const byPerson = previous && changes.filter(([a, b]) => !staysInLists(a, b)).length <= MOVES ? reorder(previous.byPerson, map, changes) : orderAll(map);
  return { directory, sources, resolved, map, unique, byPerson, keys, changed, noted, memory, byValue };
}

/** The diagnostics of every publication, in the order of the record. */
export function bibliographyDiagnostics(b: Bibliography): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const i of [...b.noted].sort((x, y) => x - y)) for (const d of b.resolved[i]!.diagnostics) out.push(d);
  return out;
}

function differences(before: Map<string, Publication>, after: Map<string, Publication>): [Publication | undefined, Publication | undefined][] {
  const out: [Publication | undefined, Publication | undefined][] = [];
  for (const [key, pub] of after) {
    const old = before.get(key);
    if (old !== pub) out.push([old, pub]);
  }
  for (const [key, pub] of before) if (!after.has(key)) out.push([pub, undefined]);
  return out;
}

function sameKeyOrder(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  const other = b.keys();
  for (const key of a.keys()) if (other.next().value !== key) return false;
  return true;
}

function orderAll(map: Map<string, Publication>): Map<string, string[]> {
  // byDateDescending's order, with the keys read once: publications come in many shapes (their optional fields), so
  // reading three properties from them in each of the ~15 comparisons per publication cost more than comparing.
  // Only publications with people of the project are in anyone's list: the others need no place.
  const ordered: SortKey[] = [];
  for (const pub of map.values()) if (pub.people.length > 0) ordered.push({ date: pub.sortDate, title: pub.title, id: pub.id, pub });
  ordered.sort(bySortKey);
  // One pass over the publications gives everyone their list, newest first.
  const byPerson = new Map<string, string[]>();
  for (const { pub } of ordered) for (const id of pub.people) (byPerson.get(id) ?? byPerson.set(id, []).get(id)!).push(pub.id);
  return byPerson;
}

interface SortKey {
  date: string;
  title: string;
  id: string;
  pub: Publication;
}

/** byDateDescending on the keys. */
function bySortKey(a: SortKey, b: SortKey): number {
  return compare(b.date, a.date) || compare(a.title, b.title) || compare(a.id, b.id);
}

/**
 * Last version's lists with the changed publications moved, for their people only: byDateDescending is a total order
 * (keys are unique in the map), so a list is what a full sort gives.
 */
function reorder(last: Map<string, string[]>, map: Map<string, Publication>, changes: [Publication | undefined, Publication | undefined][]): Map<string, string[]> {
  const touched = new Set<string>();
  const gone = new Set<string>();
  for (const [before, after] of changes) {
    if (staysInLists(before, after)) continue;
    for (const id of before?.people ?? []) touched.add(id);
    for (const id of after?.people ?? []) touched.add(id);
    if (before) gone.add(before.id);
  }
  if (touched.size === 0) return last;
  const byPerson = new Map(last);
  for (const id of touched) {
    const list = (last.get(id) ?? []).filter((key) => !gone.has(key));
    for (const [, after] of changes) {
      if (!after || !after.people.includes(id) || list.includes(after.id)) continue;
      list.splice(position(list, after, (key) => map.get(key)!), 0, after.id);
    }
    if (list.length) byPerson.set(id, list);
    else byPerson.delete(id);
  }
  return byPerson;
}

/** A list holds keys: it changes when a publication moves in the order, or is someone's no longer (or newly). */
function staysInLists(before: Publication | undefined, after: Publication | undefined): boolean {
  return before !== undefined && after !== undefined && byDateDescending(before, after) === 0 && sameList(before.people, after.people);
}

/** Where a publication is, or goes, in a list sorted newest first: binary search. */
function position<T>(list: T[], pub: Publication, of: (item: T) => Publication): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byDateDescending(of(list[mid]!), pub) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
